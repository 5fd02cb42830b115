// Syntax stage (internal): ANTLR syntax errors as French diagnostics.
#pragma once

#include "loge/diag/diagnostic.h"

#include <antlr4-runtime.h>

#include <optional>
#include <vector>

namespace loge::syntax::internal {

// What error reporting needs of the token stream, read in one pass
// (tokenLayout in parse.cpp) before the error-reporting parse.
struct TokenLayout {
  // Token indices where a declaration or a statement starts: parsing
  // resumes there after an error.
  std::vector<std::size_t> boundaries;
  // How many braces are open before each token (by token index).
  std::vector<int> braceDepth;
  // Whether some `(`, `[` or `{` is never closed (for the end-of-file hint).
  bool unclosedBracket = false;
};

class ErrorListener : public antlr4::BaseErrorListener {
public:
  ErrorListener(FileId file, DiagnosticEngine& diags, Position origin) : file_(file), diags_(diags), origin_(origin) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line, size_t charPositionInLine,
                   const std::string& msg, std::exception_ptr e) override;

  std::size_t count() const { return count_; }
  // After an error, further errors are reported only once the parser has
  // moved past one of the layout's boundaries: one mistake, one diagnostic,
  // not a cascade. The layout must outlive the listener.
  void setLayout(const TokenLayout& layout) { layout_ = &layout; }

private:
  SourceRange rangeOf(const antlr4::Token& token, std::size_t width) const;

  FileId file_;
  DiagnosticEngine& diags_;
  Position origin_;
  std::size_t count_ = 0;
  const TokenLayout* layout_ = nullptr;
  std::optional<std::size_t> lastError_;
};

// The French name of a token type, for "attendu : …" lists.
std::string describeTokenType(const antlr4::dfa::Vocabulary& vocabulary, std::size_t type);

// Whether a token of this type starts a top-level declaration (`cotation`,
// `test`, `remplace`…): where parsing resumes after an error, and what
// tells that the block before it was left open.
bool startsDeclaration(std::size_t type);

} // namespace loge::syntax::internal
