// Tests of `loge fmt` (loge::syntax::format): golden files, idempotence, and
// that formatting never changes what the tokens say.
#include "loge/syntax/format.h"
#include "loge/syntax/parse.h"

#include "LogeLexer.h"

#include <antlr4-runtime.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

namespace {
namespace fs = std::filesystem;
using L = loge_antlr::LogeLexer;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Formatted {
  std::optional<std::string> text;
  std::vector<loge::Diagnostic> diagnostics;
};

Formatted formatText(const std::string& text) {
  loge::SourceManager sources;
  const loge::SourceFile& file = sources.addVirtual("essai.loge", text);
  loge::DiagnosticEngine diags;
  auto out = loge::syntax::format(file, diags);
  return {std::move(out), diags.diagnostics()};
}

bool parsesCleanly(const std::string& text) {
  loge::SourceManager sources;
  const loge::SourceFile& file = sources.addVirtual("essai.loge", text);
  loge::DiagnosticEngine diags;
  auto module = loge::syntax::parse(file, diags);
  return module && !diags.hasErrors();
}

// ASCII (and U+2212) spelling -> canonical spelling. Written out here rather
// than taken from the formatter so that the two lists check each other.
const std::map<std::string, std::string>& canonicalSpellings() {
  static const std::map<std::string, std::string> table = {
      {"a", "à"},
      {"debut", "début"},
      {"reference", "référence"},
      {"schema", "schéma"},
      {"enumeration", "énumération"},
      {"parametre", "paramètre"},
      {"definition", "définition"},
      {"bareme", "barème"},
      {"jusqu_au", "jusqu'au"},
      {"critere", "critère"},
      {"eligibilite", "éligibilité"},
      {"regle", "règle"},
      {"periode", "période"},
      {"annee", "année"},
      {"lorsque", "où"},
      {"eligibles", "éligibles"},
      {"decroissant", "décroissant"},
      {"defauts", "défauts"},
      {"booleen", "booléen"},
      {"decimal", "décimal"},
      {"duree", "durée"},
      {"defaut", "défaut"},
      {"verifient", "vérifient"},
      {"verifie", "vérifie"},
      {"inferieur", "inférieur"},
      {"superieur", "supérieur"},
      {"date_evaluation", "date_évaluation"},
      {"->", "→"},
      {"*", "×"},
      {"/", "÷"},
      {"\u2212", "-"},
      {"<=", "≤"},
      {">=", "≥"},
      {"!=", "≠"},
      {"EUR", "€"},
      {"m2", "m²"},
      {"--", "—"},
  };
  return table;
}

std::string trimTrailingBlanks(std::string s) {
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (const std::string blank : {" ", "\t", "\u00A0", "\u202F"}) {
      if (s.ends_with(blank)) {
        s.resize(s.size() - blank.size());
        trimmed = true;
      }
    }
  }
  return s;
}

using TokenList = std::vector<std::pair<std::size_t, std::string>>;

// The (type, text) of every token but whitespace, with every keyword and
// symbol in its canonical spelling and comments without trailing blanks.
TokenList canonicalTokens(const std::string& text) {
  antlr4::ANTLRInputStream input(text);
  L lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  TokenList out;
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getType() == antlr4::Token::EOF) break;
    std::string s = t->getText();
    switch (t->getType()) {
    case L::ID:
    case L::STRING:
    case L::INT_LIT:
    case L::DEC_LIT:
    case L::DATE_LIT: break;
    case L::COMMENT: s = trimTrailingBlanks(s); break;
    default:
      if (auto it = canonicalSpellings().find(s); it != canonicalSpellings().end()) s = it->second;
    }
    out.emplace_back(t->getType(), s);
  }
  return out;
}

std::size_t lexOne(const std::string& text) {
  antlr4::ANTLRInputStream input(text);
  L lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  return tokens.getTokens().size() == 2 ? tokens.getTokens()[0]->getType() : 0;
}

// Every NAME.loge of the golden directory that is not itself an expected output.
std::vector<std::string> goldenNames() {
  std::vector<std::string> names;
  const std::string suffix = ".expected.loge";
  for (const auto& entry : fs::directory_iterator(LOGE_FORMAT_GOLDEN_DIR)) {
    std::string file = entry.path().filename().string();
    if (entry.path().extension() != ".loge" || file.ends_with(suffix)) continue;
    names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

fs::path goldenInput(const std::string& name) { return fs::path(LOGE_FORMAT_GOLDEN_DIR) / (name + ".loge"); }
fs::path goldenExpected(const std::string& name) {
  return fs::path(LOGE_FORMAT_GOLDEN_DIR) / (name + ".expected.loge");
}

// What every formatted text must satisfy, whatever its origin.
void expectSound(const std::string& input, const std::string& output) {
  EXPECT_TRUE(parsesCleanly(output)) << output;
  EXPECT_EQ(canonicalTokens(input), canonicalTokens(output));
  Formatted again = formatText(output);
  ASSERT_TRUE(again.text.has_value());
  EXPECT_EQ(*again.text, output) << "not idempotent";
}

class FormatGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(FormatGolden, MatchesExpectedOutput) {
  ASSERT_TRUE(fs::exists(goldenExpected(GetParam()))) << "missing " << goldenExpected(GetParam());
  Formatted out = formatText(readFile(goldenInput(GetParam())));
  ASSERT_TRUE(out.text.has_value());
  EXPECT_EQ(*out.text, readFile(goldenExpected(GetParam())));
}

TEST_P(FormatGolden, IsIdempotentAndKeepsTokens) {
  std::string input = readFile(goldenInput(GetParam()));
  Formatted out = formatText(input);
  ASSERT_TRUE(out.text.has_value());
  expectSound(input, *out.text);
}

TEST_P(FormatGolden, ExpectedOutputIsAFixedPoint) {
  std::string expected = readFile(goldenExpected(GetParam()));
  Formatted out = formatText(expected);
  ASSERT_TRUE(out.text.has_value());
  EXPECT_EQ(*out.text, expected);
}

INSTANTIATE_TEST_SUITE_P(Goldens, FormatGolden, ::testing::ValuesIn(goldenNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(Format, GoldenDirectoryIsNotEmpty) { EXPECT_GE(goldenNames().size(), 5u); }

TEST(Format, WorkloadIsIdempotentAndKeepsTokens) {
  std::string input = readFile(LOGE_FORMAT_WORKLOAD);
  ASSERT_FALSE(input.empty());
  Formatted out = formatText(input);
  ASSERT_TRUE(out.text.has_value());
  expectSound(input, *out.text);
}

TEST(Format, UnparsableFileGivesNothingAndADiagnostic) {
  Formatted out = formatText("politique \"x\"\nstructure {\n");
  EXPECT_FALSE(out.text.has_value());
  ASSERT_FALSE(out.diagnostics.empty());
  EXPECT_EQ(out.diagnostics.front().severity, loge::Severity::Error);
}

TEST(Format, FileWithSyntaxStageErrorGivesNothing) {
  // Parses, but the syntax stage refuses a header clause given twice.
  Formatted out = formatText("politique \"x\"\nversion \"1\"\nversion \"2\"\n");
  EXPECT_FALSE(out.text.has_value());
  EXPECT_FALSE(out.diagnostics.empty());
}

TEST(Format, EmptyFileStaysEmpty) {
  EXPECT_EQ(formatText("").text, std::optional<std::string>(""));
  EXPECT_EQ(formatText(" \n\n\t\n").text, std::optional<std::string>(""));
}

TEST(Format, CrLfBecomesLf) {
  Formatted out = formatText("politique \"x\"\r\n\r\n\r\nversion \"1\" # note \r\n");
  EXPECT_EQ(out.text, std::optional<std::string>("politique \"x\"\n\nversion \"1\" # note\n"));
}

TEST(Format, NoBreakSpacesBecomeSpaces) {
  Formatted out = formatText("définition\u00A0t : décimal = 35\u202F%\n");
  EXPECT_EQ(out.text, std::optional<std::string>("définition t : décimal = 35 %\n"));
}

TEST(Format, AddsTheFinalNewline) {
  EXPECT_EQ(formatText("politique \"x\"").text, std::optional<std::string>("politique \"x\"\n"));
}

// The test's own spelling table must agree with the grammar: both spellings
// are one token of the same keyword or symbol type.
TEST(Format, SpellingTableMatchesTheGrammar) {
  for (const auto& [ascii, canonical] : canonicalSpellings()) {
    std::size_t type = lexOne(ascii);
    EXPECT_NE(type, 0u) << ascii;
    EXPECT_NE(type, static_cast<std::size_t>(L::ID)) << ascii;
    EXPECT_EQ(type, lexOne(canonical)) << ascii << " / " << canonical;
  }
}

} // namespace
