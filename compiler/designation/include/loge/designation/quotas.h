// Designation stage: every quota of a policy computed over a file of
// attributions, per period and scope (LANGUAGE-NOTES P3). The figures are
// the interpreter's (interp::Interpreter::quotaGroups): the same as a test's
// `quota.X[…].champ`.
#pragma once

#include "loge/designation/designation.h"

namespace loge::designation {

// A period filter: "2025" (a year: every period of that year), "2025-S1"
// (the semester and its quarters and months), "2025-T3", "2025-06". Nullopt
// and a French message when malformed.
struct PeriodFilter {
  std::string text;
  // Whether the period labelled so (a quota group's) lies within the filter.
  bool matches(const std::string& periodLabel) const;
  // Whether it strictly contains the filter (an annual group, for 2025-S1).
  bool within(const std::string& periodLabel) const;
  // The first and last days of the period.
  num::Date first() const;
  num::Date last() const;
};
std::optional<PeriodFilter> parsePeriodFilter(const std::string& text, std::string& error);

struct QuotaReport {
  struct Entry {
    std::uint32_t quota = 0;
    std::vector<interp::QuotaGroup> groups; // ordered by period, then keys
    // With a filter: the longer periods of this quota that contain it.
    std::vector<std::string> longerPeriods;
  };
  std::vector<Entry> quotas; // declaration order
  std::size_t attributionCount = 0;
  std::optional<PeriodFilter> period;
  num::Date date;
};

// Throws interp::EvalError (located in the policy) when a quota's
// expression fails on some attribution.
QuotaReport computeQuotas(const ir::Program& p, const std::vector<interp::Value>& attributions, num::Date date,
                          const std::optional<PeriodFilter>& period);

} // namespace loge::designation
