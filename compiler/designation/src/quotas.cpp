// Designation stage: quotas over a file of attributions.
#include "loge/designation/quotas.h"

#include <fmt/format.h>

namespace loge::designation {

namespace {
bool digits(const std::string& s, std::size_t from, std::size_t n) {
  if (s.size() < from + n) return false;
  for (std::size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
} // namespace

bool PeriodFilter::matches(const std::string& label) const {
  // A year selects every period of that year (semesters, quarters, months).
  return label == text || (text.size() == 4 && label.size() > 4 && label.compare(0, 4, text) == 0 && label[4] == '-');
}

std::optional<PeriodFilter> parsePeriodFilter(const std::string& text, std::string& error) {
  bool ok = false;
  if (digits(text, 0, 4)) {
    if (text.size() == 4) {
      ok = true;
    } else if (text.size() == 7 && text[4] == '-') {
      char k = text[5], n = text[6];
      if (k == 'S')
        ok = n == '1' || n == '2';
      else if (k == 'T')
        ok = n >= '1' && n <= '4';
      else if (digits(text, 5, 2))
        ok = (k == '0' && n >= '1') || (k == '1' && n <= '2');
    }
  }
  if (!ok) {
    error = fmt::format("période invalide « {} » (attendu une année 2025, un semestre 2025-S1, un trimestre 2025-T3 "
                        "ou un mois 2025-06)",
                        text);
    return std::nullopt;
  }
  return PeriodFilter{text};
}

QuotaReport computeQuotas(const ir::Program& p, const std::vector<interp::Value>& attributions, num::Date date,
                          const std::optional<PeriodFilter>& period) {
  QuotaReport out;
  out.attributionCount = attributions.size();
  out.period = period;
  out.date = date;
  interp::Interpreter interp(p);
  for (std::uint32_t q = 0; q < p.quotas.size(); ++q) {
    QuotaReport::Entry e;
    e.quota = q;
    for (interp::QuotaGroup& g : interp.quotaGroups(q, attributions, date))
      if (!period || period->matches(g.period)) e.groups.push_back(std::move(g));
    out.quotas.push_back(std::move(e));
  }
  return out;
}

} // namespace loge::designation
