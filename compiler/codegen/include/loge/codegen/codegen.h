// Codegen stage: the typed IR lowered to LLVM IR.
//
// `generate` builds one LLVM module per program whose entry point is
//   void loge_eval_batch(LogeJitCtx* ctx, const uint8_t* demandes, int64_t stride, int64_t count,
//                        const uint8_t* logement, const uint8_t* candidature, int32_t date,
//                        uint8_t* outs, int64_t outStride, uint8_t* errors);
// looping over an internal, always-inlined `loge_eval` (one demande).
// Records are in the flat layout (layout.h); results go to `outs` in the
// OutLayout below. An evaluation error sets ctx->error and abandons the
// demande; the host then asks the interpreter for the located message, so
// both engines report the same error. Only the codegen and JIT stages see
// LLVM types.
#pragma once

#include "loge/codegen/layout.h"
#include "loge/ir/program.h"

#include <cstddef>
#include <memory>
#include <string>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace loge::codegen {

struct OutLayoutOptions {
  // Each criterion's and rubrique's figures written; false: only the totals
  // (and the rule statuses), what `loge run --format compact` prints. The
  // layout then has no slots for them (a smaller buffer is less memory
  // traffic), except the brut values and applicabilities a large cotation's
  // criteria pass through (kGroupedFrom), which hold nothing to read.
  bool criteria = true;
  bool definitions = false; // see OutLayout::Definition
};

// A cotation of more than kGroupedFrom criteria computes them by groups of
// kCriteriaPerGroup, functions of their own (lower_decls.cpp).
inline constexpr std::size_t kCriteriaPerGroup = 8;
inline constexpr std::size_t kGroupedFrom = 3 * kCriteriaPerGroup;

// Where each result of one demande lives in the output buffer.
struct OutLayout {
  struct Cotation {
    std::uint32_t total = 0, beforeBounds = 0, floorApplied = 0, ceilingApplied = 0;
    // Per criterion and per rubrique; empty when the details are not
    // written (brut and applicable stay for a grouped cotation).
    std::vector<std::uint32_t> brut, contribution, applicable;
    std::vector<std::uint32_t> rubriques;
    // Whether generated code writes the criteria and rubriques: always,
    // unless the layout is totals-only (OutLayoutOptions::criteria false)
    // and no expression reads one of them (`principale.dalo`).
    bool detailsWritten = true;
  };
  struct Block {
    std::vector<std::uint32_t> status;    // uint8: interp::RuleStatus
    std::vector<std::uint32_t> exception; // int8: the `sauf si` that applied, -1 when none
  };
  // A parameterless définition of a scalar type (booléen, entier, durée,
  // décimal, date, énumération, or one of these optional), written after
  // the cotations and rules when the layout is made with `definitions`:
  // `loge test` compares each with the interpreter's value.
  struct Definition {
    std::uint32_t index = 0; // into Program::definitions
    std::uint32_t state = 0; // uint8: DefinitionState
    std::uint32_t value = 0; // the value; for T?, the presence byte, then T at `payload`
    std::uint32_t payload = 0;
  };
  enum class DefinitionState : std::uint8_t {
    NotComputed, // a role it reads was not given
    Value,
    Failed // its evaluation failed (the interpreter's message says why)
  };
  std::vector<Cotation> cotations;
  std::vector<Block> blocks;
  std::vector<Definition> definitions;
  bool criteria = true;
  std::uint32_t size = 0;

  explicit OutLayout(const ir::Program& p, const OutLayoutOptions& options = {});
  // Whether a définition can be written to the results (see Definition).
  static bool writable(const ir::DefinitionDecl& d);
};

// The host's per-evaluation context, as generated code sees it.
struct JitCtx {
  std::int32_t error = 0;
  std::int32_t reserved = 0;
  const void* params = nullptr;                     // loge_rt_params*
  const std::uint8_t* const* paramValues = nullptr; // per parameter: value at the evaluation date, or null
};

struct Generated {
  std::unique_ptr<llvm::LLVMContext> context;
  std::unique_ptr<llvm::Module> module;
  Generated();
  Generated(Generated&&) noexcept;
  ~Generated();
};

// Lowers the program; returns false with `why` (French) when it uses a
// construct this back end does not compile yet.
bool generate(const ir::Program& program, const Layout& layout, const OutLayout& out, Generated& result,
              std::string& why);

} // namespace loge::codegen
