// libloge: one policy evaluated from several threads at once gives the
// results of a sequential evaluation. Built and run under ThreadSanitizer by
// the `LOGE_SANITIZE=thread` configuration (docs/embedding.md).
#include "capi_support.h"

#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

using namespace capi_test;

namespace {

// The first `limit` lines of the example corpus.
std::string corpus(std::size_t limit) {
  std::ifstream in(repoPath("examples/demandes.jsonl"));
  std::string line, text;
  for (std::size_t n = 0; std::getline(in, line) && (limit == 0 || n < limit); ++n) text += line + "\n";
  return text;
}

class Threads : public ::testing::TestWithParam<loge_engine> {
protected:
  // The example policy, a logement, and the first `limit` demandes of the
  // example corpus as one batch (`text` holds their lines).
  void loadExample(std::size_t limit) {
    policy = loadPolicy(repoPath("examples/grille-exemple.loge"), GetParam());
    ASSERT_NE(policy, nullptr);
    ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, repoPath("examples/logement-t3-plus.json").c_str(),
                                         &logement, nullptr),
              LOGE_OK);
    text = corpus(limit);
    ASSERT_EQ(loge_batch_from_jsonl(policy, text.data(), text.size(), &batch, nullptr), LOGE_OK);
  }
  void TearDown() override {
    loge_batch_free(batch);
    loge_record_free(logement);
    loge_policy_free(policy);
  }
  loge_policy* policy = nullptr;
  loge_record* logement = nullptr;
  loge_batch* batch = nullptr;
  std::string text;
};

TEST_P(Threads, ConcurrentEvaluationEqualsSequential) {
  // Enough demandes for every criterion and rule to be exercised; fewer
  // under ThreadSanitizer, where every access is checked.
#if defined(__SANITIZE_THREAD__)
  const std::size_t limit = 100;
#else
  const std::size_t limit = 600;
#endif
  constexpr int kThreads = 4;
  ASSERT_NO_FATAL_FAILURE(loadExample(limit));
  size_t size = 0;
  ASSERT_EQ(loge_batch_size(batch, &size, nullptr), LOGE_OK);
  ASSERT_GT(size, 0u);

  loge_results* reference = nullptr;
  ASSERT_EQ(loge_evaluate_batch(policy, batch, logement, "2025-06-30", &reference, nullptr), LOGE_OK);
  const std::vector<std::string> expected = jsonLines(reference);

  // Each thread: the whole batch at once, then every demande alone (a
  // record of its own), all sharing the policy, the batch and the logement.
  std::vector<std::vector<std::string>> batchOut(kThreads), singleOut(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      loge_results* results = nullptr;
      if (loge_evaluate_batch(policy, batch, logement, "2025-06-30", &results, nullptr) == LOGE_OK)
        batchOut[t] = jsonLines(results);
      loge_results_free(results);
      std::istringstream lines(text);
      std::string line;
      // Threads start at different places so they do not run in lock-step.
      std::vector<std::string> all;
      while (std::getline(lines, line)) all.push_back(line);
      singleOut[t].resize(all.size());
      for (std::size_t k = 0; k < all.size(); ++k) {
        std::size_t i = (k + static_cast<std::size_t>(t) * all.size() / kThreads) % all.size();
        loge_record* d = nullptr;
        loge_result* r = nullptr;
        const char* s = nullptr;
        if (loge_record_from_json(policy, LOGE_ROLE_DEMANDE, all[i].data(), all[i].size(), &d, nullptr) == LOGE_OK &&
            loge_evaluate(policy, d, logement, "2025-06-30", &r, nullptr) == LOGE_OK &&
            loge_result_json(r, &s, nullptr) == LOGE_OK)
          singleOut[t][i] = s;
        loge_result_free(r);
        loge_record_free(d);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(batchOut[t], expected) << "thread " << t;
    EXPECT_EQ(singleOut[t], expected) << "thread " << t;
  }
  loge_results_free(reference);
}

// One set of results read from several threads at once: the texts a result
// hands out (totals, criteria, JSON) are built on first read, once, and
// every thread gets the same stable string.
TEST_P(Threads, SharedResultsReadConcurrently) {
  constexpr int kThreads = 4;
  ASSERT_NO_FATAL_FAILURE(loadExample(50));
  loge_results* results = nullptr;
  ASSERT_EQ(loge_evaluate_batch(policy, batch, logement, "2025-06-30", &results, nullptr), LOGE_OK);
  size_t count = 0, criteria = 0;
  ASSERT_EQ(loge_results_count(results, &count, nullptr), LOGE_OK);
  ASSERT_EQ(loge_policy_criterion_count(policy, 0, &criteria, nullptr), LOGE_OK);
  ASSERT_GT(count, 0u);
  ASSERT_GT(criteria, 0u);
  // Per thread, per result: the pointers handed out, in the order read.
  std::vector<std::vector<const char*>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (size_t k = 0; k < count; ++k) {
        size_t i = (k + static_cast<size_t>(t) * count / kThreads) % count; // not in lock-step
        const loge_result* r = nullptr;
        const char *total = nullptr, *json = nullptr;
        if (loge_results_get(results, i, &r, nullptr) != LOGE_OK) continue;
        // Threads read the texts in different orders.
        if (t % 2 == 0) {
          loge_result_json(r, &json, nullptr);
          loge_result_total(r, 0, &total, nullptr);
        } else {
          loge_result_total(r, 0, &total, nullptr);
          loge_result_json(r, &json, nullptr);
        }
        seen[t].resize(count * (2 + criteria));
        seen[t][i * (2 + criteria)] = total;
        seen[t][i * (2 + criteria) + 1] = json;
        for (size_t c = 0; c < criteria; ++c) {
          const char* points = nullptr;
          loge_result_criterion_points(r, 0, c, &points, nullptr);
          seen[t][i * (2 + criteria) + 2 + c] = points;
        }
      }
    });
  for (auto& th : threads) th.join();
  const std::vector<std::string> expected = jsonLines(results);
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_EQ(seen[t].size(), count * (2 + criteria)) << "thread " << t;
    EXPECT_EQ(seen[t], seen[0]) << "thread " << t << " was handed other strings";
    for (size_t i = 0; i < count; ++i) {
      ASSERT_NE(seen[t][i * (2 + criteria)], nullptr);
      EXPECT_EQ(std::string(seen[t][i * (2 + criteria) + 1]), expected[i]);
      // The total is the one in the JSON document.
      EXPECT_NE(expected[i].find(std::string("\"total\": ") + seen[t][i * (2 + criteria)]), std::string::npos)
          << expected[i];
    }
  }
  loge_results_free(results);
}

// Ranking, quotas and position statements from several threads at once,
// sharing the policy and every input (tests/designation's data).
TEST_P(Threads, ConcurrentDesignationEqualsSequential) {
  constexpr int kThreads = 4, kRounds = 5;
  auto data = [](const char* name) { return repoPath(std::string("tests/designation/data/") + name); };
  loge_policy* policy = loadPolicy(data("cal.loge"), GetParam());
  ASSERT_NE(policy, nullptr);
  loge_record* logement = nullptr;
  loge_record* demande = nullptr;
  loge_batch* demandes = nullptr;
  loge_batch* attributions = nullptr;
  ASSERT_EQ(
      loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, data("logement-t3.json").c_str(), &logement, nullptr),
      LOGE_OK);
  ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_DEMANDE, data("demande-p.json").c_str(), &demande, nullptr),
            LOGE_OK);
  ASSERT_EQ(loge_batch_from_jsonl_file(policy, data("demandes.jsonl").c_str(), &demandes, nullptr), LOGE_OK);
  ASSERT_EQ(loge_batch_from_jsonl_file_for(policy, LOGE_ROLE_ATTRIBUTION, data("attributions.jsonl").c_str(),
                                           &attributions, nullptr),
            LOGE_OK);
  auto all = [&] {
    std::string out;
    loge_ranking* r = nullptr;
    loge_quota_report* q = nullptr;
    loge_statement* st = nullptr;
    const char* s = nullptr;
    if (loge_rank(policy, logement, demandes, attributions, nullptr, "2025-06-30", nullptr, &r, nullptr) == LOGE_OK &&
        loge_ranking_json(r, &s, nullptr) == LOGE_OK)
      out += s;
    if (loge_quotas(policy, attributions, "2025-12-31", nullptr, &q, nullptr) == LOGE_OK &&
        loge_quota_report_json(q, &s, nullptr) == LOGE_OK)
      out += s;
    if (loge_position(policy, demande, demandes, attributions, "2025-06-30", nullptr, &st, nullptr) == LOGE_OK &&
        loge_statement_json(st, &s, nullptr) == LOGE_OK)
      out += s;
    loge_statement_free(st);
    loge_quota_report_free(q);
    loge_ranking_free(r);
    return out;
  };
  const std::string expected = all();
  ASSERT_NE(expected.find("\"retenus\": [\"B\", \"A\", \"Q\"]"), std::string::npos);
  std::vector<std::vector<std::string>> out(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < kRounds; ++k) out[t].push_back(all());
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(out[t], std::vector<std::string>(kRounds, expected)) << "thread " << t;
  loge_batch_free(attributions);
  loge_batch_free(demandes);
  loge_record_free(demande);
  loge_record_free(logement);
  loge_policy_free(policy);
}

INSTANTIATE_TEST_SUITE_P(CApi, Threads, ::testing::Values(LOGE_ENGINE_INTERPRETER, LOGE_ENGINE_JIT),
                         [](const auto& info) { return info.param == LOGE_ENGINE_JIT ? "jit" : "interp"; });

} // namespace
