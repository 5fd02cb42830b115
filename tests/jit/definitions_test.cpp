// An engine created with CompileOptions::definitions also computes every
// parameterless définition of a scalar type, each on its own after the
// cotations and rules (`loge test` compares them with the interpreter).
// Each kind of value, an absent optional, a définition that fails without
// stopping the others, and one reading the logement when none is given,
// against the interpreter's values.
#include "compile_snippet.h"
#include "loge/interp/interp.h"
#include "loge/jit/jit.h"

#include <gtest/gtest.h>

namespace {

using namespace loge;
using State = jit::DefinitionResult::State;

const char* kPolicy = R"(politique "définitions"
schéma { demande : Demande  logement : Logement }
énumération Zone { a "Zone A"  b "Zone B" }
structure Demande { n : entier  d : décimal  depot : date  x : entier?  zone : Zone }
structure Logement { loyer : montant mensuel }

définition double : entier = demande.n × 2
définition moitie : décimal = demande.d / 4
définition inverse : décimal = 1 / demande.d
définition echeance : date = demande.depot + 13 mois
définition grand : booléen = demande.n > 10
définition peut_etre : entier? = demande.x
définition zone : Zone = demande.zone
définition loyer_double : montant mensuel = logement.loyer × 2
définition decale(k : entier) : entier = demande.n + k

cotation c {
  critère a = 1 point × double
}
)";

num::Date ymd(int y, int m, int d) { return *num::Date::fromYmd(y, m, d); }

class Definitions : public ::testing::Test {
protected:
  void SetUp() override {
    compiled = loge::testing::compileSource(kPolicy);
    ASSERT_TRUE(compiled->program) << compiled->rendered();
    std::string why;
    jit::CompileOptions options;
    options.definitions = true;
    engine = jit::Engine::create(*compiled->program, why, options);
    ASSERT_TRUE(engine) << why;
  }

  const ir::Program& program() const { return *compiled->program; }

  interp::Value demande(std::int64_t n, const char* d, std::optional<std::int64_t> x, std::uint32_t zone) {
    const ir::Program& p = program();
    interp::Record* r = arena.record(p.schema.roles[static_cast<int>(ir::Role::Demande)]->index, 5);
    r->fields[0] = interp::Value::integer(n);
    r->fields[1] = interp::Value::decimal(*num::Decimal::parse(d));
    r->fields[2] = interp::Value::dateValue(ymd(2024, 1, 15));
    r->fields[3] = x ? interp::Value::integer(*x) : interp::Value::absent();
    r->fields[4] = interp::Value::enumValue(zone);
    return interp::Value::record(r);
  }

  interp::Value logement(const char* loyer) {
    interp::Record* r = arena.record(program().schema.roles[static_cast<int>(ir::Role::Logement)]->index, 1);
    r->fields[0] = interp::Value::decimal(*num::Decimal::parse(loyer));
    return interp::Value::record(r);
  }

  // The compiled engine's définitions for one demande, by name, as JSON
  // text ("échec", "non calculée").
  std::map<std::string, std::string> compiledDefinitions(const interp::Value& d, const interp::Value* l) {
    jit::FlatRecords demandes = engine->flatten({d}, d.rec->structIndex);
    jit::FlatRecords logements;
    if (l) logements = engine->flatten({*l}, l->rec->structIndex);
    std::vector<std::uint8_t> out, failed;
    engine->evaluate(demandes, l ? logements.at(0) : nullptr, ymd(2025, 6, 30), out, failed);
    EXPECT_EQ(failed.at(0), 0);
    std::map<std::string, std::string> values;
    for (const jit::DefinitionResult& r : engine->decodeDefinitions(out.data())) {
      const ir::DefinitionDecl& decl = program().definitions[r.definition];
      values[decl.name] = r.state == State::Failed        ? "échec"
                          : r.state == State::NotComputed ? "non calculée"
                                                          : interp::formatJson(program(), decl.returnType, r.value);
    }
    return values;
  }

  // The interpreter's value of the same définition, in the same form.
  std::string interpreted(const std::string& name, const interp::Value& d, const interp::Value* l) {
    const ir::Program& p = program();
    interp::Interpreter interp(p);
    interp::Inputs in;
    in.date = ymd(2025, 6, 30);
    in.roles[static_cast<int>(ir::Role::Demande)] = d;
    in.roles[static_cast<int>(ir::Role::Logement)] = l ? *l : interp::Value::absent();
    for (std::uint32_t i = 0; i < p.definitions.size(); ++i) {
      if (p.definitions[i].name != name) continue;
      ir::Expr call;
      call.op = ir::Op::Call;
      call.type = p.definitions[i].returnType;
      call.index = i;
      try {
        interp::Arena scratch;
        return interp::formatJson(p, call.type, interp.evaluateExpr(call, in, scratch, 0));
      } catch (const interp::EvalError&) {
        return "échec";
      }
    }
    return "introuvable";
  }

  std::unique_ptr<loge::testing::Compiled> compiled;
  std::unique_ptr<jit::Engine> engine;
  interp::Arena arena;
};

TEST_F(Definitions, EveryScalarDefinitionAsTheInterpreterComputesIt) {
  interp::Value d = demande(21, "-2.5", 7, 1);
  interp::Value l = logement("612.34");
  auto got = compiledDefinitions(d, &l);
  // Only parameterless définitions of a scalar type are written.
  EXPECT_EQ(got.size(), 8u);
  EXPECT_EQ(got.count("decale"), 0u);
  for (const auto& [name, value] : got) EXPECT_EQ(value, interpreted(name, d, &l)) << name;
  EXPECT_EQ(got["double"], "42");
  EXPECT_EQ(got["moitie"], "-0.625");
  EXPECT_EQ(got["inverse"], "-0.4");
  EXPECT_EQ(got["echeance"], "\"2025-02-15\"");
  EXPECT_EQ(got["grand"], "true");
  EXPECT_EQ(got["peut_etre"], "7");
  EXPECT_EQ(got["zone"], "\"b\"");
  EXPECT_EQ(got["loyer_double"], "1224.68");
}

TEST_F(Definitions, AFailureLeavesTheOthersComputed) {
  interp::Value d = demande(3, "0", std::nullopt, 0);
  auto got = compiledDefinitions(d, nullptr);
  EXPECT_EQ(got["inverse"], "échec");
  EXPECT_EQ(interpreted("inverse", d, nullptr), "échec");
  EXPECT_EQ(got["moitie"], "0");
  EXPECT_EQ(got["echeance"], "\"2025-02-15\"");
  EXPECT_EQ(got["peut_etre"], "null");
  EXPECT_EQ(got["grand"], "false");
  EXPECT_EQ(got["zone"], "\"a\"");
  // Without a logement, the définition that reads it is not computed.
  EXPECT_EQ(got["loyer_double"], "non calculée");
}

TEST_F(Definitions, NotWrittenUnlessAsked) {
  std::string why;
  auto plain = jit::Engine::create(program(), why);
  ASSERT_TRUE(plain) << why;
  EXPECT_LT(plain->outSize(), engine->outSize());
  std::vector<std::uint8_t> out(plain->outSize());
  EXPECT_TRUE(plain->decodeDefinitions(out.data()).empty());
}

} // namespace
