// IR stage: compile-time constants (literals, parameter values, table cells).
#pragma once

#include "loge/numeric/date.h"
#include "loge/numeric/decimal.h"

#include <string>
#include <vector>

namespace loge::ir {

struct Constant {
  enum class Kind : std::uint8_t {
    Absent,
    Bool,
    Int,
    Decimal,
    Date,
    Duration,
    Text,
    Enum,
    List,
    Tuple
  };
  Kind kind = Kind::Absent;
  // Bool: 0/1; Int: the value; Decimal: the mantissa (scale 10^18); Date:
  // days since 1970-01-01; Duration: the count of its unit; Enum: the index.
  num::int128 number = 0;
  std::string text;            // Text
  std::vector<Constant> items; // List, Tuple

  static Constant boolean(bool b) { return {Kind::Bool, b ? 1 : 0, {}, {}}; }
  static Constant integer(std::int64_t i) { return {Kind::Int, i, {}, {}}; }
  static Constant decimal(num::Decimal d) { return {Kind::Decimal, d.mantissa(), {}, {}}; }
  static Constant date(num::Date d) { return {Kind::Date, d.days(), {}, {}}; }
  static Constant enumValue(std::uint32_t i) { return {Kind::Enum, i, {}, {}}; }
  static Constant string(std::string s) { return {Kind::Text, 0, std::move(s), {}}; }

  std::int64_t asInt() const { return static_cast<std::int64_t>(number); }
  num::Decimal asDecimal() const { return num::Decimal::fromMantissa(number); }
  num::Date asDate() const { return num::Date::fromDays(static_cast<std::int32_t>(number)); }
  bool asBool() const { return number != 0; }
};

} // namespace loge::ir
