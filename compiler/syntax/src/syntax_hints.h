// Syntax stage (internal): what a newcomer most likely meant, for a syntax
// error — the hint under the diagnostic. Each hint is a rule of its own in
// syntax_hints.cpp, tried in a fixed order.
#pragma once

#include <antlr4-runtime.h>

#include <string>
#include <vector>

namespace loge::syntax::internal {

// The place of a syntax error, as the hints read it.
struct HintSite {
  antlr4::TokenStream& stream;
  const antlr4::Token& offending;
  const antlr4::dfa::Vocabulary& vocabulary;
  const antlr4::misc::IntervalSet& expected;
  const std::vector<std::string>& expectedNames; // as the message lists them (`=`, un nom…)
  bool quotaNoun;                                // after a quota's number: only `attributions` is a name
  bool unclosedBracket;                          // some `(`, `[` or `{` is never closed
  int braceDepth;                                // braces open before the offending token

  std::size_t at;   // the offending token's index
  std::size_t type; // and its type
  std::string text;
  std::string word; // its text in lower case, without accents
  const antlr4::Token* previous;
  const antlr4::Token* next;

  HintSite(antlr4::TokenStream& stream, const antlr4::Token& offending, const antlr4::dfa::Vocabulary& vocabulary,
           const antlr4::misc::IntervalSet& expected, const std::vector<std::string>& expectedNames, bool quotaNoun,
           bool unclosedBracket, int braceDepth);

  bool expects(std::size_t tokenType) const { return expected.contains(tokenType); }
  // Whether the message lists `name` among the expected tokens.
  bool expectsShown(const std::string& name) const;
};

std::string syntaxHint(const HintSite& site);

// The Loge word for a word of another language (`if` → `si`), or "".
std::string foreignWord(const std::string& text);

// `loyer : montant mensuels` and a new line: the misspelt word after the
// type was read as the next field's name, and the parser stumbles on the
// next line (`offending`, where it expects `:`). The word, or null; with
// the field's name and the hint for the word.
struct WordAfterType {
  const antlr4::Token* word = nullptr;
  std::string field, hint;
};
WordAfterType wordAfterFieldType(antlr4::TokenStream& stream, const antlr4::Token& offending,
                                 const std::vector<std::string>& expectedNames);

// How the grammar spells a barème band written as one says it
// (`plus de 40 %` → `40 % et plus`), or "".
std::string bandHint(antlr4::TokenStream& tokens, const antlr4::Token& token);

} // namespace loge::syntax::internal
