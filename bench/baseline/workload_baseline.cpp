// The hand-written baseline of the reference workload (workload_baseline.h).
//
//   workload_baseline DEMANDES.jsonl [--check]
// Loads the demandes (not timed), then times evaluation only and prints
// `ns_per_demande: X` (median of runs) as its last line. `--check` prints
// one compact result line per demande instead, to verify it against
// bench/data/expected_*.jsonl.
#include "workload_baseline.h"

#include <chrono>
#include <cstdio>

using namespace loge::bench;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: workload_baseline DEMANDES.jsonl [--check]\n");
    return 64;
  }
  std::vector<Demande> demandes;
  if (!load(argv[1], demandes) || demandes.empty()) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  std::vector<Result> results(demandes.size());
  if (argc > 2 && std::string(argv[2]) == "--check") {
    for (std::size_t i = 0; i < demandes.size(); ++i) {
      Result r = evaluate(demandes[i]);
      std::printf("{\"id\": \"%s\", \"cotation\": %lld, \"eligible\": %s, \"alerte_taux_effort\": %s}\n",
                  demandes[i].id.c_str(), static_cast<long long>(r.cotation), r.eligible ? "true" : "false",
                  r.alerte ? "true" : "false");
    }
    return 0;
  }
  using Clock = std::chrono::steady_clock;
  std::vector<double> runs;
  auto start = Clock::now();
  while (runs.size() < 5 || (Clock::now() - start < std::chrono::seconds(1) && runs.size() < 5000)) {
    auto t = Clock::now();
    for (std::size_t i = 0; i < demandes.size(); ++i) results[i] = evaluate(demandes[i]);
    // Keep the results observable so the loop is not optimised away.
    asm volatile("" : : "r"(results.data()) : "memory");
    runs.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t).count() /
                   static_cast<double>(demandes.size()));
  }
  std::sort(runs.begin(), runs.end());
  std::printf("baseline C++ : %zu demandes, %zu exécutions, minimum %.1f ns, médiane %.1f ns par demande\n",
              demandes.size(), runs.size(), runs.front(), runs[runs.size() / 2]);
  std::printf("ns_per_demande: %.1f\n", runs[runs.size() / 2]);
  return 0;
}
