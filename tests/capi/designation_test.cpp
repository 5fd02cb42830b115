// libloge: ranking, quotas and the position statement through the C API, on
// the data of tests/designation, whose every value is worked out by hand in
// tests/designation/README.md (at 2025-06-30 unless said):
//   rank, logement T3 in Valmont: B 115, A 17, G 14, P 14 (G before P by
//     id), C 12, F 12, Q 5; D outside the pool (Saint-Aubin), E refused
//     (5 people). Without attributions B, A, G are retained; with them the
//     first-quartile quota (EPCI 200000001, 2025) counts AT1, AT2, AT4: 0 of
//     3, target 25 %, 1 missing, so Q (7th) replaces G (3rd): B, A, Q.
//   quota at 2025-12-31: premier_quartile 2024/…002 0 of 1 (1 missing),
//     2025/…001 1 of 4 = 25 % reached; dalo 2024/etat 0 of 1 (target 2,
//     missing 2), 2025/action_logement no target, 2025/commune 0 of 1
//     (missing 1), 2025/etat 1 of 3 (missing 1).
//   position of P: 14 points, 2nd of 6 (A ahead, G tied, C F Q behind);
//     waiting time over AT1 AT2 AT5 AT6 AT7: 82 / 5 = 16.4 months,
//     2 562 / 5 = 512.4 days.
// The JSON, text and Markdown must be byte-identical to what the verbs print
// (tests/designation/golden, checked against the same hand-worked values).
#include "capi_support.h"

#include "loge/loge.hpp"

#include <fstream>
#include <random>
#include <sstream>

using namespace capi_test;

namespace {

std::string designationPath(const std::string& name) { return repoPath("tests/designation/" + name); }

std::string golden(const std::string& name) {
  std::ifstream in(designationPath("golden/" + name), std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The verbs ran in tests/designation with relative paths.
std::string relative(std::string text) {
  const std::string prefix = designationPath("");
  for (std::size_t at; (at = text.find(prefix)) != std::string::npos;) text.erase(at, prefix.size());
  return text;
}

class Designation : public ::testing::TestWithParam<loge_engine> {
protected:
  void SetUp() override {
    policy = loadPolicy(designationPath("data/cal.loge"), GetParam());
    ASSERT_NE(policy, nullptr);
    ErrorSlot e;
    ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, designationPath("data/logement-t3.json").c_str(),
                                         &logement, &e),
              LOGE_OK)
        << e.message();
    ASSERT_EQ(loge_batch_from_jsonl_file(policy, designationPath("data/demandes.jsonl").c_str(), &demandes, &e),
              LOGE_OK)
        << e.message();
    ASSERT_EQ(loge_batch_from_jsonl_file_for(policy, LOGE_ROLE_ATTRIBUTION,
                                             designationPath("data/attributions.jsonl").c_str(), &attributions, &e),
              LOGE_OK)
        << e.message();
  }
  void TearDown() override {
    loge_batch_free(attributions);
    loge_batch_free(demandes);
    loge_record_free(logement);
    loge_policy_free(policy);
  }

  loge_ranking* rank(const loge_record* l, const loge_batch* a) {
    loge_ranking* r = nullptr;
    ErrorSlot e;
    EXPECT_EQ(loge_rank(policy, l, demandes, a, nullptr, "2025-06-30", nullptr, &r, &e), LOGE_OK) << e.message();
    return r;
  }
  std::vector<std::string> ids(const loge_ranking* r, bool retainedOnly) {
    size_t n = 0;
    EXPECT_EQ((retainedOnly ? loge_ranking_retained_count : loge_ranking_ranked_count)(r, &n, nullptr), LOGE_OK);
    std::vector<std::string> out;
    for (size_t i = 0; i < n; ++i) {
      size_t c = 0;
      EXPECT_EQ((retainedOnly ? loge_ranking_retained : loge_ranking_ranked)(r, i, &c, nullptr), LOGE_OK);
      const char* id = nullptr;
      EXPECT_EQ(loge_ranking_candidate_id(r, c, &id, nullptr), LOGE_OK);
      out.push_back(str(id));
    }
    return out;
  }
  // The candidate with this id (demandes.jsonl order: A B C D E F G Q P).
  size_t candidate(const loge_ranking* r, const std::string& id) {
    size_t n = 0;
    EXPECT_EQ(loge_ranking_candidate_count(r, &n, nullptr), LOGE_OK);
    for (size_t i = 0; i < n; ++i) {
      const char* s = nullptr;
      EXPECT_EQ(loge_ranking_candidate_id(r, i, &s, nullptr), LOGE_OK);
      if (str(s) == id) return i;
    }
    ADD_FAILURE() << "pas de candidat " << id;
    return 0;
  }

  loge_policy* policy = nullptr;
  loge_record* logement = nullptr;
  loge_batch* demandes = nullptr;
  loge_batch* attributions = nullptr;
};

TEST_P(Designation, RankWithQuotaBehindBringsInTheFirstQuartileCandidate) {
  loge_ranking* r = rank(logement, attributions);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(ids(r, true), (std::vector<std::string>{"B", "A", "Q"}));
  EXPECT_EQ(ids(r, false), (std::vector<std::string>{"B", "A", "G", "P", "C", "F", "Q"}));
  int64_t retain = 0;
  int insufficient = 1;
  ASSERT_EQ(loge_ranking_retain(r, &retain, nullptr), LOGE_OK);
  ASSERT_EQ(loge_ranking_insufficient(r, &insufficient, nullptr), LOGE_OK);
  EXPECT_EQ(retain, 3);
  EXPECT_EQ(insufficient, 0);

  loge_candidate_status st = LOGE_CANDIDATE_RETAINED;
  size_t rankOf = 99;
  ASSERT_EQ(loge_ranking_candidate_status(r, candidate(r, "D"), &st, nullptr), LOGE_OK);
  EXPECT_EQ(st, LOGE_CANDIDATE_OUTSIDE_POOL);
  ASSERT_EQ(loge_ranking_candidate_rank(r, candidate(r, "D"), &rankOf, nullptr), LOGE_OK);
  EXPECT_EQ(rankOf, 0u);
  ASSERT_EQ(loge_ranking_candidate_status(r, candidate(r, "E"), &st, nullptr), LOGE_OK);
  EXPECT_EQ(st, LOGE_CANDIDATE_INELIGIBLE);
  ASSERT_EQ(loge_ranking_candidate_status(r, candidate(r, "G"), &st, nullptr), LOGE_OK);
  EXPECT_EQ(st, LOGE_CANDIDATE_NOT_RETAINED);
  ASSERT_EQ(loge_ranking_candidate_rank(r, candidate(r, "Q"), &rankOf, nullptr), LOGE_OK);
  EXPECT_EQ(rankOf, 7u);

  const char* text = nullptr;
  ASSERT_EQ(loge_ranking_candidate_explanation(r, candidate(r, "Q"), &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), "retenu : 7e du classement, retenu par la clause « Au moins un candidat du premier quartile "
                       "quand le quota est en retard » à la place de G\n"
                       "principale = 5 points ; demande.date_depot = 20 janvier 2025\n"
                       "cotation « Grille de cotation de Valmont » : 5 points — Ancienneté de la demande : 5 points\n");
  ASSERT_EQ(loge_ranking_candidate_explanation(r, candidate(r, "P"), &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text),
            "classé, non retenu : 4e du classement\n"
            "principale = 14 points ; demande.date_depot = 10 avril 2024 (à égalité avec G sur toutes les "
            "clés : départagés par le numéro de demande)\n"
            "cotation « Grille de cotation de Valmont » : 14 points — Ancienneté de la demande : 14 points\n");
  ASSERT_EQ(loge_ranking_candidate_explanation(r, candidate(r, "E"), &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), "non éligible : refus typologie.taille (Logement trop petit pour 5 personnes)\n");
  ASSERT_EQ(loge_ranking_candidate_explanation(r, candidate(r, "D"), &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), "hors du classement : la condition de `candidats éligibles où …` n'est pas remplie\n");

  // The candidates' own results: B = DALO 100 + 15 months.
  const loge_result* b = nullptr;
  ASSERT_EQ(loge_ranking_candidate_result(r, candidate(r, "B"), &b, nullptr), LOGE_OK);
  const char* points = nullptr;
  ASSERT_EQ(loge_result_total(b, 0, &points, nullptr), LOGE_OK);
  EXPECT_EQ(str(points), "115");
  ASSERT_EQ(loge_result_criterion_points(b, 0, 0, &points, nullptr), LOGE_OK);
  EXPECT_EQ(str(points), "100");
  const loge_result* e = nullptr;
  ASSERT_EQ(loge_ranking_candidate_result(r, candidate(r, "E"), &e, nullptr), LOGE_OK);
  size_t refusals = 0, rule = 9;
  ASSERT_EQ(loge_result_refusal_count(e, &refusals, nullptr), LOGE_OK);
  ASSERT_EQ(refusals, 1u);
  ASSERT_EQ(loge_result_refusal(e, 0, &rule, nullptr), LOGE_OK);
  ASSERT_EQ(loge_result_rule_motif(e, rule, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), "Logement trop petit pour 5 personnes");
  loge_result_free(const_cast<loge_result*>(e)); // owned by the ranking: does nothing

  // The clause that shaped the list, and the quota behind it.
  size_t clauses = 0, insertions = 0, inserted = 0, replaced = 0, quotas = 0, quota = 9;
  ASSERT_EQ(loge_ranking_clause_count(r, &clauses, nullptr), LOGE_OK);
  ASSERT_EQ(clauses, 1u);
  int applied = 0;
  int64_t minimum = 0, met = 0;
  ASSERT_EQ(loge_ranking_clause_applied(r, 0, &applied, nullptr), LOGE_OK);
  ASSERT_EQ(loge_ranking_clause_minimum(r, 0, &minimum, nullptr), LOGE_OK);
  ASSERT_EQ(loge_ranking_clause_met(r, 0, &met, nullptr), LOGE_OK);
  EXPECT_EQ(applied, 1);
  EXPECT_EQ(minimum, 1);
  EXPECT_EQ(met, 1);
  ASSERT_EQ(loge_ranking_clause_insertion_count(r, 0, &insertions, nullptr), LOGE_OK);
  ASSERT_EQ(insertions, 1u);
  ASSERT_EQ(loge_ranking_clause_insertion(r, 0, 0, &inserted, &replaced, nullptr), LOGE_OK);
  EXPECT_EQ(inserted, candidate(r, "Q"));
  EXPECT_EQ(replaced, candidate(r, "G"));
  ASSERT_EQ(loge_ranking_clause_quota_count(r, 0, &quotas, nullptr), LOGE_OK);
  ASSERT_EQ(quotas, 1u);
  const loge_quota_group* g = nullptr;
  ASSERT_EQ(loge_ranking_clause_quota(r, 0, 0, &quota, &g, nullptr), LOGE_OK);
  ASSERT_EQ(loge_policy_quota_name(policy, quota, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), "premier_quartile");
  ASSERT_NE(g, nullptr);
  int64_t counted = 0, qualifying = 9, missing = 0;
  loge_quota_status qs = LOGE_QUOTA_REACHED;
  ASSERT_EQ(loge_quota_group_counted(g, &counted, nullptr), LOGE_OK);
  ASSERT_EQ(loge_quota_group_qualifying(g, &qualifying, nullptr), LOGE_OK);
  ASSERT_EQ(loge_quota_group_missing(g, &missing, nullptr), LOGE_OK);
  ASSERT_EQ(loge_quota_group_status(g, &qs, nullptr), LOGE_OK);
  EXPECT_EQ(counted, 3);
  EXPECT_EQ(qualifying, 0);
  EXPECT_EQ(missing, 1);
  EXPECT_EQ(qs, LOGE_QUOTA_BEHIND);
  ASSERT_EQ(loge_quota_group_target(g, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), "0.25");
  ASSERT_EQ(loge_quota_group_share(g, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), "0");
  ASSERT_EQ(loge_ranking_clause_explanation(r, 0, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), "Clause « Au moins un candidat du premier quartile quand le quota est en retard » : s'applique "
                       "et a modifié la liste (1 retenu la remplit, pour 1 exigé)\n"
                       "  Q (7e du classement) est retenu à la place de G (3e du classement)\n"
                       "  quota « Attributions hors QPV au premier quartile » (premier_quartile) [CCH L441-1], période "
                       "2025 (epci = 200000001) : 0 sur 3 attributions remplissent la condition (0 %) ; cible au moins "
                       "25 % ; en retard : il en manque 1\n");

  // The same JSON and text as `loge rank`.
  ASSERT_EQ(loge_ranking_json(r, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), golden("rank-t3-quota-json.out"));
  ASSERT_EQ(loge_ranking_text(r, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), golden("rank-t3-quota.out"));
  loge_ranking_free(r);
}

TEST_P(Designation, RankWithoutAttributionsFollowsTheCotation) {
  loge_ranking* r = rank(logement, nullptr);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(ids(r, true), (std::vector<std::string>{"B", "A", "G"}));
  int applied = 1;
  size_t quota = 9;
  const loge_quota_group* g = reinterpret_cast<const loge_quota_group*>(1);
  ASSERT_EQ(loge_ranking_clause_applied(r, 0, &applied, nullptr), LOGE_OK);
  EXPECT_EQ(applied, 0);
  ASSERT_EQ(loge_ranking_clause_quota(r, 0, 0, &quota, &g, nullptr), LOGE_OK);
  EXPECT_EQ(g, nullptr); // no attribution: the group is empty
  const char* text = nullptr;
  ASSERT_EQ(loge_ranking_text(r, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), golden("rank-t3.out"));
  loge_ranking_free(r);
}

TEST_P(Designation, RankPrefectoralAndInsufficient) {
  ErrorSlot e;
  loge_record* prefet = nullptr;
  loge_record* saintAubin = nullptr;
  ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, designationPath("data/logement-prefet.json").c_str(),
                                       &prefet, &e),
            LOGE_OK);
  ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT,
                                       designationPath("data/logement-saint-aubin.json").c_str(), &saintAubin, &e),
            LOGE_OK);
  loge_ranking* r = rank(prefet, nullptr);
  ASSERT_NE(r, nullptr);
  int64_t retain = 0;
  ASSERT_EQ(loge_ranking_retain(r, &retain, nullptr), LOGE_OK);
  EXPECT_EQ(retain, 1);
  EXPECT_EQ(ids(r, true), (std::vector<std::string>{"B"}));
  const char* text = nullptr;
  ASSERT_EQ(loge_ranking_text(r, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), golden("rank-prefet.out"));
  loge_ranking_free(r);

  r = rank(saintAubin, nullptr);
  ASSERT_NE(r, nullptr);
  int insufficient = 0;
  ASSERT_EQ(loge_ranking_insufficient(r, &insufficient, nullptr), LOGE_OK);
  EXPECT_EQ(insufficient, 1);
  EXPECT_EQ(ids(r, true), (std::vector<std::string>{"D"}));
  ASSERT_EQ(loge_ranking_json(r, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), golden("rank-insuffisant.out"));
  loge_ranking_free(r);
  loge_record_free(prefet);
  loge_record_free(saintAubin);
}

TEST_P(Designation, CandidatesThatFailAreSetAside) {
  // bad/division.loge divides by (nb_personnes − 2): A D F G P Q fail; B
  // 127, C 0; E still refused.
  loge_policy* p = loadPolicy(designationPath("data/bad/division.loge"), GetParam());
  ASSERT_NE(p, nullptr);
  loge_record* l = nullptr;
  loge_batch* d = nullptr;
  ASSERT_EQ(
      loge_record_from_json_file(p, LOGE_ROLE_LOGEMENT, designationPath("data/logement-t3.json").c_str(), &l, nullptr),
      LOGE_OK);
  ASSERT_EQ(loge_batch_from_jsonl_file(p, designationPath("data/demandes.jsonl").c_str(), &d, nullptr), LOGE_OK);
  loge_ranking* r = nullptr;
  ErrorSlot e;
  ASSERT_EQ(loge_rank(p, l, d, nullptr, nullptr, "2025-06-30", nullptr, &r, &e), LOGE_OK) << e.message();
  size_t failed = 0;
  ASSERT_EQ(loge_ranking_failed_count(r, &failed, nullptr), LOGE_OK);
  EXPECT_EQ(failed, 6u);
  EXPECT_EQ(ids(r, true), (std::vector<std::string>{"B", "C"}));
  const loge_result* a = nullptr;
  const loge_error* why = nullptr;
  ASSERT_EQ(loge_ranking_candidate_result(r, 0, &a, nullptr), LOGE_OK);
  ASSERT_EQ(loge_result_error(a, &why, nullptr), LOGE_OK);
  ASSERT_NE(why, nullptr);
  EXPECT_EQ(loge_error_status(why), LOGE_ERR_EVALUATION);
  EXPECT_NE(str(loge_error_location(why).file).find("division.loge"), std::string::npos);
  EXPECT_GT(loge_error_location(why).line, 0u);
  const char* points = nullptr;
  EXPECT_EQ(loge_result_total(a, 0, &points, nullptr), LOGE_ERR_EVALUATION);
  const char* text = nullptr;
  ASSERT_EQ(loge_ranking_text(r, &text, nullptr), LOGE_OK);
  EXPECT_EQ(relative(str(text)), golden("err-candidats-en-erreur.out"));
  loge_ranking_free(r);
  loge_batch_free(d);
  loge_record_free(l);
  loge_policy_free(p);
}

TEST_P(Designation, QuotasPerPeriodAndScope) {
  loge_quota_report* q = nullptr;
  ErrorSlot e;
  ASSERT_EQ(loge_quotas(policy, attributions, "2025-12-31", nullptr, &q, &e), LOGE_OK) << e.message();
  struct Expected {
    const char* quota;
    const char* period;
    const char* key;
    const char* value;
    int64_t counted, qualifying;
    const char* share;
    const char* target;
    int64_t missing;
    loge_quota_status status;
  };
  const Expected expected[] = {
      {"premier_quartile", "2024", "epci", "200000002", 1, 0, "0", "0.25", 1, LOGE_QUOTA_BEHIND},
      {"premier_quartile", "2025", "epci", "200000001", 4, 1, "0.25", "0.25", 0, LOGE_QUOTA_REACHED},
      {"dalo", "2024", "reservataire", "etat", 1, 0, "0", "2", 2, LOGE_QUOTA_BEHIND},
      {"dalo", "2025", "reservataire", "action_logement", 1, 0, "0", "", -1, LOGE_QUOTA_NO_TARGET},
      {"dalo", "2025", "reservataire", "commune", 1, 0, "0", "1", 1, LOGE_QUOTA_BEHIND},
      {"dalo", "2025", "reservataire", "etat", 3, 1, "0.333333333333333333", "2", 1, LOGE_QUOTA_BEHIND},
  };
  size_t n = 0;
  ASSERT_EQ(loge_quota_report_group_count(q, &n, nullptr), LOGE_OK);
  ASSERT_EQ(n, std::size(expected));
  for (size_t i = 0; i < n; ++i) {
    const Expected& x = expected[i];
    const loge_quota_group* g = nullptr;
    ASSERT_EQ(loge_quota_report_group(q, i, &g, nullptr), LOGE_OK);
    size_t quota = 0, keys = 0;
    const char* s = nullptr;
    const char* v = nullptr;
    int64_t counted = 0, qualifying = 0, missing = 0;
    loge_quota_status status = LOGE_QUOTA_REACHED;
    ASSERT_EQ(loge_quota_group_quota(g, &quota, nullptr), LOGE_OK);
    ASSERT_EQ(loge_policy_quota_name(policy, quota, &s, nullptr), LOGE_OK);
    EXPECT_EQ(str(s), x.quota) << i;
    ASSERT_EQ(loge_quota_group_period(g, &s, nullptr), LOGE_OK);
    EXPECT_EQ(str(s), x.period) << i;
    ASSERT_EQ(loge_quota_group_key_count(g, &keys, nullptr), LOGE_OK);
    ASSERT_EQ(keys, 1u);
    ASSERT_EQ(loge_quota_group_key(g, 0, &s, &v, nullptr), LOGE_OK);
    EXPECT_EQ(str(s), x.key) << i;
    EXPECT_EQ(str(v), x.value) << i;
    ASSERT_EQ(loge_quota_group_counted(g, &counted, nullptr), LOGE_OK);
    ASSERT_EQ(loge_quota_group_qualifying(g, &qualifying, nullptr), LOGE_OK);
    ASSERT_EQ(loge_quota_group_missing(g, &missing, nullptr), LOGE_OK);
    ASSERT_EQ(loge_quota_group_status(g, &status, nullptr), LOGE_OK);
    EXPECT_EQ(counted, x.counted) << i;
    EXPECT_EQ(qualifying, x.qualifying) << i;
    EXPECT_EQ(missing, x.missing) << i;
    EXPECT_EQ(status, x.status) << i;
    ASSERT_EQ(loge_quota_group_share(g, &s, nullptr), LOGE_OK);
    EXPECT_EQ(str(s), x.share) << i;
    ASSERT_EQ(loge_quota_group_target(g, &s, nullptr), LOGE_OK);
    EXPECT_EQ(str(s), x.target) << i;
  }
  const char* text = nullptr;
  ASSERT_EQ(loge_quota_report_markdown(q, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), golden("quota.out"));
  loge_quota_report_free(q);

  // One year, then a year without attributions.
  loge_designation_options* o = nullptr;
  ASSERT_EQ(loge_designation_options_create(&o, nullptr), LOGE_OK);
  ASSERT_EQ(loge_designation_options_set_period(o, "2024", nullptr), LOGE_OK);
  ASSERT_EQ(loge_quotas(policy, attributions, "2025-12-31", o, &q, nullptr), LOGE_OK);
  ASSERT_EQ(loge_quota_report_group_count(q, &n, nullptr), LOGE_OK);
  EXPECT_EQ(n, 2u);
  ASSERT_EQ(loge_quota_report_json(q, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), golden("quota-2024-json.out"));
  loge_quota_report_free(q);
  // Before the policy's vigueur: the library reports it empty, saying why
  // (`loge quota` refuses such a period as a likely typo).
  ASSERT_EQ(loge_designation_options_set_period(o, "2023", nullptr), LOGE_OK);
  ASSERT_EQ(loge_quotas(policy, attributions, "2025-12-31", o, &q, nullptr), LOGE_OK);
  ASSERT_EQ(loge_quota_report_group_count(q, &n, nullptr), LOGE_OK);
  EXPECT_EQ(n, 0u);
  ASSERT_EQ(loge_quota_report_markdown(q, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), golden("quota-2023.out"));
  loge_quota_report_free(q);
  loge_designation_options_free(o);
}

TEST_P(Designation, PositionStatement) {
  loge_record* p = nullptr;
  ErrorSlot e;
  ASSERT_EQ(
      loge_record_from_json_file(policy, LOGE_ROLE_DEMANDE, designationPath("data/demande-p.json").c_str(), &p, &e),
      LOGE_OK);
  loge_statement* s = nullptr;
  ASSERT_EQ(loge_position(policy, p, demandes, attributions, "2025-06-30", nullptr, &s, &e), LOGE_OK) << e.message();
  const char* text = nullptr;
  size_t cotation = 9, rank = 0, outOf = 0, ahead = 0, tied = 0, behind = 0, measured = 0, failed = 9;
  ASSERT_EQ(loge_statement_cotation(s, &cotation, nullptr), LOGE_OK);
  EXPECT_EQ(cotation, 0u);
  ASSERT_EQ(loge_statement_note(s, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), "14");
  ASSERT_EQ(loge_statement_position(s, &rank, &outOf, nullptr), LOGE_OK);
  EXPECT_EQ(rank, 2u);
  EXPECT_EQ(outOf, 6u);
  ASSERT_EQ(loge_statement_neighbours(s, &ahead, &tied, &behind, nullptr), LOGE_OK);
  EXPECT_EQ(ahead, 1u);
  EXPECT_EQ(tied, 1u);
  EXPECT_EQ(behind, 3u);
  const char* months = nullptr;
  const char* days = nullptr;
  ASSERT_EQ(loge_statement_waiting_time(s, &months, &days, &measured, nullptr), LOGE_OK);
  EXPECT_EQ(str(months), "16.4");
  EXPECT_EQ(str(days), "512.4");
  EXPECT_EQ(measured, 5u);
  ASSERT_EQ(loge_statement_failed_count(s, &failed, nullptr), LOGE_OK);
  EXPECT_EQ(failed, 0u);
  const loge_result* r = nullptr;
  ASSERT_EQ(loge_statement_result(s, &r, nullptr), LOGE_OK);
  ASSERT_EQ(loge_result_criterion_points(r, 0, 1, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), "14");
  ASSERT_EQ(loge_statement_json(s, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), golden("position-json.out"));
  ASSERT_EQ(loge_statement_text(s, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), golden("position.out"));
  loge_statement_free(s);

  // Without attributions: no waiting time.
  ASSERT_EQ(loge_position(policy, p, demandes, nullptr, "2025-06-30", nullptr, &s, &e), LOGE_OK) << e.message();
  ASSERT_EQ(loge_statement_waiting_time(s, &months, &days, &measured, nullptr), LOGE_OK);
  EXPECT_EQ(str(months), "");
  EXPECT_EQ(measured, 0u);
  ASSERT_EQ(loge_statement_text(s, &text, nullptr), LOGE_OK);
  EXPECT_EQ(str(text), golden("position-sans-attributions.out"));
  loge_statement_free(s);
  loge_record_free(p);
}

TEST_P(Designation, CppWrapper) {
  loge::Policy p = loge::Policy::loadFile(designationPath("data/cal.loge"), GetParam());
  loge::Record l = loge::Record::fromJsonFile(p, LOGE_ROLE_LOGEMENT, designationPath("data/logement-t3.json"));
  loge::Batch d = loge::Batch::fromJsonLinesFile(p, designationPath("data/demandes.jsonl"));
  loge::Batch a =
      loge::Batch::fromJsonLinesFileFor(p, LOGE_ROLE_ATTRIBUTION, designationPath("data/attributions.jsonl"));
  EXPECT_EQ(a.role(), LOGE_ROLE_ATTRIBUTION);
  loge::Ranking r = p.rank(l, d, &a, "2025-06-30");
  std::vector<std::string> retained;
  for (std::size_t c : r.retained()) retained.push_back(r.id(c));
  EXPECT_EQ(retained, (std::vector<std::string>{"B", "A", "Q"}));
  EXPECT_EQ(r.result(r.retained()[0]).total(), "115");
  auto quotas = r.clauseQuotas(0);
  ASSERT_EQ(quotas.size(), 1u);
  EXPECT_EQ(p.quotaName(quotas[0].first), "premier_quartile");
  EXPECT_EQ(loge::QuotaGroup(quotas[0].second).missing(), 1);
  EXPECT_EQ(r.clauseInsertions(0).size(), 1u);

  loge::DesignationOptions o;
  o.period("2025");
  loge::QuotaReport q = p.quotas(a, "2025-12-31", &o);
  ASSERT_EQ(q.groups().size(), 4u);
  EXPECT_EQ(q.groups()[0].share(), "0.25");
  EXPECT_EQ(q.groups()[0].keys(), (std::vector<std::pair<std::string, std::string>>{{"epci", "200000001"}}));

  loge::Record pd = loge::Record::fromJsonFile(p, LOGE_ROLE_DEMANDE, designationPath("data/demande-p.json"));
  loge::Statement s = p.position(pd, d, &a, "2025-06-30");
  EXPECT_EQ(s.note(), "14");
  EXPECT_EQ(s.rank(), 2u);
  EXPECT_EQ(s.outOf(), 6u);
  EXPECT_EQ(s.waitingMonths(), "16.4");

  try {
    o.classement("cal");
    p.rank(l, d, nullptr, "2025-06-30", &o);
    FAIL() << "classement inconnu accepté";
  } catch (const loge::Error& e) {
    EXPECT_EQ(e.status(), LOGE_ERR_ARGUMENT);
    EXPECT_STREQ(e.what(), "classement inconnu « cal » (la politique déclare : designation)");
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, Designation, ::testing::Values(LOGE_ENGINE_JIT, LOGE_ENGINE_INTERPRETER),
                         [](const auto& info) { return info.param == LOGE_ENGINE_JIT ? "jit" : "interpreter"; });

// Bad inputs: a clear error, never a crash.
class DesignationErrors : public ::testing::Test {
protected:
  void SetUp() override {
    policy = loadPolicy(designationPath("data/cal.loge"), LOGE_ENGINE_INTERPRETER);
    ASSERT_NE(policy, nullptr);
    ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, designationPath("data/logement-t3.json").c_str(),
                                         &logement, nullptr),
              LOGE_OK);
    ASSERT_EQ(loge_batch_from_jsonl_file(policy, designationPath("data/demandes.jsonl").c_str(), &demandes, nullptr),
              LOGE_OK);
  }
  void TearDown() override {
    loge_batch_free(demandes);
    loge_record_free(logement);
    loge_policy_free(policy);
  }
  loge_status rank(const loge_policy* p, const loge_record* l, const loge_batch* d, const loge_batch* a,
                   const char* date, const loge_designation_options* o, ErrorSlot& e) {
    loge_ranking* r = nullptr;
    loge_status s = loge_rank(p, l, d, a, nullptr, date, o, &r, &e);
    EXPECT_EQ(r, nullptr);
    loge_ranking_free(r);
    return s;
  }
  loge_policy* policy = nullptr;
  loge_record* logement = nullptr;
  loge_batch* demandes = nullptr;
};

TEST_F(DesignationErrors, HandlesOfTheWrongKindOrNull) {
  ErrorSlot e;
  EXPECT_EQ(rank(nullptr, logement, demandes, nullptr, "2025-06-30", nullptr, e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(), "argument `policy` : pointeur nul");
  EXPECT_EQ(rank(policy, nullptr, demandes, nullptr, "2025-06-30", nullptr, e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(rank(policy, logement, nullptr, nullptr, "2025-06-30", nullptr, e), LOGE_ERR_ARGUMENT);
  // A batch where a record is expected, a record where a batch is.
  EXPECT_EQ(rank(policy, reinterpret_cast<const loge_record*>(demandes), demandes, nullptr, "2025-06-30", nullptr, e),
            LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(), "argument `logement` : ce n'est pas un objet du bon type (objet invalide ou déjà libéré)");
  EXPECT_EQ(rank(policy, logement, demandes, nullptr, "2025-06-30",
                 reinterpret_cast<const loge_designation_options*>(logement), e),
            LOGE_ERR_ARGUMENT);
  // A demande where the logement is expected; demandes as attributions.
  loge_record* d = nullptr;
  ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_DEMANDE, designationPath("data/demande-p.json").c_str(), &d,
                                       nullptr),
            LOGE_OK);
  EXPECT_EQ(rank(policy, d, demandes, nullptr, "2025-06-30", nullptr, e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(),
            "argument `logement` : attendu un enregistrement `logement`, reçu un enregistrement `demande`");
  EXPECT_EQ(rank(policy, logement, demandes, demandes, "2025-06-30", nullptr, e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(), "argument `attributions` : attendu un lot d'enregistrements `attribution`, reçu un lot "
                         "`demande`");
  loge_statement* s = nullptr;
  EXPECT_EQ(loge_position(policy, logement, demandes, nullptr, "2025-06-30", nullptr, &s, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_position(policy, d, demandes, nullptr, "2025-06-30", nullptr, nullptr, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(), "argument `out` : pointeur nul");
  loge_quota_report* q = nullptr;
  EXPECT_EQ(loge_quotas(policy, nullptr, "2025-06-30", nullptr, &q, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_quotas(policy, demandes, "2025-06-30", nullptr, &q, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(q, nullptr);
  loge_record_free(d);

  // Accessors: null handles, indices out of range, a freed report.
  size_t n = 0;
  const char* text = nullptr;
  EXPECT_EQ(loge_ranking_candidate_count(nullptr, &n, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_quota_report_group_count(nullptr, &n, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_statement_note(nullptr, &text, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_quota_group_period(nullptr, &text, &e), LOGE_ERR_ARGUMENT);
  loge_ranking* r = nullptr;
  ASSERT_EQ(loge_rank(policy, logement, demandes, nullptr, nullptr, "2025-06-30", nullptr, &r, nullptr), LOGE_OK);
  EXPECT_EQ(loge_ranking_candidate_id(r, 9, &text, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(), "candidat n° 9 : hors limites (il y en a 9)");
  EXPECT_EQ(loge_ranking_clause_label(r, 1, &text, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_ranking_candidate_id(r, 0, nullptr, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_quota_group_period(reinterpret_cast<const loge_quota_group*>(r), &text, &e), LOGE_ERR_ARGUMENT);
  loge_ranking_free(r);
  loge_ranking_free(nullptr);
  loge_quota_report_free(nullptr);
  loge_statement_free(nullptr);
  loge_designation_options_free(nullptr);
}

TEST_F(DesignationErrors, DeclarationsAndOptions) {
  ErrorSlot e;
  loge_designation_options* o = nullptr;
  ASSERT_EQ(loge_designation_options_create(&o, nullptr), LOGE_OK);
  ASSERT_EQ(loge_designation_options_set_classement(o, "cal", nullptr), LOGE_OK);
  EXPECT_EQ(rank(policy, logement, demandes, nullptr, "2025-06-30", o, e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(), "classement inconnu « cal » (la politique déclare : designation)");
  ASSERT_EQ(loge_designation_options_set_classement(o, "désignation", nullptr), LOGE_OK); // accents optional
  loge_ranking* r = nullptr;
  EXPECT_EQ(loge_rank(policy, logement, demandes, nullptr, nullptr, "2025-06-30", o, &r, &e), LOGE_OK) << e.message();
  loge_ranking_free(r);
  EXPECT_EQ(loge_designation_options_set_period(o, "2025-S3", &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(), "période invalide « 2025-S3 » (attendu une année 2025, un semestre 2025-S1, un trimestre "
                         "2025-T3 ou un mois 2025-06)");
  EXPECT_EQ(loge_designation_options_set_cotation(nullptr, "x", &e), LOGE_ERR_ARGUMENT);
  ASSERT_EQ(loge_designation_options_set_similarity(o, "inconnue", nullptr), LOGE_OK);
  loge_record* p = nullptr;
  ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_DEMANDE, designationPath("data/demande-p.json").c_str(), &p,
                                       nullptr),
            LOGE_OK);
  loge_statement* s = nullptr;
  EXPECT_EQ(loge_position(policy, p, demandes, nullptr, "2025-06-30", o, &s, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(), "similarité inconnue « inconnue » (la politique déclare : comparables)");
  loge_designation_options_free(o);

  // Dates.
  EXPECT_EQ(rank(policy, logement, demandes, nullptr, "2023-12-31", nullptr, e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(), "la date d'évaluation 2023-12-31 est hors de la période de vigueur de la politique (du "
                         "2024-01-01)");
  EXPECT_EQ(rank(policy, logement, demandes, nullptr, "2025-02-30", nullptr, e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(rank(policy, logement, demandes, nullptr, nullptr, nullptr, e), LOGE_ERR_ARGUMENT);

  // A policy without classement, quota or similarité.
  loge_policy* bare = loadPolicy(designationPath("data/bad/sans-classement.loge"), LOGE_ENGINE_INTERPRETER);
  ASSERT_NE(bare, nullptr);
  loge_record* l = nullptr;
  loge_batch* d = nullptr;
  loge_batch* a = nullptr;
  loge_record* pd = nullptr;
  ASSERT_EQ(loge_record_from_json_file(bare, LOGE_ROLE_LOGEMENT, designationPath("data/logement-t3.json").c_str(), &l,
                                       nullptr),
            LOGE_OK);
  ASSERT_EQ(loge_batch_from_jsonl_file(bare, designationPath("data/demandes.jsonl").c_str(), &d, nullptr), LOGE_OK);
  ASSERT_EQ(
      loge_record_from_json_file(bare, LOGE_ROLE_DEMANDE, designationPath("data/demande-p.json").c_str(), &pd, nullptr),
      LOGE_OK);
  ASSERT_EQ(loge_batch_from_jsonl_file_for(bare, LOGE_ROLE_ATTRIBUTION,
                                           designationPath("data/attributions.jsonl").c_str(), &a, nullptr),
            LOGE_OK);
  EXPECT_EQ(rank(bare, l, d, nullptr, "2025-06-30", nullptr, e), LOGE_ERR_UNSUPPORTED);
  EXPECT_EQ(e.message(), "la politique ne déclare aucun classement");
  loge_quota_report* q = nullptr;
  EXPECT_EQ(loge_quotas(bare, a, "2025-06-30", nullptr, &q, &e), LOGE_ERR_UNSUPPORTED);
  EXPECT_EQ(e.message(), "la politique ne déclare aucun quota");
  EXPECT_EQ(loge_position(bare, pd, d, nullptr, "2025-06-30", nullptr, &s, &e), LOGE_ERR_UNSUPPORTED);
  EXPECT_EQ(e.message().rfind("la politique ne déclare aucune similarité", 0), 0u) << e.message();
  loge_batch_free(a);
  loge_batch_free(d);
  loge_record_free(l);
  loge_record_free(pd);
  loge_policy_free(bare);

  // No attribution schema: no attribution batch.
  loge_policy* noAttr = loadPolicy(designationPath("data/bad/sans-attribution.loge"), LOGE_ENGINE_INTERPRETER);
  ASSERT_NE(noAttr, nullptr);
  // What the policy does not declare is unsupported, as for the designation
  // functions (docs/embedding.md, the status table).
  EXPECT_EQ(loge_batch_create_for(noAttr, LOGE_ROLE_ATTRIBUTION, &a, &e), LOGE_ERR_UNSUPPORTED);
  EXPECT_EQ(e.message(), "la politique ne déclare pas de schéma pour `attribution`");
  loge_record* rec = nullptr;
  EXPECT_EQ(loge_record_create(noAttr, LOGE_ROLE_ATTRIBUTION, &rec, &e), LOGE_ERR_UNSUPPORTED);
  EXPECT_EQ(rec, nullptr);
  EXPECT_EQ(loge_batch_create_for(noAttr, static_cast<loge_role>(7), &a, &e), LOGE_ERR_ARGUMENT);
  loge_policy_free(noAttr);
  loge_record_free(p);
}

TEST_F(DesignationErrors, BadAttributions) {
  ErrorSlot e;
  loge_batch* a = nullptr;
  // Malformed JSON, a record that does not match the schema: data errors
  // with the line and the field.
  const std::string garbage = "{\"id\": \"AT1\", \"demande\": {\n{pas du json";
  EXPECT_EQ(loge_batch_from_jsonl_for(policy, LOGE_ROLE_ATTRIBUTION, garbage.data(), garbage.size(), &a, &e),
            LOGE_ERR_DATA);
  EXPECT_EQ(a, nullptr);
  EXPECT_EQ(loge_error_location(e.e).line, 1u);
  ASSERT_EQ(loge_batch_from_jsonl_file_for(policy, LOGE_ROLE_ATTRIBUTION,
                                           designationPath("data/bad/attribution-incomplete.jsonl").c_str(), &a, &e),
            LOGE_ERR_DATA);
  EXPECT_EQ(e.message(), "champ obligatoire absent");
  EXPECT_EQ(str(loge_error_field(e.e)), "reservataire");
  EXPECT_EQ(loge_batch_from_jsonl_file_for(policy, LOGE_ROLE_ATTRIBUTION, "/nonexistent/a.jsonl", &a, &e), LOGE_ERR_IO);

  // The same attribution twice.
  ASSERT_EQ(loge_batch_from_jsonl_file_for(policy, LOGE_ROLE_ATTRIBUTION,
                                           designationPath("data/bad/attributions-doubles.jsonl").c_str(), &a, &e),
            LOGE_OK)
      << e.message();
  loge_quota_report* q = nullptr;
  EXPECT_EQ(loge_quotas(policy, a, "2025-06-30", nullptr, &q, &e), LOGE_ERR_DATA);
  EXPECT_EQ(e.message(), "l'attribution « AT1 » figure deux fois (enregistrements n° 1 et n° 2)");
  EXPECT_EQ(rank(policy, logement, demandes, a, "2025-06-30", nullptr, e), LOGE_ERR_DATA);
  loge_batch_free(a);

  // The same demande twice among the candidates, or among the demandes of
  // a statement: refused as `loge rank` and `loge position` refuse the file
  // (it was ranked, and retained, twice).
  loge_batch* twice = nullptr;
  ASSERT_EQ(loge_batch_from_jsonl_file(policy, designationPath("data/bad/demandes-doubles.jsonl").c_str(), &twice, &e),
            LOGE_OK)
      << e.message();
  EXPECT_EQ(rank(policy, logement, twice, nullptr, "2025-06-30", nullptr, e), LOGE_ERR_DATA);
  EXPECT_EQ(e.message().rfind("la demande « ", 0), 0u) << e.message();
  EXPECT_NE(e.message().find("figure deux fois"), std::string::npos) << e.message();
  loge_record* one = nullptr;
  ASSERT_EQ(
      loge_record_from_json_file(policy, LOGE_ROLE_DEMANDE, designationPath("data/demande-p.json").c_str(), &one, &e),
      LOGE_OK);
  loge_statement* st = nullptr;
  EXPECT_EQ(loge_position(policy, one, twice, nullptr, "2025-06-30", nullptr, &st, &e), LOGE_ERR_DATA);
  EXPECT_EQ(st, nullptr);
  loge_record_free(one);
  loge_batch_free(twice);

  // Built one by one: only attributions go into an attribution batch.
  ASSERT_EQ(loge_batch_create_for(policy, LOGE_ROLE_ATTRIBUTION, &a, nullptr), LOGE_OK);
  loge_role role = LOGE_ROLE_DEMANDE;
  ASSERT_EQ(loge_batch_role(a, &role, nullptr), LOGE_OK);
  EXPECT_EQ(role, LOGE_ROLE_ATTRIBUTION);
  loge_record* d = nullptr;
  ASSERT_EQ(loge_record_create(policy, LOGE_ROLE_DEMANDE, &d, nullptr), LOGE_OK);
  EXPECT_EQ(loge_batch_add(a, d, &e), LOGE_ERR_ARGUMENT);
  loge_record* at = nullptr;
  ASSERT_EQ(loge_record_create(policy, LOGE_ROLE_ATTRIBUTION, &at, nullptr), LOGE_OK);
  ASSERT_EQ(loge_record_set_text(at, "id", "AT9", nullptr), LOGE_OK);
  EXPECT_EQ(loge_batch_add(a, at, &e), LOGE_ERR_DATA); // demande and logement missing
  EXPECT_EQ(str(loge_error_field(e.e)), "demande");
  auto text = [&](const char* path, const char* v) { ASSERT_EQ(loge_record_set_text(at, path, v, nullptr), LOGE_OK); };
  auto integer = [&](const char* path, int64_t v) { ASSERT_EQ(loge_record_set_int(at, path, v, nullptr), LOGE_OK); };
  auto boolean = [&](const char* path, int v) { ASSERT_EQ(loge_record_set_bool(at, path, v, nullptr), LOGE_OK); };
  text("demande.id", "X9");
  ASSERT_EQ(loge_record_set_date(at, "demande.date_depot", "2024-01-01", nullptr), LOGE_OK);
  integer("demande.typologie", 3);
  text("demande.commune", "Valmont");
  integer("demande.nb_personnes", 2);
  ASSERT_EQ(loge_record_set_decimal(at, "demande.revenu", "8000", nullptr), LOGE_OK);
  boolean("demande.dalo", 0);
  text("logement.id", "L9");
  integer("logement.typologie", 3);
  text("logement.commune", "Valmont");
  text("logement.epci", "200000001");
  boolean("logement.qpv", 0);
  boolean("logement.designation_prefet", 0);
  ASSERT_EQ(loge_record_set_date(at, "date_commission", "2025-02-01", nullptr), LOGE_OK);
  ASSERT_EQ(loge_record_set_date(at, "date_bail", "2025-03-01", nullptr), LOGE_OK);
  text("reservataire", "etat");
  ASSERT_EQ(loge_batch_add(a, at, &e), LOGE_OK) << e.message();
  ASSERT_EQ(loge_quotas(policy, a, "2025-06-30", nullptr, &q, &e), LOGE_OK) << e.message();
  size_t n = 0;
  ASSERT_EQ(loge_quota_report_group_count(q, &n, nullptr), LOGE_OK);
  ASSERT_EQ(n, 2u); // one group per quota
  const loge_quota_group* g = nullptr;
  int64_t qualifying = 0;
  ASSERT_EQ(loge_quota_report_group(q, 0, &g, nullptr), LOGE_OK);
  ASSERT_EQ(loge_quota_group_qualifying(g, &qualifying, nullptr), LOGE_OK);
  EXPECT_EQ(qualifying, 1); // 8 000 €/an ≤ 9 500 €/an: first quartile
  loge_quota_report_free(q);
  loge_record_free(at);
  loge_record_free(d);
  loge_batch_free(a);
}

} // namespace

namespace {

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Mutated attributions and demandes, handles of random kinds, random dates
// and names: every call either succeeds or fails with a known status and a
// message; a report that was built can be read in full.
TEST(DesignationFuzz, GarbageFailsCleanly) {
  std::mt19937 rng(20250630);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  loge_policy* policy = loadPolicy(designationPath("data/cal.loge"), LOGE_ENGINE_AUTO);
  ASSERT_NE(policy, nullptr);
  const std::string demandesText = readAll(designationPath("data/demandes.jsonl"));
  const std::string attributionsText = readAll(designationPath("data/attributions.jsonl"));
  auto mutate = [&](std::string s) {
    for (int k = 0, n = 1 + static_cast<int>(pick(6)); k < n && !s.empty(); ++k) {
      std::size_t at = pick(s.size());
      switch (pick(3)) {
      case 0: s[at] = static_cast<char>(pick(256)); break;
      case 1: s.erase(at, 1 + pick(8)); break;
      default: s.insert(at, 1, "{}[]\",:0-.e\\"[pick(12)]);
      }
    }
    return s;
  };
  // Called as check(status, &e, …) so that the status is computed first.
  auto check = [](loge_status s, loge_error** slot, const char* what) {
    loge_error* e = *slot;
    *slot = nullptr;
    ASSERT_GE(static_cast<int>(s), LOGE_OK) << what;
    ASSERT_LT(static_cast<int>(s), LOGE_ERR_INTERNAL) << what << ": " << loge_error_message(e);
    if (s == LOGE_OK) {
      ASSERT_EQ(e, nullptr) << what;
    } else {
      ASSERT_NE(e, nullptr) << what;
      ASSERT_STRNE(loge_error_message(e), "") << what;
    }
    loge_error_free(e);
  };
  loge_record* logement = nullptr;
  ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, designationPath("data/logement-t3.json").c_str(),
                                       &logement, nullptr),
            LOGE_OK);
  loge_record* demande = nullptr;
  ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_DEMANDE, designationPath("data/demande-p.json").c_str(),
                                       &demande, nullptr),
            LOGE_OK);
  const char* dates[] = {"2025-06-30", "2025-12-31", "2023-12-31", "2025-02-29", "hier", ""};
  const char* names[] = {"", "designation", "comparables", "principale", "inconnu", "2025", "2025-13"};
  for (int round = 0; round < 150 && !::testing::Test::HasFatalFailure(); ++round) {
    loge_batch* d = nullptr;
    loge_batch* a = nullptr;
    loge_error* e = nullptr;
    std::string dt = pick(3) ? mutate(demandesText) : demandesText;
    std::string at = pick(3) ? mutate(attributionsText) : attributionsText;
    {
      loge_status status = loge_batch_from_jsonl(policy, dt.data(), dt.size(), &d, &e);
      check(status, &e, "demandes");
    }
    e = nullptr;
    {
      loge_status status = loge_batch_from_jsonl_for(policy, LOGE_ROLE_ATTRIBUTION, at.data(), at.size(), &a, &e);
      check(status, &e, "attributions");
    }
    loge_designation_options* o = nullptr;
    ASSERT_EQ(loge_designation_options_create(&o, nullptr), LOGE_OK);
    loge_designation_options_set_classement(o, names[pick(std::size(names))], nullptr);
    loge_designation_options_set_similarity(o, names[pick(std::size(names))], nullptr);
    loge_designation_options_set_cotation(o, names[pick(std::size(names))], nullptr);
    loge_designation_options_set_period(o, names[pick(std::size(names))], nullptr);
    const char* date = pick(2) ? "2025-06-30" : dates[pick(std::size(dates))];
    // Sometimes a handle of another kind where a batch is expected.
    const loge_batch* wrong = reinterpret_cast<const loge_batch*>(pick(2) ? logement : demande);
    const loge_batch* dArg = pick(8) ? d : wrong;
    const loge_batch* aArg = pick(8) ? a : (pick(2) ? d : nullptr);
    const loge_designation_options* oArg = pick(2) ? o : nullptr;

    loge_ranking* r = nullptr;
    e = nullptr;
    {
      loge_status status = loge_rank(policy, pick(8) ? logement : demande, dArg, aArg, nullptr, date, oArg, &r, &e);
      check(status, &e, "rank");
    }
    if (r) {
      size_t n = 0;
      const char* s = nullptr;
      ASSERT_EQ(loge_ranking_candidate_count(r, &n, nullptr), LOGE_OK);
      for (size_t i = 0; i < n; ++i) {
        ASSERT_EQ(loge_ranking_candidate_explanation(r, i, &s, nullptr), LOGE_OK);
        ASSERT_STRNE(s, "");
      }
      ASSERT_EQ(loge_ranking_json(r, &s, nullptr), LOGE_OK);
      loge_ranking_free(r);
    }
    loge_quota_report* q = nullptr;
    e = nullptr;
    {
      loge_status status = loge_quotas(policy, aArg, date, oArg, &q, &e);
      check(status, &e, "quotas");
    }
    loge_quota_report_free(q);
    loge_statement* st = nullptr;
    e = nullptr;
    {
      loge_status status = loge_position(policy, pick(8) ? demande : logement, dArg, aArg, date, oArg, &st, &e);
      check(status, &e, "position");
    }
    if (st) {
      const char* s = nullptr;
      ASSERT_EQ(loge_statement_text(st, &s, nullptr), LOGE_OK);
      loge_statement_free(st);
    }
    loge_designation_options_free(o);
    loge_batch_free(a);
    loge_batch_free(d);
  }
  loge_record_free(demande);
  loge_record_free(logement);
  loge_policy_free(policy);
}

} // namespace
