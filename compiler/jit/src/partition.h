// JIT stage (internal): optimising and compiling a module, on several
// threads when it is large.
//
// Optimising and generating machine code for a large policy takes over a
// second on one core. The cotations and rule blocks of a module are
// independent roots (loge_eval calls each once), so a large module is cut
// into partitions that share them out. Optimised, each partition keeps its
// own internal copy of every définition it uses (inlined there as before);
// quick, where nothing is inlined, each définition and helper is compiled
// by one partition and called from the others. Each
// partition is optimised and compiled on its own thread, in its own
// LLVMContext, from the module's bitcode; the JIT links the objects back
// together. A small module is compiled whole: the calls the cut adds cost
// about 5 % of evaluation, which only a large module's compile time repays.
#pragma once

#include "loge/jit/jit.h"

#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/Support/MemoryBuffer.h>

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class Module;
}

namespace loge::jit::internal {

// How many partitions `module` is worth on this machine: 1 for a small one.
unsigned partitionCount(const llvm::Module& module);

struct CompiledModule {
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> objects;
  double optimiseMs = 0; // wall time; with several partitions, the slowest
  double codegenMs = 0;  // partition's
};

// Optimises (O2, or simplifies for Tier::Quick) and compiles `module` into
// `partitions` objects. The module is modified (and, cut, no longer the one
// that runs).
bool compileModule(llvm::Module& module, const llvm::orc::JITTargetMachineBuilder& jtmb, unsigned partitions,
                   Inlining inlining, Tier tier, CompiledModule& out, std::string& why);

} // namespace loge::jit::internal
