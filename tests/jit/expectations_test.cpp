// `loge test` makes the tests' `attendu` expressions définitions of the
// program (jit::addExpectations), so that the compiled engine computes them
// for each test's demande and compareDefinitions sets them against the
// interpreter's values: which expectations become définitions, that tests
// repeating an expression share one, that an expression the back end cannot
// compile is left out without failing the engine, and that a difference is
// reported for the test's own expectations only.
#include "compile_snippet.h"
#include "loge/interp/interp.h"
#include "loge/jit/definitions.h"
#include "loge/jit/jit.h"

#include <gtest/gtest.h>

#include <set>

namespace {

using namespace loge;
using State = jit::DefinitionResult::State;

const char* kPolicy = R"(politique "attendus"
schéma { demande : Demande  logement : Logement }
structure Demande { n : entier  d : décimal }
structure Logement { loyer : montant mensuel }

définition double : entier = demande.n × 2
définition decale(k : entier) : entier = demande.n + k
définition part(x : décimal) : décimal = x / demande.d
définition loyer_plus(m : montant mensuel) : montant mensuel = logement.loyer + m

cotation c {
  critère a = 1 point × double
}
éligibilité e pour logement {
  règle r exige logement.loyer ≤ 500 €/mois sinon refus "trop cher"
}

test "un" {
  date 2025-06-30
  demande { n = 4 d = 2 }
  logement { loyer = 450 €/mois }
  attendu decale(3) = 7
  attendu part(5) = 2.5
  attendu double = 8
  attendu c = 8 points
  attendu règle e.r = ok
  attendu eligible
  attendu loyer_plus(10 €/mois) = 460 €/mois
}

test "deux" {
  date 2025-06-30
  demande { n = 10 d = 0 }
  attendu decale(3) = 13
  attendu part(5) = erreur "division par zéro"
  attendu decale(4) > 13
}
)";

class Expectations : public ::testing::Test {
protected:
  void SetUp() override {
    compiled = loge::testing::compileSource(kPolicy);
    ASSERT_TRUE(compiled->program) << compiled->rendered();
    made = jit::addExpectations(*compiled->program);
    std::string why;
    jit::CompileOptions options;
    options.definitions = true;
    engine = jit::Engine::create(*compiled->program, why, options);
    ASSERT_TRUE(engine) << why;
  }

  const ir::Program& program() const { return *compiled->program; }

  // The test's inputs as `loge test` builds them (records from the test).
  interp::Inputs inputs(std::size_t t) {
    const ir::TestCase& tc = program().tests[t];
    interp::Interpreter interp(program());
    interp::Inputs in;
    in.date = *tc.date;
    auto record = [&](const ir::ExprPtr& e) {
      return e ? interp.evaluateExpr(*e, in, arena, tc.slotCount) : interp::Value::absent();
    };
    in.roles[static_cast<int>(ir::Role::Demande)] = record(tc.demande);
    in.roles[static_cast<int>(ir::Role::Logement)] = record(tc.logement);
    return in;
  }

  // The compiled engine's results for the test's demande.
  std::vector<std::uint8_t> evaluate(const interp::Inputs& in) {
    const interp::Value& d = in.roles[static_cast<int>(ir::Role::Demande)];
    const interp::Value& l = in.roles[static_cast<int>(ir::Role::Logement)];
    jit::FlatRecords demandes = engine->flatten({d}, d.rec->structIndex);
    jit::FlatRecords logements;
    if (!l.isAbsent()) logements = engine->flatten({l}, l.rec->structIndex);
    std::vector<std::uint8_t> out, failed;
    engine->evaluate(demandes, l.isAbsent() ? nullptr : logements.at(0), in.date, out, failed);
    EXPECT_EQ(failed.at(0), 0);
    return out;
  }

  // The compiled engine's value of définition `index`, as JSON ("échec",
  // "non calculée").
  std::string compiledValue(const std::vector<std::uint8_t>& out, std::uint32_t index) {
    for (const jit::DefinitionResult& r : engine->decodeDefinitions(out.data())) {
      if (r.definition != index) continue;
      if (r.state == State::Failed) return "échec";
      if (r.state == State::NotComputed) return "non calculée";
      return interp::formatJson(program(), program().definitions[index].returnType, r.value);
    }
    return "absente des résultats";
  }

  std::unique_ptr<loge::testing::Compiled> compiled;
  std::vector<std::vector<std::uint32_t>> made;
  std::unique_ptr<jit::Engine> engine;
  interp::Arena arena;
};

TEST_F(Expectations, EachScalarLeftSideBecomesADefinition) {
  ASSERT_EQ(made.size(), 2u);
  ASSERT_EQ(made[0].size(), 7u);
  const auto none = jit::kNoDefinition;
  // decale(3), part(5), loyer_plus(…) and `eligible` (a booléen, left out
  // later by the back end); not `double` nor the cotation (compared as
  // such already), nor the rule's status.
  EXPECT_NE(made[0][0], none);
  EXPECT_NE(made[0][1], none);
  EXPECT_EQ(made[0][2], none);
  EXPECT_EQ(made[0][3], none);
  EXPECT_EQ(made[0][4], none);
  EXPECT_NE(made[0][5], none);
  EXPECT_NE(made[0][6], none);
  for (std::uint32_t d : {made[0][0], made[0][1], made[0][5], made[0][6]})
    EXPECT_TRUE(program().definitions[d].expectation);
  // The second test repeats decale(3) and part(5): the same définitions.
  ASSERT_EQ(made[1].size(), 3u);
  EXPECT_EQ(made[1][0], made[0][0]);
  EXPECT_EQ(made[1][1], made[0][1]);
  EXPECT_NE(made[1][2], none);
  EXPECT_NE(made[1][2], made[0][0]);
  // loyer_plus reads the logement; decale only the demande.
  EXPECT_TRUE(program().definitions[made[0][6]].roles & (1u << static_cast<unsigned>(ir::Role::Logement)));
  EXPECT_FALSE(program().definitions[made[0][0]].roles & (1u << static_cast<unsigned>(ir::Role::Logement)));
}

TEST_F(Expectations, TheCompiledEngineComputesThemAsTheInterpreter) {
  interp::Inputs in = inputs(0);
  std::vector<std::uint8_t> out = evaluate(in);
  EXPECT_EQ(compiledValue(out, made[0][0]), "7");
  EXPECT_EQ(compiledValue(out, made[0][1]), "2.5");
  EXPECT_EQ(compiledValue(out, made[0][6]), "460");
  // `eligible` is the interpreter's alone: left out, the engine still made.
  EXPECT_EQ(compiledValue(out, made[0][5]), "non calculée");
  interp::Interpreter interp(program());
  EXPECT_TRUE(jit::compareDefinitions(program(), *engine, interp, in, out.data(), made[0]).empty());

  interp::Inputs second = inputs(1);
  std::vector<std::uint8_t> out2 = evaluate(second);
  EXPECT_EQ(compiledValue(out2, made[1][0]), "13");
  EXPECT_EQ(compiledValue(out2, made[1][1]), "échec"); // division by zero, as the interpreter
  EXPECT_EQ(compiledValue(out2, made[1][2]), "true");
  // Without a logement, the one that reads it is not computed.
  EXPECT_EQ(compiledValue(out2, made[0][6]), "non calculée");
  EXPECT_TRUE(jit::compareDefinitions(program(), *engine, interp, second, out2.data(), made[1]).empty());
}

TEST_F(Expectations, ADifferenceIsReportedForTheTestsOwnExpectationsOnly) {
  // The compiled results of test "deux" set against the inputs of test
  // "un": the values differ, as they would if one engine were wrong.
  interp::Inputs first = inputs(0);
  std::vector<std::uint8_t> out = evaluate(inputs(1));
  interp::Interpreter interp(program());
  std::vector<jit::DefinitionMismatch> mismatches =
      jit::compareDefinitions(program(), *engine, interp, first, out.data(), made[0]);
  std::set<std::uint32_t> reported;
  for (const auto& m : mismatches) reported.insert(m.definition);
  EXPECT_TRUE(reported.count(made[0][0]));  // decale(3): 7 / 13
  EXPECT_TRUE(reported.count(made[0][1]));  // part(5): 2.5 / failure
  EXPECT_FALSE(reported.count(made[1][2])); // decale(4) > 13 is test "deux"'s
  // Without the test's list, no expectation is compared at all.
  for (const auto& m : jit::compareDefinitions(program(), *engine, interp, first, out.data()))
    EXPECT_FALSE(program().definitions[m.definition].expectation);
}

TEST_F(Expectations, RemovedAfterwards) {
  std::size_t before = program().definitions.size();
  jit::removeExpectations(*compiled->program);
  EXPECT_EQ(program().definitions.size(), before - 5);
  for (const auto& d : program().definitions) EXPECT_FALSE(d.expectation);
}

} // namespace
