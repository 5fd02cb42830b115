// Syntax stage (internal): the formatter's view of a token stream.
//
// collectTokens() lexes and parses a file (already known to be valid) and
// reduces every token, comments included, to the few facts the layout needs,
// so that format_layout.cpp never sees an ANTLR type.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace loge::syntax::internal {

inline constexpr std::ptrdiff_t kNone = -1;

struct FmtToken {
  std::size_t type = 0;         // lexer token type (LogeLexer::…)
  std::string text;             // as emitted: canonical spelling; comments without trailing blanks
  std::size_t line = 0;         // 1-based input line
  bool comment = false;         // a `# …` comment (hidden channel)
  bool unaryMinus = false;      // a minus applied to its operand: no space after it
  bool glued = false;           // '(' of a call or parameter list, '[' of an index: no space before
  bool startsStatement = false; // first token of a declaration, clause, field, entry…
  // Position in the token vector of the `depuis` opening the dated value that
  // holds this token, or kNone.
  std::ptrdiff_t clause = kNone;
  std::ptrdiff_t table = kNone;    // id of the table (barème body) holding this token
  std::ptrdiff_t tableRow = kNone; // id of the table row holding this token
};

// Every token of `text` except EOF, in order; a token's position in the
// vector is its ANTLR token index. nullopt when `text` does not parse, which
// the caller has ruled out beforehand.
std::optional<std::vector<FmtToken>> collectTokens(const std::string& text);

// The canonical spelling of a keyword or symbol token type that has several
// spellings ('reference' -> 'référence', '<=' -> '≤'), or nullptr.
const char* canonicalSpelling(std::size_t type);

// The formatted text of a classified token stream.
std::string layout(const std::vector<FmtToken>& tokens);

} // namespace loge::syntax::internal
