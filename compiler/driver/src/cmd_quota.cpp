// Driver stage: `loge quota POLITIQUE --attributions A.jsonl [--periode P]
// [--date D] [--json]` — every quota per period and scope, as a Markdown
// report or JSON (compiler/designation does the work).
#include "designation_io.h"
#include "loge/designation/quotas.h"
#include "loge/designation/render.h"

#include <fmt/format.h>

namespace loge::driver {

int runQuota(const QuotaArgs& args, const Options& opts) {
  std::optional<designation::PeriodFilter> period;
  if (!args.periode.empty()) {
    std::string error;
    period = designation::parsePeriodFilter(args.periode, error);
    if (!period) {
      fmt::print(stderr, "erreur : {}\n", error);
      return kUsageError;
    }
  }
  auto c = compile(args.policy, opts, /*quietWarnings=*/true);
  if (!c) return kPolicyError;
  const ir::Program& p = *c->program;
  if (p.quotas.empty()) {
    fmt::print(stderr, "erreur : la politique ne déclare aucun quota\n");
    return kPolicyError;
  }
  auto date = dateOrToday(p, args.date);
  if (!date) return kUsageError;
  // A period wholly outside the policy's vigueur has no attribution to
  // count: most likely a mistyped year, which an empty report would hide.
  if (period && (period->last() < p.vigueurFrom || (p.vigueurTo && *p.vigueurTo < period->first()))) {
    fmt::print(stderr, "erreur : la période {} est hors de la période de vigueur de la politique ({})\n", period->text,
               vigueurText(p));
    return kUsageError;
  }
  auto s = roleStruct(p, ir::Role::Attribution, "quota");
  if (!s) return kPolicyError;
  interp::Arena arena;
  ingest::Dataset attributions;
  if (!readMany(p, *s, args.attributions, arena, attributions, "attributions")) return kDataError;
  if (!checkDistinctIds(attributions, args.attributions, "l'attribution")) return kDataError;
  designation::QuotaReport report;
  try {
    report = designation::computeQuotas(p, attributions.records, *date, period);
  } catch (const interp::EvalError& e) {
    return reportEvalError(c->sources, e);
  }
  std::string out = args.json ? designation::quotasJson(p, report) : designation::quotasMarkdown(p, report);
  std::fputs(out.c_str(), stdout);
  return kOk;
}

} // namespace loge::driver
