// The hand-written lexer (compiler/syntax/src/lexer.h) against the lexer
// ANTLR generates from grammar/Loge.g4, which stays the definition: the same
// tokens (type, channel, position, text) on every policy of the repository,
// on every spelling the grammar writes, alone and next to what could extend
// it, and on random text made of the characters where the rules meet.
#include "lexer.h"

#include "LogeLexer.h"
#include "loge/source/source.h"

#include <antlr4-runtime.h>
#include <atn/OrderedATNConfigSet.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {
namespace fs = std::filesystem;
using loge::syntax::internal::lex;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ANTLR 4.9's lexer simulator leaks the configuration set of a transition
// that leads nowhere when a predicate lay on the way (SLASH_AN's and
// SLASH_MOIS's): this one frees it, and is otherwise the runtime's
// computeTargetState. (Only this reference lexer runs ANTLR's simulator.)
class ReferenceSimulator : public antlr4::atn::LexerATNSimulator {
public:
  using LexerATNSimulator::LexerATNSimulator;

protected:
  antlr4::dfa::DFAState* computeTargetState(antlr4::CharStream* input, antlr4::dfa::DFAState* s, size_t t) override {
    auto reach = std::make_unique<antlr4::atn::OrderedATNConfigSet>();
    getReachableConfigSet(input, s->configs.get(), reach.get(), t);
    if (reach->isEmpty()) {
      if (!reach->hasSemanticContext) addDFAEdge(s, t, ERROR.get());
      return ERROR.get();
    }
    return addDFAEdge(s, t, reach.release());
  }
};

// One line per token, the same for both lexers, so that a failure shows
// the first token that differs.
std::vector<std::string> byAntlr(const std::string& text) {
  antlr4::ANTLRInputStream input(text);
  loge_antlr::LogeLexer lexer(&input);
  lexer.removeErrorListeners();
  // The lexer owns its interpreter: setInterpreter deletes the generated
  // one, the lexer's destructor deletes this one.
  auto* generated = lexer.getInterpreter<antlr4::atn::LexerATNSimulator>();
  lexer.setInterpreter(
      new ReferenceSimulator(&lexer, lexer.getATN(), generated->_decisionToDFA, generated->getSharedContextCache()));
  std::vector<std::string> out;
  std::vector<std::unique_ptr<antlr4::Token>> tokens = lexer.getAllTokens();
  tokens.push_back(lexer.nextToken()); // EOF
  for (const auto& t : tokens)
    out.push_back(fmt::format("{} ch{} [{}..{}] {}:{} «{}»", lexer.getVocabulary().getSymbolicName(t->getType()),
                              t->getChannel(), t->getStartIndex(), t->getStopIndex(), t->getLine(),
                              t->getCharPositionInLine(), t->getText()));
  return out;
}

std::vector<std::string> byHand(const std::string& text) {
  antlr4::ANTLRInputStream none;
  loge_antlr::LogeLexer names(&none);
  std::vector<std::string> out;
  for (const auto& t : lex(text))
    out.push_back(fmt::format("{} ch{} [{}..{}] {}:{} «{}»", names.getVocabulary().getSymbolicName(t.type), t.channel,
                              t.start, t.stop, t.line, t.column, t.text));
  return out;
}

void expectSameTokens(const std::string& text, const std::string& what) {
  std::vector<std::string> expected = byAntlr(text);
  std::vector<std::string> actual = byHand(text);
  std::size_t n = std::min(expected.size(), actual.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (expected[i] != actual[i]) {
      ADD_FAILURE() << what << ": token " << i << " differs\n  ANTLR: " << expected[i] << "\n  lexer: " << actual[i];
      return;
    }
  }
  EXPECT_EQ(expected.size(), actual.size()) << what << ": token counts differ";
}

// Every quoted literal of the grammar file: keywords, punctuation, their
// accented and ASCII spellings.
std::vector<std::string> grammarSpellings() {
  std::string grammar = readFile(LOGE_GRAMMAR_FILE);
  std::set<std::string> found;
  std::regex literal(R"('((?:[^'\\\n]|\\.)+)')");
  for (auto it = std::sregex_iterator(grammar.begin(), grammar.end(), literal); it != std::sregex_iterator(); ++it) {
    std::string s = (*it)[1];
    std::string unescaped;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\' && i + 1 < s.size()) ++i;
      unescaped += s[i];
    }
    found.insert(unescaped);
  }
  return {found.begin(), found.end()};
}

TEST(Lexer, GrammarSpellingsFound) {
  // The extraction works: a few spellings of each kind are there.
  std::vector<std::string> spellings = grammarSpellings();
  std::set<std::string> all(spellings.begin(), spellings.end());
  for (const char* s : {"règle", "regle", "jusqu'au", "m²", "/mois", "..", "→", "EUR", "date_évaluation", "—"})
    EXPECT_TRUE(all.count(s)) << s;
  EXPECT_GT(spellings.size(), 150u);
}

TEST(Lexer, EverySpellingAloneAndInContext) {
  // What follows or precedes a spelling decides between rules: a longer
  // identifier (`six`, `regles`), a longer symbol (`/mois` after `/`), a
  // digit, a blank, a quote, the second character of `m²`.
  const std::vector<std::string> around = {"", " ", "x", "2", "_", "é", "²", "'au", "\n", "\"", "-", ".", "/", "#"};
  for (const std::string& s : grammarSpellings()) {
    for (const std::string& after : around) expectSameTokens(s + after, "«" + s + after + "»");
    for (const std::string& before : around) expectSameTokens(before + s, "«" + before + s + "»");
  }
}

TEST(Lexer, NumbersStringsCommentsBlanks) {
  for (const char* text : {"2025-06-30",
                           "2025-06-3",
                           "2025-6-30",
                           "12025-06-30",
                           "2025-06-301",
                           "1_000",
                           "1_000.5_0",
                           "1.",
                           "1..5",
                           "1._5",
                           "12_",
                           "1_abc",
                           ".5",
                           "0,3",
                           "3.14.15",
                           "\"\"",
                           "\"a\\\"b\"",
                           "\"a\\q\" \"x\"",
                           "\"ouvert",
                           "\"ligne\nsuite\"",
                           "\"\\{x\\}\" \"{a}\"",
                           "# commentaire\r\nsi",
                           "#",
                           "a\u00a0b\u202fc",
                           "a\r\n\tb",
                           "€/mois",
                           "EUR/an",
                           "m²x",
                           "m2x",
                           "jusqu'a",
                           "jusqu'au",
                           "jusqu'auX",
                           "jusqu_au",
                           "x/moisy",
                           "€/an",
                           "€/an2",
                           "€/mois_",
                           "a/anciennete",
                           "a/an",
                           "a/mois ",
                           "/anémie",
                           "/an²",
                           "x/annee",
                           "---",
                           "-->",
                           "<==",
                           "!==",
                           "≠=",
                           "→→",
                           "date_évaluationx",
                           "àb",
                           "à",
                           "a",
                           "ÀÖ×ØöøɏȀ",
                           "𝑥 🏠 ¤",
                           "\t\t",
                           ""}) {
    expectSameTokens(text, std::string("«") + text + "»");
  }
}

TEST(Lexer, ShippedPolicies) {
  std::size_t files = 0;
  for (const char* dir : {"policies", "examples", "bench", "tests"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(LOGE_REPO_ROOT) / dir)) {
      if (entry.path().extension() != ".loge") continue;
      std::string text = readFile(entry.path());
      if (loge::findInvalidUtf8(text)) continue; // refused before lexing (tests of that refusal)
      expectSameTokens(text, entry.path().string());
      ++files;
    }
  }
  EXPECT_GT(files, 50u);
}

TEST(Lexer, RandomText) {
  // Fragments where the rules meet, glued at random (seeded: a failure
  // reproduces).
  const std::vector<std::string> pieces = {
      "a",    "Z",   "_",  "é",  "È",      "ÿ",      "ɏ",          "Ȁ",   "×",     "÷",  "0",    "9",  "12", "-",
      "−",    "—",   "..", ".",  "/",      "m",      "²",          "'",   "\"",    "\\", "n",    "{",  "}",  "#",
      "\n",   "\r",  " ",  "\t", "\u00a0", "\u202f", "€",          "EUR", "jusqu", "au", "mois", "an", "si", "règle",
      "2025", "-06", "≤",  "<",  "=",      ">",      "!",          "→",   "|",     "(",  ")",    "[",  "]",  ",",
      ":",    "%",   "+",  "*",  "🏠",      "date_",  "évaluation", "?",   "@",     "~"};
  std::mt19937 random(20261130);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 30);
  for (int n = 0; n < 5000; ++n) {
    std::string text;
    for (int k = length(random); k > 0; --k) text += pieces[piece(random)];
    expectSameTokens(text, "texte aléatoire n° " + std::to_string(n) + " «" + text + "»");
    if (HasFailure()) return;
  }
}

} // namespace
