// libloge's evaluation path, timed with Google Benchmark against the
// hand-written baseline (bench/baseline/workload_baseline.h) in the same
// process and run: what a bailleur's program pays per demande when it
// embeds the runtime, from records already built to results read.
//
//   capi_bench [--benchmark_filter=…]   (from the source tree, after the build)
// Data: bench/workload.loge, bench/data/demandes_10k.jsonl,
// bench/logement_plus.json, evaluation date 2025-06-30. Each benchmark
// reports demandes per second (`items_per_second`); bench/run_bench.sh
// prints the time per demande and its ratio to the baseline.
#include "../baseline/workload_baseline.h"

#include <loge/loge.h>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr const char* kDate = "2025-06-30";

std::string dataPath(const std::string& relative) { return std::string(LOGE_SOURCE_DIR) + "/" + relative; }

void check(loge_status s, loge_error* e, const char* what) {
  if (s == LOGE_OK) return;
  std::string message = std::string(what) + " : " + (e ? loge_error_text(e) : "?");
  loge_error_free(e);
  throw std::runtime_error(message);
}

// The policy, the demandes (as one batch and as separate records) and the
// logement, loaded once for every benchmark.
struct Workload {
  loge_policy* policy = nullptr;
  loge_batch* batch = nullptr;
  std::vector<loge_record*> records;
  loge_record* logement = nullptr;
  std::vector<loge::bench::Demande> plain;

  Workload() {
    loge_error* e = nullptr;
    check(loge_policy_load_file(dataPath("bench/workload.loge").c_str(), nullptr, &policy, &e), e, "politique");
    std::string demandes = dataPath("bench/data/demandes_10k.jsonl");
    check(loge_batch_from_jsonl_file(policy, demandes.c_str(), &batch, &e), e, "demandes");
    std::ifstream in(demandes);
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      loge_record* r = nullptr;
      check(loge_record_from_json(policy, LOGE_ROLE_DEMANDE, line.data(), line.size(), &r, &e), e, "demande");
      records.push_back(r);
    }
    check(loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, dataPath("bench/logement_plus.json").c_str(),
                                     &logement, &e),
          e, "logement");
    if (!loge::bench::load(demandes, plain)) throw std::runtime_error("demandes illisibles pour la référence");
  }
  ~Workload() {
    for (loge_record* r : records) loge_record_free(r);
    loge_record_free(logement);
    loge_batch_free(batch);
    loge_policy_free(policy);
  }
};

Workload& workload() {
  static Workload w;
  return w;
}

// Reported as demandes per second (`items_per_second`).
void perDemande(benchmark::State& state, std::size_t count) {
  state.SetItemsProcessed(static_cast<std::int64_t>(count) * state.iterations());
}

// What a host reads of each result: the cotation's total, eligibility and
// the CAL rule's status.
void readResult(const loge_result* r) {
  const char* total = nullptr;
  int eligible = 0;
  loge_rule_status status = LOGE_RULE_OK;
  if (loge_result_total(r, 0, &total, nullptr) != LOGE_OK ||
      loge_result_eligibility(r, &eligible, nullptr) != LOGE_OK ||
      loge_result_rule_status(r, 1, &status, nullptr) != LOGE_OK)
    throw std::runtime_error("résultat illisible");
  benchmark::DoNotOptimize(total);
  benchmark::DoNotOptimize(eligible);
  benchmark::DoNotOptimize(status);
}

void BM_Reference(benchmark::State& state) {
  const auto& demandes = workload().plain;
  std::vector<loge::bench::Result> results(demandes.size());
  for (auto _ : state) {
    for (std::size_t i = 0; i < demandes.size(); ++i) results[i] = loge::bench::evaluate(demandes[i]);
    benchmark::DoNotOptimize(results.data());
    benchmark::ClobberMemory();
  }
  perDemande(state, demandes.size());
}

// loge_evaluate_batch on the whole workload, then `read` on each result.
void evaluateBatch(benchmark::State& state, void (*read)(const loge_result*)) {
  Workload& w = workload();
  std::size_t count = w.records.size();
  for (auto _ : state) {
    loge_results* results = nullptr;
    loge_error* e = nullptr;
    check(loge_evaluate_batch(w.policy, w.batch, w.logement, kDate, &results, &e), e, "évaluation");
    for (std::size_t i = 0; i < count; ++i) {
      const loge_result* r = nullptr;
      if (loge_results_get(results, i, &r, nullptr) != LOGE_OK) throw std::runtime_error("résultat manquant");
      read(r);
    }
    loge_results_free(results);
  }
  perDemande(state, count);
}

// The result's JSON text (built on demand).
void readJson(const loge_result* r) {
  const char* json = nullptr;
  if (loge_result_json(r, &json, nullptr) != LOGE_OK) throw std::runtime_error("résultat illisible");
  benchmark::DoNotOptimize(json);
}

void BM_EvaluateBatch(benchmark::State& state) { evaluateBatch(state, readResult); }
void BM_EvaluateBatchJson(benchmark::State& state) { evaluateBatch(state, readJson); }

void BM_EvaluateOne(benchmark::State& state) {
  Workload& w = workload();
  for (auto _ : state) {
    for (loge_record* d : w.records) {
      loge_result* r = nullptr;
      loge_error* e = nullptr;
      check(loge_evaluate(w.policy, d, w.logement, kDate, &r, &e), e, "évaluation");
      readResult(r);
      loge_result_free(r);
    }
  }
  perDemande(state, w.records.size());
}

BENCHMARK(BM_Reference)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EvaluateBatch)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EvaluateOne)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EvaluateBatchJson)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
