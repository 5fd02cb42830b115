// Runtime numeric core: legal calendar dates and durations.
//
// A `Date` is a day of the proleptic Gregorian calendar between 0001-01-01
// and 9999-12-31, stored as the number of days since 1970-01-01. Durations
// are counts of days or of months (years are 12 months): the two kinds never
// mix, because "one month" has no fixed number of days.
//
// Definitions (documented for jurists in docs/reference/dates-et-durees.md; Python's
// `datetime` is the oracle, tests/numeric/oracle/):
//  - monthsBetween(a, b) counts complete months from a to b:
//      (yb - ya) * 12 + (mb - ma), minus 1 when db < da  (for a <= b);
//    for a > b it is -monthsBetween(b, a). So 2025-05-31 → 2025-06-30 is 0
//    month, 2024-02-29 → 2025-02-28 is 11 months, → 2025-03-01 is 12.
//  - yearsBetween(a, b) = monthsBetween(a, b) / 12, truncated towards zero.
//  - daysBetween(a, b) = b - a in days (negative when b is before a).
//  - addMonths(d, n): same day n months later; when that day does not exist
//    (31 → April, 29 February → a common year) the policy's declared
//    EndOfMonth rule applies.
#pragma once

#include "loge/numeric/status.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loge::num {

// The policy header's `dates : fin de mois | début du mois suivant | erreur`.
enum class EndOfMonth : std::uint8_t {
  LastDayOfMonth,   // 2024-01-31 + 1 mois = 2024-02-29
  FirstOfNextMonth, // 2024-01-31 + 1 mois = 2024-03-01
  Error,            // Status::InvalidDate
};

struct YearMonthDay {
  int year;
  int month; // 1..12
  int day;   // 1..31
};

// "janvier" … "décembre" (month 1..12).
const char* frenchMonth(int month);

class Date {
public:
  constexpr Date() = default;
  static constexpr Date fromDays(std::int32_t daysSinceEpoch) {
    Date d;
    d.days_ = daysSinceEpoch;
    return d;
  }
  // nullopt when the triple is not a real day inside the supported range.
  static std::optional<Date> fromYmd(int year, int month, int day);
  // Strict ISO 8601 calendar date "YYYY-MM-DD" (exactly 10 characters).
  static std::optional<Date> parse(std::string_view text);
  // JJ/MM/AAAA with exactly two, two and four digits, as French forms and
  // CSV exports write dates; nothing otherwise.
  static std::optional<Date> parseFrench(std::string_view text);

  constexpr std::int32_t days() const { return days_; }
  YearMonthDay ymd() const;
  std::string toString() const; // "2025-06-30"
  std::string toFrench() const; // "30 juin 2025"

  friend constexpr bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend constexpr auto operator<=>(Date a, Date b) { return a.days_ <=> b.days_; }

  static Date min(); // 0001-01-01
  static Date max(); // 9999-12-31

private:
  std::int32_t days_ = 0;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);

std::int64_t monthsBetween(Date a, Date b);
std::int64_t yearsBetween(Date a, Date b);
std::int64_t daysBetween(Date a, Date b);

Status addDays(Date d, std::int64_t days, Date& out);
Status addMonths(Date d, std::int64_t months, EndOfMonth rule, Date& out);
// True when addMonths(d, months, ·) depends on the EndOfMonth rule.
bool addMonthsNeedsRule(Date d, std::int64_t months);

// The first day of the period containing d, for quota periods.
enum class PeriodKind : std::uint8_t {
  Year,
  Semester,
  Quarter,
  Month
};
Date periodStart(Date d, PeriodKind kind);
// A stable label: "2025", "2025-S1", "2025-T3", "2025-06".
std::string periodLabel(Date d, PeriodKind kind);

} // namespace loge::num
