// JIT stage: a checked program compiled to native code with LLVM ORC.
//
// The engine evaluates demandes laid out flat (codegen/layout.h) and writes
// each demande's results in the codegen::OutLayout; `decode` turns them into
// the interpreter's result type, so callers compare and print both engines'
// results the same way. Evaluation errors are flagged per demande; the
// located message comes from the interpreter (identical by construction).
// No LLVM type appears in this header. An Engine is immutable once built:
// several threads may evaluate with it, each with its own Batch buffers.
#pragma once

#include "loge/interp/interp.h"
#include "loge/ir/program.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace loge::jit {

// Records in the flat layout, with the storage their lists point into.
class FlatRecords {
public:
  FlatRecords();
  FlatRecords(FlatRecords&&) noexcept;
  FlatRecords& operator=(FlatRecords&&) noexcept;
  ~FlatRecords();
  std::size_t count() const { return count_; }
  std::uint32_t stride() const { return stride_; }
  const std::uint8_t* data() const { return data_; }
  const std::uint8_t* at(std::size_t i) const { return data_ + i * stride_; }
  // Records first … first + count − 1 (fewer at the end), not copied: valid
  // while these records live.
  FlatRecords slice(std::size_t first, std::size_t count) const;

private:
  friend class Engine;
  struct Storage;
  std::unique_ptr<Storage> storage_;
  const std::uint8_t* data_ = nullptr;
  std::uint32_t stride_ = 0;
  std::size_t count_ = 0;
};

struct ArtifactManifest;

// Milliseconds spent in each step of Engine::create. With an object from
// the cache, optimisation and native code generation take no time.
struct CompileTimings {
  double codegenMs = 0, cacheMs = 0, optimiseMs = 0, jitMs = 0, linkMs = 0;
  bool fromCache = false;
  unsigned partitions = 1; // compiled in this many pieces, in parallel
  // Tier::Quick then optimised: the optimised compilation's milliseconds
  // (optimisation and native code), 0 until it happened.
  double laterOptimiseMs = 0;
};

// How far the optimiser inlines. `Standard` is LLVM's O2 and compiles
// fastest. `Extended` also inlines the larger définitions called from a few
// places, so that the demande's frame (memo flags, memoised values) lives
// in registers: the workload evaluates in ≈ 12 % fewer instructions, for up
// to 40 % more compile time when nothing is cached. Worth it where many
// demandes are evaluated; the results are the same either way.
enum class Inlining : std::uint8_t {
  Standard,
  Extended
};

// How the native code is produced.
//  - `Optimised`: LLVM's O2 pipeline and instruction selection, the fastest
//    code; compiling takes ≈ 0.2 to 1 s for the larger shipped policies.
//  - `Quick`: locals promoted to registers and branches simplified, nothing
//    inlined, the fast instruction selector: ≈ 40 to 100 ms for the same
//    policies, for ≈ 3.7 times the instructions per demande (still an order
//    of magnitude under the interpreter). The results are the same: both
//    compile the same generated module.
enum class Tier : std::uint8_t {
  Optimised,
  Quick
};

struct CompileOptions {
  Tier tier = Tier::Optimised;
  // With Tier::Quick: once the engine has evaluated this many demandes, it
  // recompiles the module optimised on a thread of its own (and keeps the
  // objects in the cache), evaluating with the quick code meanwhile, and
  // then with the optimised code — compiling pays for itself only over
  // many demandes. An optimised object
  // already in the cache is then used from the start. 0: never, and the
  // cache is not used (the quick code is what was asked for).
  std::uint64_t optimiseAfter = 0;
  // Where compiled objects are kept between runs (created on first use,
  // readable by its owner only); empty: no cache.
  std::string cacheDir;
  // Pieces the module is cut into to compile in parallel; 0: decided from
  // its size and the number of cores (1 for small policies).
  unsigned partitions = 0;
  Inlining inlining = Inlining::Standard;
  // Also compute every parameterless définition of a scalar type (or an
  // optional one) after each demande's cotations and rules, for
  // `decodeDefinitions`: `loge test` compares them with the interpreter.
  bool definitions = false;
  // Write each criterion's and rubrique's figures (for `decode`); false:
  // only the totals and the rule statuses — `decode` then gives cotations
  // without criteria. What `loge run --format compact` needs, for ≈ 25 %
  // less time on the workload.
  bool criteria = true;
};

// A définition's value for one demande, computed by an engine created with
// CompileOptions::definitions.
struct DefinitionResult {
  enum class State : std::uint8_t {
    NotComputed, // it reads a role (logement, candidature) the evaluation was not given
    Value,
    Failed // evaluating it failed
  };
  std::uint32_t definition = 0; // into Program::definitions
  State state = State::NotComputed;
  interp::Value value; // State::Value: the value (Absent for an absent T?)
};

class Engine {
public:
  // Compiles the program. Returns null and sets `why` (French) when the
  // program uses a construct the compiled engine does not support yet, or
  // LLVM fails.
  static std::unique_ptr<Engine> create(const ir::Program& program, std::string& why,
                                        const CompileOptions& options = {});
  // Links the object file of an ahead-of-time artifact (`loge compile`)
  // whose manifest is `manifest` and whose embedded policy checked as
  // `program`: the artifact's code evaluates, nothing is generated. Returns
  // null and sets `why` (French) when the artifact does not fit this
  // program and this version of Loge (layout fingerprint, ABI version),
  // needs instructions this processor lacks, or cannot be linked.
  static std::unique_ptr<Engine> load(const ir::Program& program, const std::vector<std::uint8_t>& object,
                                      const ArtifactManifest& manifest, std::string& why);
  ~Engine();

  // Lays records of struct `structIndex` out flat.
  FlatRecords flatten(const std::vector<interp::Value>& records, std::uint32_t structIndex) const;

  // Evaluates demandes[i] (and the logement, when not null) at `date`.
  // `out` receives count × outSize() bytes, `errors` count flags (1: the
  // demande could not be evaluated).
  // `candidature` may be null (every field absent). `overrides` replaces
  // scalar parameters' dated values (tests' `remplace`); barèmes cannot be
  // overridden here.
  void evaluate(const FlatRecords& demandes, const std::uint8_t* logement, num::Date date,
                std::vector<std::uint8_t>& out, std::vector<std::uint8_t>& errors,
                const std::uint8_t* candidature = nullptr,
                const std::map<std::uint32_t, std::vector<ir::DatedValue>>* overrides = nullptr) const;

  std::uint32_t outSize() const;
  // Results of one demande, without rule motifs (the caller fills them).
  interp::DemandeResult decode(const std::uint8_t* out, bool withLogement) const;
  // The définitions' values of one demande (none unless created with
  // CompileOptions::definitions).
  std::vector<DefinitionResult> decodeDefinitions(const std::uint8_t* out) const;

  CompileTimings timings() const;
  // The code evaluating now (Tier::Quick until the engine recompiled it).
  Tier tier() const;
  // The optimised compilation CompileOptions::optimiseAfter starts runs on
  // a thread of its own while evaluations go on with the quick code; this
  // waits for it to end (at once when none was started). The destructor
  // waits too.
  void waitForOptimisation() const;

private:
  explicit Engine(const ir::Program& program);
  void evaluateWith(const FlatRecords& demandes, const std::uint8_t* logement, num::Date date,
                    std::vector<std::uint8_t>& out, std::vector<std::uint8_t>& errors, const std::uint8_t* candidature,
                    const std::uint8_t* const* values) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace loge::jit
