// Syntax stage: the shape of parsed expressions (precedence, associativity,
// soft keywords, ASCII spellings) and located syntax errors.
#include "loge/ast/dump.h"
#include "loge/diag/render.h"
#include "loge/syntax/parse.h"

#include <gtest/gtest.h>

namespace loge {
namespace {

// Parses `définition x : entier = <expr>` and returns the body's dump.
std::string parseExpr(const std::string& expr) {
  SourceManager sm;
  DiagnosticEngine diags;
  const SourceFile& f = sm.addVirtual("t.loge", "définition x : entier = " + expr + "\n");
  auto m = syntax::parse(f, diags);
  if (!m || diags.hasErrors()) return "ERREUR: " + renderAll(diags.diagnostics(), sm, DiagStyle::OneLine);
  return ast::dump(*m->definitions.at(0).body);
}

TEST(Parse, ArithmeticPrecedenceAndAssociativity) {
  EXPECT_EQ(parseExpr("1 + 2 × 3"), "(+ 1 (× 2 3))");
  EXPECT_EQ(parseExpr("1 - 2 - 3"), "(- (- 1 2) 3)");
  EXPECT_EQ(parseExpr("6 ÷ 3 * 2"), "(× (÷ 6 3) 2)");
  EXPECT_EQ(parseExpr("-50 points × n"), "(× -50points n)");
  EXPECT_EQ(parseExpr("- (a + b)"), "(neg (+ a b))");
}

TEST(Parse, LogicalAndComparisonPrecedence) {
  EXPECT_EQ(parseExpr("a ou b et non c"), "(ou a (et b (non c)))");
  EXPECT_EQ(parseExpr("a + 1 <= b × 2"), "(≤ (+ a 1) (× b 2))");
  EXPECT_EQ(parseExpr("x à défaut 0 > 3"), "(> (à_défaut x 0) 3)");
  EXPECT_EQ(parseExpr("x a defaut 0"), "(à_défaut x 0)");
  EXPECT_EQ(parseExpr("d.x existe comme y et y > 2"), "(et (existe (. d x) comme y) (> y 2))");
}

TEST(Parse, AggregatesExtendToTheRight) {
  // LANGUAGE-NOTES P1: `où` extends as far right as possible.
  EXPECT_EQ(parseExpr("nombre de p dans m.personnes où p.age >= 14 - 1"),
            "(nombre p (. m personnes) où (≥ (. p age) (- 14 1)))");
  EXPECT_EQ(parseExpr("(nombre de p dans L) - 1"), "(- (nombre p L) 1)");
  EXPECT_EQ(parseExpr("somme de p.r pour p dans L lorsque p.ok"), "(somme p (. p r) L où (. p ok))");
  EXPECT_EQ(parseExpr("tous x dans L vérifient x > 0"), "(tous x L où (> x 0))");
  EXPECT_EQ(parseExpr("au moins un x dans L verifie x"), "(au_moins_un x L où x)");
}

TEST(Parse, LiteralsAndUnits) {
  EXPECT_EQ(parseExpr("9_500 €/an + 1 EUR/mois"), "(+ 9500€/an 1€/mois)");
  EXPECT_EQ(parseExpr("35 % × 16 m2"), "(× 35% 16m²)");
  EXPECT_EQ(parseExpr("2025-06-30 + 3 ans"), "(+ 2025-06-30 3ans)");
  EXPECT_EQ(parseExpr("arrondi(x, 1 €, au plus proche)"), "(arrondi x 1€)");
  // `/an` and `/mois` are units only where no identifier goes on.
  EXPECT_EQ(parseExpr("revenu/anciennete + 1 €/an"), "(+ (÷ revenu anciennete) 1€/an)");
  EXPECT_EQ(parseExpr("loyer/mois_de_reference"), "(÷ loyer mois_de_reference)");
  EXPECT_EQ(parseExpr("12 €/mois"), "12€/mois");
}

TEST(Parse, SoftKeywordsAreNames) {
  EXPECT_EQ(parseExpr("plafond + refus + date + zone + maximum"), "(+ (+ (+ (+ plafond refus) date) zone) maximum)");
  EXPECT_EQ(parseExpr("p[categorie, zone] au 2024-01-01"), "(au ([] p categorie zone) 2024-01-01)");
  EXPECT_EQ(parseExpr("quota.q.en_retard"), "(. (. quota q) en_retard)");
}

TEST(Parse, SelonAndConditionals) {
  EXPECT_EQ(parseExpr("selon z { a, b → 1  sinon → 2 }"), "(selon z [a,b 1] [sinon 2])");
  EXPECT_EQ(parseExpr("si a alors 1 sinon si b alors 2 sinon 3"), "(si a 1 (si b 2 3))");
}

// Parses `test "t" { demande { v = <value> } }` (the value on a line of its
// own, at the column of parseExpr's) and returns the value's dump and range.
std::pair<std::string, SourceRange> parseRecordValue(const std::string& value) {
  SourceManager sm;
  DiagnosticEngine diags;
  const SourceFile& f =
      sm.addVirtual("t.loge", "test \"t\" {\n demande {\n  v =\n                        " + value + "\n }\n}\n");
  auto m = syntax::parse(f, diags);
  if (!m || diags.hasErrors()) return {"ERREUR: " + renderAll(diags.diagnostics(), sm, DiagStyle::OneLine), {}};
  const ast::Expr& e = *m->tests.at(0).statements.at(0).input.entries.at(0).value;
  return {ast::dump(e), e.range};
}

TEST(Parse, RecordValuesAreExpressions) {
  // The grammar reads a record's literal or name values apart from other
  // expressions (for speed): the AST and its range must be those of the
  // same text as an expression, whichever way it was read.
  for (const char* text : {"10_000 €/an",
                           "1980-01-01",
                           "vrai",
                           "faux",
                           "\"texte \\{a\\} libre\"",
                           "12.5 %",
                           "PLAI",
                           "paris_limitrophes",
                           "plafond",
                           "date",
                           "a",
                           "au",
                           "5 € + 1 €",
                           "-3",
                           "f(x)",
                           "a.b",
                           "x au 2024-01-01",
                           "x à défaut 0",
                           "2025-01-01 + 1 an",
                           "[1, 2]",
                           "{ a = 1 b = c }",
                           "absent",
                           "selon z { A → 1 sinon → 2 }",
                           "n > 3",
                           "(7)",
                           "a[1]",
                           "non vrai",
                           "si a alors 1 sinon 2",
                           "5 € au 2024-01-01"}) {
    SourceManager sm;
    DiagnosticEngine diags;
    const SourceFile& f = sm.addVirtual("t.loge", std::string("définition x : entier = ") + text + "\n");
    auto m = syntax::parse(f, diags);
    ASSERT_TRUE(m && !diags.hasErrors()) << text;
    const ast::Expr& expected = *m->definitions.at(0).body;
    auto [dump, range] = parseRecordValue(text);
    EXPECT_EQ(dump, ast::dump(expected)) << text;
    EXPECT_EQ(range.begin.line, 4u) << text;
    EXPECT_EQ(range.begin.column, expected.range.begin.column) << text;
    EXPECT_EQ(range.end.column, expected.range.end.column) << text;
  }
}

TEST(Parse, FieldTypes) {
  // A built-in type's word is the built-in type; a named type may start
  // with any other name, soft keywords included.
  SourceManager sm;
  DiagnosticEngine diags;
  const SourceFile& f = sm.addVirtual("t.loge", "structure S {\n"
                                                "  a : montant annuel\n"
                                                "  annuel : montant\n"
                                                "  b : date\n"
                                                "  c : Zone?\n"
                                                "  d : geo.Zone\n"
                                                "  e : annuel\n"
                                                "  f : liste de plafond\n"
                                                "  g : durée en mois\n"
                                                "  h : points\n"
                                                "}\n");
  auto m = syntax::parse(f, diags);
  ASSERT_TRUE(m && !diags.hasErrors()) << renderAll(diags.diagnostics(), sm, DiagStyle::OneLine);
  const auto& fields = m->structures.at(0).fields;
  ASSERT_EQ(fields.size(), 9u);
  using K = ast::TypeRef::Kind;
  auto named = [](const ast::TypeRef& t) {
    std::string out;
    for (const auto& p : t.name.parts) out += (out.empty() ? "" : ".") + p.text;
    return out;
  };
  EXPECT_EQ(fields[0].type->kind, K::Decimal);
  EXPECT_EQ(fields[0].type->unit, ast::Unit::EuroPerYear);
  EXPECT_EQ(fields[1].name.text, "annuel");
  EXPECT_EQ(fields[1].type->unit, ast::Unit::Euro);
  EXPECT_EQ(fields[2].type->kind, K::Date);
  EXPECT_EQ(named(*fields[3].type), "Zone");
  EXPECT_TRUE(fields[3].type->optional);
  EXPECT_EQ(named(*fields[4].type), "geo.Zone");
  EXPECT_EQ(named(*fields[5].type), "annuel");
  EXPECT_EQ(fields[6].type->kind, K::List);
  EXPECT_EQ(named(*fields[6].type->element), "plafond");
  EXPECT_EQ(fields[7].type->durationUnit, ast::TypeRef::DurationUnit::Months);
  EXPECT_EQ(fields[8].type->unit, ast::Unit::Points);
}

TEST(Parse, ErrorsAreLocatedAndFrench) {
  std::string r = parseExpr("1 + × 2");
  EXPECT_NE(r.find("t.loge:1:29: erreur: `×` inattendu ici"), std::string::npos) << r;
  r = parseExpr("(1 + 2");
  EXPECT_NE(r.find("erreur:"), std::string::npos) << r;
  EXPECT_NE(r.find("[E0101]"), std::string::npos) << r;
  r = parseExpr("1 @ 2");
  EXPECT_NE(r.find("caractère inattendu `@` [E0102]"), std::string::npos) << r;
}

} // namespace
} // namespace loge
