// Ingest stage: the bounds a schema declares on a field, checked on a value.
#include "bounds.h"

#include "messages.h"

#include <fmt/format.h>

namespace loge::ingest::detail {

namespace {

// A bound on the scale of the value it limits: days for dates; for numbers
// and list lengths, mantissas (integers scaled by 10^18). A bound of another
// kind does not apply.
bool comparable(const ir::Constant& c, bool date, num::int128& out) {
  switch (c.kind) {
  case ir::Constant::Kind::Int:
  case ir::Constant::Kind::Duration: out = c.number * num::Decimal::kOne; return !date;
  case ir::Constant::Kind::Decimal: out = c.number; return !date;
  case ir::Constant::Kind::Date: out = c.number; return date;
  default: return false;
  }
}

} // namespace

std::string boundsProblem(const ir::FieldDecl& field, const interp::Value& value) {
  if (!field.lower && !field.upper) return {};
  num::int128 x = 0;
  std::string shown;
  const char* what = "valeur";
  switch (value.tag) {
  case interp::Tag::Int:
  case interp::Tag::Duration:
    x = num::int128(value.i) * num::Decimal::kOne;
    shown = std::to_string(value.i);
    break;
  case interp::Tag::Decimal:
    x = value.d;
    shown = value.asDecimal().toString();
    break;
  case interp::Tag::Date:
    x = value.date;
    shown = value.asDate().toString();
    break;
  case interp::Tag::List:
    x = num::int128(value.lst->items.size()) * num::Decimal::kOne;
    shown = std::to_string(value.lst->items.size());
    what = "longueur";
    break;
  default: return {}; // absent optional, or a type without bounds
  }
  const bool date = value.tag == interp::Tag::Date;
  num::int128 bound = 0;
  if (field.lower && comparable(*field.lower, date, bound) && x < bound)
    return fmt::format("{} {} inférieure au minimum {}", what, shown, constantText(*field.lower));
  if (field.upper && comparable(*field.upper, date, bound) && x > bound)
    return fmt::format("{} {} supérieure au maximum {}", what, shown, constantText(*field.upper));
  return {};
}

} // namespace loge::ingest::detail
