// libloge: reading one demande's results.
#include "boundary.h"

#include "loge/interp/result_json.h"

#include <charconv>
#include <cstring>

namespace loge::capi {

namespace {

// A result that was evaluated (LOGE_ERR_EVALUATION otherwise).
const loge_result& evaluated(const loge_result* result) {
  const loge_result& r = handle(result, Tag::Result, "result");
  if (r.error) fail(LOGE_ERR_EVALUATION, "la demande n'a pas pu être évaluée : " + r.error->message);
  return r;
}

loge_rule_status statusOf(interp::RuleStatus s) {
  switch (s) {
  case interp::RuleStatus::Ok: return LOGE_RULE_OK;
  case interp::RuleStatus::Alerte: return LOGE_RULE_ALERTE;
  case interp::RuleStatus::Refus: return LOGE_RULE_REFUS;
  case interp::RuleStatus::Exception: return LOGE_RULE_EXCEPTION;
  case interp::RuleStatus::NotEvaluated: return LOGE_RULE_NOT_EVALUATED;
  }
  return LOGE_RULE_NOT_EVALUATED;
}

const loge_result& cotationOf(const loge_result* result, size_t cotation) {
  const loge_result& r = evaluated(result);
  checkIndex(cotation, r.raw.cotations.size(), "cotation");
  return r;
}

} // namespace

} // namespace loge::capi

const std::vector<std::string>& loge_result::totals() const {
  totalsOnce_.run(lazyLock_, [&] {
    for (const loge::interp::CotationResult& c : raw.cotations) totals_.push_back(c.total.toString());
  });
  return totals_;
}

const loge_result::Spelled& loge_result::spelled() const {
  spelledOnce_.run(lazyLock_, [&] {
    for (const loge::interp::CotationResult& c : raw.cotations) {
      std::vector<std::string> criteria, rubriques;
      for (const loge::interp::CriterionResult& x : c.criteria) criteria.push_back(x.contribution.toString());
      for (const loge::num::Decimal& x : c.rubriques) rubriques.push_back(x.toString());
      spelled_.criteria.push_back(std::move(criteria));
      spelled_.rubriques.push_back(std::move(rubriques));
    }
  });
  return spelled_;
}

const loge::interp::RuleResult& loge_result::rule(std::size_t i) const {
  const loge::capi::RuleRef& ref = core->rules[i];
  return raw.blocks[ref.block][ref.rule];
}

const loge_result::Failing& loge_result::failing() const {
  failingOnce_.run(lazyLock_, [&] {
    for (std::size_t i = 0; i < core->rules.size(); ++i) {
      loge::interp::RuleStatus s = rule(i).status;
      if (s == loge::interp::RuleStatus::Refus) failing_.refusals.push_back(i);
      if (s == loge::interp::RuleStatus::Alerte) failing_.alerts.push_back(i);
    }
  });
  return failing_;
}

const std::string& loge_result::json() const {
  if (error) return failedJson;
  jsonOnce_.run(lazyLock_, [&] { json_ = loge::interp::resultJson(*core->program, id, raw); });
  return json_;
}

using namespace loge::capi;

extern "C" {

LOGE_API void loge_result_free(loge_result* result) {
  if (result && result->tag == Tag::Result && result->owned) {
    result->tag = Tag::Freed;
    delete result;
  }
}

LOGE_API loge_status loge_result_id(const loge_result* result, const char** out, loge_error** error) {
  return guard(error, [&] { return put(out, handle(result, Tag::Result, "result").id.c_str()); });
}

LOGE_API loge_status loge_result_error(const loge_result* result, const loge_error** out, loge_error** error) {
  return guard(error, [&] {
    const loge_result& r = handle(result, Tag::Result, "result");
    return put<const loge_error*>(out, r.error.get());
  });
}

LOGE_API loge_status loge_result_total(const loge_result* result, size_t cotation, const char** out,
                                       loge_error** error) {
  return guard(error, [&] { return put(out, cotationOf(result, cotation).totals()[cotation].c_str()); });
}

LOGE_API loge_status loge_result_bounds_applied(const loge_result* result, size_t cotation, int* floor_applied,
                                                int* ceiling_applied, loge_error** error) {
  return guard(error, [&] {
    const loge_result& r = cotationOf(result, cotation);
    nonNull(floor_applied, "floor_applied");
    nonNull(ceiling_applied, "ceiling_applied");
    *floor_applied = r.raw.cotations[cotation].floorApplied ? 1 : 0;
    *ceiling_applied = r.raw.cotations[cotation].ceilingApplied ? 1 : 0;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_result_criterion_points(const loge_result* result, size_t cotation, size_t criterion,
                                                  const char** out, loge_error** error) {
  return guard(error, [&] {
    const loge_result& r = cotationOf(result, cotation);
    checkIndex(criterion, r.raw.cotations[cotation].criteria.size(), "critère");
    return put(out, r.spelled().criteria[cotation][criterion].c_str());
  });
}

LOGE_API loge_status loge_result_criterion_applicable(const loge_result* result, size_t cotation, size_t criterion,
                                                      int* out, loge_error** error) {
  return guard(error, [&] {
    const loge_result& r = cotationOf(result, cotation);
    checkIndex(criterion, r.raw.cotations[cotation].criteria.size(), "critère");
    return put(out, r.raw.cotations[cotation].criteria[criterion].applicable ? 1 : 0);
  });
}

LOGE_API loge_status loge_result_rubrique_points(const loge_result* result, size_t cotation, size_t rubrique,
                                                 const char** out, loge_error** error) {
  return guard(error, [&] {
    const loge_result& r = cotationOf(result, cotation);
    checkIndex(rubrique, r.raw.cotations[cotation].rubriques.size(), "rubrique");
    return put(out, r.spelled().rubriques[cotation][rubrique].c_str());
  });
}

LOGE_API loge_status loge_result_eligibility(const loge_result* result, int* out, loge_error** error) {
  return guard(error, [&] {
    const loge_result& r = evaluated(result);
    return put(out, r.raw.eligible ? (*r.raw.eligible ? 1 : 0) : -1);
  });
}

LOGE_API loge_status loge_result_rule_status(const loge_result* result, size_t rule, loge_rule_status* out,
                                             loge_error** error) {
  return guard(error, [&] {
    const loge_result& r = evaluated(result);
    checkIndex(rule, r.core->rules.size(), "règle");
    return put(out, statusOf(r.rule(rule).status));
  });
}

LOGE_API loge_status loge_result_rule_motif(const loge_result* result, size_t rule, const char** out,
                                            loge_error** error) {
  return guard(error, [&] {
    const loge_result& r = evaluated(result);
    checkIndex(rule, r.core->rules.size(), "règle");
    return put(out, r.rule(rule).motif.c_str());
  });
}

LOGE_API loge_status loge_result_refusal_count(const loge_result* result, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, evaluated(result).failing().refusals.size()); });
}

LOGE_API loge_status loge_result_refusal(const loge_result* result, size_t index, size_t* rule, loge_error** error) {
  return guard(error, [&] {
    const loge_result& r = evaluated(result);
    checkIndex(index, r.failing().refusals.size(), "refus");
    return put(rule, r.failing().refusals[index]);
  });
}

LOGE_API loge_status loge_result_alert_count(const loge_result* result, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, evaluated(result).failing().alerts.size()); });
}

LOGE_API loge_status loge_result_alert(const loge_result* result, size_t index, size_t* rule, loge_error** error) {
  return guard(error, [&] {
    const loge_result& r = evaluated(result);
    checkIndex(index, r.failing().alerts.size(), "alerte");
    return put(rule, r.failing().alerts[index]);
  });
}

LOGE_API loge_status loge_result_json(const loge_result* result, const char** out, loge_error** error) {
  return guard(error, [&] { return put(out, handle(result, Tag::Result, "result").json().c_str()); });
}

LOGE_API loge_status loge_decimal_to_double(const char* decimal, double* out, loge_error** error) {
  return guard(error, [&] {
    const char* text = nonNull(decimal, "decimal");
    nonNull(out, "out");
    if (!loge::num::Decimal::parse(text))
      fail(LOGE_ERR_ARGUMENT, std::string("« ") + text + " » n'est pas un décimal exact");
    double v = 0;
    const char* end = text + std::strlen(text);
    auto [ptr, ec] = std::from_chars(text, end, v);
    if (ec != std::errc() || ptr != end)
      fail(LOGE_ERR_ARGUMENT, std::string("« ") + text + " » n'est pas un décimal exact");
    *out = v;
    return LOGE_OK;
  });
}

} // extern "C"
