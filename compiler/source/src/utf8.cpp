// Source stage: UTF-8 helpers (see utf8.h).
#include "loge/source/utf8.h"

#include <algorithm>
#include <iterator>
#include <utility>

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

namespace {

// A Latin letter followed by a combining accent, and the precomposed letter
// of Latin-1 and Latin Extended-A it stands for (Unicode's canonical
// decompositions of U+00C0–U+017F), sorted by letter then accent.
struct Composition {
  char letter;
  char16_t accent;
  char16_t composed;
};
constexpr Composition kCompositions[] = {
    {'A', 0x300, 0x0C0}, {'A', 0x301, 0x0C1}, {'A', 0x302, 0x0C2}, {'A', 0x303, 0x0C3}, {'A', 0x304, 0x100},
    {'A', 0x306, 0x102}, {'A', 0x308, 0x0C4}, {'A', 0x30A, 0x0C5}, {'A', 0x328, 0x104}, {'C', 0x301, 0x106},
    {'C', 0x302, 0x108}, {'C', 0x307, 0x10A}, {'C', 0x30C, 0x10C}, {'C', 0x327, 0x0C7}, {'D', 0x30C, 0x10E},
    {'E', 0x300, 0x0C8}, {'E', 0x301, 0x0C9}, {'E', 0x302, 0x0CA}, {'E', 0x304, 0x112}, {'E', 0x306, 0x114},
    {'E', 0x307, 0x116}, {'E', 0x308, 0x0CB}, {'E', 0x30C, 0x11A}, {'E', 0x328, 0x118}, {'G', 0x302, 0x11C},
    {'G', 0x306, 0x11E}, {'G', 0x307, 0x120}, {'G', 0x327, 0x122}, {'H', 0x302, 0x124}, {'I', 0x300, 0x0CC},
    {'I', 0x301, 0x0CD}, {'I', 0x302, 0x0CE}, {'I', 0x303, 0x128}, {'I', 0x304, 0x12A}, {'I', 0x306, 0x12C},
    {'I', 0x307, 0x130}, {'I', 0x308, 0x0CF}, {'I', 0x328, 0x12E}, {'J', 0x302, 0x134}, {'K', 0x327, 0x136},
    {'L', 0x301, 0x139}, {'L', 0x30C, 0x13D}, {'L', 0x327, 0x13B}, {'N', 0x301, 0x143}, {'N', 0x303, 0x0D1},
    {'N', 0x30C, 0x147}, {'N', 0x327, 0x145}, {'O', 0x300, 0x0D2}, {'O', 0x301, 0x0D3}, {'O', 0x302, 0x0D4},
    {'O', 0x303, 0x0D5}, {'O', 0x304, 0x14C}, {'O', 0x306, 0x14E}, {'O', 0x308, 0x0D6}, {'O', 0x30B, 0x150},
    {'R', 0x301, 0x154}, {'R', 0x30C, 0x158}, {'R', 0x327, 0x156}, {'S', 0x301, 0x15A}, {'S', 0x302, 0x15C},
    {'S', 0x30C, 0x160}, {'S', 0x327, 0x15E}, {'T', 0x30C, 0x164}, {'T', 0x327, 0x162}, {'U', 0x300, 0x0D9},
    {'U', 0x301, 0x0DA}, {'U', 0x302, 0x0DB}, {'U', 0x303, 0x168}, {'U', 0x304, 0x16A}, {'U', 0x306, 0x16C},
    {'U', 0x308, 0x0DC}, {'U', 0x30A, 0x16E}, {'U', 0x30B, 0x170}, {'U', 0x328, 0x172}, {'W', 0x302, 0x174},
    {'Y', 0x301, 0x0DD}, {'Y', 0x302, 0x176}, {'Y', 0x308, 0x178}, {'Z', 0x301, 0x179}, {'Z', 0x307, 0x17B},
    {'Z', 0x30C, 0x17D}, {'a', 0x300, 0x0E0}, {'a', 0x301, 0x0E1}, {'a', 0x302, 0x0E2}, {'a', 0x303, 0x0E3},
    {'a', 0x304, 0x101}, {'a', 0x306, 0x103}, {'a', 0x308, 0x0E4}, {'a', 0x30A, 0x0E5}, {'a', 0x328, 0x105},
    {'c', 0x301, 0x107}, {'c', 0x302, 0x109}, {'c', 0x307, 0x10B}, {'c', 0x30C, 0x10D}, {'c', 0x327, 0x0E7},
    {'d', 0x30C, 0x10F}, {'e', 0x300, 0x0E8}, {'e', 0x301, 0x0E9}, {'e', 0x302, 0x0EA}, {'e', 0x304, 0x113},
    {'e', 0x306, 0x115}, {'e', 0x307, 0x117}, {'e', 0x308, 0x0EB}, {'e', 0x30C, 0x11B}, {'e', 0x328, 0x119},
    {'g', 0x302, 0x11D}, {'g', 0x306, 0x11F}, {'g', 0x307, 0x121}, {'g', 0x327, 0x123}, {'h', 0x302, 0x125},
    {'i', 0x300, 0x0EC}, {'i', 0x301, 0x0ED}, {'i', 0x302, 0x0EE}, {'i', 0x303, 0x129}, {'i', 0x304, 0x12B},
    {'i', 0x306, 0x12D}, {'i', 0x308, 0x0EF}, {'i', 0x328, 0x12F}, {'j', 0x302, 0x135}, {'k', 0x327, 0x137},
    {'l', 0x301, 0x13A}, {'l', 0x30C, 0x13E}, {'l', 0x327, 0x13C}, {'n', 0x301, 0x144}, {'n', 0x303, 0x0F1},
    {'n', 0x30C, 0x148}, {'n', 0x327, 0x146}, {'o', 0x300, 0x0F2}, {'o', 0x301, 0x0F3}, {'o', 0x302, 0x0F4},
    {'o', 0x303, 0x0F5}, {'o', 0x304, 0x14D}, {'o', 0x306, 0x14F}, {'o', 0x308, 0x0F6}, {'o', 0x30B, 0x151},
    {'r', 0x301, 0x155}, {'r', 0x30C, 0x159}, {'r', 0x327, 0x157}, {'s', 0x301, 0x15B}, {'s', 0x302, 0x15D},
    {'s', 0x30C, 0x161}, {'s', 0x327, 0x15F}, {'t', 0x30C, 0x165}, {'t', 0x327, 0x163}, {'u', 0x300, 0x0F9},
    {'u', 0x301, 0x0FA}, {'u', 0x302, 0x0FB}, {'u', 0x303, 0x169}, {'u', 0x304, 0x16B}, {'u', 0x306, 0x16D},
    {'u', 0x308, 0x0FC}, {'u', 0x30A, 0x16F}, {'u', 0x30B, 0x171}, {'u', 0x328, 0x173}, {'w', 0x302, 0x175},
    {'y', 0x301, 0x0FD}, {'y', 0x302, 0x177}, {'y', 0x308, 0x0FF}, {'z', 0x301, 0x17A}, {'z', 0x307, 0x17C},
    {'z', 0x30C, 0x17E},
};

char32_t composed(char letter, char32_t accent) {
  // U+0340 and U+0341 are the grave and acute accents again (singleton
  // decompositions): `a` then U+0341 is `á` too.
  if (accent == 0x340 || accent == 0x341) accent -= 0x40;
  const auto* end = std::end(kCompositions);
  const auto* it = std::lower_bound(std::begin(kCompositions), end, std::pair{letter, accent},
                                    [](const Composition& c, const std::pair<char, char32_t>& key) {
                                      return c.letter != key.first ? c.letter < key.first : c.accent < key.second;
                                    });
  return it != end && it->letter == letter && it->accent == accent ? it->composed : 0;
}

} // namespace

std::string composeAccents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = byteAt(text, i);
    // A combining accent is two bytes, U+0300–U+036F: 0xCC 0x80 to 0xCD 0xAF.
    if (c < 0x80 && i + 2 < text.size() && (byteAt(text, i + 1) == 0xCC || byteAt(text, i + 1) == 0xCD) &&
        utf8SequenceLength(text, i + 1) == 2) {
      std::size_t m = 0;
      const char32_t accent = decodeUtf8(text, i + 1, m);
      if (const char32_t cp = accent <= 0x36F ? composed(static_cast<char>(c), accent) : 0) {
        appendUtf8(out, cp);
        i += 3;
        continue;
      }
    }
    out += static_cast<char>(c);
    ++i;
  }
  return out;
}

std::string foldAccents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  foldAccents(text, out);
  return out;
}

} // namespace loge
