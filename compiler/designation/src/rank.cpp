// Designation stage: ranking candidates for a logement, with explanations.
//
// Each candidate is evaluated once (either engine); those that fail are set
// aside and the interpreter ranks the others, reusing their results. If the
// ranking itself fails on a candidate (a pool condition or an order key
// that cannot be computed), that candidate is found by ranking each one
// alone, set aside too, and the ranking is done again without it.
#include "loge/designation/rank.h"

#include <algorithm>
#include <set>

namespace loge::designation {

namespace {
void quotasRead(const ir::Expr* e, std::set<std::uint32_t>& out) {
  if (!e) return;
  if (e->op == ir::Op::QuotaHypothetical) out.insert(e->index);
  quotasRead(e->a.get(), out);
  quotasRead(e->b.get(), out);
  quotasRead(e->c.get(), out);
  for (const auto& x : e->args) quotasRead(x.get(), out);
}
} // namespace

std::size_t RankReport::failed() const {
  std::size_t n = 0;
  for (const auto& c : candidates) n += c.status == CandidateStatus::Failed;
  return n;
}

bool rank(const ir::Program& p, const RankRequest& req, RankReport& out, std::string& why) {
  static const std::vector<interp::Value> none;
  const std::vector<interp::Value>& candidates = req.candidates ? *req.candidates : none;
  const ir::ClassementDecl& decl = p.classements[req.classement];
  out = RankReport{};
  out.classement = req.classement;
  out.date = req.date;
  out.attributionsGiven = req.attributions != nullptr;
  out.attributionCount = req.attributions ? req.attributions->size() : 0;

  Evaluations ev;
  if (!evaluateAll(p, req.engine, candidates, req.logement, req.candidature, req.date, ev, why, req.compiled))
    return false;
  out.engine = ev.engine;
  out.engineNote = ev.note;
  out.candidates.resize(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    CandidateReport& c = out.candidates[i];
    c.input = i;
    c.id = recordId(p, candidates[i]);
    c.result = ev.results[i];
  }
  for (const Failure& f : ev.failures) out.candidates[f.input].failure = f.error;

  interp::Interpreter interp(p);
  interp::Inputs base;
  base.date = req.date;
  base.roles[static_cast<int>(ir::Role::Logement)] = req.logement;
  base.roles[static_cast<int>(ir::Role::Candidature)] = req.candidature;
  base.attributions = req.attributions;

  // A demande deposited after the date was not waiting then: replaying a
  // past commission must not rank it (with negative seniority).
  interp::Arena arena;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (std::optional<num::Date> d = entryDate(p, interp, candidates[i], req.date, arena); d && req.date < *d)
      out.candidates[i].deposited = d;
  std::vector<std::size_t> ok; // indices of candidates still ranked
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (out.candidates[i].result && !out.candidates[i].deposited) ok.push_back(i);
  interp::Ranking ranking;
  for (;;) {
    std::vector<interp::Value> values;
    std::vector<interp::DemandeResult> results;
    for (std::size_t i : ok) {
      values.push_back(candidates[i]);
      results.push_back(*out.candidates[i].result);
    }
    try {
      ranking = interp.rank(req.classement, values, base, &results);
      break;
    } catch (const interp::EvalError&) {
      // Which candidates fail on their own? Without any, the failure does
      // not depend on a candidate: it is the caller's to report.
      std::vector<std::size_t> still;
      for (std::size_t k = 0; k < ok.size(); ++k) {
        try {
          std::vector<interp::DemandeResult> alone{results[k]};
          interp.rank(req.classement, {values[k]}, base, &alone);
          still.push_back(ok[k]);
        } catch (const interp::EvalError& e) {
          out.candidates[ok[k]].failure = e;
          out.candidates[ok[k]].result.reset();
        }
      }
      if (still.size() == ok.size()) throw;
      ok = std::move(still);
    }
  }
  for (auto& c : out.candidates)
    c.status = c.deposited ? CandidateStatus::NotYetFiled
               : c.failure ? CandidateStatus::Failed
                           : CandidateStatus::Ineligible;
  for (std::size_t i : ranking.ineligible) out.candidates[ok[i]].status = CandidateStatus::Ineligible;
  for (std::size_t i : ranking.outsidePool) out.candidates[ok[i]].status = CandidateStatus::OutsidePool;
  for (std::size_t r = 0; r < ranking.ordered.size(); ++r) {
    const interp::RankedCandidate& rc = ranking.ordered[r];
    CandidateReport& c = out.candidates[ok[rc.input]];
    c.status = CandidateStatus::NotRetained;
    c.rank = r + 1;
    c.keys = rc.keys;
    c.inserted = rc.inserted;
    c.dontClause = rc.dontClause;
    c.meets = rc.meets;
    out.order.push_back(ok[rc.input]);
  }
  for (const interp::RankedCandidate& rc : ranking.retained) {
    out.candidates[ok[rc.input]].status = CandidateStatus::Retained;
    out.retained.push_back(ok[rc.input]);
  }
  out.retain = ranking.retain;
  out.insufficient = ranking.insufficient;
  out.notes = ranking.notes;

  for (std::size_t d = 0; d < ranking.dont.size(); ++d) {
    const interp::DontOutcome& o = ranking.dont[d];
    ClauseReport cr;
    cr.clause = d;
    cr.active = o.active;
    cr.wanted = o.wanted;
    cr.met = o.met;
    for (std::size_t i : o.inserted) cr.inserted.push_back(ok[i]);
    for (std::size_t i : o.displaced) cr.displaced.push_back(ok[i]);
    std::set<std::uint32_t> quotas;
    quotasRead(decl.dont[d].condition.get(), quotas);
    quotasRead(decl.dont[d].when.get(), quotas);
    // The quota's group for this logement: as seen by the candidate brought
    // in, else the first of the pool, else the first candidate (scope keys
    // rarely read the candidate).
    std::optional<std::size_t> who;
    if (!cr.inserted.empty())
      who = cr.inserted.front();
    else if (!out.order.empty())
      who = out.order.front();
    else if (!candidates.empty())
      who = 0; // none ranked (all failed?): the state must still be said

    for (std::uint32_t q : quotas) {
      QuotaState st;
      st.quota = q;
      if (who) {
        interp::Inputs in = base;
        in.roles[static_cast<int>(ir::Role::Demande)] = candidates[*who];
        // Told apart in the report: not concerned, an empty group, and a
        // quota that could not be evaluated all read "not en retard".
        try {
          st.concerned = interp.envisagedQuotaConcerned(q, in);
          if (st.concerned) st.group = interp.envisagedQuotaGroup(q, in);
        } catch (const interp::EvalError& e) {
          st.error = e;
        }
      }
      cr.quotas.push_back(std::move(st));
    }
    out.clauses.push_back(std::move(cr));
  }
  return true;
}

} // namespace loge::designation
