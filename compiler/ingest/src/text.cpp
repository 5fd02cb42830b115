// Ingest stage: small text helpers (UTF-8, accent folding, suggestions).
#include "text.h"

#include <algorithm>
#include <cstdint>

namespace loge::ingest::detail {

namespace {

unsigned char byteAt(std::string_view text, std::size_t pos) { return static_cast<unsigned char>(text[pos]); }

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Mirrors the folding table of loge::ast::foldName, so that data keys and
// enum values match names exactly as policy identifiers do.
char32_t baseLetter(char32_t c) {
  switch (c) {
  case U'à':
  case U'â':
  case U'ä':
  case U'á':
  case U'ã':
  case U'å': return U'a';
  case U'À':
  case U'Â':
  case U'Ä':
  case U'Á':
  case U'Ã':
  case U'Å': return U'A';
  case U'ç': return U'c';
  case U'Ç': return U'C';
  case U'é':
  case U'è':
  case U'ê':
  case U'ë': return U'e';
  case U'É':
  case U'È':
  case U'Ê':
  case U'Ë': return U'E';
  case U'î':
  case U'ï':
  case U'í':
  case U'ì': return U'i';
  case U'Î':
  case U'Ï':
  case U'Í':
  case U'Ì': return U'I';
  case U'ô':
  case U'ö':
  case U'ó':
  case U'ò':
  case U'õ': return U'o';
  case U'Ô':
  case U'Ö':
  case U'Ó':
  case U'Ò':
  case U'Õ': return U'O';
  case U'ù':
  case U'û':
  case U'ü':
  case U'ú': return U'u';
  case U'Ù':
  case U'Û':
  case U'Ü':
  case U'Ú': return U'U';
  case U'ÿ':
  case U'ý': return U'y';
  case U'Ÿ':
  case U'Ý': return U'Y';
  case U'ñ': return U'n';
  case U'Ñ': return U'N';
  default: return c;
  }
}

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

} // namespace

std::size_t utf8SequenceLength(std::string_view text, std::size_t pos) {
  const unsigned char c = byteAt(text, pos);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0)
      lo = 0xA0; // no overlong forms
    else if (c == 0xED)
      hi = 0x9F; // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0)
      lo = 0x90; // no overlong forms
    else if (c == 0xF4)
      hi = 0x8F; // nothing beyond U+10FFFF
  } else {
    return 0;
  }
  if (pos + n > text.size()) return 0;
  const unsigned char second = byteAt(text, pos + 1);
  if (second < lo || second > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (!isContinuation(byteAt(text, pos + k))) return 0;
  return n;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void foldAccents(std::string_view text, std::string& out) {
  out.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = byteAt(text, i);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    const std::size_t n = std::max<std::size_t>(1, utf8SequenceLength(text, i));
    if (n == 1) { // not UTF-8: keep the byte (callers validate beforehand)
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    char32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (byteAt(text, i + k) & 0x3F);
    appendUtf8(out, baseLetter(cp));
    i += n;
  }
}

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t bestDistance = 0;
  for (const std::string& c : candidates) {
    const std::size_t d = editDistance(word, c);
    // A typo: at most 3 edits, and at most a third of the longer word.
    if (d == 0 || d > 3 || d * 3 > std::max(word.size(), c.size())) continue;
    if (best.empty() || d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

std::string quoteForMessage(std::string_view text, std::size_t maxCodePoints) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (count == maxCodePoints) {
      out += "…";
      break;
    }
    const unsigned char c = byteAt(text, i);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else if (c >= 0x80) {
      const std::size_t n = utf8SequenceLength(text, i);
      if (n == 0) { // never happens for validated text; stay safe anyway
        out += "\\x";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
        ++i;
      } else {
        out.append(text.substr(i, n));
        i += n;
      }
      ++count;
      continue;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
    ++count;
  }
  return out;
}

std::string joinNames(const std::vector<std::string>& names, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i == max) {
      out += ", …";
      break;
    }
    if (i > 0) out += ", ";
    out += names[i];
  }
  return out;
}

} // namespace loge::ingest::detail
