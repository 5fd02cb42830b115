// Ingest stage: located text trees to runtime values, against the schema.
//
// The wording of the messages is the JSON reader's (record_parser.cpp,
// scalars.cpp) wherever the problem is the same, so that a demande is
// judged alike whatever the format it came in.
#include "bounds.h"
#include "messages.h"
#include "text.h"
#include "tree.h"

#include "loge/ingest/ingest.h"

#include <fmt/format.h>

#include <limits>

namespace loge::ingest::detail {

using interp::Value;

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::string shownText(std::string_view text) { return fmt::format("\"{}\"", quoteForMessage(text)); }

} // namespace

bool TreeBuilder::fail(const Node& node, std::string message) {
  if (!node.origin.empty()) message += fmt::format(" [{}]", node.origin);
  failures_->push_back({node.line, node.column, pathText(), std::move(message)});
  return false;
}

std::string TreeBuilder::pathText(bool genericIndices) const {
  std::string out;
  for (const PathSegment& segment : path_) {
    if (segment.name == nullptr) {
      out += genericIndices ? std::string("[]") : fmt::format("[{}]", segment.index);
    } else {
      if (!out.empty()) out += '.';
      out += *segment.name;
    }
  }
  return out;
}

bool TreeBuilder::build(std::uint32_t structIndex, const Node& root, interp::Arena& arena, Value& out,
                        std::vector<TreeFailure>& failures) {
  arena_ = &arena;
  failures_ = &failures;
  failures.clear();
  path_.clear();
  if (structIndex >= program_.structs.size())
    return fail(root, fmt::format("structure inconnue (indice {})", structIndex));
  Value record;
  // A field in error is reported and the others still read: `object`
  // returns false only when it could not go on.
  const bool read = object(structIndex, root, record);
  if (!read && failures.empty()) fail(root, "enregistrement illisible"); // never without a reason
  if (!failures.empty()) return false;
  out = record;
  return true;
}

bool TreeBuilder::value(const ir::Type* type, const Node& node, Value& out) {
  if (type == nullptr) return fail(node, "type du champ non pris en charge");
  if (node.kind == Node::Kind::Null) {
    if (ir::isOptional(type)) {
      out = Value::absent();
      return true;
    }
    return fail(node, "valeur manquante : champ obligatoire (attendu " + expectedPhrase(program_, type) + ")");
  }
  const ir::Type* base = ir::stripOptional(type);
  switch (base->kind) {
  case ir::TypeKind::Struct:
    if (node.kind != Node::Kind::Object)
      return fail(node, "attendu " + expectedPhrase(program_, base) + ", trouvé une valeur simple");
    return object(base->index, node, out);
  case ir::TypeKind::List:
    if (node.kind != Node::Kind::List) return fail(node, "attendu une liste, trouvé une valeur simple");
    return list(base->element, node, out);
  default:
    if (node.kind != Node::Kind::Text)
      return fail(node, "attendu " + expectedPhrase(program_, base) + ", trouvé " +
                            (node.kind == Node::Kind::List ? "une liste" : "un objet"));
    return scalar(base, node, out);
  }
}

bool TreeBuilder::object(std::uint32_t structIndex, const Node& node, Value& out) {
  if (structIndex >= program_.structs.size())
    return fail(node, fmt::format("structure inconnue (indice {})", structIndex));
  const ir::StructDecl& decl = program_.structs[structIndex];
  interp::Record* record = arena_->record(structIndex, decl.fields.size());
  std::vector<const Node*> given(decl.fields.size(), nullptr);
  for (const auto& [name, child] : node.fields) {
    std::string_view key = name;
    for (const char ch : name) {
      if (static_cast<unsigned char>(ch) >= 0x80) {
        foldAccents(name, folded_);
        key = folded_;
        break;
      }
    }
    int index = -1;
    for (std::size_t i = 0; i < decl.fields.size(); ++i) {
      if (decl.fields[i].name == key) {
        index = static_cast<int>(i);
        break;
      }
    }
    if (index < 0) {
      std::vector<std::string> names;
      for (const ir::FieldDecl& f : decl.fields) names.push_back(f.name);
      std::string message = fmt::format("champ inconnu `{}` (la structure `{}` a : {})", quoteForMessage(name),
                                        decl.name, names.empty() ? "aucun champ" : joinNames(names));
      const std::string suggestion = closestMatch(name, names);
      if (!suggestion.empty()) message += fmt::format(" ; vouliez-vous dire `{}` ?", suggestion);
      fail(child, std::move(message));
      if (failures_->size() >= kMaxFailures) return false;
      continue;
    }
    const auto i = static_cast<std::size_t>(index);
    if (given[i] != nullptr) {
      path_.push_back({&decl.fields[i].name, 0});
      fail(child, "champ en double");
      path_.pop_back();
      if (failures_->size() >= kMaxFailures) return false;
      continue;
    }
    given[i] = &child;
  }
  for (std::size_t i = 0; i < decl.fields.size(); ++i) {
    if (failures_->size() >= kMaxFailures) return false;
    const ir::FieldDecl& field = decl.fields[i];
    path_.push_back({&field.name, 0});
    if (given[i] == nullptr) {
      if (field.type != nullptr && ir::isOptional(field.type)) {
        record->fields[i] = Value::absent();
      } else if (useTestDefaults_ && field.testDefault && field.type != nullptr &&
                 fromConstant(field.type, *field.testDefault, record->fields[i])) {
        defaulted_.insert(pathText(true));
      } else {
        fail(node, "champ obligatoire absent");
      }
    } else if (value(field.type, *given[i], record->fields[i])) {
      std::string problem = boundsProblem(field, record->fields[i]);
      if (!problem.empty()) fail(*given[i], std::move(problem));
    }
    path_.pop_back();
  }
  // True even when a field failed: its failure is in failures_, which
  // decides for the whole document (a record with one is never handed
  // out), and returning false here would stop the parent from reporting
  // its other fields' problems. A field that failed is left absent and is
  // never bound-checked (only values read without failure are).
  out = Value::record(record);
  return true;
}

bool TreeBuilder::list(const ir::Type* element, const Node& node, Value& out) {
  // The bound of JSON lists (kMaxListItems), for CSV columns and SNE
  // elements too: one demande does not list ten thousand people.
  if (node.items.size() > kMaxListItems)
    return fail(node, fmt::format("liste trop longue ({} éléments, {} au plus)", node.items.size(), kMaxListItems));
  interp::List* items = arena_->list();
  items->items.reserve(node.items.size());
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    if (failures_->size() >= kMaxFailures) return false;
    path_.push_back({nullptr, i});
    Value item;
    value(element, node.items[i], item); // a problem is recorded, the next items still read
    items->items.push_back(item);
    path_.pop_back();
  }
  out = Value::list(items);
  return true;
}

bool TreeBuilder::fromConstant(const ir::Type* type, const ir::Constant& c, Value& out) {
  const ir::Type* base = ir::stripOptional(type);
  switch (c.kind) {
  case ir::Constant::Kind::Absent: out = Value::absent(); return ir::isOptional(type);
  case ir::Constant::Kind::Bool: out = Value::boolean(c.asBool()); return true;
  case ir::Constant::Kind::Int: out = Value::integer(c.asInt()); return true;
  case ir::Constant::Kind::Duration: out = Value::duration(c.asInt()); return true;
  case ir::Constant::Kind::Decimal: out = Value::decimal(c.asDecimal()); return true;
  case ir::Constant::Kind::Date: out = Value::dateValue(c.asDate()); return true;
  case ir::Constant::Kind::Text: out = Value::textValue(arena_->text(c.text)); return true;
  case ir::Constant::Kind::Enum: out = Value::enumValue(static_cast<std::uint32_t>(c.number)); return true;
  case ir::Constant::Kind::List: {
    if (base->kind != ir::TypeKind::List) return false;
    interp::List* items = arena_->list();
    for (const ir::Constant& item : c.items) {
      Value v;
      if (!fromConstant(base->element, item, v)) return false;
      items->items.push_back(v);
    }
    out = Value::list(items);
    return true;
  }
  case ir::Constant::Kind::Tuple: break;
  }
  return false;
}

bool TreeBuilder::scalar(const ir::Type* type, const Node& node, Value& out) {
  switch (type->kind) {
  case ir::TypeKind::Bool: return boolean(node, out);
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration: {
    std::int64_t i = 0;
    if (!integer(node, i)) return false;
    out = type->kind == ir::TypeKind::Int ? Value::integer(i) : Value::duration(i);
    return true;
  }
  case ir::TypeKind::Decimal: return decimal(type, node, out);
  case ir::TypeKind::Date: return date(node, out);
  case ir::TypeKind::Text: out = Value::textValue(arena_->text(composeAccents(node.text))); return true;
  case ir::TypeKind::Enum: return enumeration(type, node, out);
  default: break;
  }
  return fail(node, "type du champ non pris en charge par la lecture des données");
}

bool TreeBuilder::integer(const Node& node, std::int64_t& out) {
  const std::string_view raw = node.text;
  const bool negative = !raw.empty() && raw[0] == '-';
  const std::size_t first = negative ? 1 : 0;
  bool digits = raw.size() > first;
  for (std::size_t i = first; i < raw.size() && digits; ++i) digits = isDigit(raw[i]);
  if (!digits) return fail(node, fmt::format("attendu un entier, trouvé le texte {}", shownText(raw)));
  const std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
  std::uint64_t magnitude = 0;
  for (std::size_t i = first; i < raw.size(); ++i) {
    const auto digit = static_cast<std::uint64_t>(raw[i] - '0');
    if (magnitude > (limit - digit) / 10) return fail(node, fmt::format("entier hors limites : {}", shownText(raw)));
    magnitude = magnitude * 10 + digit;
  }
  out = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  return true;
}

bool TreeBuilder::decimal(const ir::Type* type, const Node& node, Value& out) {
  std::string_view text = node.text;
  std::string withPoint;
  const std::size_t comma = text.find(',');
  if (comma != std::string_view::npos) {
    const bool single = text.find(',', comma + 1) == std::string_view::npos && text.find('.') == std::string_view::npos;
    if (!decimalComma_ || !single) {
      return fail(node, fmt::format("attendu {}, trouvé le texte {} ({})", decimalNoun(type->unit), shownText(text),
                                    decimalComma_ ? "une seule virgule décimale, sans séparateur de milliers"
                                    : dialect_ == Dialect::Csv
                                        ? "virgule décimale refusée quand le séparateur des colonnes est « , » : "
                                          "écrire le nombre avec un point, par exemple 1650.50"
                                        : "virgule décimale refusée : écrire le nombre avec un point, par exemple "
                                          "1650.50"));
    }
    withPoint = std::string(text);
    withPoint[comma] = '.';
    text = withPoint;
  } else if (decimalComma_) {
    // Where a comma is the decimal mark, `48.500` is as likely 48 500 (a
    // dot between thousands, as French spreadsheets print them) as 48,5:
    // read either way, an income would be a thousand times off.
    const std::size_t dot = text.find('.');
    const std::size_t start = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    const bool zeroWhole = dot == start + 1 && text[start] == '0';
    if (dot != std::string_view::npos && text.find('.', dot + 1) == std::string_view::npos &&
        text.size() - dot - 1 == 3 && dot > start && !zeroWhole) {
      bool digitsOnly = true;
      for (std::size_t i = start; i < text.size(); ++i) digitsOnly = digitsOnly && (i == dot || isDigit(text[i]));
      if (digitsOnly)
        return fail(node,
                    fmt::format("nombre ambigu {} : un point suivi de trois chiffres peut séparer les milliers "
                                "({}{}) ou les décimales ({}) ; écrire {}{} ou {}",
                                shownText(text), text.substr(start, dot - start), text.substr(dot + 1),
                                fmt::format("{},{}", text.substr(0, dot), text.substr(dot + 1)), text.substr(0, dot),
                                text.substr(dot + 1), fmt::format("{},{}", text.substr(0, dot), text.substr(dot + 1))));
    }
  }
  const std::optional<num::Decimal> d = num::Decimal::parse(text);
  if (d) {
    out = Value::decimal(*d);
    return true;
  }
  // Plain decimal syntax refused by parse: range or too many digits.
  std::size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  const std::size_t whole = i;
  while (i < text.size() && isDigit(text[i])) ++i;
  bool plain = i > whole;
  std::size_t fraction = 0;
  if (plain && i < text.size()) {
    plain = text[i] == '.';
    const std::size_t start = ++i;
    while (i < text.size() && isDigit(text[i])) ++i;
    fraction = i - start;
    plain = plain && fraction > 0 && i == text.size();
  }
  if (plain) {
    if (fraction > static_cast<std::size_t>(num::Decimal::kScale))
      return fail(node,
                  fmt::format("trop de décimales dans {} ({} au plus)", shownText(node.text), num::Decimal::kScale));
    return fail(node, fmt::format("nombre hors limites : {}", shownText(node.text)));
  }
  return fail(node, fmt::format("attendu {}, trouvé le texte {} (écrire un nombre décimal{}, sans espace ni "
                                "exposant, par exemple {})",
                                decimalNoun(type->unit), shownText(node.text),
                                decimalComma_ ? " avec un point ou une virgule" : " avec un point",
                                decimalComma_ ? "1650,00" : "1650.00"));
}

bool TreeBuilder::date(const Node& node, Value& out) {
  std::optional<num::Date> d = num::Date::parse(node.text);
  if (!d && dialect_ == Dialect::Csv) d = num::Date::parseFrench(node.text);
  if (!d)
    return fail(node, fmt::format("date invalide {} (attendu une date réelle au format {})", shownText(node.text),
                                  dialect_ == Dialect::Csv ? "AAAA-MM-JJ ou JJ/MM/AAAA" : "AAAA-MM-JJ"));
  out = Value::dateValue(*d);
  return true;
}

bool TreeBuilder::boolean(const Node& node, Value& out) {
  const std::string_view t = node.text;
  if (dialect_ == Dialect::Xml) {
    if (t == "true" || t == "1" || t == "false" || t == "0") {
      out = Value::boolean(t == "true" || t == "1");
      return true;
    }
    return fail(node, fmt::format("attendu un booléen (true ou false), trouvé le texte {}", shownText(t)));
  }
  for (const std::string_view yes : {"true", "vrai", "oui"}) {
    if (equalsIgnoringCase(t, yes)) {
      out = Value::boolean(true);
      return true;
    }
  }
  for (const std::string_view no : {"false", "faux", "non"}) {
    if (equalsIgnoringCase(t, no)) {
      out = Value::boolean(false);
      return true;
    }
  }
  return fail(
      node, fmt::format("attendu un booléen (vrai, faux, oui, non, true ou false), trouvé le texte {}", shownText(t)));
}

bool TreeBuilder::enumeration(const ir::Type* type, const Node& node, Value& out) {
  if (type->index >= program_.enums.size()) return fail(node, "énumération inconnue");
  const ir::EnumDecl& decl = program_.enums[type->index];
  std::string_view name = node.text;
  for (const char ch : node.text) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      foldAccents(node.text, folded_);
      name = folded_;
      break;
    }
  }
  for (std::size_t i = 0; i < decl.values.size(); ++i) {
    if (decl.values[i] == name) {
      out = Value::enumValue(static_cast<std::uint32_t>(i));
      return true;
    }
  }
  std::string message = fmt::format("valeur inconnue {} pour `{}` (valeurs possibles : {})", shownText(node.text),
                                    decl.name, joinNames(decl.values, 30));
  const std::string suggestion = closestMatch(name, decl.values);
  if (!suggestion.empty()) message += fmt::format(" ; vouliez-vous dire `{}` ?", suggestion);
  return fail(node, std::move(message));
}

} // namespace loge::ingest::detail
