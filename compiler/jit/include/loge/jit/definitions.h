// JIT stage: the compiled engine's définitions against the interpreter's.
//
// An engine created with CompileOptions::definitions writes every
// parameterless définition of a scalar type for each demande;
// `compareDefinitions` evaluates the same définitions with the interpreter
// and returns those that differ (`loge test --engine both` and the
// differential test).
#pragma once

#include "loge/interp/interp.h"
#include "loge/jit/jit.h"

#include <optional>
#include <vector>

namespace loge::jit {

struct DefinitionMismatch {
  std::uint32_t definition = 0;             // into Program::definitions
  std::optional<interp::Value> interpreted; // nullopt: its evaluation failed
  std::optional<interp::Value> compiled;    // nullopt: its evaluation failed
};

// `out` is the compiled engine's results for the demande of `in` (which
// must have evaluated without error). A définition the compiled engine did
// not compute (a role not given) is skipped, and so is one the interpreter
// cannot evaluate because a test left a field it reads without value (the
// compiled engine reads zeros there).
std::vector<DefinitionMismatch> compareDefinitions(const ir::Program& p, const Engine& engine,
                                                   const interp::Interpreter& interp, const interp::Inputs& in,
                                                   const std::uint8_t* out);

// Whether a value (a test record) holds a field left without value.
bool hasUnsetField(const interp::Value& v);

} // namespace loge::jit
