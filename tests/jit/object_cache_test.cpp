// The compiled engine's object cache: an unchanged policy reuses its object
// and evaluates exactly as when compiled afresh; an altered, truncated or
// foreign object, or a directory others may write to, is never used. And
// the quick tier: the same results as the optimised code; recompiled
// optimised (and cached) once enough demandes are evaluated, also while
// other threads evaluate.
#include "loge/ingest/ingest.h"
#include "loge/jit/jit.h"
#include "loge/sema/check.h"
#include "object_cache.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <thread>
#include <unistd.h>

namespace {

using namespace loge;
namespace fs = std::filesystem;

const std::string kRoot = LOGE_REPO_ROOT;

class JitCache : public ::testing::Test {
protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("loge-cache-test-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    options.cacheDir = dir.string();
  }
  void TearDown() override { fs::remove_all(dir); }

  std::unique_ptr<ir::Program> check(const std::string& policy) {
    DiagnosticEngine diags;
    return sema::check(kRoot + "/" + policy, sources, diags);
  }

  std::vector<fs::path> objects() const {
    std::vector<fs::path> files;
    if (fs::exists(dir))
      for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    return files;
  }

  // Every demande of `demandes` (by default the workload's boundary set),
  // evaluated with the logement if one is given: the result records and the
  // per-demande error flags, byte for byte.
  std::vector<std::uint8_t> evaluate(const ir::Program& p, const jit::Engine& engine,
                                     const std::string& demandes = "bench/data/demandes_edge.jsonl",
                                     const std::string& logement = "") {
    const ir::Type* demandeType = p.schema.roles[static_cast<int>(ir::Role::Demande)];
    const ir::Type* logementType = p.schema.roles[static_cast<int>(ir::Role::Logement)];
    interp::Arena arena;
    ingest::Dataset data;
    std::vector<ingest::IngestError> errors;
    EXPECT_TRUE(ingest::readJsonLines(p, demandeType->index, kRoot + "/" + demandes, arena, data, errors));
    jit::FlatRecords flat = engine.flatten(data.records, demandeType->index);
    jit::FlatRecords flatLogement;
    if (!logement.empty()) {
      interp::Value l;
      ingest::IngestError error;
      EXPECT_TRUE(ingest::readJsonFile(p, logementType->index, kRoot + "/" + logement, arena, l, error));
      flatLogement = engine.flatten({l}, logementType->index);
    }
    std::vector<std::uint8_t> out, failed;
    engine.evaluate(flat, logement.empty() ? nullptr : flatLogement.at(0), *num::Date::parse("2025-06-30"), out,
                    failed);
    out.insert(out.end(), failed.begin(), failed.end());
    return out;
  }

  SourceManager sources;
  fs::path dir;
  jit::CompileOptions options;
};

TEST_F(JitCache, SecondCompilationReusesTheObjectWithTheSameResults) {
  auto p = check("bench/workload.loge");
  ASSERT_TRUE(p);
  std::string why;
  auto cold = jit::Engine::create(*p, why, options);
  ASSERT_TRUE(cold) << why;
  EXPECT_FALSE(cold->timings().fromCache);
  ASSERT_EQ(objects().size(), 1u);
  EXPECT_EQ(fs::status(dir).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);

  auto warm = jit::Engine::create(*p, why, options);
  ASSERT_TRUE(warm) << why;
  EXPECT_TRUE(warm->timings().fromCache);
  EXPECT_EQ(warm->timings().optimiseMs, 0.0);
  auto uncached = jit::Engine::create(*p, why);
  ASSERT_TRUE(uncached) << why;
  auto reference = evaluate(*p, *uncached);
  EXPECT_EQ(evaluate(*p, *cold), reference);
  EXPECT_EQ(evaluate(*p, *warm), reference);
}

TEST_F(JitCache, EachPolicyHasItsOwnObject) {
  std::string why;
  for (const char* policy : {"bench/workload.loge", "examples/grille-exemple.loge", "bench/workload.loge"}) {
    auto p = check(policy);
    ASSERT_TRUE(p) << policy;
    ASSERT_TRUE(jit::Engine::create(*p, why, options)) << why;
  }
  EXPECT_EQ(objects().size(), 2u);
}

void alter(const fs::path& file, bool truncate) {
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 1000u);
  if (truncate)
    bytes.resize(bytes.size() / 2);
  else
    bytes[bytes.size() - 100] ^= 0x20;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << bytes;
}

TEST_F(JitCache, AlteredOrTruncatedObjectIsCompiledAgain) {
  auto p = check("bench/workload.loge");
  ASSERT_TRUE(p);
  std::string why;
  ASSERT_TRUE(jit::Engine::create(*p, why, options)) << why;
  auto reference = evaluate(*p, *jit::Engine::create(*p, why));
  for (bool truncate : {false, true}) {
    ASSERT_EQ(objects().size(), 1u);
    alter(objects()[0], truncate);
    auto e = jit::Engine::create(*p, why, options);
    ASSERT_TRUE(e) << why;
    EXPECT_FALSE(e->timings().fromCache) << (truncate ? "tronqué" : "altéré");
    EXPECT_EQ(evaluate(*p, *e), reference);
    // The fresh object replaced the damaged one.
    auto again = jit::Engine::create(*p, why, options);
    ASSERT_TRUE(again) << why;
    EXPECT_TRUE(again->timings().fromCache);
  }
}

TEST_F(JitCache, DirectoryOthersMayWriteToIsNotUsed) {
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::all, fs::perm_options::replace);
  auto p = check("bench/workload.loge");
  ASSERT_TRUE(p);
  std::string why;
  for (int i = 0; i < 2; ++i) {
    auto e = jit::Engine::create(*p, why, options);
    ASSERT_TRUE(e) << why;
    EXPECT_FALSE(e->timings().fromCache);
  }
  EXPECT_TRUE(objects().empty());
}

TEST_F(JitCache, DirectoryOfAnotherUserIsNotUsed) {
  if (::geteuid() != 0) GTEST_SKIP() << "il faut être root pour donner le dossier à un autre utilisateur";
  auto p = check("bench/workload.loge");
  ASSERT_TRUE(p);
  std::string why;
  ASSERT_TRUE(jit::Engine::create(*p, why, options)) << why;
  ASSERT_EQ(objects().size(), 1u);
  ASSERT_EQ(::chown(dir.c_str(), 65534, 65534), 0); // nobody
  auto e = jit::Engine::create(*p, why, options);
  ASSERT_TRUE(e) << why;
  EXPECT_FALSE(e->timings().fromCache);
  ASSERT_EQ(::chown(dir.c_str(), 0, 0), 0);
  auto again = jit::Engine::create(*p, why, options);
  ASSERT_TRUE(again) << why;
  EXPECT_TRUE(again->timings().fromCache);
}

TEST_F(JitCache, UnusableDirectoryOnlyCostsTheCache) {
  fs::create_directories(dir);
  std::ofstream(dir / "fichier") << "pas un répertoire";
  options.cacheDir = (dir / "fichier" / "cache").string();
  auto p = check("bench/workload.loge");
  ASSERT_TRUE(p);
  std::string why;
  auto e = jit::Engine::create(*p, why, options);
  ASSERT_TRUE(e) << why;
  EXPECT_FALSE(e->timings().fromCache);
}

TEST_F(JitCache, LeastRecentlyUsedObjectsArePruned) {
  jit::internal::ObjectCache cache(dir);
  std::string object(64, 'x');
  for (int i = 0; i < 300; ++i) {
    cache.store("k" + std::to_string(i), {object});
    if (i == 0) {
      // The first entry is the oldest; make sure of it whatever the clock's
      // resolution.
      fs::last_write_time(dir / "k0.o", fs::file_time_type::clock::now() - std::chrono::hours(1));
    }
  }
  std::size_t n = objects().size();
  EXPECT_LE(n, 256u);
  EXPECT_GE(n, 192u);
  EXPECT_FALSE(fs::exists(dir / "k0.o"));
  EXPECT_EQ(cache.find("k299").size(), 1u);
  EXPECT_TRUE(cache.find("absent").empty());
}

} // namespace

// Cut into pieces compiled on separate threads (partition.h), a policy
// evaluates byte for byte as when compiled whole; the cache keeps each cut
// apart.
TEST_F(JitCache, PartitionedOrInlinedCompilationGivesTheSameResults) {
  struct Case {
    const char *policy, *demandes, *logement;
  };
  for (const Case& c :
       {Case{"bench/workload.loge", "bench/data/demandes_edge.jsonl", "bench/logement_plus.json"},
        Case{"examples/grille-exemple.loge", "examples/demandes.jsonl", "examples/logement-t3-plus.json"},
        // 34 criteria: computed by groups (lower_decls.cpp), inlined back when whole
        Case{"policies/grenoble/grille.loge", "examples/demandes.jsonl", "examples/logement-t3-plus.json"}}) {
    const char* policy = c.policy;
    auto p = check(policy);
    ASSERT_TRUE(p) << policy;
    std::string why;
    jit::CompileOptions whole;
    whole.partitions = 1;
    auto reference = jit::Engine::create(*p, why, whole);
    ASSERT_TRUE(reference) << why;
    auto expected = evaluate(*p, *reference, c.demandes, c.logement);
    ASSERT_GT(expected.size(), 100u);
    for (unsigned n : {2u, 3u}) {
      options.partitions = n;
      auto e = jit::Engine::create(*p, why, options);
      ASSERT_TRUE(e) << why;
      EXPECT_EQ(e->timings().partitions, n) << policy;
      EXPECT_EQ(evaluate(*p, *e, c.demandes, c.logement), expected) << policy << " en " << n << " morceaux";
      auto cached = jit::Engine::create(*p, why, options);
      ASSERT_TRUE(cached) << why;
      EXPECT_TRUE(cached->timings().fromCache);
      EXPECT_EQ(evaluate(*p, *cached, c.demandes, c.logement), expected)
          << policy << " en " << n << " morceaux, du cache";
    }
    // The extended inlining: the same results, whole or cut, and an object
    // of its own in the cache (never the standard one).
    for (unsigned n : {1u, 2u}) {
      options.partitions = n;
      options.inlining = jit::Inlining::Extended;
      auto e = jit::Engine::create(*p, why, options);
      ASSERT_TRUE(e) << why;
      EXPECT_FALSE(e->timings().fromCache) << policy << " en " << n << " morceaux, inlining étendu";
      EXPECT_EQ(evaluate(*p, *e, c.demandes, c.logement), expected) << policy << " en " << n << " morceaux, étendu";
      auto cached = jit::Engine::create(*p, why, options);
      ASSERT_TRUE(cached) << why;
      EXPECT_TRUE(cached->timings().fromCache);
      options.inlining = jit::Inlining::Standard;
    }
  }
}

TEST_F(JitCache, QuickTierEvaluatesAsTheOptimisedCode) {
  struct Case {
    const char *policy, *demandes, *logement;
  };
  std::string why;
  for (const Case& c :
       {Case{"bench/workload.loge", "bench/data/demandes_edge.jsonl", "bench/logement_plus.json"},
        Case{"examples/grille-exemple.loge", "examples/demandes.jsonl", "examples/logement-t3-plus.json"},
        Case{"policies/grenoble/grenoble.loge", "examples/demandes.jsonl", "examples/logement-t3-plus.json"}}) {
    auto p = check(c.policy);
    ASSERT_TRUE(p) << c.policy;
    auto optimised = jit::Engine::create(*p, why);
    ASSERT_TRUE(optimised) << why;
    jit::CompileOptions quickOptions = options;
    quickOptions.tier = jit::Tier::Quick;
    auto quick = jit::Engine::create(*p, why, quickOptions);
    ASSERT_TRUE(quick) << why;
    EXPECT_EQ(quick->tier(), jit::Tier::Quick);
    EXPECT_EQ(optimised->tier(), jit::Tier::Optimised);
    EXPECT_EQ(evaluate(*p, *quick, c.demandes), evaluate(*p, *optimised, c.demandes)) << c.policy;
    EXPECT_EQ(evaluate(*p, *quick, c.demandes, c.logement), evaluate(*p, *optimised, c.demandes, c.logement))
        << c.policy;
    // Never recompiled (optimiseAfter is 0), and quick objects are not cached.
    EXPECT_EQ(quick->tier(), jit::Tier::Quick);
    EXPECT_TRUE(objects().empty());
  }
}

TEST_F(JitCache, QuickTierIsOptimisedAfterEnoughDemandesAndCached) {
  auto p = check("bench/workload.loge");
  ASSERT_TRUE(p);
  std::string why;
  auto reference = jit::Engine::create(*p, why);
  ASSERT_TRUE(reference) << why;
  const auto expected = evaluate(*p, *reference);
  jit::CompileOptions quickOptions = options;
  quickOptions.tier = jit::Tier::Quick;
  quickOptions.optimiseAfter = 600; // the edge file has 450 demandes: the second call crosses it
  auto engine = jit::Engine::create(*p, why, quickOptions);
  ASSERT_TRUE(engine) << why;
  EXPECT_EQ(evaluate(*p, *engine), expected);
  EXPECT_EQ(engine->tier(), jit::Tier::Quick);
  EXPECT_EQ(engine->timings().laterOptimiseMs, 0.0);
  EXPECT_TRUE(objects().empty());
  EXPECT_EQ(evaluate(*p, *engine), expected); // crosses the threshold: the compilation starts
  engine->waitForOptimisation();
  EXPECT_EQ(engine->tier(), jit::Tier::Optimised);
  EXPECT_GT(engine->timings().laterOptimiseMs, 0.0);
  engine->waitForOptimisation(); // at once: nothing more to wait for
  EXPECT_EQ(objects().size(), 1u);
  EXPECT_EQ(evaluate(*p, *engine), expected);

  // The next engine finds the optimised objects: no quick tier at all.
  auto next = jit::Engine::create(*p, why, quickOptions);
  ASSERT_TRUE(next) << why;
  EXPECT_TRUE(next->timings().fromCache);
  EXPECT_EQ(next->tier(), jit::Tier::Optimised);
  EXPECT_EQ(evaluate(*p, *next), expected);
}

// Threads share one engine; the one that crosses the threshold starts the
// optimised compilation, and every thread goes on with the quick code until
// the switch, then with the optimised code, each evaluation giving the same
// results. CI runs it under ThreadSanitizer (tools/test-sanitizers.sh: the
// `concurrency` label).
TEST_F(JitCache, QuickTierSwitchesWhileThreadsEvaluate) {
  auto p = check("bench/workload.loge");
  ASSERT_TRUE(p);
  std::string why;
  auto reference = jit::Engine::create(*p, why);
  ASSERT_TRUE(reference) << why;
  const auto expected = evaluate(*p, *reference);
  jit::CompileOptions quickOptions = options;
  quickOptions.tier = jit::Tier::Quick;
  quickOptions.optimiseAfter = 2'000;
  auto engine = jit::Engine::create(*p, why, quickOptions);
  ASSERT_TRUE(engine) << why;
  constexpr int kThreads = 4, kRoundsAfter = 4;
  // Evaluating until the switch, and a few times after it; bounded, so that
  // a switch that never comes fails the test instead of hanging it.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  std::vector<int> rounds(kThreads, 0), same(kThreads, 0), after(kThreads, 0);
  {
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        while (after[t] < kRoundsAfter && std::chrono::steady_clock::now() < deadline) {
          bool optimised = engine->tier() == jit::Tier::Optimised;
          same[t] += evaluate(*p, *engine) == expected;
          ++rounds[t];
          after[t] += optimised;
        }
      });
    for (std::thread& t : threads) t.join();
  }
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(same[t], rounds[t]) << "thread " << t;
    EXPECT_EQ(after[t], kRoundsAfter) << "thread " << t;
  }
  // Some evaluations ran with the quick code after the crossing (2 000
  // demandes: the fifth evaluation of 450), while the compilation ran.
  EXPECT_GT(std::accumulate(rounds.begin(), rounds.end(), 0), 5 + kThreads * kRoundsAfter);
  engine->waitForOptimisation();
  EXPECT_EQ(engine->tier(), jit::Tier::Optimised);
  EXPECT_EQ(evaluate(*p, *engine), expected);
}
