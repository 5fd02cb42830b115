// Syntax stage (internal): lexes and parses a file again for the formatter,
// and records, per token, what the layout needs to know. The parse tree is
// the only reliable way to tell a unary minus from a binary one, a keyword
// from the same word used as a name, or a table cell from an expression.
#include "format_tokens.h"
#include "tokens.h"

#include "LogeLexer.h"
#include "LogeParser.h"

#include <antlr4-runtime.h>

namespace loge::syntax::internal {

namespace {
using L = loge_antlr::LogeLexer;
using P = loge_antlr::LogeParser;

// Rules whose first token begins a new "statement": an item of the file, a
// header clause, or an element of a `{ … }` block. Lines that start such a
// statement are not continuation lines.
bool isStatementRule(std::size_t rule) {
  switch (rule) {
  case P::RuleHeader:
  case P::RuleHeaderClause:
  case P::RuleItem:
  case P::RuleSchemaBinding:
  case P::RuleFieldDecl:
  case P::RuleEnumValue:
  case P::RuleCotationItem:
  case P::RuleRuleDecl:
  case P::RuleClassementClause:
  case P::RuleSimilariteClause:
  case P::RuleTestInput:
  case P::RuleTestStatement:
  case P::RuleRecordEntry:
  case P::RuleSelonArm: return true;
  default: return false;
  }
}

// Trailing blanks of a comment, including the no-break spaces French
// typography uses, are invisible and would count as trailing spaces.
std::string trimTrailingBlanks(std::string s) {
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\f' || s.back() == '\v')) {
      s.pop_back();
    } else if (s.size() >= 2 && s.ends_with("\xC2\xA0")) { // U+00A0
      s.resize(s.size() - 2);
    } else if (s.size() >= 3 && s.ends_with("\xE2\x80\xAF")) { // U+202F
      s.resize(s.size() - 3);
    } else {
      return s;
    }
  }
}

// Parses without reporting: the caller has already parsed the file with
// diagnostics. SLL first (fast), then full LL, as parse() does.
P::ModuleContext* parseQuietly(P& parser, antlr4::CommonTokenStream& tokens) {
  parser.removeErrorListeners();
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  auto* sim = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  sim->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  try {
    return parser.module();
  } catch (antlr4::ParseCancellationException&) {}
  tokens.seek(0);
  parser.reset();
  sim->setPredictionMode(antlr4::atn::PredictionMode::LL);
  try {
    return parser.module();
  } catch (antlr4::ParseCancellationException&) {
    return nullptr;
  }
}

// What a token inherits from the rules enclosing it.
struct Inherited {
  std::ptrdiff_t clause = kNone;
  std::ptrdiff_t table = kNone;
  std::ptrdiff_t tableRow = kNone;
};

// An opening parenthesis glued to the name before it: a call, `arrondi(…)`,
// or the parameter list of a définition.
bool isGluedParen(antlr4::ParserRuleContext* parent) {
  return dynamic_cast<P::CallExprContext*>(parent) || dynamic_cast<P::RoundExprContext*>(parent) ||
         dynamic_cast<P::DefinitionDeclContext*>(parent) || dynamic_cast<P::ReplaceDefinitionContext*>(parent);
}

void classifyTerminal(FmtToken& t, antlr4::ParserRuleContext* parent, const Inherited& inh) {
  std::size_t rule = parent ? parent->getRuleIndex() : static_cast<std::size_t>(P::RuleModule);
  t.clause = inh.clause;
  t.table = inh.table;
  t.tableRow = inh.tableRow;
  if (t.type == L::MINUS) t.unaryMinus = rule == P::RuleUnary || rule == P::RuleSignedNumber;
  if (t.text == "(") t.glued = isGluedParen(parent);
  if (t.text == "[") t.glued = rule == P::RulePostfixOp;
  // A soft keyword used as a name keeps the spelling of its declaration;
  // `date_évaluation` always denotes the built-in evaluation date.
  bool isName = (rule == P::RuleIdent || rule == P::RuleTypeIdent) && t.type != L::DATE_EVALUATION;
  if (const char* canonical = canonicalSpelling(t.type); canonical && !isName) t.text = canonical;
}

// Walks the parse tree iteratively: parse() has bounded its depth, but an
// explicit stack costs nothing and cannot overflow.
void classify(antlr4::tree::ParseTree* root, std::vector<FmtToken>& out) {
  struct Frame {
    antlr4::tree::ParseTree* node;
    Inherited inh;
  };
  std::vector<Frame> stack{{root, {}}};
  std::ptrdiff_t tables = 0;
  std::ptrdiff_t rows = 0;
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    if (auto* term = dynamic_cast<antlr4::tree::TerminalNode*>(f.node)) {
      antlr4::Token* sym = term->getSymbol();
      if (sym->getType() == antlr4::Token::EOF || sym->getTokenIndex() >= out.size()) continue;
      classifyTerminal(out[sym->getTokenIndex()], dynamic_cast<antlr4::ParserRuleContext*>(term->parent), f.inh);
      continue;
    }
    auto* ctx = dynamic_cast<antlr4::ParserRuleContext*>(f.node);
    if (!ctx) continue;
    Inherited inh = f.inh;
    std::size_t rule = ctx->getRuleIndex();
    antlr4::Token* start = ctx->getStart();
    bool hasStart = start && start->getType() != antlr4::Token::EOF && start->getTokenIndex() < out.size();
    if (hasStart && isStatementRule(rule)) out[start->getTokenIndex()].startsStatement = true;
    if (hasStart && rule == P::RuleDatedValue) inh.clause = static_cast<std::ptrdiff_t>(start->getTokenIndex());
    if (rule == P::RuleTableBody) inh.table = tables++;
    if (rule == P::RuleTableLine) inh.tableRow = rows++;
    for (auto it = ctx->children.rbegin(); it != ctx->children.rend(); ++it) stack.push_back({*it, inh});
  }
}
// The layout works from the input's own line breaks: the parser's LINE_END
// tokens go, and the token indices that `clause` holds follow.
std::vector<FmtToken> withoutLineEnds(std::vector<FmtToken> all) {
  std::vector<std::ptrdiff_t> newIndex(all.size(), kNone);
  std::vector<FmtToken> kept;
  kept.reserve(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].type == loge_antlr::LogeParser::LINE_END) continue;
    newIndex[i] = static_cast<std::ptrdiff_t>(kept.size());
    kept.push_back(std::move(all[i]));
  }
  for (FmtToken& t : kept)
    if (t.clause != kNone) t.clause = newIndex[static_cast<std::size_t>(t.clause)];
  return kept;
}
} // namespace

std::optional<std::vector<FmtToken>> collectTokens(const std::string& text) {
  TokenStream stream(text);
  antlr4::CommonTokenStream& tokens = stream.tokens();

  std::vector<FmtToken> out;
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getType() == antlr4::Token::EOF) break;
    FmtToken f;
    f.type = t->getType();
    f.line = t->getLine();
    f.comment = f.type == L::COMMENT;
    f.text = f.comment ? trimTrailingBlanks(t->getText()) : t->getText();
    out.push_back(std::move(f));
  }

  P parser(&tokens);
  P::ModuleContext* tree = parseQuietly(parser, tokens);
  if (!tree) return std::nullopt;
  classify(tree, out);
  return withoutLineEnds(std::move(out));
}

} // namespace loge::syntax::internal
