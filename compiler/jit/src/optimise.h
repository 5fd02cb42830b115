// JIT stage (internal): LLVM's standard optimisation pipeline, shared by
// the JIT and ahead-of-time compilation so both run the same code.
#pragma once

#include "loge/jit/jit.h"

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace loge::jit::internal {

// O2: inlining of definitions into the entry points, constant folding,
// loop and branch simplification; `Extended` raises the inlining threshold.
void optimise(llvm::Module& module, llvm::TargetMachine& tm, Inlining inlining);

// Tier::Quick: only what the fast instruction selector most needs — locals
// and memo slots promoted to registers (SROA), common subexpressions and
// trivial branches gone. Nothing is inlined.
void simplifyQuickly(llvm::Module& module, llvm::TargetMachine& tm);

} // namespace loge::jit::internal
