// Interpreter stage: the reference semantics of a checked Program.
//
// The interpreter walks the typed IR. It is the definition the JIT must
// match bit for bit: same values, same errors at the same policy locations.
// Evaluation is pure; an Interpreter holds no mutable state between calls,
// so one Interpreter may serve several threads, each with its own Session.
#pragma once

#include "loge/interp/observer.h"
#include "loge/interp/value.h"
#include "loge/ir/program.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace loge::interp {

// An evaluation error: the policy refused to guess (division by zero,
// overflow, a date that does not exist, an unpublished barème cell,
// `erreur "…"`). Located in the policy.
struct EvalError {
  std::string message; // French
  SourceRange range;
};

struct CriterionResult {
  num::Decimal brut;         // the criterion's own value (0 when not applicable)
  num::Decimal contribution; // what it adds to the total
  bool applicable = false;
};

struct CotationResult {
  num::Decimal total;
  num::Decimal beforeBounds; // the sum before plancher/plafond
  bool floorApplied = false, ceilingApplied = false;
  std::vector<CriterionResult> criteria;
  std::vector<num::Decimal> rubriques; // totals
};

// What each rubrique of `c` added up to before its own plancher and
// plafond (CotationResult::rubriques holds the values after them), for
// explanations that show where a bound changed the points.
std::vector<num::Decimal> rubriquesBeforeBounds(const ir::CotationDecl& c, const CotationResult& r);

enum class RuleStatus : std::uint8_t {
  Ok,
  Alerte,
  Refus,
  Exception,
  NotEvaluated
};
const char* ruleStatusName(RuleStatus s); // "ok", "alerte", "refus", "exception", "non_evalue"

struct RuleResult {
  RuleStatus status = RuleStatus::NotEvaluated;
  std::string motif;  // for alerte/refus: the interpolated motif; for exception: its label
  int exception = -1; // which `sauf si` applied
};

struct DemandeResult {
  std::vector<CotationResult> cotations;
  std::vector<std::vector<RuleResult>> blocks; // per rule block, per rule
  std::optional<bool> eligible;                // set when a logement was given
};

// The inputs of one evaluation: records for the roles (Absent when not
// given), the evaluation date, and optionally the attributions so far (for
// quota-aware classements) and per-test parameter overrides.
struct Inputs {
  Value roles[ir::kRoleCount];
  num::Date date;
  const std::vector<Value>* attributions = nullptr;
  const std::vector<Value>* candidates = nullptr; // tests: `classement.X`
  const std::map<std::uint32_t, std::vector<ir::DatedValue>>* overrides = nullptr;
  Observer* observer = nullptr; // coverage (observer.h); null: nothing recorded
  // Results already computed for this demande (by the compiled engine):
  // cotations and rule statuses are then read from here, not re-evaluated.
  // Must be the results of exactly these roles at this date.
  const DemandeResult* precomputed = nullptr;
};

// One quota group's figures (LANGUAGE-NOTES P3).
struct QuotaGroup {
  std::string period;               // "2025", "2025-S1"…
  num::Date targetDate;             // when the target is read: the period's first day, or the policy's if later
  std::vector<Value> keys;          // scope key values, in declaration order
  std::int64_t effectif = 0;        // n
  std::int64_t nombre = 0;          // q
  std::optional<num::Decimal> part; // q/n, absent when n = 0
  std::optional<Value> cible;       // the target (décimal share or entier count), absent: no target
  std::optional<std::int64_t> manque;
  std::string statut; // atteint | en_retard | sans_objet | sans_objectif | depasse
};

struct RankedCandidate {
  std::size_t input = 0;   // index in the candidates list
  std::vector<Value> keys; // order key values
  bool inserted = false;   // brought in by a `dont au moins` clause
  int dontClause = -1;
  std::vector<bool> meets; // per `dont au moins` clause: does it meet the condition?
};
// What one `dont au moins K où C [si Q]` clause did.
struct DontOutcome {
  bool active = false;                // `si Q` held for some candidate (or no `si`)
  std::int64_t wanted = 0;            // K
  std::int64_t met = 0;               // retained candidates meeting C, in the end
  std::vector<std::size_t> inserted;  // input indices brought in, in order
  std::vector<std::size_t> displaced; // input indices they replaced
};
struct Ranking {
  std::vector<RankedCandidate> retained;
  std::vector<RankedCandidate> ordered; // every candidate of the pool, in rank order
  std::vector<std::size_t> ineligible;  // input indices refused by a rule
  std::vector<std::size_t> outsidePool; // eligible, but the `candidats éligibles où` condition is false
  std::vector<DontOutcome> dont;        // per clause
  std::size_t eligibleCount = 0;
  bool insufficient = false; // fewer eligible than `retenir`
  std::int64_t retain = 0;
  std::vector<std::string> notes; // which clause shaped the list, in French
};

// What evaluate() gives, each cotation and each rule block evaluated on
// its own: one that fails (a division by zero) holds its error instead of
// its results, and the others are still there — for explanations.
struct PartialResult {
  std::vector<std::optional<CotationResult>> cotations;
  std::vector<std::optional<EvalError>> cotationErrors;
  std::vector<std::optional<std::vector<RuleResult>>> blocks;
  std::vector<std::optional<EvalError>> blockErrors;
};

class Interpreter {
public:
  explicit Interpreter(const ir::Program& program) : program_(program) {}

  // Evaluates every cotation and every rule block (the `pour logement` ones
  // only when a logement is given). Throws EvalError.
  DemandeResult evaluate(const Inputs& in) const;
  // The same, each cotation and rule block on its own (PartialResult).
  PartialResult evaluateEach(const Inputs& in) const;
  // Rule block `block` alone (what it reads, and nothing else): a test of
  // one rule does not fail on another block's error. Throws EvalError.
  std::vector<RuleResult> evaluateBlock(const Inputs& in, std::uint32_t block) const;

  // The motif of rule `rule` of block `block` when it alerts or refuses,
  // rendered as evaluate() renders it, evaluating that rule alone: the
  // compiled engine gives statuses, and the text comes from here (the one
  // definition of French formatting). Throws EvalError.
  std::string failedRuleMotif(const Inputs& in, std::uint32_t block, std::uint32_t rule) const;

  // Evaluates a standalone expression (test expectations) in the inputs'
  // context. Temporaries go to `arena`. Throws EvalError.
  Value evaluateExpr(const ir::Expr& e, const Inputs& in, Arena& arena, std::uint32_t slots) const;

  // Groups the attributions per period and scope and computes each group's
  // figures. `asOf`: evaluation date (targets' parameters, hypothetical
  // attribution). `keepPeriod`, when given, says which periods ("2025",
  // "2025-S1"…) are wanted: the attributions of the others are left out
  // before their conditions are evaluated. Throws EvalError, whose message
  // names the attribution that could not be evaluated.
  std::vector<QuotaGroup> quotaGroups(std::uint32_t quota, const std::vector<Value>& attributions, num::Date asOf,
                                      const std::map<std::uint32_t, std::vector<ir::DatedValue>>* overrides = nullptr,
                                      const std::function<bool(const std::string& period)>& keepPeriod = {}) const;

  // Orders the candidates for the logement in `in.roles` per classement
  // `index`. Throws EvalError.
  // `precomputed`, when given, holds each candidate's results (parallel to
  // `candidates`), e.g. from the compiled engine.
  Ranking rank(std::uint32_t index, const std::vector<Value>& candidates, const Inputs& in,
               const std::vector<DemandeResult>* precomputed = nullptr) const;

  // The group of quota `quota` that attributing the logement of `in` to the
  // demande of `in` would join, with the attributions of `in` counted up to
  // `in.date` (the figures `quota.X.en_retard` reads). Null when that
  // attribution would not be concerned or its group is still empty.
  std::optional<QuotaGroup> envisagedQuotaGroup(std::uint32_t quota, const Inputs& in) const;
  // Whether that attribution would be in the quota's population
  // (`quota.X.concerne`). Throws EvalError.
  bool envisagedQuotaConcerned(std::uint32_t quota, const Inputs& in) const;

  const ir::Program& program() const { return program_; }

private:
  const ir::Program& program_;
};

// Formats a value the French way (1 234,50 € ; 41,2 % is not inferred: a
// décimal prints as a number), for motifs and explanations.
std::string formatFrench(const ir::Program& p, const ir::Type* type, const Value& v);
// The same with every decimal (up to 18): where the rounded display could
// show two different values alike (a failed test's expected and obtained).
std::string formatFrenchExact(const ir::Program& p, const ir::Type* type, const Value& v);
// Formats a value as JSON (numbers exact, dates ISO, enums by name).
std::string formatJson(const ir::Program& p, const ir::Type* type, const Value& v);
// The `id` text field of a record, or "" when the struct has none: how
// messages name a demande or an attribution.
std::string recordId(const ir::Program& p, const Value& record);

} // namespace loge::interp
