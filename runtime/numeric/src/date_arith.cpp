// Durations between dates and date shifts. Months and days are kept apart
// (a month has no fixed length), and every shift is range-checked.
#include "civil.h"

namespace loge::num {

namespace {

struct YearMonth {
  int year;
  int month;
};

// The month `months` after d's month, or nullopt outside years 1..9999.
std::optional<YearMonth> shiftMonth(Date d, std::int64_t months) {
  constexpr std::int64_t kSpan = 12 * 10000; // larger shifts always leave the range
  if (months > kSpan || months < -kSpan) return std::nullopt;
  const YearMonthDay v = d.ymd();
  const std::int64_t index = std::int64_t{v.year} * 12 + (v.month - 1) + months;
  if (index < 12 || index >= 12 * 10000) return std::nullopt;
  return YearMonth{static_cast<int>(index / 12), static_cast<int>(index % 12) + 1};
}

Date makeDate(int year, int month, int day) {
  return Date::fromDays(static_cast<std::int32_t>(detail::daysFromCivil(year, month, day)));
}

} // namespace

std::int64_t monthsBetween(Date a, Date b) {
  if (a > b) return -monthsBetween(b, a);
  const YearMonthDay x = a.ymd();
  const YearMonthDay y = b.ymd();
  const std::int64_t months = (std::int64_t{y.year} - x.year) * 12 + (std::int64_t{y.month} - x.month);
  return y.day < x.day ? months - 1 : months;
}

std::int64_t yearsBetween(Date a, Date b) { return monthsBetween(a, b) / 12; }

std::int64_t daysBetween(Date a, Date b) { return std::int64_t{b.days()} - a.days(); }

Status addDays(Date d, std::int64_t days, Date& out) {
  std::int64_t r;
  if (__builtin_add_overflow(std::int64_t{d.days()}, days, &r)) return Status::InvalidDate;
  if (r < detail::kMinDays || r > detail::kMaxDays) return Status::InvalidDate;
  out = Date::fromDays(static_cast<std::int32_t>(r));
  return Status::Ok;
}

Status addMonths(Date d, std::int64_t months, EndOfMonth rule, Date& out) {
  const std::optional<YearMonth> t = shiftMonth(d, months);
  if (!t) return Status::InvalidDate;
  const int day = d.ymd().day;
  const int last = daysInMonth(t->year, t->month);
  if (day <= last) {
    out = makeDate(t->year, t->month, day);
    return Status::Ok;
  }
  switch (rule) {
  case EndOfMonth::LastDayOfMonth: out = makeDate(t->year, t->month, last); return Status::Ok;
  case EndOfMonth::FirstOfNextMonth:
    // A missing day is never in December, so the next month is in range.
    out = makeDate(t->year, t->month + 1, 1);
    return Status::Ok;
  case EndOfMonth::Error: return Status::InvalidDate;
  }
  return Status::InvalidDate;
}

bool addMonthsNeedsRule(Date d, std::int64_t months) {
  const std::optional<YearMonth> t = shiftMonth(d, months);
  return t && d.ymd().day > daysInMonth(t->year, t->month);
}

} // namespace loge::num
