// AST stage: accent folding of identifiers.
#include "loge/ast/names.h"

#include "loge/ast/ast.h"
#include "loge/source/utf8.h"

namespace loge::ast {

std::string foldName(std::string_view name) { return foldAccents(name); }

std::string QualifiedName::joined() const {
  std::string s;
  for (const Ident& p : parts) {
    if (!s.empty()) s += '.';
    s += p.text;
  }
  return s;
}

} // namespace loge::ast
