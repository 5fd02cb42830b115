// Syntax stage (internal): the token stream the parser reads.
#include "tokens.h"

#include "LogeParser.h"
#include "lexer.h"

#include <limits>
#include <memory>
#include <vector>

namespace loge::syntax::internal {

namespace {
enum class Punct : std::uint8_t {
  None,
  Bar,
  Open,
  Close,
  OpenBrace,
  CloseBrace
};

// The few punctuation tokens lineEnds() looks at. By text: no other token
// (a string keeps its quotes, a comment its `#`) can be spelled so.
Punct punctuation(const Lexeme& t) {
  if (t.text.size() != 1) return Punct::None;
  switch (t.text[0]) {
  // Parentheses and brackets carry a row over several lines; braces open
  // the blocks tables sit in.
  case '|': return Punct::Bar;
  case '(':
  case '[': return Punct::Open;
  case ')':
  case ']': return Punct::Close;
  case '{': return Punct::OpenBrace;
  case '}': return Punct::CloseBrace;
  default: return Punct::None;
  }
}

// Where LINE_END tokens go: after the last token of every logical line
// that has a `|` outside brackets. A logical line is a source line, except
// that an open parenthesis or bracket, and a `|` at the end of a line or
// the start of the next, carry it on (`(a,⏎ b)` or `a |⏎ b` is one row).
// `|` appears nowhere else in the language, so no line outside a table is
// touched.
std::vector<bool> lineEnds(const std::vector<Lexeme>& t) {
  std::vector<bool> endAfter(t.size(), false);
  int depth = 0;
  int base = 0;         // depth at the start of the logical line
  int braces = 0;       // braces opened on the logical line and still open
  bool hasBar = false;  // a `|` at that depth on the line so far
  std::size_t last = 0; // last default-channel token seen
  bool any = false;
  auto endLine = [&] {
    endAfter[last] = hasBar;
    hasBar = false;
    base = depth;
    braces = 0;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    const Lexeme& tok = t[i];
    if (tok.channel != antlr4::Token::DEFAULT_CHANNEL || tok.type == antlr4::Token::EOF) continue;
    const Punct k = punctuation(tok);
    if (any && tok.line > t[last].line && depth == base && punctuation(t[last]) != Punct::Bar && k != Punct::Bar)
      endLine();
    // A `}` closing the block a table sits in, on the table's last line
    // (`1 | 2 }`), ends the table's line before it.
    if (any && k == Punct::CloseBrace && braces == 0 && hasBar) endLine();
    if (k == Punct::OpenBrace) ++braces;
    if (k == Punct::CloseBrace && braces > 0) --braces;
    if (depth == base && k == Punct::Bar) hasBar = true;
    depth += k == Punct::Open ? 1 : k == Punct::Close ? -1 : 0;
    if (depth < base) base = depth; // closing a bracket opened on an earlier line
    last = i;
    any = true;
  }
  if (any) endAfter[last] = hasBar;
  return endAfter;
}
} // namespace

std::size_t tokenWidth(const antlr4::Token& t) {
  if (t.getType() == antlr4::Token::EOF) return 0;
  std::size_t start = t.getStartIndex(), stop = t.getStopIndex();
  return stop >= start && stop != std::numeric_limits<std::size_t>::max() ? stop - start + 1 : 0;
}

// Hands the tokens to the parser's stream in order; then EOF for ever, as
// ANTLR's token sources do.
class TokenStream::Source final : public antlr4::TokenSource {
public:
  void add(std::unique_ptr<antlr4::CommonToken> t) { tokens_.push_back(std::move(t)); }

  std::unique_ptr<antlr4::Token> nextToken() override {
    if (next_ < tokens_.size()) return std::move(tokens_[next_++]);
    auto eof = std::make_unique<antlr4::CommonToken>(eof_.get());
    return eof;
  }
  // Also asked by CommonToken's constructor, before any token is added.
  std::size_t getLine() const override {
    if (const antlr4::Token* t = upcoming()) return t->getLine();
    return 0;
  }
  std::size_t getCharPositionInLine() override {
    if (const antlr4::Token* t = upcoming()) return t->getCharPositionInLine();
    return 0;
  }
  antlr4::CharStream* getInputStream() override { return nullptr; }
  std::string getSourceName() override { return {}; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

  // The last token, EOF, of which later calls return copies.
  void finish() { eof_ = std::make_unique<antlr4::CommonToken>(tokens_.back().get()); }

private:
  const antlr4::Token* upcoming() const { return next_ < tokens_.size() ? tokens_[next_].get() : eof_.get(); }

  std::vector<std::unique_ptr<antlr4::CommonToken>> tokens_;
  std::size_t next_ = 0;
  std::unique_ptr<antlr4::CommonToken> eof_;
};

TokenStream::TokenStream(const std::string& text, bool tableLines) : source_(std::make_unique<Source>()) {
  const std::vector<Lexeme> lexed = lex(text);
  const std::vector<bool> endAfter = tableLines ? lineEnds(lexed) : std::vector<bool>(lexed.size(), false);
  const std::pair<antlr4::TokenSource*, antlr4::CharStream*> from{source_.get(), nullptr};
  // Every token carries its text: ANTLR would otherwise convert it back
  // from the input stream each time it is asked for.
  for (std::size_t i = 0; i < lexed.size(); ++i) {
    const Lexeme& l = lexed[i];
    auto t = std::make_unique<antlr4::CommonToken>(from, l.type, l.channel, l.start, l.stop);
    t->setLine(l.line);
    t->setCharPositionInLine(l.column);
    t->setText(std::string(l.text));
    source_->add(std::move(t)); // the last is EOF, of which later calls return copies
    if (endAfter[i]) {
      // LINE_END: empty, just after the row's last token.
      auto end = std::make_unique<antlr4::CommonToken>(from, loge_antlr::LogeParser::LINE_END,
                                                       antlr4::Token::DEFAULT_CHANNEL, l.stop + 1, l.stop);
      end->setLine(l.line);
      end->setCharPositionInLine(l.column + l.stop + 1 - l.start);
      source_->add(std::move(end));
    }
  }
  source_->finish();
  stream_ = std::make_unique<antlr4::CommonTokenStream>(source_.get());
  stream_->fill();
}

TokenStream::~TokenStream() = default;

} // namespace loge::syntax::internal
