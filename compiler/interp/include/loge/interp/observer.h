// Interpreter stage: an optional observer of evaluation, for test coverage.
//
// When `Inputs::observer` is set, the evaluator reports what it evaluated:
// each criterion with its result, each rule with its status (and the
// exception that applied), and each barème row that a lookup hit. The
// observer only watches: evaluation results are the same with or without
// it, and when it is absent the cost is one null-pointer test per criterion,
// rule and lookup. The compiled engine has no observer; `loge test
// --coverage` records on the interpreter's evaluations.
#pragma once

#include <cstdint>

namespace loge::interp {

struct CriterionResult;
struct RuleResult;

class Observer {
public:
  virtual ~Observer() = default;
  // Criterion `criterion` of cotation `cotation` was evaluated.
  virtual void criterion(std::uint32_t cotation, std::uint32_t criterion, const CriterionResult& result) = 0;
  // Rule `rule` of rule block `block` was evaluated (status Ok, Alerte,
  // Refus or Exception; `result.exception` says which `sauf si` applied).
  virtual void rule(std::uint32_t block, std::uint32_t rule, const RuleResult& result) = 0;
  // A lookup in barème `parameter` hit row `row` of its dated version
  // `version` (an index into ParameterDecl::values; lookups in a test's
  // `remplace` values are not reported).
  virtual void tableRow(std::uint32_t parameter, std::uint32_t version, std::uint32_t row) = 0;
};

} // namespace loge::interp
