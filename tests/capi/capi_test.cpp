// libloge: the C API on a small policy whose results are worked out by hand
// (tests/capi/data/api-test.loge, evaluated at 2025-06-30):
//   A: enfants 2 → 20, ancienneté 15 mois (2024-03-15 → 2025-06-30), produit
//      3 × 3 = 9: total 44; zone a = a; loyer 500 > 35 % × 1200 = 420: alerte.
//   B: DALO 100, ancienneté min(65, 24) = 24, zone b 0.5: total 124.5; zone
//      b ≠ a but DALO: exception « Ménage DALO »; 500 ≤ 700: ok.
//   C: 4e9 × 4e9 overflows an entier: evaluation error.
//   D: enfants 10, ancienneté 0, zone b 0.5, produit 1: total 11.5; refus
//      « Zone demandée : Zone B »; 500 > 350: alerte.
#include "capi_support.h"

#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

using namespace capi_test;

namespace {

class Engines : public ::testing::TestWithParam<loge_engine> {
protected:
  void SetUp() override {
    policy = loadPolicy(dataPath("api-test.loge"), GetParam());
    ASSERT_NE(policy, nullptr);
    ErrorSlot e;
    ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, dataPath("logement.json").c_str(), &logement, &e),
              LOGE_OK)
        << e.message();
    ASSERT_EQ(loge_batch_from_jsonl_file(policy, dataPath("demandes.jsonl").c_str(), &batch, &e), LOGE_OK)
        << e.message();
  }
  void TearDown() override {
    loge_batch_free(batch);
    loge_record_free(logement);
    loge_policy_free(policy);
  }
  std::string criterion(const loge_result* r, size_t i) {
    const char* s = nullptr;
    EXPECT_EQ(loge_result_criterion_points(r, 0, i, &s, nullptr), LOGE_OK);
    return str(s);
  }
  std::string total(const loge_result* r) {
    const char* s = nullptr;
    EXPECT_EQ(loge_result_total(r, 0, &s, nullptr), LOGE_OK);
    return str(s);
  }
  loge_rule_status status(const loge_result* r, const char* rule) {
    size_t index = 0;
    EXPECT_EQ(loge_policy_find_rule(policy, rule, &index, nullptr), LOGE_OK);
    loge_rule_status st = LOGE_RULE_NOT_EVALUATED;
    EXPECT_EQ(loge_result_rule_status(r, index, &st, nullptr), LOGE_OK);
    return st;
  }
  std::string motif(const loge_result* r, const char* rule) {
    size_t index = 0;
    EXPECT_EQ(loge_policy_find_rule(policy, rule, &index, nullptr), LOGE_OK);
    const char* s = nullptr;
    EXPECT_EQ(loge_result_rule_motif(r, index, &s, nullptr), LOGE_OK);
    return str(s);
  }
  loge_policy* policy = nullptr;
  loge_record* logement = nullptr;
  loge_batch* batch = nullptr;
};

TEST_P(Engines, PolicyDescribesWhatItComputes) {
  size_t n = 0;
  const char* s = nullptr;
  ASSERT_EQ(loge_policy_cotation_count(policy, &n, nullptr), LOGE_OK);
  EXPECT_EQ(n, 1u);
  ASSERT_EQ(loge_policy_cotation_name(policy, 0, &s, nullptr), LOGE_OK);
  EXPECT_EQ(str(s), "principale");
  ASSERT_EQ(loge_policy_criterion_count(policy, 0, &n, nullptr), LOGE_OK);
  EXPECT_EQ(n, 5u);
  ASSERT_EQ(loge_policy_criterion_label(policy, 0, 0, &s, nullptr), LOGE_OK);
  EXPECT_EQ(str(s), "Reconnu DALO");
  ASSERT_EQ(loge_policy_criterion_reference(policy, 0, 0, 0, &s, nullptr), LOGE_OK);
  EXPECT_EQ(str(s), "CCH L441-2-3");
  ASSERT_EQ(loge_policy_rule_count(policy, &n, nullptr), LOGE_OK);
  EXPECT_EQ(n, 2u);
  ASSERT_EQ(loge_policy_rule_name(policy, 0, &s, nullptr), LOGE_OK);
  EXPECT_EQ(str(s), "zones.zone");
  ASSERT_EQ(loge_policy_rule_name(policy, 1, &s, nullptr), LOGE_OK);
  EXPECT_EQ(str(s), "cal.taux");
  int refusal = -1;
  ASSERT_EQ(loge_policy_rule_is_refusal(policy, 1, &refusal, nullptr), LOGE_OK);
  EXPECT_EQ(refusal, 0);
  ASSERT_EQ(loge_policy_rule_reference(policy, 1, 0, &s, nullptr), LOGE_OK);
  EXPECT_EQ(str(s), "Règlement CAL, art. 3");
  ASSERT_EQ(loge_policy_title(policy, &s, nullptr), LOGE_OK);
  EXPECT_EQ(str(s), "Politique de test de l'API");
  loge_engine engine = LOGE_ENGINE_AUTO;
  ASSERT_EQ(loge_policy_engine(policy, &engine, nullptr), LOGE_OK);
  EXPECT_EQ(engine, GetParam() == LOGE_ENGINE_INTERPRETER ? LOGE_ENGINE_INTERPRETER : LOGE_ENGINE_JIT);
}

TEST_P(Engines, BatchResultsMatchHandComputedValues) {
  loge_results* results = nullptr;
  ErrorSlot e;
  ASSERT_EQ(loge_evaluate_batch(policy, batch, logement, "2025-06-30", &results, &e), LOGE_OK) << e.message();
  size_t n = 0, failed = 0;
  ASSERT_EQ(loge_results_count(results, &n, nullptr), LOGE_OK);
  ASSERT_EQ(n, 4u);
  ASSERT_EQ(loge_results_failed_count(results, &failed, nullptr), LOGE_OK);
  EXPECT_EQ(failed, 1u);
  const loge_result *a = nullptr, *b = nullptr, *c = nullptr, *d = nullptr;
  ASSERT_EQ(loge_results_get(results, 0, &a, nullptr), LOGE_OK);
  ASSERT_EQ(loge_results_get(results, 1, &b, nullptr), LOGE_OK);
  ASSERT_EQ(loge_results_get(results, 2, &c, nullptr), LOGE_OK);
  ASSERT_EQ(loge_results_get(results, 3, &d, nullptr), LOGE_OK);

  EXPECT_EQ(total(a), "44");
  EXPECT_EQ(criterion(a, 0), "0");
  EXPECT_EQ(criterion(a, 1), "20");
  EXPECT_EQ(criterion(a, 2), "15");
  EXPECT_EQ(criterion(a, 4), "9");
  int eligible = -2;
  ASSERT_EQ(loge_result_eligibility(a, &eligible, nullptr), LOGE_OK);
  EXPECT_EQ(eligible, 1);
  EXPECT_EQ(status(a, "zones.zone"), LOGE_RULE_OK);
  EXPECT_EQ(status(a, "cal.taux"), LOGE_RULE_ALERTE);
  EXPECT_EQ(motif(a, "cal.taux"), "Taux d'effort trop élevé");
  size_t alerts = 0, rule = 9;
  ASSERT_EQ(loge_result_alert_count(a, &alerts, nullptr), LOGE_OK);
  ASSERT_EQ(alerts, 1u);
  ASSERT_EQ(loge_result_alert(a, 0, &rule, nullptr), LOGE_OK);
  EXPECT_EQ(rule, 1u);

  EXPECT_EQ(total(b), "124.5");
  EXPECT_EQ(criterion(b, 3), "0.5");
  double asDouble = 0;
  ASSERT_EQ(loge_decimal_to_double(total(b).c_str(), &asDouble, nullptr), LOGE_OK);
  EXPECT_EQ(asDouble, 124.5);
  EXPECT_EQ(status(b, "zones.zone"), LOGE_RULE_EXCEPTION);
  EXPECT_EQ(motif(b, "zones.zone"), "Ménage DALO");
  EXPECT_EQ(status(b, "cal.taux"), LOGE_RULE_OK);
  ASSERT_EQ(loge_result_eligibility(b, &eligible, nullptr), LOGE_OK);
  EXPECT_EQ(eligible, 1);

  const loge_error* ce = nullptr;
  ASSERT_EQ(loge_result_error(c, &ce, nullptr), LOGE_OK);
  ASSERT_NE(ce, nullptr);
  EXPECT_EQ(loge_error_status(ce), LOGE_ERR_EVALUATION);
  EXPECT_NE(std::string(loge_error_message(ce)).find("dépassement"), std::string::npos) << loge_error_message(ce);
  loge_location where = loge_error_location(ce);
  EXPECT_NE(std::string(where.file).find("api-test.loge"), std::string::npos);
  EXPECT_EQ(where.line, 33u); // critère produit
  const char* s = nullptr;
  EXPECT_EQ(loge_result_total(c, 0, &s, nullptr), LOGE_ERR_EVALUATION);
  ASSERT_EQ(loge_result_json(c, &s, nullptr), LOGE_OK);
  EXPECT_NE(std::string(s).find("\"erreur\""), std::string::npos);

  EXPECT_EQ(total(d), "11.5");
  EXPECT_EQ(status(d, "zones.zone"), LOGE_RULE_REFUS);
  EXPECT_EQ(motif(d, "zones.zone"), "Zone demandée : Zone B");
  ASSERT_EQ(loge_result_eligibility(d, &eligible, nullptr), LOGE_OK);
  EXPECT_EQ(eligible, 0);
  size_t refusals = 0;
  ASSERT_EQ(loge_result_refusal_count(d, &refusals, nullptr), LOGE_OK);
  EXPECT_EQ(refusals, 1u);

  ASSERT_EQ(loge_result_json(d, &s, nullptr), LOGE_OK);
  EXPECT_EQ(str(s), "{\"id\": \"D\", \"cotation\": {\"principale\": {\"total\": 11.5, \"criteres\": {\"dalo\": 0, "
                    "\"enfants\": 10, \"anciennete\": 0, \"zone_b\": 0.5, \"produit\": 1}}}, \"eligible\": false, "
                    "\"refus\": [\"zones.zone\"], \"alertes\": [\"cal.taux\"], \"regles\": {\"zones.zone\": "
                    "{\"statut\": \"refus\", \"motif\": \"Zone demandée : Zone B\"}, \"cal.taux\": {\"statut\": "
                    "\"alerte\", \"motif\": \"Taux d'effort trop élevé\"}}}");
  loge_results_free(results);
}

// A batch keeps what its first evaluation prepared (the compiled engine's
// flat copy of the records): a demande added afterwards must be evaluated
// by the next evaluation, and the others unchanged.
TEST_P(Engines, BatchGrownAfterAnEvaluation) {
  ErrorSlot e;
  loge_results* before = nullptr;
  ASSERT_EQ(loge_evaluate_batch(policy, batch, logement, "2025-06-30", &before, &e), LOGE_OK) << e.message();
  const std::vector<std::string> first = jsonLines(before);
  loge_results_free(before);
  ASSERT_EQ(first.size(), 4u);

  const std::string json = R"({"id": "E", "depot": "2021-05-01", "enfants": 3, "ressources": "900", "dalo": true,)"
                           R"( "zone": "a", "personnes": [], "communes": [], "facteur": 2})";
  loge_record* added = nullptr;
  ASSERT_EQ(loge_record_from_json(policy, LOGE_ROLE_DEMANDE, json.data(), json.size(), &added, &e), LOGE_OK)
      << e.message();
  ASSERT_EQ(loge_batch_add(batch, added, &e), LOGE_OK) << e.message();
  loge_result* alone = nullptr;
  ASSERT_EQ(loge_evaluate(policy, added, logement, "2025-06-30", &alone, &e), LOGE_OK) << e.message();
  const char* aloneJson = nullptr;
  ASSERT_EQ(loge_result_json(alone, &aloneJson, nullptr), LOGE_OK);

  loge_results* after = nullptr;
  ASSERT_EQ(loge_evaluate_batch(policy, batch, logement, "2025-06-30", &after, &e), LOGE_OK) << e.message();
  std::vector<std::string> expected = first;
  expected.push_back(str(aloneJson));
  EXPECT_EQ(jsonLines(after), expected);
  EXPECT_NE(expected.back().find("\"id\": \"E\""), std::string::npos) << expected.back();
  loge_results_free(after);
  loge_result_free(alone);
  loge_record_free(added);
}

TEST_P(Engines, SingleEvaluationWithoutLogement) {
  loge_record* d = nullptr;
  ErrorSlot e;
  const std::string json = "{\"id\": \"A\", \"depot\": \"2024-03-15\", \"enfants\": 2, \"ressources\": 1200, "
                           "\"dalo\": false, \"zone\": \"a\", \"facteur\": 3, "
                           "\"personnes\": [], \"communes\": []}";
  ASSERT_EQ(loge_record_from_json(policy, LOGE_ROLE_DEMANDE, json.data(), json.size(), &d, &e), LOGE_OK) << e.message();
  loge_result* r = nullptr;
  ASSERT_EQ(loge_evaluate(policy, d, nullptr, "2025-06-30", &r, &e), LOGE_OK) << e.message();
  EXPECT_EQ(total(r), "44");
  int eligible = 0;
  ASSERT_EQ(loge_result_eligibility(r, &eligible, nullptr), LOGE_OK);
  EXPECT_EQ(eligible, -1);
  EXPECT_EQ(status(r, "cal.taux"), LOGE_RULE_NOT_EVALUATED);
  loge_result_free(r);
  loge_record_free(d);
}

TEST_P(Engines, OverflowIsAnEvaluationErrorLocatedInThePolicy) {
  loge_record* d = nullptr;
  ASSERT_EQ(loge_record_create(policy, LOGE_ROLE_DEMANDE, &d, nullptr), LOGE_OK);
  ASSERT_EQ(loge_record_set_text(d, "id", "C", nullptr), LOGE_OK);
  ASSERT_EQ(loge_record_set_date(d, "depot", "2024-01-01", nullptr), LOGE_OK);
  ASSERT_EQ(loge_record_set_int(d, "enfants", 0, nullptr), LOGE_OK);
  ASSERT_EQ(loge_record_set_decimal(d, "ressources", "900", nullptr), LOGE_OK);
  ASSERT_EQ(loge_record_set_bool(d, "dalo", 0, nullptr), LOGE_OK);
  ASSERT_EQ(loge_record_set_enum(d, "zone", "b", nullptr), LOGE_OK);
  ASSERT_EQ(loge_record_set_int(d, "facteur", 4000000000, nullptr), LOGE_OK);
  ASSERT_EQ(loge_record_clear_list(d, "personnes", nullptr), LOGE_OK);
  ASSERT_EQ(loge_record_clear_list(d, "communes", nullptr), LOGE_OK);
  loge_result* r = nullptr;
  ErrorSlot e;
  ASSERT_EQ(loge_evaluate(policy, d, logement, "2025-06-30", &r, &e), LOGE_ERR_EVALUATION);
  EXPECT_EQ(r, nullptr);
  EXPECT_EQ(loge_error_location(e.e).line, 33u);
  EXPECT_GT(loge_error_location(e.e).column, 0u);
  loge_record_free(d);
}

INSTANTIATE_TEST_SUITE_P(CApi, Engines, ::testing::Values(LOGE_ENGINE_INTERPRETER, LOGE_ENGINE_JIT),
                         [](const auto& info) { return info.param == LOGE_ENGINE_JIT ? "jit" : "interp"; });

// A batch larger than the slices libloge evaluates it by (1 024 demandes):
// the four hand-worked demandes and a fifth repeated (five does not divide
// 1 024: a slice read in place of another gives other figures), so that
// every slice holds results, rule motifs and evaluation errors, at every
// position. The compiled engine must give the interpreter's JSON for every
// demande.
TEST(CApi, LargeBatchEqualsTheInterpreter) {
  std::ifstream in(dataPath("demandes.jsonl"));
  std::vector<std::string> five;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) five.push_back(line);
  ASSERT_EQ(five.size(), 4u);
  five.push_back(R"({"id": "E", "depot": "2019-02-01", "enfants": 1, "ressources": "3000", "dalo": false,)"
                 R"( "zone": "b", "personnes": [], "communes": [], "facteur": 5})");
  std::string text;
  constexpr std::size_t kCount = 2 * 1024 + 3;
  for (std::size_t i = 0; i < kCount; ++i) text += five[i % 5] + "\n";
  auto lines = [&](loge_engine engine) {
    loge_policy* policy = loadPolicy(dataPath("api-test.loge"), engine);
    std::vector<std::string> out = evaluateJsonl(policy, text, [](const loge_results* results) {
      size_t failed = 0;
      EXPECT_EQ(loge_results_failed_count(results, &failed, nullptr), LOGE_OK);
      EXPECT_EQ(failed, (kCount + 2) / 5); // C, the third of every five
    });
    loge_policy_free(policy);
    return out;
  };
  const std::vector<std::string> compiled = lines(LOGE_ENGINE_JIT);
  ASSERT_EQ(compiled.size(), kCount);
  EXPECT_EQ(compiled, lines(LOGE_ENGINE_INTERPRETER));
  // Around the slices' edges, each line is its demande's.
  for (std::size_t i : {1022u, 1023u, 1024u, 1025u, 2047u, 2048u, 2050u})
    EXPECT_NE(compiled[i].find(std::string("\"id\": \"") + "ABCDE"[i % 5] + "\""), std::string::npos) << i;
}

// LOGE_COMPILATION_QUICK and _AUTO load quick code (the policy says so),
// _OPTIMISED and the default optimised code; all give the interpreter's
// results. The interpreter has no compiled code to describe.
TEST(CApi, CompilationModes) {
  std::ifstream in(dataPath("demandes.jsonl"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto run = [&](loge_engine engine, std::optional<loge_compilation> compilation, loge_compilation* code) {
    loge_options* o = nullptr;
    EXPECT_EQ(loge_options_create(&o, nullptr), LOGE_OK);
    EXPECT_EQ(loge_options_set_engine(o, engine, nullptr), LOGE_OK);
    if (compilation) {
      EXPECT_EQ(loge_options_set_compilation(o, *compilation, nullptr), LOGE_OK);
    }
    loge_policy* policy = nullptr;
    EXPECT_EQ(loge_policy_load_file(dataPath("api-test.loge").c_str(), o, &policy, nullptr), LOGE_OK);
    loge_options_free(o);
    loge_error* e = nullptr;
    loge_status s = loge_policy_compilation(policy, code, &e);
    EXPECT_EQ(s, engine == LOGE_ENGINE_INTERPRETER ? LOGE_ERR_UNSUPPORTED : LOGE_OK) << loge_error_text(e);
    loge_error_free(e);
    std::vector<std::string> out = evaluateJsonl(policy, text);
    loge_policy_free(policy);
    return out;
  };
  loge_compilation code = LOGE_COMPILATION_AUTO;
  const std::vector<std::string> reference = run(LOGE_ENGINE_INTERPRETER, LOGE_COMPILATION_QUICK, &code);
  ASSERT_EQ(reference.size(), 4u);
  EXPECT_EQ(run(LOGE_ENGINE_JIT, std::nullopt, &code), reference);
  EXPECT_EQ(code, LOGE_COMPILATION_OPTIMISED);
  EXPECT_EQ(run(LOGE_ENGINE_JIT, LOGE_COMPILATION_QUICK, &code), reference);
  EXPECT_EQ(code, LOGE_COMPILATION_QUICK);
  EXPECT_EQ(run(LOGE_ENGINE_AUTO, LOGE_COMPILATION_AUTO, &code), reference);
  EXPECT_EQ(code, LOGE_COMPILATION_QUICK);
  EXPECT_EQ(run(LOGE_ENGINE_JIT, LOGE_COMPILATION_OPTIMISED, &code), reference);
  EXPECT_EQ(code, LOGE_COMPILATION_OPTIMISED);

  loge_options* o = nullptr;
  ASSERT_EQ(loge_options_create(&o, nullptr), LOGE_OK);
  loge_error* e = nullptr;
  EXPECT_EQ(loge_options_set_compilation(o, static_cast<loge_compilation>(3), &e), LOGE_ERR_ARGUMENT);
  EXPECT_NE(std::string(loge_error_message(e)).find("mode de compilation inconnu"), std::string::npos);
  loge_error_free(e);
  loge_options_free(o);
  EXPECT_EQ(loge_options_set_compilation(nullptr, LOGE_COMPILATION_QUICK, nullptr), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_policy_compilation(nullptr, &code, nullptr), LOGE_ERR_ARGUMENT);
}

TEST(CApi, VersionsAgree) {
  EXPECT_EQ(loge_abi_version(), static_cast<uint32_t>(LOGE_ABI_VERSION));
  EXPECT_STRNE(loge_version(), "");
  EXPECT_STREQ(loge_status_name(LOGE_ERR_DATA), "LOGE_ERR_DATA");
}

} // namespace
