// Ingest stage: the French wording of type expectations and bounds.
#include "messages.h"

#include <fmt/format.h>

#include <string>

namespace loge::ingest::detail {

std::string decimalNoun(ir::Unit unit) {
  switch (unit) {
  case ir::Unit::Euro:
  case ir::Unit::EuroPerMonth:
  case ir::Unit::EuroPerYear: return "un montant";
  case ir::Unit::SquareMetre: return "une surface";
  case ir::Unit::Points: return "un nombre de points";
  case ir::Unit::None: break;
  }
  return "un nombre décimal";
}

std::string expectedPhrase(const ir::Program& program, const ir::Type* type) {
  if (type == nullptr) return "une valeur";
  switch (type->kind) {
  case ir::TypeKind::Bool: return "un booléen (true ou false)";
  case ir::TypeKind::Int: return "un entier";
  case ir::TypeKind::Decimal: return decimalNoun(type->unit);
  case ir::TypeKind::Date: return "une date (texte \"AAAA-MM-JJ\")";
  case ir::TypeKind::Duration:
    return type->durationUnit == ir::DurationUnit::Months ? "une durée (entier de mois)"
                                                          : "une durée (entier de jours)";
  case ir::TypeKind::Text: return "un texte";
  case ir::TypeKind::Enum: return "une valeur de `" + ir::typeName(program, type) + "` (texte)";
  case ir::TypeKind::Struct: return "un objet `" + ir::typeName(program, type) + "`";
  case ir::TypeKind::List: return "une liste";
  case ir::TypeKind::Optional: return expectedPhrase(program, type->element);
  case ir::TypeKind::Absent:
  case ir::TypeKind::Error: break;
  }
  return "une valeur";
}

std::string constantText(const ir::Constant& c) {
  switch (c.kind) {
  case ir::Constant::Kind::Int:
  case ir::Constant::Kind::Duration: return std::to_string(c.asInt());
  case ir::Constant::Kind::Decimal: return c.asDecimal().toString();
  case ir::Constant::Kind::Date: return c.asDate().toString();
  case ir::Constant::Kind::Text: return fmt::format("\"{}\"", c.text);
  default: return "?";
  }
}

} // namespace loge::ingest::detail
