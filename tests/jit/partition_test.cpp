// How a module is cut for compilation on several threads (partition.h): in
// the quick tier, where nothing is inlined, every function is compiled by
// exactly one partition and the others link to it; a copy in each partition
// would compile it once per partition (two partitions took as long as one).
#include "partition.h"

#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/TargetSelect.h>

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace {

using namespace loge;

// cotation.a and bloc.b (the sections, independent roots) both call
// definition.x and helper.y; loge_eval_batch calls both sections.
std::unique_ptr<llvm::Module> sampleModule(llvm::LLVMContext& context, const llvm::DataLayout& layout,
                                           const std::string& triple) {
  auto m = std::make_unique<llvm::Module>("essai", context);
  m->setDataLayout(layout);
  m->setTargetTriple(triple);
  llvm::Type* i64 = llvm::Type::getInt64Ty(context);
  auto* type = llvm::FunctionType::get(i64, {i64}, false);
  llvm::IRBuilder<> b(context);
  auto define = [&](const char* name, llvm::GlobalValue::LinkageTypes linkage, auto body) {
    auto* f = llvm::Function::Create(type, linkage, name, *m);
    b.SetInsertPoint(llvm::BasicBlock::Create(context, "entrée", f));
    b.CreateRet(body(f->getArg(0)));
    return f;
  };
  auto* x = define("definition.x", llvm::GlobalValue::InternalLinkage,
                   [&](llvm::Value* v) { return b.CreateAdd(b.CreateMul(v, b.getInt64(3)), b.getInt64(1)); });
  auto* y = define("helper.y", llvm::GlobalValue::InternalLinkage,
                   [&](llvm::Value* v) { return b.CreateXor(v, b.getInt64(0x55)); });
  auto* a = define("cotation.a", llvm::GlobalValue::InternalLinkage,
                   [&](llvm::Value* v) { return b.CreateAdd(b.CreateCall(x, {v}), b.CreateCall(y, {v})); });
  auto* c = define("bloc.b", llvm::GlobalValue::InternalLinkage,
                   [&](llvm::Value* v) { return b.CreateSub(b.CreateCall(x, {v}), b.CreateCall(y, {v})); });
  define("loge_eval_batch", llvm::GlobalValue::ExternalLinkage,
         [&](llvm::Value* v) { return b.CreateAdd(b.CreateCall(a, {v}), b.CreateCall(c, {v})); });
  return m;
}

// For each function name: in how many objects it is defined, and in how
// many it is only referenced.
struct Symbols {
  std::map<std::string, int> defined, referenced;
};

Symbols symbolsOf(const jit::internal::CompiledModule& compiled) {
  Symbols out;
  for (const auto& buffer : compiled.objects) {
    auto object = llvm::object::ObjectFile::createObjectFile(buffer->getMemBufferRef());
    EXPECT_TRUE(static_cast<bool>(object));
    if (!object) {
      llvm::consumeError(object.takeError());
      continue;
    }
    for (const llvm::object::SymbolRef& symbol : (*object)->symbols()) {
      auto name = symbol.getName();
      auto flags = symbol.getFlags();
      if (!name || !flags) {
        llvm::consumeError(name.takeError());
        llvm::consumeError(flags.takeError());
        continue;
      }
      std::string n = name->str();
      if (n.empty()) continue;
      ++((*flags & llvm::object::SymbolRef::SF_Undefined) ? out.referenced : out.defined)[n];
    }
  }
  return out;
}

class Partition : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  }

  jit::internal::CompiledModule compile(unsigned partitions, jit::Tier tier) {
    auto jtmb = llvm::orc::JITTargetMachineBuilder::detectHost();
    EXPECT_TRUE(static_cast<bool>(jtmb));
    auto layout = jtmb->getDefaultDataLayoutForTarget();
    EXPECT_TRUE(static_cast<bool>(layout));
    llvm::LLVMContext context;
    auto m = sampleModule(context, *layout, jtmb->getTargetTriple().str());
    jit::internal::CompiledModule out;
    std::string why;
    EXPECT_TRUE(jit::internal::compileModule(*m, *jtmb, partitions, jit::Inlining::Standard, tier, out, why)) << why;
    return out;
  }
};

TEST_F(Partition, QuickTierCompilesEachFunctionOnce) {
  for (unsigned n : {2u, 3u}) {
    jit::internal::CompiledModule compiled = compile(n, jit::Tier::Quick);
    ASSERT_EQ(compiled.objects.size(), n);
    Symbols s = symbolsOf(compiled);
    for (const char* name : {"definition.x", "helper.y", "cotation.a", "bloc.b", "loge_eval_batch"})
      EXPECT_EQ(s.defined[name], 1) << name << " en " << n << " morceaux";
    // The sections went to different partitions, so one of them calls the
    // définition compiled by another: linked, not copied.
    EXPECT_GE(s.referenced["definition.x"] + s.referenced["helper.y"], 1) << n << " morceaux";
  }
}

TEST_F(Partition, OptimisedTierKeepsItsCopiesToInline) {
  jit::internal::CompiledModule compiled = compile(2, jit::Tier::Optimised);
  ASSERT_EQ(compiled.objects.size(), 2u);
  Symbols s = symbolsOf(compiled);
  for (const char* name : {"cotation.a", "bloc.b", "loge_eval_batch"}) EXPECT_EQ(s.defined[name], 1) << name;
  // Inlined into each section: never a symbol another partition links to.
  EXPECT_EQ(s.referenced["definition.x"], 0);
  EXPECT_EQ(s.referenced["helper.y"], 0);
}

} // namespace
