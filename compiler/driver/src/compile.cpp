// Driver stage: compiling a policy for any verb, with diagnostics on stderr,
// and the located evaluation errors of the verbs that evaluate it.
#include "driver.h"
#include "loge/sema/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace loge::driver {

std::unique_ptr<Compiled> compile(const std::string& path, const Options& opts, bool quietWarnings,
                                  std::string* errorsOneLine) {
  // `loge check demandes.jsonl`, `loge run demandes.jsonl …`: the data
  // given where the policy goes would read as a policy full of errors.
  if (ingest::formatFromExtension(path)) {
    fmt::print(stderr,
               "erreur : « {} » est un fichier de données, pas une politique : la politique (.loge) vient d'abord, "
               "les données avec leur option (`loge run politique.loge --demandes {}`)\n",
               path, path);
    return nullptr;
  }
  auto c = std::make_unique<Compiled>();
  DiagnosticEngine diags;
  c->program = sema::check(path, c->sources, diags);
  std::vector<Diagnostic> shown;
  for (const Diagnostic& d : diags.diagnostics())
    if (!(quietWarnings && d.severity == Severity::Warning && c->program)) shown.push_back(d);
  std::string out = renderAll(shown, c->sources, opts.style, opts.color);
  if (!out.empty()) std::fputs(out.c_str(), stderr);
  if (!c->program) {
    if (errorsOneLine) {
      // For reports that are not a terminal (JUnit): each error on a line.
      std::vector<Diagnostic> errors;
      for (const Diagnostic& d : diags.diagnostics())
        if (d.severity == Severity::Error) errors.push_back(d);
      *errorsOneLine = renderAll(errors, c->sources, DiagStyle::OneLine, false);
    }
    std::string s = summary(diags.diagnostics());
    fmt::print(stderr, "{} : {}\n", path, s.empty() ? std::string("la politique ne peut pas être compilée") : s);
    return nullptr;
  }
  return c;
}

std::optional<num::Date> parseDateOption(const std::string& text) {
  auto d = num::Date::parse(text);
  if (d) return d;
  // `30/06/2025`, as French forms write it.
  const std::optional<num::Date> french = num::Date::parseFrench(text);
  const std::string iso = french ? french->toString() : std::string();
  fmt::print(stderr, "erreur : date invalide « {} » (attendu AAAA-MM-JJ, un jour qui existe{})\n", text,
             iso.empty() ? std::string() : " : " + iso);
  return d;
}

std::optional<num::Date> evaluationDate(const ir::Program& p, const std::string& option) {
  if (option.empty()) {
    fmt::print(stderr, "erreur : précisez la date d'évaluation avec --date AAAA-MM-JJ\n");
    return std::nullopt;
  }
  auto d = parseDateOption(option);
  if (!d) return std::nullopt;
  if (!inVigueur(p, *d)) {
    fmt::print(stderr, "erreur : la date d'évaluation {} est hors de la période de vigueur de la politique ({})\n",
               d->toString(), vigueurText(p));
    return std::nullopt;
  }
  return d;
}

bool inVigueur(const ir::Program& p, num::Date d) {
  bool declared = p.vigueurFrom != num::Date::min();
  return !((declared && d < p.vigueurFrom) || (p.vigueurTo && *p.vigueurTo < d));
}

std::string vigueurText(const ir::Program& p) {
  std::string to = p.vigueurTo ? p.vigueurTo->toString() : std::string();
  if (p.vigueurFrom == num::Date::min()) return "jusqu'au " + to;
  return "du " + p.vigueurFrom.toString() + (to.empty() ? "" : " au " + to);
}

std::string location(const SourceManager& sm, const SourceRange& r) {
  const SourceFile* f = sm.file(r.file);
  return fmt::format("{}:{}:{}", f ? f->path() : "?", r.begin.line, r.begin.column);
}

int reportEvalError(const SourceManager& sm, const interp::EvalError& e) {
  fmt::print(stderr, "{}: erreur d'évaluation : {}\n", location(sm, e.range), e.message);
  return kEvalError;
}

jit::CompileOptions jitOptions(const Options& opts, jit::Inlining inlining) {
  jit::CompileOptions o;
  o.inlining = inlining;
  o.tier = opts.compilation == Compilation::Optimised ? jit::Tier::Optimised : jit::Tier::Quick;
  if (opts.compilation == Compilation::Auto) o.optimiseAfter = kOptimiseAfter;
  // For developers: compile in exactly N pieces (1: the whole module).
  if (const char* n = std::getenv("LOGE_JIT_PARTITIONS"); n && *n)
    o.partitions = static_cast<unsigned>(std::clamp(std::atoi(n), 1, 16));
  if (!opts.jitCache) return o;
  if (const char* off = std::getenv("LOGE_CACHE")) {
    std::string v = off;
    if (v == "non" || v == "0" || v == "off" || v == "false") return o;
  }
  if (const char* dir = std::getenv("LOGE_CACHE_DIR"); dir && *dir) {
    o.cacheDir = dir;
  } else if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    o.cacheDir = std::string(xdg) + "/loge/jit";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    o.cacheDir = std::string(home) + "/.cache/loge/jit";
  }
  return o;
}

} // namespace loge::driver
