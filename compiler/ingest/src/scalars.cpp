// Ingest stage: exact conversion of scalars, and schema bounds.
//
// Numbers are converted from their raw JSON text, never through a double:
// integers digit by digit with overflow detection, decimals with
// num::Decimal::parse (the policy literal syntax, so data and policy read
// numbers identically).
#include "record_parser.h"

#include "bounds.h"
#include "messages.h"
#include "text.h"

#include <fmt/format.h>

#include <limits>

namespace loge::ingest::detail {

using interp::Value;

namespace {
bool isDigit(char c) { return c >= '0' && c <= '9'; }
} // namespace

bool RecordParser::mismatch(const std::string& expected) {
  const std::size_t start = pos_;
  std::string found;
  if (!describeToken(found)) return false;
  return fail(start, fmt::format("attendu {}, trouvé {}", expected, found));
}

bool RecordParser::parseInteger(std::int64_t& out) {
  const std::size_t start = pos_;
  std::string_view raw;
  bool fraction = false, exponent = false;
  if (!scanNumber(raw, fraction, exponent)) return false;
  if (fraction || exponent)
    return fail(start, fmt::format("attendu un entier, trouvé le nombre {}", quoteForMessage(raw)));
  const bool negative = raw[0] == '-';
  const std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
  std::uint64_t magnitude = 0;
  for (std::size_t i = negative ? 1 : 0; i < raw.size(); ++i) {
    const auto digit = static_cast<std::uint64_t>(raw[i] - '0');
    if (magnitude > (limit - digit) / 10)
      return fail(start, fmt::format("entier hors limites : {}", quoteForMessage(raw)));
    magnitude = magnitude * 10 + digit;
  }
  // Two's complement: -2^63 is representable, its magnitude wraps to itself.
  out = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  return true;
}

bool RecordParser::parseDecimal(const ir::Type* type, Value& out) {
  const std::size_t start = pos_;
  const char c = peek();
  if (c == '-' || isDigit(c)) {
    std::string_view raw;
    bool fraction = false, exponent = false;
    if (!scanNumber(raw, fraction, exponent)) return false;
    if (exponent)
      return fail(start, fmt::format("notation exponentielle refusée pour {} : {} (écrire le nombre sans exposant, "
                                     "par exemple \"1650.00\")",
                                     decimalNoun(type->unit), quoteForMessage(raw)));
    const std::optional<num::Decimal> d = num::Decimal::parse(raw);
    if (!d) return fail(start, decimalRangeProblem(quoteForMessage(raw), plainFractionDigits(raw)));
    out = Value::decimal(*d);
    return true;
  }
  if (c != '"') return mismatch(expectedPhrase(program_, type));
  if (!scanString(strBuffer_, str_)) return false;
  const std::optional<num::Decimal> d = num::Decimal::parse(str_);
  if (d) {
    out = Value::decimal(*d);
    return true;
  }
  const std::string shown = fmt::format("\"{}\"", quoteForMessage(str_));
  const int fractionDigits = plainFractionDigits(str_);
  if (fractionDigits >= 0) return fail(start, decimalRangeProblem(shown, fractionDigits));
  return fail(start, fmt::format("attendu {}, trouvé le texte {} (écrire un nombre décimal avec un point, sans "
                                 "espace ni exposant, par exemple \"1650.00\")",
                                 decimalNoun(type->unit), shown));
}

bool RecordParser::parseEnum(const ir::Type* type, Value& out) {
  const std::size_t start = pos_;
  if (peek() != '"') return mismatch(expectedPhrase(program_, type));
  if (!scanString(strBuffer_, str_)) return false;
  if (type->index >= program_.enums.size()) return fail(start, "énumération inconnue");
  const ir::EnumDecl& decl = program_.enums[type->index];
  // Values are stored folded: "hébergé" and "heberge" both name `heberge`.
  const std::string_view name = folded(str_);
  for (std::size_t i = 0; i < decl.values.size(); ++i) {
    if (decl.values[i] == name) {
      out = Value::enumValue(static_cast<std::uint32_t>(i));
      return true;
    }
  }
  std::string message = fmt::format("valeur inconnue \"{}\" pour `{}` (valeurs possibles : {})", quoteForMessage(str_),
                                    decl.name, joinNames(decl.values, 30));
  const std::string suggestion = closestMatch(name, decl.values);
  if (!suggestion.empty()) message += fmt::format(" ; vouliez-vous dire `{}` ?", suggestion);
  return fail(start, std::move(message));
}

bool RecordParser::parseScalar(const ir::Type* type, Value& out) {
  const std::size_t start = pos_;
  const char c = peek();
  switch (type->kind) {
  case ir::TypeKind::Bool: {
    if (c != 't' && c != 'f') return mismatch(expectedPhrase(program_, type));
    Literal lit = Literal::Null;
    if (!scanLiteral(lit)) return false;
    out = Value::boolean(lit == Literal::True);
    return true;
  }
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration: {
    if (c != '-' && !isDigit(c)) return mismatch(expectedPhrase(program_, type));
    std::int64_t i = 0;
    if (!parseInteger(i)) return false;
    out = type->kind == ir::TypeKind::Int ? Value::integer(i) : Value::duration(i);
    return true;
  }
  case ir::TypeKind::Decimal: return parseDecimal(type, out);
  case ir::TypeKind::Date: {
    if (c != '"') return mismatch(expectedPhrase(program_, type));
    if (!scanString(strBuffer_, str_)) return false;
    const std::optional<num::Date> d = num::Date::parse(str_);
    if (!d) {
      // `30/06/2025`, as French forms write it.
      const std::optional<num::Date> french = num::Date::parseFrench(str_);
      return fail(start, fmt::format("date invalide \"{}\" (attendu une date réelle au format AAAA-MM-JJ{})",
                                     quoteForMessage(str_),
                                     french ? fmt::format(" : \"{}\"", french->toString()) : std::string()));
    }
    out = Value::dateValue(*d);
    return true;
  }
  case ir::TypeKind::Text:
    if (c != '"') return mismatch(expectedPhrase(program_, type));
    if (!scanString(strBuffer_, str_)) return false;
    out = Value::textValue(arena_->text(composeAccents(str_)));
    return true;
  case ir::TypeKind::Enum: return parseEnum(type, out);
  default: break;
  }
  return fail(start, "type du champ non pris en charge par la lecture des données");
}

bool RecordParser::checkBounds(const ir::FieldDecl& field, const Value& value, std::size_t offset) {
  std::string problem = boundsProblem(field, value);
  return problem.empty() || fail(offset, std::move(problem));
}

} // namespace loge::ingest::detail
