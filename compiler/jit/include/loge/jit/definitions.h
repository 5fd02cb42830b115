// JIT stage: the compiled engine's définitions against the interpreter's.
//
// An engine created with CompileOptions::definitions writes every
// parameterless définition of a scalar type for each demande (and each test
// expectation `loge test` made a définition, when it compiles);
// `compareDefinitions` evaluates the same définitions with the interpreter
// and returns those that differ (`loge test --engine both` and the
// differential test).
#pragma once

#include "loge/interp/interp.h"
#include "loge/jit/jit.h"

#include <cstdint>
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
// compiled engine reads zeros there). Of the définitions made from test
// expectations (DefinitionDecl::expectation), only those in `expectations`
// — the test's own — are compared: the others belong to other tests.
std::vector<DefinitionMismatch> compareDefinitions(const ir::Program& p, const Engine& engine,
                                                   const interp::Interpreter& interp, const interp::Inputs& in,
                                                   const std::uint8_t* out,
                                                   const std::vector<std::uint32_t>& expectations = {});

// Makes each `attendu` of the program's tests whose left side has a scalar
// type a définition of the program (DefinitionDecl::expectation), so that an
// engine created with CompileOptions::definitions computes it for the test's
// demande as the interpreter does: an expression the cotations and rules
// never evaluate (a définition with parameters called on the test's values)
// is then compared too. Returns, per test and per expectation, the
// définition made from it (tests that repeat an expression share one), or
// kNoDefinition. A test without a demande has none: the compiled engine
// evaluates demandes.
inline constexpr std::uint32_t kNoDefinition = UINT32_MAX;
std::vector<std::vector<std::uint32_t>> addExpectations(ir::Program& p);
// Removes them again (they are the program's last définitions).
void removeExpectations(ir::Program& p);

// Whether a value (a test record) holds a field left without value.
bool hasUnsetField(const interp::Value& v);

} // namespace loge::jit
