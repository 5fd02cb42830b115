// An engine created without criteria in its results (CompileOptions::
// criteria = false, `loge run --format compact`) writes only the totals and
// the rule statuses: they must be those of an engine that writes
// everything, and of the interpreter — for a small cotation (criteria kept
// as values), a large one (computed by groups that pass the criteria
// through the results buffer) and one with rubriques; and rules that read
// a criterion, a brut value and a rubrique (their cotations' details are
// then written all the same).
#include "compile_snippet.h"
#include "loge/interp/interp.h"
#include "loge/jit/jit.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace {

using namespace loge;

std::string policy() {
  std::string text = R"(politique "totaux"
schéma { demande : Demande }
structure Demande { n : entier  m : entier }

cotation petite {
  critère a = 10 points si demande.n ≥ 3
  critère b = 2 points × demande.m
  plancher 0 points
}

cotation rubriques {
  rubrique meilleur : maximum {
    critère x = 5 points × demande.n
    critère y = 7 points × demande.m
  }
  rubrique plafonnee {
    critère z = 4 points × (demande.n + demande.m)
    plafond 30 points
  }
  critère w = -3 points × demande.m
}

cotation grande {
)";
  // More criteria than a cotation computes in one function (24).
  for (int i = 1; i <= 30; ++i) text += fmt::format("  critère c{0} = {0} points si demande.n ≥ {1}\n", i, i % 7);
  text += "  critère retrait = -1 point × demande.m\n  plafond 300 points\n}\n";
  text += R"(
éligibilité regles {
  règle grande_valeur exige demande.n < 5 sinon refus "n trop grand"
  règle m_positif exige demande.m ≥ 0 sinon alerte "m négatif"
  règle lit_critere exige petite.b ≤ 10 points sinon alerte "b au-delà de 10 points"
  règle lit_brut exige rubriques.w.brut > -10 points sinon alerte "w brut"
  règle lit_rubrique exige rubriques.meilleur < 20 points sinon alerte "meilleur"
}
)";
  return text;
}

TEST(Totals, TotalsAndRulesAsWithEveryCriterion) {
  auto compiled = loge::testing::compileSource(policy());
  ASSERT_TRUE(compiled->program) << compiled->rendered();
  const ir::Program& p = *compiled->program;
  std::string why;
  auto full = jit::Engine::create(p, why);
  ASSERT_TRUE(full) << why;
  jit::CompileOptions totalsOnly;
  totalsOnly.criteria = false;
  auto totals = jit::Engine::create(p, why, totalsOnly);
  ASSERT_TRUE(totals) << why;

  interp::Arena arena;
  std::vector<interp::Value> records;
  std::uint32_t demandeType = p.schema.roles[static_cast<int>(ir::Role::Demande)]->index;
  for (std::int64_t n = -2; n <= 8; ++n)
    for (std::int64_t m = -3; m <= 9; m += 3) {
      interp::Record* r = arena.record(demandeType, 2);
      r->fields[0] = interp::Value::integer(n);
      r->fields[1] = interp::Value::integer(m);
      records.push_back(interp::Value::record(r));
    }
  num::Date date = *num::Date::fromYmd(2025, 6, 30);
  std::vector<std::uint8_t> outFull, outTotals, failedFull, failedTotals;
  full->evaluate(full->flatten(records, demandeType), nullptr, date, outFull, failedFull);
  totals->evaluate(totals->flatten(records, demandeType), nullptr, date, outTotals, failedTotals);
  interp::Interpreter interp(p);
  for (std::size_t i = 0; i < records.size(); ++i) {
    ASSERT_EQ(failedFull[i], 0) << i;
    ASSERT_EQ(failedTotals[i], 0) << i;
    interp::DemandeResult a = full->decode(outFull.data() + i * full->outSize(), false);
    interp::DemandeResult b = totals->decode(outTotals.data() + i * totals->outSize(), false);
    interp::Inputs in;
    in.date = date;
    in.roles[static_cast<int>(ir::Role::Demande)] = records[i];
    interp::DemandeResult ref = interp.evaluate(in);
    for (std::size_t c = 0; c < p.cotations.size(); ++c) {
      EXPECT_EQ(b.cotations[c].total.toString(), ref.cotations[c].total.toString()) << p.cotations[c].name << " #" << i;
      EXPECT_EQ(b.cotations[c].total.toString(), a.cotations[c].total.toString()) << p.cotations[c].name << " #" << i;
      EXPECT_EQ(b.cotations[c].beforeBounds.toString(), a.cotations[c].beforeBounds.toString());
      EXPECT_EQ(b.cotations[c].floorApplied, a.cotations[c].floorApplied);
      EXPECT_EQ(b.cotations[c].ceilingApplied, a.cotations[c].ceilingApplied);
      EXPECT_TRUE(b.cotations[c].criteria.empty());
      EXPECT_EQ(a.cotations[c].criteria.size(), p.cotations[c].criteria.size());
    }
    for (std::size_t r = 0; r < p.ruleBlocks[0].rules.size(); ++r)
      EXPECT_EQ(b.blocks[0][r].status, ref.blocks[0][r].status) << p.ruleBlocks[0].rules[r].name << " #" << i;
  }
  // The results have no slots for what is not written: `petite` and
  // `rubriques` keep theirs (rules read them), `grande` keeps the brut
  // values and applicabilities its groups pass through, not its 31
  // contributions.
  EXPECT_EQ(full->outSize() - totals->outSize(), 31u * 16u);
}

} // namespace
