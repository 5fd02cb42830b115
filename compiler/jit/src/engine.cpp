// JIT stage: compiling the generated module with ORC LLJIT (optimised at
// O2, or quickly first and optimised later: jit::Tier), and running it on
// flat records.
#include "flatten.h"
#include "llvm_support.h"
#include "loge/codegen/codegen.h"
#include "loge/jit/artifact.h"
#include "loge/jit/jit.h"
#include "loge/rt/aot.h"
#include "loge/rt/params_blob.h"
#include "loge/rt/rt.h"
#include "object_cache.h"
#include "params_build.h"
#include "partition.h"

#include <llvm/Bitcode/BitcodeReader.h>
#include <llvm/Bitcode/BitcodeWriter.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/Host.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Target/TargetMachine.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <llvm/Support/raw_ostream.h>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

extern "C" {
// libgcc's 128-bit division, called by code LLVM generates for i128 ÷.
__int128 __divti3(__int128, __int128);
__int128 __modti3(__int128, __int128);
unsigned __int128 __udivti3(unsigned __int128, unsigned __int128);
unsigned __int128 __umodti3(unsigned __int128, unsigned __int128);
}

namespace loge::jit {

using internal::BlockStore;
using internal::Flattener;

struct FlatRecords::Storage {
  BlockStore blocks;
};

FlatRecords::FlatRecords() = default;
FlatRecords::FlatRecords(FlatRecords&&) noexcept = default;
FlatRecords& FlatRecords::operator=(FlatRecords&&) noexcept = default;
FlatRecords::~FlatRecords() = default;

FlatRecords FlatRecords::slice(std::size_t first, std::size_t count) const {
  FlatRecords out;
  first = std::min(first, count_);
  out.data_ = data_ ? data_ + first * stride_ : nullptr;
  out.stride_ = stride_;
  out.count_ = std::min(count, count_ - first);
  return out;
}

namespace {
using internal::llvmError;
using internal::msSince;
using EvalFn = std::int32_t (*)(codegen::JitCtx*, const std::uint8_t*, const std::uint8_t*, const std::uint8_t*,
                                std::int32_t, std::uint8_t*);
using BatchFn = void (*)(codegen::JitCtx*, const std::uint8_t*, std::int64_t, std::int64_t, const std::uint8_t*,
                         const std::uint8_t*, std::int32_t, std::uint8_t*, std::int64_t, std::uint8_t*);

void initialiseLlvm() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser(); // inline asm (128-by-64 division)
  });
}

// Resolves, in `dylib`, the runtime helpers the generated code calls to
// this process's copies. The runtime helpers are linked into this process:
// their addresses are handed to the JIT explicitly rather than exporting
// every symbol.
llvm::Error defineHelpers(llvm::orc::LLJIT& jit, llvm::orc::JITDylib& dylib) {
  llvm::orc::SymbolMap symbols;
  auto add = [&](const char* name, auto* fn) {
    symbols[jit.mangleAndIntern(name)] =
        llvm::JITEvaluatedSymbol(llvm::pointerToJITTargetAddress(fn), llvm::JITSymbolFlags::Exported);
  };
  add("loge_rt_dec_mul", &loge_rt_dec_mul);
  add("loge_rt_dec_div", &loge_rt_dec_div);
  add("loge_rt_dec_round", &loge_rt_dec_round);
  add("loge_rt_add_months", &loge_rt_add_months);
  add("loge_rt_add_days", &loge_rt_add_days);
  add("loge_rt_months_between", &loge_rt_months_between);
  add("loge_rt_years_between", &loge_rt_years_between);
  add("loge_rt_date_part", &loge_rt_date_part);
  add("loge_rt_text_cmp", &loge_rt_text_cmp);
  add("loge_rt_text_length", &loge_rt_text_length);
  add("loge_rt_param", &loge_rt_param);
  add("loge_rt_table", &loge_rt_table);
  // 128-bit division by a constant is a libgcc call on x86-64.
  add("__divti3", &__divti3);
  add("__modti3", &__modti3);
  add("__udivti3", &__udivti3);
  add("__umodti3", &__umodti3);
  add("memset", &std::memset);
  add("memcpy", &std::memcpy);
  return dylib.define(llvm::orc::absoluteSymbols(symbols));
}

// An LLJIT for this machine, its main library resolving the helpers.
std::unique_ptr<llvm::orc::LLJIT> makeJit(llvm::orc::JITTargetMachineBuilder jtmb, std::string& why) {
  auto built = llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(std::move(jtmb)).create();
  if (!built) {
    why = "LLVM : " + llvmError(built.takeError());
    return nullptr;
  }
  std::unique_ptr<llvm::orc::LLJIT> jit = std::move(*built);
  if (auto err = defineHelpers(*jit, jit->getMainJITDylib())) {
    why = "LLVM : " + llvmError(std::move(err));
    return nullptr;
  }
  return jit;
}

// A scalar value as generated code writes it (codegen/src/lower_types.cpp).
interp::Value scalarValue(const ir::Type* t, const std::uint8_t* at) {
  auto read = [&](auto v) {
    std::memcpy(&v, at, sizeof v);
    return v;
  };
  switch (t->kind) {
  case ir::TypeKind::Bool: return interp::Value::boolean(at[0] != 0);
  case ir::TypeKind::Int: return interp::Value::integer(read(std::int64_t{}));
  case ir::TypeKind::Duration: return interp::Value::duration(read(std::int64_t{}));
  case ir::TypeKind::Decimal: return interp::Value::decimal(num::Decimal::fromMantissa(read(num::int128{})));
  case ir::TypeKind::Date: return interp::Value::dateValue(num::Date::fromDays(read(std::int32_t{})));
  default: return interp::Value::enumValue(read(std::uint32_t{}));
  }
}

// The features a `--cpu native` artifact was compiled with that this
// machine lacks ("" when it has them all).
std::string missingFeatures(const std::string& features) {
  llvm::StringMap<bool> host;
  llvm::sys::getHostCPUFeatures(host);
  std::string missing;
  for (llvm::StringRef rest(features); !rest.empty();) {
    auto [item, tail] = rest.split(',');
    rest = tail;
    if (!item.startswith("+")) continue;
    auto it = host.find(item.drop_front());
    if (it == host.end() || !it->second) missing += (missing.empty() ? "" : ", ") + item.drop_front().str();
  }
  return missing;
}
} // namespace

// The parameters in force at one evaluation date, as generated code reads
// them: each scalar parameter's value, each small integer-keyed barème's
// direct index. They depend on the date alone, and resolving them costs
// about as much as evaluating a demande: hosts that evaluate one demande
// per call (libloge's loge_evaluate) reuse them.
struct DateParams {
  std::vector<const std::uint8_t*> values;
  rt::DenseTables dense;
};

// What a Tier::Quick engine needs to compile its module optimised later.
struct PendingOptimisation {
  llvm::SmallString<0> bitcode; // the generated module, before any pass
  llvm::orc::JITTargetMachineBuilder jtmb;
  unsigned partitions = 1;
  Inlining inlining = Inlining::Standard;
  std::string cacheDir, cacheKey;
};

struct Engine::Impl {
  const ir::Program* program = nullptr;
  std::unique_ptr<codegen::Layout> layout;
  std::unique_ptr<codegen::OutLayout> out;
  std::unique_ptr<llvm::orc::LLJIT> jit;
  // Swapped once, from the quick code to the optimised code, while other
  // threads may be evaluating: each call reads it once.
  std::atomic<BatchFn> batch{nullptr};
  std::atomic<Tier> tier{Tier::Optimised};
  BlockStore constants;
  std::unique_ptr<loge_rt_params> params;
  std::vector<std::uint8_t> emptyCandidature;
  mutable std::mutex timingsMutex; // laterOptimiseMs is written by optimiseNow
  CompileTimings timings;
  // Tier::Quick with CompileOptions::optimiseAfter: demandes evaluated so far
  // (the count decides, not their order between threads).
  std::uint64_t optimiseAfter = 0;
  std::atomic<std::uint64_t> evaluated{0};
  std::mutex optimising; // held by the one thread that compiles
  std::unique_ptr<PendingOptimisation> pending;
  // The thread optimiseNow runs on, started once by the evaluation that
  // crosses optimiseAfter; joined by waitForOptimisation and at the end.
  std::atomic<bool> optimiserStarted{false};
  std::mutex optimiserMutex;
  std::thread optimiser;

  ~Impl() { joinOptimiser(); }
  void startOptimiser();
  void joinOptimiser();
  // Compiles the pending module optimised and switches to it; returns at
  // once when another thread is at it or it was tried already. On failure
  // the quick code stays (same results, slower).
  void optimiseNow();
  // The last few evaluation dates' parameters. Shared pointers: a thread
  // keeps using its date's parameters while another evicts them.
  mutable std::mutex datesMutex;
  mutable std::map<std::int32_t, std::shared_ptr<const DateParams>> dates;

  std::shared_ptr<DateParams> resolve(num::Date date) const;
  std::shared_ptr<const DateParams> paramsAt(num::Date date) const;
};

void Engine::Impl::startOptimiser() {
  if (optimiserStarted.exchange(true)) return;
  std::lock_guard<std::mutex> lock(optimiserMutex);
  try {
    optimiser = std::thread([this] { optimiseNow(); });
  } catch (const std::system_error&) {
    // No thread to be had: the quick code goes on (same results, slower).
  }
}

void Engine::Impl::joinOptimiser() {
  std::lock_guard<std::mutex> lock(optimiserMutex);
  if (optimiser.joinable()) optimiser.join();
}

void Engine::Impl::optimiseNow() {
  std::unique_lock<std::mutex> lock(optimising, std::try_to_lock);
  if (!lock.owns_lock() || !pending) return;
  std::unique_ptr<PendingOptimisation> job = std::move(pending); // one attempt, whatever comes of it
  auto start = std::chrono::steady_clock::now();
  llvm::LLVMContext context;
  auto parsed = llvm::parseBitcodeFile(llvm::MemoryBufferRef(job->bitcode, "loge"), context);
  if (!parsed) {
    llvm::consumeError(parsed.takeError());
    return;
  }
  internal::CompiledModule compiled;
  std::string why;
  if (!internal::compileModule(**parsed, job->jtmb, job->partitions, job->inlining, Tier::Optimised, compiled, why))
    return;
  if (!job->cacheDir.empty()) {
    std::vector<llvm::StringRef> bytes;
    for (const auto& o : compiled.objects) bytes.push_back(o->getBuffer());
    internal::ObjectCache(job->cacheDir).store(job->cacheKey, bytes);
  }
  // A library of its own: its loge_eval_batch must not meet the quick one.
  auto dylib = jit->createJITDylib("loge-optimise");
  if (!dylib) {
    llvm::consumeError(dylib.takeError());
    return;
  }
  if (auto err = defineHelpers(*jit, *dylib)) {
    llvm::consumeError(std::move(err));
    return;
  }
  for (auto& object : compiled.objects)
    if (auto err = jit->addObjectFile(*dylib, std::move(object))) {
      llvm::consumeError(std::move(err));
      return;
    }
  auto entry = jit->lookup(*dylib, "loge_eval_batch");
  if (!entry) {
    llvm::consumeError(entry.takeError());
    return;
  }
  {
    std::lock_guard<std::mutex> t(timingsMutex);
    timings.laterOptimiseMs = msSince(start);
  }
  batch.store(entry->toPtr<BatchFn>(), std::memory_order_release);
  tier.store(Tier::Optimised, std::memory_order_release);
}

std::shared_ptr<DateParams> Engine::Impl::resolve(num::Date date) const {
  auto out = std::make_shared<DateParams>();
  out->values.assign(params->params.size(), nullptr);
  for (std::size_t i = 0; i < out->values.size(); ++i) {
    if (params->params[i].isTable) continue;
    std::int32_t status = 0;
    out->values[i] = loge_rt_param(params.get(), static_cast<std::int32_t>(i), date.days(), &status);
  }
  rt::denseTables(*params, date.days(), out->values, out->dense);
  return out;
}

std::shared_ptr<const DateParams> Engine::Impl::paramsAt(num::Date date) const {
  constexpr std::size_t kDatesKept = 8;
  {
    std::lock_guard<std::mutex> lock(datesMutex);
    auto it = dates.find(date.days());
    if (it != dates.end()) return it->second;
  }
  std::shared_ptr<const DateParams> fresh = resolve(date);
  std::lock_guard<std::mutex> lock(datesMutex);
  if (dates.size() >= kDatesKept) dates.clear();
  return dates.emplace(date.days(), std::move(fresh)).first->second;
}

// What both a compiled and a loaded engine start from: the program and
// its record and result layouts.
Engine::Engine(const ir::Program& program) : impl_(std::make_unique<Impl>()) {
  impl_->program = &program;
  impl_->layout = std::make_unique<codegen::Layout>(program);
  impl_->out = std::make_unique<codegen::OutLayout>(program);
}
Engine::~Engine() = default;

std::unique_ptr<Engine> Engine::create(const ir::Program& program, std::string& why, const CompileOptions& options) {
  initialiseLlvm();
  std::unique_ptr<Engine> e(new Engine(program));
  Impl& m = *e->impl_;
  codegen::OutLayoutOptions layout;
  layout.criteria = options.criteria;
  layout.definitions = options.definitions;
  m.out = std::make_unique<codegen::OutLayout>(program, layout);

  auto start = std::chrono::steady_clock::now();
  codegen::Generated generated;
  if (!codegen::generate(program, *m.layout, *m.out, generated, why)) return nullptr;
  m.timings.codegenMs = msSince(start);

  auto jtmb = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!jtmb) {
    why = "LLVM : " + llvmError(jtmb.takeError());
    return nullptr;
  }
  jtmb->setCodeGenOptLevel(llvm::CodeGenOpt::Default);
  auto tm = jtmb->createTargetMachine();
  if (!tm) {
    why = "LLVM : " + llvmError(tm.takeError());
    return nullptr;
  }
  start = std::chrono::steady_clock::now();
  generated.module->setDataLayout((*tm)->createDataLayout());
  generated.module->setTargetTriple((*tm)->getTargetTriple().str());
  if (const char* raw = std::getenv("LOGE_DUMP_LLVM_RAW")) {
    // For developers: the generated module before optimisation.
    std::error_code ec;
    llvm::raw_fd_ostream os(raw, ec);
    if (!ec) generated.module->print(os, nullptr);
  }
  // A large module is optimised and compiled in partitions, on several
  // threads (partition.h); the LLVM dump is of the module as one piece.
  unsigned partitions = options.partitions ? options.partitions : internal::partitionCount(*generated.module);
  if (std::getenv("LOGE_DUMP_LLVM")) partitions = 1;
  // An unchanged policy reuses the objects of its last compilation: the key
  // is taken before optimisation, which is what the cache saves.
  // The cache holds optimised objects only: a quick engine that never
  // switches (optimiseAfter 0) neither reads nor fills it — asked for the
  // quick code, it gets the quick code.
  std::optional<internal::ObjectCache> cache;
  std::string key;
  if (!options.cacheDir.empty() && (options.tier == Tier::Optimised || options.optimiseAfter > 0)) {
    cache.emplace(options.cacheDir);
    key = internal::ObjectCache::keyOf(*generated.module, **tm, partitions, options.inlining);
  }
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> objects;
  if (cache) objects = cache->find(key);
  m.timings.fromCache = !objects.empty();
  m.timings.cacheMs = msSince(start);
  m.timings.partitions = partitions;
  // The quick tier compiles in fewer steps, with the fast instruction
  // selector; only optimised objects are worth a place in the cache.
  const bool quick = objects.empty() && options.tier == Tier::Quick;
  m.tier.store(quick ? Tier::Quick : Tier::Optimised);
  if (quick && options.optimiseAfter > 0) {
    auto pending = std::make_unique<PendingOptimisation>(
        PendingOptimisation{{}, *jtmb, partitions, options.inlining, options.cacheDir, key});
    llvm::raw_svector_ostream os(pending->bitcode);
    llvm::WriteBitcodeToFile(*generated.module, os);
    m.pending = std::move(pending);
    m.optimiseAfter = options.optimiseAfter;
  }
  if (objects.empty()) {
    internal::CompiledModule compiled;
    llvm::orc::JITTargetMachineBuilder compileWith = *jtmb;
    if (quick) compileWith.setCodeGenOptLevel(llvm::CodeGenOpt::None);
    if (!internal::compileModule(*generated.module, compileWith, partitions, options.inlining, options.tier, compiled,
                                 why))
      return nullptr;
    m.timings.optimiseMs = compiled.optimiseMs;
    m.timings.jitMs = compiled.codegenMs;
    if (const char* dump = std::getenv("LOGE_DUMP_LLVM")) {
      // For developers: the optimised module, as text.
      std::error_code ec;
      llvm::raw_fd_ostream os(dump, ec);
      if (!ec) generated.module->print(os, nullptr);
    }
    objects = std::move(compiled.objects);
    if (cache && !quick) {
      std::vector<llvm::StringRef> bytes;
      for (const auto& o : objects) bytes.push_back(o->getBuffer());
      cache->store(key, bytes);
    }
  }

  start = std::chrono::steady_clock::now();
  m.jit = makeJit(std::move(*jtmb), why);
  if (!m.jit) return nullptr;
  auto batch = [&]() -> llvm::Expected<llvm::orc::ExecutorAddr> {
    for (auto& object : objects)
      if (auto err = m.jit->addObjectFile(std::move(object)))
        return llvm::Expected<llvm::orc::ExecutorAddr>(std::move(err));
    return m.jit->lookup("loge_eval_batch");
  }();
  if (!batch) {
    std::string error = llvmError(batch.takeError());
    // The objects passed the cache's integrity check, so this is not
    // expected; compiling afresh is still the right answer.
    if (m.timings.fromCache) {
      CompileOptions fresh = options;
      fresh.cacheDir.clear();
      return create(program, why, fresh);
    }
    why = "LLVM : " + error;
    return nullptr;
  }
  m.batch.store(batch->toPtr<BatchFn>());
  m.timings.linkMs = msSince(start);

  m.params = internal::buildParams(program, *m.layout, m.constants);
  const ir::Type* cand = program.schema.roles[static_cast<int>(ir::Role::Candidature)];
  m.emptyCandidature.assign(cand ? m.layout->sizeOf(cand) + 16 : 16, 0);
  return e;
}

std::unique_ptr<Engine> Engine::load(const ir::Program& program, const std::vector<std::uint8_t>& object,
                                     const ArtifactManifest& manifest, std::string& why) {
  initialiseLlvm();
  if (manifest.abiVersion != LOGE_AOT_ABI_VERSION ||
      layoutFingerprint(program, manifest.prefix, manifest.policyPath) != manifest.layoutHash) {
    why = "l'artefact a été compilé par Loge " + manifest.logeVersion +
          " pour une disposition des données que cette version de Loge n'utilise plus : recompilez la politique "
          "avec `loge compile`";
    return nullptr;
  }
  if (manifest.cpu == "native") {
    std::string missing = missingFeatures(manifest.features);
    if (!missing.empty()) {
      why = "l'artefact a été compilé avec --cpu native pour un processeur qui a des instructions que celui-ci n'a "
            "pas (" +
            missing + ") : recompilez-le avec --cpu generic";
      return nullptr;
    }
  }
  std::unique_ptr<Engine> e(new Engine(program));
  Impl& m = *e->impl_;
  auto start = std::chrono::steady_clock::now();
  auto jtmb = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!jtmb) {
    why = "LLVM : " + llvmError(jtmb.takeError());
    return nullptr;
  }
  m.jit = makeJit(std::move(*jtmb), why);
  if (!m.jit) return nullptr;
  llvm::StringRef bytes(reinterpret_cast<const char*>(object.data()), object.size());
  if (auto err = m.jit->addObjectFile(llvm::MemoryBuffer::getMemBufferCopy(bytes, manifest.prefix + ".o"))) {
    why = "l'artefact ne peut pas être chargé : " + llvmError(std::move(err));
    return nullptr;
  }
  auto batch = m.jit->lookup(manifest.prefix + "_eval_batch");
  auto blob = batch ? m.jit->lookup(manifest.prefix + "_params_blob") : batch.takeError();
  auto blobSize = blob ? m.jit->lookup(manifest.prefix + "_params_blob_size") : blob.takeError();
  if (!blobSize) {
    why = "l'artefact ne peut pas être chargé : " + llvmError(blobSize.takeError());
    return nullptr;
  }
  m.batch.store(batch->toPtr<BatchFn>());
  m.params = rt::loadParams(blob->toPtr<const std::uint8_t*>(),
                            static_cast<std::size_t>(*blobSize->toPtr<const std::int64_t*>()), why);
  if (!m.params) return nullptr;
  m.timings.jitMs = msSince(start);
  const ir::Type* cand = program.schema.roles[static_cast<int>(ir::Role::Candidature)];
  m.emptyCandidature.assign(cand ? m.layout->sizeOf(cand) + 16 : 16, 0);
  return e;
}

FlatRecords Engine::flatten(const std::vector<interp::Value>& records, std::uint32_t structIndex) const {
  FlatRecords out;
  out.storage_ = std::make_unique<FlatRecords::Storage>();
  const ir::Type* type = nullptr;
  for (const auto& t : {impl_->program->schema.roles[0], impl_->program->schema.roles[1],
                        impl_->program->schema.roles[2], impl_->program->schema.roles[3]})
    if (t && t->index == structIndex) type = t;
  std::uint32_t size = impl_->layout->structure(structIndex).size;
  out.stride_ = (size + 15) / 16 * 16;
  std::uint8_t* data = out.storage_->blocks.allocate(out.stride_ * std::max<std::size_t>(records.size(), 1));
  Flattener flat(*impl_->layout, out.storage_->blocks);
  // Struct values: write field by field (the record type is the struct).
  const ir::StructDecl& decl = impl_->program->structs[structIndex];
  const codegen::StructLayout& s = impl_->layout->structure(structIndex);
  for (std::size_t i = 0; i < records.size(); ++i)
    for (std::size_t f = 0; f < decl.fields.size(); ++f)
      flat.value(records[i].rec->fields[f], decl.fields[f].type, data + i * out.stride_ + s.offsets[f]);
  (void)type;
  out.data_ = data;
  out.count_ = records.size();
  return out;
}

void Engine::evaluate(const FlatRecords& demandes, const std::uint8_t* logement, num::Date date,
                      std::vector<std::uint8_t>& out, std::vector<std::uint8_t>& errors,
                      const std::uint8_t* candidature,
                      const std::map<std::uint32_t, std::vector<ir::DatedValue>>* overrides) const {
  const Impl& m = *impl_;
  // Parameters in force at the evaluation date: shared between calls at the
  // same date, or resolved afresh for a test that overrides some.
  if (overrides) {
    std::shared_ptr<DateParams> own = m.resolve(date);
    BlockStore overridden;
    Flattener flat(*m.layout, overridden);
    for (const auto& [index, dated] : *overrides) {
      const ir::ParameterDecl& decl = m.program->parameters[index];
      if (decl.isTable) continue;
      const ir::DatedValue* found = nullptr;
      for (const ir::DatedValue& v : dated)
        if (!(date < v.from)) found = &v;
      if (found && found->to && *found->to < date) found = nullptr;
      std::uint8_t* bytes = nullptr;
      if (found) {
        bytes = overridden.allocate(m.layout->sizeOf(decl.type) + 16);
        flat.constant(found->value, decl.type, bytes);
      }
      own->values[index] = bytes;
    }
    evaluateWith(demandes, logement, date, out, errors, candidature, own->values.data());
    return;
  }
  std::shared_ptr<const DateParams> at = m.paramsAt(date);
  evaluateWith(demandes, logement, date, out, errors, candidature, at->values.data());
}

void Engine::evaluateWith(const FlatRecords& demandes, const std::uint8_t* logement, num::Date date,
                          std::vector<std::uint8_t>& out, std::vector<std::uint8_t>& errors,
                          const std::uint8_t* candidature, const std::uint8_t* const* values) const {
  Impl& m = *impl_;
  if (m.optimiseAfter > 0 && m.tier.load(std::memory_order_acquire) == Tier::Quick &&
      m.evaluated.fetch_add(demandes.count()) + demandes.count() >= m.optimiseAfter)
    m.startOptimiser();
  codegen::JitCtx ctx;
  ctx.params = m.params.get();
  ctx.paramValues = values;
  // Generated code writes every result field: no need to clear the buffer.
  if (out.size() < demandes.count() * m.out->size) out.resize(demandes.count() * m.out->size);
  errors.resize(demandes.count());
  if (demandes.count() == 0) return;
  BatchFn batch = m.batch.load(std::memory_order_acquire);
  batch(&ctx, demandes.data(), demandes.stride(), static_cast<std::int64_t>(demandes.count()), logement,
        candidature ? candidature : m.emptyCandidature.data(), date.days(), out.data(), m.out->size, errors.data());
}

std::uint32_t Engine::outSize() const { return impl_->out->size; }

CompileTimings Engine::timings() const {
  std::lock_guard<std::mutex> lock(impl_->timingsMutex);
  return impl_->timings;
}

Tier Engine::tier() const { return impl_->tier.load(std::memory_order_acquire); }

void Engine::waitForOptimisation() const { impl_->joinOptimiser(); }

std::vector<DefinitionResult> Engine::decodeDefinitions(const std::uint8_t* o) const {
  using State = codegen::OutLayout::DefinitionState;
  std::vector<DefinitionResult> results;
  for (const codegen::OutLayout::Definition& d : impl_->out->definitions) {
    DefinitionResult r;
    r.definition = d.index;
    r.state = static_cast<DefinitionResult::State>(o[d.state]);
    if (o[d.state] == static_cast<std::uint8_t>(State::Value)) {
      const ir::Type* t = impl_->program->definitions[d.index].returnType;
      const std::uint8_t* at = o + d.value;
      if (t->kind == ir::TypeKind::Optional) {
        t = t->element;
        at = o[d.value] ? o + d.payload : nullptr;
      }
      if (at) r.value = scalarValue(t, at);
    }
    results.push_back(r);
  }
  return results;
}

interp::DemandeResult Engine::decode(const std::uint8_t* o, bool withLogement) const {
  const ir::Program& p = *impl_->program;
  const codegen::OutLayout& L = *impl_->out;
  auto dec = [&](std::uint32_t off) {
    num::int128 v;
    std::memcpy(&v, o + off, sizeof v);
    return num::Decimal::fromMantissa(v);
  };
  interp::DemandeResult r;
  r.cotations.reserve(p.cotations.size());
  for (std::size_t c = 0; c < p.cotations.size(); ++c) {
    const auto& oc = L.cotations[c];
    interp::CotationResult cr;
    cr.criteria.reserve(oc.brut.size());
    cr.rubriques.reserve(oc.rubriques.size());
    cr.total = dec(oc.total);
    cr.beforeBounds = dec(oc.beforeBounds);
    cr.floorApplied = o[oc.floorApplied] != 0;
    cr.ceilingApplied = o[oc.ceilingApplied] != 0;
    if (!L.criteria) {
      r.cotations.push_back(std::move(cr));
      continue;
    }
    for (std::size_t i = 0; i < oc.brut.size(); ++i) {
      interp::CriterionResult x;
      x.brut = dec(oc.brut[i]);
      x.contribution = dec(oc.contribution[i]);
      x.applicable = o[oc.applicable[i]] != 0;
      cr.criteria.push_back(x);
    }
    for (std::uint32_t off : oc.rubriques) cr.rubriques.push_back(dec(off));
    r.cotations.push_back(std::move(cr));
  }
  bool ok = true;
  r.blocks.reserve(p.ruleBlocks.size());
  for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b) {
    std::vector<interp::RuleResult> rules;
    rules.reserve(L.blocks[b].status.size());
    for (std::size_t i = 0; i < L.blocks[b].status.size(); ++i) {
      interp::RuleResult rr;
      rr.status = static_cast<interp::RuleStatus>(o[L.blocks[b].status[i]]);
      rr.exception = static_cast<std::int8_t>(o[L.blocks[b].exception[i]]);
      ok = ok && rr.status != interp::RuleStatus::Refus;
      rules.push_back(std::move(rr));
    }
    r.blocks.push_back(std::move(rules));
  }
  if (withLogement) r.eligible = ok;
  return r;
}

} // namespace loge::jit
