// Designation stage: ranking the candidates for one logement per a
// classement (LANGUAGE-NOTES P6), with the explanation a CAL reads.
//
// The order is the interpreter's (interp::Interpreter::rank): the
// classement's keys, then `demande.id` ascending, then input order, so it
// is total and reproducible. A candidate whose evaluation fails is left out
// of the ranking and reported; the others are ranked normally.
#pragma once

#include "loge/designation/designation.h"

namespace loge::designation {

struct RankRequest {
  std::uint32_t classement = 0;
  interp::Value logement;    // the logement proposed
  interp::Value candidature; // absent: every field absent
  const std::vector<interp::Value>* candidates = nullptr;
  // The attributions so far, for quota-aware classements; null: none known.
  const std::vector<interp::Value>* attributions = nullptr;
  num::Date date;
  Engine engine = Engine::Auto;
  const jit::Engine* compiled = nullptr; // an engine already built for the program (see evaluateAll)
};

enum class CandidateStatus : std::uint8_t {
  Retained,    // in the list presented to the CAL
  NotRetained, // eligible and in the pool, ranked after the retained ones
  OutsidePool, // eligible, but the `candidats éligibles où …` condition is false
  Ineligible,  // refused by at least one rule
  Failed,      // its evaluation failed (see `failure`)
  NotYetFiled  // deposited after the ranking's date (`deposited`): not a candidate then
};

struct CandidateReport {
  std::size_t input = 0; // index in RankRequest::candidates
  std::string id;
  CandidateStatus status = CandidateStatus::Failed;
  std::optional<std::size_t> rank;             // 1-based rank among the pool (by the keys)
  std::vector<interp::Value> keys;             // the order keys' values (pool only)
  bool inserted = false;                       // brought in by a `dont au moins` clause
  int dontClause = -1;                         // which one
  std::vector<bool> meets;                     // per `dont au moins` clause (pool only)
  std::optional<interp::DemandeResult> result; // cotations and rules (not when failed)
  std::optional<interp::EvalError> failure;
  std::optional<num::Date> deposited; // NotYetFiled: when (designation::entryDate)
};

// The state of a quota that a `dont au moins` clause consults, for the
// logement: the group the attribution would join.
struct QuotaState {
  std::uint32_t quota = 0;
  bool concerned = true;                   // the envisaged attribution is in the quota's population
  std::optional<interp::QuotaGroup> group; // nullopt: not concerned, or no attribution yet in the group
  std::optional<interp::EvalError> error;  // the quota could not be evaluated for this logement
};

// What one `dont au moins K où C [si Q]` clause did.
struct ClauseReport {
  std::size_t clause = 0;
  bool active = false;                          // Q held (or no `si`)
  std::int64_t wanted = 0;                      // K (when active)
  std::int64_t met = 0;                         // retained candidates meeting C, in the end
  std::vector<std::size_t> inserted, displaced; // indices into RankReport::candidates
  std::vector<QuotaState> quotas;               // the quotas the clause reads
};

struct RankReport {
  std::uint32_t classement = 0;
  num::Date date;
  bool attributionsGiven = false;
  std::size_t attributionCount = 0;
  std::vector<CandidateReport> candidates; // input order
  std::vector<std::size_t> order;          // the pool in rank order (indices into candidates)
  std::vector<std::size_t> retained;       // the retained ones, in rank order
  std::int64_t retain = 0;                 // `retenir N` (the pool size without `retenir`)
  bool insufficient = false;               // fewer in the pool than N
  std::vector<ClauseReport> clauses;
  std::vector<std::string> notes; // French, from the interpreter
  std::string engine, engineNote;
  std::size_t failed() const;
};

// Throws interp::EvalError when an expression that does not depend on a
// candidate (`retenir`, the K of `dont au moins`) fails. Returns false and
// sets `why` when Engine::Jit cannot compile the policy.
bool rank(const ir::Program& p, const RankRequest& request, RankReport& out, std::string& why);

} // namespace loge::designation
