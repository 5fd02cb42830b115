// Date construction, validation and the calendar facts (leap years, month
// lengths) every other date primitive relies on.
#include "civil.h"

namespace loge::num {

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
  switch (month) {
  case 1:
  case 3:
  case 5:
  case 7:
  case 8:
  case 10:
  case 12: return 31;
  case 4:
  case 6:
  case 9:
  case 11: return 30;
  case 2: return isLeapYear(year) ? 29 : 28;
  default: return 0; // not a month: no day is valid
  }
}

std::optional<Date> Date::fromYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > daysInMonth(year, month)) return std::nullopt;
  return fromDays(static_cast<std::int32_t>(detail::daysFromCivil(year, month, day)));
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  // Reads `len` digits at `pos`; -1 on anything else (signs, spaces, ...).
  auto number = [text](std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  return fromYmd(year, month, day);
}

std::optional<Date> Date::parseFrench(std::string_view text) {
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
  for (const std::size_t i : {0, 1, 3, 4, 6, 7, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  const int day = (text[0] - '0') * 10 + (text[1] - '0');
  const int month = (text[3] - '0') * 10 + (text[4] - '0');
  const int year = ((text[6] - '0') * 10 + (text[7] - '0')) * 100 + (text[8] - '0') * 10 + (text[9] - '0');
  return fromYmd(year, month, day);
}

YearMonthDay Date::ymd() const {
  const detail::Civil c = detail::civilFromDays(days_);
  return {static_cast<int>(c.year), c.month, c.day};
}

Date Date::min() { return fromDays(static_cast<std::int32_t>(detail::kMinDays)); }
Date Date::max() { return fromDays(static_cast<std::int32_t>(detail::kMaxDays)); }

} // namespace loge::num
