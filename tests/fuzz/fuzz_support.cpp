// Shared by the fuzz targets.
#include "fuzz_support.h"

#include "loge/diag/render.h"
#include "loge/sema/check.h"

#include <iostream>

namespace loge::fuzz {

std::unique_ptr<Policy> loadPolicy(const std::string& relative) {
  auto p = std::make_unique<Policy>();
  p->name = relative;
  p->program = sema::check(std::string(LOGE_REPO_ROOT) + "/" + relative, p->sources, p->diags);
  if (!p->program) {
    std::cerr << "fuzz: " << relative << " ne se vérifie pas :\n"
              << renderAll(p->diags.diagnostics(), p->sources, DiagStyle::OneLine);
    std::exit(2);
  }
  return p;
}

void finding(const std::string& what) {
  std::cerr << "\n==== LOGE FUZZ FINDING ====\n" << what << "\n===========================\n";
  std::cerr.flush();
  std::abort();
}

} // namespace loge::fuzz
