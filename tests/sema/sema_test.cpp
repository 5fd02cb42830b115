// Semantic stage: the typed IR produced for small policies, and the checks
// that must reject them. (Rendered diagnostics are pinned by the golden
// tests in tests/diagnostics; these tests pin the IR contract.)
#include "compile_snippet.h"

#include <gtest/gtest.h>

namespace loge {
namespace {

using testing::compileSource;
using testing::kMiniSchema;

const ir::DefinitionDecl* definition(const ir::Program& p, const std::string& name) {
  for (const auto& d : p.definitions)
    if (d.name == name) return &d;
  return nullptr;
}

TEST(Sema, IntegerPromotesToDecimalExplicitly) {
  auto c = compileSource("définition x : décimal = 1 + 0.5");
  ASSERT_TRUE(c->program) << c->rendered();
  const ir::Expr& body = *definition(*c->program, "x")->body;
  EXPECT_EQ(body.op, ir::Op::DecimalAdd);
  ASSERT_TRUE(body.a);
  // The literal 1 is converted at compile time, not at run time.
  EXPECT_EQ(body.a->op, ir::Op::Const);
  EXPECT_EQ(body.a->type->kind, ir::TypeKind::Decimal);
}

TEST(Sema, UnitsFollowTheRules) {
  auto ok = compileSource(std::string(kMiniSchema) + "définition t : décimal = demande.menage.rfr ÷ 12_000 €/an\n"
                                                     "définition m : montant mensuel = 35 % × 1_500 €/mois\n");
  ASSERT_TRUE(ok->program) << ok->rendered();
  EXPECT_EQ(definition(*ok->program, "t")->body->type->unit, ir::Unit::None);
  EXPECT_EQ(definition(*ok->program, "m")->body->type->unit, ir::Unit::EuroPerMonth);

  EXPECT_TRUE(compileSource("définition x : points = 1 € + 1 point")->has(DiagKind::UnitMismatch));
  EXPECT_TRUE(compileSource("définition x : montant = 1 €/mois + 1 €/an")->has(DiagKind::UnitMismatch));
  EXPECT_TRUE(compileSource("définition x : montant = 1 € × 2 €")->has(DiagKind::UnitMismatch));
  EXPECT_TRUE(compileSource("définition x : date = 2025-01-01 + (1 mois + 3 jours)")->has(DiagKind::DurationMix));
  // Months then days, one after the other, are fine; a constant date on a
  // day every month has needs no end-of-month rule.
  auto chained = compileSource("définition x : date = 2025-01-01 + 1 mois + 3 jours");
  EXPECT_TRUE(chained->program) << chained->rendered();
  EXPECT_FALSE(chained->has(DiagKind::EndOfMonthDependent));
  EXPECT_TRUE(compileSource("définition x : date = 2025-01-31 + 1 mois")->has(DiagKind::EndOfMonthDependent));
}

TEST(Sema, OptionalsMustBeGuarded) {
  auto bad = compileSource(std::string(kMiniSchema) + "définition s : surface = demande.actuel.surface");
  EXPECT_FALSE(bad->program);
  EXPECT_TRUE(bad->has(DiagKind::UnguardedOptional));

  auto narrowed =
      compileSource(std::string(kMiniSchema) +
                    "définition s : surface = si demande.actuel existe alors demande.actuel.surface sinon 0 m²");
  ASSERT_TRUE(narrowed->program) << narrowed->rendered();
  const ir::Expr& then = *definition(*narrowed->program, "s")->body->b;
  // `demande.actuel` is narrowed: the field access reads through Unwrap.
  EXPECT_EQ(then.op, ir::Op::Field);
  EXPECT_EQ(then.a->op, ir::Op::Unwrap);

  auto bound = compileSource(std::string(kMiniSchema) +
                             "définition s : booléen = demande.actuel existe comme a et a.surface > 9 m²");
  ASSERT_TRUE(bound->program) << bound->rendered();
  EXPECT_EQ(definition(*bound->program, "s")->body->a->op, ir::Op::ExistsBind);

  // The narrowing does not leak into the `sinon` branch.
  auto leak =
      compileSource(std::string(kMiniSchema) +
                    "définition s : surface = si demande.actuel existe alors 0 m² sinon demande.actuel.surface");
  EXPECT_TRUE(leak->has(DiagKind::UnguardedOptional));
}

TEST(Sema, SelonMustBeExhaustive) {
  std::string base = std::string(kMiniSchema);
  EXPECT_TRUE(compileSource(base + "définition x : entier = selon demande.zone { a → 1  b → 2 }")
                  ->has(DiagKind::NonExhaustiveSelon));
  EXPECT_TRUE(compileSource(base + "définition x : entier = selon demande.zone { a → 1  b, c → 2 }")->program);
  EXPECT_TRUE(compileSource(base + "définition x : entier = selon demande.zone { a → 1  sinon → 2 }")->program);
  EXPECT_TRUE(compileSource(base + "définition x : entier = selon demande.zone { a → 1  a → 2  sinon → 3 }")
                  ->has(DiagKind::DuplicateSelonCase));
}

TEST(Sema, RecursionIsRejected) {
  auto c = compileSource("définition f(n : entier) : entier = g(n)\ndéfinition g(n : entier) : entier = f(n)");
  EXPECT_FALSE(c->program);
  EXPECT_TRUE(c->has(DiagKind::RecursiveDefinition));
}

TEST(Sema, ContextRecordsAreChecked) {
  std::string base = std::string(kMiniSchema) + "définition loyer : montant mensuel = logement.loyer\n";
  // A definition reading `logement` cannot be called from a cotation…
  auto c = compileSource(base + "cotation k { critère x = 1 point si loyer > 0 €/mois }");
  EXPECT_TRUE(c->has(DiagKind::ContextUnavailable)) << c->rendered();
  // …but can from a `pour logement` block.
  auto ok = compileSource(base + "éligibilité e pour logement { règle r exige loyer > 0 €/mois sinon refus }");
  EXPECT_TRUE(ok->program) << ok->rendered();
  EXPECT_EQ(definition(*ok->program, "loyer")->roles, 1u << static_cast<int>(ir::Role::Logement));
}

TEST(Sema, NamesFoldAccents) {
  auto c = compileSource("définition âge : entier = 3\ndéfinition x : entier = age + 1");
  EXPECT_TRUE(c->program) << c->rendered();
  EXPECT_TRUE(compileSource("définition âge : entier = 3\ndéfinition age : entier = 4")->has(DiagKind::DuplicateName));
}

TEST(Sema, ParametersCoverTheEffectivePeriod) {
  std::string head = "politique \"p\"\nen vigueur du 2024-01-01\n";
  EXPECT_TRUE(compileSource(head + "paramètre s : montant depuis 2024-06-01 : 1 €")->has(DiagKind::ParameterGap));
  EXPECT_TRUE(compileSource(head + "paramètre s : montant depuis 2024-01-01 jusqu'au 2024-06-30 : 1 €\n"
                                   "  depuis 2024-08-01 : 2 €")
                  ->has(DiagKind::ParameterGap));
  EXPECT_TRUE(compileSource(head + "paramètre s : montant depuis 2024-01-01 jusqu'au 2024-08-31 : 1 €\n"
                                   "  depuis 2024-08-01 : 2 €")
                  ->has(DiagKind::ParameterOverlap));
  auto ok = compileSource(head + "paramètre s : montant depuis 2023-01-01 : 1 €  depuis 2025-01-01 : 2 €");
  ASSERT_TRUE(ok->program) << ok->rendered();
  EXPECT_EQ(ok->program->parameters[0].values.size(), 2u);
}

TEST(Sema, BaremesAreCheckedAsPublished) {
  std::string base =
      std::string(kMiniSchema) + "paramètre p : barème (n : 1..3, z : Zone) → montant\n  depuis 2024-01-01 :\n";
  auto ok = compileSource(base + "    n | a | b | c\n    1 | 1 € | 2 € | 3 €\n    de 2 à 3 | 4 € | — | 6 €\n");
  ASSERT_TRUE(ok->program) << ok->rendered();
  EXPECT_TRUE(ok->has(DiagKind::TableHoles));
  EXPECT_TRUE(compileSource(base + "    n | a | b | c\n    1 | 1 € | 2 € | 3 €\n")->has(DiagKind::TableMissingRow));
  EXPECT_TRUE(compileSource(base + "    n | a | b\n    1 | 1 € | 2 €\n    de 2 à 3 | 4 € | 5 €\n")
                  ->has(DiagKind::TableMissingRow));
  EXPECT_TRUE(
      compileSource(base + "    n | a | b | c\n    de 1 à 2 | 1 € | 2 € | 3 €\n    de 2 à 3 | 1 € | 2 € | 3 €\n")
          ->has(DiagKind::TableOverlap));
}

TEST(Sema, IndexIntervalsAreInferred) {
  std::string base =
      std::string(kMiniSchema) +
      "paramètre p : barème (n : 1..3) → montant\n  depuis 2024-01-01 :\n    n | v\n    de 1 à 3 | 1 €\n";
  // adultes >= 1 (schema bound), min(…, 3) <= 3: provably inside 1..3.
  auto ok = compileSource(base + "définition x : montant = p[min(demande.menage.adultes, 3)]");
  ASSERT_TRUE(ok->program) << ok->rendered();
  EXPECT_FALSE(ok->has(DiagKind::IndexMayBeOutOfRange));
  auto warn = compileSource(base + "définition x : montant = p[demande.menage.enfants]");
  EXPECT_TRUE(warn->has(DiagKind::IndexMayBeOutOfRange));
}

TEST(Sema, CriteriaArePoints) {
  auto c = compileSource("cotation k { critère x = 3 }");
  EXPECT_TRUE(c->has(DiagKind::CriterionNotPoints));
}

// An exception without a label is motivated by its condition as written
// (it said "exception", which explains nothing).
TEST(Sema, UnlabelledExceptionIsItsCondition) {
  auto c = compileSource(std::string(kMiniSchema) + R"(
éligibilité acces "Accès" {
  règle plafond "Plafond"
    exige demande.menage.rfr ≤ 20_000 €/an
    sinon refus "Trop"
    sauf si demande.dalo
    sauf si demande.menage.enfants ≥ 3 "Famille nombreuse"
}
exception à acces.plafond sauf si  demande.zone = a
)");
  ASSERT_TRUE(c->program) << c->rendered();
  const auto& x = c->program->ruleBlocks.at(0).rules.at(0).exceptions;
  ASSERT_EQ(x.size(), 3u);
  EXPECT_EQ(x[0].label, "sauf si demande.dalo");
  EXPECT_EQ(x[1].label, "Famille nombreuse");
  EXPECT_EQ(x[2].label, "sauf si demande.zone = a");
}

// `attendu X = erreur "texte"`: an Error expectation holding X and the
// text; the right side is not an expression to evaluate.
TEST(Sema, TestsExpectErrors) {
  auto c =
      compileSource(std::string(kMiniSchema) + "définition t : décimal = 1 ÷ demande.menage.enfants\n"
                                               "test \"e\" { date 2025-01-01  attendu t = erreur \"division\" }\n");
  ASSERT_TRUE(c->program) << c->rendered();
  ASSERT_EQ(c->program->tests.size(), 1u);
  ASSERT_EQ(c->program->tests[0].expectations.size(), 1u);
  const ir::TestCase::Expectation& x = c->program->tests[0].expectations[0];
  EXPECT_EQ(x.kind, ir::TestCase::Expectation::Kind::Error);
  EXPECT_EQ(x.status, "division");
  ASSERT_TRUE(x.actual);
  EXPECT_EQ(x.actual->type->kind, ir::TypeKind::Decimal);
  EXPECT_FALSE(x.expected);

  // `erreur` anywhere else at the top of an expectation, an empty text or an
  // interpolated one: E0504.
  for (const char* bad :
       {"attendu erreur \"division\"", "attendu erreur \"division\" = t", "attendu t ≠ erreur \"division\"",
        "attendu t < erreur \"division\"", "attendu t = erreur \"\"", "attendu t = erreur \"division {t}\""}) {
    auto b = compileSource(std::string(kMiniSchema) + "définition t : décimal = 1 ÷ demande.menage.enfants\n" +
                           "test \"e\" { date 2025-01-01  " + bad + " }\n");
    EXPECT_TRUE(b->has(DiagKind::TestBadExpectedError)) << bad << "\n" << b->rendered();
  }
  // An escaped brace is text.
  auto braces = compileSource(std::string(kMiniSchema) + "définition t : décimal = 1 ÷ demande.menage.enfants\n" +
                              "test \"e\" { date 2025-01-01  attendu t = erreur \"\\{x\\}\" }\n");
  ASSERT_TRUE(braces->program) << braces->rendered();
  EXPECT_EQ(braces->program->tests[0].expectations[0].status, "{x}");
}

// The files of a policy carried in an artifact (SourceManager::provide):
// imports resolve among them, with paths normalised, and nothing is read
// from the disk — a file not provided is an import error.
TEST(Sema, ProvidedFilesAreCheckedWithoutTheDisk) {
  SourceManager sm;
  sm.provide("pol/racine.loge", "importe \"../commun/schema.loge\"\n"
                                "cotation c \"C\" { critère dalo \"DALO\" = 10 points si demande.dalo }\n");
  sm.provide("commun/schema.loge", testing::kMiniSchema);
  DiagnosticEngine diags;
  auto p = sema::check("pol/racine.loge", sm, diags);
  ASSERT_TRUE(p) << renderAll(diags.diagnostics(), sm, DiagStyle::OneLine);
  EXPECT_EQ(sm.file(p->rootFile)->path(), "pol/racine.loge");

  SourceManager alone;
  alone.provide("racine.loge", "importe \"../policies/schema/standard.loge\"\n");
  DiagnosticEngine missing;
  EXPECT_FALSE(sema::check("racine.loge", alone, missing));
  ASSERT_EQ(missing.diagnostics().size(), 1u);
  EXPECT_EQ(missing.diagnostics()[0].kind, DiagKind::ImportNotFound);
  EXPECT_NE(missing.diagnostics()[0].message.find("n'est pas dans l'artefact"), std::string::npos)
      << missing.diagnostics()[0].message;
}

} // namespace
} // namespace loge
