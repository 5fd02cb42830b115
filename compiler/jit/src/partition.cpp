// JIT stage (internal): optimising and compiling a module, on several
// threads when it is large.
#include "partition.h"

#include "llvm_support.h"
#include "optimise.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Bitcode/BitcodeReader.h>
#include <llvm/Bitcode/BitcodeWriter.h>
#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <thread>

namespace loge::jit::internal {

namespace {

// Below this many instructions, a module compiles in well under a second:
// not worth the cut.
constexpr unsigned kInstructionsPerPartition = 1500;
constexpr unsigned kMaxPartitions = 4;

bool isSection(const llvm::Function& f) {
  return !f.isDeclaration() && (f.getName().startswith("cotation.") || f.getName().startswith("bloc."));
}

bool isEntry(const llvm::Function& f) { return f.getName() == "loge_eval_batch"; }

// The instructions `root` brings into a partition: its own and those of
// every internal function it calls, directly or not, each counted once.
unsigned weightOf(const llvm::Function& root) {
  std::set<const llvm::Function*> seen{&root};
  std::vector<const llvm::Function*> pending{&root};
  unsigned weight = 0;
  while (!pending.empty()) {
    const llvm::Function* f = pending.back();
    pending.pop_back();
    weight += f->getInstructionCount();
    for (const llvm::Instruction& i : llvm::instructions(*f))
      if (const auto* call = llvm::dyn_cast<llvm::CallBase>(&i))
        if (const llvm::Function* callee = call->getCalledFunction();
            callee && !callee->isDeclaration() && callee->hasLocalLinkage() && seen.insert(callee).second)
          pending.push_back(callee);
  }
  return weight;
}

std::unique_ptr<llvm::MemoryBuffer> optimiseAndCompile(llvm::Module& m, llvm::TargetMachine& tm, Inlining inlining,
                                                       Tier tier, double& optimiseMs, double& codegenMs,
                                                       std::string& why) {
  auto start = std::chrono::steady_clock::now();
  if (tier == Tier::Quick)
    simplifyQuickly(m, tm);
  else
    optimise(m, tm, inlining);
  optimiseMs = msSince(start);
  start = std::chrono::steady_clock::now();
  llvm::orc::SimpleCompiler compiler(tm);
  auto object = compiler(m);
  codegenMs = msSince(start);
  if (!object) {
    why = "LLVM : " + llvmError(object.takeError());
    return nullptr;
  }
  return std::move(*object);
}

// One partition, on its own thread: the module read back from bitcode in a
// context of its own, stripped of the sections other partitions compile.
struct Partition {
  unsigned index = 0;
  std::set<std::string> sections;
  // Quick tier: the other functions this partition compiles (the others
  // call them); empty in the optimised tier, where each partition keeps a
  // copy of every function, to inline.
  std::set<std::string> owned;
  std::unique_ptr<llvm::MemoryBuffer> object;
  double optimiseMs = 0, codegenMs = 0;
  std::string why;

  void run(llvm::StringRef bitcode, const std::set<std::string>& allSections, const std::set<std::string>& allOwned,
           const llvm::orc::JITTargetMachineBuilder& jtmb, Inlining inlining, Tier tier) {
    llvm::LLVMContext context;
    auto parsed = llvm::parseBitcodeFile(llvm::MemoryBufferRef(bitcode, "loge"), context);
    if (!parsed) {
      why = "LLVM : " + llvmError(parsed.takeError());
      return;
    }
    llvm::Module& m = **parsed;
    for (llvm::Function& f : m) {
      if (f.isDeclaration()) continue;
      const std::string name = f.getName().str();
      bool mine = allSections.count(name) ? sections.count(name) > 0
                  : allOwned.count(name)  ? owned.count(name) > 0
                  : isEntry(f)            ? index == 0
                                          : true;
      if (!mine) f.deleteBody(); // now a declaration, linked to the partition that has it
    }
    llvm::orc::JITTargetMachineBuilder builder = jtmb; // one target machine per thread
    auto tm = builder.createTargetMachine();
    if (!tm) {
      why = "LLVM : " + llvmError(tm.takeError());
      return;
    }
    object = optimiseAndCompile(m, **tm, inlining, tier, optimiseMs, codegenMs, why);
  }
};

} // namespace

unsigned partitionCount(const llvm::Module& module) {
  unsigned instructions = 0;
  unsigned sections = 0;
  for (const llvm::Function& f : module) {
    instructions += f.getInstructionCount();
    sections += isSection(f);
  }
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max(1u, std::min({cores, kMaxPartitions, sections, instructions / kInstructionsPerPartition}));
}

bool compileModule(llvm::Module& module, const llvm::orc::JITTargetMachineBuilder& jtmb, unsigned partitions,
                   Inlining inlining, Tier tier, CompiledModule& out, std::string& why) {
  out = {};
  if (partitions <= 1) {
    llvm::orc::JITTargetMachineBuilder builder = jtmb;
    auto tm = builder.createTargetMachine();
    if (!tm) {
      why = "LLVM : " + llvmError(tm.takeError());
      return false;
    }
    auto object = optimiseAndCompile(module, **tm, inlining, tier, out.optimiseMs, out.codegenMs, why);
    if (!object) return false;
    out.objects.push_back(std::move(object));
    return true;
  }

  // The sections become roots other partitions call: external, and never
  // inlined into loge_eval (which is what lets them be cut apart). Quick,
  // nothing is inlined: a copy of each définition and helper in every
  // partition only compiled them once per partition (two partitions took as
  // long as one), so each other function goes to one partition, external so
  // that the others link to it, and every function weighs its own
  // instructions.
  const bool quick = tier == Tier::Quick;
  std::vector<std::pair<unsigned, std::string>> weighted, others;
  std::set<std::string> allSections, allOwned;
  for (llvm::Function& f : module) {
    if (f.isDeclaration() || isEntry(f)) continue;
    if (isSection(f)) {
      f.setLinkage(llvm::GlobalValue::ExternalLinkage);
      f.addFnAttr(llvm::Attribute::NoInline);
      weighted.emplace_back(quick ? f.getInstructionCount() : weightOf(f), f.getName().str());
      allSections.insert(f.getName().str());
    } else if (quick) {
      f.setLinkage(llvm::GlobalValue::ExternalLinkage);
      f.setVisibility(llvm::GlobalValue::DefaultVisibility);
      others.emplace_back(f.getInstructionCount(), f.getName().str());
      allOwned.insert(f.getName().str());
    }
  }
  // Heaviest first, each to the lightest partition so far; partition 0 also
  // has the entry points (and, optimised, loge_eval's copy).
  auto heaviestFirst = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  std::sort(weighted.begin(), weighted.end(), heaviestFirst);
  std::sort(others.begin(), others.end(), heaviestFirst);
  std::vector<Partition> parts(partitions);
  std::vector<unsigned> load(partitions, 0);
  for (unsigned k = 0; k < partitions; ++k) parts[k].index = k;
  auto lightest = [&] { return static_cast<unsigned>(std::min_element(load.begin(), load.end()) - load.begin()); };
  if (const llvm::Function* eval = module.getFunction("loge_eval"); eval && !quick)
    load[0] = eval->getInstructionCount();
  for (const auto& [weight, name] : others) {
    unsigned k = lightest();
    load[k] += weight;
    parts[k].owned.insert(name);
  }
  for (const auto& [weight, name] : weighted) {
    unsigned k = lightest();
    load[k] += weight;
    parts[k].sections.insert(name);
  }

  llvm::SmallString<0> bitcode;
  llvm::raw_svector_ostream os(bitcode);
  llvm::WriteBitcodeToFile(module, os);
  std::vector<std::thread> threads;
  for (unsigned k = 1; k < partitions; ++k)
    threads.emplace_back([&, k] { parts[k].run(bitcode, allSections, allOwned, jtmb, inlining, tier); });
  parts[0].run(bitcode, allSections, allOwned, jtmb, inlining, tier);
  for (std::thread& t : threads) t.join();
  for (Partition& part : parts) {
    if (!part.object) {
      why = part.why;
      return false;
    }
    out.optimiseMs = std::max(out.optimiseMs, part.optimiseMs);
    out.codegenMs = std::max(out.codegenMs, part.codegenMs);
    out.objects.push_back(std::move(part.object));
  }
  return true;
}

} // namespace loge::jit::internal
