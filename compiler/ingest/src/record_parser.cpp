// Ingest stage: objects, lists and the dispatch on the expected type.
#include "record_parser.h"

#include "loge/ingest/ingest.h"
#include "messages.h"
#include "text.h"

#include <fmt/format.h>

namespace loge::ingest::detail {

using interp::Value;

bool RecordParser::fail(std::size_t offset, std::string message) {
  failures_->push_back({offset, pathText(), std::move(message)});
  fatal_ = false;
  return false;
}

bool RecordParser::textError(std::size_t offset, std::string message) {
  failures_->push_back({offset, "", std::move(message)});
  fatal_ = true;
  return false;
}

bool RecordParser::limitError(std::size_t offset, std::string message) {
  fail(offset, std::move(message));
  fatal_ = true;
  return false;
}

bool RecordParser::recover(std::size_t valueOffset, std::size_t depth) {
  if (fatal_ || failures_->size() >= kMaxFailures) return false;
  pos_ = valueOffset;
  return skipValue(depth);
}

std::string RecordParser::pathText() const {
  std::string out;
  for (const PathSegment& segment : path_) {
    if (segment.name == nullptr) {
      out += fmt::format("[{}]", segment.index);
    } else {
      if (!out.empty()) out += '.';
      out += *segment.name;
    }
  }
  return out;
}

std::string_view RecordParser::folded(std::string_view text) {
  for (const char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      foldAccents(text, folded_);
      return folded_;
    }
  }
  return text;
}

bool RecordParser::parse(std::uint32_t structIndex, std::string_view text, TextKind kind, bool allowBom,
                         interp::Arena& arena, Value& out, std::vector<Failure>& failures) {
  if (parseText(structIndex, text, kind, allowBom, arena, out, failures)) return true;
  // Every refusal names its problem: a reading stopped without one would
  // leave the caller nothing to show.
  if (failures.empty()) failures.push_back({pos_, "", "JSON invalide"});
  return false;
}

bool RecordParser::parseText(std::uint32_t structIndex, std::string_view text, TextKind kind, bool allowBom,
                             interp::Arena& arena, Value& out, std::vector<Failure>& failures) {
  arena_ = &arena;
  failures_ = &failures;
  failures.clear();
  fatal_ = false;
  text_ = text;
  kind_ = kind;
  pos_ = 0;
  path_.clear();
  seen_.clear();
  if (structIndex >= program_.structs.size())
    return textError(0, fmt::format("structure inconnue (indice {})", structIndex));
  if (allowBom && text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;

  skipSpace();
  if (atEnd()) return textError(pos_, "aucun objet JSON (texte vide)");
  if (peek() != '{') return mismatch("un objet `" + program_.structs[structIndex].name + "`");
  Value record;
  if (!parseObject(structIndex, record, 1)) return false;
  skipSpace();
  if (!atEnd()) return syntaxError(pos_, "texte en trop après la fin de l'objet");
  if (!failures.empty()) return false;
  out = record;
  return true;
}

bool RecordParser::parseValue(const ir::Type* type, Value& out, std::size_t depth) {
  if (atEnd()) return endError();
  const char c = peek();
  if (c == 'n') {
    const std::size_t start = pos_;
    Literal lit = Literal::Null;
    if (!scanLiteral(lit)) return false;
    if (ir::isOptional(type)) {
      out = Value::absent();
      return true;
    }
    // "nul…" is never true/false, so the literal is null here.
    return fail(start, "null refusé : champ obligatoire (attendu " + expectedPhrase(program_, type) + ")");
  }
  const ir::Type* base = ir::stripOptional(type);
  switch (base->kind) {
  case ir::TypeKind::Struct:
    if (c != '{') return mismatch(expectedPhrase(program_, base));
    return parseObject(base->index, out, depth + 1);
  case ir::TypeKind::List:
    if (c != '[') return mismatch(expectedPhrase(program_, base));
    return parseList(base->element, out, depth + 1);
  default: return parseScalar(base, out);
  }
}

int RecordParser::findField(const ir::StructDecl& decl, std::size_t hint) {
  // Field names are accent-folded.
  const std::string_view key = folded(key_);
  // Keys usually come in declaration order: try the next field first.
  if (hint < decl.fields.size() && decl.fields[hint].name == key) return static_cast<int>(hint);
  for (std::size_t i = 0; i < decl.fields.size(); ++i)
    if (decl.fields[i].name == key) return static_cast<int>(i);
  return -1;
}

bool RecordParser::unknownField(const ir::StructDecl& decl, std::size_t keyOffset) {
  std::vector<std::string> names;
  names.reserve(decl.fields.size());
  for (const ir::FieldDecl& f : decl.fields) names.push_back(f.name);
  std::string message = fmt::format("champ inconnu `{}` (la structure `{}` a : {})", quoteForMessage(key_), decl.name,
                                    names.empty() ? "aucun champ" : joinNames(names));
  const std::string suggestion = closestMatch(key_, names);
  if (!suggestion.empty()) message += fmt::format(" ; vouliez-vous dire `{}` ?", suggestion);
  return fail(keyOffset, std::move(message));
}

bool RecordParser::parseObject(std::uint32_t structIndex, Value& out, std::size_t depth) {
  const std::size_t open = pos_;
  if (depth > kMaxDepth)
    return limitError(open, fmt::format("imbrication trop profonde (plus de {} niveaux)", kMaxDepth));
  if (structIndex >= program_.structs.size())
    return limitError(open, fmt::format("structure inconnue (indice {})", structIndex));
  const ir::StructDecl& decl = program_.structs[structIndex];
  const std::size_t fieldCount = decl.fields.size();
  interp::Record* record = arena_->record(structIndex, fieldCount);
  const std::size_t seenBase = seen_.size();
  seen_.resize(seenBase + fieldCount, 0);

  ++pos_; // '{'
  skipSpace();
  if (atEnd()) return endError();
  std::size_t hint = 0;
  if (peek() == '}') {
    ++pos_;
  } else {
    for (;;) {
      skipSpace();
      if (atEnd()) return endError();
      if (peek() != '"') {
        if (peek() == '}') return syntaxError(pos_, "virgule en trop avant « } »");
        return unexpectedChar(pos_, "un nom de champ entre guillemets");
      }
      const std::size_t keyOffset = pos_;
      if (!scanString(keyBuffer_, key_)) return false;
      skipSpace();
      if (atEnd()) return endError();
      if (peek() != ':')
        return syntaxError(pos_,
                           fmt::format("deux-points manquant après le nom de champ \"{}\"", quoteForMessage(key_)));
      ++pos_;
      skipSpace();

      const std::size_t valueOffset = pos_;
      const int index = findField(decl, hint);
      if (index < 0) {
        if (!unknownField(decl, keyOffset) && !recover(valueOffset, depth)) return false;
      } else {
        const auto i = static_cast<std::size_t>(index);
        const ir::FieldDecl& field = decl.fields[i];
        pushField(field.name);
        bool ok = false;
        if (seen_[seenBase + i] != 0) {
          fail(keyOffset, "champ en double dans l'objet");
        } else if (field.type == nullptr) {
          return limitError(keyOffset, "type du champ non pris en charge");
        } else {
          seen_[seenBase + i] = 1;
          hint = i + 1;
          ok = parseValue(field.type, record->fields[i], depth) &&
               (!(field.lower || field.upper) || checkBounds(field, record->fields[i], valueOffset));
        }
        path_.pop_back();
        if (!ok && !recover(valueOffset, depth)) return false;
      }

      skipSpace();
      if (atEnd()) return endError();
      const char c = peek();
      if (c == ',') {
        ++pos_;
        continue;
      }
      if (c == '}') {
        ++pos_;
        break;
      }
      if (c == '"') return syntaxError(pos_, "virgule manquante entre deux champs");
      return unexpectedChar(pos_, "« , » ou « } »");
    }
  }

  for (std::size_t i = 0; i < fieldCount; ++i) {
    if (seen_[seenBase + i] != 0) continue;
    const ir::FieldDecl& field = decl.fields[i];
    if (field.type != nullptr && ir::isOptional(field.type)) continue; // stays Absent
    if (failures_->size() >= kMaxFailures) return false;
    pushField(field.name);
    fail(open, "champ obligatoire absent");
    path_.pop_back();
  }
  seen_.resize(seenBase);
  out = Value::record(record);
  return true;
}

bool RecordParser::parseList(const ir::Type* element, Value& out, std::size_t depth) {
  const std::size_t open = pos_;
  if (depth > kMaxDepth)
    return limitError(open, fmt::format("imbrication trop profonde (plus de {} niveaux)", kMaxDepth));
  interp::List* list = arena_->list();
  ++pos_; // '['
  skipSpace();
  if (atEnd()) return endError();
  if (peek() == ']') {
    ++pos_;
    out = Value::list(list);
    return true;
  }
  for (;;) {
    skipSpace();
    if (atEnd()) return endError();
    if (peek() == ']') return syntaxError(pos_, "virgule en trop avant « ] »");
    pushIndex(list->items.size());
    const std::size_t itemOffset = pos_;
    Value item;
    const bool ok = parseValue(element, item, depth);
    path_.pop_back();
    if (!ok && !recover(itemOffset, depth)) return false;
    list->items.push_back(item); // even a skipped one: the next items keep their index
    if (list->items.size() > kMaxListItems)
      return limitError(open, fmt::format("liste trop longue (plus de {} éléments)", kMaxListItems));
    skipSpace();
    if (atEnd()) return endError();
    const char c = peek();
    if (c == ',') {
      ++pos_;
      continue;
    }
    if (c == ']') {
      ++pos_;
      break;
    }
    if (c == '"' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n')
      return syntaxError(pos_, "virgule manquante entre deux éléments");
    return unexpectedChar(pos_, "« , » ou « ] »");
  }
  out = Value::list(list);
  return true;
}

} // namespace loge::ingest::detail
