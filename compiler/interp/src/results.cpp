// Interpreter stage (internal): cotations (criteria, rubriques, floors and
// ceilings), rule blocks (requirement, exceptions, motifs) and eligibility.
#include "evaluator.h"

#include <fmt/format.h>

namespace loge::interp::internal {

namespace {
struct Item {
  num::Decimal value;
  bool applicable;
};

// Adds an item to a sum of items (a rubrique, a cotation): an item that
// does not apply adds nothing, and the sum applies when any item does.
void accumulate(Item& sum, num::Decimal value, bool applicable, SourceRange range) {
  if (!applicable) return;
  sum.value = decAdd(sum.value, value, range);
  sum.applicable = true;
}

num::Decimal clampBound(Evaluator& ev, num::Decimal v, const ir::ExprPtr& floor, const ir::ExprPtr& ceiling,
                        bool* floorHit, bool* ceilingHit) {
  if (floor) {
    num::Decimal f = ev.eval(*floor).asDecimal();
    if (v < f) {
      v = f;
      if (floorHit) *floorHit = true;
    }
  }
  if (ceiling) {
    num::Decimal c = ev.eval(*ceiling).asDecimal();
    if (c < v) {
      v = c;
      if (ceilingHit) *ceilingHit = true;
    }
  }
  return v;
}
} // namespace

const CotationResult& Evaluator::cotation(std::uint32_t index) {
  if (cotations_[index]) return *cotations_[index];
  if (cotationBusy_[index])
    fail("cotation évaluée pendant son propre calcul (bogue du compilateur)", p_.cotations[index].range);
  cotationBusy_[index] = 1;
  const ir::CotationDecl& c = p_.cotations[index];
  Frame frame(*this, c.slotCount);
  auto result = std::make_unique<CotationResult>();
  result->criteria.resize(c.criteria.size());
  result->rubriques.resize(c.rubriques.size());
  for (std::size_t i = 0; i < c.criteria.size(); ++i) {
    const ir::CriterionDecl& cr = c.criteria[i];
    CriterionResult& r = result->criteria[i];
    if (cr.condition && !eval(*cr.condition).b) continue;
    r.applicable = true;
    r.brut = eval(*cr.value).asDecimal();
  }
  // Combine items bottom-up, remembering what counts towards the parent
  // (without rubriques, every criterion counts: no vector needed).
  std::vector<std::uint8_t> rubriqueCounts, criterionCounts;
  if (!c.rubriques.empty()) {
    rubriqueCounts.assign(c.rubriques.size(), 1);
    criterionCounts.assign(c.criteria.size(), 1);
  }
  auto walk = [&](auto& self, const std::vector<std::int32_t>& items, bool maximum) -> Item {
    std::vector<Item> values;
    values.reserve(items.size());
    for (std::int32_t it : items) {
      if (it >= 0) {
        const CriterionResult& cr = result->criteria[static_cast<std::size_t>(it)];
        values.push_back({cr.brut, cr.applicable});
      } else {
        auto ri = static_cast<std::size_t>(-it - 1);
        const ir::RubriqueDecl& r = c.rubriques[ri];
        Item sub = self(self, r.items, r.maximum);
        sub.value = clampBound(*this, sub.value, r.floor, r.ceiling, nullptr, nullptr);
        result->rubriques[ri] = sub.value;
        values.push_back(sub);
      }
    }
    Item out{num::Decimal(), false};
    if (!maximum) {
      for (const Item& v : values) accumulate(out, v.value, v.applicable, c.range);
      return out;
    }
    std::optional<std::size_t> best;
    for (std::size_t k = 0; k < values.size(); ++k)
      if (values[k].applicable && (!best || values[*best].value < values[k].value)) best = k;
    for (std::size_t k = 0; k < values.size(); ++k) {
      if (best && k == *best) continue;
      std::int32_t it = items[k];
      if (it >= 0)
        criterionCounts[static_cast<std::size_t>(it)] = 0;
      else
        rubriqueCounts[static_cast<std::size_t>(-it - 1)] = 0;
    }
    if (best) out = values[*best];
    return out;
  };
  Item top{num::Decimal(), false};
  if (c.rubriques.empty()) {
    // The walk below without its bookkeeping: the applicable criteria
    // summed in order.
    for (std::int32_t it : c.items) {
      const CriterionResult& cr = result->criteria[static_cast<std::size_t>(it)];
      accumulate(top, cr.brut, cr.applicable, c.range);
    }
  } else {
    top = walk(walk, c.items, false);
  }
  result->beforeBounds = top.value;
  result->total = clampBound(*this, top.value, c.floor, c.ceiling, &result->floorApplied, &result->ceilingApplied);
  // A criterion contributes its value when it and every enclosing rubrique
  // count towards their parents.
  for (std::size_t i = 0; i < c.criteria.size(); ++i) {
    CriterionResult& r = result->criteria[i];
    bool counts = r.applicable && (criterionCounts.empty() || criterionCounts[i]);
    for (std::int32_t rb = c.criteria[i].rubrique; counts && rb >= 0;
         rb = c.rubriques[static_cast<std::size_t>(rb)].parent)
      counts = rubriqueCounts[static_cast<std::size_t>(rb)] != 0;
    r.contribution = counts ? r.brut : num::Decimal();
    if (in_.observer) in_.observer->criterion(index, static_cast<std::uint32_t>(i), r);
  }
  cotationBusy_[index] = 0;
  cotations_[index] = std::move(result);
  return *cotations_[index];
}

const std::vector<RuleResult>& Evaluator::block(std::uint32_t index) {
  if (blocks_[index]) return *blocks_[index];
  const ir::RuleBlockDecl& b = p_.ruleBlocks[index];
  auto results = std::make_unique<std::vector<RuleResult>>(b.rules.size());
  bool haveLogement = !in_.roles[static_cast<int>(ir::Role::Logement)].isAbsent();
  if (!b.forLogement || haveLogement) {
    for (std::size_t i = 0; i < b.rules.size(); ++i) {
      const ir::RuleDecl& rule = b.rules[i];
      RuleResult& r = (*results)[i];
      Frame frame(*this, rule.slotCount);
      if (eval(*rule.requirement).b) {
        r.status = RuleStatus::Ok;
        if (in_.observer) in_.observer->rule(index, static_cast<std::uint32_t>(i), r);
        continue;
      }
      for (std::size_t x = 0; x < rule.exceptions.size(); ++x) {
        if (eval(*rule.exceptions[x].condition).b) {
          r.status = RuleStatus::Exception;
          r.exception = static_cast<int>(x);
          r.motif = rule.exceptions[x].label;
          break;
        }
      }
      if (r.status != RuleStatus::Exception) {
        r.status = rule.refusal ? RuleStatus::Refus : RuleStatus::Alerte;
        r.motif = rule.motif.empty() ? rule.label : text(rule.motif);
      }
      if (in_.observer) in_.observer->rule(index, static_cast<std::uint32_t>(i), r);
    }
  }
  blocks_[index] = std::move(results);
  return *blocks_[index];
}

// As block() renders the motif of a rule that fails: its requirement and
// exceptions are evaluated first, in the same frame, so the motif sees the
// same locals and an error comes out at the same place.
std::string Evaluator::failedRuleMotif(std::uint32_t block, std::uint32_t rule) {
  const ir::RuleDecl& r = p_.ruleBlocks[block].rules[rule];
  Frame frame(*this, r.slotCount);
  (void)eval(*r.requirement);
  for (const auto& x : r.exceptions) (void)eval(*x.condition);
  return r.motif.empty() ? r.label : text(r.motif);
}

CotationResult Evaluator::takeCotation(std::uint32_t index) {
  cotation(index);
  return std::move(*cotations_[index]);
}

std::vector<RuleResult> Evaluator::takeBlock(std::uint32_t index) {
  block(index);
  return std::move(*blocks_[index]);
}

bool Evaluator::eligible() {
  if (eligible_) return *eligible_;
  bool ok = true;
  for (std::uint32_t b = 0; b < p_.ruleBlocks.size(); ++b)
    for (const RuleResult& r : block(b)) ok &= r.status != RuleStatus::Refus;
  eligible_ = ok;
  return ok;
}

std::string Evaluator::text(const std::vector<ir::TextPiece>& pieces) {
  std::string out;
  for (const ir::TextPiece& piece : pieces) {
    if (!piece.value) {
      out += piece.literal;
      continue;
    }
    Value v = eval(*piece.value);
    out += formatFrench(p_, piece.value->type, v);
  }
  return out;
}

} // namespace loge::interp::internal
