// Interpreter stage: results through the public API (cotation details,
// rule statuses and motifs, evaluation errors, quota figures against a
// brute-force oracle, classement notes).
#include "compile_snippet.h"
#include "loge/ingest/ingest.h"
#include "loge/interp/interp.h"

#include <gtest/gtest.h>

#include <random>

namespace loge {
namespace {

using testing::compileSource;

const char* kSchema = R"(
politique "t"
en vigueur du 2020-01-01
schéma { demande : Demande  logement : Logement  attribution : Attribution }
structure Demande { id : texte  depot : date  rfr : montant annuel  ressources : montant mensuel  dalo : booléen  diviseur : entier }
structure Logement { id : texte  loyer : montant mensuel }
structure Attribution { demande : Demande  logement : Logement  date_bail : date?  prioritaire : booléen  qpv : booléen }
)";

struct Fixture {
  std::unique_ptr<testing::Compiled> c;
  interp::Arena arena;
  interp::Inputs in;

  explicit Fixture(const std::string& body) : c(compileSource(std::string(kSchema) + body)) {
    in.date = *num::Date::parse("2025-06-30");
  }
  interp::Value record(ir::Role role, const std::string& json) {
    interp::Value v;
    ingest::IngestError e;
    const ir::Type* t = c->program->schema.roles[static_cast<int>(role)];
    EXPECT_TRUE(ingest::readRecord(*c->program, t->index, json, arena, v, e)) << e.render();
    return v;
  }
  void demande(const std::string& json) { in.roles[0] = record(ir::Role::Demande, json); }
  void logement(const std::string& json) { in.roles[1] = record(ir::Role::Logement, json); }
};

const char* kDemande =
    R"({"id": "D1", "depot": "2022-06-30", "rfr": 18000, "ressources": "1400.00", "dalo": false, "diviseur": 0})";

TEST(Interp, CotationDetails) {
  Fixture f(R"(
cotation c {
  critère anciennete = mois_entre(demande.depot, date_évaluation) × 1 point
  rubrique r : maximum {
    critère a = 10 points si vrai
    critère b = 20 points si demande.dalo
    critère m = -3 points
  }
  critère refus = -100 points
  plancher 0 points
}
)");
  ASSERT_TRUE(f.c->program) << f.c->rendered();
  f.demande(kDemande);
  interp::Interpreter in(*f.c->program);
  interp::DemandeResult r = in.evaluate(f.in);
  const interp::CotationResult& c = r.cotations[0];
  EXPECT_EQ(c.criteria[0].contribution, num::Decimal::fromInt(36));
  EXPECT_TRUE(c.criteria[1].applicable);
  EXPECT_EQ(c.criteria[1].contribution, num::Decimal::fromInt(10));
  EXPECT_FALSE(c.criteria[2].applicable); // b: not DALO
  EXPECT_EQ(c.criteria[3].brut, num::Decimal::fromInt(-3));
  EXPECT_EQ(c.criteria[3].contribution, num::Decimal()); // beaten by a
  EXPECT_EQ(c.rubriques[0], num::Decimal::fromInt(10));
  EXPECT_EQ(c.beforeBounds, num::Decimal::fromInt(36 + 10 - 100));
  EXPECT_TRUE(c.floorApplied);
  EXPECT_EQ(c.total, num::Decimal());
  EXPECT_FALSE(r.eligible.has_value()); // no logement given
}

// What the explanations show for a rubrique whose plafond or plancher
// changed its points: the sum of its items before the bound, recomputed
// from the result (nested, `maximum`, and a rubrique nothing applies to).
TEST(Interp, RubriquesBeforeBounds) {
  Fixture f(R"(
cotation c {
  rubrique haut : somme {
    critère a = 30 points si vrai
    critère b = 40 points si vrai
    rubrique bas : maximum {
      critère x = -20 points si vrai
      critère y = -30 points si vrai
      plancher -5 points
    }
    plafond 50 points
  }
  rubrique vide : somme {
    critère z = 10 points si demande.dalo
    plancher 3 points
  }
  critère fixe = 100 points
}
)");
  ASSERT_TRUE(f.c->program) << f.c->rendered();
  f.demande(kDemande);
  interp::Interpreter in(*f.c->program);
  interp::DemandeResult r = in.evaluate(f.in);
  const interp::CotationResult& c = r.cotations[0];
  const ir::CotationDecl& decl = f.c->program->cotations[0];
  ASSERT_EQ(decl.rubriques.size(), 3u);
  std::vector<num::Decimal> before = interp::rubriquesBeforeBounds(decl, c);
  auto index = [&](const char* name) {
    for (std::size_t k = 0; k < decl.rubriques.size(); ++k)
      if (decl.rubriques[k].name == name) return k;
    ADD_FAILURE() << name;
    return std::size_t{0};
  };
  // bas: the highest of -20 and -30 is -20, raised to its plancher -5.
  EXPECT_EQ(before[index("bas")], num::Decimal::fromInt(-20));
  EXPECT_EQ(c.rubriques[index("bas")], num::Decimal::fromInt(-5));
  // haut: 30 + 40 + (-5) = 65, brought down to its plafond 50.
  EXPECT_EQ(before[index("haut")], num::Decimal::fromInt(65));
  EXPECT_EQ(c.rubriques[index("haut")], num::Decimal::fromInt(50));
  // vide: nothing applies; it adds nothing to the total.
  EXPECT_EQ(before[index("vide")], num::Decimal());
  EXPECT_EQ(c.total, num::Decimal::fromInt(150));
}

TEST(Interp, RuleStatusesAndFrenchMotifs) {
  Fixture f(R"(
harmonisation h pour logement {
  règle te "Taux d'effort"
    exige logement.loyer <= 35 % × demande.ressources
    sinon alerte "Loyer de {logement.loyer} pour des ressources de {demande.ressources}"
  règle dalo "DALO exigé" exige demande.dalo sinon refus sauf si demande.rfr < 20_000 €/an "revenus modestes"
}
)");
  ASSERT_TRUE(f.c->program) << f.c->rendered();
  f.demande(kDemande);
  f.logement(R"({"id": "L", "loyer": "1234.5"})");
  interp::DemandeResult r = interp::Interpreter(*f.c->program).evaluate(f.in);
  EXPECT_EQ(r.blocks[0][0].status, interp::RuleStatus::Alerte);
  // French formatting: narrow no-break space for thousands, decimal comma.
  EXPECT_EQ(r.blocks[0][0].motif, "Loyer de 1\u202F234,50 €/mois pour des ressources de 1\u202F400 €/mois");
  EXPECT_EQ(r.blocks[0][1].status, interp::RuleStatus::Exception);
  EXPECT_EQ(r.blocks[0][1].exception, 0);
  EXPECT_EQ(r.blocks[0][1].motif, "revenus modestes");
  ASSERT_TRUE(r.eligible.has_value());
  EXPECT_TRUE(*r.eligible); // an alert does not exclude
}

TEST(Interp, EvaluationErrorsAreLocated) {
  Fixture f("définition q : décimal = demande.rfr ÷ (demande.diviseur × 1 €/an)\n"
            "cotation c { critère x = 1 point si q > 1 }\n");
  ASSERT_TRUE(f.c->program) << f.c->rendered();
  f.demande(kDemande);
  try {
    interp::Interpreter(*f.c->program).evaluate(f.in);
    FAIL() << "division by zero must be an evaluation error";
  } catch (const interp::EvalError& e) {
    EXPECT_NE(e.message.find("division par zéro"), std::string::npos) << e.message;
    EXPECT_EQ(e.range.begin.line, 8u); // the definition's line
  }
}

// When both operands of an operation fail, the left one's error is
// reported, whatever order the C++ compiler evaluates call arguments in.
TEST(Interp, LeftOperandErrorFirst) {
  const char* failing = "définition g : décimal = erreur \"gauche\"\n"
                        "définition d : décimal = erreur \"droite\"\n"
                        "définition jg : date = erreur \"gauche\"\n"
                        "définition jd : date = erreur \"droite\"\n";
  for (const char* value : {"g + d", "g - d", "g × d", "g ÷ d", "mois_entre(jg, jd) × 1", "ans_entre(jg, jd) × 1",
                            "jours_entre(jg, jd) × 1"}) {
    Fixture f(std::string(failing) + "définition v : décimal = " + value +
              "\ncotation c { critère x = 1 point si v > 0 }\n");
    ASSERT_TRUE(f.c->program) << value << "\n" << f.c->rendered();
    f.demande(kDemande);
    try {
      interp::Interpreter(*f.c->program).evaluate(f.in);
      ADD_FAILURE() << value << " must fail";
    } catch (const interp::EvalError& e) {
      EXPECT_EQ(e.message, "gauche") << value;
    }
  }
}

// The least k >= 0 with q + k >= t (n + k), by enumeration.
std::int64_t bruteForceManque(std::int64_t q, std::int64_t n, num::Decimal t) {
  for (std::int64_t k = 0; k < 100000; ++k) {
    num::Decimal rhs;
    num::mul(t, num::Decimal::fromInt(n + k), rhs);
    if (!(num::Decimal::fromInt(q + k) < rhs)) return k;
  }
  return -1;
}

TEST(Interp, QuotaManqueMatchesBruteForce) {
  std::mt19937 rng(7);
  for (int round = 0; round < 40; ++round) {
    int pct = std::uniform_int_distribution<int>(1, 99)(rng);
    Fixture f("quota q \"q\" période année civile de attribution.date_bail parmi attributions où non attribution.qpv\n"
              "  au moins " +
              std::to_string(pct) + " % où attribution.prioritaire\n");
    ASSERT_TRUE(f.c->program) << f.c->rendered();
    int n = std::uniform_int_distribution<int>(1, 30)(rng);
    std::vector<interp::Value> attributions;
    std::int64_t q = 0, counted = 0;
    for (int i = 0; i < n; ++i) {
      bool prioritaire = rng() % 3 == 0, qpv = rng() % 5 == 0, signed_ = rng() % 7 != 0;
      std::string json = std::string(R"({"demande": )") + kDemande + R"(, "logement": {"id": "L", "loyer": "500"},)" +
                         R"( "date_bail": )" + (signed_ ? "\"2025-03-01\"" : "null") + R"(, "prioritaire": )" +
                         (prioritaire ? "true" : "false") + R"(, "qpv": )" + (qpv ? "true" : "false") + "}";
      attributions.push_back(f.record(ir::Role::Attribution, json));
      if (signed_ && !qpv) {
        ++counted;
        q += prioritaire;
      }
    }
    auto groups = interp::Interpreter(*f.c->program).quotaGroups(0, attributions, f.in.date);
    if (counted == 0) {
      EXPECT_TRUE(groups.empty());
      continue;
    }
    ASSERT_EQ(groups.size(), 1u);
    num::Decimal t;
    num::div(num::Decimal::fromInt(pct), num::Decimal::fromInt(100), t);
    EXPECT_EQ(groups[0].effectif, counted);
    EXPECT_EQ(groups[0].nombre, q);
    ASSERT_TRUE(groups[0].manque.has_value());
    EXPECT_EQ(*groups[0].manque, bruteForceManque(q, counted, t)) << "q=" << q << " n=" << counted << " t=" << pct;
    EXPECT_EQ(groups[0].statut, *groups[0].manque == 0 ? "atteint" : "en_retard");
  }
}

} // namespace
} // namespace loge
