// Designation stage: ranking, quotas and the position statement on the
// small data set of tests/designation/data, whose expected values are worked
// out by hand in tests/designation/README.md (mois_entre and jours_entre
// checked with Python's datetime).
#include "compile_snippet.h"
#include "loge/designation/position.h"
#include "loge/designation/quotas.h"
#include "loge/designation/rank.h"
#include "loge/designation/render.h"
#include "loge/ingest/ingest.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace loge {
namespace {

std::string dataPath(const std::string& name) { return std::string(LOGE_DESIGNATION_DATA) + "/" + name; }

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

num::Date date(const char* text) { return *num::Date::parse(text); }

struct Data {
  std::unique_ptr<testing::Compiled> c;
  interp::Arena arena;
  ingest::Dataset demandes, attributions;

  // `withFiles`: read data/demandes.jsonl and data/attributions.jsonl (the
  // policy has the schema of data/cal.loge).
  explicit Data(const std::string& policy = slurp(dataPath("cal.loge")), bool withFiles = true)
      : c(testing::compileSource(policy)) {
    EXPECT_TRUE(c->program) << c->rendered();
    if (!c->program || !withFiles) return;
    std::vector<ingest::IngestError> errors;
    EXPECT_TRUE(
        ingest::readJsonLines(p(), structOf(ir::Role::Demande), dataPath("demandes.jsonl"), arena, demandes, errors));
    EXPECT_TRUE(ingest::readJsonLines(p(), structOf(ir::Role::Attribution), dataPath("attributions.jsonl"), arena,
                                      attributions, errors));
  }
  const ir::Program& p() const { return *c->program; }
  std::uint32_t structOf(ir::Role r) const { return p().schema.roles[static_cast<int>(r)]->index; }
  interp::Value read(ir::Role role, const std::string& file) {
    interp::Value v;
    ingest::IngestError e;
    EXPECT_TRUE(ingest::readJsonFile(p(), structOf(role), dataPath(file), arena, v, e)) << e.render();
    return v;
  }
  designation::RankReport rank(const std::string& logement, bool withAttributions,
                               designation::Engine engine = designation::Engine::Interp) {
    designation::RankRequest req;
    req.classement = 0;
    req.logement = read(ir::Role::Logement, logement);
    req.candidates = &demandes.records;
    req.attributions = withAttributions ? &attributions.records : nullptr;
    req.date = date("2025-06-30");
    req.engine = engine;
    designation::RankReport out;
    std::string why;
    EXPECT_TRUE(designation::rank(p(), req, out, why)) << why;
    return out;
  }
};

std::vector<std::string> ids(const designation::RankReport& r, const std::vector<std::size_t>& which) {
  std::vector<std::string> out;
  for (std::size_t i : which) out.push_back(r.candidates[i].id);
  return out;
}

using V = std::vector<std::string>;

// Totals at 2025-06-30: B 100 + 15 = 115, A 17, G 14, P 14, C 12, F 12, Q 5.
// G and P (same points, same date) and C and F are separated by their id.
TEST(Rank, OrderTieBreaksAndExclusions) {
  Data d;
  auto r = d.rank("logement-t3.json", false);
  EXPECT_EQ(ids(r, r.order), (V{"B", "A", "G", "P", "C", "F", "Q"}));
  EXPECT_EQ(ids(r, r.retained), (V{"B", "A", "G"}));
  EXPECT_EQ(r.retain, 3);
  EXPECT_FALSE(r.insufficient);
  EXPECT_EQ(r.candidates[3].status, designation::CandidateStatus::OutsidePool); // D: Saint-Aubin
  EXPECT_EQ(r.candidates[4].status, designation::CandidateStatus::Ineligible);  // E: 5 people in a T3
  EXPECT_EQ(r.candidates[4].result->blocks[0][0].motif, "Logement trop petit pour 5 personnes");
  EXPECT_EQ(r.candidates[1].keys[0].asDecimal(), num::Decimal::fromInt(115));
  EXPECT_EQ(*r.candidates[1].rank, 1u);
  ASSERT_EQ(r.clauses.size(), 1u);
  EXPECT_FALSE(r.clauses[0].active); // no attribution: the quota is not behind
}

// Up to 2025-06-30, EPCI 200000001 has AT1, AT2, AT4 outside QPV, none to
// the first quartile: 0/3, and k = 1 gives 1/4 = 25 %. Q (8 000 €/an, the
// only first-quartile candidate, 7th) replaces G, the lowest retained.
TEST(Rank, QuotaBehindBringsInACandidate) {
  Data d;
  auto r = d.rank("logement-t3.json", true);
  EXPECT_EQ(ids(r, r.retained), (V{"B", "A", "Q"}));
  ASSERT_EQ(r.clauses.size(), 1u);
  const auto& cl = r.clauses[0];
  EXPECT_TRUE(cl.active);
  EXPECT_EQ(cl.wanted, 1);
  EXPECT_EQ(cl.met, 1);
  EXPECT_EQ(ids(r, cl.inserted), (V{"Q"}));
  EXPECT_EQ(ids(r, cl.displaced), (V{"G"}));
  ASSERT_EQ(cl.quotas.size(), 1u);
  ASSERT_TRUE(cl.quotas[0].group);
  const interp::QuotaGroup& g = *cl.quotas[0].group;
  EXPECT_EQ(g.period, "2025");
  EXPECT_EQ(g.effectif, 3);
  EXPECT_EQ(g.nombre, 0);
  EXPECT_EQ(*g.manque, 1);
  EXPECT_EQ(g.statut, "en_retard");
  EXPECT_TRUE(r.candidates[7].inserted);
}

TEST(Rank, PrefectoralDesignationRetainsOne) {
  Data d;
  auto r = d.rank("logement-prefet.json", false);
  EXPECT_EQ(r.retain, 1);
  EXPECT_EQ(ids(r, r.retained), (V{"B"}));
}

TEST(Rank, InsufficientCandidates) {
  Data d;
  auto r = d.rank("logement-saint-aubin.json", false);
  EXPECT_EQ(ids(r, r.retained), (V{"D"}));
  EXPECT_TRUE(r.insufficient);
}

TEST(Rank, EnginesGiveTheSameReport) {
  Data d;
  auto a = d.rank("logement-t3.json", true, designation::Engine::Interp);
  auto b = d.rank("logement-t3.json", true, designation::Engine::Jit);
  EXPECT_EQ(b.engine, "jit");
  EXPECT_EQ(designation::rankJson(d.p(), d.c->sources, a), designation::rankJson(d.p(), d.c->sources, b));
  EXPECT_EQ(designation::rankText(d.p(), d.c->sources, a), designation::rankText(d.p(), d.c->sources, b));
}

// A criterion dividing by (nb_personnes − 2): A, F, G, Q, P and D (two
// people) cannot be evaluated; the others are still ranked.
TEST(Rank, FailingCandidatesAreSetAside) {
  std::string policy = slurp(dataPath("cal.loge"));
  std::string from = "critère anciennete";
  policy.replace(policy.find(from), from.size(),
                 "critère division \"Division\" = 12 points ÷ (demande.nb_personnes - 2)\n  critère anciennete");
  Data d(policy);
  auto r = d.rank("logement-t3.json", false);
  EXPECT_EQ(r.failed(), 6u);
  // B: 100 + 12 ÷ 1 + 15 = 127; C: 12 ÷ −1 + 12 = 0.
  EXPECT_EQ(ids(r, r.retained), (V{"B", "C"}));
  EXPECT_TRUE(r.insufficient);
  EXPECT_EQ(r.candidates[0].status, designation::CandidateStatus::Failed);
  EXPECT_NE(r.candidates[0].failure->message.find("division"), std::string::npos);
}

// Every attribution with a lease date counts (AT5 has none):
// premier_quartile 2024/200000002: AT7, 0 of 1 → k = 1 (1/2 ≥ 25 %);
// 2025/200000001: AT1, AT2, AT4, AT6 (AT3 is in QPV), AT6 qualifies: 1/4.
// dalo 2024/etat: 0 of 1, target 2; 2025: action_logement has no target,
// commune 0 of 1 (target 1), etat 1 of 3 (AT2; target 2).
TEST(Quotas, EveryGroupByHand) {
  Data d;
  auto r = designation::computeQuotas(d.p(), d.attributions.records, date("2025-12-31"), std::nullopt);
  ASSERT_EQ(r.quotas.size(), 2u);
  const auto& pq = r.quotas[0].groups;
  ASSERT_EQ(pq.size(), 2u);
  EXPECT_EQ(pq[0].period, "2024");
  EXPECT_EQ(*pq[0].keys[0].text, "200000002");
  EXPECT_EQ(pq[0].effectif, 1);
  EXPECT_EQ(pq[0].nombre, 0);
  EXPECT_EQ(*pq[0].manque, 1);
  EXPECT_EQ(pq[1].effectif, 4);
  EXPECT_EQ(pq[1].nombre, 1);
  EXPECT_EQ(*pq[1].part, *num::Decimal::parse("0.25"));
  EXPECT_EQ(*pq[1].manque, 0);
  EXPECT_EQ(pq[1].statut, "atteint");
  const auto& dq = r.quotas[1].groups;
  ASSERT_EQ(dq.size(), 4u);
  EXPECT_EQ(*dq[0].manque, 2);
  EXPECT_EQ(dq[1].statut, "sans_objectif");
  EXPECT_FALSE(dq[1].manque);
  EXPECT_EQ(*dq[2].manque, 1);
  EXPECT_EQ(dq[3].effectif, 3);
  EXPECT_EQ(dq[3].nombre, 1);
  EXPECT_EQ(*dq[3].manque, 1);
  EXPECT_EQ(dq[3].statut, "en_retard");

  auto only2024 =
      designation::computeQuotas(d.p(), d.attributions.records, date("2025-12-31"), designation::PeriodFilter{"2024"});
  EXPECT_EQ(only2024.quotas[0].groups.size(), 1u);
  EXPECT_EQ(only2024.quotas[1].groups.size(), 1u);
}

TEST(Quotas, PeriodFilters) {
  std::string error;
  auto year = designation::parsePeriodFilter("2025", error);
  ASSERT_TRUE(year);
  EXPECT_TRUE(year->matches("2025"));
  EXPECT_TRUE(year->matches("2025-S1"));
  EXPECT_TRUE(year->matches("2025-06"));
  EXPECT_FALSE(year->matches("2024"));
  EXPECT_FALSE(year->matches("20250"));
  auto semester = designation::parsePeriodFilter("2025-S2", error);
  ASSERT_TRUE(semester);
  EXPECT_FALSE(semester->matches("2025-S1"));
  // A semester holds its quarters and months, not those of the other one;
  // an annual group contains it.
  EXPECT_TRUE(semester->matches("2025-S2"));
  EXPECT_TRUE(semester->matches("2025-T3"));
  EXPECT_TRUE(semester->matches("2025-T4"));
  EXPECT_TRUE(semester->matches("2025-07"));
  EXPECT_TRUE(semester->matches("2025-12"));
  EXPECT_FALSE(semester->matches("2025-T2"));
  EXPECT_FALSE(semester->matches("2025-06"));
  EXPECT_FALSE(semester->matches("2025"));
  EXPECT_FALSE(semester->matches("2024-T3"));
  EXPECT_TRUE(semester->within("2025"));
  EXPECT_FALSE(semester->within("2025-S2"));
  EXPECT_FALSE(semester->within("2024"));
  auto quarter = designation::parsePeriodFilter("2025-T2", error);
  ASSERT_TRUE(quarter);
  EXPECT_TRUE(quarter->matches("2025-04"));
  EXPECT_TRUE(quarter->matches("2025-06"));
  EXPECT_FALSE(quarter->matches("2025-07"));
  EXPECT_TRUE(quarter->within("2025-S1"));
  EXPECT_FALSE(quarter->within("2025-S2"));
  auto month = designation::parsePeriodFilter("2025-06", error);
  ASSERT_TRUE(month);
  EXPECT_TRUE(month->matches("2025-06"));
  EXPECT_FALSE(month->matches("2025-T2"));
  EXPECT_TRUE(month->within("2025-T2"));
  EXPECT_TRUE(month->within("2025"));
  EXPECT_TRUE(designation::parsePeriodFilter("2025-T4", error));
  EXPECT_TRUE(designation::parsePeriodFilter("2025-12", error));
  for (const char* bad : {"25", "2025-S3", "2025-T5", "2025-13", "2025-00", "2025-1", "année", "2025-S1x"}) {
    EXPECT_FALSE(designation::parsePeriodFilter(bad, error)) << bad;
    EXPECT_NE(error.find("période invalide"), std::string::npos);
  }
}

// P (T3, Valmont, 14 points). Similar: A 17, G 14, C 12, F 12, Q 5 (B and
// E seek a T4, D Saint-Aubin; the line with id P is P itself): one ahead,
// one tied, so 2nd of 6. Waiting times of the similar attributions (AT1,
// AT2, AT5, AT6, AT7): 22, 14, 16, 13, 17 months → 82 / 5 = 16.4; days
// 698 + 440 + 486 + 415 + 523 = 2 562 → 512.4.
TEST(Position, NoteWaitingTimeAndRank) {
  Data d;
  designation::PositionRequest req;
  req.demande = d.read(ir::Role::Demande, "demande-p.json");
  req.demandes = &d.demandes.records;
  req.attributions = &d.attributions.records;
  req.date = date("2025-06-30");
  req.engine = designation::Engine::Interp;
  designation::PositionReport r;
  std::string why;
  ASSERT_TRUE(designation::position(d.p(), req, r, why));
  EXPECT_EQ(r.result.cotations[0].total, num::Decimal::fromInt(14));
  EXPECT_EQ(r.demandeCount, 8u);
  EXPECT_EQ(r.similar, 5u);
  EXPECT_EQ(r.higher, 1u);
  EXPECT_EQ(r.equal, 1u);
  EXPECT_EQ(r.lower, 3u);
  EXPECT_EQ(r.position(), 2u);
  EXPECT_EQ(r.tiedIds, (V{"G"}));
  EXPECT_EQ(r.waiting.similar, 5u);
  EXPECT_EQ(r.waiting.measured, 5u);
  EXPECT_EQ(*r.waiting.averageMonths, *num::Decimal::parse("16.4"));
  EXPECT_EQ(*r.waiting.averageDays, *num::Decimal::parse("512.4"));
  EXPECT_EQ(r.waiting.minMonths, 13);
  EXPECT_EQ(r.waiting.maxMonths, 22);

  req.engine = designation::Engine::Jit;
  designation::PositionReport j;
  ASSERT_TRUE(designation::position(d.p(), req, j, why));
  EXPECT_EQ(designation::positionJson(d.p(), d.c->sources, r), designation::positionJson(d.p(), d.c->sources, j));

  // The text rounds the average « au plus proche », as a reader does (0,25
  // month reads 0,3, not the half-even 0,2); the JSON keeps it exact.
  designation::PositionReport half = r;
  half.waiting.averageMonths = *num::Decimal::parse("0.25");
  EXPECT_NE(designation::positionText(d.p(), d.c->sources, half).find("0,3 mois"), std::string::npos)
      << designation::positionText(d.p(), d.c->sources, half);

  // On 2024-12-31, Q (deposited 2025-01-20, as the similarité's `attente
  // de` dates a demande) was not waiting yet: not counted (it was 5e of 6).
  {
    designation::PositionRequest early = req;
    early.date = date("2024-12-31");
    designation::PositionReport e;
    ASSERT_TRUE(designation::position(d.p(), early, e, why));
    EXPECT_EQ(e.depositedLater, 1u);
    EXPECT_EQ(e.similar, 4u);
    EXPECT_NE(designation::positionText(d.p(), d.c->sources, e)
                  .find("1 demande déposée après le 31 décembre 2024 non prise en compte"),
              std::string::npos)
        << designation::positionText(d.p(), d.c->sources, e);
  }

  // Without attributions, no waiting time can be measured.
  req.attributions = nullptr;
  ASSERT_TRUE(designation::position(d.p(), req, r, why));
  EXPECT_EQ(r.waiting.measured, 0u);
  EXPECT_FALSE(r.waiting.averageMonths);
  EXPECT_NE(designation::positionText(d.p(), d.c->sources, r).find("Aucune attribution n'a été fournie"),
            std::string::npos);
}

// List keys are similar when they share an element; absent matches absent.
TEST(Position, ListKeysShareAnElement) {
  Data d(R"(
politique "t"
schéma { demande : Demande }
structure Demande { id : texte  communes : liste de texte  quartier : texte?  points : entier }
cotation c { critère p = demande.points × 1 point }
similarité s { même demande.communes  même demande.quartier }
)",
         false);
  auto rec = [&](const char* json) {
    interp::Value v;
    ingest::IngestError e;
    EXPECT_TRUE(ingest::readRecord(d.p(), d.structOf(ir::Role::Demande), json, d.arena, v, e)) << e.render();
    return v;
  };
  std::vector<interp::Value> others{
      rec(R"({"id": "1", "communes": ["B", "C"], "quartier": null, "points": 5})"),  // shares B
      rec(R"({"id": "2", "communes": ["C"], "quartier": null, "points": 50})"),      // shares nothing
      rec(R"({"id": "3", "communes": ["A"], "quartier": "Q1", "points": 50})"),      // quartier differs
      rec(R"({"id": "4", "communes": [], "quartier": null, "points": 50})"),         // empty list
      rec(R"({"id": "5", "communes": ["A", "B"], "quartier": null, "points": 20})"), // ahead
  };
  designation::PositionRequest req;
  req.demande = rec(R"({"id": "0", "communes": ["A", "B"], "quartier": null, "points": 10})");
  req.demandes = &others;
  req.date = date("2025-01-01");
  designation::PositionReport r;
  std::string why;
  ASSERT_TRUE(designation::position(d.p(), req, r, why));
  EXPECT_EQ(r.similar, 2u);
  EXPECT_EQ(r.higher, 1u);
  EXPECT_EQ(r.lower, 1u);
  EXPECT_FALSE(r.waiting.declared);
}

TEST(Lookup, ChoosingDeclarations) {
  Data d;
  std::string error;
  EXPECT_EQ(designation::findClassement(d.p(), "", error), 0u);
  EXPECT_EQ(designation::findClassement(d.p(), "désignation", error), 0u); // accents folded
  EXPECT_FALSE(designation::findClassement(d.p(), "autre", error));
  EXPECT_EQ(error, "classement inconnu « autre » (la politique déclare : designation)");
  EXPECT_EQ(designation::findSimilarity(d.p(), "", error), 0u);
  EXPECT_EQ(designation::findCotation(d.p(), "", error), 0u);
  Data none(R"(
politique "t"
schéma { demande : Demande }
structure Demande { id : texte }
)",
            false);
  EXPECT_FALSE(designation::findClassement(none.p(), "", error));
  EXPECT_EQ(error, "la politique ne déclare aucun classement");
  EXPECT_FALSE(designation::findSimilarity(none.p(), "", error));
  EXPECT_EQ(error.rfind("la politique ne déclare aucune similarité", 0), 0u);
}

} // namespace
} // namespace loge
