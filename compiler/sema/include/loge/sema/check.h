// Semantic stage: from a root policy file to a checked Program.
//
// `check` loads the root file and every file it imports (paths relative to
// the importing file), parses them, resolves names across modules, applies
// `remplace`, type-checks every expression (units, optionals, exhaustive
// `selon`), rejects recursion between definitions and checks dated
// parameters against the policy's effective period. It returns the Program
// when there is no error; diagnostics (errors and warnings) go to `diags`.
#pragma once

#include "loge/diag/diagnostic.h"
#include "loge/ir/program.h"
#include "loge/source/source.h"

#include <memory>
#include <string>

namespace loge::sema {

struct CheckOptions {
  // Refuse programs with more than this many modules (imports included).
  std::size_t maxModules = 64;
};

std::unique_ptr<ir::Program> check(const std::string& rootPath, SourceManager& sources, DiagnosticEngine& diags,
                                   const CheckOptions& options = {});

// Loads a policy file, or reports why it cannot be read (E0001, or E0002
// located at the first byte that is not UTF-8) and returns null.
const SourceFile* loadPolicyFile(const std::string& path, SourceManager& sources, DiagnosticEngine& diags);

// Same, for a root file already in the SourceManager (tests, the C API).
std::unique_ptr<ir::Program> checkFile(const SourceFile& root, SourceManager& sources, DiagnosticEngine& diags,
                                       const CheckOptions& options = {});

} // namespace loge::sema
