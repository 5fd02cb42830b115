// Syntax stage (internal): ANTLR syntax errors as French diagnostics.
#pragma once

#include "loge/diag/diagnostic.h"

#include <antlr4-runtime.h>

#include <optional>
#include <vector>

namespace loge::syntax::internal {

class ErrorListener : public antlr4::BaseErrorListener {
public:
  ErrorListener(FileId file, DiagnosticEngine& diags, Position origin) : file_(file), diags_(diags), origin_(origin) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line, size_t charPositionInLine,
                   const std::string& msg, std::exception_ptr e) override;

  std::size_t count() const { return count_; }
  // Token indices where a declaration or a statement starts. After an
  // error, further errors are reported only once the parser has moved past
  // one of them: one mistake, one diagnostic, not a cascade.
  void setBoundaries(std::vector<std::size_t> b) { boundaries_ = std::move(b); }
  // Whether some `(`, `[` or `{` is never closed (for the end-of-file hint).
  void setUnclosedBracket(bool b) { unclosedBracket_ = b; }

private:
  FileId file_;
  DiagnosticEngine& diags_;
  Position origin_;
  std::size_t count_ = 0;
  std::vector<std::size_t> boundaries_;
  std::optional<std::size_t> lastError_;
  bool unclosedBracket_ = false;
};

// The French name of a token type, for "attendu : …" lists.
std::string describeTokenType(const antlr4::dfa::Vocabulary& vocabulary, std::size_t type);

// Whether a token of this type starts a top-level declaration (`cotation`,
// `test`, `remplace`…): where parsing resumes after an error, and what
// tells that the block before it was left open.
bool startsDeclaration(std::size_t type);

} // namespace loge::syntax::internal
