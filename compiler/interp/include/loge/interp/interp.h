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
};

// One quota group's figures (LANGUAGE-NOTES P3).
struct QuotaGroup {
  std::string period; // "2025", "2025-S1"…
  num::Date periodStart;
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
};
struct Ranking {
  std::vector<RankedCandidate> retained;
  std::size_t eligibleCount = 0;
  bool insufficient = false; // fewer eligible than `retenir`
  std::int64_t retain = 0;
  std::vector<std::string> notes; // which clause shaped the list, in French
};

class Interpreter {
public:
  explicit Interpreter(const ir::Program& program) : program_(program) {}

  // Evaluates every cotation and every rule block (the `pour logement` ones
  // only when a logement is given). Throws EvalError.
  DemandeResult evaluate(const Inputs& in) const;

  // Evaluates a standalone expression (test expectations) in the inputs'
  // context. Temporaries go to `arena`. Throws EvalError.
  Value evaluateExpr(const ir::Expr& e, const Inputs& in, Arena& arena, std::uint32_t slots) const;

  // Groups the attributions per period and scope and computes each group's
  // figures. `asOf`: evaluation date (targets' parameters, hypothetical
  // attribution). Throws EvalError.
  std::vector<QuotaGroup>
  quotaGroups(std::uint32_t quota, const std::vector<Value>& attributions, num::Date asOf,
              const std::map<std::uint32_t, std::vector<ir::DatedValue>>* overrides = nullptr) const;

  // Orders the candidates for the logement in `in.roles` per classement
  // `index`. Throws EvalError.
  Ranking rank(std::uint32_t index, const std::vector<Value>& candidates, const Inputs& in) const;

  const ir::Program& program() const { return program_; }

private:
  const ir::Program& program_;
};

// Formats a value the French way (1 234,50 € ; 41,2 % is not inferred: a
// décimal prints as a number), for motifs and explanations.
std::string formatFrench(const ir::Program& p, const ir::Type* type, const Value& v);
// Formats a value as JSON (numbers exact, dates ISO, enums by name).
std::string formatJson(const ir::Program& p, const ir::Type* type, const Value& v);

} // namespace loge::interp
