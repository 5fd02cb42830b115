// Differential test: the reference interpreter and the compiled engine (JIT)
// must agree bit for bit on every output field of every demande, and fail
// on exactly the same demandes.
//
// For every policy of the repository (policies/ recursively, the benchmark
// workload, the shipped example, tests/lang, and the stress policies of
// tests/differential/policies), random demandes are drawn from the policy's
// schema (random_records.h), in batches that share a random logement (or
// none) and a random candidature (or none), and evaluated by both engines at
// a few dates. See docs/differential.md for how to run it, run it longer,
// and reproduce a failure from its seed.
//
// Environment:
//   LOGE_DIFF_N        demandes per policy (default 2000)
//   LOGE_DIFF_SEED     the run's seed (decimal or 0x…; "random": a fresh one)
//   LOGE_DIFF_ONLY     evaluate only the demande with this index
//   LOGE_DIFF_THREADS  worker threads per policy (default 1)
//   LOGE_DIFF_DUMP_DIR write each disagreement there as loge run inputs
//   LOGE_DIFF_EXTRA    more policy files to test, separated by ':'
#include "compare.h"
#include "random_records.h"

#include "loge/diag/render.h"
#include "loge/ingest/ingest.h"
#include "loge/interp/interp.h"
#include "loge/jit/jit.h"
#include "loge/sema/check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#ifndef LOGE_REPO_ROOT
#error "LOGE_REPO_ROOT must name the repository root"
#endif

namespace loge::difftest {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kDefaultSeed = 0x4C4F474544494646ULL; // "LOGEDIFF"
// Demandes per policy in CI, each evaluated at up to three dates. The whole
// binary takes about 4 s in Release and 9 s in Debug on 2 cores (most of it
// LLVM compiling the policies, which is as fast in both configurations), so
// Debug builds need no smaller default.
constexpr std::size_t kDefaultN = 2000;
// Demandes per batch: a batch shares its logement and candidature.
constexpr std::size_t kBatch = 64;
// Disagreements printed in full per policy (all are counted).
constexpr std::size_t kMaxReported = 8;

// ---------------------------------------------------------------- settings

struct Settings {
  std::uint64_t seed = kDefaultSeed;
  std::size_t n = kDefaultN;
  std::optional<std::size_t> only;
  unsigned threads = 1;
  std::string dumpDir;
};

std::optional<std::uint64_t> parseU64(const char* text, const char* what) {
  std::string s = text;
  try {
    std::size_t used = 0;
    std::uint64_t v = std::stoull(s, &used, 0);
    if (used == s.size() && !s.empty() && s[0] != '-') return v;
  } catch (const std::exception&) {}
  std::cerr << "[differential] " << what << "=" << s << " is not a number; ignored\n";
  return std::nullopt;
}

const Settings& settings() {
  static const Settings s = [] {
    Settings out;
    if (const char* v = std::getenv("LOGE_DIFF_SEED")) {
      if (std::string(v) == "random") {
        std::random_device rd;
        out.seed = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
      } else {
        out.seed = parseU64(v, "LOGE_DIFF_SEED").value_or(out.seed);
      }
    }
    if (const char* v = std::getenv("LOGE_DIFF_N")) out.n = parseU64(v, "LOGE_DIFF_N").value_or(out.n);
    if (const char* v = std::getenv("LOGE_DIFF_ONLY")) out.only = parseU64(v, "LOGE_DIFF_ONLY");
    if (const char* v = std::getenv("LOGE_DIFF_THREADS"))
      out.threads =
          static_cast<unsigned>(std::clamp<std::uint64_t>(parseU64(v, "LOGE_DIFF_THREADS").value_or(1), 1, 256));
    if (const char* v = std::getenv("LOGE_DIFF_DUMP_DIR")) out.dumpDir = v;
    return out;
  }();
  return s;
}

std::string hex(std::uint64_t v) {
  std::ostringstream os;
  os << "0x" << std::hex << v;
  return os.str();
}

// ---------------------------------------------------------------- policies

struct PolicyFile {
  std::string name; // path relative to the repository root
  std::string path; // absolute
};

std::string testName(const std::string& relative) {
  // "bench/workload.loge" → "bench_workload" (gtest names: letters, digits, _).
  std::string stem = relative;
  if (stem.size() > 5 && stem.compare(stem.size() - 5, 5, ".loge") == 0) stem.resize(stem.size() - 5);
  std::string out;
  for (char c : stem) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

std::vector<std::string> logeFilesUnder(const fs::path& dir, bool recursive) {
  std::vector<std::string> found;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return found;
  auto add = [&](const fs::directory_entry& e) {
    if (e.is_regular_file() && e.path().extension() == ".loge") found.push_back(e.path().string());
  };
  if (recursive) {
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      add(*it);
  } else {
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) add(*it);
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<PolicyFile> policyFiles() {
  const fs::path root = LOGE_REPO_ROOT;
  std::vector<std::string> paths = logeFilesUnder(root / "policies", true);
  for (const char* f : {"bench/workload.loge", "examples/grille-exemple.loge"})
    if (fs::exists(root / f)) paths.push_back((root / f).string());
  for (const auto& p : logeFilesUnder(root / "tests" / "lang", false)) paths.push_back(p);
  for (const auto& p : logeFilesUnder(root / "tests" / "differential" / "policies", false)) paths.push_back(p);
  std::vector<PolicyFile> out;
  for (const auto& p : paths) out.push_back({fs::relative(p, root).generic_string(), p});
  // Any other policy, for a developer's run: LOGE_DIFF_EXTRA=a.loge:b.loge.
  if (const char* extra = std::getenv("LOGE_DIFF_EXTRA")) {
    std::stringstream list(extra);
    for (std::string p; std::getline(list, p, ':');)
      if (!p.empty()) out.push_back({"extra/" + fs::path(p).filename().string(), fs::absolute(p).string()});
  }
  return out;
}

std::vector<PolicyFile> regressionFiles() {
  const fs::path root = LOGE_REPO_ROOT;
  std::vector<PolicyFile> out;
  for (const auto& p : logeFilesUnder(root / "tests" / "differential" / "regressions", false))
    out.push_back({fs::relative(p, root).generic_string(), p});
  return out;
}

struct Loaded {
  SourceManager sources;
  DiagnosticEngine diags;
  std::unique_ptr<ir::Program> program;
};

std::unique_ptr<Loaded> load(const std::string& path) {
  auto l = std::make_unique<Loaded>();
  l->program = sema::check(path, l->sources, l->diags);
  return l;
}

// ---------------------------------------------------------------- one policy

struct Disagreement {
  std::size_t index = 0;
  num::Date date;
  std::string what, demande, logement, candidature;
};

struct Stats {
  std::size_t evaluations = 0, bothFailed = 0, disagreements = 0, withLogement = 0;
  std::vector<Disagreement> reported;
  std::map<std::string, std::size_t> errors; // interpreter errors (where both failed), by policy line
  void merge(const Stats& o) {
    for (const auto& [k, v] : o.errors) errors[k] += v;
    evaluations += o.evaluations;
    bothFailed += o.bothFailed;
    disagreements += o.disagreements;
    withLogement += o.withLogement;
    reported.insert(reported.end(), o.reported.begin(), o.reported.end());
  }
};

class PolicyRun {
public:
  // `details`: the engine writes every criterion (compared); false, a
  // totals-only engine (totals, bounds and rules compared).
  PolicyRun(const ir::Program& p, const jit::Engine& engine, const std::string& name, const Settings& s,
            bool details = true)
      : p_(p), engine_(engine), interp_(p), s_(s), details_(details), policySeed_(mixSeed(s.seed, hashName(name))),
        dates_(evaluationDates(p, policySeed_, true)), gen_(p, harvest(p), GeneratorOptions{dates_}) {
    auto role = [&](ir::Role r) { return p.schema.roles[static_cast<int>(r)]; };
    demandeType_ = role(ir::Role::Demande);
    logementType_ = role(ir::Role::Logement);
    candidatureType_ = role(ir::Role::Candidature);
  }

  const std::vector<num::Date>& dates() const { return dates_; }

  Stats run() {
    std::size_t batches = (s_.n + kBatch - 1) / kBatch;
    if (s_.only) batches = 1;
    std::atomic<std::size_t> next{0};
    std::vector<Stats> perThread(s_.threads);
    auto worker = [&](unsigned t) {
      for (std::size_t b = next++; b < batches; b = next++) runBatch(s_.only ? *s_.only / kBatch : b, perThread[t]);
    };
    if (s_.threads == 1) {
      worker(0);
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < s_.threads; ++t) pool.emplace_back(worker, t);
      for (auto& th : pool) th.join();
    }
    Stats all;
    for (const auto& st : perThread) all.merge(st);
    std::sort(all.reported.begin(), all.reported.end(),
              [](const Disagreement& a, const Disagreement& b) { return a.index < b.index; });
    if (all.reported.size() > kMaxReported) all.reported.resize(kMaxReported);
    return all;
  }

private:
  // Demande `index` depends only on the seed, the policy and the index.
  interp::Value demande(std::size_t index, interp::Arena& arena) const {
    std::mt19937_64 rng(mixSeed(policySeed_, index));
    return gen_.record(demandeType_->index, rng, arena);
  }

  // The logement and candidature of batch `batch` at date number `k`.
  Context context(std::size_t batch, std::size_t k, interp::Arena& arena) const {
    std::mt19937_64 rng(mixSeed(mixSeed(policySeed_, 0xC0A7E87ULL + batch), k));
    Context c;
    c.date = dates_[k];
    if (logementType_ && chance(rng, 0.5)) c.logement = gen_.record(logementType_->index, rng, arena);
    if (candidatureType_ && chance(rng, 0.5)) c.candidature = gen_.record(candidatureType_->index, rng, arena);
    return c;
  }

  void runBatch(std::size_t batch, Stats& stats) const {
    interp::Arena arena;
    std::vector<std::size_t> indices;
    std::vector<interp::Value> demandes;
    if (s_.only) {
      indices.push_back(*s_.only);
    } else {
      for (std::size_t i = batch * kBatch; i < std::min(s_.n, (batch + 1) * kBatch); ++i) indices.push_back(i);
    }
    for (std::size_t i : indices) demandes.push_back(demande(i, arena));
    jit::FlatRecords flat = engine_.flatten(demandes, demandeType_->index);
    std::vector<std::uint8_t> out, failed;
    for (std::size_t k = 0; k < dates_.size(); ++k) {
      Context ctx = context(batch, k, arena);
      jit::FlatRecords l, c;
      if (!ctx.logement.isAbsent()) l = engine_.flatten({ctx.logement}, logementType_->index);
      if (!ctx.candidature.isAbsent()) c = engine_.flatten({ctx.candidature}, candidatureType_->index);
      engine_.evaluate(flat, l.count() ? l.at(0) : nullptr, ctx.date, out, failed, c.count() ? c.at(0) : nullptr);
      for (std::size_t j = 0; j < demandes.size(); ++j) {
        Outcome o = compareOne(p_, interp_, engine_, demandes[j], ctx, out.data() + j * engine_.outSize(),
                               failed[j] != 0, details_);
        ++stats.evaluations;
        stats.withLogement += !ctx.logement.isAbsent();
        stats.bothFailed += o.bothFailed;
        if (o.bothFailed) {
          // Group by location and message, numbers elided (messages quote values).
          std::string key, head = o.error.substr(0, 70);
          while (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0) == 0x80) head.pop_back();
          if (!head.empty() && (static_cast<unsigned char>(head.back()) & 0x80)) head.pop_back();
          for (char ch : head) {
            if (std::isdigit(static_cast<unsigned char>(ch)) && key.size() > 8) {
              if (key.back() != '#') key += '#';
            } else {
              key += ch;
            }
          }
          ++stats.errors[key];
        }
        if (o.agreed) continue;
        ++stats.disagreements;
        if (stats.reported.size() < kMaxReported)
          stats.reported.push_back({indices[j], ctx.date, o.what, toJson(p_, demandes[j]), toJson(p_, ctx.logement),
                                    toJson(p_, ctx.candidature)});
      }
    }
  }

  const ir::Program& p_;
  const jit::Engine& engine_;
  interp::Interpreter interp_;
  const Settings& s_;
  bool details_;
  std::uint64_t policySeed_;
  std::vector<num::Date> dates_;
  RecordGenerator gen_;
  const ir::Type* demandeType_ = nullptr;
  const ir::Type* logementType_ = nullptr;
  const ir::Type* candidatureType_ = nullptr;
};

void dumpDisagreement(const std::string& dir, const std::string& test, const Disagreement& d) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string base = (fs::path(dir) / (test + "-" + std::to_string(d.index) + "-" + d.date.toString())).string();
  std::ofstream(base + ".jsonl") << d.demande << "\n";
  if (d.logement != "null") std::ofstream(base + ".logement.json") << d.logement << "\n";
  std::ofstream(base + ".txt") << "date " << d.date.toString() << "\ncandidature " << d.candidature << "\n" << d.what;
}

// ---------------------------------------------------------------- the tests

// gtest prints parameters of failed tests: show the file, not its bytes.
void PrintTo(const PolicyFile& f, std::ostream* os) { *os << f.name; }

class Differential : public ::testing::TestWithParam<PolicyFile> {};

std::string paramName(const ::testing::TestParamInfo<PolicyFile>& info) { return testName(info.param.name); }

TEST_P(Differential, EnginesAgree) {
  const PolicyFile& f = GetParam();
  const Settings& s = settings();
  auto loaded = load(f.path);
  ASSERT_TRUE(loaded->program) << f.name << " does not compile:\n"
                               << renderAll(loaded->diags.diagnostics(), loaded->sources, DiagStyle::OneLine);
  const ir::Program& p = *loaded->program;
  if (!p.schema.roles[static_cast<int>(ir::Role::Demande)]) GTEST_SKIP() << f.name << " declares no demande schema";
  std::string why;
  auto t0 = std::chrono::steady_clock::now();
  // The inlining level of loge run, rank, libloge and artefacts: the one
  // that evaluates the most demandes. `loge test --engine both` runs every
  // policy's tests at the standard level.
  jit::CompileOptions compile;
  compile.inlining = jit::Inlining::Extended;
  compile.definitions = true; // every scalar définition compared too
  std::unique_ptr<jit::Engine> engine = jit::Engine::create(p, why, compile);
  if (!engine) {
    std::cout << "[differential] " << f.name << ": the compiled engine refuses the policy: " << why << "\n";
    ASSERT_TRUE(documentedRefusal(why)) << f.name << ": the compiled engine refuses the policy for a reason that is "
                                        << "not a documented unsupported construct: " << why;
    GTEST_SKIP() << "compiled engine unavailable: " << why;
  }
  auto t1 = std::chrono::steady_clock::now();
  PolicyRun run(p, *engine, f.name, s);
  std::string dates;
  for (const auto& d : run.dates()) dates += (dates.empty() ? "" : ", ") + d.toString();
  Stats st = run.run();
  auto t2 = std::chrono::steady_clock::now();
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::cout << "[differential] " << f.name << ": seed " << hex(s.seed) << ", " << (s.only ? 1 : s.n) << " demandes at "
            << dates << ": " << st.evaluations << " evaluations (" << st.withLogement << " with a logement), "
            << st.bothFailed << " failed in both engines, " << st.disagreements << " disagreements; jit "
            << static_cast<int>(ms(t0, t1)) << " ms, run " << static_cast<int>(ms(t1, t2)) << " ms\n";
  if (st.bothFailed) {
    std::vector<std::pair<std::size_t, std::string>> top;
    for (const auto& [where, count] : st.errors) top.emplace_back(count, where);
    std::sort(top.rbegin(), top.rend());
    std::cout << "[differential]   most frequent evaluation errors:";
    for (std::size_t i = 0; i < top.size() && i < 4; ++i)
      std::cout << "\n[differential]     " << top[i].first << " × " << top[i].second;
    std::cout << "\n";
  }
  const std::string test = testName(f.name);
  for (const Disagreement& d : st.reported) {
    ADD_FAILURE() << "engines disagree on " << f.name << " (seed " << hex(s.seed) << ", demande #" << d.index
                  << ", date " << d.date.toString() << ")\n"
                  << d.what << "  reproduce: LOGE_DIFF_SEED=" << hex(s.seed) << " LOGE_DIFF_ONLY=" << d.index
                  << " differential_test --gtest_filter='*EnginesAgree/" << test << "'\n"
                  << "  demande:     " << d.demande << "\n"
                  << "  logement:    " << d.logement << "\n"
                  << "  candidature: " << d.candidature << "\n";
    if (!s.dumpDir.empty()) dumpDisagreement(s.dumpDir, test, d);
  }
  EXPECT_EQ(st.disagreements, 0u) << "seed " << hex(s.seed);
  // The comparison must not be vacuous: some demandes evaluate.
  if (!p.cotations.empty() || !p.ruleBlocks.empty()) {
    EXPECT_LT(st.bothFailed, st.evaluations) << f.name;
  }
}

// An engine compiled with other options than EnginesAgree's, on the same
// kind of demandes, fewer of them, against the interpreter.
void variantAgrees(const PolicyFile& f, const jit::CompileOptions& compile, const char* label, bool details) {
  Settings s = settings();
  s.n = std::max<std::size_t>(kBatch, s.n / 4);
  auto loaded = load(f.path);
  ASSERT_TRUE(loaded->program);
  const ir::Program& p = *loaded->program;
  if (!p.schema.roles[static_cast<int>(ir::Role::Demande)]) GTEST_SKIP() << f.name << " declares no demande schema";
  std::string why;
  std::unique_ptr<jit::Engine> engine = jit::Engine::create(p, why, compile);
  if (!engine) GTEST_SKIP() << "compiled engine unavailable: " << why;
  PolicyRun run(p, *engine, f.name, s, details);
  Stats st = run.run();
  std::cout << "[differential] " << f.name << " (" << label << "): " << st.evaluations << " evaluations, "
            << st.disagreements << " disagreements\n";
  for (const Disagreement& d : st.reported)
    ADD_FAILURE() << "engines disagree on " << f.name << " (" << label << ", seed " << hex(s.seed) << ", demande #"
                  << d.index << ", date " << d.date.toString() << ")\n"
                  << d.what << "  demande: " << d.demande << "\n  logement: " << d.logement << "\n";
  EXPECT_EQ(st.disagreements, 0u);
}

// The totals-only engine (`loge run --format compact`): totals, bounds,
// rule statuses and définitions. It writes a cotation's criteria only where
// an expression reads them, which this checks across every policy.
TEST_P(Differential, TotalsOnlyEngineAgrees) {
  jit::CompileOptions compile;
  compile.inlining = jit::Inlining::Extended;
  compile.criteria = false;
  compile.definitions = true;
  variantAgrees(GetParam(), compile, "totals only", /*details=*/false);
}

// The quick tier (what `loge run` starts with): same module, other passes
// and the fast instruction selector; every result field and définition.
TEST_P(Differential, QuickTierAgrees) {
  jit::CompileOptions compile;
  compile.tier = jit::Tier::Quick;
  compile.definitions = true;
  variantAgrees(GetParam(), compile, "quick tier", /*details=*/true);
}

// Generated records are valid input data: the JSON dump of each one reads
// back (bounds checked by compiler/ingest) to the same record. This also
// makes the dump printed on a disagreement a faithful reproduction.
TEST_P(Differential, GeneratedRecordsAreValidInput) {
  const PolicyFile& f = GetParam();
  auto loaded = load(f.path);
  ASSERT_TRUE(loaded->program);
  const ir::Program& p = *loaded->program;
  std::uint64_t seed = mixSeed(settings().seed, hashName(f.name) ^ 0x1A9E57ULL);
  RecordGenerator gen(p, harvest(p), GeneratorOptions{evaluationDates(p, seed, true)});
  int checked = 0;
  for (ir::Role role : {ir::Role::Demande, ir::Role::Logement, ir::Role::Candidature, ir::Role::Attribution}) {
    const ir::Type* t = p.schema.roles[static_cast<int>(role)];
    if (!t) continue;
    for (std::size_t i = 0; i < 200; ++i) {
      interp::Arena arena;
      std::mt19937_64 rng(mixSeed(seed, i * 4 + static_cast<std::size_t>(role)));
      interp::Value v = gen.record(t->index, rng, arena);
      std::string json = toJson(p, v);
      interp::Value back;
      ingest::IngestError e;
      ASSERT_TRUE(ingest::readRecord(p, t->index, json, arena, back, e))
          << f.name << ": generated record rejected by input validation: " << e.render() << "\n  " << json;
      ASSERT_EQ(toJson(p, back), json) << f.name;
      ++checked;
    }
  }
  if (!checked) GTEST_SKIP() << f.name << " declares no schema";
}

INSTANTIATE_TEST_SUITE_P(Policies, Differential, ::testing::ValuesIn(policyFiles()), paramName);

// The generator is a pure function of its seed.
TEST(DifferentialGenerator, SameSeedSameRecords) {
  auto loaded = load((fs::path(LOGE_REPO_ROOT) / "examples" / "grille-exemple.loge").string());
  ASSERT_TRUE(loaded->program);
  const ir::Program& p = *loaded->program;
  RecordGenerator gen(p, harvest(p), GeneratorOptions{});
  const ir::Type* t = p.schema.roles[0];
  ASSERT_TRUE(t);
  for (std::uint64_t i = 0; i < 50; ++i) {
    interp::Arena a1, a2;
    std::mt19937_64 r1(mixSeed(42, i)), r2(mixSeed(42, i));
    EXPECT_EQ(toJson(p, gen.record(t->index, r1, a1)), toJson(p, gen.record(t->index, r2, a2)));
  }
}

// ---------------------------------------------------------------- regressions

// tests/differential/regressions/NAME.loge with NAME.jsonl (demandes) and,
// optionally, NAME.logement.json: every demande, with and without the
// logement, at the policy's start and 2025-06-30 (when in force).
class DifferentialRegression : public ::testing::TestWithParam<PolicyFile> {};

TEST_P(DifferentialRegression, EnginesAgree) {
  const PolicyFile& f = GetParam();
  auto loaded = load(f.path);
  ASSERT_TRUE(loaded->program) << renderAll(loaded->diags.diagnostics(), loaded->sources, DiagStyle::OneLine);
  const ir::Program& p = *loaded->program;
  const ir::Type* dt = p.schema.roles[0];
  ASSERT_TRUE(dt);
  std::string why;
  auto engine = jit::Engine::create(p, why);
  ASSERT_TRUE(engine) << why;
  interp::Interpreter interp(p);
  interp::Arena arena;
  fs::path base = fs::path(f.path).replace_extension();
  ingest::Dataset data;
  std::vector<ingest::IngestError> errors;
  ASSERT_TRUE(ingest::readJsonLines(p, dt->index, base.string() + ".jsonl", arena, data, errors))
      << (errors.empty() ? "" : errors[0].render());
  std::vector<interp::Value> logements{interp::Value::absent()};
  if (fs::exists(base.string() + ".logement.json")) {
    interp::Value l;
    ingest::IngestError e;
    ASSERT_TRUE(ingest::readJsonFile(p, p.schema.roles[1]->index, base.string() + ".logement.json", arena, l, e))
        << e.render();
    logements.push_back(l);
  }
  jit::FlatRecords flat = engine->flatten(data.records, dt->index);
  std::vector<std::uint8_t> out, failed;
  for (num::Date date : evaluationDates(p, 0, false)) {
    for (const interp::Value& l : logements) {
      jit::FlatRecords fl;
      if (!l.isAbsent()) fl = engine->flatten({l}, p.schema.roles[1]->index);
      engine->evaluate(flat, l.isAbsent() ? nullptr : fl.at(0), date, out, failed);
      for (std::size_t i = 0; i < data.records.size(); ++i) {
        Context ctx{date, l, interp::Value::absent()};
        Outcome o =
            compareOne(p, interp, *engine, data.records[i], ctx, out.data() + i * engine->outSize(), failed[i] != 0);
        EXPECT_TRUE(o.agreed) << f.name << ": line " << i + 1 << ", date " << date.toString()
                              << (l.isAbsent() ? ", without logement" : ", with the logement") << "\n"
                              << o.what;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Regressions, DifferentialRegression, ::testing::ValuesIn(regressionFiles()), paramName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(DifferentialRegression);

} // namespace
} // namespace loge::difftest
