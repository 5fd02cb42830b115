// JIT stage (internal): the optimisation pipeline.
#include "optimise.h"

#include <llvm/IR/Module.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Target/TargetMachine.h>

namespace loge::jit::internal {

namespace {

// LLVM's O2 threshold is 225; at 700 the workload's `plafond_applicable`
// (called by a rule and by its motif) is inlined, and with it the whole
// frame becomes registers: ≈ 670 → ≈ 592 instructions per demande. Higher
// thresholds gain little more for much more compile time (3 000: ≈ 550
// instructions, Grenoble compiled two to three times slower).
constexpr int kExtendedInlineThreshold = 700;

} // namespace

void optimise(llvm::Module& module, llvm::TargetMachine& tm, Inlining inlining) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PipelineTuningOptions tuning;
  if (inlining == Inlining::Extended) tuning.InlinerThreshold = kExtendedInlineThreshold;
  llvm::PassBuilder pb(&tm, tuning);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ModulePassManager mpm = pb.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2);
  mpm.run(module, mam);
}

} // namespace loge::jit::internal
