// Fuzz target: the interpreter against the compiled engine (JIT).
//
// At start-up every policy the differential test covers (policies/,
// bench/workload.loge, examples/grille-exemple.loge, tests/lang,
// tests/differential/policies and regressions) is checked and compiled;
// one the compiled engine refuses for a documented reason is left out.
// Each input is decoded into an evaluation:
//   byte 0      the policy (modulo their number)
//   byte 1      the date: one of difftest::evaluationDates (the policy's
//               start, 2025-06-30, a date drawn from the seed)
//   byte 2      bits 0-2: number of demandes - 1; bit 3: with a logement;
//               bit 4: with a candidature
//   bytes 3-5   the generator's rates of boundary values, absent optionals
//               and huge numbers (each byte / 255, the last one / 4)
//   the rest    hashed (FNV-1a) into the seed of the random records
// The demandes come from tests/differential/random_records.h, so they are
// valid input data. Any difference between the engines (a field, or an
// error on one side only) is a finding: the process aborts after printing
// the policy, the date and the records as `loge run` inputs.
#include "compare.h"
#include "fuzz_support.h"
#include "random_records.h"

#include "loge/jit/jit.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace loge;

struct Target {
  std::unique_ptr<fuzz::Policy> policy;
  std::unique_ptr<jit::Engine> engine;
  std::unique_ptr<interp::Interpreter> interp;
  difftest::Harvest harvest;
  const ir::Type* demande = nullptr;
  const ir::Type* logement = nullptr;
  const ir::Type* candidature = nullptr;
};
std::vector<Target> gTargets;

std::vector<std::string> policyList() {
  const fs::path root = LOGE_REPO_ROOT;
  std::vector<std::string> out;
  auto add = [&](const fs::path& dir, bool recursive) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    std::vector<std::string> found;
    auto take = [&](const fs::directory_entry& e) {
      if (e.is_regular_file() && e.path().extension() == ".loge")
        found.push_back(fs::relative(e.path(), root).generic_string());
    };
    if (recursive)
      for (const auto& e : fs::recursive_directory_iterator(dir)) take(e);
    else
      for (const auto& e : fs::directory_iterator(dir)) take(e);
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  };
  add(root / "policies", true);
  out.push_back("bench/workload.loge");
  out.push_back("examples/grille-exemple.loge");
  add(root / "tests/lang", false);
  add(root / "tests/differential/policies", false);
  add(root / "tests/differential/regressions", false);
  return out;
}

std::uint64_t fnv(const std::uint8_t* data, std::size_t size) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (std::size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 0x100000001b3ULL;
  return h;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  for (const std::string& name : policyList()) {
    Target t;
    t.policy = fuzz::loadPolicy(name);
    const ir::Program& p = *t.policy->program;
    t.demande = p.schema.roles[static_cast<int>(ir::Role::Demande)];
    t.logement = p.schema.roles[static_cast<int>(ir::Role::Logement)];
    t.candidature = p.schema.roles[static_cast<int>(ir::Role::Candidature)];
    if (!t.demande || (p.cotations.empty() && p.ruleBlocks.empty())) continue;
    std::string why;
    jit::CompileOptions options;
    options.definitions = true; // compareOne compares the définitions too
    t.engine = jit::Engine::create(p, why, options);
    if (!t.engine) {
      if (!difftest::documentedRefusal(why))
        fuzz::finding(name + ": the compiled engine refuses the policy for an undocumented reason: " + why);
      continue;
    }
    t.interp = std::make_unique<interp::Interpreter>(p);
    t.harvest = difftest::harvest(p);
    gTargets.push_back(std::move(t));
  }
  std::cerr << "engines_fuzz: " << gTargets.size() << " politiques compilées\n";
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 6 || gTargets.empty()) return 0;
  const Target& t = gTargets[data[0] % gTargets.size()];
  const ir::Program& p = *t.policy->program;
  const std::uint64_t seed = fnv(data + 6, size - 6);
  std::vector<num::Date> dates = difftest::evaluationDates(p, seed, true);
  difftest::GeneratorOptions options{dates};
  options.boundaryRate = data[3] / 255.0;
  options.absentRate = data[4] / 255.0;
  options.hugeRate = data[5] / 255.0 / 4;
  difftest::RecordGenerator gen(p, t.harvest, options);

  std::mt19937_64 rng(seed);
  interp::Arena arena;
  std::vector<interp::Value> demandes;
  for (int i = 0, n = (data[2] & 7) + 1; i < n; ++i) demandes.push_back(gen.record(t.demande->index, rng, arena));
  difftest::Context ctx;
  ctx.date = dates[data[1] % dates.size()];
  if (t.logement && (data[2] & 8)) ctx.logement = gen.record(t.logement->index, rng, arena);
  if (t.candidature && (data[2] & 16)) ctx.candidature = gen.record(t.candidature->index, rng, arena);

  jit::FlatRecords flat = t.engine->flatten(demandes, t.demande->index);
  jit::FlatRecords l, c;
  if (!ctx.logement.isAbsent()) l = t.engine->flatten({ctx.logement}, t.logement->index);
  if (!ctx.candidature.isAbsent()) c = t.engine->flatten({ctx.candidature}, t.candidature->index);
  std::vector<std::uint8_t> out, failed;
  t.engine->evaluate(flat, l.count() ? l.at(0) : nullptr, ctx.date, out, failed, c.count() ? c.at(0) : nullptr);
  for (std::size_t j = 0; j < demandes.size(); ++j) {
    difftest::Outcome o = difftest::compareOne(p, *t.interp, *t.engine, demandes[j], ctx,
                                               out.data() + j * t.engine->outSize(), failed[j] != 0);
    if (o.agreed) continue;
    fuzz::finding("the engines disagree on " + t.policy->name + " at " + ctx.date.toString() + "\n" + o.what +
                  "  demande:     " + difftest::toJson(p, demandes[j]) + "\n  logement:    " +
                  difftest::toJson(p, ctx.logement) + "\n  candidature: " + difftest::toJson(p, ctx.candidature) +
                  "\n  (keep it as tests/differential/regressions/NAME.{loge,jsonl}: docs/differential.md)");
  }
  return 0;
}
