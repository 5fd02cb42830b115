// Semantic stage (internal): expression checking — dispatch, literals,
// coercions, binders, narrowing, conditionals and logical operators.
//
// Scoping of `existe` facts: a binder (`existe comme x`) or a narrowed path
// (`P existe`) introduced by a condition stays visible to the right operand
// of `et` and to the `alors` branch of the enclosing `si`, and nowhere else.
// Every other construct drops the facts its operands introduced.
#include "checker.h"

#include "loge/numeric/date.h"

#include <fmt/format.h>

#include <charconv>

namespace loge::sema::internal {

using ir::Op;
using ir::TypeKind;

ir::ExprPtr Checker::errorExpr(SourceRange r) {
  auto e = ir::makeExpr(Op::Fail, types().error(), r);
  e->parts.push_back({"expression invalide", nullptr});
  return e;
}

std::uint32_t Checker::bind(Env& env, const ast::Ident& name, const ir::Type* type) {
  std::string folded = ast::foldName(name.text);
  ir::Role role;
  bool clash = isRoleName(folded, role) || folded == "date_evaluation";
  for (const Binder& b : env.binders) clash |= b.folded == folded;
  if (clash) diags_.report(DiagKind::ShadowedBinder, name.range, name.text);
  std::uint32_t slot = (*env.slots)++;
  env.binders.push_back({folded, slot, type, name.range});
  return slot;
}

void Checker::unbind(Env& env, std::size_t count) {
  if (env.binders.size() > count) env.binders.resize(count);
}

bool Checker::useRole(Env& env, ir::Role role, SourceRange range) {
  std::uint32_t bit = 1u << static_cast<int>(role);
  if (!(env.allowedRoles & bit)) {
    std::string name = roleName(role);
    std::string msg = "`" + name + "` n'est pas disponible dans " + env.where;
    Diagnostic& d = diags_.report(DiagKind::ContextUnavailable, range, msg);
    if ((role == ir::Role::Logement || role == ir::Role::Candidature) && !env.missingPourLogement.empty())
      d.hint = fmt::format("ajoutez `pour logement` à la déclaration : `{} pour logement {{`", env.missingPourLogement);
    else if (role == ir::Role::Logement)
      d.hint = "seuls les blocs `pour logement` et les classements `pour logement` connaissent le logement proposé";
    else if (role == ir::Role::Candidature)
      d.hint = "la candidature (données du couple demande × logement) n'existe que dans les blocs `pour logement` et "
               "les classements";
    else if (role == ir::Role::Attribution)
      d.hint = "`attribution` n'existe que dans un quota";
    else if (role == ir::Role::Demande && (env.allowedRoles & (1u << static_cast<int>(ir::Role::Attribution))))
      d.hint = "dans un quota, la demande se lit par `attribution.demande`";
    return false;
  }
  if (!program_->schema.roles[static_cast<int>(role)]) {
    diags_.report(DiagKind::NoSchema, range, roleName(role));
    return false;
  }
  env.usedRoles |= bit;
  return true;
}

namespace {

// A comparison of a path with a number literal, as `path OP literal` (a
// mirrored `literal OP path` turned around; `negated`: what its falsity
// says, for the `sinon` branch). False when it is not one.
struct PathComparison {
  std::string path;
  ast::BinaryOp op;
  std::string literal; // as written, without `_`
};

bool pathComparison(const ast::Expr& e, bool negated, PathComparison& out) {
  using B = ast::BinaryOp;
  if (e.kind != ast::Expr::Kind::Binary || !e.a || !e.b) return false;
  auto mirrored = [](B op) {
    switch (op) {
    case B::Lt: return B::Gt;
    case B::Le: return B::Ge;
    case B::Gt: return B::Lt;
    case B::Ge: return B::Le;
    default: return op;
    }
  };
  auto inverted = [](B op) {
    switch (op) {
    case B::Eq: return B::Ne;
    case B::Ne: return B::Eq;
    case B::Lt: return B::Ge;
    case B::Le: return B::Gt;
    case B::Gt: return B::Le;
    case B::Ge: return B::Lt;
    default: return op;
    }
  };
  const B op = negated ? inverted(e.binaryOp) : e.binaryOp;
  if (op != B::Eq && op != B::Ne && op != B::Lt && op != B::Le && op != B::Gt && op != B::Ge) return false;
  auto take = [&](const ast::Expr& pathSide, const ast::Expr& literalSide, B o) {
    if (literalSide.kind != ast::Expr::Kind::Number) return false;
    out.path = Checker::pathOf(pathSide);
    if (out.path.empty()) return false;
    out.op = o;
    out.literal.clear();
    for (char c : literalSide.text)
      if (c != '_') out.literal += c;
    return true;
  };
  return take(*e.a, *e.b, op) || take(*e.b, *e.a, mirrored(op));
}

} // namespace

std::string Checker::nonZeroFact(const ast::Expr& e, bool negated) {
  using B = ast::BinaryOp;
  PathComparison c;
  if (!pathComparison(e, negated, c)) return "";
  auto k = num::Decimal::parse(c.literal);
  if (!k) return "";
  const num::Decimal zero;
  bool nonZero = (c.op == B::Gt && !(*k < zero)) || (c.op == B::Ge && zero < *k) || (c.op == B::Ne && *k == zero);
  return nonZero ? nonZeroKey(c.path) : "";
}

std::string Checker::boundFact(const ast::Expr& e, bool negated) {
  using B = ast::BinaryOp;
  PathComparison c;
  if (!pathComparison(e, negated, c) || c.literal.find('.') != std::string::npos) return "";
  std::int64_t k = 0;
  const char* end = c.literal.data() + c.literal.size();
  if (std::from_chars(c.literal.data(), end, k).ptr != end || k <= INT64_MIN + 1 || k >= INT64_MAX - 1) return "";
  switch (c.op) {
  case B::Ge: return boundKey('>', k, c.path);
  case B::Gt: return boundKey('>', k + 1, c.path);
  case B::Le: return boundKey('<', k, c.path);
  case B::Lt: return boundKey('<', k - 1, c.path);
  case B::Eq: return boundKey('=', k, c.path);
  default: return "";
  }
}

Interval Checker::narrowedInterval(Interval iv, const std::string& path, const Env& env) {
  if (path.empty()) return iv;
  for (const std::string& f : env.narrowed) {
    // '>' (at least), '<' (at most) or '=', the bound, a space, the path.
    const std::size_t space = f.find(' ');
    if (f.size() < 3 || space == std::string::npos || f.compare(space + 1, std::string::npos, path) != 0) continue;
    const char kind = f[0];
    if (kind != '>' && kind != '<' && kind != '=') continue;
    std::int64_t k = 0;
    if (std::from_chars(f.data() + 1, f.data() + space, k).ptr != f.data() + space) continue;
    if (kind != '<' && (!iv.lo || *iv.lo < k)) iv.lo = k;
    if (kind != '>' && (!iv.hi || *iv.hi > k)) iv.hi = k;
  }
  return iv;
}

void Checker::elseFacts(const ast::Expr& condition, std::vector<std::string>& facts) {
  // `non (A ou B)` is `non A et non B`: both facts hold in `sinon`.
  if (condition.kind == ast::Expr::Kind::Binary && condition.binaryOp == ast::BinaryOp::Or && condition.a &&
      condition.b) {
    elseFacts(*condition.a, facts);
    elseFacts(*condition.b, facts);
    return;
  }
  if (std::string f = nonZeroFact(condition, true); !f.empty()) facts.push_back(f);
  if (std::string f = boundFact(condition, true); !f.empty()) facts.push_back(f);
}

std::string Checker::pathOf(const ast::Expr& e) {
  if (e.kind == ast::Expr::Kind::Name) return ast::foldName(e.name.text);
  if (e.kind == ast::Expr::Kind::Field) {
    std::string base = pathOf(*e.a);
    return base.empty() ? "" : base + "." + ast::foldName(e.name.text);
  }
  return "";
}

const ir::Type* Checker::unify(const ir::Type* a, const ir::Type* b) {
  if (a == b) return a;
  if (a->kind == TypeKind::Error) return b;
  if (b->kind == TypeKind::Error) return a;
  if (a->kind == TypeKind::Absent) return types().optional(b);
  if (b->kind == TypeKind::Absent) return types().optional(a);
  bool optional = ir::isOptional(a) || ir::isOptional(b);
  const ir::Type* sa = ir::stripOptional(a);
  const ir::Type* sb = ir::stripOptional(b);
  const ir::Type* base = nullptr;
  if (sa == sb)
    base = sa;
  else if (sa->kind == TypeKind::Int && sb->kind == TypeKind::Decimal && sb->unit == ir::Unit::None)
    base = sb;
  else if (sb->kind == TypeKind::Int && sa->kind == TypeKind::Decimal && sa->unit == ir::Unit::None)
    base = sa;
  if (!base) return nullptr;
  return optional ? types().optional(base) : base;
}

ir::ExprPtr Checker::coerce(ir::ExprPtr e, const ir::Type* to, Env& env, const char* what) {
  const ir::Type* from = e->type;
  if (from->kind == TypeKind::Error && e->op == Op::Fail && to->kind != TypeKind::Error) {
    // `erreur "…"` takes the type its context expects.
    e->type = to;
    return e;
  }
  if (from == to || from->kind == TypeKind::Error || to->kind == TypeKind::Error) return e;
  if (from->kind == TypeKind::Absent && ir::isOptional(to)) {
    e->type = to;
    return e;
  }
  const ir::Type* target = ir::stripOptional(to);
  if (from == target) {
    // T fits T?: made explicit so back ends need not re-derive it.
    auto some = ir::makeExpr(Op::Some, to, e->range);
    some->a = std::move(e);
    return some;
  }
  if (from->kind == TypeKind::Int && target->kind == TypeKind::Decimal &&
      (target->unit == ir::Unit::None || (env.inTest && e->op == Op::Const))) {
    // entier → décimal; in tests a bare integer also reads as points/€
    // against a value of that unit (the sketch's `attendu … = 436`).
    ir::ExprPtr c;
    if (e->op == Op::Const) {
      e->constant = ir::Constant::decimal(num::Decimal::fromInt(e->constant.asInt()));
      e->type = target;
      c = std::move(e);
    } else {
      c = ir::makeExpr(Op::IntToDecimal, target, e->range);
      c->a = std::move(e);
    }
    return target == to ? std::move(c) : coerce(std::move(c), to, env, what);
  }
  if (from->kind == TypeKind::List && target->kind == TypeKind::List && e->op == Op::MakeList) {
    const ir::Type* el = target->element;
    for (auto& item : e->args) item = coerce(std::move(item), el, env, what);
    e->type = target;
    return e;
  }
  if (ir::isOptional(from) && !ir::isOptional(to)) {
    // The value as written, when it is short enough to quote.
    const std::string text = sourceText(e->range);
    const bool quotable = !text.empty() && text.size() <= 60 && text.find('\n') == std::string::npos;
    Diagnostic& d = diags_.report(DiagKind::UnguardedOptional, e->range, quotable ? "`" + text + "`" : "cette valeur",
                                  typeName(from));
    d.hint = "utilisez `si … existe alors … sinon …` ou `à défaut`";
    return errorExpr(e->range);
  }
  Diagnostic& d = diags_.report(DiagKind::TypeMismatch, e->range,
                                std::string(what) + " : attendu " + typeName(to) + ", trouvé " + typeName(from));
  if (target->kind == TypeKind::Decimal && target->unit != ir::Unit::None &&
      (from->kind == TypeKind::Int || (from->kind == TypeKind::Decimal && from->unit == ir::Unit::None))) {
    static const char* units[] = {"", "€", "€/mois", "€/an", "m²", "points"};
    d.hint = std::string("écrivez l'unité, par exemple `… ") + units[static_cast<int>(target->unit)] + "`";
  }
  // `dalo = "vrai"`: the word, quoted.
  if (target->kind == TypeKind::Bool && e->op == Op::Const && e->constant.kind == ir::Constant::Kind::Text) {
    const std::string word = ast::foldName(e->constant.text);
    if (word == "vrai" || word == "faux" || word == "oui" || word == "non" || word == "true" || word == "false")
      d.hint = fmt::format("un booléen s'écrit sans guillemets : `{}`",
                           word == "vrai" || word == "oui" || word == "true" ? "vrai" : "faux");
  }
  // `ressources_mensuelles = 1_500 €/an`: the other period.
  if (target->kind == TypeKind::Decimal && from->kind == TypeKind::Decimal &&
      ((target->unit == ir::Unit::EuroPerMonth && from->unit == ir::Unit::EuroPerYear) ||
       (target->unit == ir::Unit::EuroPerYear && from->unit == ir::Unit::EuroPerMonth)))
    d.hint = target->unit == ir::Unit::EuroPerMonth
                 ? "un montant mensuel s'écrit en €/mois ; d'un montant annuel, `mensuel(x)` donne le mensuel (÷ 12)"
                 : "un montant annuel s'écrit en €/an ; d'un montant mensuel, `annuel(x)` donne l'annuel (× 12)";
  // `loyer_maximal = 450 €` for a montant mensuel: the period is missing.
  auto euroUnit = [](ir::Unit u) {
    return u == ir::Unit::Euro || u == ir::Unit::EuroPerMonth || u == ir::Unit::EuroPerYear;
  };
  if (target->kind == TypeKind::Decimal && from->kind == TypeKind::Decimal && euroUnit(target->unit) &&
      euroUnit(from->unit) && (target->unit == ir::Unit::Euro || from->unit == ir::Unit::Euro)) {
    const char* unit = unitText(target->unit);
    if (e->op == Op::Const)
      d.hint = fmt::format("écrivez `{} {}`", e->constant.asDecimal().toString(), unit);
    else
      d.hint = fmt::format("écrivez l'unité attendue, `{}`, dans les nombres du calcul", unit);
  }
  return errorExpr(e->range);
}

ir::ExprPtr Checker::checkCondition(const ast::Expr& e, Env& env) {
  auto c = checkExpr(e, env, types().boolean());
  if (c->type->kind != TypeKind::Bool && c->type->kind != TypeKind::Error) {
    if (ir::isOptional(c->type) && ir::stripOptional(c->type)->kind == TypeKind::Bool) {
      const std::string p = pathOf(e);
      Diagnostic& d = diags_.report(DiagKind::UnguardedOptional, e.range, p.empty() ? "cette condition" : "`" + p + "`",
                                    typeName(c->type));
      d.hint = fmt::format("écrivez par exemple `({} à défaut faux)` : faux quand la valeur est absente",
                           p.empty() ? "…" : p);
    } else {
      diags_.report(DiagKind::ConditionNotBool, e.range, typeName(c->type));
    }
    return errorExpr(e.range);
  }
  return c;
}

ir::ExprPtr Checker::checkPoints(const ast::Expr& e, Env& env) {
  auto v = checkExpr(e, env, types().decimal(ir::Unit::Points));
  if (v->type->kind == TypeKind::Error) return v;
  if (v->type != types().decimal(ir::Unit::Points)) {
    Diagnostic& d = diags_.report(DiagKind::CriterionNotPoints, e.range, typeName(v->type));
    if (v->type->kind == TypeKind::Int) d.hint = "multipliez par `1 point`, ou écrivez `… points`";
    return errorExpr(e.range);
  }
  return v;
}

ir::ExprPtr Checker::checkExpr(const ast::Expr& e, Env& env, const ir::Type* expected) {
  using K = ast::Expr::Kind;
  std::size_t binderMark = env.binders.size();
  std::size_t narrowMark = env.narrowed.size();
  ir::ExprPtr out;
  switch (e.kind) {
  case K::Number:
  case K::Date:
  case K::String:
  case K::Bool:
  case K::Absent: out = checkLiteral(e, env, expected); break;
  case K::Error: {
    out = ir::makeExpr(Op::Fail, types().error(), e.range);
    out->parts = checkText(e.message, env);
    break;
  }
  case K::Name:
  case K::Field: out = checkPath(e, env, expected); break;
  case K::Index: out = checkIndex(e, env); break;
  case K::Call: out = checkCall(e, env); break;
  case K::AtDate: out = checkAtDate(e, env); break;
  case K::Unary: {
    if (e.unaryOp == ast::UnaryOp::Not) {
      out = ir::makeExpr(Op::Not, types().boolean(), e.range);
      out->a = checkCondition(*e.a, env);
    } else {
      auto a = checkExpr(*e.a, env);
      const ir::Type* t = a->type;
      if (t->kind == TypeKind::Int)
        out = ir::makeExpr(Op::IntNeg, t, e.range);
      else if (t->kind == TypeKind::Decimal)
        out = ir::makeExpr(Op::DecimalNeg, t, e.range);
      else if (t->kind == TypeKind::Error)
        return a;
      else {
        diags_.report(DiagKind::TypeMismatch, e.range,
                      "on ne peut pas prendre l'opposé d'une valeur de type " + typeName(t));
        return errorExpr(e.range);
      }
      out->a = std::move(a);
    }
    break;
  }
  case K::Binary: out = checkBinary(e, env); break;
  case K::If: out = checkIf(e, env, expected); break;
  case K::Selon: out = checkSelon(e, env, expected); break;
  case K::Exists: {
    auto a = checkExpr(*e.a, env);
    if (e.hasBinder) {
      out = ir::makeExpr(Op::ExistsBind, types().boolean(), e.range);
      const ir::Type* inner = ir::stripOptional(a->type);
      out->a = std::move(a);
      out->slot = bind(env, e.name, inner);
      binderMark = env.binders.size(); // the binder outlives this node
    } else {
      out = ir::makeExpr(Op::Exists, types().boolean(), e.range);
      out->a = std::move(a);
      std::string path = pathOf(*e.a);
      if (!path.empty()) {
        env.narrowed.push_back(path);
        narrowMark = env.narrowed.size();
      }
    }
    return out;
  }
  case K::Default: {
    auto a = checkExpr(*e.a, env, expected ? types().optional(expected) : nullptr);
    if (!ir::isOptional(a->type) && a->type->kind != TypeKind::Error) {
      Diagnostic& d = diags_.report(DiagKind::TypeMismatch, e.a->range,
                                    "`à défaut` s'applique à une valeur qui peut être absente ; celle-ci est de type " +
                                        typeName(a->type));
      d.hint = "retirez `à défaut …`";
      out = std::move(a);
      break;
    }
    const ir::Type* inner = ir::stripOptional(a->type);
    auto b = checkExpr(*e.b, env, inner);
    const ir::Type* t = unify(inner, b->type);
    if (!t || ir::isOptional(t)) t = inner;
    out = ir::makeExpr(Op::Default, t, e.range);
    out->a = std::move(a);
    out->b = coerce(std::move(b), t, env, "valeur par défaut");
    break;
  }
  case K::Member: {
    ir::ExprPtr item;
    if (e.b->kind == ast::Expr::Kind::List && e.a->kind != ast::Expr::Kind::Name) {
      // `demande.zone dans [a, b]`: the element types the list's bare values.
      item = checkExpr(*e.a, env);
    }
    auto list = checkExpr(*e.b, env, item ? types().list(ir::stripOptional(item->type)) : nullptr);
    if (list->type->kind != TypeKind::List) {
      if (list->type->kind != TypeKind::Error)
        diags_.report(DiagKind::NotAList, e.b->range, pathOf(*e.b).empty() ? "cette expression" : pathOf(*e.b),
                      typeName(list->type));
      return errorExpr(e.range);
    }
    if (!item) item = checkExpr(*e.a, env, list->type->element);
    item = coerce(std::move(item), list->type->element, env, "élément recherché");
    out = ir::makeExpr(Op::Member, types().boolean(), e.range);
    out->operandType = list->type->element;
    out->a = std::move(item);
    out->b = std::move(list);
    break;
  }
  case K::Aggregate: out = checkAggregate(e, env); break;
  case K::Round: {
    auto x = checkExpr(*e.a, env);
    if (x->type->kind == TypeKind::Int) x = coerce(std::move(x), types().decimal(), env, "valeur à arrondir");
    if (x->type->kind != TypeKind::Decimal) {
      if (x->type->kind != TypeKind::Error)
        diags_.report(DiagKind::TypeMismatch, e.a->range,
                      "`arrondi` s'applique à un nombre ; trouvé " + typeName(x->type));
      return errorExpr(e.range);
    }
    auto step = coerce(checkExpr(*e.b, env, x->type), x->type, env, "pas d'arrondi");
    out = ir::makeExpr(Op::Round, x->type, e.range);
    switch (e.rounding) {
    case ast::RoundingMode::Nearest: out->rounding = num::RoundingMode::HalfAwayFromZero; break;
    case ast::RoundingMode::Even: out->rounding = num::RoundingMode::HalfEven; break;
    case ast::RoundingMode::Floor: out->rounding = num::RoundingMode::Floor; break;
    case ast::RoundingMode::Ceiling: out->rounding = num::RoundingMode::Ceiling; break;
    }
    out->a = std::move(x);
    out->b = std::move(step);
    break;
  }
  case K::List: {
    const ir::Type* el = expected && expected->kind == TypeKind::List ? expected->element : nullptr;
    std::vector<ir::ExprPtr> items;
    for (const auto& x : e.args) {
      items.push_back(checkExpr(*x, env, el));
      const ir::Type* u = el ? unify(el, items.back()->type) : items.back()->type;
      if (!u) {
        diags_.report(DiagKind::TypeMismatch, x->range,
                      "les éléments d'une liste ont un même type : " + typeName(el) + " et " +
                          typeName(items.back()->type));
        return errorExpr(e.range);
      }
      el = u;
    }
    if (!el) {
      diags_.report(DiagKind::TypeMismatch, e.range, "le type d'une liste vide ne peut pas être déduit ici");
      return errorExpr(e.range);
    }
    out = ir::makeExpr(Op::MakeList, types().list(el), e.range);
    for (auto& item : items) out->args.push_back(coerce(std::move(item), el, env, "élément de liste"));
    break;
  }
  case K::Record: {
    const ir::Type* st = expected ? ir::stripOptional(expected) : nullptr;
    if (!env.inTest) {
      diags_.report(DiagKind::MisplacedClause, e.range, "un enregistrement `{ … }` n'est permis que dans un test");
      return errorExpr(e.range);
    }
    if (!st || st->kind != TypeKind::Struct) {
      diags_.report(DiagKind::TestBadInput, e.range, "le type de cet enregistrement ne peut pas être déduit ici");
      return errorExpr(e.range);
    }
    out = checkRecord(e.entries, st, env, nullptr, e.range);
    break;
  }
  }
  // `A et B` passes its operands' facts on to its own parent.
  if (e.kind == K::Binary && e.binaryOp == ast::BinaryOp::And) return out;
  // So does a comparison that proves a path is not zero, or bounds it.
  if (std::string fact = nonZeroFact(e), bound = boundFact(e);
      (!fact.empty() || !bound.empty()) && out->type->kind == TypeKind::Bool) {
    unbind(env, binderMark);
    if (env.narrowed.size() > narrowMark) env.narrowed.resize(narrowMark);
    for (std::string* f : {&fact, &bound})
      if (!f->empty()) env.narrowed.push_back(std::move(*f));
    return out;
  }
  unbind(env, binderMark);
  if (env.narrowed.size() > narrowMark) env.narrowed.resize(narrowMark);
  return out;
}

ir::ExprPtr Checker::checkLiteral(const ast::Expr& e, Env& /*env*/, const ir::Type* expected) {
  using K = ast::Expr::Kind;
  switch (e.kind) {
  case K::Bool: {
    auto c = ir::makeExpr(Op::Const, types().boolean(), e.range);
    c->constant = ir::Constant::boolean(e.boolValue);
    return c;
  }
  case K::String: {
    auto c = ir::makeExpr(Op::Const, types().text(), e.range);
    c->constant = ir::Constant::string(e.text);
    return c;
  }
  case K::Absent: {
    auto c = ir::makeExpr(Op::Const, expected && ir::isOptional(expected) ? expected : types().absent(), e.range);
    return c;
  }
  case K::Date: {
    auto d = num::Date::parse(e.text);
    if (!d) {
      diags_.report(DiagKind::BadDate, e.range, e.text);
      return errorExpr(e.range);
    }
    auto c = ir::makeExpr(Op::Const, types().date(), e.range);
    c->constant = ir::Constant::date(*d);
    return c;
  }
  default: break;
  }
  // Number, with its unit.
  using U = ast::LiteralUnit;
  bool integral = e.text.find('.') == std::string::npos;
  auto c = ir::makeExpr(Op::Const, types().integer(), e.range);
  if (e.literalUnit == U::Months || e.literalUnit == U::Years || e.literalUnit == U::Days) {
    std::int64_t n = 0;
    auto d = num::Decimal::parse(e.text);
    if (!integral || !d || num::truncateToInt(*d, n) != num::Status::Ok ||
        (e.literalUnit == U::Years && (n > INT64_MAX / 12 || n < INT64_MIN / 12))) {
      diags_.report(DiagKind::BadNumber, e.range, e.text,
                    "une durée est un nombre entier de jours, de mois ou d'années");
      return errorExpr(e.range);
    }
    if (e.literalUnit == U::Years) n *= 12;
    c->type = types().duration(e.literalUnit == U::Days ? ir::DurationUnit::Days : ir::DurationUnit::Months);
    c->constant = ir::Constant::integer(n);
    c->constant.kind = ir::Constant::Kind::Duration;
    return c;
  }
  auto d = num::Decimal::parse(e.text);
  if (!d) {
    diags_.report(DiagKind::BadNumber, e.range, e.text, "trop grand, ou plus de 18 décimales");
    return errorExpr(e.range);
  }
  if (e.literalUnit == U::None && integral) {
    std::int64_t n = 0;
    if (num::truncateToInt(*d, n) != num::Status::Ok) {
      diags_.report(DiagKind::BadNumber, e.range, e.text, "dépasse la capacité d'un entier");
      return errorExpr(e.range);
    }
    c->constant = ir::Constant::integer(n);
    return c;
  }
  ir::Unit unit = ir::Unit::None;
  switch (e.literalUnit) {
  case U::Euro: unit = ir::Unit::Euro; break;
  case U::EuroPerMonth: unit = ir::Unit::EuroPerMonth; break;
  case U::EuroPerYear: unit = ir::Unit::EuroPerYear; break;
  case U::SquareMetre: unit = ir::Unit::SquareMetre; break;
  case U::Points: unit = ir::Unit::Points; break;
  case U::Percent: {
    num::Decimal pct;
    if (num::div(*d, num::Decimal::fromInt(100), pct) != num::Status::Ok) {
      diags_.report(DiagKind::BadNumber, e.range, e.text, "pourcentage hors limites");
      return errorExpr(e.range);
    }
    // `1.23456789012345678 %` is 0.0123456789012345678: 19 decimals, which
    // the division would round silently.
    if (num::Decimal back; num::mul(pct, num::Decimal::fromInt(100), back) != num::Status::Ok || !(back == *d)) {
      diags_.report(DiagKind::BadNumber, e.range, e.text,
                    "un pourcentage a au plus 16 décimales (divisé par cent, il en aurait plus de 18)");
      return errorExpr(e.range);
    }
    d = pct;
    break;
  }
  default: break;
  }
  // `23.201 €/an` copied from a French text, where the point groups the
  // thousands: read as 23,201 €, a plafond a thousand times too low.
  if (unit == ir::Unit::Euro || unit == ir::Unit::EuroPerMonth || unit == ir::Unit::EuroPerYear) {
    const std::size_t point = e.text.find('.');
    const std::string whole = point == std::string::npos ? "" : e.text.substr(0, point);
    if (point != std::string::npos && e.text.size() - point - 1 == 3 && !whole.empty() && whole != "0" &&
        whole.size() <= 3 && whole.find('_') == std::string::npos) {
      Diagnostic& w = diags_.report(DiagKind::AmountThousandsPoint, e.range, sourceText(e.range));
      w.hint = fmt::format("pour {} {} €, écrivez `{}_{}` (le `_` groupe les chiffres) ; pour des centimes, deux "
                           "décimales suffisent",
                           whole, e.text.substr(point + 1), whole, sourceText(e.range).substr(point + 1));
    }
  }
  c->type = types().decimal(unit);
  c->constant = ir::Constant::decimal(*d);
  return c;
}

ir::ExprPtr Checker::checkIf(const ast::Expr& e, Env& env, const ir::Type* expected) {
  std::size_t binderMark = env.binders.size();
  std::size_t narrowMark = env.narrowed.size();
  auto cond = checkCondition(*e.a, env);
  auto then = checkExpr(*e.b, env, expected);
  unbind(env, binderMark);
  env.narrowed.resize(narrowMark);
  elseFacts(*e.a, env.narrowed);
  auto otherwise = checkExpr(*e.c, env, expected);
  env.narrowed.resize(narrowMark);
  const ir::Type* t = unify(then->type, otherwise->type);
  if (!t) {
    diags_.report(DiagKind::TypeMismatch, e.range,
                  "les deux branches de `si` doivent avoir le même type : " + typeName(then->type) + " et " +
                      typeName(otherwise->type));
    return errorExpr(e.range);
  }
  auto out = ir::makeExpr(Op::If, t, e.range);
  out->a = std::move(cond);
  out->b = coerce(std::move(then), t, env, "branche `alors`");
  out->c = coerce(std::move(otherwise), t, env, "branche `sinon`");
  return out;
}

ir::ExprPtr Checker::checkLogical(const ast::Expr& e, Env& env) {
  bool isAnd = e.binaryOp == ast::BinaryOp::And;
  std::size_t binderMark = env.binders.size();
  std::size_t narrowMark = env.narrowed.size();
  auto a = checkCondition(*e.a, env);
  if (!isAnd) {
    unbind(env, binderMark);
    env.narrowed.resize(narrowMark);
  }
  // `demande.nb = 3 ou 4`: the second value of an equality, as one says it.
  if (!isAnd && e.a->kind == ast::Expr::Kind::Binary && e.a->binaryOp == ast::BinaryOp::Eq && e.a->a && e.a->b &&
      (e.b->kind == ast::Expr::Kind::Number || e.b->kind == ast::Expr::Kind::String)) {
    auto value = checkExpr(*e.b, env);
    if (value->type->kind != TypeKind::Bool && value->type->kind != TypeKind::Error) {
      Diagnostic& d = diags_.report(DiagKind::ConditionNotBool, e.b->range, typeName(value->type));
      const std::string x = sourceText(e.a->a->range), first = sourceText(e.a->b->range),
                        second = sourceText(e.b->range);
      d.hint = fmt::format("« {0} = {1} ou {2} » s'écrit `{0} = {1} ou {0} = {2}`, ou `{0} dans [{1}, {2}]`", x, first,
                           second);
      return errorExpr(e.range);
    }
  }
  auto b = checkCondition(*e.b, env);
  auto out = ir::makeExpr(isAnd ? Op::And : Op::Or, types().boolean(), e.range);
  out->a = std::move(a);
  out->b = std::move(b);
  return out;
}

} // namespace loge::sema::internal
