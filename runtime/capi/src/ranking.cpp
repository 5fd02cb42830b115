// libloge: ranking the candidates for a logement (`loge rank`), computed by
// the designation stage with the policy's engine.
#include "designation.h"
#include "results.h"

#include "loge/designation/rank.h"
#include "loge/designation/render.h"

namespace loge::capi {

namespace {

loge_candidate_status statusOf(designation::CandidateStatus s) {
  switch (s) {
  case designation::CandidateStatus::Retained: return LOGE_CANDIDATE_RETAINED;
  case designation::CandidateStatus::NotRetained: return LOGE_CANDIDATE_NOT_RETAINED;
  case designation::CandidateStatus::OutsidePool: return LOGE_CANDIDATE_OUTSIDE_POOL;
  case designation::CandidateStatus::Ineligible: return LOGE_CANDIDATE_INELIGIBLE;
  case designation::CandidateStatus::Failed: return LOGE_CANDIDATE_FAILED;
  case designation::CandidateStatus::NotYetFiled: return LOGE_CANDIDATE_NOT_YET_FILED;
  }
  return LOGE_CANDIDATE_FAILED;
}

// Everything the accessors read, copied out of the report: the report's
// values refer to the inputs, which the host may free.
std::unique_ptr<loge_ranking> makeRanking(const Core& core, const designation::RankReport& r) {
  const ir::Program& p = *core->program;
  auto h = std::make_unique<loge_ranking>();
  h->core = core;
  h->json = designation::rankJson(p, core->sources, r);
  h->text = designation::rankText(p, core->sources, r);
  h->retain = r.retain;
  h->insufficient = r.insufficient;
  h->failed = r.failed();
  h->order = r.order;
  h->retained = r.retained;
  for (std::size_t i = 0; i < r.candidates.size(); ++i) {
    const designation::CandidateReport& x = r.candidates[i];
    loge_ranking::Candidate c;
    c.status = statusOf(x.status);
    c.rank = x.rank ? *x.rank : 0;
    c.explanation = designation::rankCandidateText(p, core->sources, r, i);
    c.result = x.failure ? failedResult(core, x.id, *x.failure) : makeResult(core, x.id, *x.result);
    c.result->owned = false;
    h->candidates.push_back(std::move(c));
  }
  const ir::ClassementDecl& decl = p.classements[r.classement];
  for (std::size_t k = 0; k < r.clauses.size(); ++k) {
    const designation::ClauseReport& cl = r.clauses[k];
    loge_ranking::Clause c;
    c.label = decl.dont[cl.clause].label;
    c.explanation = designation::rankClauseText(p, core->sources, r, k);
    c.applied = cl.active;
    c.minimum = cl.wanted;
    c.met = cl.met;
    for (std::size_t j = 0; j < cl.inserted.size(); ++j) c.insertions.emplace_back(cl.inserted[j], cl.displaced[j]);
    for (const designation::QuotaState& q : cl.quotas) {
      c.quotas.push_back(q.quota);
      c.groups.push_back(q.group ? quotaGroup(p, q.quota, *q.group) : nullptr);
    }
    h->clauses.push_back(std::move(c));
  }
  return h;
}

const loge_ranking& rankingOf(const loge_ranking* ranking) { return handle(ranking, Tag::Ranking, "ranking"); }

const loge_ranking::Candidate& candidateOf(const loge_ranking* ranking, size_t candidate) {
  const loge_ranking& r = rankingOf(ranking);
  checkIndex(candidate, r.candidates.size(), "candidat");
  return r.candidates[candidate];
}

const loge_ranking::Clause& clauseOf(const loge_ranking* ranking, size_t clause) {
  const loge_ranking& r = rankingOf(ranking);
  checkIndex(clause, r.clauses.size(), "clause");
  return r.clauses[clause];
}

} // namespace

} // namespace loge::capi

using namespace loge::capi;

extern "C" {

LOGE_API loge_status loge_rank(const loge_policy* policy, const loge_record* logement, const loge_batch* candidates,
                               const loge_batch* attributions, const loge_record* candidature, const char* date,
                               const loge_designation_options* options, loge_ranking** out, loge_error** error) {
  return guard(error, [&] {
    const Core& core = handle(policy, Tag::Policy, "policy").core;
    nonNull(out, "out");
    const loge_designation_options& o = designationOptions(options);
    const loge::ir::Program& p = *core->program;
    std::string why;
    auto classement = loge::designation::findClassement(p, o.classement, why);
    loge::designation::RankRequest req;
    req.classement = found(classement, p.classements.empty(), why);
    neededRole(p, LOGE_ROLE_DEMANDE, "loge_rank");
    neededRole(p, LOGE_ROLE_LOGEMENT, "loge_rank");
    req.date = evaluationDate(p, date);
    loge::interp::Arena arena; // for records not validated beforehand
    req.logement = recordValue(recordFor(logement, core, LOGE_ROLE_LOGEMENT, "logement"), arena);
    if (candidature)
      req.candidature = recordValue(recordFor(candidature, core, LOGE_ROLE_CANDIDATURE, "candidature"), arena);
    req.candidates = &distinctBatch(candidates, core, LOGE_ROLE_DEMANDE, "candidates", "la demande").records;
    req.attributions = attributionsOf(core, attributions);
    useEngine(*core, req.engine, req.compiled);
    loge::designation::RankReport report;
    located(*core, [&] {
      if (!loge::designation::rank(p, req, report, why)) fail(LOGE_ERR_UNSUPPORTED, why);
    });
    *out = makeRanking(core, report).release();
    return LOGE_OK;
  });
}

LOGE_API void loge_ranking_free(loge_ranking* ranking) {
  if (ranking && ranking->tag == Tag::Ranking) {
    ranking->tag = Tag::Freed;
    for (auto& c : ranking->candidates) c.result->tag = Tag::Freed;
    for (auto& c : ranking->clauses)
      for (auto& g : c.groups)
        if (g) g->tag = Tag::Freed;
    delete ranking;
  }
}

LOGE_API loge_status loge_ranking_json(const loge_ranking* ranking, const char** out, loge_error** error) {
  return guard(error, [&] { return put(out, rankingOf(ranking).json.c_str()); });
}

LOGE_API loge_status loge_ranking_text(const loge_ranking* ranking, const char** out, loge_error** error) {
  return guard(error, [&] { return put(out, rankingOf(ranking).text.c_str()); });
}

LOGE_API loge_status loge_ranking_retain(const loge_ranking* ranking, int64_t* out, loge_error** error) {
  return guard(error, [&] { return put<int64_t>(out, rankingOf(ranking).retain); });
}

LOGE_API loge_status loge_ranking_insufficient(const loge_ranking* ranking, int* out, loge_error** error) {
  return guard(error, [&] { return put(out, rankingOf(ranking).insufficient ? 1 : 0); });
}

LOGE_API loge_status loge_ranking_retained_count(const loge_ranking* ranking, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, rankingOf(ranking).retained.size()); });
}

LOGE_API loge_status loge_ranking_retained(const loge_ranking* ranking, size_t index, size_t* candidate,
                                           loge_error** error) {
  return guard(error, [&] {
    const loge_ranking& r = rankingOf(ranking);
    checkIndex(index, r.retained.size(), "retenu");
    return put(candidate, r.retained[index]);
  });
}

LOGE_API loge_status loge_ranking_ranked_count(const loge_ranking* ranking, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, rankingOf(ranking).order.size()); });
}

LOGE_API loge_status loge_ranking_ranked(const loge_ranking* ranking, size_t index, size_t* candidate,
                                         loge_error** error) {
  return guard(error, [&] {
    const loge_ranking& r = rankingOf(ranking);
    checkIndex(index, r.order.size(), "rang");
    return put(candidate, r.order[index]);
  });
}

LOGE_API loge_status loge_ranking_candidate_count(const loge_ranking* ranking, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, rankingOf(ranking).candidates.size()); });
}

LOGE_API loge_status loge_ranking_failed_count(const loge_ranking* ranking, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, rankingOf(ranking).failed); });
}

LOGE_API loge_status loge_ranking_candidate_id(const loge_ranking* ranking, size_t candidate, const char** out,
                                               loge_error** error) {
  return guard(error, [&] { return put(out, candidateOf(ranking, candidate).result->id.c_str()); });
}

LOGE_API loge_status loge_ranking_candidate_status(const loge_ranking* ranking, size_t candidate,
                                                   loge_candidate_status* out, loge_error** error) {
  return guard(error, [&] { return put(out, candidateOf(ranking, candidate).status); });
}

LOGE_API loge_status loge_ranking_candidate_rank(const loge_ranking* ranking, size_t candidate, size_t* out,
                                                 loge_error** error) {
  return guard(error, [&] { return put(out, candidateOf(ranking, candidate).rank); });
}

LOGE_API loge_status loge_ranking_candidate_explanation(const loge_ranking* ranking, size_t candidate, const char** out,
                                                        loge_error** error) {
  return guard(error, [&] { return put(out, candidateOf(ranking, candidate).explanation.c_str()); });
}

LOGE_API loge_status loge_ranking_candidate_result(const loge_ranking* ranking, size_t candidate,
                                                   const loge_result** out, loge_error** error) {
  return guard(error, [&] { return put<const loge_result*>(out, candidateOf(ranking, candidate).result.get()); });
}

LOGE_API loge_status loge_ranking_clause_count(const loge_ranking* ranking, size_t* out, loge_error** error) {
  return guard(error, [&] { return put(out, rankingOf(ranking).clauses.size()); });
}

LOGE_API loge_status loge_ranking_clause_label(const loge_ranking* ranking, size_t clause, const char** out,
                                               loge_error** error) {
  return guard(error, [&] { return put(out, clauseOf(ranking, clause).label.c_str()); });
}

LOGE_API loge_status loge_ranking_clause_applied(const loge_ranking* ranking, size_t clause, int* out,
                                                 loge_error** error) {
  return guard(error, [&] { return put(out, clauseOf(ranking, clause).applied ? 1 : 0); });
}

LOGE_API loge_status loge_ranking_clause_minimum(const loge_ranking* ranking, size_t clause, int64_t* out,
                                                 loge_error** error) {
  return guard(error, [&] { return put<int64_t>(out, clauseOf(ranking, clause).minimum); });
}

LOGE_API loge_status loge_ranking_clause_met(const loge_ranking* ranking, size_t clause, int64_t* out,
                                             loge_error** error) {
  return guard(error, [&] { return put<int64_t>(out, clauseOf(ranking, clause).met); });
}

LOGE_API loge_status loge_ranking_clause_insertion_count(const loge_ranking* ranking, size_t clause, size_t* out,
                                                         loge_error** error) {
  return guard(error, [&] { return put(out, clauseOf(ranking, clause).insertions.size()); });
}

LOGE_API loge_status loge_ranking_clause_insertion(const loge_ranking* ranking, size_t clause, size_t insertion,
                                                   size_t* inserted, size_t* replaced, loge_error** error) {
  return guard(error, [&] {
    const loge_ranking::Clause& c = clauseOf(ranking, clause);
    nonNull(inserted, "inserted");
    nonNull(replaced, "replaced");
    checkIndex(insertion, c.insertions.size(), "insertion");
    *inserted = c.insertions[insertion].first;
    *replaced = c.insertions[insertion].second;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_ranking_clause_quota_count(const loge_ranking* ranking, size_t clause, size_t* out,
                                                     loge_error** error) {
  return guard(error, [&] { return put(out, clauseOf(ranking, clause).quotas.size()); });
}

LOGE_API loge_status loge_ranking_clause_quota(const loge_ranking* ranking, size_t clause, size_t index, size_t* quota,
                                               const loge_quota_group** group, loge_error** error) {
  return guard(error, [&] {
    const loge_ranking::Clause& c = clauseOf(ranking, clause);
    nonNull(quota, "quota");
    nonNull(group, "group");
    checkIndex(index, c.quotas.size(), "quota de la clause");
    *quota = c.quotas[index];
    *group = c.groups[index].get();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_ranking_clause_explanation(const loge_ranking* ranking, size_t clause, const char** out,
                                                     loge_error** error) {
  return guard(error, [&] { return put(out, clauseOf(ranking, clause).explanation.c_str()); });
}

} // extern "C"
