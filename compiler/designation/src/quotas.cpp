// Designation stage: quotas over a file of attributions.
#include "loge/designation/quotas.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <utility>

namespace loge::designation {

namespace {
bool digits(const std::string& s, std::size_t from, std::size_t n) {
  if (s.size() < from + n) return false;
  for (std::size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
} // namespace

namespace {

// The months a period label covers, as [first, last] counted from year 0:
// "2025", "2025-S1", "2025-T3", "2025-06".
std::optional<std::pair<int, int>> monthsOf(const std::string& label) {
  if (label.size() < 4 || !digits(label, 0, 4)) return std::nullopt;
  const int year = std::stoi(label.substr(0, 4)) * 12;
  if (label.size() == 4) return std::make_pair(year, year + 11);
  if (label.size() != 7 || label[4] != '-') return std::nullopt;
  const char k = label[5], n = label[6];
  if (k == 'S' && (n == '1' || n == '2')) return std::make_pair(year + (n - '1') * 6, year + (n - '1') * 6 + 5);
  if (k == 'T' && n >= '1' && n <= '4') return std::make_pair(year + (n - '1') * 3, year + (n - '1') * 3 + 2);
  if (digits(label, 5, 2)) {
    const int m = std::stoi(label.substr(5, 2));
    if (m >= 1 && m <= 12) return std::make_pair(year + m - 1, year + m - 1);
  }
  return std::nullopt;
}

} // namespace

bool PeriodFilter::matches(const std::string& label) const {
  auto f = monthsOf(text), g = monthsOf(label);
  if (!f || !g) return label == text;
  return f->first <= g->first && g->second <= f->second;
}

bool PeriodFilter::within(const std::string& label) const {
  auto f = monthsOf(text), g = monthsOf(label);
  return f && g && g->first <= f->first && f->second <= g->second && *f != *g;
}

// The months the filter spans: a year, a semester, a quarter or a month.
static std::pair<int, int> filterMonths(const std::string& text) {
  if (text.size() == 4) return {1, 12};
  const int n = text[6] - '0';
  if (text[5] == 'S') return {6 * n - 5, 6 * n};
  if (text[5] == 'T') return {3 * n - 2, 3 * n};
  const int month = std::stoi(text.substr(5, 2));
  return {month, month};
}

num::Date PeriodFilter::first() const {
  return *num::Date::fromYmd(std::stoi(text.substr(0, 4)), filterMonths(text).first, 1);
}

num::Date PeriodFilter::last() const {
  const int year = std::stoi(text.substr(0, 4)), month = filterMonths(text).second;
  return *num::Date::fromYmd(year, month, num::daysInMonth(year, month));
}

std::optional<PeriodFilter> parsePeriodFilter(const std::string& text, std::string& error) {
  bool ok = false;
  // Year 0 does not exist, as for dates (0001-01-01 is the first day).
  if (digits(text, 0, 4) && text.compare(0, 4, "0000") != 0) {
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
    // With --periode, the attributions of unrelated periods are not
    // evaluated: a year outside the parameters' dates does not stop the
    // report of another.
    std::function<bool(const std::string&)> keep;
    if (period) keep = [&](const std::string& label) { return period->matches(label) || period->within(label); };
    for (interp::QuotaGroup& g : interp.quotaGroups(q, attributions, date, nullptr, keep)) {
      if (!period || period->matches(g.period))
        e.groups.push_back(std::move(g));
      else if (period->within(g.period) &&
               std::find(e.longerPeriods.begin(), e.longerPeriods.end(), g.period) == e.longerPeriods.end())
        e.longerPeriods.push_back(g.period);
    }
    out.quotas.push_back(std::move(e));
  }
  return out;
}

} // namespace loge::designation
