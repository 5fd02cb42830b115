// Test support: compile Loge source held in a string, for stage unit tests.
#pragma once

#include "loge/diag/diagnostic.h"
#include "loge/diag/render.h"
#include "loge/ir/program.h"
#include "loge/sema/check.h"

#include <memory>
#include <string>
#include <vector>

namespace loge::testing {

struct Compiled {
  SourceManager sources;
  DiagnosticEngine diags;
  std::unique_ptr<ir::Program> program;

  bool has(DiagKind kind) const {
    for (const auto& d : diags.diagnostics())
      if (d.kind == kind) return true;
    return false;
  }
  std::string rendered() const { return renderAll(diags.diagnostics(), sources, DiagStyle::OneLine); }
};

inline std::unique_ptr<Compiled> compileSource(const std::string& text, const std::string& path = "test.loge") {
  auto c = std::make_unique<Compiled>();
  const SourceFile& f = c->sources.addVirtual(path, text);
  c->program = sema::checkFile(f, c->sources, c->diags);
  return c;
}

// Same, for a policy file on disk and the files it imports.
inline std::unique_ptr<Compiled> compileFile(const std::string& path) {
  auto c = std::make_unique<Compiled>();
  c->program = sema::check(path, c->sources, c->diags);
  return c;
}

// A minimal schema most snippets can import by pasting it first.
inline const char* kMiniSchema = R"(
schéma { demande : Demande  logement : Logement }
énumération Zone { a "Zone A"  b "Zone B"  c "Zone C" }
structure Menage { adultes : entier (au moins 1)  enfants : entier (au moins 0)  rfr : montant annuel }
structure Actuel { surface : surface  loyer : montant mensuel }
structure Demande { id : texte  depot : date  menage : Menage  actuel : Actuel?  dalo : booléen  zone : Zone }
structure Logement { id : texte  loyer : montant mensuel  zone : Zone }
)";

} // namespace loge::testing
