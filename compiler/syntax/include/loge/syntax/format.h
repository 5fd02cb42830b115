// Syntax stage: the canonical layout of a policy file (`loge fmt`).
//
// The formatter works on the token stream, comments included, so that no
// comment is ever lost; the parse tree is only consulted to classify tokens
// (a unary minus, a soft keyword used as a name, a table cell). The layout
// rules are documented at the top of format.cpp and, for jurists, in
// docs/guide/formatage.md. The result is idempotent:
// format(format(x)) == format(x). `loge fmt --check` only compares the
// result with the input. ANTLR is an implementation detail: no ANTLR type
// appears in this header.
#pragma once

#include "loge/diag/diagnostic.h"
#include "loge/source/source.h"

#include <optional>
#include <string>

namespace loge::syntax {

// Returns the canonical text of a policy file, or nullopt when the file does
// not parse (the diagnostics are reported into `diags`, as by parse()).
std::optional<std::string> format(const SourceFile& file, DiagnosticEngine& diags);

} // namespace loge::syntax
