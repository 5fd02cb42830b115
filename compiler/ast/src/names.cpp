// AST stage: accent folding of identifiers.
#include "loge/ast/names.h"

#include "loge/ast/ast.h"

#include <cstdint>

namespace loge::ast {

namespace {
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

void appendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}
} // namespace

std::string foldName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  std::size_t i = 0;
  while (i < name.size()) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    char32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n && i + k < name.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(name[i + k]) & 0x3F);
    appendUtf8(out, baseLetter(cp));
    i += n;
  }
  return out;
}

std::string QualifiedName::joined() const {
  std::string s;
  for (const Ident& p : parts) {
    if (!s.empty()) s += '.';
    s += p.text;
  }
  return s;
}

} // namespace loge::ast
