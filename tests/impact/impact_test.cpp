// Impact stage unit tests: `loge diff`'s comparison on a six-demande corpus
// (data/), every expected figure worked out by hand below.
//
// Date 2025-06-30. Ancienneté = mois_entre(dépôt, date) capped at 24.
//
//      dépôt       mois  enfants dalo zone rfr     OLD total       NEW total            Δ
//  D1  2023-06-30  24    0       oui  a    20 000  100+0+24 = 124  200+0+48    = 248  +124
//  D2  2023-06-30  24    2       non  c    28 000  0+20+24  = 44   0+10+48+50  = 108   +64
//  D3  2025-06-30  0     1       non  b    40 000  0+10+0   = 10   0+5+0       = 5      −5
//  D4  2020-01-15  24    0       non  a    10 000  0+0+24   = 24   0+0+48      = 48    +24
//  D5  2024-12-31  5     1       oui  c    25 000  100+10+5 = 115  200+5+10+50 = 265  +150
//  D6  2025-06-30  0     4       non  a    10 000  0+40+0   = 40   0+20+0      = 20    −20
//
// Σ Δ = 337, mean 337 / 6 = 56.1666… → 56.17. Plafond: OLD 30 000, NEW 25 000
// (D5 sits exactly on it): eligible OLD D1 D2 D4 D5 D6, NEW D1 D4 D5 D6.
// CAL alert `famille`: OLD from 3 enfants (D6), NEW from 2 (D2, D6).
#include "loge/diag/diagnostic.h"
#include "loge/impact/impact.h"
#include "loge/ingest/ingest.h"
#include "loge/sema/check.h"

#include <gtest/gtest.h>

#include <memory>

namespace loge {
namespace {

const std::string kData = LOGE_IMPACT_DATA;

struct Loaded {
  SourceManager sources;
  DiagnosticEngine diags;
  std::unique_ptr<ir::Program> program;
  interp::Arena arena;
  ingest::Dataset demandes;
  interp::Value logement = interp::Value::absent();
};

std::unique_ptr<Loaded> load(const std::string& policy, bool withLogement) {
  auto l = std::make_unique<Loaded>();
  l->program = sema::check(kData + "/" + policy, l->sources, l->diags);
  EXPECT_TRUE(l->program) << policy;
  if (!l->program) return l;
  const ir::Program& p = *l->program;
  std::vector<ingest::IngestError> errors;
  EXPECT_TRUE(
      ingest::readJsonLines(p, p.schema.roles[0]->index, kData + "/demandes.jsonl", l->arena, l->demandes, errors));
  if (withLogement) {
    ingest::IngestError e;
    EXPECT_TRUE(ingest::readJsonFile(p, p.schema.roles[static_cast<int>(ir::Role::Logement)]->index,
                                     kData + "/logement.json", l->arena, l->logement, e));
  }
  return l;
}

num::Decimal dec(const char* s) { return *num::Decimal::parse(s); }

struct Fixture {
  std::unique_ptr<Loaded> before, after;
  impact::Side sb, sa;
  Fixture(const std::string& oldPolicy, const std::string& newPolicy, bool withLogement) {
    before = load(oldPolicy, withLogement);
    after = load(newPolicy, withLogement);
    num::Date date = *num::Date::parse("2025-06-30");
    sb = impact::evaluate(*before->program, before->demandes.records, before->logement, date);
    sa = impact::evaluate(*after->program, after->demandes.records, after->logement, date);
  }
  impact::Report compare(std::size_t top) {
    impact::CompareOptions o;
    o.top = top;
    return impact::compare(after->demandes.ids, sb, sa, o);
  }
};

std::vector<std::string> ids(const std::vector<impact::Example>& v) {
  std::vector<std::string> out;
  for (const auto& e : v) out.push_back(e.id);
  return out;
}

TEST(Impact, ScoresHistogramAndCriteria) {
  Fixture f("ancienne.loge", "nouvelle.loge", false);
  impact::Report r = f.compare(3);
  EXPECT_EQ(r.demandes, 6u);
  EXPECT_EQ(r.compared, 6u);
  EXPECT_FALSE(r.eligibility.present);
  ASSERT_EQ(r.cotations.size(), 1u);
  const impact::CotationImpact& c = r.cotations[0];
  EXPECT_EQ(c.name, "principale");
  EXPECT_EQ(c.compared, 6u);
  EXPECT_EQ(c.changed, 6u);
  EXPECT_EQ(c.up, 4u);
  EXPECT_EQ(c.down, 2u);
  EXPECT_EQ(c.sumDelta, dec("337"));
  EXPECT_EQ(c.meanDelta, dec("56.17"));
  EXPECT_EQ(c.minDelta, dec("-20"));
  EXPECT_EQ(c.maxDelta, dec("150"));
  // ≤−100, ]−100;−50], ]−50;−10], ]−10;0[, 0, ]0;10[, [10;50[, [50;100[, ≥100
  std::vector<std::size_t> want = {0, 0, 1, 1, 0, 0, 1, 1, 2};
  ASSERT_EQ(c.histogram.size(), want.size());
  for (std::size_t k = 0; k < want.size(); ++k) EXPECT_EQ(c.histogram[k].count, want[k]) << c.histogram[k].label;

  // Criteria, most affected first (stable in NEW's order on ties).
  ASSERT_EQ(c.criteria.size(), 4u);
  EXPECT_EQ(c.criteria[0].name, "enfants"); // D2 −10, D3 −5, D5 −5, D6 −20
  EXPECT_EQ(c.criteria[0].changed, 4u);
  EXPECT_EQ(c.criteria[0].down, 4u);
  EXPECT_EQ(c.criteria[0].totalDelta, dec("-40"));
  EXPECT_EQ(c.criteria[1].name, "anciennete"); // D1 D2 D4 +24, D5 +5
  EXPECT_EQ(c.criteria[1].changed, 4u);
  EXPECT_EQ(c.criteria[1].totalDelta, dec("77"));
  EXPECT_EQ(c.criteria[2].name, "dalo"); // D1 D5 +100
  EXPECT_EQ(c.criteria[2].changed, 2u);
  EXPECT_EQ(c.criteria[2].totalDelta, dec("200"));
  EXPECT_EQ(c.criteria[3].name, "zone_c"); // D2 D5 +50, added
  EXPECT_TRUE(c.criteria[3].added);
  EXPECT_EQ(c.criteria[3].changed, 2u);
  EXPECT_EQ(c.criteria[3].totalDelta, dec("100"));

  EXPECT_EQ(ids(c.upExamples), (std::vector<std::string>{"D5", "D1", "D2"}));
  EXPECT_EQ(ids(c.downExamples), (std::vector<std::string>{"D6", "D3"}));
  EXPECT_EQ(*c.upExamples[0].before, dec("115"));
  EXPECT_EQ(*c.upExamples[0].after, dec("265"));
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("zone_c"), std::string::npos);
}

// A rubrique's plafond raised from 20 to 30 points: no criterion moves, the
// rubrique of D6 (4 enfants, 40 points) goes from 20 to 30 points; the
// report names it (it said « aucun critère ne change » and nothing else).
TEST(Impact, RubriqueTotals) {
  Fixture f("rubrique-v1.loge", "rubrique-v2.loge", false);
  impact::Report r = f.compare(3);
  ASSERT_EQ(r.cotations.size(), 1u);
  const impact::CotationImpact& c = r.cotations[0];
  EXPECT_EQ(c.changed, 1u);
  for (const impact::CriterionImpact& k : c.criteria) EXPECT_EQ(k.changed, 0u) << k.name;
  ASSERT_EQ(c.rubriques.size(), 1u);
  EXPECT_EQ(c.rubriques[0].name, "famille");
  EXPECT_EQ(c.rubriques[0].changed, 1u);
  EXPECT_EQ(c.rubriques[0].up, 1u);
  EXPECT_EQ(c.rubriques[0].totalDelta, dec("10"));
  const std::string md = impact::renderMarkdown(r);
  EXPECT_NE(md.find("Rubriques en cause"), std::string::npos) << md;
  EXPECT_NE(md.find("| `famille` | Famille | 1 | 1 / 0 | +10 |"), std::string::npos) << md;
}

TEST(Impact, RankWithoutLogement) {
  // OLD: D1 124, D5 115, D2 44, D6 40, D4 24, D3 10.
  // NEW: D5 265, D1 248, D2 108, D4 48, D6 20, D3 5.
  Fixture f("ancienne.loge", "nouvelle.loge", false);
  impact::Report r = f.compare(3);
  ASSERT_TRUE(r.rank.present);
  EXPECT_EQ(r.rank.rankedBefore, 6u);
  EXPECT_TRUE(r.rank.entered.empty());
  EXPECT_TRUE(r.rank.left.empty());
  EXPECT_EQ(ids(r.rank.moved), (std::vector<std::string>{"D5", "D1"}));
  EXPECT_EQ(*r.rank.moved[0].rankBefore, 2u);
  EXPECT_EQ(*r.rank.moved[0].rankAfter, 1u);
  // Top 4: D6 (4th before, 5th after) gives way to D4 (5th before, 4th after).
  impact::Report r4 = f.compare(4);
  EXPECT_EQ(ids(r4.rank.entered), (std::vector<std::string>{"D4"}));
  EXPECT_EQ(*r4.rank.entered[0].rankBefore, 5u);
  EXPECT_EQ(*r4.rank.entered[0].rankAfter, 4u);
  EXPECT_EQ(ids(r4.rank.left), (std::vector<std::string>{"D6"}));
  EXPECT_EQ(*r4.rank.left[0].rankAfter, 5u);
}

TEST(Impact, EligibilityAndRankWithLogement) {
  Fixture f("ancienne.loge", "nouvelle.loge", true);
  impact::Report r = f.compare(3);
  ASSERT_TRUE(r.eligibility.present);
  EXPECT_EQ(r.eligibility.eligibleBefore, 5u);
  EXPECT_EQ(r.eligibility.eligibleAfter, 4u);
  EXPECT_EQ(r.eligibility.gained, 0u);
  EXPECT_EQ(r.eligibility.lost, 1u);
  ASSERT_EQ(ids(r.eligibility.lostExamples), (std::vector<std::string>{"D2"}));
  EXPECT_EQ(r.eligibility.lostExamples[0].rules, (std::vector<std::string>{"ressources.plafond"}));
  // Only eligible demandes are ranked. OLD: D1 D5 D2 D6 D4; NEW: D5 D1 D4 D6.
  EXPECT_EQ(r.rank.rankedBefore, 5u);
  EXPECT_EQ(r.rank.rankedAfter, 4u);
  EXPECT_EQ(ids(r.rank.entered), (std::vector<std::string>{"D4"}));
  EXPECT_EQ(*r.rank.entered[0].rankBefore, 5u);
  EXPECT_EQ(ids(r.rank.left), (std::vector<std::string>{"D2"}));
  EXPECT_FALSE(r.rank.left[0].rankAfter.has_value());
  EXPECT_EQ(ids(r.rank.moved), (std::vector<std::string>{"D5", "D1"}));
  // The CAL alert, though eligibility and points do not show it.
  ASSERT_EQ(r.alerts.size(), 1u);
  EXPECT_EQ(r.alerts[0].rule, "cal.famille");
  EXPECT_EQ(r.alerts[0].before, 1u);
  EXPECT_EQ(r.alerts[0].after, 2u);
  EXPECT_EQ(r.alerts[0].appeared, 1u);
  EXPECT_EQ(r.alerts[0].disappeared, 0u);
  EXPECT_EQ(ids(r.alerts[0].appearedExamples), (std::vector<std::string>{"D2"}));
  // The reverse comparison mirrors every count.
  impact::Report back = impact::compare(f.after->demandes.ids, f.sa, f.sb, {});
  EXPECT_EQ(back.eligibility.gained, 1u);
  EXPECT_EQ(back.eligibility.lost, 0u);
  ASSERT_EQ(back.alerts.size(), 1u);
  EXPECT_EQ(back.alerts[0].disappeared, 1u);
  EXPECT_EQ(ids(back.alerts[0].disappearedExamples), (std::vector<std::string>{"D2"}));
  EXPECT_EQ(back.cotations[0].sumDelta, dec("-337"));
  EXPECT_EQ(back.cotations[0].up, 2u);
  EXPECT_EQ(back.cotations[0].down, 4u);
}

TEST(Impact, EvaluationErrorsAreCountedNotCompared) {
  // erreur.loge: as ancienne.loge, but any demande in zone B is an error (D3).
  Fixture f("ancienne.loge", "erreur.loge", true);
  impact::Report r = f.compare(10);
  EXPECT_EQ(r.compared, 5u);
  EXPECT_EQ(r.errors.before, 0u);
  EXPECT_EQ(r.errors.after, 1u);
  EXPECT_EQ(r.errors.appeared, 1u);
  ASSERT_EQ(ids(r.errors.appearedExamples), (std::vector<std::string>{"D3"}));
  EXPECT_EQ(r.errors.appearedExamples[0].rules, (std::vector<std::string>{"zone B non prise en charge"}));
  EXPECT_EQ(r.cotations[0].changed, 0u);
  EXPECT_EQ(r.eligibility.lost + r.eligibility.gained, 0u);
  EXPECT_TRUE(r.rank.entered.empty() && r.rank.left.empty() && r.rank.moved.empty());
}

TEST(Impact, ClassementRanking) {
  // classement.loge retains the three eligible demandes filed first:
  // D4 (2020-01-15), D1 (2023-06-30), D5 (2024-12-31).
  Fixture f("classement.loge", "classement.loge", true);
  ASSERT_TRUE(f.sa.ranking.has_value());
  EXPECT_EQ(*f.sa.ranking, (std::vector<std::size_t>{3, 0, 4}));
  EXPECT_EQ(f.sa.rankingName, "designation");
  // Hand-made rankings: D1 leaves, D6 enters, D5 moves up.
  f.sb.ranking = std::vector<std::size_t>{3, 0, 4};
  f.sa.ranking = std::vector<std::size_t>{4, 3, 5};
  impact::Report r = f.compare(10);
  EXPECT_EQ(r.rank.basis, "classement `designation`");
  EXPECT_EQ(ids(r.rank.entered), (std::vector<std::string>{"D6"}));
  EXPECT_EQ(ids(r.rank.left), (std::vector<std::string>{"D1"}));
  EXPECT_EQ(ids(r.rank.moved), (std::vector<std::string>{"D5", "D4"}));
}

TEST(Impact, DifferentClassementsFallBackToTheCotation) {
  Fixture f("ancienne.loge", "classement.loge", true);
  impact::Report r = f.compare(3);
  EXPECT_EQ(r.rank.basis, "total de la cotation `principale`");
  bool noted = false;
  for (const auto& n : r.notes) noted = noted || n.find("classement") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(Impact, IdenticalPoliciesChangeNothing) {
  Fixture f("nouvelle.loge", "nouvelle.loge", true);
  impact::Report r = f.compare(10);
  EXPECT_EQ(r.cotations[0].changed, 0u);
  EXPECT_EQ(r.cotations[0].histogram[4].count, 6u);
  EXPECT_EQ(r.cotations[0].meanDelta, num::Decimal());
  EXPECT_TRUE(r.notes.empty());
  EXPECT_TRUE(r.rank.entered.empty() && r.rank.left.empty() && r.rank.moved.empty());
}

} // namespace
} // namespace loge
