// Interpreter stage (internal): the tree-walking evaluator for one context
// (one demande × logement × date, or one attribution of a quota).
#pragma once

#include "loge/interp/interp.h"

#include <functional>
#include <memory>
#include <optional>

namespace loge::interp::internal {

[[noreturn]] void fail(const std::string& message, SourceRange range);
[[noreturn]] void failStatus(num::Status s, SourceRange range, const char* what);

class Evaluator {
public:
  Evaluator(const ir::Program& p, const Inputs& in, Arena& arena);

  Value eval(const ir::Expr& e);
  bool evalBool(const ir::Expr& e) { return eval(e).b; }
  // Runs `e` with a fresh frame of `slots` locals.
  Value evalWithSlots(const ir::Expr& e, std::uint32_t slots);
  void setSlot(std::uint32_t slot, Value v) { locals_[slot] = v; }

  const CotationResult& cotation(std::uint32_t index);
  const std::vector<RuleResult>& block(std::uint32_t index);
  std::string failedRuleMotif(std::uint32_t block, std::uint32_t rule);
  bool eligible();
  std::string text(const std::vector<ir::TextPiece>& pieces);

  // Parameter resolution at a date (test overrides first).
  const ir::DatedValue& paramVersion(std::uint32_t index, num::Date date, SourceRange range);

  const ir::Program& program() const { return p_; }
  const Inputs& inputs() const { return in_; }
  Arena& arena() { return arena_; }

  // The locals of one definition call, cotation, rule or expression. Most
  // need a few slots: those live in the frame itself, so that evaluating a
  // demande does not allocate for each call.
  struct Frame {
    static constexpr std::uint32_t kInline = 8;
    Evaluator& ev;
    Value* savedPtr;
    Value* locals;
    Frame(Evaluator& e, std::uint32_t slots);
    ~Frame();
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;

  private:
    Value inline_[kInline];
    std::unique_ptr<Value[]> heap_;
  };

  // The results computed so far, moved out (the evaluator is done with them).
  CotationResult takeCotation(std::uint32_t index);
  std::vector<RuleResult> takeBlock(std::uint32_t index);

private:
  friend struct Frame;
  Value evalOp(const ir::Expr& e);
  Value evalBuiltin(const ir::Expr& e);
  Value evalAggregate(const ir::Expr& e);
  Value evalTable(const ir::Expr& e);
  Value evalCall(const ir::Expr& e);
  Value evalQuotaHypothetical(const ir::Expr& e);
  Value evalQuotaGroupField(const ir::Expr& e);
  Value evalClassementIds(const ir::Expr& e);
  Value field(const Value& record, std::uint32_t index, SourceRange range);
  Value constant(const ir::Constant& c, const ir::Type* type);
  num::Date dateAt(const ir::Expr* e);

  const ir::Program& p_;
  const Inputs& in_;
  Arena& arena_;
  Value* locals_ = nullptr;
  std::vector<std::optional<Value>> definitionMemo_;
  std::vector<std::unique_ptr<CotationResult>> cotations_;
  std::vector<std::unique_ptr<std::vector<RuleResult>>> blocks_;
  std::vector<std::uint8_t> cotationBusy_;
  std::optional<bool> eligible_;
};

// Numeric helpers shared with the quota and classement code.
num::Decimal decAdd(num::Decimal a, num::Decimal b, SourceRange r);
num::Decimal decSub(num::Decimal a, num::Decimal b, SourceRange r);
num::Decimal decMul(num::Decimal a, num::Decimal b, SourceRange r);
num::Decimal decDiv(num::Decimal a, num::Decimal b, SourceRange r);
int compareValues(const Value& a, const Value& b, const ir::Type* type);
bool equalValues(const Value& a, const Value& b, const ir::Type* type);

Ranking rankCandidates(const ir::Program& p, std::uint32_t index, const std::vector<Value>& candidates,
                       const Inputs& base, Arena& arena, const std::vector<DemandeResult>* precomputed);
std::vector<QuotaGroup> computeQuotaGroups(const ir::Program& p, std::uint32_t quota,
                                           const std::vector<Value>& attributions, num::Date asOf,
                                           const std::map<std::uint32_t, std::vector<ir::DatedValue>>* overrides,
                                           const Value* extra, std::optional<num::Date> onlyUpTo,
                                           Observer* observer = nullptr,
                                           const std::function<bool(const std::string& period)>& keepPeriod = {});

// A scalar constant as a value; nothing for lists and tuples, which need an
// arena and their type (Evaluator::constant).
std::optional<Value> scalarConstant(const ir::Constant& c);

// The hypothetical attribution of a candidate to the logement (P3 §6).
Value hypotheticalAttribution(const ir::Program& p, const Inputs& in, Arena& arena);
// The group that hypothetical attribution would join (null: not concerned,
// or the group is still empty), counting attributions up to in.date.
std::optional<QuotaGroup> envisagedGroup(const ir::Program& p, std::uint32_t quota, const Inputs& in, Arena& arena);
// Whether that attribution is in the quota's population.
bool envisagedConcerned(const ir::Program& p, std::uint32_t quota, const Inputs& in, Arena& arena);

} // namespace loge::interp::internal
