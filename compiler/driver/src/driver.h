// Driver stage (internal): the `loge` command line, one file per verb.
#pragma once

#include "loge/diag/diagnostic.h"
#include "loge/diag/render.h"
#include "loge/ingest/ingest.h"
#include "loge/interp/interp.h"
#include "loge/ir/program.h"
#include "loge/jit/jit.h"
#include "loge/source/source.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loge::driver {

// Exit codes, documented in docs/reference/ligne-de-commande.md.
enum Exit : int {
  kOk = 0,
  kPolicyError = 1,   // the policy does not check, or a test failed
  kDataError = 2,     // input data is malformed
  kEvalError = 3,     // some demandes could not be evaluated
  kUsageError = 64,   // bad command line
  kInternalError = 70 // a compiler bug
};

// "file:line:column" of a range, for messages.
std::string location(const SourceManager& sm, const SourceRange& r);

// Prints "file:line:column: erreur d'évaluation : …" on stderr; returns
// kEvalError, the exit code of a verb stopped by an evaluation error.
int reportEvalError(const SourceManager& sm, const interp::EvalError& e);

// --compilation: how the compiled engine produces its code (jit::Tier).
enum class Compilation : std::uint8_t {
  Auto,     // quick, then optimised once kOptimiseAfter demandes are evaluated
  Quick,    // rapide
  Optimised // optimisée
};

// A run evaluating more demandes than this recompiles optimised: the quick
// code's ≈ 0.1 – 0.2 µs more per demande (workload, bench/run_bench.sh) add
// up, over a million demandes, to about an optimised compilation of a shipped
// policy (0.2 – 0.8 s); the optimised objects are then cached for later runs.
inline constexpr std::uint64_t kOptimiseAfter = 1'000'000;

struct Options {
  DiagStyle style = DiagStyle::Full;
  bool color = false;
  bool jitCache = true; // --sans-cache turns it off
  Compilation compilation = Compilation::Auto;
};

// Where the compiled engine keeps its objects between runs: LOGE_CACHE_DIR,
// else $XDG_CACHE_HOME/loge/jit, else ~/.cache/loge/jit; none with
// --sans-cache or LOGE_CACHE=non (also 0, off, false). Verbs that evaluate
// many demandes (run, bench, rank, position) ask for the extended inlining;
// test and explain, which evaluate a few, for the quicker compilation. The
// tier follows --compilation.
jit::CompileOptions jitOptions(const Options& opts, jit::Inlining inlining);

// A checked policy with the sources it came from.
struct Compiled {
  SourceManager sources;
  std::unique_ptr<ir::Program> program;
};

// Loads and checks a policy, printing its diagnostics to stderr. Returns
// null (and prints why) when the policy has errors.
std::unique_ptr<Compiled> compile(const std::string& path, const Options& opts, bool quietWarnings = false,
                                  std::string* errorsOneLine = nullptr);

int runCheck(const std::vector<std::string>& files, const Options& opts);
int runFmt(const std::vector<std::string>& files, bool check, const Options& opts);
struct TestArgs {
  std::vector<std::string> paths;
  std::string junit, engine = "both";
  bool coverage = false;                  // --coverage: French report after the tests
  std::string coverageJson;               // --coverage-json F (implies --coverage)
  std::optional<std::string> coverageMin; // --coverage-min PCT (implies --coverage); "" is refused
};
int runTest(const TestArgs& args, const Options& opts);
// How the demandes files are read (--format-entree, --separateur, --sne-defauts).
struct InputArgs {
  std::string format;    // jsonl, xml or csv; "" chooses by the file extension
  std::string separator; // CSV: ";" or ","; "" detects it
  bool sneDefaults = false;
};
// The format of `path`: --format-entree, else its extension (JSON Lines for
// any other); prints an error and returns nullopt for an unknown name.
std::optional<ingest::InputFormat> inputFormat(const InputArgs& in, const std::string& path);
std::optional<ingest::ReadOptions> readOptions(const InputArgs& in);
// One JSON object from a file (a logement, a demande); every problem printed
// on stderr (file, line, column, field).
bool readOne(const ir::Program& p, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
             interp::Value& out);
// Reads a demandes file; prints its errors (and notes) to stderr. Returns
// kOk, kDataError or kUsageError.
int readDemandes(const ir::Program& p, std::uint32_t structIndex, const std::string& path, const InputArgs& in,
                 interp::Arena& arena, ingest::Dataset& data);

struct RunArgs {
  std::string policy, demandes, logement, date, format = "json", output;
  InputArgs input;
  std::string engine = "auto"; // auto (jit when it covers the policy) | interp | jit
};
int runRun(const RunArgs& args, const Options& opts);
struct BenchArgs {
  std::string policy, demandes, logement, date, engine = "jit";
  int passes = 0;          // 0: at least 5 passes and 1 second
  bool totalsOnly = false; // jit::CompileOptions::criteria = false
  InputArgs input;
};
int runBench(const BenchArgs& args, const Options& opts);
struct ExplainArgs {
  std::string policy, demande, logement, date;
  std::string id;              // which demande of a file holding several
  std::string engine = "auto"; // auto | jit | interp
  InputArgs input;
};
int runExplain(const ExplainArgs& args, const Options& opts);
struct CompileArgs {
  std::string policy, output, cpu = "generic";
  std::optional<std::string> name; // absent: the policy file's name
};
int runCompile(const CompileArgs& args, const Options& opts);

struct DiffArgs {
  std::string before, after; // files or RÉVISION:chemin
  std::string demandes, logement, date, output;
  std::string format = "markdown"; // markdown | json
  bool json = false;               // --json, for --format json
  std::size_t top = 10, examples = 3;
  std::string cotation, classement; // "" : the first
  InputArgs input;                  // --format-entree, --separateur, --sne-defauts
};
int runDiff(const DiffArgs& args, const Options& opts);

// A file being written. A regular file (or a new one) is written next to
// itself and renamed into place on close, so that no reader sees half of
// it; a symbolic link is followed (the link stays); anything else — a
// terminal, /dev/stdout, a pipe — is written directly (renaming over a
// device would replace it).
class OutputFile {
public:
  bool open(const std::string& path); // false when it cannot be created
  std::FILE* get() const { return file_; }
  // Flushes and closes; false (and nothing replaced) when any write failed.
  bool close();
  ~OutputFile();

private:
  std::FILE* file_ = nullptr;
  std::string target_, tmp_;
};

// Writes `content` to `path` as OutputFile does; false when it cannot.
bool writeFileAtomically(const std::string& path, const std::string& content);

// Whether `output` names the same file as one of `inputs` (which it would
// overwrite).
bool sameFile(const std::string& output, const std::vector<std::string>& inputs);

struct RankArgs {
  std::string policy, logement, demandes, date, attributions, classement, candidature, engine = "auto";
  InputArgs input; // the demandes file
  bool json = false;
};
int runRank(const RankArgs& args, const Options& opts);
struct QuotaArgs {
  std::string policy, attributions, periode, date;
  bool json = false;
};
int runQuota(const QuotaArgs& args, const Options& opts);
struct PositionArgs {
  std::string policy, demande, demandes, attributions, date, similarite, cotation, engine = "auto";
  InputArgs input; // the demandes file
  bool json = false;
};
int runPosition(const PositionArgs& args, const Options& opts);

// Parses --date (AAAA-MM-JJ); prints an error and returns nullopt if bad.
std::optional<num::Date> parseDateOption(const std::string& text);
// The evaluation date: --date, else the policy's start of effect…; prints
// an error when the date is outside the policy's effective period.
std::optional<num::Date> evaluationDate(const ir::Program& p, const std::string& option);
// Whether `d` is in the policy's période de vigueur, and that period in
// words ("du 2025-01-01 au 2025-12-31", "du 2025-01-01", "jusqu'au …").
bool inVigueur(const ir::Program& p, num::Date d);
std::string vigueurText(const ir::Program& p);

} // namespace loge::driver
