// Source stage: edit distance (edit_distance.h).
#include "loge/source/edit_distance.h"

#include <algorithm>
#include <vector>

namespace loge {

std::size_t editDistance(std::string_view a, std::string_view b) {
  // Suggestions are for typos in names and keywords: beyond kLongest bytes
  // the quadratic table would take seconds (a 100 000-byte name) for a
  // suggestion nobody needs, so long words are only equal or far apart.
  if (a.size() > kLongest || b.size() > kLongest) return a == b ? 0 : std::max(a.size(), b.size());
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

} // namespace loge
