// Diagnostics stage: the registry and the collecting engine.
#include "loge/diag/diagnostic.h"

#include <algorithm>

namespace loge {

namespace {
const DiagKindInfo kInfos[] = {
#define LOGE_DIAG(Name, Code, Sev, Format) {#Name, Code, Sev, Format},
#include "loge/diag/diagnostic_kinds.def"
#undef LOGE_DIAG
};
} // namespace

const DiagKindInfo& info(DiagKind kind) { return kInfos[static_cast<std::size_t>(kind)]; }

const std::vector<DiagKind>& allDiagKinds() {
  static const std::vector<DiagKind> kinds = [] {
    std::vector<DiagKind> v;
    for (std::size_t i = 0; i < std::size(kInfos); ++i) v.push_back(static_cast<DiagKind>(i));
    return v;
  }();
  return kinds;
}

Diagnostic& DiagnosticEngine::add(Diagnostic d) {
  if (d.severity == Severity::Error && errors_ == kMaxErrors) {
    if (!truncated_)
      diags_.push_back(
          Diagnostic{DiagKind::TooManyErrors, Severity::Error, d.range, info(DiagKind::TooManyErrors).format, {}, {}});
    truncated_ = true;
    // How many, so that a summary of 100 errors does not hide 5 000. The
    // E0003 diagnostic stays last (nothing is added after it; sort keeps it).
    ++omitted_;
    diags_.back().message = fmt::format("trop d'erreurs : {} autre{} non affichée{}", omitted_, omitted_ > 1 ? "s" : "",
                                        omitted_ > 1 ? "s" : "");
    return sink_;
  }
  if (truncated_) return sink_;
  if (d.severity == Severity::Error) ++errors_;
  diags_.push_back(std::move(d));
  return diags_.back();
}

void DiagnosticEngine::sort() {
  std::stable_sort(diags_.begin(), diags_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.kind == DiagKind::TooManyErrors || b.kind == DiagKind::TooManyErrors)
      return b.kind == DiagKind::TooManyErrors && a.kind != DiagKind::TooManyErrors;
    if (a.range.file != b.range.file) return a.range.file < b.range.file;
    return a.range.begin < b.range.begin;
  });
  // The same diagnostic at the same place, reported twice by one mechanism
  // checked once per use (a `défauts de test` value, for each test that
  // takes it): shown once, counted once.
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.kind == b.kind && a.range.file == b.range.file && a.range.begin == b.range.begin &&
           a.range.end == b.range.end && a.message == b.message && a.hint == b.hint;
  };
  for (std::size_t i = 1; i < diags_.size(); ++i)
    if (diags_[i].severity == Severity::Error && same(diags_[i - 1], diags_[i])) --errors_;
  diags_.erase(std::unique(diags_.begin(), diags_.end(), same), diags_.end());
}

} // namespace loge
