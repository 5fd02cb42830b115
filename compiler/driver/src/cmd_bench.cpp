// Driver stage: `loge bench POLITIQUE --demandes F.jsonl [--logement L.json]
// --date D [--engine interp|jit] [--totaux]` — evaluation-only timing. Data is loaded
// (and laid out flat for the compiled engine) before the clock starts; the
// last line is `ns_per_demande: X` (the median of several runs).
#include "designation_io.h"
#include "driver.h"
#include "loge/ingest/ingest.h"
#include "loge/interp/interp.h"
#include "loge/jit/jit.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace loge::driver {

namespace {
using Clock = std::chrono::steady_clock;
double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// The compilation's steps; whether the object came from the cache is said,
// since it changes the time by an order of magnitude.
std::string describe(const jit::CompileTimings& ct, double totalMs, jit::Tier tier) {
  if (ct.fromCache)
    return fmt::format("compilation LLVM : {:.1f} ms (génération {:.1f}, objet repris du cache {:.1f}, édition de "
                       "liens {:.1f})",
                       totalMs, ct.codegenMs, ct.cacheMs, ct.linkMs);
  return fmt::format("compilation LLVM {} : {:.1f} ms (génération {:.1f}, {} {:.1f}, code natif {:.1f}, "
                     "édition de liens {:.1f}){}{}",
                     tier == jit::Tier::Quick ? "rapide" : "optimisée", totalMs, ct.codegenMs,
                     tier == jit::Tier::Quick ? "simplification" : "optimisation", ct.optimiseMs, ct.jitMs, ct.linkMs,
                     ct.partitions > 1 ? fmt::format(" ; en {} morceaux compilés en parallèle", ct.partitions) : "",
                     ct.cacheMs > 0.05 ? fmt::format(" ; clé de cache {:.1f}", ct.cacheMs) : "");
}
// Creates the engine, printing its compilation's steps and the parse +
// check + JIT total (`label` after "JIT"); null (reported) on failure.
std::unique_ptr<jit::Engine> createTimed(const ir::Program& p, const jit::CompileOptions& options, double checkMs,
                                         const char* label) {
  std::string why;
  auto t = Clock::now();
  auto engine = jit::Engine::create(p, why, options);
  if (!engine) {
    fmt::print(stderr, "erreur : {}\n", why);
    return nullptr;
  }
  double jitMs = ms(Clock::now() - t);
  fmt::print("{}\n", describe(engine->timings(), jitMs, engine->tier()));
  fmt::print("parse + check + JIT{} : {:.1f} ms\n", label, checkMs + jitMs);
  return engine;
}
} // namespace

int runBench(const BenchArgs& args, const Options& opts) {
  if (args.engine != "interp" && args.engine != "jit") {
    fmt::print(stderr, "erreur : moteur inconnu « {} » (interp ou jit)\n", args.engine);
    return kUsageError;
  }
  auto t0 = Clock::now();
  auto c = compile(args.policy, opts, /*quietWarnings=*/true);
  if (!c) return kPolicyError;
  double checkMs = ms(Clock::now() - t0);
  const ir::Program& p = *c->program;
  auto date = evaluationDate(p, args.date);
  if (!date) return kUsageError;
  const ir::Type* demandeType = p.schema.roles[static_cast<int>(ir::Role::Demande)];
  const ir::Type* logementType = p.schema.roles[static_cast<int>(ir::Role::Logement)];
  if (args.demandes.empty()) {
    // Compilation time only: parse + check, then code generation and JIT,
    // at the tier --compilation gives (auto: the quick one `loge run`
    // starts with, and the optimised one it may switch to, each measured).
    fmt::print("analyse et vérification : {:.1f} ms\n", checkMs);
    std::vector<jit::Tier> tiers;
    if (opts.compilation != Compilation::Optimised) tiers.push_back(jit::Tier::Quick);
    if (opts.compilation != Compilation::Quick) tiers.push_back(jit::Tier::Optimised);
    for (jit::Tier tier : tiers) {
      jit::CompileOptions options = jitOptions(opts, jit::Inlining::Extended);
      options.tier = tier; // Quick: with auto, as `loge run` starts (a cached optimised object is used)
      if (!createTimed(p, options, checkMs, tier == jit::Tier::Quick ? "" : " optimisé")) return kPolicyError;
    }
    return kOk;
  }
  if (!demandeType && !roleStruct(p, ir::Role::Demande, "bench")) return kPolicyError;
  if (!args.logement.empty() && !logementType && !roleStruct(p, ir::Role::Logement, "bench --logement"))
    return kPolicyError;
  interp::Arena arena;
  interp::Inputs in;
  in.date = *date;
  if (!args.logement.empty()) {
    if (!readOne(p, logementType->index, args.logement, arena, in.roles[static_cast<int>(ir::Role::Logement)])) {
      return kDataError;
    }
  }
  ingest::Dataset data;
  if (const int status = readDemandes(p, demandeType->index, args.demandes, args.input, arena, data); status != kOk)
    return status;
  std::size_t n = data.records.size();
  if (n == 0) {
    fmt::print(stderr, "erreur : aucune demande dans « {} »\n", args.demandes);
    return kDataError;
  }
  fmt::print("politique : {} ({} demandes, moteur {})\n", args.policy, n, args.engine);
  fmt::print("analyse et vérification : {:.1f} ms\n", checkMs);

  std::vector<double> runs;
  auto timeRuns = [&](auto&& once) {
    // Repeat until both 5 runs and 1 second are done (or exactly --passes
    // runs), then keep the median.
    auto start = Clock::now();
    auto more = [&] {
      if (args.passes > 0) return runs.size() < static_cast<std::size_t>(args.passes);
      return runs.size() < 5 || (Clock::now() - start < std::chrono::seconds(1) && runs.size() < 1000);
    };
    while (more()) {
      auto t = Clock::now();
      once();
      runs.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t).count() / static_cast<double>(n));
    }
  };
  if (args.engine == "interp") {
    interp::Interpreter interp(p);
    std::size_t sink = 0;
    timeRuns([&] {
      for (std::size_t i = 0; i < n; ++i) {
        in.roles[static_cast<int>(ir::Role::Demande)] = data.records[i];
        try {
          sink += interp.evaluate(in).cotations.size();
        } catch (const interp::EvalError&) {
          ++sink;
        }
      }
    });
    if (sink == 0) fmt::print("");
  } else { // jit (checked above)
    jit::CompileOptions options = jitOptions(opts, jit::Inlining::Extended);
    options.criteria = !args.totalsOnly;
    // The steady state is what is timed: optimised code unless
    // --compilation rapide asks for the quick tier's.
    options.tier = opts.compilation == Compilation::Quick ? jit::Tier::Quick : jit::Tier::Optimised;
    options.optimiseAfter = 0;
    auto engine = createTimed(p, options, checkMs, "");
    if (!engine) return kPolicyError;
    jit::FlatRecords flat = engine->flatten(data.records, demandeType->index);
    jit::FlatRecords logement;
    const interp::Value& lv = in.roles[static_cast<int>(ir::Role::Logement)];
    if (!lv.isAbsent()) logement = engine->flatten({lv}, logementType->index);
    std::vector<std::uint8_t> out, failed;
    timeRuns([&] { engine->evaluate(flat, lv.isAbsent() ? nullptr : logement.at(0), *date, out, failed); });
  }
  std::sort(runs.begin(), runs.end());
  fmt::print("exécutions : {} ; minimum {:.1f} ns, médiane {:.1f} ns par demande\n", runs.size(), runs.front(),
             runs[runs.size() / 2]);
  fmt::print("ns_per_demande: {:.1f}\n", runs[runs.size() / 2]);
  return kOk;
}

} // namespace loge::driver
