// libloge: loading a policy (checking, compiling) and what it declares.
#include "boundary.h"

#include "loge/ast/names.h"
#include "loge/diag/render.h"
#include "loge/jit/artifact.h"
#include "loge/sema/check.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <mutex>

namespace loge::capi {

namespace {

// Loading is serialised: the parser's generated code keeps shared caches
// whose thread safety we do not rely on. Evaluation takes no lock.
std::mutex& loadMutex() {
  static std::mutex m;
  return m;
}

std::unique_ptr<loge_error> diagnosticItem(const Diagnostic& d, const SourceManager& sm) {
  auto e = makeError(LOGE_OK, d.message);
  e->status = d.severity == Severity::Error ? LOGE_ERR_POLICY : LOGE_OK;
  e->severity = d.severity == Severity::Error     ? LOGE_SEVERITY_ERROR
                : d.severity == Severity::Warning ? LOGE_SEVERITY_WARNING
                                                  : LOGE_SEVERITY_NOTE;
  e->code = info(d.kind).code;
  if (const SourceFile* f = sm.file(d.range.file)) e->file = f->path();
  e->line = d.range.begin.line;
  e->column = d.range.begin.column;
  e->text = render(d, sm, DiagStyle::Full);
  return e;
}

// One error object for a list of diagnostics; its own message and location
// are those of the first error (else the first diagnostic), its text every
// diagnostic rendered as `loge check` shows them.
std::unique_ptr<loge_error> diagnosticsError(loge_status status, const std::vector<Diagnostic>& ds,
                                             const SourceManager& sm) {
  if (ds.empty()) return makeError(status, "");
  std::vector<std::unique_ptr<loge_error>> items;
  std::size_t head = ds.size();
  for (std::size_t i = 0; i < ds.size(); ++i) {
    items.push_back(diagnosticItem(ds[i], sm));
    if (head == ds.size() && ds[i].severity == Severity::Error) head = i;
  }
  auto e = withItems(std::move(items), head == ds.size() ? 0 : head);
  e->status = status;
  e->text = renderAll(ds, sm, DiagStyle::Full);
  return e;
}

loge_engine engineOption(const loge_options* options) {
  return options ? handle(options, Tag::Options, "options").engine : LOGE_ENGINE_AUTO;
}

// Checks a policy: its root file read from disk (`text` and `manifest`
// null), given in memory (`text`), or embedded in an artifact (`manifest`,
// whose files are the only ones read). The core gets its program, warnings,
// interpreter and rule table; the engine is the caller's to set.
std::shared_ptr<PolicyCore> checkPolicy(const std::string& path, const std::string* text,
                                        const jit::ArtifactManifest* manifest) {
  auto core = std::make_shared<PolicyCore>();
  DiagnosticEngine diags;
  {
    std::lock_guard<std::mutex> lock(loadMutex());
    if (text) {
      if (text->size() > SourceManager::kMaxFileBytes)
        fail(LOGE_ERR_POLICY, fmt::format("{} : politique trop grande ({} octets, {} au plus)", path, text->size(),
                                          SourceManager::kMaxFileBytes));
      if (auto bad = findInvalidUtf8(*text))
        fail(LOGE_ERR_POLICY, fmt::format("{} : texte non UTF-8 (octet {})", path, *bad + 1));
      const SourceFile& root = core->sources.addVirtual(path, *text);
      core->program = sema::checkFile(root, core->sources, diags);
    } else {
      if (manifest)
        for (const auto& [file, source] : manifest->files) core->sources.provide(file, source);
      core->program = sema::check(path, core->sources, diags);
    }
  }
  if (!core->program) {
    if (diags.diagnostics().empty()) fail(LOGE_ERR_POLICY, path + " : la politique ne peut pas être compilée");
    // A root file that cannot be read is an I/O problem, not a policy one.
    bool io = !text && !manifest && diags.diagnostics().size() == 1 && !diags.diagnostics()[0].range.valid();
    throw Failure{diagnosticsError(io ? LOGE_ERR_IO : LOGE_ERR_POLICY, diags.diagnostics(), core->sources)};
  }
  for (const Diagnostic& d : diags.diagnostics())
    if (d.severity != Severity::Error) core->warnings.push_back(d);
  const ir::Program& p = *core->program;
  core->interpreter = std::make_unique<interp::Interpreter>(p);
  for (std::uint32_t b = 0; b < p.ruleBlocks.size(); ++b) {
    for (std::uint32_t r = 0; r < p.ruleBlocks[b].rules.size(); ++r) {
      RuleRef ref;
      ref.block = b;
      ref.rule = r;
      ref.name = p.ruleBlocks[b].name + "." + p.ruleBlocks[b].rules[r].name;
      for (const auto& x : p.ruleBlocks[b].rules[r].references) ref.references.push_back(x.text);
      for (const auto& x : p.ruleBlocks[b].references) ref.references.push_back(x.text);
      core->rules.push_back(std::move(ref));
    }
  }
  return core;
}

std::unique_ptr<loge_policy> wrap(std::shared_ptr<PolicyCore> core) {
  auto policy = std::make_unique<loge_policy>();
  policy->core = std::move(core);
  return policy;
}

// The demandes after which LOGE_COMPILATION_AUTO recompiles optimised: as
// `loge run --compilation auto`.
constexpr std::uint64_t kOptimiseAfter = 1'000'000;

std::unique_ptr<loge_policy> load(const std::string& path, const std::string* text, const loge_options* options) {
  loge_engine engine = engineOption(options);
  loge_compilation compilation =
      options ? handle(options, Tag::Options, "options").compilation : LOGE_COMPILATION_OPTIMISED;
  std::shared_ptr<PolicyCore> core = checkPolicy(path, text, nullptr);
  if (engine != LOGE_ENGINE_INTERPRETER) {
    std::string why;
    // A host keeps its policy loaded and evaluates many demandes with it:
    // optimised by default, with the inlining of `loge run`.
    jit::CompileOptions compile;
    compile.inlining = jit::Inlining::Extended;
    if (compilation != LOGE_COMPILATION_OPTIMISED) compile.tier = jit::Tier::Quick;
    if (compilation == LOGE_COMPILATION_AUTO) compile.optimiseAfter = kOptimiseAfter;
    core->engine = jit::Engine::create(*core->program, why, compile);
    if (!core->engine && engine == LOGE_ENGINE_JIT)
      fail(LOGE_ERR_UNSUPPORTED,
           fmt::format("{} : le moteur compilé ne peut pas évaluer cette politique : {}", path, why));
  }
  return wrap(std::move(core));
}

// An artifact is machine code and a few megabytes at most; this bounds what
// a wrong path (a disk image…) makes us read.
constexpr std::size_t kMaxArtifactBytes = std::size_t{1} << 30;

std::unique_ptr<loge_policy> loadArtifact(const std::string& path, const loge_options* options) {
  loge_engine engine = engineOption(options);
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec))
    fail(LOGE_ERR_IO, fmt::format("{} : impossible d'ouvrir l'artefact (absent ou illisible)", path));
  std::vector<std::uint8_t> bytes;
  char chunk[1 << 16];
  while (bytes.size() <= kMaxArtifactBytes && in.read(chunk, sizeof chunk).gcount() > 0)
    bytes.insert(bytes.end(), chunk, chunk + in.gcount());
  if (in.bad()) fail(LOGE_ERR_IO, fmt::format("{} : erreur de lecture", path));
  if (bytes.size() > kMaxArtifactBytes)
    fail(LOGE_ERR_DATA, fmt::format("{} : fichier trop grand pour un artefact", path));
  jit::ArtifactManifest manifest;
  std::string why;
  if (!jit::readArtifact(bytes, manifest, why)) fail(LOGE_ERR_DATA, fmt::format("{} : {}", path, why));
  std::shared_ptr<PolicyCore> core = checkPolicy(manifest.files.front().first, nullptr, &manifest);
  if (engine != LOGE_ENGINE_INTERPRETER) {
    core->engine = jit::Engine::load(*core->program, bytes, manifest, why);
    if (!core->engine) fail(LOGE_ERR_UNSUPPORTED, fmt::format("{} : {}", path, why));
  }
  return wrap(std::move(core));
}

const PolicyCore& coreOf(const loge_policy* policy) { return *handle(policy, Tag::Policy, "policy").core; }

const ir::CotationDecl& cotationOf(const loge_policy* policy, size_t cotation) {
  const ir::Program& p = *coreOf(policy).program;
  checkIndex(cotation, p.cotations.size(), "cotation");
  return p.cotations[cotation];
}

const ir::CriterionDecl& criterionOf(const loge_policy* policy, size_t cotation, size_t criterion) {
  const ir::CotationDecl& c = cotationOf(policy, cotation);
  checkIndex(criterion, c.criteria.size(), "critère");
  return c.criteria[criterion];
}

const RuleRef& ruleOf(const loge_policy* policy, size_t rule) {
  const PolicyCore& core = coreOf(policy);
  checkIndex(rule, core.rules.size(), "règle");
  return core.rules[rule];
}

const ir::RuleDecl& ruleDeclOf(const loge_policy* policy, size_t rule) {
  const RuleRef& ref = ruleOf(policy, rule);
  return coreOf(policy).program->ruleBlocks[ref.block].rules[ref.rule];
}

loge_status putText(const char** out, const std::string& s) { return put(out, s.c_str()); }

} // namespace

} // namespace loge::capi

using namespace loge::capi;
namespace ir = loge::ir;

extern "C" {

LOGE_API loge_status loge_options_create(loge_options** out, loge_error** error) {
  return guard(error, [&] {
    nonNull(out, "out");
    *out = new loge_options();
    return LOGE_OK;
  });
}

LOGE_API void loge_options_free(loge_options* options) {
  if (options && options->tag == Tag::Options) {
    options->tag = Tag::Freed;
    delete options;
  }
}

LOGE_API loge_status loge_options_set_engine(loge_options* options, loge_engine engine, loge_error** error) {
  return guard(error, [&] {
    loge_options& o = handle(options, Tag::Options, "options");
    if (engine != LOGE_ENGINE_AUTO && engine != LOGE_ENGINE_JIT && engine != LOGE_ENGINE_INTERPRETER)
      fail(LOGE_ERR_ARGUMENT, fmt::format("moteur inconnu ({})", static_cast<int>(engine)));
    o.engine = engine;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_options_set_compilation(loge_options* options, loge_compilation compilation,
                                                  loge_error** error) {
  return guard(error, [&] {
    loge_options& o = handle(options, Tag::Options, "options");
    if (compilation != LOGE_COMPILATION_OPTIMISED && compilation != LOGE_COMPILATION_QUICK &&
        compilation != LOGE_COMPILATION_AUTO)
      fail(LOGE_ERR_ARGUMENT, fmt::format("mode de compilation inconnu ({})", static_cast<int>(compilation)));
    o.compilation = compilation;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_policy_load_file(const char* path, const loge_options* options, loge_policy** out,
                                           loge_error** error) {
  return guard(error, [&] {
    nonNull(path, "path");
    nonNull(out, "out");
    *out = load(path, nullptr, options).release();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_policy_load_source(const char* text, size_t length, const char* path,
                                             const loge_options* options, loge_policy** out, loge_error** error) {
  return guard(error, [&] {
    nonNull(text, "text");
    nonNull(out, "out");
    std::string source(text, length);
    *out = load(path ? path : "politique.loge", &source, options).release();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_policy_load_artifact(const char* path, const loge_options* options, loge_policy** out,
                                               loge_error** error) {
  return guard(error, [&] {
    nonNull(path, "path");
    nonNull(out, "out");
    *out = loadArtifact(path, options).release();
    return LOGE_OK;
  });
}

LOGE_API void loge_policy_free(loge_policy* policy) {
  if (policy && policy->tag == Tag::Policy) {
    policy->tag = Tag::Freed;
    delete policy;
  }
}

LOGE_API loge_status loge_policy_warnings(const loge_policy* policy, loge_error** out, loge_error** error) {
  return guard(error, [&] {
    const PolicyCore& core = coreOf(policy);
    nonNull(out, "out");
    *out = core.warnings.empty() ? nullptr : diagnosticsError(LOGE_OK, core.warnings, core.sources).release();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_policy_engine(const loge_policy* policy, loge_engine* out, loge_error** error) {
  return guard(error, [&] { return put(out, coreOf(policy).engine ? LOGE_ENGINE_JIT : LOGE_ENGINE_INTERPRETER); });
}

LOGE_API loge_status loge_policy_compilation(const loge_policy* policy, loge_compilation* out, loge_error** error) {
  return guard(error, [&] {
    const PolicyCore& core = coreOf(policy);
    if (!core.engine) fail(LOGE_ERR_UNSUPPORTED, "l'interpréteur évalue cette politique : elle n'est pas compilée");
    return put(out,
               core.engine->tier() == loge::jit::Tier::Quick ? LOGE_COMPILATION_QUICK : LOGE_COMPILATION_OPTIMISED);
  });
}

LOGE_API loge_status loge_policy_title(const loge_policy* policy, const char** out, loge_error** error) {
  return guard(error, [&] { return putText(out, coreOf(policy).program->title); });
}

LOGE_API loge_status loge_policy_version(const loge_policy* policy, const char** out, loge_error** error) {
  return guard(error, [&] { return putText(out, coreOf(policy).program->version); });
}

LOGE_API loge_status loge_policy_cotation_count(const loge_policy* policy, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, coreOf(policy).program->cotations.size()); });
}

LOGE_API loge_status loge_policy_cotation_name(const loge_policy* policy, size_t cotation, const char** out,
                                               loge_error** error) {
  return guard(error, [&] { return putText(out, cotationOf(policy, cotation).name); });
}

LOGE_API loge_status loge_policy_cotation_label(const loge_policy* policy, size_t cotation, const char** out,
                                                loge_error** error) {
  return guard(error, [&] { return putText(out, cotationOf(policy, cotation).label); });
}

LOGE_API loge_status loge_policy_criterion_count(const loge_policy* policy, size_t cotation, size_t* out,
                                                 loge_error** error) {
  return guard(error, [&] { return put(out, cotationOf(policy, cotation).criteria.size()); });
}

LOGE_API loge_status loge_policy_criterion_name(const loge_policy* policy, size_t cotation, size_t criterion,
                                                const char** out, loge_error** error) {
  return guard(error, [&] { return putText(out, criterionOf(policy, cotation, criterion).name); });
}

LOGE_API loge_status loge_policy_criterion_label(const loge_policy* policy, size_t cotation, size_t criterion,
                                                 const char** out, loge_error** error) {
  return guard(error, [&] { return putText(out, criterionOf(policy, cotation, criterion).label); });
}

LOGE_API loge_status loge_policy_criterion_reference_count(const loge_policy* policy, size_t cotation, size_t criterion,
                                                           size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, criterionOf(policy, cotation, criterion).references.size()); });
}

LOGE_API loge_status loge_policy_criterion_reference(const loge_policy* policy, size_t cotation, size_t criterion,
                                                     size_t reference, const char** out, loge_error** error) {
  return guard(error, [&] {
    const ir::CriterionDecl& c = criterionOf(policy, cotation, criterion);
    checkIndex(reference, c.references.size(), "référence");
    return putText(out, c.references[reference].text);
  });
}

LOGE_API loge_status loge_policy_rubrique_count(const loge_policy* policy, size_t cotation, size_t* out,
                                                loge_error** error) {
  return guard(error, [&] { return put(out, cotationOf(policy, cotation).rubriques.size()); });
}

LOGE_API loge_status loge_policy_rubrique_name(const loge_policy* policy, size_t cotation, size_t rubrique,
                                               const char** out, loge_error** error) {
  return guard(error, [&] {
    const ir::CotationDecl& c = cotationOf(policy, cotation);
    checkIndex(rubrique, c.rubriques.size(), "rubrique");
    return putText(out, c.rubriques[rubrique].name);
  });
}

LOGE_API loge_status loge_policy_rule_count(const loge_policy* policy, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, coreOf(policy).rules.size()); });
}

LOGE_API loge_status loge_policy_rule_name(const loge_policy* policy, size_t rule, const char** out,
                                           loge_error** error) {
  return guard(error, [&] { return putText(out, ruleOf(policy, rule).name); });
}

LOGE_API loge_status loge_policy_rule_label(const loge_policy* policy, size_t rule, const char** out,
                                            loge_error** error) {
  return guard(error, [&] { return putText(out, ruleDeclOf(policy, rule).label); });
}

LOGE_API loge_status loge_policy_rule_is_refusal(const loge_policy* policy, size_t rule, int* out, loge_error** error) {
  return guard(error, [&] { return put(out, ruleDeclOf(policy, rule).refusal ? 1 : 0); });
}

LOGE_API loge_status loge_policy_rule_reference_count(const loge_policy* policy, size_t rule, size_t* out,
                                                      loge_error** error) {
  return guard(error, [&] { return put(out, ruleOf(policy, rule).references.size()); });
}

LOGE_API loge_status loge_policy_rule_reference(const loge_policy* policy, size_t rule, size_t reference,
                                                const char** out, loge_error** error) {
  return guard(error, [&] {
    const RuleRef& r = ruleOf(policy, rule);
    checkIndex(reference, r.references.size(), "référence");
    return putText(out, r.references[reference]);
  });
}

LOGE_API loge_status loge_policy_quota_count(const loge_policy* policy, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, coreOf(policy).program->quotas.size()); });
}

LOGE_API loge_status loge_policy_quota_name(const loge_policy* policy, size_t quota, const char** out,
                                            loge_error** error) {
  return guard(error, [&] {
    const ir::Program& p = *coreOf(policy).program;
    checkIndex(quota, p.quotas.size(), "quota");
    return putText(out, p.quotas[quota].name);
  });
}

LOGE_API loge_status loge_policy_quota_label(const loge_policy* policy, size_t quota, const char** out,
                                             loge_error** error) {
  return guard(error, [&] {
    const ir::Program& p = *coreOf(policy).program;
    checkIndex(quota, p.quotas.size(), "quota");
    return putText(out, p.quotas[quota].label);
  });
}

LOGE_API loge_status loge_policy_find_cotation(const loge_policy* policy, const char* name, size_t* out,
                                               loge_error** error) {
  return guard(error, [&] {
    const ir::Program& p = *coreOf(policy).program;
    std::string folded = loge::ast::foldName(nonNull(name, "name"));
    for (std::size_t i = 0; i < p.cotations.size(); ++i)
      if (loge::ast::foldName(p.cotations[i].name) == folded) return put(out, i);
    fail(LOGE_ERR_ARGUMENT, fmt::format("pas de cotation « {} » dans la politique", name));
  });
}

LOGE_API loge_status loge_policy_find_rule(const loge_policy* policy, const char* name, size_t* out,
                                           loge_error** error) {
  return guard(error, [&] {
    const PolicyCore& core = coreOf(policy);
    std::string folded = loge::ast::foldName(nonNull(name, "name"));
    for (std::size_t i = 0; i < core.rules.size(); ++i)
      if (loge::ast::foldName(core.rules[i].name) == folded) return put(out, i);
    fail(LOGE_ERR_ARGUMENT, fmt::format("pas de règle « {} » dans la politique", name));
  });
}

} // extern "C"
