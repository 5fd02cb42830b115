// Syntax stage (internal): the token stream the parser reads.
#include "tokens.h"

#include "LogeLexer.h"
#include "LogeParser.h"

#include <array>
#include <limits>
#include <memory>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

namespace loge::syntax::internal {

namespace {
using L = loge_antlr::LogeLexer;

// ANTLR's lexer DFA keeps transitions for ASCII characters only: every
// other character (é, è, à, €, ≤, × — a French policy has thousands) was
// simulated on the ATN afresh each time it was met. This simulator keeps
// those transitions as well, beside the DFA. The DFA is shared by every
// lexer of the process, so the side table is too, behind a lock.
//
// Reading a transition of the shared DFA takes a lock too (ANTLR 4.9's
// read-write lock and hash map, ≈ 20 % of checking a policy): each lexer
// also keeps the transitions it has read, by state number, in a table of its
// own that needs no lock. A transition, once in the DFA, never changes, so
// the copy cannot go stale.
class UnicodeCachingSimulator : public antlr4::atn::LexerATNSimulator {
public:
  using LexerATNSimulator::LexerATNSimulator;

protected:
  antlr4::dfa::DFAState* getExistingTargetState(antlr4::dfa::DFAState* s, size_t t) override {
    if (t <= MAX_DFA_EDGE) {
      const auto state = static_cast<std::size_t>(s->stateNumber);
      if (state < ascii_.size() && ascii_[state] && (*ascii_[state])[t]) return (*ascii_[state])[t];
      antlr4::dfa::DFAState* target = LexerATNSimulator::getExistingTargetState(s, t);
      if (target && s->stateNumber >= 0 && state < kMaxLocalStates) {
        if (state >= ascii_.size()) ascii_.resize(state + 1);
        if (!ascii_[state]) ascii_[state] = std::make_unique<AsciiEdges>();
        (*ascii_[state])[t] = target;
      }
      return target;
    }
    if (auto it = unicode_.find({s, t}); it != unicode_.end()) return it->second;
    antlr4::dfa::DFAState* target = nullptr;
    {
      std::shared_lock lock(table().mutex);
      auto it = table().edges.find({s, t});
      if (it != table().edges.end()) target = it->second;
    }
    if (target) unicode_[{s, t}] = target;
    return target;
  }
  void addDFAEdge(antlr4::dfa::DFAState* from, size_t t, antlr4::dfa::DFAState* to) override {
    if (t <= MAX_DFA_EDGE) {
      LexerATNSimulator::addDFAEdge(from, t, to);
      return;
    }
    std::unique_lock lock(table().mutex);
    table().edges[{from, t}] = to;
  }
  using LexerATNSimulator::addDFAEdge;

private:
  struct Key {
    antlr4::dfa::DFAState* state;
    size_t symbol;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return std::hash<const void*>()(k.state) * 31 + std::hash<size_t>()(k.symbol);
    }
  };
  struct Table {
    std::shared_mutex mutex;
    std::unordered_map<Key, antlr4::dfa::DFAState*, KeyHash> edges;
  };
  static Table& table() {
    static Table t;
    return t;
  }
  // The lexer's DFA has a few hundred states; a state numbered beyond this
  // (never seen) is simply not copied.
  static constexpr std::size_t kMaxLocalStates = 1 << 16;
  using AsciiEdges = std::array<antlr4::dfa::DFAState*, MAX_DFA_EDGE + 1>;
  std::vector<std::unique_ptr<AsciiEdges>> ascii_;
  std::unordered_map<Key, antlr4::dfa::DFAState*, KeyHash> unicode_;
};

// The few punctuation tokens lineEnds() looks at, by token type (the
// generated lexer numbers literals T__0, T__1…: found by their spelling).
enum class Punct : std::uint8_t {
  None,
  Bar,
  Open,
  Close,
  OpenBrace,
  CloseBrace
};

std::vector<Punct> punctuation(const antlr4::dfa::Vocabulary& vocabulary) {
  std::vector<Punct> kinds(vocabulary.getMaxTokenType() + 1, Punct::None);
  for (std::size_t type = 0; type < kinds.size(); ++type) {
    std::string name = vocabulary.getLiteralName(type);
    // Parentheses and brackets carry a row over several lines; braces open
    // the blocks tables sit in.
    if (name == "'|'") kinds[type] = Punct::Bar;
    if (name == "'('" || name == "'['") kinds[type] = Punct::Open;
    if (name == "')'" || name == "']'") kinds[type] = Punct::Close;
    if (name == "'{'") kinds[type] = Punct::OpenBrace;
    if (name == "'}'") kinds[type] = Punct::CloseBrace;
  }
  return kinds;
}

std::unique_ptr<antlr4::Token> lineEndAfter(const antlr4::Token* last) {
  auto t = std::make_unique<antlr4::CommonToken>(loge_antlr::LogeParser::LINE_END, "");
  t->setLine(last->getLine());
  t->setCharPositionInLine(last->getCharPositionInLine() + tokenWidth(*last));
  t->setStartIndex(last->getStopIndex() + 1);
  t->setStopIndex(last->getStopIndex());
  return t;
}

// Where LINE_END tokens go: after the last token of every logical line
// that has a `|` outside brackets. A logical line is a source line, except
// that an open parenthesis or bracket, and a `|` at the end of a line or
// the start of the next, carry it on (`(a,⏎ b)` or `a |⏎ b` is one row).
// `|` appears nowhere else in the language, so no line outside a table is
// touched.
std::vector<bool> lineEnds(const std::vector<antlr4::Token*>& t, const std::vector<Punct>& kinds) {
  auto kind = [&](const antlr4::Token* tok) {
    std::size_t type = tok->getType();
    return type < kinds.size() ? kinds[type] : Punct::None;
  };
  auto isBar = [&](const antlr4::Token* tok) { return kind(tok) == Punct::Bar; };
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
    const antlr4::Token* tok = t[i];
    if (tok->getChannel() != antlr4::Token::DEFAULT_CHANNEL || tok->getType() == antlr4::Token::EOF) continue;
    if (any && tok->getLine() > t[last]->getLine() && depth == base && !isBar(t[last]) && !isBar(tok)) endLine();
    Punct k = kind(tok);
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

TokenStream::TokenStream(const std::string& text) : input_(text) {
  lexer_ = std::make_unique<L>(&input_);
  lexer_->removeErrorListeners();
  // The lexer owns its interpreter: setInterpreter deletes the one the
  // generated constructor made, the lexer's destructor deletes ours.
  auto* generated = lexer_->getInterpreter<antlr4::atn::LexerATNSimulator>();
  lexer_->setInterpreter(new UnicodeCachingSimulator(lexer_.get(), lexer_->getATN(), generated->_decisionToDFA,
                                                     generated->getSharedContextCache()));
  std::vector<std::unique_ptr<antlr4::Token>> lexed = lexer_->getAllTokens();
  std::vector<antlr4::Token*> view;
  view.reserve(lexed.size());
  for (const auto& tok : lexed) view.push_back(tok.get());
  static const std::vector<Punct> kinds = punctuation(lexer_->getVocabulary());
  std::vector<bool> endAfter = lineEnds(view, kinds);

  std::vector<std::unique_ptr<antlr4::Token>> all;
  all.reserve(lexed.size() + 64);
  for (std::size_t i = 0; i < lexed.size(); ++i) {
    const antlr4::Token* tok = lexed[i].get();
    all.push_back(std::move(lexed[i]));
    if (endAfter[i]) all.push_back(lineEndAfter(tok));
  }
  // The lexer's own EOF, positioned at the end of the input (ListTokenSource
  // cannot make one for an empty file).
  all.push_back(lexer_->nextToken());
  source_ = std::make_unique<antlr4::ListTokenSource>(std::move(all));
  stream_ = std::make_unique<antlr4::CommonTokenStream>(source_.get());
  stream_->fill();
}

} // namespace loge::syntax::internal
