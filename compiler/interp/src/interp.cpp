// Interpreter stage: the public entry points.
#include "evaluator.h"

namespace loge::interp {

using internal::Evaluator;

const char* ruleStatusName(RuleStatus s) {
  switch (s) {
  case RuleStatus::Ok: return "ok";
  case RuleStatus::Alerte: return "alerte";
  case RuleStatus::Refus: return "refus";
  case RuleStatus::Exception: return "exception";
  case RuleStatus::NotEvaluated: return "non_evalue";
  }
  return "ok";
}

DemandeResult Interpreter::evaluate(const Inputs& in) const {
  Arena arena;
  Evaluator ev(program_, in, arena);
  DemandeResult out;
  // Everything is computed before any result is moved out: a rule's motif
  // or a later cotation may read an earlier cotation.
  for (std::uint32_t c = 0; c < program_.cotations.size(); ++c) ev.cotation(c);
  for (std::uint32_t b = 0; b < program_.ruleBlocks.size(); ++b) ev.block(b);
  if (!in.roles[static_cast<int>(ir::Role::Logement)].isAbsent()) out.eligible = ev.eligible();
  out.cotations.reserve(program_.cotations.size());
  for (std::uint32_t c = 0; c < program_.cotations.size(); ++c) out.cotations.push_back(ev.takeCotation(c));
  out.blocks.reserve(program_.ruleBlocks.size());
  for (std::uint32_t b = 0; b < program_.ruleBlocks.size(); ++b) out.blocks.push_back(ev.takeBlock(b));
  return out;
}

PartialResult Interpreter::evaluateEach(const Inputs& in) const {
  PartialResult out;
  // A fresh evaluator for each: a failure leaves no half-computed state
  // (a cotation marked as being computed) behind for the next one.
  auto each = [&](std::size_t count, auto compute, auto& results, auto& errors) {
    for (std::uint32_t i = 0; i < count; ++i) {
      Arena arena;
      Evaluator ev(program_, in, arena);
      try {
        results.emplace_back(compute(ev, i));
        errors.emplace_back();
      } catch (const EvalError& e) {
        results.emplace_back();
        errors.emplace_back(e);
      }
    }
  };
  each(
      program_.cotations.size(), [](Evaluator& ev, std::uint32_t c) { return ev.takeCotation(c); }, out.cotations,
      out.cotationErrors);
  each(
      program_.ruleBlocks.size(), [](Evaluator& ev, std::uint32_t b) { return ev.takeBlock(b); }, out.blocks,
      out.blockErrors);
  return out;
}

std::vector<RuleResult> Interpreter::evaluateBlock(const Inputs& in, std::uint32_t block) const {
  Arena arena;
  Evaluator ev(program_, in, arena);
  return ev.takeBlock(block);
}

std::string Interpreter::failedRuleMotif(const Inputs& in, std::uint32_t block, std::uint32_t rule) const {
  Arena arena;
  Evaluator ev(program_, in, arena);
  return ev.failedRuleMotif(block, rule);
}

Value Interpreter::evaluateExpr(const ir::Expr& e, const Inputs& in, Arena& arena, std::uint32_t slots) const {
  Evaluator ev(program_, in, arena);
  return ev.evalWithSlots(e, slots + 1);
}

std::vector<QuotaGroup>
Interpreter::quotaGroups(std::uint32_t quota, const std::vector<Value>& attributions, num::Date asOf,
                         const std::map<std::uint32_t, std::vector<ir::DatedValue>>* overrides,
                         const std::function<bool(const std::string& period)>& keepPeriod) const {
  return internal::computeQuotaGroups(program_, quota, attributions, asOf, overrides, nullptr, std::nullopt, nullptr,
                                      keepPeriod);
}

Ranking Interpreter::rank(std::uint32_t index, const std::vector<Value>& candidates, const Inputs& in,
                          const std::vector<DemandeResult>* precomputed) const {
  Arena arena;
  return internal::rankCandidates(program_, index, candidates, in, arena, precomputed);
}

std::optional<QuotaGroup> Interpreter::envisagedQuotaGroup(std::uint32_t quota, const Inputs& in) const {
  Arena arena;
  return internal::envisagedGroup(program_, quota, in, arena);
}

bool Interpreter::envisagedQuotaConcerned(std::uint32_t quota, const Inputs& in) const {
  Arena arena;
  return internal::envisagedConcerned(program_, quota, in, arena);
}

} // namespace loge::interp
