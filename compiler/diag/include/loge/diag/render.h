// Diagnostics stage: rendering diagnostics for people and for CI logs.
#pragma once

#include "loge/diag/diagnostic.h"
#include "loge/source/source.h"

#include <string>
#include <vector>

namespace loge {

enum class DiagStyle {
  // clang style: "fichier:l:c: erreur: message [E0201]", the source line, a
  // caret under the range, then notes and the hint.
  Full,
  // One line per diagnostic, for CI logs and grep.
  OneLine,
};

std::string render(const Diagnostic& d, const SourceManager& sm, DiagStyle style, bool color = false);
std::string renderAll(const std::vector<Diagnostic>& ds, const SourceManager& sm, DiagStyle style, bool color = false);
// "2 erreurs, 1 avertissement" (French plural rules), or empty when none.
std::string summary(const std::vector<Diagnostic>& ds);

} // namespace loge
