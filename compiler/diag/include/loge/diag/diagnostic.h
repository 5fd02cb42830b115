// Diagnostics stage: user-facing problems as values.
//
// A Diagnostic is a value: a kind (with a stable code such as E0301, listed
// in diagnostic_kinds.def and documented in docs/diagnostics.md), a French
// message, a primary source range, optional labelled secondary ranges
// ("déclaré ici") and an optional hint. Stages collect them in a
// DiagnosticEngine; nothing is printed or thrown while compiling.
#pragma once

#include "loge/source/source.h"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace loge {

enum class Severity {
  Error,
  Warning,
  Note
};

enum class DiagKind {
#define LOGE_DIAG(Name, Code, Sev, Format) Name,
#include "loge/diag/diagnostic_kinds.def"
#undef LOGE_DIAG
};

struct DiagKindInfo {
  const char* name; // "UnknownName"
  const char* code; // "E0201"
  Severity severity;
  const char* format; // fmt format string of the French message
};
const DiagKindInfo& info(DiagKind kind);
// Every kind, in declaration order (for the catalogue and coverage tests).
const std::vector<DiagKind>& allDiagKinds();

struct DiagNote {
  SourceRange range;
  std::string message;
};

struct Diagnostic {
  DiagKind kind;
  Severity severity;
  SourceRange range;
  std::string message;
  std::string hint; // empty when none
  std::vector<DiagNote> notes;
};

// Collects diagnostics of one compilation. Not thread-safe: one per compile.
class DiagnosticEngine {
public:
  // Beyond this many errors the engine records one last diagnostic saying
  // so and ignores the rest: a broken file must not flood a CI log.
  static constexpr std::size_t kMaxErrors = 100;

  template <typename... Args> Diagnostic& report(DiagKind kind, SourceRange range, Args&&... args) {
    const DiagKindInfo& k = info(kind);
    return add(
        Diagnostic{kind, k.severity, range, fmt::format(fmt::runtime(k.format), std::forward<Args>(args)...), {}, {}});
  }

  Diagnostic& add(Diagnostic d);
  const std::vector<Diagnostic>& diagnostics() const { return diags_; }
  std::size_t errorCount() const { return errors_; }
  // Whether the limit was reached: what is reported now is not shown, so
  // reporters may skip costly extras (suggestions).
  bool full() const { return truncated_; }
  bool hasErrors() const { return errors_ > 0; }
  // Orders diagnostics by file and position, stably, and drops exact
  // repeats (same kind, place, message and hint).
  void sort();

private:
  std::vector<Diagnostic> diags_;
  std::size_t errors_ = 0;
  bool truncated_ = false;
  std::size_t omitted_ = 0; // errors not shown, counted in the E0003 message
  Diagnostic sink_;         // absorbs reports beyond the limit
};

} // namespace loge
