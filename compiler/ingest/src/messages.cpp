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

int plainFractionDigits(std::string_view text) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  const std::size_t whole = i;
  while (i < text.size() && digit(text[i])) ++i;
  if (i == whole) return -1;
  if (i == text.size()) return 0;
  if (text[i] != '.') return -1;
  const std::size_t fraction = ++i;
  while (i < text.size() && digit(text[i])) ++i;
  if (i == fraction || i != text.size()) return -1;
  return static_cast<int>(i - fraction);
}

std::string decimalRangeProblem(std::string_view shown, int fractionDigits) {
  if (fractionDigits > num::Decimal::kScale)
    return fmt::format("trop de décimales dans {} ({} au plus)", shown, num::Decimal::kScale);
  return fmt::format("nombre hors limites : {}", shown);
}

} // namespace loge::ingest::detail
