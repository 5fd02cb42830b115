// libloge: policies loaded from ahead-of-time artifacts (`loge compile`,
// built by this directory's CMakeLists.txt) evaluate exactly as the same
// policies loaded from source: every result line of the example corpus,
// the hand-worked results of the test policy (tests/capi/capi_test.cpp),
// evaluation errors with their place in the policy, and a ranking (the
// golden output of `loge rank`). Damaged, foreign or stale artifacts are
// clean errors.
#include "capi_support.h"

#include "loge/loge.hpp"

#include <llvm/Support/xxhash.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

using namespace capi_test;

namespace {

std::string artifactPath(const std::string& name) { return std::string(LOGE_CAPI_ARTIFACT_DIR) + "/" + name; }

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A file in the build directory with these bytes (removed at destruction).
struct TempFile {
  explicit TempFile(const std::string& name, const std::string& bytes) : path(artifactPath("tmp-" + name)) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { std::remove(path.c_str()); }
  std::string path;
};

// The manifest's place in an artifact, and its digest's (compiler/jit/src/artifact.cpp).
constexpr std::size_t kDigestAt = 16;
std::size_t manifestAt(const std::string& object) { return object.find("LOGEART2"); }

// `object` after an edit, with the digest written again as `loge compile`
// would have: what the loader checks beyond the digest stays reachable.
std::string resealed(std::string object) {
  const std::size_t at = manifestAt(object) + kDigestAt;
  std::memset(object.data() + at, 0, 8);
  const std::uint64_t digest = llvm::xxHash64(llvm::StringRef(object));
  std::memcpy(object.data() + at, &digest, sizeof digest);
  return object;
}

loge_policy* loadArtifact(const std::string& path, loge_engine engine, loge_status expected = LOGE_OK,
                          std::string* message = nullptr) {
  return loadPolicy(path, engine, loge_policy_load_artifact, expected, message);
}

// Every result line of `demandes` evaluated for `logement` at 2025-06-30.
std::vector<std::string> evaluate(const loge_policy* policy, const std::string& demandes, const std::string& logement) {
  std::vector<std::string> out;
  loge_record* l = nullptr;
  loge_batch* b = nullptr;
  loge_results* rs = nullptr;
  ErrorSlot e;
  EXPECT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, logement.c_str(), &l, &e), LOGE_OK) << e.message();
  EXPECT_EQ(loge_batch_from_jsonl_file(policy, demandes.c_str(), &b, &e), LOGE_OK) << e.message();
  EXPECT_EQ(loge_evaluate_batch(policy, b, l, "2025-06-30", &rs, &e), LOGE_OK) << e.message();
  if (rs) out = jsonLines(rs);
  loge_results_free(rs);
  loge_batch_free(b);
  loge_record_free(l);
  return out;
}

TEST(Artifact, ExampleCorpusEqualsTheSource) {
  // grille-exemple.loge imports ../policies/schema/standard.loge: the
  // artifact carries both files.
  const std::string demandes = repoPath("examples/demandes.jsonl");
  const std::string logement = repoPath("examples/logement-t3-plus.json");
  loge_policy* source = loadPolicy(repoPath("examples/grille-exemple.loge"), LOGE_ENGINE_JIT);
  loge_policy* artifact = loadArtifact(artifactPath("grille_exemple.o"), LOGE_ENGINE_AUTO);
  ASSERT_NE(source, nullptr);
  ASSERT_NE(artifact, nullptr);
  loge_engine engine = LOGE_ENGINE_AUTO;
  ASSERT_EQ(loge_policy_engine(artifact, &engine, nullptr), LOGE_OK);
  EXPECT_EQ(engine, LOGE_ENGINE_JIT);
  const char* title = nullptr;
  ASSERT_EQ(loge_policy_title(artifact, &title, nullptr), LOGE_OK);
  EXPECT_NE(str(title), "");
  std::vector<std::string> expected = evaluate(source, demandes, logement);
  ASSERT_EQ(expected.size(), 3000u);
  EXPECT_EQ(evaluate(artifact, demandes, logement), expected);
  loge_policy_free(artifact);
  loge_policy_free(source);
}

TEST(Artifact, HandWorkedResultsAndErrorsEqualTheSource) {
  // api-test.loge: A 44 points, B 124.5, C overflows (evaluation error
  // located in the policy), D 11.5 refused.
  loge_policy* source = loadPolicy(dataPath("api-test.loge"), LOGE_ENGINE_JIT);
  loge_policy* artifact = loadArtifact(artifactPath("api_test.o"), LOGE_ENGINE_JIT);
  ASSERT_NE(artifact, nullptr);
  std::vector<std::string> lines = evaluate(artifact, dataPath("demandes.jsonl"), dataPath("logement.json"));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_NE(lines[0].find("\"total\": 44"), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("\"total\": 124.5"), std::string::npos) << lines[1];
  EXPECT_NE(lines[2].find("\"erreur\""), std::string::npos) << lines[2];
  EXPECT_NE(lines[3].find("\"total\": 11.5"), std::string::npos) << lines[3];
  EXPECT_EQ(lines, evaluate(source, dataPath("demandes.jsonl"), dataPath("logement.json")));

  // One demande alone: the overflow is located where the source puts it.
  loge_record* c = nullptr;
  loge_result* r = nullptr;
  const std::string line = R"({"id": "C", "depot": "2024-01-01", "enfants": 0, "ressources": "900", "dalo": false,)"
                           R"( "zone": "b", "personnes": [], "communes": [], "facteur": 4000000000})";
  ASSERT_EQ(loge_record_from_json(artifact, LOGE_ROLE_DEMANDE, line.data(), line.size(), &c, nullptr), LOGE_OK);
  ErrorSlot fromArtifact, fromSource;
  EXPECT_EQ(loge_evaluate(artifact, c, nullptr, "2025-06-30", &r, &fromArtifact), LOGE_ERR_EVALUATION);
  loge_record_free(c);
  ASSERT_EQ(loge_record_from_json(source, LOGE_ROLE_DEMANDE, line.data(), line.size(), &c, nullptr), LOGE_OK);
  EXPECT_EQ(loge_evaluate(source, c, nullptr, "2025-06-30", &r, &fromSource), LOGE_ERR_EVALUATION);
  EXPECT_EQ(str(loge_error_text(fromArtifact.e)), str(loge_error_text(fromSource.e)));
  EXPECT_EQ(str(loge_error_location(fromArtifact.e).file), dataPath("api-test.loge"));
  EXPECT_GT(loge_error_location(fromArtifact.e).line, 0u);
  loge_record_free(c);
  loge_policy_free(source);

  // The interpreter on the artifact's embedded policy gives the same.
  loge_policy* interp = loadArtifact(artifactPath("api_test.o"), LOGE_ENGINE_INTERPRETER);
  loge_engine engine = LOGE_ENGINE_AUTO;
  ASSERT_EQ(loge_policy_engine(interp, &engine, nullptr), LOGE_OK);
  EXPECT_EQ(engine, LOGE_ENGINE_INTERPRETER);
  EXPECT_EQ(evaluate(interp, dataPath("demandes.jsonl"), dataPath("logement.json")), lines);
  loge_policy_free(interp);
  loge_policy_free(artifact);
}

TEST(Artifact, RankingFromAnArtifact) {
  // tests/designation: B, A, Q retained (see designation_test.cpp).
  const std::string data = repoPath("tests/designation/data/");
  loge_policy* p = loadArtifact(artifactPath("cal.o"), LOGE_ENGINE_AUTO);
  ASSERT_NE(p, nullptr);
  loge_record* l = nullptr;
  loge_batch* d = nullptr;
  loge_batch* a = nullptr;
  ASSERT_EQ(loge_record_from_json_file(p, LOGE_ROLE_LOGEMENT, (data + "logement-t3.json").c_str(), &l, nullptr),
            LOGE_OK);
  ASSERT_EQ(loge_batch_from_jsonl_file(p, (data + "demandes.jsonl").c_str(), &d, nullptr), LOGE_OK);
  ASSERT_EQ(
      loge_batch_from_jsonl_file_for(p, LOGE_ROLE_ATTRIBUTION, (data + "attributions.jsonl").c_str(), &a, nullptr),
      LOGE_OK);
  loge_ranking* r = nullptr;
  ErrorSlot e;
  ASSERT_EQ(loge_rank(p, l, d, a, nullptr, "2025-06-30", nullptr, &r, &e), LOGE_OK) << e.message();
  const char* json = nullptr;
  ASSERT_EQ(loge_ranking_json(r, &json, nullptr), LOGE_OK);
  EXPECT_EQ(str(json), readAll(repoPath("tests/designation/golden/rank-t3-quota-json.out")));
  loge_ranking_free(r);
  loge_batch_free(a);
  loge_batch_free(d);
  loge_record_free(l);
  loge_policy_free(p);
}

TEST(Artifact, CppWrapper) {
  loge::Policy p = loge::Policy::loadArtifact(artifactPath("api_test.o"));
  EXPECT_EQ(p.engine(), LOGE_ENGINE_JIT);
  loge::Batch b = loge::Batch::fromJsonLinesFile(p, dataPath("demandes.jsonl"));
  loge::Record l = loge::Record::fromJsonFile(p, LOGE_ROLE_LOGEMENT, dataPath("logement.json"));
  loge::Results r = p.evaluate(b, &l, "2025-06-30");
  EXPECT_EQ(r[0].total(), "44");
  EXPECT_EQ(r.failed(), 1u);
  try {
    loge::Policy::loadArtifact(dataPath("api-test.loge"));
    FAIL() << "une politique source acceptée comme artefact";
  } catch (const loge::Error& e) {
    EXPECT_EQ(e.status(), LOGE_ERR_DATA);
  }
}

TEST(Artifact, SeveralArtifactsAtOnce) {
  loge_policy* a = loadArtifact(artifactPath("api_test.o"), LOGE_ENGINE_AUTO);
  loge_policy* b = loadArtifact(artifactPath("api_test.o"), LOGE_ENGINE_AUTO);
  loge_policy* c = loadArtifact(artifactPath("cal.o"), LOGE_ENGINE_AUTO);
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(evaluate(a, dataPath("demandes.jsonl"), dataPath("logement.json")),
            evaluate(b, dataPath("demandes.jsonl"), dataPath("logement.json")));
  loge_policy_free(a);
  EXPECT_EQ(evaluate(b, dataPath("demandes.jsonl"), dataPath("logement.json")).size(), 4u);
  loge_policy_free(c);
  loge_policy_free(b);
}

TEST(Artifact, BadArtifactsAreCleanErrors) {
  std::string message;
  EXPECT_EQ(loadArtifact(artifactPath("absent.o"), LOGE_ENGINE_AUTO, LOGE_ERR_IO, &message), nullptr);
  EXPECT_EQ(message, artifactPath("absent.o") + " : impossible d'ouvrir l'artefact (absent ou illisible)");
  EXPECT_EQ(loadArtifact(LOGE_CAPI_ARTIFACT_DIR, LOGE_ENGINE_AUTO, LOGE_ERR_IO), nullptr);
  // The C header, a policy's source, garbage, nothing: not an object file.
  for (const std::string& path : {artifactPath("api_test.h"), dataPath("api-test.loge")})
    EXPECT_EQ(loadArtifact(path, LOGE_ENGINE_AUTO, LOGE_ERR_DATA), nullptr) << path;
  TempFile empty("empty.o", "");
  EXPECT_EQ(loadArtifact(empty.path, LOGE_ENGINE_AUTO, LOGE_ERR_DATA, &message), nullptr);
  EXPECT_EQ(message, empty.path +
                         " : ce n'est pas un fichier objet, ou il est endommagé (attendu le NOM.o écrit par `loge "
                         "compile`)");
  const std::string object = readAll(artifactPath("api_test.o"));
  ASSERT_EQ(resealed(object), object) << "the digest is not computed as the test assumes";
  // Truncated anywhere: refused, never read out of bounds.
  for (std::size_t size : {std::size_t{64}, object.size() / 3, object.size() / 2, object.size() - 200}) {
    TempFile cut("cut.o", object.substr(0, size));
    EXPECT_EQ(loadArtifact(cut.path, LOGE_ENGINE_AUTO, LOGE_ERR_DATA), nullptr) << size;
  }
  // One byte changed anywhere — machine code, parameter tables, the
  // embedded policy, the symbol table — refused before any of it runs:
  // such a change used to load, and could run wrong code.
  const std::size_t manifest = manifestAt(object);
  ASSERT_NE(manifest, std::string::npos);
  for (std::size_t at :
       {std::size_t{100}, object.size() / 10, object.size() / 4, manifest + 200, object.size() - 100}) {
    std::string damaged = object;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
    TempFile damagedFile("damaged.o", damaged);
    EXPECT_EQ(loadArtifact(damagedFile.path, LOGE_ENGINE_AUTO, LOGE_ERR_DATA, &message), nullptr) << at;
    if (message.find("ce n'est pas un fichier objet") == std::string::npos) {
      EXPECT_EQ(message, damagedFile.path +
                             " : l'artefact est endommagé : son contenu ne correspond plus à l'empreinte que `loge "
                             "compile` y a inscrite (fichier tronqué ou modifié depuis) ; recompilez la politique avec "
                             "`loge compile`")
          << at;
    }
  }

  // A manifest from an incompatible compiler: refused before any code runs.
  std::string stale = object;
  stale[manifest + 24] ^= 0x40; // the AOT ABI version
  TempFile staleFile("stale.o", resealed(stale));
  EXPECT_EQ(loadArtifact(staleFile.path, LOGE_ENGINE_AUTO, LOGE_ERR_UNSUPPORTED, &message), nullptr);
  EXPECT_NE(message.find("recompilez la politique avec `loge compile`"), std::string::npos) << message;
  // …but its embedded policy still serves the interpreter.
  loge_policy* p = loadArtifact(staleFile.path, LOGE_ENGINE_INTERPRETER);
  EXPECT_NE(p, nullptr);
  loge_policy_free(p);

  // An embedded policy that no longer checks: the diagnostics of its file.
  const std::string keyword = "cotation principale";
  const std::size_t at = object.find(keyword, manifest);
  ASSERT_NE(at, std::string::npos);
  std::string broken = object;
  broken.replace(at, keyword.size(), "cotatoin principale");
  TempFile brokenFile("broken.o", resealed(broken));
  loge_options* o = nullptr;
  ASSERT_EQ(loge_options_create(&o, nullptr), LOGE_OK);
  ErrorSlot e;
  EXPECT_EQ(loge_policy_load_artifact(brokenFile.path.c_str(), o, &p, &e), LOGE_ERR_POLICY);
  EXPECT_EQ(str(loge_error_location(e.e).file), dataPath("api-test.loge"));
  EXPECT_GT(loge_error_location(e.e).line, 0u);
  loge_options_free(o);

  // Arguments.
  EXPECT_EQ(loge_policy_load_artifact(nullptr, nullptr, &p, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_policy_load_artifact(artifactPath("api_test.o").c_str(), nullptr, nullptr, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_policy_load_artifact(artifactPath("api_test.o").c_str(),
                                      reinterpret_cast<const loge_options*>(object.data()), &p, &e),
            LOGE_ERR_ARGUMENT);
}

} // namespace
