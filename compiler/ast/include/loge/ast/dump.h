// AST stage: a deterministic text form of expressions, for tests and for
// debugging the parser (`(+ 1 (× 2 3))`).
#pragma once

#include "loge/ast/ast.h"

#include <string>

namespace loge::ast {

std::string dump(const Expr& e);

} // namespace loge::ast
