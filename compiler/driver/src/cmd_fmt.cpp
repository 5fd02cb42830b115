// Driver stage: `loge fmt FICHIER… [--check]`.
#include "driver.h"
#include "loge/sema/check.h"
#include "loge/syntax/format.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

namespace loge::driver {

int runFmt(const std::vector<std::string>& files, bool check, const Options& opts) {
  int status = kOk;
  for (const std::string& f : files) {
    SourceManager sources;
    DiagnosticEngine diags;
    const SourceFile* file = sema::loadPolicyFile(f, sources, diags); // as `loge check` reports it
    if (!file) {
      std::fputs(renderAll(diags.diagnostics(), sources, opts.style, opts.color).c_str(), stderr);
      status = kPolicyError;
      continue;
    }
    auto formatted = syntax::format(*file, diags);
    std::string rendered = renderAll(diags.diagnostics(), sources, opts.style, opts.color);
    if (!rendered.empty()) std::fputs(rendered.c_str(), stderr);
    if (!formatted) {
      status = kPolicyError;
      continue;
    }
    if (*formatted == file->text()) continue;
    if (check) {
      fmt::print("{} : n'est pas au format canonique (lancez `loge fmt {}`)\n", f, f);
      status = kPolicyError;
      continue;
    }
    // Never a half-written policy; through a symbolic link, the file it
    // points to (the link stays).
    if (!writeFileAtomically(f, *formatted)) {
      fmt::print(stderr, "erreur : impossible de réécrire « {} »\n", f);
      status = kPolicyError;
      continue;
    }
    fmt::print("{} : reformaté\n", f);
  }
  return status;
}

} // namespace loge::driver
