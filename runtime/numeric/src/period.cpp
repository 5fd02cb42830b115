// Quota periods: the first day and a stable label for the year, semester,
// quarter or month containing a date (labels are keys in quota counters).
#include "civil.h"

#include <cstdio>

namespace loge::num {

namespace {

// The first month (1..12) of the period containing `month`.
int firstMonth(int month, PeriodKind kind) {
  switch (kind) {
  case PeriodKind::Year: return 1;
  case PeriodKind::Semester: return month <= 6 ? 1 : 7;
  case PeriodKind::Quarter: return (month - 1) / 3 * 3 + 1;
  case PeriodKind::Month: return month;
  }
  return 1;
}

} // namespace

Date periodStart(Date d, PeriodKind kind) {
  const YearMonthDay v = d.ymd();
  return Date::fromDays(static_cast<std::int32_t>(detail::daysFromCivil(v.year, firstMonth(v.month, kind), 1)));
}

std::string periodLabel(Date d, PeriodKind kind) {
  const YearMonthDay v = d.ymd();
  char buf[32];
  switch (kind) {
  case PeriodKind::Year: std::snprintf(buf, sizeof buf, "%04d", v.year); break;
  case PeriodKind::Semester: std::snprintf(buf, sizeof buf, "%04d-S%d", v.year, v.month <= 6 ? 1 : 2); break;
  case PeriodKind::Quarter: std::snprintf(buf, sizeof buf, "%04d-T%d", v.year, (v.month - 1) / 3 + 1); break;
  case PeriodKind::Month: std::snprintf(buf, sizeof buf, "%04d-%02d", v.year, v.month); break;
  default: buf[0] = '\0'; break;
  }
  return buf;
}

} // namespace loge::num
