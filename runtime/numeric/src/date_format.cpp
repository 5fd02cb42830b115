// Dates as text: ISO 8601 for data and diagnostics, French prose
// ("1er janvier 2025") for the explanations given to applicants.
#include "loge/numeric/date.h"

#include <cstdio>

namespace loge::num {

namespace {

constexpr const char* kFrenchMonths[12] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                           "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

} // namespace

const char* frenchMonth(int month) { return kFrenchMonths[(month - 1 + 12) % 12]; }

std::string Date::toString() const {
  const YearMonthDay v = ymd();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
  return buf;
}

std::string Date::toFrench() const {
  const YearMonthDay v = ymd();
  // French writes the first day of a month as an ordinal: « 1er ».
  std::string s = v.day == 1 ? "1er" : std::to_string(v.day);
  s += ' ';
  s += frenchMonth(v.month);
  s += ' ';
  s += std::to_string(v.year);
  return s;
}

} // namespace loge::num
