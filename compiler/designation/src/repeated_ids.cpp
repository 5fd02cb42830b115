// Designation stage: identifiers given twice in one file of records.
#include "loge/designation/designation.h"

#include <map>

namespace loge::designation {

std::vector<RepeatedId> repeatedIds(const std::vector<std::string>& ids) {
  std::vector<RepeatedId> out;
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].empty()) continue;
    auto [it, inserted] = seen.emplace(ids[i], i);
    if (!inserted) out.push_back({ids[i], it->second, i});
  }
  return out;
}

} // namespace loge::designation
