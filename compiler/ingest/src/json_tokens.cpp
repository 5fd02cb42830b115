// Ingest stage: JSON tokens (RFC 8259) and syntax errors.
//
// Strings are decoded (escapes, surrogate pairs) and checked to be UTF-8;
// numbers are only delimited, never converted here: their raw text goes to
// the exact conversions of scalars.cpp.
#include "loge/ingest/ingest.h"
#include "record_parser.h"
#include "text.h"

#include <fmt/format.h>

namespace loge::ingest::detail {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// Characters glued to a malformed number or bare word, shown in its message.
bool isWordChar(char c) { return isDigit(c) || isAlpha(c) || c == '_' || c == '.' || c == '+' || c == '-'; }

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

} // namespace

void RecordParser::skipSpace() {
  while (pos_ < text_.size() && isSpace(text_[pos_])) ++pos_;
}

bool RecordParser::syntaxError(std::size_t offset, const std::string& gist) {
  return textError(offset, "JSON invalide : " + gist);
}

bool RecordParser::endError() {
  switch (kind_) {
  case TextKind::Line:
    return syntaxError(text_.size(),
                       "fin de ligne inattendue (en JSON Lines, chaque enregistrement tient sur une seule ligne)");
  case TextKind::File: return syntaxError(text_.size(), "fin de fichier inattendue");
  case TextKind::Record: break;
  }
  return syntaxError(text_.size(), "fin du texte inattendue");
}

// The character at `offset`, described; a non-UTF-8 byte is its own error.
bool RecordParser::unexpectedChar(std::size_t offset, std::string_view expected) {
  const auto c = static_cast<unsigned char>(text_[offset]);
  std::string shown;
  if (c >= 0x80) {
    const std::size_t n = utf8SequenceLength(text_, offset);
    if (n == 0) return textError(offset, fmt::format("texte non encodé en UTF-8 (octet 0x{:02X})", c));
    if (text_.substr(offset, n) == "\xEF\xBB\xBF")
      shown = "une marque d'ordre des octets (BOM, U+FEFF)";
    else
      shown = fmt::format("« {} »", text_.substr(offset, n));
  } else if (c < 0x20 || c == 0x7F) {
    shown = fmt::format("le caractère de contrôle U+{:04X}", c);
  } else {
    shown = fmt::format("« {} »", static_cast<char>(c));
  }
  return syntaxError(offset, fmt::format("attendu {}, trouvé {}", expected, shown));
}

bool RecordParser::invalidValueStart() {
  const std::size_t start = pos_;
  const char c = peek();
  if (c == '+' || c == '.' || isAlpha(c) || c == '_') {
    std::size_t end = start;
    while (end < text_.size() && end - start < 30 && isWordChar(text_[end])) ++end;
    const std::string_view word = text_.substr(start, end - start);
    if (c == '+' || c == '.') return syntaxError(start, fmt::format("nombre mal formé « {} »", word));
    return syntaxError(start, fmt::format("valeur invalide « {} » (un texte s'écrit entre guillemets ; "
                                          "les booléens s'écrivent true et false)",
                                          word));
  }
  if (c == ',' || c == '}' || c == ']') return syntaxError(start, fmt::format("valeur manquante avant « {} »", c));
  return unexpectedChar(start, "une valeur");
}

bool RecordParser::scanLiteral(Literal& out) {
  const std::size_t start = pos_;
  std::size_t end = start;
  while (end < text_.size() && (isAlpha(text_[end]) || isDigit(text_[end]) || text_[end] == '_')) ++end;
  const std::string_view word = text_.substr(start, end - start);
  if (word == "true")
    out = Literal::True;
  else if (word == "false")
    out = Literal::False;
  else if (word == "null")
    out = Literal::Null;
  else
    return invalidValueStart();
  pos_ = end;
  return true;
}

bool RecordParser::scanNumber(std::string_view& raw, bool& hasFraction, bool& hasExponent) {
  const std::size_t start = pos_;
  hasFraction = hasExponent = false;
  bool ok = true;
  std::size_t i = pos_;
  const std::size_t n = text_.size();
  if (i < n && text_[i] == '-') ++i;
  if (i < n && text_[i] == '0') {
    ++i;
  } else if (i < n && isDigit(text_[i])) {
    while (i < n && isDigit(text_[i])) ++i;
  } else {
    ok = false;
  }
  if (ok && i < n && text_[i] == '.') {
    hasFraction = true;
    ++i;
    if (i < n && isDigit(text_[i])) {
      while (i < n && isDigit(text_[i])) ++i;
    } else {
      ok = false;
    }
  }
  if (ok && i < n && (text_[i] == 'e' || text_[i] == 'E')) {
    hasExponent = true;
    ++i;
    if (i < n && (text_[i] == '+' || text_[i] == '-')) ++i;
    if (i < n && isDigit(text_[i])) {
      while (i < n && isDigit(text_[i])) ++i;
    } else {
      ok = false;
    }
  }
  // "01", "1.5.2", "12abc": the number runs into more word characters.
  if (ok && i < n && isWordChar(text_[i])) ok = false;
  if (!ok) {
    std::size_t end = start;
    while (end < n && end - start < 30 && isWordChar(text_[end])) ++end;
    if (end == start) end = start + 1;
    return syntaxError(start,
                       fmt::format("nombre mal formé « {} »", quoteForMessage(text_.substr(start, end - start))));
  }
  raw = text_.substr(start, i - start);
  pos_ = i;
  return true;
}

bool RecordParser::scanString(std::string& buffer, std::string_view& result) {
  const std::size_t open = pos_;
  const std::size_t n = text_.size();
  std::size_t i = pos_ + 1;
  // Fast path: no escape, the string is a view of the text.
  for (;;) {
    while (i < n) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
      ++i;
    }
    if (i >= n) return syntaxError(open, "texte sans guillemet fermant");
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c == '"') {
      result = text_.substr(open + 1, i - open - 1);
      pos_ = i + 1;
      return true;
    }
    if (c == '\\') break;
    if (c < 0x20)
      return syntaxError(i, fmt::format("caractère de contrôle U+{:04X} dans un texte (à écrire échappé)", c));
    const std::size_t len = utf8SequenceLength(text_, i);
    if (len == 0) return textError(i, fmt::format("texte non encodé en UTF-8 (octet 0x{:02X})", c));
    i += len;
  }
  // Escapes: decode into `buffer`.
  std::string& out = buffer;
  out.assign(text_.data() + open + 1, i - open - 1);
  for (;;) {
    const std::size_t run = i;
    while (i < n) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
      ++i;
    }
    out.append(text_.data() + run, i - run);
    if (i >= n) return syntaxError(open, "texte sans guillemet fermant");
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c == '"') {
      result = out;
      pos_ = i + 1;
      return true;
    }
    if (c < 0x20)
      return syntaxError(i, fmt::format("caractère de contrôle U+{:04X} dans un texte (à écrire échappé)", c));
    if (c >= 0x80) {
      const std::size_t len = utf8SequenceLength(text_, i);
      if (len == 0) return textError(i, fmt::format("texte non encodé en UTF-8 (octet 0x{:02X})", c));
      out.append(text_.data() + i, len);
      i += len;
      continue;
    }
    // A backslash escape.
    if (i + 1 >= n) return syntaxError(open, "texte sans guillemet fermant");
    const char e = text_[i + 1];
    switch (e) {
    case '"': out += '"'; break;
    case '\\': out += '\\'; break;
    case '/': out += '/'; break;
    case 'b':
    case 'f':
      return textError(i, fmt::format("caractère de contrôle U+{:04X} (\\{}) dans un texte : les textes des données "
                                      "n'en contiennent pas",
                                      e == 'b' ? 8 : 12, e));
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    case 't': out += '\t'; break;
    case 'u': {
      // \uXXXX, and for characters beyond U+FFFF a surrogate pair \uD8xx\uDCxx.
      auto hex4 = [&](std::size_t at, char32_t& cp) {
        if (at + 4 > n) return false;
        cp = 0;
        for (std::size_t k = 0; k < 4; ++k) {
          const int h = hexValue(text_[at + k]);
          if (h < 0) return false;
          cp = (cp << 4) | static_cast<char32_t>(h);
        }
        return true;
      };
      char32_t cp = 0;
      if (!hex4(i + 2, cp)) return syntaxError(i, "séquence \\u invalide (4 chiffres hexadécimaux attendus)");
      std::size_t next = i + 6;
      if (cp >= 0xDC00 && cp <= 0xDFFF)
        return syntaxError(i, "séquence \\u invalide (seconde moitié d'une paire UTF-16 isolée)");
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        char32_t low = 0;
        if (next + 1 >= n || text_[next] != '\\' || text_[next + 1] != 'u' || !hex4(next + 2, low) || low < 0xDC00 ||
            low > 0xDFFF)
          return syntaxError(i, "séquence \\u invalide (première moitié d'une paire UTF-16 isolée)");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        next += 6;
      }
      // Escaped or not, a control character is not text: a NUL cut every
      // output that shows the text, an escape sequence reached terminals.
      if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
        return textError(i, fmt::format("caractère de contrôle U+{:04X} (\\u{:04x}) dans un texte : les textes des "
                                        "données n'en contiennent pas",
                                        static_cast<unsigned>(cp), static_cast<unsigned>(cp)));
      appendUtf8(out, cp);
      i = next;
      continue;
    }
    default: {
      std::size_t len = utf8SequenceLength(text_, i + 1);
      if (len == 0) len = 1;
      return syntaxError(
          i, fmt::format("séquence d'échappement invalide « \\{} »", quoteForMessage(text_.substr(i + 1, len))));
    }
    }
    i += 2;
  }
}

bool RecordParser::skipValue(std::size_t depth) {
  skipSpace();
  if (atEnd()) return endError();
  const char c = peek();
  if (c == '"') return scanString(strBuffer_, str_);
  if (c == '-' || isDigit(c)) {
    std::string_view raw;
    bool fraction = false, exponent = false;
    return scanNumber(raw, fraction, exponent);
  }
  if (isAlpha(c)) {
    Literal lit = Literal::Null;
    return scanLiteral(lit);
  }
  if (c != '{' && c != '[') return invalidValueStart();
  if (depth > kMaxDepth)
    return limitError(pos_, fmt::format("imbrication trop profonde (plus de {} niveaux)", kMaxDepth));
  const char close = c == '{' ? '}' : ']';
  ++pos_;
  skipSpace();
  if (atEnd()) return endError();
  if (peek() == close) {
    ++pos_;
    return true;
  }
  for (;;) {
    skipSpace();
    if (atEnd()) return endError();
    if (close == '}') {
      if (peek() != '"') return unexpectedChar(pos_, "un nom de champ entre guillemets");
      if (!scanString(keyBuffer_, key_)) return false;
      skipSpace();
      if (atEnd()) return endError();
      if (peek() != ':') return unexpectedChar(pos_, "« : »");
      ++pos_;
    }
    if (!skipValue(depth + 1)) return false;
    skipSpace();
    if (atEnd()) return endError();
    if (peek() == ',') {
      ++pos_;
      continue;
    }
    if (peek() == close) {
      ++pos_;
      return true;
    }
    return unexpectedChar(pos_, close == '}' ? "« , » ou « } »" : "« , » ou « ] »");
  }
}

bool RecordParser::describeToken(std::string& out) {
  const char c = peek();
  if (c == '{') {
    out = "un objet";
    return true;
  }
  if (c == '[') {
    out = "une liste";
    return true;
  }
  if (c == '"') {
    if (!scanString(strBuffer_, str_)) return false;
    out = fmt::format("le texte \"{}\"", quoteForMessage(str_));
    return true;
  }
  if (c == '-' || isDigit(c)) {
    std::string_view raw;
    bool fraction = false, exponent = false;
    if (!scanNumber(raw, fraction, exponent)) return false;
    out = fmt::format("le nombre {}", quoteForMessage(raw));
    return true;
  }
  if (isAlpha(c)) {
    Literal lit = Literal::Null;
    if (!scanLiteral(lit)) return false;
    out = lit == Literal::Null ? "null" : lit == Literal::True ? "le booléen true" : "le booléen false";
    return true;
  }
  return invalidValueStart();
}

} // namespace loge::ingest::detail
