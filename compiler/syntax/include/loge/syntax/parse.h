// Syntax stage: from a policy file's text to its AST.
//
// `parse` never throws and never prints: syntax errors become diagnostics
// (French, located) and the parser recovers to report several per run. The
// returned module holds whatever could be built; callers must not go on to
// semantic analysis when the engine has errors. ANTLR is an implementation
// detail of this stage: no ANTLR type appears in this header.
#pragma once

#include "loge/ast/ast.h"
#include "loge/diag/diagnostic.h"
#include "loge/source/source.h"

#include <memory>

namespace loge::syntax {

// Limits that keep a hostile file from exhausting the stack: brackets nested
// deeper than kMaxBracketDepth, or more than kMaxPrefixChain nested prefix
// forms (`si`, `non`, unary minus, `selon`) in one declaration, are refused
// with a diagnostic before parsing.
inline constexpr int kMaxBracketDepth = 100;
inline constexpr int kMaxPrefixChain = 400;
// Binary operators chained without brackets (`a + b + … `), counted across
// the chains that enclose one another, are limited too: each one is a level
// of the AST. With the two limits above, an expression's AST is at most a
// couple of thousand levels deep, which every pass handles on an ordinary
// 8 Mio thread stack (tests/limits).
inline constexpr int kMaxOperatorChain = 1000;

std::unique_ptr<ast::Module> parse(const SourceFile& file, DiagnosticEngine& diags);

} // namespace loge::syntax
