// Syntax stage (internal): the lexer.
//
// Written by hand to the lexer rules of grammar/Loge.g4, which stay the
// definition: it gives the token types, positions and texts ANTLR's
// generated lexer gives (tests/syntax/lexer_test.cpp compares the two on
// every shipped policy, every spelling of the grammar and random text).
// ANTLR's lexer simulates its ATN with shared_ptr configurations and a
// locked DFA: it was a fifth of the time to check a policy, and most of a
// cold start's lexing went into building its DFA, which this one does not
// need. Keywords, punctuation and their spellings come from the grammar
// (the generated vocabulary and lexer_literals.inc), so a keyword added to
// the grammar is a keyword here too.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace loge::syntax::internal {

struct Lexeme {
  std::size_t type = 0;
  std::size_t channel = 0;
  // Indices in code points, as ANTLR counts them; `stop` is inclusive.
  std::size_t start = 0;
  std::size_t stop = 0;
  std::size_t line = 1;
  std::size_t column = 0; // code points from the start of the line
  std::string_view text;  // into the lexed text
};

// The tokens of `text` (valid UTF-8), comments included (hidden channel),
// blanks left out, then EOF (text "<EOF>", positioned after the last
// character). Never fails: a character no rule accepts becomes an
// UNKNOWN_CHAR token, as in the grammar.
std::vector<Lexeme> lex(std::string_view text);

} // namespace loge::syntax::internal
