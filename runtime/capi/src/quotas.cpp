// libloge: every quota over the attributions (`loge quota`).
#include "designation.h"
#include "results.h"

#include "loge/designation/quotas.h"
#include "loge/designation/render.h"

namespace loge::capi {

namespace {

const loge_quota_report& reportOf(const loge_quota_report* report) {
  return handle(report, Tag::QuotaReport, "report");
}

} // namespace

} // namespace loge::capi

using namespace loge::capi;

extern "C" {

LOGE_API loge_status loge_quotas(const loge_policy* policy, const loge_batch* attributions, const char* date,
                                 const loge_designation_options* options, loge_quota_report** out, loge_error** error) {
  return guard(error, [&] {
    const Core& core = handle(policy, Tag::Policy, "policy").core;
    nonNull(out, "out");
    const loge_designation_options& o = designationOptions(options);
    const loge::ir::Program& p = *core->program;
    if (p.quotas.empty()) fail(LOGE_ERR_UNSUPPORTED, "la politique ne déclare aucun quota");
    neededRole(p, LOGE_ROLE_ATTRIBUTION, "loge_quotas");
    std::optional<loge::designation::PeriodFilter> period;
    if (!o.period.empty()) period = loge::designation::PeriodFilter{o.period}; // checked by the setter
    loge::num::Date when = evaluationDate(p, date);
    const std::vector<loge::interp::Value>* records = attributionsOf(core, nonNull(attributions, "attributions"));
    loge::designation::QuotaReport report =
        located(*core, [&] { return loge::designation::computeQuotas(p, *records, when, period); });
    auto h = std::make_unique<loge_quota_report>();
    h->core = core;
    h->json = loge::designation::quotasJson(p, report);
    h->markdown = loge::designation::quotasMarkdown(p, report);
    for (const auto& e : report.quotas)
      for (const auto& g : e.groups) h->groups.push_back(quotaGroup(p, e.quota, g));
    *out = h.release();
    return LOGE_OK;
  });
}

LOGE_API void loge_quota_report_free(loge_quota_report* report) {
  if (report && report->tag == Tag::QuotaReport) {
    report->tag = Tag::Freed;
    for (auto& g : report->groups) g->tag = Tag::Freed;
    delete report;
  }
}

LOGE_API loge_status loge_quota_report_json(const loge_quota_report* report, const char** out, loge_error** error) {
  return guard(error, [&] { return put(out, reportOf(report).json.c_str()); });
}

LOGE_API loge_status loge_quota_report_markdown(const loge_quota_report* report, const char** out, loge_error** error) {
  return guard(error, [&] { return put(out, reportOf(report).markdown.c_str()); });
}

LOGE_API loge_status loge_quota_report_group_count(const loge_quota_report* report, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, reportOf(report).groups.size()); });
}

LOGE_API loge_status loge_quota_report_group(const loge_quota_report* report, size_t index,
                                             const loge_quota_group** out, loge_error** error) {
  return guard(error, [&] {
    const loge_quota_report& r = reportOf(report);
    checkIndex(index, r.groups.size(), "groupe");
    return put<const loge_quota_group*>(out, r.groups[index].get());
  });
}

} // extern "C"
