// Semantic stage: the entry point and the order of the checking passes.
#include "checker.h"

#include <filesystem>

namespace loge::sema {

namespace internal {

std::unique_ptr<ir::Program> Checker::run(const SourceFile& rootFile) {
  std::vector<std::string> stack;
  std::error_code ec;
  auto canonical = std::filesystem::weakly_canonical(rootFile.path(), ec);
  root = loadModule(rootFile, ec ? rootFile.path() : canonical.string(), stack);
  root->isRoot = true;
  program_->rootFile = rootFile.id();
  if (diags_.hasErrors()) return nullptr;

  // Qualified-name prefixes: breadth-first from the root, so a module gets
  // the shortest alias path by which the root reaches it.
  std::vector<Module*> queue{root};
  std::set<Module*> seen{root};
  for (std::size_t i = 0; i < queue.size(); ++i) {
    for (ImportEdge& e : queue[i]->imports) {
      if (seen.insert(e.target).second) {
        e.target->prefix = queue[i]->prefix + e.alias + ".";
        queue.push_back(e.target);
      }
    }
  }

  // Passes, in dependency order: types before anything typed, signatures
  // before bodies, definitions before their callers.
  declareAll();
  declareHeader(*root);
  if (diags_.hasErrors()) return nullptr;
  declareParameters();
  declareDefinitions();
  if (diags_.hasErrors()) return nullptr;
  checkParameterValues();
  checkDefinitionBodies();
  checkRecursion();
  if (diags_.hasErrors()) return nullptr;
  propagateContexts();
  checkCallGrowth();
  checkCotations();
  checkRuleBlocks();
  checkQuotas();
  checkClassements();
  checkSimilarites();
  checkTests();
  if (diags_.hasErrors()) return nullptr;
  return std::move(program_);
}

} // namespace internal

std::unique_ptr<ir::Program> checkFile(const SourceFile& root, SourceManager& sources, DiagnosticEngine& diags,
                                       const CheckOptions& options) {
  internal::Checker checker(sources, diags, options);
  auto program = checker.run(root);
  diags.sort();
  return program;
}

const SourceFile* loadPolicyFile(const std::string& path, SourceManager& sources, DiagnosticEngine& diags) {
  LoadError error;
  if (const SourceFile* f = sources.load(path, error)) return f;
  // A placeholder file so the diagnostic names the path.
  SourceRange r;
  r.file = sources.addVirtual(path, error.shownText).id();
  if (error.position) {
    r.begin = r.end = *error.position;
    Diagnostic& d = diags.report(DiagKind::FileNotUtf8, r, error.message);
    d.hint = "enregistrez le fichier en UTF-8 (dans la plupart des éditeurs : « Enregistrer sous… », encodage UTF-8)";
  } else {
    diags.report(DiagKind::FileUnreadable, r, error.message);
  }
  return nullptr;
}

std::unique_ptr<ir::Program> check(const std::string& rootPath, SourceManager& sources, DiagnosticEngine& diags,
                                   const CheckOptions& options) {
  const SourceFile* f = loadPolicyFile(rootPath, sources, diags);
  return f ? checkFile(*f, sources, diags, options) : nullptr;
}

} // namespace loge::sema
