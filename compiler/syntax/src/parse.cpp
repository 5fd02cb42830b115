// Syntax stage: lexing, nesting limits, two-stage parsing, then the AST.
#include "loge/syntax/parse.h"

#include "LogeLexer.h"
#include "LogeParser.h"
#include "builder.h"
#include "error_listener.h"
#include "tokens.h"

#include <antlr4-runtime.h>

#include <algorithm>

namespace loge::syntax {

namespace {
using L = loge_antlr::LogeLexer;

SourceRange tokenRange(FileId file, antlr4::Token* t) {
  SourceRange r;
  r.file = file;
  r.begin = {static_cast<std::uint32_t>(t->getLine()), static_cast<std::uint32_t>(t->getCharPositionInLine() + 1)};
  r.end = r.begin;
  r.end.column += static_cast<std::uint32_t>(std::max<std::size_t>(1, internal::tokenWidth(*t)));
  return r;
}

bool startsDeclaration(std::size_t type) {
  switch (type) {
  case L::CRITERE:
  case L::DEFINITION:
  case L::PARAMETRE:
  case L::REGLE:
  case L::QUOTA:
  case L::CLASSEMENT:
  case L::SIMILARITE:
  case L::TEST:
  case L::STRUCTURE:
  case L::RUBRIQUE:
  case L::ATTENDU:
  case L::COTATION:
  case L::ELIGIBILITE:
  case L::HARMONISATION:
  case L::REMPLACE: return true;
  default: return false;
  }
}

// The token stream as error reporting reads it, in one pass. Parsing can
// safely resume after a syntax error at a declaration keyword starting a
// line; and, outside any braces, at a `règle` or `critère` starting a line
// — never an item, so the parser reports it (written outside its block)
// rather than skip it with the broken declaration before it.
internal::TokenLayout tokenLayout(antlr4::CommonTokenStream& tokens) {
  internal::TokenLayout out;
  int braces = 0, brackets = 0;
  for (antlr4::Token* t : tokens.getTokens()) {
    const std::size_t type = t->getType();
    out.braceDepth.push_back(braces);
    if (t->getCharPositionInLine() == 0 &&
        (internal::startsDeclaration(type) || (braces == 0 && (type == L::REGLE || type == L::CRITERE))))
      out.boundaries.push_back(t->getTokenIndex());
    if (type == antlr4::Token::EOF) continue;
    const std::string text = t->getText();
    if (text == "{") ++braces;
    if (text == "}" && braces > 0) --braces;
    if (text == "(" || text == "[" || text == "{") ++brackets;
    if (text == ")" || text == "]" || text == "}") --brackets;
  }
  out.unclosedBracket = brackets > 0;
  return out;
}

// After a syntax error, abandon the broken declaration: guessing inside it
// (ANTLR's single-token insertion and deletion) produces cascades of
// misleading errors. The driver loop below resumes at the next declaration.
struct ResyncSignal {};

class ResyncAtDeclaration : public antlr4::DefaultErrorStrategy {
public:
  void recover(antlr4::Parser*, std::exception_ptr) override { throw ResyncSignal{}; }
  antlr4::Token* recoverInline(antlr4::Parser* recognizer) override {
    throw antlr4::InputMismatchException(recognizer);
  }
};

// Error-reporting parse: one item at a time, resuming after each error at
// the next of `boundaries` (tokenLayout).
void reportSyntaxErrors(loge_antlr::LogeParser& parser, antlr4::CommonTokenStream& tokens,
                        const std::vector<std::size_t>& boundaries) {
  bool first = true;
  while (tokens.LA(1) != antlr4::Token::EOF) {
    std::size_t before = tokens.index();
    try {
      parser.getErrorHandler()->reset(&parser);
      if (first && tokens.LA(1) == L::POLITIQUE)
        parser.header();
      else
        parser.item();
    } catch (const ResyncSignal&) {
      // Skip to the next declaration (at least one token, so we progress).
      if (tokens.index() == before) tokens.consume();
      auto next = std::lower_bound(boundaries.begin(), boundaries.end(), tokens.index());
      tokens.seek(next == boundaries.end() ? tokens.size() - 1 : *next); // else the end of file
    }
    first = false;
    if (tokens.index() == before) tokens.consume(); // never loop in place
  }
}

// Refuses, before parsing, token streams whose nesting would make the
// recursive-descent parser (and every later recursive pass) dig too deep.
bool checkNesting(antlr4::CommonTokenStream& tokens, FileId file, DiagnosticEngine& diags) {
  int depth = 0;
  int prefix = 0;
  for (antlr4::Token* t : tokens.getTokens()) {
    std::size_t type = t->getType();
    std::string text = type == antlr4::Token::EOF ? "" : t->getText();
    if (text == "(" || text == "[" || text == "{") {
      if (++depth > kMaxBracketDepth) {
        diags.report(DiagKind::NestingTooDeep, tokenRange(file, t), kMaxBracketDepth);
        return false;
      }
    } else if (text == ")" || text == "]" || text == "}") {
      if (depth > 0) --depth;
    } else if (type == L::SI || type == L::NON || type == L::MINUS || type == L::SELON || type == L::SOMME ||
               type == L::NOMBRE || type == L::TOUS || type == L::PREMIER) {
      if (++prefix > kMaxPrefixChain) {
        diags.report(DiagKind::NestingTooDeep, tokenRange(file, t), kMaxPrefixChain);
        return false;
      }
    } else if (startsDeclaration(type)) {
      prefix = 0;
    }
  }
  return true;
}
} // namespace

std::unique_ptr<ast::Module> parse(const SourceFile& file, DiagnosticEngine& diags) {
  std::size_t errorsBefore = diags.errorCount();
  try {
    internal::TokenStream stream(file.text());
    antlr4::CommonTokenStream& tokens = stream.tokens();
    if (!checkNesting(tokens, file.id(), diags)) return nullptr;

    loge_antlr::LogeParser parser(&tokens);
    parser.removeErrorListeners();
    // Stage 1: the fast SLL mode, bailing out at the first error.
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    loge_antlr::LogeParser::ModuleContext* tree = nullptr;
    try {
      tree = parser.module();
    } catch (antlr4::ParseCancellationException&) {
      tree = nullptr;
    }
    if (!tree) {
      // Stage 2: full LL, still bailing out: SLL can fail on valid input.
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
      try {
        tree = parser.module();
      } catch (antlr4::ParseCancellationException&) {
        tree = nullptr;
      }
    }
    if (!tree) {
      // Stage 3: the input has errors; report each, resuming at the next
      // declaration.
      tokens.seek(0);
      parser.reset();
      internal::ErrorListener listener(file.id(), diags, {});
      const internal::TokenLayout layout = tokenLayout(tokens);
      listener.setLayout(layout);
      parser.addErrorListener(&listener);
      parser.setErrorHandler(std::make_shared<ResyncAtDeclaration>());
      reportSyntaxErrors(parser, tokens, layout.boundaries);
      if (listener.count() == 0) {
        // Cannot happen (LL accepted nothing, yet no error was found): say
        // so rather than build from nothing.
        SourceRange r;
        r.file = file.id();
        r.begin = r.end = {1, 1};
        diags.report(DiagKind::SyntaxError, r, "erreur de syntaxe non localisée (bogue du compilateur)");
      }
      return nullptr;
    }
    internal::Builder builder(file, diags);
    auto module = builder.buildModule(tree);
    if (diags.errorCount() > errorsBefore) return module;
    return module;
  } catch (const std::exception& e) {
    SourceRange r;
    r.file = file.id();
    r.begin = r.end = {1, 1};
    diags.report(DiagKind::SyntaxError, r,
                 std::string("erreur interne de l'analyseur syntaxique (bogue du compilateur) : ") + e.what());
    return nullptr;
  }
}

} // namespace loge::syntax
