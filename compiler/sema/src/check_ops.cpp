// Semantic stage (internal): operators with units, comparisons, aggregates
// over lists and `selon`.
//
// Unit rules (SPEC principle 2, LANGUAGE-NOTES P7): + − and comparisons need
// the same unit; a unit times a unitless number keeps the unit; a unit
// divided by the same unit is a unitless décimal; entier promotes to décimal
// where a unitless décimal is expected; date ± durée is a date; durations
// of months and of days never mix.
#include "checker.h"

#include <fmt/ranges.h>

#include <cctype>
#include <functional>

namespace loge::sema::internal {

using ir::Op;
using ir::TypeKind;

const char* unitText(ir::Unit u) {
  switch (u) {
  case ir::Unit::None: return "sans unité";
  case ir::Unit::Euro: return "€";
  case ir::Unit::EuroPerMonth: return "€/mois";
  case ir::Unit::EuroPerYear: return "€/an";
  case ir::Unit::SquareMetre: return "m²";
  case ir::Unit::Points: return "points";
  }
  return "";
}

namespace {
bool isBareName(const ast::Expr& e) { return e.kind == ast::Expr::Kind::Name; }
} // namespace

ir::ExprPtr Checker::checkBinary(const ast::Expr& e, Env& env) {
  using B = ast::BinaryOp;
  if (e.binaryOp == B::And || e.binaryOp == B::Or) return checkLogical(e, env);
  ir::ExprPtr a, b;
  bool comparison = e.binaryOp == B::Eq || e.binaryOp == B::Ne || e.binaryOp == B::Lt || e.binaryOp == B::Le ||
                    e.binaryOp == B::Gt || e.binaryOp == B::Ge;
  if (comparison && isBareName(*e.a) && !isBareName(*e.b)) {
    // `paris_limitrophes = logement.zone`: type the right side first so a
    // bare enum value on the left can be resolved.
    b = checkExpr(*e.b, env);
    a = checkExpr(*e.a, env, b->type);
  } else {
    a = checkExpr(*e.a, env);
    b = checkExpr(*e.b, env, a->type);
  }
  if (a->type->kind == TypeKind::Error || b->type->kind == TypeKind::Error) return errorExpr(e.range);
  for (const auto* side : {&a, &b}) {
    const ir::Type* t = (*side)->type;
    if (ir::isOptional(t) || t->kind == TypeKind::Absent) {
      const ast::Expr& src = side == &a ? *e.a : *e.b;
      std::string p = pathOf(src);
      Diagnostic& d = diags_.report(DiagKind::UnguardedOptional, src.range, p.empty() ? "cette valeur" : "`" + p + "`",
                                    typeName(t));
      d.hint = comparison && t->kind != TypeKind::Absent
                   ? "utilisez `existe` ou `à défaut` ; pour tester l'absence, écrivez `non " +
                         (p.empty() ? std::string("…") : p) + " existe`"
                   : "utilisez `si … existe alors … sinon …` ou `à défaut`";
      return errorExpr(e.range);
    }
  }
  if (comparison) return checkComparison(e, std::move(a), std::move(b), env);
  return checkArithmetic(e, std::move(a), std::move(b), env);
}

ir::ExprPtr Checker::checkArithmetic(const ast::Expr& e, ir::ExprPtr a, ir::ExprPtr b, Env& env) {
  using B = ast::BinaryOp;
  const ir::Type* ta = a->type;
  const ir::Type* tb = b->type;
  const char* opText = e.binaryOp == B::Add ? "+" : e.binaryOp == B::Sub ? "-" : e.binaryOp == B::Mul ? "×" : "÷";
  auto make = [&](Op op, const ir::Type* t, ir::ExprPtr x, ir::ExprPtr y) {
    auto out = ir::makeExpr(op, t, e.range);
    out->a = std::move(x);
    out->b = std::move(y);
    return out;
  };
  auto toDecimal = [&](ir::ExprPtr x) { return coerce(std::move(x), types().decimal(), env, "opérande"); };
  auto bad = [&](const std::string& why) {
    diags_.report(DiagKind::TypeMismatch, e.range,
                  fmt::format("`{}` entre {} et {} : {}", opText, typeName(ta), typeName(tb), why));
    return errorExpr(e.range);
  };

  // Dates and durations.
  if (ta->kind == TypeKind::Date || tb->kind == TypeKind::Date || ta->kind == TypeKind::Duration ||
      tb->kind == TypeKind::Duration) {
    if (ta->kind == TypeKind::Date && tb->kind == TypeKind::Duration &&
        (e.binaryOp == B::Add || e.binaryOp == B::Sub)) {
      // A constant date on a day that every month has cannot need the rule.
      bool safeDay = a->op == Op::Const && a->constant.asDate().ymd().day <= 28;
      if (tb->durationUnit == ir::DurationUnit::Months && !program_->endOfMonthDeclared && !safeDay) {
        Diagnostic& d = diags_.report(DiagKind::EndOfMonthDependent, e.range, std::string("date ") + opText + " mois");
        d.hint = "déclarez la règle dans l'en-tête : `dates : fin de mois`, `dates : début du mois suivant` ou `dates "
                 ": erreur`";
      }
      return make(e.binaryOp == B::Add ? Op::DateAddDuration : Op::DateSubDuration, ta, std::move(a), std::move(b));
    }
    if (ta->kind == TypeKind::Duration && tb->kind == TypeKind::Duration &&
        (e.binaryOp == B::Add || e.binaryOp == B::Sub)) {
      if (ta != tb) {
        diags_.report(DiagKind::DurationMix, e.range,
                      "des mois et des jours ne s'additionnent pas (un mois n'a pas de durée fixe)");
        return errorExpr(e.range);
      }
      return make(e.binaryOp == B::Add ? Op::DurationAdd : Op::DurationSub, ta, std::move(a), std::move(b));
    }
    if (e.binaryOp == B::Mul && ta->kind == TypeKind::Duration && tb->kind == TypeKind::Int)
      return make(Op::DurationMulInt, ta, std::move(a), std::move(b));
    if (e.binaryOp == B::Mul && tb->kind == TypeKind::Duration && ta->kind == TypeKind::Int)
      return make(Op::DurationMulInt, tb, std::move(b), std::move(a));
    if (ta->kind == TypeKind::Date && tb->kind == TypeKind::Date && e.binaryOp == B::Sub)
      return bad("utilisez `jours_entre`, `mois_entre` ou `ans_entre`");
    return bad("opération non définie");
  }
  if (!ir::isNumeric(ta) || !ir::isNumeric(tb)) return bad("ce ne sont pas des nombres");

  // entier op entier
  if (ta->kind == TypeKind::Int && tb->kind == TypeKind::Int) {
    switch (e.binaryOp) {
    case B::Add: return make(Op::IntAdd, ta, std::move(a), std::move(b));
    case B::Sub: return make(Op::IntSub, ta, std::move(a), std::move(b));
    case B::Mul: return make(Op::IntMul, ta, std::move(a), std::move(b));
    default: {
      Interval iv = interval(*b);
      if (!(iv.lo && *iv.lo > 0) && !(iv.hi && *iv.hi < 0)) diags_.report(DiagKind::PossibleDivisionByZero, e.b->range);
      return make(Op::IntDivToDecimal, types().decimal(), std::move(a), std::move(b));
    }
    }
  }
  ir::Unit ua = ta->kind == TypeKind::Int ? ir::Unit::None : ta->unit;
  ir::Unit ub = tb->kind == TypeKind::Int ? ir::Unit::None : tb->unit;
  ir::Unit result = ir::Unit::None;
  switch (e.binaryOp) {
  case B::Add:
  case B::Sub:
    if (ua != ub) {
      Diagnostic& d = diags_.report(DiagKind::UnitMismatch, e.range,
                                    fmt::format("`{}` entre {} et {}", opText, unitText(ua), unitText(ub)));
      if (ua == ir::Unit::None || ub == ir::Unit::None)
        d.hint = "écrivez l'unité du nombre, par exemple `16 m²` ou `3 €`";
      else if ((ua == ir::Unit::EuroPerMonth && ub == ir::Unit::EuroPerYear) ||
               (ua == ir::Unit::EuroPerYear && ub == ir::Unit::EuroPerMonth))
        d.hint = "convertissez avec `annuel(…)` ou `mensuel(…)`";
      else if ((ua == ir::Unit::Euro) != (ub == ir::Unit::Euro)) {
        // `ressources - 100 €`: the number lacks its period.
        const ast::Expr& bare = ua == ir::Unit::Euro ? *e.a : *e.b;
        const ir::Unit other = ua == ir::Unit::Euro ? ub : ua;
        if (bare.kind == ast::Expr::Kind::Number && (other == ir::Unit::EuroPerMonth || other == ir::Unit::EuroPerYear))
          d.hint = fmt::format("écrivez `{} {}`", bare.text, unitText(other));
      }
      return errorExpr(e.range);
    }
    result = ua;
    break;
  case B::Mul:
    if (ua != ir::Unit::None && ub != ir::Unit::None) {
      diags_.report(DiagKind::UnitMismatch, e.range,
                    fmt::format("le produit de {} par {} n'a pas de sens", unitText(ua), unitText(ub)));
      return errorExpr(e.range);
    }
    result = ua != ir::Unit::None ? ua : ub;
    break;
  default:
    if (ub != ir::Unit::None && ua != ub) {
      Diagnostic& d =
          diags_.report(DiagKind::UnitMismatch, e.range,
                        fmt::format("la division de {} par {} n'a pas de sens", unitText(ua), unitText(ub)));
      // A rent over yearly resources: the ratio of two amounts of one period.
      const bool monthly = ua == ir::Unit::EuroPerMonth && ub == ir::Unit::EuroPerYear;
      const bool yearly = ua == ir::Unit::EuroPerYear && ub == ir::Unit::EuroPerMonth;
      if (monthly || yearly) {
        const std::string divisor = sourceText(e.b->range);
        d.hint = fmt::format("un taux rapporte deux montants de même période : `{} ÷ {}({})`", sourceText(e.a->range),
                             monthly ? "mensuel" : "annuel", divisor);
      }
      return errorExpr(e.range);
    }
    result = ub == ir::Unit::None ? ua : ir::Unit::None;
    if (std::string path = pathOf(*e.b);
        !path.empty() && std::find(env.narrowed.begin(), env.narrowed.end(), nonZeroKey(path)) != env.narrowed.end()) {
      // A guard proved it (`si r > 0 € alors x ÷ r`).
    } else if (b->type->kind == TypeKind::Int) {
      Interval iv = interval(*b);
      if (!(iv.lo && *iv.lo > 0) && !(iv.hi && *iv.hi < 0)) diags_.report(DiagKind::PossibleDivisionByZero, e.b->range);
    } else if (!provablyPositive(*b)) {
      diags_.report(DiagKind::PossibleDivisionByZero, e.b->range);
    }
    break;
  }
  // Bring an entier operand to the unit of the other, as a plain number.
  if (a->type->kind == TypeKind::Int) a = toDecimal(std::move(a));
  if (b->type->kind == TypeKind::Int) b = toDecimal(std::move(b));
  const ir::Type* t = types().decimal(result);
  switch (e.binaryOp) {
  case B::Add: return make(Op::DecimalAdd, t, std::move(a), std::move(b));
  case B::Sub: return make(Op::DecimalSub, t, std::move(a), std::move(b));
  case B::Mul: return make(Op::DecimalMul, t, std::move(a), std::move(b));
  default: return make(Op::DecimalDiv, t, std::move(a), std::move(b));
  }
}

namespace {

// What to write when two numbers of different units meet: the monthly and
// yearly amounts convert with `annuel` and `mensuel` (LANGUAGE-NOTES); a
// number written in the policy (`demande.revenu < 15000 €`) takes the other
// side's unit, which the hint spells out.
std::string unitHint(const ast::Expr& e, const ir::Type* a, const ir::Type* b,
                     const std::function<std::string(const ast::Expr&)>& written) {
  using ir::Unit;
  auto unit = [](const ir::Type* t) { return t->kind == TypeKind::Decimal ? t->unit : Unit::None; };
  Unit ua = unit(a), ub = unit(b);
  if ((ua == Unit::EuroPerMonth && ub == Unit::EuroPerYear) || (ua == Unit::EuroPerYear && ub == Unit::EuroPerMonth))
    return "convertissez l'un des deux côtés : `annuel(x)` donne le montant annuel d'un montant mensuel (× 12), "
           "`mensuel(x)` le montant mensuel d'un montant annuel (÷ 12)";
  auto literal = [](const ast::Expr& side) { return side.kind == ast::Expr::Kind::Number; };
  if (literal(*e.b) && ua != Unit::None)
    return fmt::format("les deux côtés doivent avoir la même unité : écrivez `{} {}`", written(*e.b), unitText(ua));
  if (literal(*e.a) && ub != Unit::None)
    return fmt::format("les deux côtés doivent avoir la même unité : écrivez `{} {}`", written(*e.a), unitText(ub));
  const bool periodic =
      ua == Unit::EuroPerMonth || ua == Unit::EuroPerYear || ub == Unit::EuroPerMonth || ub == Unit::EuroPerYear;
  if (periodic && (ua == Unit::Euro || ub == Unit::Euro))
    return "un montant (€) n'a pas de période, un montant mensuel ou annuel en a une : déclarez le champ avec la "
           "sienne (`montant mensuel`, `montant annuel`) s'il en a une";
  return "les deux côtés doivent avoir la même unité";
}

// `31/02/2024` in a policy: three numbers divided. The date it meant, in
// the language's form, or "".
std::string frenchDate(const ast::Expr& e) {
  using K = ast::Expr::Kind;
  auto isDiv = [](const ast::Expr& x) { return x.kind == K::Binary && x.binaryOp == ast::BinaryOp::Div && x.a && x.b; };
  auto number = [](const ast::Expr& x) {
    return x.kind == K::Number && x.text.find_first_not_of("0123456789") == std::string::npos;
  };
  if (!isDiv(e) || !isDiv(*e.a) || !number(*e.a->a) || !number(*e.a->b) || !number(*e.b)) return "";
  const std::string& day = e.a->a->text;
  const std::string& month = e.a->b->text;
  const std::string& year = e.b->text;
  if (day.size() > 2 || month.size() > 2 || year.size() != 4) return "";
  auto two = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
  return year + "-" + two(month) + "-" + two(day);
}

} // namespace

ir::ExprPtr Checker::checkComparison(const ast::Expr& e, ir::ExprPtr a, ir::ExprPtr b, Env& env) {
  using B = ast::BinaryOp;
  const ir::Type* t = unify(a->type, b->type);
  bool ordering = e.binaryOp != B::Eq && e.binaryOp != B::Ne;
  if (!t) {
    Diagnostic& d = diags_.report(DiagKind::TypeMismatch, e.range,
                                  "comparaison entre " + typeName(a->type) + " et " + typeName(b->type));
    const ir::Type* ta = a->type;
    const ir::Type* tb = b->type;
    // The number as the author wrote it (`1_000`, not 1000), without its unit.
    auto written = [&](const ast::Expr& n) {
      const std::string text = sourceText(n.range);
      std::size_t end = 0;
      while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '_' ||
                                   text[end] == '.' || text[end] == '-'))
        ++end;
      return end > 0 ? text.substr(0, end) : n.text;
    };
    if (ir::isNumeric(ta) && ir::isNumeric(tb)) d.hint = unitHint(e, ta, tb, written);
    auto is = [](const ir::Type* x, TypeKind k) { return ir::stripOptional(x)->kind == k; };
    // `demande.dalo = "oui"`: a yes/no field compared with a word.
    if ((is(ta, TypeKind::Bool) && is(tb, TypeKind::Text)) || (is(ta, TypeKind::Text) && is(tb, TypeKind::Bool))) {
      std::string path = pathOf(is(ta, TypeKind::Bool) ? *e.a : *e.b);
      d.hint = path.empty() ? "un booléen vaut `vrai` ou `faux`, pas un texte"
                            : fmt::format("un booléen vaut `vrai` ou `faux` : écrivez la condition seule (`{}`), "
                                          "ou sa négation (`non {}`)",
                                          path, path);
    }
    // `demande.zone = "a"`: an enumeration's value written as a text.
    if (is(ta, TypeKind::Enum) != is(tb, TypeKind::Enum) && (is(ta, TypeKind::Text) || is(tb, TypeKind::Text))) {
      const ir::EnumDecl& en = program_->enums[ir::stripOptional(is(ta, TypeKind::Enum) ? ta : tb)->index];
      const ast::Expr& text = is(ta, TypeKind::Text) ? *e.a : *e.b;
      std::string value;
      if (text.kind == ast::Expr::Kind::String)
        for (const std::string& v : en.values)
          if (ast::foldName(v) == ast::foldName(text.text)) value = v;
      d.hint = !value.empty()
                   ? fmt::format("une valeur d'énumération s'écrit sans guillemets : `{}`", value)
                   : fmt::format("une valeur d'énumération s'écrit sans guillemets ; les valeurs de `{}` : {}", en.name,
                                 fmt::join(en.values, ", "));
    }
    // A date compared with a number: `31/02/2024`, `2020` (a year).
    if (is(ta, TypeKind::Date) != is(tb, TypeKind::Date) && (ir::isNumeric(ta) || ir::isNumeric(tb))) {
      const ast::Expr& number = is(ta, TypeKind::Date) ? *e.b : *e.a;
      std::string date = frenchDate(number);
      if (!date.empty())
        d.hint = fmt::format("une date s'écrit année-mois-jour : `{}`", date);
      else if (number.kind == ast::Expr::Kind::Number && number.text.size() == 4)
        d.hint = fmt::format("une date s'écrit année-mois-jour : `{}-01-01` ; l'année d'une date est `annee(d)`",
                             number.text);
      else
        d.hint = "une date s'écrit année-mois-jour (`2024-02-29`) ; entre deux dates, `jours_entre`, `mois_entre` "
                 "et `ans_entre` donnent un entier";
    }
    // `demande.date_depot < "2024-01-01"`: a date written as a text.
    if ((is(ta, TypeKind::Date) && is(tb, TypeKind::Text)) || (is(ta, TypeKind::Text) && is(tb, TypeKind::Date))) {
      const ast::Expr& text = is(ta, TypeKind::Text) ? *e.a : *e.b;
      std::optional<num::Date> date;
      if (text.kind == ast::Expr::Kind::String) {
        date = num::Date::parse(text.text);
        if (!date) date = num::Date::parseFrench(text.text);
      }
      d.hint = date ? fmt::format("une date s'écrit sans guillemets, année-mois-jour : `{}`", date->toString())
                    : "une date s'écrit sans guillemets, année-mois-jour : `2024-01-01`";
    }
    // `demande.age > 65 ans`: an age kept as a number of years.
    if ((is(ta, TypeKind::Int) && is(tb, TypeKind::Duration)) ||
        (is(ta, TypeKind::Duration) && is(tb, TypeKind::Int))) {
      const ast::Expr& duration = is(ta, TypeKind::Duration) ? *e.a : *e.b;
      const ast::Expr& integer = is(ta, TypeKind::Duration) ? *e.b : *e.a;
      const ir::Type* durationType = ir::stripOptional(is(ta, TypeKind::Duration) ? ta : tb);
      if (duration.kind != ast::Expr::Kind::Number && integer.kind == ast::Expr::Kind::Number)
        // `demande.anciennete > 24`: the number is a duration too.
        d.hint = fmt::format("une durée se compare à une durée : écrivez `{} {}`", written(integer),
                             durationType->durationUnit == ir::DurationUnit::Days ? "jours" : "mois");
      else if (duration.kind == ast::Expr::Kind::Number)
        d.hint = fmt::format("un entier se compare à un nombre sans unité : écrivez `{}` ; entre deux dates, "
                             "`ans_entre(d1, d2)` et `mois_entre(d1, d2)` donnent un entier",
                             duration.text);
      else
        d.hint = "entre deux dates, `ans_entre(d1, d2)` et `mois_entre(d1, d2)` donnent un entier, qui se compare "
                 "à un entier";
    }
    return errorExpr(e.range);
  }
  bool orderable = t->kind == TypeKind::Int || t->kind == TypeKind::Decimal || t->kind == TypeKind::Date ||
                   t->kind == TypeKind::Duration || t->kind == TypeKind::Enum;
  bool equatable = orderable || t->kind == TypeKind::Bool || t->kind == TypeKind::Text;
  if ((ordering && !orderable) || !equatable) {
    diags_.report(DiagKind::TypeMismatch, e.range,
                  std::string(ordering ? "les valeurs de type " : "l'égalité entre valeurs de type ") + typeName(t) +
                      (ordering ? " ne s'ordonnent pas" : " n'est pas définie"));
    return errorExpr(e.range);
  }
  // `loyer ÷ ressources ≤ 35`: always true (or false), silently.
  if (t->kind == TypeKind::Decimal && t->unit == ir::Unit::None) warnRatioAgainstPercent(*a, *b, *e.a, *e.b);
  auto out = ir::makeExpr(Op::Compare, types().boolean(), e.range);
  switch (e.binaryOp) {
  case B::Eq: out->cmp = ir::CompareOp::Eq; break;
  case B::Ne: out->cmp = ir::CompareOp::Ne; break;
  case B::Lt: out->cmp = ir::CompareOp::Lt; break;
  case B::Le: out->cmp = ir::CompareOp::Le; break;
  case B::Gt: out->cmp = ir::CompareOp::Gt; break;
  default: out->cmp = ir::CompareOp::Ge; break;
  }
  out->operandType = t;
  out->a = coerce(std::move(a), t, env, "opérande");
  out->b = coerce(std::move(b), t, env, "opérande");
  return out;
}

// nombre de / somme de / maximum de / minimum de / premier / tous / au moins un
ir::ExprPtr Checker::checkAggregate(const ast::Expr& e, Env& env) {
  auto list = checkExpr(*e.b, env);
  if (list->type->kind == TypeKind::Error) return errorExpr(e.range);
  if (list->type->kind != TypeKind::List) {
    std::string p = pathOf(*e.b);
    if (ir::isOptional(list->type) && ir::stripOptional(list->type)->kind == TypeKind::List) {
      Diagnostic& d = diags_.report(DiagKind::UnguardedOptional, e.b->range, p.empty() ? "cette liste" : "`" + p + "`",
                                    typeName(list->type));
      d.hint = "utilisez `existe` ou `à défaut []`";
    } else {
      diags_.report(DiagKind::NotAList, e.b->range, p.empty() ? "cette expression" : p, typeName(list->type));
    }
    return errorExpr(e.range);
  }
  std::size_t mark = env.binders.size();
  std::size_t narrowMark = env.narrowed.size();
  auto out = ir::makeExpr(Op::Aggregate, types().integer(), e.range);
  out->slot = bind(env, e.name, list->type->element);
  out->b = std::move(list);
  if (e.c) out->c = checkCondition(*e.c, env);
  switch (e.aggregate) {
  case ast::AggregateKind::Count: out->aggregate = ir::AggregateOp::Count; break;
  case ast::AggregateKind::Sum:
  case ast::AggregateKind::Max:
  case ast::AggregateKind::Min: {
    auto v = checkExpr(*e.a, env);
    const ir::Type* t = v->type;
    bool sum = e.aggregate == ast::AggregateKind::Sum;
    bool ok = ir::isNumeric(t) || (!sum && t->kind == TypeKind::Date);
    if (!ok && t->kind != TypeKind::Error) {
      diags_.report(DiagKind::TypeMismatch, e.a->range,
                    std::string(sum ? "`somme de` additionne des nombres"
                                    : "`maximum de`/`minimum de` comparent des nombres ou des dates") +
                        " ; trouvé " + typeName(t));
    }
    out->aggregate = sum                                      ? ir::AggregateOp::Sum
                     : e.aggregate == ast::AggregateKind::Max ? ir::AggregateOp::Max
                                                              : ir::AggregateOp::Min;
    out->type = sum ? t : types().optional(t);
    out->a = std::move(v);
    break;
  }
  case ast::AggregateKind::First:
    out->aggregate = ir::AggregateOp::First;
    out->type = types().optional(out->b->type->element);
    break;
  case ast::AggregateKind::All:
    out->aggregate = ir::AggregateOp::All;
    out->type = types().boolean();
    break;
  case ast::AggregateKind::Any:
    out->aggregate = ir::AggregateOp::Any;
    out->type = types().boolean();
    break;
  }
  unbind(env, mark);
  env.narrowed.resize(narrowMark);
  return out;
}

ir::ExprPtr Checker::checkSelon(const ast::Expr& e, Env& env, const ir::Type* expected) {
  auto scrutinee = checkExpr(*e.a, env);
  const ir::Type* st = scrutinee->type;
  if (st->kind == TypeKind::Error) return errorExpr(e.range);
  if (st->kind != TypeKind::Enum) {
    Diagnostic& d =
        diags_.report(DiagKind::TypeMismatch, e.a->range, "`selon` porte sur une énumération ; trouvé " + typeName(st));
    if (ir::isOptional(st)) d.hint = "vérifiez d'abord sa présence avec `existe`";
    return errorExpr(e.range);
  }
  const ir::EnumDecl& en = program_->enums[st->index];
  auto out = ir::makeExpr(Op::Switch, types().error(), e.range);
  out->cases.assign(en.values.size(), UINT32_MAX);
  std::vector<ir::ExprPtr> values;
  bool hasDefault = false;
  const ir::Type* t = expected;
  for (const ast::SelonArm& arm : e.arms) {
    auto v = checkExpr(*arm.value, env, t);
    const ir::Type* u = t ? unify(t, v->type) : v->type;
    if (!u) {
      diags_.report(DiagKind::TypeMismatch, arm.value->range,
                    "les cas de `selon` doivent avoir le même type : " + typeName(t) + " et " + typeName(v->type));
      return errorExpr(e.range);
    }
    t = u;
    auto armIndex = static_cast<std::uint32_t>(values.size());
    values.push_back(std::move(v));
    if (arm.cases.empty()) {
      hasDefault = true;
      out->sub = armIndex;
      continue;
    }
    for (const ast::Ident& c : arm.cases) {
      auto idx = lookupEnumValue(st, ast::foldName(c.text));
      if (!idx) {
        Diagnostic& d = diags_.report(DiagKind::UnknownEnumValue, c.range, c.text, en.name);
        d.hint = suggest(c.text, en.values);
        continue;
      }
      if (out->cases[*idx] != UINT32_MAX) {
        diags_.report(DiagKind::DuplicateSelonCase, c.range, c.text);
        continue;
      }
      out->cases[*idx] = armIndex;
    }
  }
  if (!hasDefault) {
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < en.values.size(); ++i)
      if (out->cases[i] == UINT32_MAX) missing.push_back("`" + en.values[i] + "`");
    if (!missing.empty()) {
      Diagnostic& d = diags_.report(DiagKind::NonExhaustiveSelon, e.range, fmt::format("{}", fmt::join(missing, ", ")));
      d.hint = "ajoutez ces cas, ou un cas `sinon → …`";
    }
  } else {
    for (auto& c : out->cases)
      if (c == UINT32_MAX) c = out->sub;
  }
  out->type = t ? t : types().error();
  for (auto& v : values) out->args.push_back(coerce(std::move(v), out->type, env, "cas de `selon`"));
  out->a = std::move(scrutinee);
  return out;
}

} // namespace loge::sema::internal
