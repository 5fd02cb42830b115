// Internal conversions between day counts and proleptic Gregorian dates.
// Counting in 400-year eras starting on 1 March makes leap days fall at the
// end of each year, so both directions need no tables and no loops.
#pragma once

#include "loge/numeric/date.h"

#include <cstdint>

namespace loge::num::detail {

// Days from 0000-03-01 to 1970-01-01.
inline constexpr std::int64_t kEpochShift = 719468;
inline constexpr std::int64_t kDaysPerEra = 146097; // 400 Gregorian years

constexpr std::int64_t daysFromCivil(std::int64_t year, int month, int day) {
  const std::int64_t y = month <= 2 ? year - 1 : year; // years start in March
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yearOfEra = y - era * 400;                                                // 0..399
  const std::int64_t monthFromMarch = (month + 9) % 12;                                        // March = 0
  const std::int64_t dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;                     // 0..365
  const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear; // 0..146096
  return era * kDaysPerEra + dayOfEra - kEpochShift;
}

struct Civil {
  std::int64_t year;
  int month;
  int day;
};

constexpr Civil civilFromDays(std::int64_t days) {
  const std::int64_t z = days + kEpochShift;
  const std::int64_t era = (z >= 0 ? z : z - (kDaysPerEra - 1)) / kDaysPerEra;
  const std::int64_t dayOfEra = z - era * kDaysPerEra; // 0..146096
  // Undo the leap-day corrections to find the year inside the era.
  const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / (kDaysPerEra - 1)) / 365;
  const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const std::int64_t monthFromMarch = (5 * dayOfYear + 2) / 153; // 0..11
  const int day = static_cast<int>(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
  const int month = static_cast<int>(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
  const std::int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

// Day counts of the supported range, 0001-01-01 and 9999-12-31.
inline constexpr std::int64_t kMinDays = daysFromCivil(1, 1, 1);
inline constexpr std::int64_t kMaxDays = daysFromCivil(9999, 12, 31);
static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(kMinDays == -719162 && kMaxDays == 2932896);

} // namespace loge::num::detail
