// Semantic stage (internal): loading the root file and its imports.
#include "checker.h"
#include "loge/syntax/parse.h"

#include <filesystem>

namespace loge::sema::internal {

namespace fs = std::filesystem;

namespace {
std::string canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(path), ec);
  return ec ? path : p.string();
}

std::string stemOf(const std::string& path) {
  std::string stem = fs::path(path).stem().string();
  // A file name is not always an identifier: `publics-prioritaires` → `publics_prioritaires`.
  for (char& c : stem)
    if (c == '-' || c == ' ' || c == '.') c = '_';
  return stem;
}
} // namespace

Module* Checker::loadModule(const SourceFile& file, const std::string& canonicalPath, std::vector<std::string>& stack) {
  for (auto& m : modules)
    if (m->canonicalPath == canonicalPath) return m.get();
  auto module = std::make_unique<Module>();
  module->file = &file;
  module->canonicalPath = canonicalPath;
  module->ast = syntax::parse(file, diags_);
  Module* m = module.get();
  modules.push_back(std::move(module));
  if (!m->ast) return m;

  stack.push_back(canonicalPath);
  fs::path dir = fs::path(file.path()).parent_path();
  for (const ast::Import& imp : m->ast->imports) {
    if (modules.size() > options_.maxModules) {
      diags_.report(DiagKind::TooManyImports, imp.range, options_.maxModules);
      break;
    }
    std::string path = (dir / imp.path).string();
    std::string canon = canonical(path);
    bool cycle = false;
    for (const std::string& s : stack) cycle |= s == canon;
    if (cycle) {
      std::string chain;
      for (const std::string& s : stack) chain += fs::path(s).filename().string() + " → ";
      chain += fs::path(canon).filename().string();
      diags_.report(DiagKind::ImportCycle, imp.range, chain);
      continue;
    }
    Module* target = nullptr;
    for (auto& existing : modules)
      if (existing->canonicalPath == canon) target = existing.get();
    if (!target) {
      LoadError error;
      const SourceFile* f = sources_.load(path, error);
      if (!f) {
        Diagnostic& d = diags_.report(DiagKind::ImportNotFound, imp.range, error.message);
        d.hint = "le chemin est relatif au fichier qui importe";
        continue;
      }
      target = loadModule(*f, canon, stack);
    }
    ImportEdge edge;
    edge.target = target;
    edge.aliased = imp.alias.has_value();
    edge.alias = ast::foldName(imp.alias ? imp.alias->text : stemOf(imp.path));
    edge.range = imp.range;
    for (const ImportEdge& other : m->imports) {
      if (other.alias == edge.alias) diags_.report(DiagKind::DuplicateImportAlias, imp.range, edge.alias);
    }
    m->imports.push_back(edge);
  }
  stack.pop_back();
  return m;
}

} // namespace loge::sema::internal
