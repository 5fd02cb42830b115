// libloge: the demandeur's cotation statement (`loge position`).
#include "designation.h"
#include "results.h"

#include "loge/designation/position.h"
#include "loge/designation/render.h"

#include <fmt/format.h>

namespace loge::capi {

namespace {

const loge_statement& statementOf(const loge_statement* statement) {
  return handle(statement, Tag::Statement, "statement");
}

} // namespace

} // namespace loge::capi

using namespace loge::capi;

extern "C" {

LOGE_API loge_status loge_position(const loge_policy* policy, const loge_record* demande, const loge_batch* demandes,
                                   const loge_batch* attributions, const char* date,
                                   const loge_designation_options* options, loge_statement** out, loge_error** error) {
  return guard(error, [&] {
    const Core& core = handle(policy, Tag::Policy, "policy").core;
    nonNull(out, "out");
    const loge_designation_options& o = designationOptions(options);
    const loge::ir::Program& p = *core->program;
    std::string why;
    auto similarity = loge::designation::findSimilarity(p, o.similarity, why);
    loge::designation::PositionRequest req;
    req.similarity = found(similarity, p.similarities.empty(), why);
    auto cotation = loge::designation::findCotation(p, o.cotation, why);
    req.cotation = found(cotation, p.cotations.empty(), why);
    neededRole(p, LOGE_ROLE_DEMANDE, "loge_position");
    req.date = evaluationDate(p, date);
    loge::interp::Arena arena;
    req.demande = recordValue(recordFor(demande, core, LOGE_ROLE_DEMANDE, "demande"), arena);
    req.demandes = &distinctBatch(demandes, core, LOGE_ROLE_DEMANDE, "demandes", "la demande").records;
    req.attributions = attributionsOf(core, attributions);
    if (attributions && loge::designation::attributionDemandeField(p) < 0)
      fail(LOGE_ERR_UNSUPPORTED, "la structure des attributions n'a pas de champ de type demande : le délai "
                                 "d'attente ne peut pas être calculé");
    useEngine(*core, req.engine, req.compiled);
    loge::designation::PositionReport report;
    located(*core, [&] {
      if (!loge::designation::position(p, req, report, why)) fail(LOGE_ERR_UNSUPPORTED, why);
    });
    auto h = std::make_unique<loge_statement>();
    h->core = core;
    h->json = loge::designation::positionJson(p, core->sources, report);
    h->text = loge::designation::positionText(p, core->sources, report);
    h->cotation = report.cotation;
    h->result = makeResult(core, report.id, report.result);
    h->result->owned = false;
    h->rank = report.position();
    h->outOf = report.similar + 1;
    h->ahead = report.higher;
    h->tied = report.equal;
    h->behind = report.lower;
    h->measured = report.waiting.measured;
    if (report.waiting.averageMonths) h->waitingMonths = report.waiting.averageMonths->toString();
    if (report.waiting.averageDays) h->waitingDays = report.waiting.averageDays->toString();
    h->failed = report.failures.size();
    *out = h.release();
    return LOGE_OK;
  });
}

LOGE_API void loge_statement_free(loge_statement* statement) {
  if (statement && statement->tag == Tag::Statement) {
    statement->tag = Tag::Freed;
    statement->result->tag = Tag::Freed;
    delete statement;
  }
}

LOGE_API loge_status loge_statement_json(const loge_statement* statement, const char** out, loge_error** error) {
  return guard(error, [&] { return put(out, statementOf(statement).json.c_str()); });
}

LOGE_API loge_status loge_statement_text(const loge_statement* statement, const char** out, loge_error** error) {
  return guard(error, [&] { return put(out, statementOf(statement).text.c_str()); });
}

LOGE_API loge_status loge_statement_cotation(const loge_statement* statement, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, statementOf(statement).cotation); });
}

LOGE_API loge_status loge_statement_note(const loge_statement* statement, const char** out, loge_error** error) {
  return guard(error, [&] {
    const loge_statement& s = statementOf(statement);
    return put(out, s.result->totals()[s.cotation].c_str());
  });
}

LOGE_API loge_status loge_statement_result(const loge_statement* statement, const loge_result** out,
                                           loge_error** error) {
  return guard(error, [&] { return put<const loge_result*>(out, statementOf(statement).result.get()); });
}

LOGE_API loge_status loge_statement_position(const loge_statement* statement, size_t* rank, size_t* out_of,
                                             loge_error** error) {
  return guard(error, [&] {
    const loge_statement& s = statementOf(statement);
    *nonNull(rank, "rank") = s.rank;
    *nonNull(out_of, "out_of") = s.outOf;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_statement_neighbours(const loge_statement* statement, size_t* ahead, size_t* tied,
                                               size_t* behind, loge_error** error) {
  return guard(error, [&] {
    const loge_statement& s = statementOf(statement);
    nonNull(ahead, "ahead");
    nonNull(tied, "tied");
    nonNull(behind, "behind");
    *ahead = s.ahead;
    *tied = s.tied;
    *behind = s.behind;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_statement_waiting_time(const loge_statement* statement, const char** months,
                                                 const char** days, size_t* measured, loge_error** error) {
  return guard(error, [&] {
    const loge_statement& s = statementOf(statement);
    nonNull(months, "months");
    nonNull(days, "days");
    nonNull(measured, "measured");
    *months = s.waitingMonths.c_str();
    *days = s.waitingDays.c_str();
    *measured = s.measured;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_statement_failed_count(const loge_statement* statement, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, statementOf(statement).failed); });
}

} // extern "C"
