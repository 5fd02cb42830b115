// Source stage: UTF-8 helpers (see utf8.h).
#include "loge/source/utf8.h"

#include <algorithm>

namespace loge {

namespace {

unsigned char byteAt(std::string_view text, std::size_t pos) { return static_cast<unsigned char>(text[pos]); }

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

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

char32_t decodeUtf8(std::string_view text, std::size_t pos, std::size_t& length) {
  const unsigned char c = byteAt(text, pos);
  length = utf8SequenceLength(text, pos);
  if (length == 0) {
    length = 1;
    return 0xFFFD;
  }
  if (length == 1) return c;
  char32_t cp = length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (byteAt(text, pos + k) & 0x3F);
  return cp;
}

std::string displayable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = 0;
    const char32_t cp = decodeUtf8(text, i, n);
    if (cp == 0xFFFD || (cp < 0x20 && cp != U'\t' && cp != U'\n'))
      appendUtf8(out, cp == 0xFFFD ? cp : 0x2400 + cp);
    else if (cp == 0x7F)
      appendUtf8(out, 0x2421);
    else
      out.append(text.substr(i, n));
    i += n;
  }
  return out;
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
    if (utf8SequenceLength(text, i) == 0) { // not UTF-8: keep the byte (callers validate beforehand)
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t n = 0;
    const char32_t cp = decodeUtf8(text, i, n);
    // A combining accent (U+0300–U+036F: a decomposed `é` is `e` then
    // U+0301, as macOS writes file names and some exports write text) folds
    // to nothing, as the precomposed letter folds to its base.
    if (cp < 0x300 || cp > 0x36F) appendUtf8(out, baseLetter(cp));
    i += n;
  }
}

std::string foldAccents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  foldAccents(text, out);
  return out;
}

} // namespace loge
