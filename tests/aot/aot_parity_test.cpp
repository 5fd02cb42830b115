// AOT: the artifact of bench/workload.loge (linked into this test as an
// object file, as a host would link it) gives exactly the JIT's and the
// interpreter's results on the workload's demandes, edge cases included,
// with and without a logement and at several dates.
#include "loge/ingest/ingest.h"
#include "loge/interp/interp.h"
#include "loge/jit/jit.h"
#include "loge/sema/check.h"
#include "workload.h"

#include <gtest/gtest.h>

#include <cstring>

namespace {

using namespace loge;

std::string describe(const interp::DemandeResult& r) {
  std::string s;
  for (const auto& c : r.cotations) {
    s += "total " + c.total.toString() + " avant " + c.beforeBounds.toString() + (c.floorApplied ? " plancher" : "") +
         (c.ceilingApplied ? " plafond" : "") + " :";
    for (const auto& k : c.criteria)
      s += " " + k.brut.toString() + "/" + k.contribution.toString() + (k.applicable ? "" : "(na)");
    for (const auto& rb : c.rubriques) s += " R" + rb.toString();
  }
  for (const auto& b : r.blocks)
    for (const auto& rule : b)
      s += std::string(" ") + interp::ruleStatusName(rule.status) + std::to_string(rule.exception);
  if (r.eligible) s += *r.eligible ? " eligible" : " non-eligible";
  return s;
}

class AotParity : public ::testing::TestWithParam<const char*> {};

TEST_P(AotParity, SameResultsAsJitAndInterpreter) {
  const std::string root = LOGE_REPO_ROOT;
  SourceManager sources;
  DiagnosticEngine diags;
  auto p = sema::check(root + "/bench/workload.loge", sources, diags);
  ASSERT_TRUE(p);
  std::string why;
  auto engine = jit::Engine::create(*p, why);
  ASSERT_TRUE(engine) << why;
  const ir::Type* demandeType = p->schema.roles[static_cast<int>(ir::Role::Demande)];
  const ir::Type* logementType = p->schema.roles[static_cast<int>(ir::Role::Logement)];
  interp::Arena arena;
  ingest::Dataset data;
  std::vector<ingest::IngestError> errors;
  ASSERT_TRUE(ingest::readJsonLines(*p, demandeType->index, root + "/bench/data/" + GetParam(), arena, data, errors));
  interp::Value logement;
  ingest::IngestError error;
  ASSERT_TRUE(
      ingest::readJsonFile(*p, logementType->index, root + "/bench/logement_plus.json", arena, logement, error));

  // The JIT's flattener and the artifact share the flat layout: the header's
  // struct sizes say so, and the artifact reads the JIT's records.
  ASSERT_EQ(sizeof(loge_workload_resultat), engine->outSize());
  jit::FlatRecords flat = engine->flatten(data.records, demandeType->index);
  jit::FlatRecords flatLogement = engine->flatten({logement}, logementType->index);
  const char* message = nullptr;
  loge_aot_policy* policy = loge_workload_open(&message);
  ASSERT_TRUE(policy) << message;

  interp::Interpreter interp(*p);
  std::size_t compared = 0;
  // The 10k set once (the interpreter is slow in Debug builds); the edge
  // set at three dates, with and without the logement.
  bool full = std::string(GetParam()) == "demandes_edge.jsonl";
  std::vector<const char*> days = {"2025-06-30"};
  if (full) days = {"2014-01-01", "2025-06-30", "2031-02-28"};
  for (const char* day : days) {
    num::Date date = *num::Date::parse(day);
    for (bool withLogement : {true, false}) {
      if (!withLogement && !full) continue;
      const std::uint8_t* l = withLogement ? flatLogement.at(0) : nullptr;
      std::vector<std::uint8_t> jitOut, jitErrors;
      engine->evaluate(flat, l, date, jitOut, jitErrors);
      std::vector<loge_workload_resultat> aotOut(flat.count());
      std::vector<std::uint8_t> aotErrors(flat.count());
      std::int64_t failed =
          loge_aot_evaluate(policy, flat.data(), flat.stride(), static_cast<std::int64_t>(flat.count()), l, nullptr,
                            date.days(), aotOut.data(), sizeof(loge_workload_resultat), aotErrors.data());
      ASSERT_GE(failed, 0);
      interp::Inputs in;
      in.date = date;
      if (withLogement) in.roles[static_cast<int>(ir::Role::Logement)] = logement;
      for (std::size_t i = 0; i < flat.count(); ++i) {
        ASSERT_EQ(jitErrors[i], aotErrors[i]) << "demande " << i << " au " << day;
        if (aotErrors[i]) continue;
        auto fromAot = engine->decode(reinterpret_cast<const std::uint8_t*>(&aotOut[i]), withLogement);
        auto fromJit = engine->decode(jitOut.data() + i * engine->outSize(), withLogement);
        in.roles[static_cast<int>(ir::Role::Demande)] = data.records[i];
        std::string reference = describe(interp.evaluate(in));
        ASSERT_EQ(describe(fromAot), reference) << "demande " << i << " au " << day;
        ASSERT_EQ(describe(fromJit), reference) << "demande " << i << " au " << day;
        ++compared;
      }
    }
  }
  EXPECT_GE(compared, data.records.size() * 9 / 10);
  loge_aot_close(policy);
}

INSTANTIATE_TEST_SUITE_P(Workload, AotParity, ::testing::Values("demandes_10k.jsonl", "demandes_edge.jsonl"),
                         [](const auto& info) {
                           return std::string(info.param).substr(9, std::string(info.param).size() - 15);
                         });

TEST(AotRuntime, InvalidArgumentsAreRefused) {
  const char* why = nullptr;
  EXPECT_EQ(loge_aot_open(nullptr, &why), nullptr);
  EXPECT_NE(why, nullptr);
  loge_aot_artifact a;
  std::memset(&a, 0, sizeof a);
  a.abi_version = LOGE_AOT_ABI_VERSION + 1;
  a.batch = loge_workload_eval_batch;
  why = nullptr;
  EXPECT_EQ(loge_aot_open(&a, &why), nullptr);
  EXPECT_NE(std::string(why).find("version"), std::string::npos);
  a.abi_version = LOGE_AOT_ABI_VERSION;
  a.params_blob = loge_workload_params_blob;
  a.params_blob_size = loge_workload_params_blob_size / 2; // truncated
  EXPECT_EQ(loge_aot_open(&a, &why), nullptr);

  loge_aot_policy* policy = loge_workload_open(&why);
  ASSERT_TRUE(policy);
  loge_workload_Demande d;
  std::memset(&d, 0, sizeof d);
  loge_workload_resultat r;
  std::uint8_t err = 0;
  EXPECT_EQ(loge_aot_evaluate(nullptr, &d, sizeof d, 1, nullptr, nullptr, 0, &r, sizeof r, &err), -1);
  EXPECT_EQ(loge_aot_evaluate(policy, nullptr, sizeof d, 1, nullptr, nullptr, 0, &r, sizeof r, &err), -1);
  EXPECT_EQ(loge_aot_evaluate(policy, &d, sizeof d, 1, nullptr, nullptr, 0, &r, 8, &err), -1); // stride too small
  EXPECT_EQ(loge_aot_evaluate(policy, &d, sizeof d, -1, nullptr, nullptr, 0, &r, sizeof r, &err), -1);
  EXPECT_EQ(loge_aot_evaluate(policy, &d, sizeof d, 0, nullptr, nullptr, 0, &r, sizeof r, &err), 0);
  // A day that is no date of the language (after 9999-12-31).
  EXPECT_EQ(loge_aot_evaluate(policy, &d, sizeof d, 1, nullptr, nullptr, INT32_MAX, &r, sizeof r, &err), -1);
  loge_aot_close(policy);
  loge_aot_close(nullptr);
}

TEST(AotRuntime, HostHelpers) {
  std::int32_t d = 0;
  ASSERT_EQ(loge_date_from_ymd(2024, 2, 29, &d), 0);
  char buf[48];
  ASSERT_EQ(loge_date_format(d, buf, sizeof buf), 0);
  EXPECT_STREQ(buf, "2024-02-29");
  EXPECT_NE(loge_date_from_ymd(2025, 2, 29, &d), 0);
  EXPECT_EQ(loge_date_format(d, buf, 10), -1);
  // Outside 0001-01-01 … 9999-12-31: no "YYYY-MM-DD" to write.
  EXPECT_EQ(loge_date_format(INT32_MAX, buf, sizeof buf), -1);
  EXPECT_EQ(loge_date_format(-800000, buf, sizeof buf), -1);
  loge_decimal x;
  ASSERT_EQ(loge_decimal_parse("-1234.50", &x), 0);
  ASSERT_EQ(loge_decimal_format(&x, buf, sizeof buf), 0);
  EXPECT_STREQ(buf, "-1234.5");
  EXPECT_NE(loge_decimal_parse("12,5", &x), 0);
  EXPECT_EQ(loge_decimal_format(&x, buf, 3), -1);
}

} // namespace

namespace {

// A demande of the workload the schema accepts (nb_adultes ≥ 1).
loge_workload_Demande validDemande() {
  loge_workload_Demande d;
  std::memset(&d, 0, sizeof d);
  d.id.data = "D1";
  d.id.length = 2;
  d.menage.nb_adultes = 1;
  d.menage.age_demandeur = 40;
  d.situation.dalo = 1;
  return d;
}

} // namespace

// The generated NAME_evaluate checks each record as `loge run` checks a
// file: what the compiled code reads (text and list pointers, booleans,
// presence flags, dates and decimals in range) and the schema's bounds. A
// demande that is not valid is not evaluated (errors[i] = 2), the others are.
TEST(AotRuntime, RecordsAreCheckedBeforeEvaluation) {
  const char* why = nullptr;
  loge_aot_policy* policy = loge_workload_open(&why);
  ASSERT_TRUE(policy) << why;
  std::int32_t date = 0;
  ASSERT_EQ(loge_date_from_ymd(2025, 6, 30, &date), 0);
  const loge_workload_Demande valid = validDemande();
  ASSERT_TRUE(loge_workload_Demande_valide(&valid));

  std::vector<std::pair<const char*, void (*)(loge_workload_Demande&)>> broken = {
      {"nb_adultes sous sa borne (au moins 1)", [](loge_workload_Demande& d) { d.menage.nb_adultes = 0; }},
      {"refus_propositions négatif", [](loge_workload_Demande& d) { d.situation.refus_propositions = -1; }},
      {"booléen 2", [](loge_workload_Demande& d) { d.situation.dalo = 2; }},
      {"texte de longueur négative", [](loge_workload_Demande& d) { d.id.length = -1; }},
      {"texte sans octets", [](loge_workload_Demande& d) { d.id.data = nullptr; }},
      {"date hors de 0001-9999", [](loge_workload_Demande& d) { d.date_depot = 3000000; }},
      {"présence 2", [](loge_workload_Demande& d) { d.logement_actuel.present = 2; }},
      {"décimal -2^127",
       [](loge_workload_Demande& d) {
         d.menage.ressources_mensuelles.hi = INT64_MIN;
         d.menage.ressources_mensuelles.lo = 0;
       }},
  };
  for (const auto& [what, breakIt] : broken) {
    SCOPED_TRACE(what);
    std::vector<loge_workload_Demande> ds = {validDemande(), validDemande(), validDemande()};
    breakIt(ds[1]);
    EXPECT_FALSE(loge_workload_Demande_valide(&ds[1]));
    std::vector<loge_workload_resultat> rs(3);
    std::vector<std::uint8_t> errors(3, 9);
    EXPECT_EQ(loge_workload_evaluate(policy, ds.data(), 3, nullptr, nullptr, date, rs.data(), errors.data()), 1);
    EXPECT_EQ(errors, (std::vector<std::uint8_t>{0, 2, 0}));
    // The valid demandes around it are evaluated: DALO 400 points, filed in
    // 1970 (120 months, the maximum), no income (revenu modeste, 80).
    char total[48];
    ASSERT_EQ(loge_decimal_format(&rs[2].cotation_principale_total, total, sizeof total), 0);
    EXPECT_STREQ(total, "600");
  }

  loge_workload_Demande d = validDemande();
  loge_workload_resultat r;
  std::uint8_t error = 9;
  loge_workload_Logement logement;
  std::memset(&logement, 0, sizeof logement);
  logement.id.length = -3; // a logement that is not valid: the call is refused
  EXPECT_EQ(loge_workload_evaluate(policy, &d, 1, &logement, nullptr, date, &r, &error), -1);
  logement.id.length = 0;
  EXPECT_EQ(loge_workload_evaluate(policy, &d, 1, &logement, nullptr, date, &r, &error), 0);
  EXPECT_EQ(error, 0);
  // Records closer together than their size overlap: refused.
  EXPECT_EQ(loge_aot_evaluate(policy, &d, sizeof d - 16, 1, nullptr, nullptr, date, &r, sizeof r, &error), -1);
  loge_aot_close(policy);
}
