// Differential test support: comparing the interpreter with the compiled
// engine on one demande (used by differential_test and the engines fuzz
// target, tests/fuzz/engines_fuzz.cpp).
#pragma once

#include "loge/interp/interp.h"
#include "loge/jit/jit.h"

#include <cstdint>
#include <string>
#include <vector>

namespace loge::difftest {

// True when the compiled engine's refusal `why` is one of codegen's
// documented unsupported constructs (docs/differential.md). A refusal for
// any other reason (an LLVM error, an invalid module) is a compiler bug.
bool documentedRefusal(const std::string& why);

// The policy's effective start, 2025-06-30 when inside the effective period,
// and (withRandom) a date drawn from `seed` inside the period.
std::vector<num::Date> evaluationDates(const ir::Program& p, std::uint64_t seed, bool withRandom);

// Every output field; "" when they agree, else one line per differing field.
// Without `details`, the compiled results `b` come from a totals-only engine
// (jit::CompileOptions::criteria false): criteria and rubriques are not compared.
std::string diffResults(const ir::Program& p, const interp::DemandeResult& a, const interp::DemandeResult& b,
                        bool details = true);

// One demande's evaluation context.
struct Context {
  num::Date date;
  interp::Value logement;    // absent: none
  interp::Value candidature; // absent: none
};

struct Outcome {
  bool agreed = true;
  bool bothFailed = false;
  std::string what;  // the disagreement
  std::string error; // the interpreter's error, when it failed
};

// Compares the interpreter's evaluation of `demande` with the compiled
// engine's (`out`, `failed`) for the same inputs.
Outcome compareOne(const ir::Program& p, const interp::Interpreter& interp, const jit::Engine& engine,
                   const interp::Value& demande, const Context& ctx, const std::uint8_t* out, bool failed,
                   bool details = true);

} // namespace loge::difftest
