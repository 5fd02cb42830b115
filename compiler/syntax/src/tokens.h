// Syntax stage (internal): the token stream the parser reads.
//
// The lexer's tokens, plus one synthetic LINE_END token at the end of each
// line of a table. Tables are written one row per line with no terminator,
// and the grammar ignores line breaks: without LINE_END, every expression
// could be followed by the next row of a table, so ANTLR's prediction had
// to look ahead to the end of that would-be row to tell `f (x)` from a name
// ending a row, `a - 1` from a row starting with `-1`, and so on. That
// lookahead was most of the time a large policy took to parse.
#pragma once

#include "antlr4-runtime.h"

#include <memory>
#include <string>
#include <vector>

namespace loge::syntax::internal {

// A token's width in code points, as ANTLR counts columns, from its indices
// into the (UTF-32) input: the parser asks for every range's start and end
// token several times, and getText() converted the text back to UTF-8 on
// each call. 0 for EOF and the synthetic LINE_END.
std::size_t tokenWidth(const antlr4::Token& t);

class TokenStream {
public:
  explicit TokenStream(const std::string& text);
  TokenStream(const TokenStream&) = delete;
  TokenStream& operator=(const TokenStream&) = delete;

  antlr4::CommonTokenStream& tokens() { return *stream_; }

private:
  antlr4::ANTLRInputStream input_;
  std::unique_ptr<antlr4::Lexer> lexer_;
  std::unique_ptr<antlr4::ListTokenSource> source_;
  std::unique_ptr<antlr4::CommonTokenStream> stream_;
};

} // namespace loge::syntax::internal
