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

// The tokens of a text, lexed by lexer.h, as ANTLR's parser reads them.
class TokenStream {
public:
  // `tableLines`: insert LINE_END tokens (a whole policy file); false for
  // the `{expr}` segment of a libellé, which holds no table.
  explicit TokenStream(const std::string& text, bool tableLines = true);
  TokenStream(const TokenStream&) = delete;
  TokenStream& operator=(const TokenStream&) = delete;
  ~TokenStream();

  antlr4::CommonTokenStream& tokens() { return *stream_; }

private:
  class Source;
  std::unique_ptr<Source> source_;
  std::unique_ptr<antlr4::CommonTokenStream> stream_;
};

} // namespace loge::syntax::internal
