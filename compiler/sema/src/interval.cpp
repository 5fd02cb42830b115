// Semantic stage (internal): interval inference on entier expressions
// (LANGUAGE-NOTES P7). It proves barème indices in range and divisors
// non-zero from literals, schema bounds, min/max, + −, `nombre de` and the
// two branches of `si`; anything else is unbounded. For décimal and montant
// divisors, provablyPositive does the same with signs: literals, schema
// bounds, sums and products, `max` with one positive argument, `min` and
// `si` with all of theirs.
#include "checker.h"

#include <algorithm>

namespace loge::sema::internal {

using ir::Op;

namespace {
std::optional<std::int64_t> addOpt(std::optional<std::int64_t> a, std::optional<std::int64_t> b, bool sub = false) {
  if (!a || !b) return std::nullopt;
  std::int64_t r;
  if (sub ? __builtin_sub_overflow(*a, *b, &r) : __builtin_add_overflow(*a, *b, &r)) return std::nullopt;
  return r;
}
} // namespace

std::optional<num::int128> constantOnBoundScale(const ir::Constant& c, bool& date) {
  switch (c.kind) {
  case ir::Constant::Kind::Int:
  case ir::Constant::Kind::Duration: return c.number * num::Decimal::kOne;
  case ir::Constant::Kind::Decimal: return c.number;
  case ir::Constant::Kind::Date: date = true; return c.number;
  case ir::Constant::Kind::List: return static_cast<num::int128>(c.items.size()) * num::Decimal::kOne;
  default: return std::nullopt;
  }
}

const char* boundViolated(const ir::FieldDecl& f, num::int128 value, bool date, const ir::Constant*& bound) {
  // A bound of another kind (a number for a date) does not apply.
  auto scaled = [&](const ir::Constant& c) -> std::optional<num::int128> {
    bool boundIsDate = false;
    std::optional<num::int128> b = constantOnBoundScale(c, boundIsDate);
    return boundIsDate == date ? b : std::nullopt;
  };
  std::optional<num::int128> b;
  if (f.lower && (b = scaled(*f.lower)) && value < *b) {
    bound = &*f.lower;
    return "inférieure au minimum";
  }
  if (f.upper && (b = scaled(*f.upper)) && value > *b) {
    bound = &*f.upper;
    return "supérieure au maximum";
  }
  return nullptr;
}

std::string boundText(const ir::Constant& bound, const ir::Type* fieldType) {
  const ir::Type* t = ir::stripOptional(fieldType);
  switch (bound.kind) {
  case ir::Constant::Kind::Date: return bound.asDate().toString();
  case ir::Constant::Kind::Decimal:
    return bound.asDecimal().toString() + (t->unit == ir::Unit::None ? "" : std::string(" ") + unitText(t->unit));
  default: return std::to_string(bound.asInt());
  }
}

Interval Checker::interval(const ir::Expr& e) {
  switch (e.op) {
  case Op::Const:
    if (e.constant.kind == ir::Constant::Kind::Int) return {e.constant.asInt(), e.constant.asInt()};
    return {};
  case Op::Field:
  case Op::Unwrap: {
    if (e.op == Op::Unwrap) return interval(*e.a);
    const ir::Type* base = ir::stripOptional(e.a->type);
    if (base->kind != ir::TypeKind::Struct) return {};
    const ir::FieldDecl& f = program_->structs[base->index].fields[e.index];
    Interval out;
    if (f.lower && f.lower->kind == ir::Constant::Kind::Int) out.lo = f.lower->asInt();
    if (f.upper && f.upper->kind == ir::Constant::Kind::Int) out.hi = f.upper->asInt();
    return out;
  }
  case Op::IntAdd: {
    Interval a = interval(*e.a), b = interval(*e.b);
    return {addOpt(a.lo, b.lo), addOpt(a.hi, b.hi)};
  }
  case Op::IntSub: {
    Interval a = interval(*e.a), b = interval(*e.b);
    return {addOpt(a.lo, b.hi, true), addOpt(a.hi, b.lo, true)};
  }
  case Op::If: {
    Interval a = interval(*e.b), b = interval(*e.c);
    Interval out;
    if (a.lo && b.lo) out.lo = std::min(*a.lo, *b.lo);
    if (a.hi && b.hi) out.hi = std::max(*a.hi, *b.hi);
    return out;
  }
  case Op::Builtin:
    if (e.builtin == ir::Builtin::MinInt || e.builtin == ir::Builtin::MaxInt) {
      bool isMin = e.builtin == ir::Builtin::MinInt;
      Interval out = interval(*e.args[0]);
      for (std::size_t i = 1; i < e.args.size(); ++i) {
        Interval x = interval(*e.args[i]);
        if (isMin) {
          out.lo = out.lo && x.lo ? std::optional(std::min(*out.lo, *x.lo)) : std::nullopt;
          out.hi = out.hi && x.hi ? std::min(*out.hi, *x.hi) : (out.hi ? out.hi : x.hi);
        } else {
          out.hi = out.hi && x.hi ? std::optional(std::max(*out.hi, *x.hi)) : std::nullopt;
          out.lo = out.lo && x.lo ? std::max(*out.lo, *x.lo) : (out.lo ? out.lo : x.lo);
        }
      }
      return out;
    }
    if (e.builtin == ir::Builtin::AbsInt) return {0, std::nullopt};
    if (e.builtin == ir::Builtin::MonthOf) return {1, 12};
    if (e.builtin == ir::Builtin::DayOf) return {1, 31};
    return {};
  case Op::Aggregate:
    if (e.aggregate == ir::AggregateOp::Count) {
      // `liste de T (au moins n)`: counting without a condition is >= n.
      if (!e.c && e.b->op == Op::Field) {
        const ir::Type* base = ir::stripOptional(e.b->a->type);
        if (base->kind == ir::TypeKind::Struct) {
          const ir::FieldDecl& f = program_->structs[base->index].fields[e.b->index];
          if (f.lower && f.lower->kind == ir::Constant::Kind::Int) return {f.lower->asInt(), std::nullopt};
        }
      }
      return {0, std::nullopt};
    }
    return {};
  case Op::Local:
    // A définition's parameter, while its body is followed from a call.
    if (!argumentIntervals_.empty() && e.index < argumentIntervals_.back().size())
      return argumentIntervals_.back()[e.index];
    return {};
  case Op::Call: {
    // Recursion is impossible once checkRecursion passed, but guard anyway.
    if (!e.args.empty()) {
      // `cat(demande.nb)` with `cat(n) = max(n, 1)`: the body, with the
      // arguments' intervals for the parameters (not cached: they differ
      // from call to call).
      constexpr std::size_t kMaxDepth = 8;
      const ir::DefinitionDecl& d = program_->definitions[e.index];
      if (!d.body || argumentIntervals_.size() >= kMaxDepth || intervalInProgress_.count(e.index)) return {};
      std::vector<Interval> args;
      for (const auto& a : e.args) args.push_back(a->type->kind == ir::TypeKind::Int ? interval(*a) : Interval{});
      intervalInProgress_.insert(e.index);
      argumentIntervals_.push_back(std::move(args));
      Interval out = interval(*d.body);
      argumentIntervals_.pop_back();
      intervalInProgress_.erase(e.index);
      return out;
    }
    auto it = definitionIntervals_.find(e.index);
    if (it != definitionIntervals_.end()) return it->second;
    if (!intervalInProgress_.insert(e.index).second) return {};
    const ir::DefinitionDecl& d = program_->definitions[e.index];
    if (!d.body) {
      intervalInProgress_.erase(e.index);
      return {}; // not checked yet: unknown, and not cached
    }
    argumentIntervals_.emplace_back(); // its slots are its own binders, not a caller's parameters
    Interval out = interval(*d.body);
    argumentIntervals_.pop_back();
    intervalInProgress_.erase(e.index);
    definitionIntervals_[e.index] = out;
    return out;
  }
  default: return {};
  }
}

bool Checker::provablyNonNegative(const ir::Expr& e) {
  switch (e.op) {
  case Op::Const: return e.constant.kind == ir::Constant::Kind::Decimal && !e.constant.asDecimal().isNegative();
  case Op::IntToDecimal: {
    Interval iv = interval(*e.a);
    return iv.lo && *iv.lo >= 0;
  }
  case Op::DecimalAdd:
  case Op::DecimalMul: return provablyNonNegative(*e.a) && provablyNonNegative(*e.b);
  case Op::Field: {
    const ir::Type* base = ir::stripOptional(e.a->type);
    if (base->kind != ir::TypeKind::Struct) return false;
    const ir::FieldDecl& f = program_->structs[base->index].fields[e.index];
    return f.lower && f.lower->kind == ir::Constant::Kind::Decimal && !f.lower->asDecimal().isNegative();
  }
  case Op::Call: {
    const ir::DefinitionDecl& d = program_->definitions[e.index];
    return e.args.empty() && d.body && provablyNonNegative(*d.body);
  }
  case Op::If: return provablyNonNegative(*e.b) && provablyNonNegative(*e.c);
  case Op::Builtin:
    return e.builtin == ir::Builtin::AbsDecimal ||
           extremumHas(e, [this](const ir::Expr& x) { return provablyNonNegative(x); });
  default: return provablyPositive(e);
  }
}

bool Checker::provablyPositive(const ir::Expr& e) {
  switch (e.op) {
  case Op::Const:
    return e.constant.kind == ir::Constant::Kind::Decimal && !e.constant.asDecimal().isNegative() &&
           !e.constant.asDecimal().isZero();
  case Op::IntToDecimal: {
    Interval iv = interval(*e.a);
    return iv.lo && *iv.lo > 0;
  }
  case Op::DecimalAdd:
    return (provablyPositive(*e.a) && provablyNonNegative(*e.b)) ||
           (provablyNonNegative(*e.a) && provablyPositive(*e.b));
  case Op::DecimalMul: return provablyPositive(*e.a) && provablyPositive(*e.b);
  case Op::Field: {
    const ir::Type* base = ir::stripOptional(e.a->type);
    if (base->kind != ir::TypeKind::Struct) return false;
    const ir::FieldDecl& f = program_->structs[base->index].fields[e.index];
    return f.lower && f.lower->kind == ir::Constant::Kind::Decimal && !f.lower->asDecimal().isNegative() &&
           !f.lower->asDecimal().isZero();
  }
  case Op::Call: {
    const ir::DefinitionDecl& d = program_->definitions[e.index];
    return e.args.empty() && d.body && provablyPositive(*d.body);
  }
  case Op::If: return provablyPositive(*e.b) && provablyPositive(*e.c);
  case Op::Builtin: return extremumHas(e, [this](const ir::Expr& x) { return provablyPositive(x); });
  default: return false;
  }
}

// max(…) is positive (non-negative) when one argument is, min(…) when all
// are: `x ÷ max(ressources, 1 €/mois)` is the usual guard of a division.
bool Checker::extremumHas(const ir::Expr& e, const std::function<bool(const ir::Expr&)>& property) {
  if (e.builtin != ir::Builtin::MaxDecimal && e.builtin != ir::Builtin::MinDecimal) return false;
  if (e.builtin == ir::Builtin::MaxDecimal)
    return std::any_of(e.args.begin(), e.args.end(), [&](const auto& a) { return property(*a); });
  return !e.args.empty() && std::all_of(e.args.begin(), e.args.end(), [&](const auto& a) { return property(*a); });
}

} // namespace loge::sema::internal
