// JIT stage: ahead-of-time compilation to an object file (aot.h).
#include "loge/jit/aot.h"

#include "loge/jit/artifact.h"
#include "loge/rt/aot.h"

#include "c_header.h"
#include "flatten.h"
#include "loge/codegen/codegen.h"
#include "optimise.h"
#include "params_blob_write.h"
#include "params_build.h"

#include <llvm/IR/Constants.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Module.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Support/CodeGen.h>
#include <llvm/Support/Host.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Target/TargetOptions.h>

#include <mutex>

namespace loge::jit {

namespace {
void initialiseTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser(); // inline asm (128-by-64 division)
  });
}
} // namespace

std::string artifactPrefix(const std::string& name) {
  std::string id = internal::cIdentifier(name);
  while (!id.empty() && id[0] == '_') id.erase(0, 1);
  return "loge_" + (id.empty() ? std::string("politique") : id);
}

bool compileAheadOfTime(const ir::Program& program, const AotOptions& options, AotArtifact& artifact,
                        std::string& why) {
  initialiseTargets();
  codegen::Layout layout(program);
  codegen::OutLayout out(program);
  codegen::Generated generated;
  if (!codegen::generate(program, layout, out, generated, why)) return false;
  llvm::Module& module = *generated.module;

  std::string triple = llvm::sys::getDefaultTargetTriple();
  std::string error;
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target) {
    why = "LLVM : " + error;
    return false;
  }
  std::string cpu = options.cpu == "native" ? llvm::sys::getHostCPUName().str() : "x86-64";
  std::string features;
  if (options.cpu == "native") {
    llvm::StringMap<bool> host;
    if (llvm::sys::getHostCPUFeatures(host))
      for (const auto& f : host)
        features += (features.empty() ? "" : ",") + std::string(f.second ? "+" : "-") + f.first().str();
  }
  std::unique_ptr<llvm::TargetMachine> tm(target->createTargetMachine(
      triple, cpu, features, llvm::TargetOptions(), llvm::Reloc::PIC_, std::nullopt, llvm::CodeGenOpt::Default));
  if (!tm) {
    why = "LLVM : pas de machine cible pour " + triple;
    return false;
  }
  module.setDataLayout(tm->createDataLayout());
  module.setTargetTriple(triple);

  // Only the batch entry point is exported, under the artifact's prefix,
  // so several artifacts link into one program.
  for (llvm::Function& f : module) {
    if (f.isDeclaration()) continue;
    if (f.getName() == "loge_eval_batch")
      f.setName(options.prefix + "_eval_batch");
    else
      f.setLinkage(llvm::GlobalValue::InternalLinkage);
  }
  for (llvm::GlobalVariable& g : module.globals())
    if (!g.isDeclaration()) g.setLinkage(llvm::GlobalValue::PrivateLinkage);

  // The parameter tables, flattened now and relocated at load time.
  internal::BlockStore store;
  auto params = internal::buildParams(program, layout, store);
  std::vector<std::uint8_t> blob = internal::serializeParams(*params, program, layout);
  llvm::LLVMContext& ctx = module.getContext();
  auto* data = llvm::ConstantDataArray::get(ctx, llvm::ArrayRef<std::uint8_t>(blob));
  auto* blobVar = new llvm::GlobalVariable(module, data->getType(), true, llvm::GlobalValue::ExternalLinkage, data,
                                           options.prefix + "_params_blob");
  blobVar->setAlignment(llvm::Align(16));
  new llvm::GlobalVariable(module, llvm::Type::getInt64Ty(ctx), true, llvm::GlobalValue::ExternalLinkage,
                           llvm::ConstantInt::get(llvm::Type::getInt64Ty(ctx), blob.size()),
                           options.prefix + "_params_blob_size");

  // What libloge needs to load the artifact (artifact.h).
  ArtifactManifest manifest;
  manifest.abiVersion = LOGE_AOT_ABI_VERSION;
  manifest.logeVersion = LOGE_VERSION_STRING;
  manifest.prefix = options.prefix;
  manifest.policyPath = options.policyPath;
  manifest.triple = triple;
  manifest.cpu = options.cpu;
  manifest.features = features;
  manifest.layoutHash = layoutFingerprint(program, options.prefix, options.policyPath);
  manifest.files = options.sources;
  std::vector<std::uint8_t> manifestBytes = writeManifest(manifest);
  auto* manifestData = llvm::ConstantDataArray::get(ctx, llvm::ArrayRef<std::uint8_t>(manifestBytes));
  auto* manifestVar =
      new llvm::GlobalVariable(module, manifestData->getType(), true, llvm::GlobalValue::ExternalLinkage, manifestData,
                               options.prefix + "_manifest");
  manifestVar->setAlignment(llvm::Align(8));

  // An artifact is compiled once and evaluates in the host for its whole
  // life: the extended inlining is always worth it.
  internal::optimise(module, *tm, Inlining::Extended);

  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream os(buffer);
  llvm::legacy::PassManager pm;
  if (tm->addPassesToEmitFile(pm, os, nullptr, llvm::CGFT_ObjectFile)) {
    why = "LLVM : la machine cible ne sait pas écrire de fichier objet";
    return false;
  }
  pm.run(module);
  artifact.object.assign(buffer.begin(), buffer.end());
  if (!sealArtifact(artifact.object, manifestBytes)) {
    why = "le manifeste de l'artefact est introuvable dans le fichier objet produit (bogue du compilateur)";
    return false;
  }
  artifact.header = internal::cHeader(program, layout, out, options.prefix, options.policyPath);
  return true;
}

} // namespace loge::jit
