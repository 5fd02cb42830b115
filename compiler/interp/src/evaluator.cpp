// Interpreter stage (internal): evaluation of expressions.
#include "evaluator.h"

#include <fmt/format.h>

#include <algorithm>

namespace loge::interp::internal {

using ir::Op;

void fail(const std::string& message, SourceRange range) { throw EvalError{message, range}; }

void failStatus(num::Status s, SourceRange range, const char* what) {
  fail(fmt::format("{} : {}", what, num::describe(s)), range);
}

num::Decimal decAdd(num::Decimal a, num::Decimal b, SourceRange r) {
  num::Decimal out;
  if (auto s = num::add(a, b, out); s != num::Status::Ok) failStatus(s, r, "addition");
  return out;
}
num::Decimal decSub(num::Decimal a, num::Decimal b, SourceRange r) {
  num::Decimal out;
  if (auto s = num::sub(a, b, out); s != num::Status::Ok) failStatus(s, r, "soustraction");
  return out;
}
num::Decimal decMul(num::Decimal a, num::Decimal b, SourceRange r) {
  num::Decimal out;
  if (auto s = num::mul(a, b, out); s != num::Status::Ok) failStatus(s, r, "multiplication");
  return out;
}
num::Decimal decDiv(num::Decimal a, num::Decimal b, SourceRange r) {
  num::Decimal out;
  if (auto s = num::div(a, b, out); s != num::Status::Ok) failStatus(s, r, "division");
  return out;
}

Evaluator::Evaluator(const ir::Program& p, const Inputs& in, Arena& arena)
    : p_(p), in_(in), arena_(arena), definitionMemo_(p.definitions.size()), cotations_(p.cotations.size()),
      blocks_(p.ruleBlocks.size()), cotationBusy_(p.cotations.size(), 0) {
  if (const DemandeResult* r = in.precomputed) {
    for (std::size_t c = 0; c < r->cotations.size() && c < cotations_.size(); ++c)
      cotations_[c] = std::make_unique<CotationResult>(r->cotations[c]);
    for (std::size_t b = 0; b < r->blocks.size() && b < blocks_.size(); ++b)
      blocks_[b] = std::make_unique<std::vector<RuleResult>>(r->blocks[b]);
  }
}

Evaluator::Frame::Frame(Evaluator& e, std::uint32_t slots) : ev(e), savedPtr(e.locals_) {
  if (slots > kInline) heap_ = std::make_unique<Value[]>(slots);
  locals = heap_ ? heap_.get() : inline_;
  ev.locals_ = locals;
}
Evaluator::Frame::~Frame() { ev.locals_ = savedPtr; }

Value Evaluator::evalWithSlots(const ir::Expr& e, std::uint32_t slots) {
  Frame f(*this, slots);
  return eval(e);
}

std::optional<Value> scalarConstant(const ir::Constant& c) {
  using K = ir::Constant::Kind;
  switch (c.kind) {
  case K::Absent: return Value::absent();
  case K::Bool: return Value::boolean(c.asBool());
  case K::Int: return Value::integer(c.asInt());
  case K::Decimal: return Value::decimal(c.asDecimal());
  case K::Date: return Value::dateValue(c.asDate());
  case K::Duration: return Value::duration(c.asInt());
  case K::Text: return Value::textValue(&c.text);
  case K::Enum: return Value::enumValue(static_cast<std::uint32_t>(c.number));
  case K::List:
  case K::Tuple: return std::nullopt;
  }
  return std::nullopt;
}

Value Evaluator::constant(const ir::Constant& c, const ir::Type* type) {
  using K = ir::Constant::Kind;
  if (std::optional<Value> v = scalarConstant(c)) return *v;
  switch (c.kind) {
  case K::List: {
    List* l = arena_.list();
    const ir::Type* el =
        ir::stripOptional(type)->kind == ir::TypeKind::List ? ir::stripOptional(type)->element : nullptr;
    for (const auto& item : c.items) l->items.push_back(constant(item, el));
    return Value::list(l);
  }
  case K::Tuple: {
    const ir::Type* st = ir::stripOptional(type);
    Record* r = arena_.record(st->index, c.items.size());
    const ir::StructDecl& s = p_.structs[st->index];
    for (std::size_t i = 0; i < c.items.size(); ++i) r->fields[i] = constant(c.items[i], s.fields[i].type);
    return Value::record(r);
  }
  default: break; // scalars: above
  }
  return Value::absent();
}

Value Evaluator::field(const Value& record, std::uint32_t index, SourceRange range) {
  const Value& v = record.rec->fields[index];
  if (v.tag == Tag::Unset) {
    // A test record field without value: the Fail expression says which.
    fail(v.unset->parts.empty() ? std::string("champ sans valeur") : v.unset->parts[0].literal, range);
  }
  return v;
}

num::Date Evaluator::dateAt(const ir::Expr* e) {
  if (!e) return in_.date;
  return eval(*e).asDate();
}

// Locals, constants, context records and field reads are most of the nodes
// a demande evaluates: they are answered here, without entering evalOp's
// large frame; everything else (and every error) goes through evalOp.
Value Evaluator::eval(const ir::Expr& e) {
  switch (e.op) {
  case Op::Local: return locals_[e.index];
  case Op::Const:
    if (e.constant.kind == ir::Constant::Kind::Decimal) return Value::decimal(e.constant.asDecimal());
    if (e.constant.kind == ir::Constant::Kind::Int) return Value::integer(e.constant.asInt());
    if (e.constant.kind == ir::Constant::Kind::Bool) return Value::boolean(e.constant.asBool());
    break;
  case Op::Context: {
    const Value& v = in_.roles[static_cast<int>(e.role)];
    if (!v.isAbsent()) return v;
    break;
  }
  case Op::Field: {
    Value base = eval(*e.a);
    const Value& v = base.rec->fields[e.index];
    if (v.tag != Tag::Unset) return v;
    return field(base, e.index, e.range);
  }
  default: break;
  }
  return evalOp(e);
}

Value Evaluator::evalOp(const ir::Expr& e) {
  switch (e.op) {
  case Op::Const: return constant(e.constant, e.type);
  case Op::DateEvaluation: return Value::dateValue(in_.date);
  case Op::Context: {
    const Value& v = in_.roles[static_cast<int>(e.role)];
    if (v.isAbsent() && e.role == ir::Role::Candidature) {
      // No candidature given: every field (all optional) is absent.
      const ir::StructDecl& s = p_.structs[e.type->index];
      return Value::record(arena_.record(e.type->index, s.fields.size()));
    }
    if (v.isAbsent()) {
      static const char* names[] = {"demande", "logement", "candidature", "attribution"};
      fail(fmt::format("aucun(e) {} n'est fourni(e) pour cette évaluation", names[static_cast<int>(e.role)]), e.range);
    }
    return v;
  }
  case Op::Local: return locals_[e.index];
  case Op::Field: {
    Value base = eval(*e.a);
    return field(base, e.index, e.range);
  }
  case Op::OptionalField: {
    Value base = eval(*e.a);
    if (base.isAbsent()) return base;
    return field(base, e.index, e.range);
  }
  case Op::Unwrap: {
    Value v = eval(*e.a);
    if (v.isAbsent()) fail("valeur absente (bogue du compilateur : elle devait être présente)", e.range);
    return v;
  }
  case Op::Some: return eval(*e.a);
  case Op::Call: return evalCall(e);
  case Op::Param: {
    num::Date d = dateAt(e.b.get());
    const ir::DatedValue& v = paramVersion(e.index, d, e.range);
    return constant(v.value, e.type);
  }
  case Op::Table: return evalTable(e);
  case Op::TupleField: return field(eval(*e.a), e.index, e.range);
  case Op::Builtin: return evalBuiltin(e);
  case Op::IntToDecimal: return Value::decimal(num::Decimal::fromInt(eval(*e.a).i));
  case Op::IntNeg: {
    std::int64_t out;
    if (auto s = num::negInt(eval(*e.a).i, out); s != num::Status::Ok) failStatus(s, e.range, "opposé");
    return Value::integer(out);
  }
  case Op::DecimalNeg: {
    num::Decimal out;
    if (auto s = num::neg(eval(*e.a).asDecimal(), out); s != num::Status::Ok) failStatus(s, e.range, "opposé");
    return Value::decimal(out);
  }
  case Op::Not: return Value::boolean(!eval(*e.a).b);
  case Op::IntAdd:
  case Op::IntSub:
  case Op::IntMul: {
    std::int64_t a = eval(*e.a).i, b = eval(*e.b).i, out = 0;
    num::Status s = e.op == Op::IntAdd   ? num::addInt(a, b, out)
                    : e.op == Op::IntSub ? num::subInt(a, b, out)
                                         : num::mulInt(a, b, out);
    if (s != num::Status::Ok)
      failStatus(s, e.range, e.op == Op::IntAdd ? "addition" : e.op == Op::IntSub ? "soustraction" : "multiplication");
    return Value::integer(out);
  }
  case Op::IntDivToDecimal: {
    std::int64_t a = eval(*e.a).i, b = eval(*e.b).i;
    return Value::decimal(decDiv(num::Decimal::fromInt(a), num::Decimal::fromInt(b), e.range));
  }
  case Op::DecimalAdd:
  case Op::DecimalSub:
  case Op::DecimalMul:
  case Op::DecimalDiv: {
    // Left operand first (not as function arguments, whose order C++ leaves
    // unspecified): when both fail, the error reported is the left one's.
    num::Decimal a = eval(*e.a).asDecimal(), b = eval(*e.b).asDecimal();
    switch (e.op) {
    case Op::DecimalAdd: return Value::decimal(decAdd(a, b, e.range));
    case Op::DecimalSub: return Value::decimal(decSub(a, b, e.range));
    case Op::DecimalMul: return Value::decimal(decMul(a, b, e.range));
    default: return Value::decimal(decDiv(a, b, e.range));
    }
  }
  case Op::DateAddDuration:
  case Op::DateSubDuration: {
    num::Date d = eval(*e.a).asDate();
    std::int64_t n = eval(*e.b).i;
    const std::int64_t written = n;
    if (e.op == Op::DateSubDuration) {
      if (n == INT64_MIN) fail("durée hors limites", e.range);
      n = -n;
    }
    num::Date out;
    num::Status s = e.b->type->durationUnit == ir::DurationUnit::Days ? num::addDays(d, n, out)
                                                                      : num::addMonths(d, n, p_.endOfMonth, out);
    if (s != num::Status::Ok) {
      // Under `dates : erreur` a missing day is the likely cause; with an
      // end-of-month rule, only the calendar's range (years 1 to 9999) is.
      const num::YearMonthDay from = d.ymd();
      const bool near = n > -200000 && n < 200000; // beyond, no month of the calendar is reached
      const std::int64_t month = near ? from.year * 12 + (from.month - 1) + n : 0;
      const bool monthExists = month >= 12 && month < 10000 * 12;
      if (s == num::Status::InvalidDate && e.b->type->durationUnit == ir::DurationUnit::Months &&
          p_.endOfMonth == num::EndOfMonth::Error && monthExists && from.day > 28) {
        fail(fmt::format("{} {} {} mois : le {} {} {} n'existe pas ; déclarez `dates : fin de mois` ou `dates : "
                         "début du mois suivant` dans l'en-tête",
                         d.toString(), e.op == Op::DateSubDuration ? "−" : "+", written, from.day,
                         num::frenchMonth(static_cast<int>(month % 12) + 1), month / 12),
             e.range);
      }
      failStatus(s, e.range, "calcul de date");
    }
    return Value::dateValue(out);
  }
  case Op::DurationAdd:
  case Op::DurationSub:
  case Op::DurationMulInt: {
    std::int64_t a = eval(*e.a).i, b = eval(*e.b).i, out = 0;
    num::Status s = e.op == Op::DurationAdd   ? num::addInt(a, b, out)
                    : e.op == Op::DurationSub ? num::subInt(a, b, out)
                                              : num::mulInt(a, b, out);
    if (s != num::Status::Ok) failStatus(s, e.range, "durée");
    return Value::duration(out);
  }
  case Op::Compare: {
    Value a = eval(*e.a), b = eval(*e.b);
    if (e.cmp == ir::CompareOp::Eq) return Value::boolean(equalValues(a, b, e.operandType));
    if (e.cmp == ir::CompareOp::Ne) return Value::boolean(!equalValues(a, b, e.operandType));
    int c = compareValues(a, b, e.operandType);
    switch (e.cmp) {
    case ir::CompareOp::Lt: return Value::boolean(c < 0);
    case ir::CompareOp::Le: return Value::boolean(c <= 0);
    case ir::CompareOp::Gt: return Value::boolean(c > 0);
    default: return Value::boolean(c >= 0);
    }
  }
  case Op::And: return Value::boolean(eval(*e.a).b && eval(*e.b).b);
  case Op::Or: return Value::boolean(eval(*e.a).b || eval(*e.b).b);
  case Op::If: return eval(*e.a).b ? eval(*e.b) : eval(*e.c);
  case Op::Switch: {
    Value v = eval(*e.a);
    return eval(*e.args[e.cases[v.e]]);
  }
  case Op::Exists: return Value::boolean(!eval(*e.a).isAbsent());
  case Op::ExistsBind: {
    Value v = eval(*e.a);
    if (v.isAbsent()) return Value::boolean(false);
    locals_[e.slot] = v;
    return Value::boolean(true);
  }
  case Op::Default: {
    Value v = eval(*e.a);
    return v.isAbsent() ? eval(*e.b) : v;
  }
  case Op::Fail: fail(text(e.parts), e.range);
  case Op::Aggregate: return evalAggregate(e);
  case Op::Member: {
    Value item = eval(*e.a);
    Value list = eval(*e.b);
    for (const Value& x : list.lst->items)
      if (equalValues(item, x, e.operandType)) return Value::boolean(true);
    return Value::boolean(false);
  }
  case Op::Round: {
    num::Decimal x = eval(*e.a).asDecimal(), step = eval(*e.b).asDecimal(), out;
    if (auto s = num::roundTo(x, step, e.rounding, out); s != num::Status::Ok) {
      if (s == num::Status::Domain) fail("le pas d'arrondi doit être strictement positif", e.b->range);
      failStatus(s, e.range, "arrondi");
    }
    return Value::decimal(out);
  }
  case Op::MakeList: {
    List* l = arena_.list();
    for (const auto& a : e.args) l->items.push_back(eval(*a));
    return Value::list(l);
  }
  case Op::MakeRecord: {
    Record* r = arena_.record(e.index, e.args.size());
    for (std::size_t i = 0; i < e.args.size(); ++i) {
      const ir::Expr& a = *e.args[i];
      // A field the test leaves without value fails only when read.
      r->fields[i] = a.op == Op::Fail && a.parts.size() == 1 && !a.parts[0].value ? Value::unsetField(&a) : eval(a);
    }
    return Value::record(r);
  }
  case Op::CotationTotal: return Value::decimal(cotation(e.index).total);
  case Op::Criterion: {
    const CriterionResult& c = cotation(e.index).criteria[e.sub];
    return Value::decimal(e.flag ? c.brut : c.contribution);
  }
  case Op::RubriqueTotal: return Value::decimal(cotation(e.index).rubriques[e.sub]);
  case Op::QuotaHypothetical: return evalQuotaHypothetical(e);
  case Op::Eligible: {
    // Without a logement, a `pour logement` block that may refuse is not
    // evaluated: the demande is neither eligible nor ineligible, and a test
    // asserting either would sign off an answer nobody computed.
    if (in_.roles[static_cast<int>(ir::Role::Logement)].isAbsent())
      for (const ir::RuleBlockDecl& b : p_.ruleBlocks)
        if (b.forLogement &&
            std::any_of(b.rules.begin(), b.rules.end(), [](const ir::RuleDecl& r) { return r.refusal; }))
          fail(fmt::format("éligibilité non évaluée : le bloc `{}` ne s'évalue que pour un logement (`pour "
                           "logement`) et aucun logement n'est donné ; ajoutez `logement {{ … }}` au test",
                           b.name),
               e.range);
    return Value::boolean(eligible());
  }
  case Op::QuotaGroupField: return evalQuotaGroupField(e);
  case Op::ClassementIds: return evalClassementIds(e);
  }
  fail("opération inconnue (bogue du compilateur)", e.range);
}

Value Evaluator::evalCall(const ir::Expr& e) {
  const ir::DefinitionDecl& d = p_.definitions[e.index];
  // A parameterless definition has one value per context: compute it once.
  if (e.args.empty() && d.paramTypes.empty()) {
    std::optional<Value>& memo = definitionMemo_[e.index];
    if (memo) return *memo;
    Frame f(*this, d.slotCount);
    memo = eval(*d.body);
    return *memo;
  }
  // Arguments are evaluated in the caller's frame, then copied to the
  // callee's first slots.
  auto count = static_cast<std::uint32_t>(e.args.size());
  Value inlineArgs[Frame::kInline];
  std::unique_ptr<Value[]> heapArgs;
  if (count > Frame::kInline) heapArgs = std::make_unique<Value[]>(count);
  Value* args = heapArgs ? heapArgs.get() : inlineArgs;
  for (std::uint32_t i = 0; i < count; ++i) args[i] = eval(*e.args[i]);
  Frame f(*this, std::max(d.slotCount, count));
  std::copy(args, args + count, f.locals);
  return eval(*d.body);
}

Value Evaluator::evalBuiltin(const ir::Expr& e) {
  using B = ir::Builtin;
  switch (e.builtin) {
  case B::MinInt:
  case B::MaxInt: {
    std::int64_t best = eval(*e.args[0]).i;
    for (std::size_t i = 1; i < e.args.size(); ++i) {
      std::int64_t v = eval(*e.args[i]).i;
      best = e.builtin == B::MinInt ? std::min(best, v) : std::max(best, v);
    }
    return Value::integer(best);
  }
  case B::MinDecimal:
  case B::MaxDecimal: {
    num::Decimal best = eval(*e.args[0]).asDecimal();
    for (std::size_t i = 1; i < e.args.size(); ++i) {
      num::Decimal v = eval(*e.args[i]).asDecimal();
      best = e.builtin == B::MinDecimal ? std::min(best, v) : std::max(best, v);
    }
    return Value::decimal(best);
  }
  case B::MinDate:
  case B::MaxDate: {
    num::Date best = eval(*e.args[0]).asDate();
    for (std::size_t i = 1; i < e.args.size(); ++i) {
      num::Date v = eval(*e.args[i]).asDate();
      best = e.builtin == B::MinDate ? std::min(best, v) : std::max(best, v);
    }
    return Value::dateValue(best);
  }
  case B::MinDuration:
  case B::MaxDuration: {
    std::int64_t best = eval(*e.args[0]).i;
    for (std::size_t i = 1; i < e.args.size(); ++i) {
      std::int64_t v = eval(*e.args[i]).i;
      best = e.builtin == B::MinDuration ? std::min(best, v) : std::max(best, v);
    }
    return Value::duration(best);
  }
  case B::AbsInt: {
    std::int64_t v = eval(*e.args[0]).i;
    if (v == INT64_MIN) failStatus(num::Status::Overflow, e.range, "valeur absolue");
    return Value::integer(v < 0 ? -v : v);
  }
  case B::AbsDecimal: {
    num::Decimal v = eval(*e.args[0]).asDecimal();
    if (v.isNegative()) {
      num::Decimal out;
      if (auto s = num::neg(v, out); s != num::Status::Ok) failStatus(s, e.range, "valeur absolue");
      v = out;
    }
    return Value::decimal(v);
  }
  case B::MonthsBetween:
  case B::YearsBetween:
  case B::DaysBetween: {
    num::Date from = eval(*e.args[0]).asDate(), to = eval(*e.args[1]).asDate(); // in this order
    return Value::integer(e.builtin == B::MonthsBetween  ? num::monthsBetween(from, to)
                          : e.builtin == B::YearsBetween ? num::yearsBetween(from, to)
                                                         : num::daysBetween(from, to));
  }
  case B::Annual: return Value::decimal(decMul(eval(*e.args[0]).asDecimal(), num::Decimal::fromInt(12), e.range));
  case B::Monthly: return Value::decimal(decDiv(eval(*e.args[0]).asDecimal(), num::Decimal::fromInt(12), e.range));
  case B::YearOf: return Value::integer(eval(*e.args[0]).asDate().ymd().year);
  case B::MonthOf: return Value::integer(eval(*e.args[0]).asDate().ymd().month);
  case B::DayOf: return Value::integer(eval(*e.args[0]).asDate().ymd().day);
  case B::TextLength: {
    const std::string& s = *eval(*e.args[0]).text;
    std::int64_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return Value::integer(n);
  }
  }
  fail("fonction inconnue (bogue du compilateur)", e.range);
}

Value Evaluator::evalAggregate(const ir::Expr& e) {
  Value listValue = eval(*e.b);
  const List& list = *listValue.lst;
  using A = ir::AggregateOp;
  std::int64_t count = 0;
  num::Decimal sumD;
  std::int64_t sumI = 0;
  bool sumIsInt = e.aggregate == A::Sum && e.type->kind == ir::TypeKind::Int;
  std::optional<Value> best;
  if (e.aggregate == A::All) {
    for (const Value& item : list.items) {
      locals_[e.slot] = item;
      if (!eval(*e.c).b) return Value::boolean(false);
    }
    return Value::boolean(true);
  }
  for (const Value& item : list.items) {
    locals_[e.slot] = item;
    if (e.c && !eval(*e.c).b) continue;
    switch (e.aggregate) {
    case A::Count: ++count; break;
    case A::Sum: {
      Value v = eval(*e.a);
      if (sumIsInt) {
        if (num::addInt(sumI, v.i, sumI) != num::Status::Ok) failStatus(num::Status::Overflow, e.range, "somme");
      } else {
        sumD = decAdd(sumD, v.asDecimal(), e.range);
      }
      break;
    }
    case A::Max:
    case A::Min: {
      Value v = eval(*e.a);
      if (!best) {
        best = v;
      } else {
        int c = compareValues(v, *best, e.a->type);
        if ((e.aggregate == A::Max && c > 0) || (e.aggregate == A::Min && c < 0)) best = v;
      }
      break;
    }
    case A::First: return item;
    case A::All: break;
    case A::Any: return Value::boolean(true);
    }
  }
  switch (e.aggregate) {
  case A::Count: return Value::integer(count);
  case A::Sum: return sumIsInt ? Value::integer(sumI) : Value::decimal(sumD);
  case A::Max:
  case A::Min: return best ? *best : Value::absent();
  case A::First: return Value::absent();
  case A::All: return Value::boolean(true);
  case A::Any: return Value::boolean(false);
  }
  return Value::absent();
}

int compareValues(const Value& a, const Value& b, const ir::Type* type) {
  switch (ir::stripOptional(type)->kind) {
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration: return a.i < b.i ? -1 : a.i > b.i;
  case ir::TypeKind::Decimal: return a.d < b.d ? -1 : a.d > b.d;
  case ir::TypeKind::Date: return a.date < b.date ? -1 : a.date > b.date;
  case ir::TypeKind::Enum: return a.e < b.e ? -1 : a.e > b.e;
  case ir::TypeKind::Bool: return static_cast<int>(a.b) - static_cast<int>(b.b);
  case ir::TypeKind::Text: {
    int c = a.text->compare(*b.text);
    return c < 0 ? -1 : c > 0;
  }
  default: return 0;
  }
}

bool equalValues(const Value& a, const Value& b, const ir::Type* type) {
  if (a.isAbsent() || b.isAbsent()) return a.isAbsent() && b.isAbsent();
  const ir::Type* t = ir::stripOptional(type);
  if (t->kind == ir::TypeKind::List) {
    if (a.lst->items.size() != b.lst->items.size()) return false;
    for (std::size_t i = 0; i < a.lst->items.size(); ++i)
      if (!equalValues(a.lst->items[i], b.lst->items[i], t->element)) return false;
    return true;
  }
  if (t->kind == ir::TypeKind::Struct) return a.rec == b.rec;
  return compareValues(a, b, t) == 0;
}

} // namespace loge::interp::internal
