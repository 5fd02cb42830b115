// Semantic stage (internal): calls (definitions and builtins), barème
// lookups, `P au D`, and references to cotation results and quotas.
#include "checker.h"

#include <fmt/ranges.h>

namespace loge::sema::internal {

using ir::Builtin;
using ir::Op;
using ir::TypeKind;

ir::ExprPtr Checker::checkCall(const ast::Expr& e, Env& env) {
  std::string folded = ast::foldName(e.name.text);
  // `a.f(x)`: the definition f of the module imported as a.
  Module* scope = env.module;
  for (const ast::Ident& alias : e.scope) {
    Module* next = importAlias(*scope, ast::foldName(alias.text));
    if (!next) {
      Diagnostic& d = diags_.report(DiagKind::UnknownName, alias.range, alias.text);
      std::vector<std::string> aliases;
      for (const ImportEdge& edge : scope->imports)
        if (edge.aliased) aliases.push_back(edge.alias);
      d.hint = suggest(alias.text, aliases);
      return errorExpr(e.range);
    }
    scope = next;
  }
  const Symbol* s = lookup(*scope, e.name, false);
  if (!s && !e.scope.empty()) {
    lookup(*scope, e.name, true);
    return errorExpr(e.range);
  }
  if (!s) {
    static const char* builtins[] = {"min",    "max",     "abs",   "mois_entre", "ans_entre", "jours_entre",
                                     "annuel", "mensuel", "annee", "mois",       "jour",      "longueur"};
    for (const char* b : builtins)
      if (folded == b) return checkBuiltin(e, env, folded);
    lookup(*env.module, e.name, true);
    return errorExpr(e.range);
  }
  if (s->kind != Symbol::Kind::Definition) {
    Diagnostic& d = diags_.report(DiagKind::NotCallable, e.name.range, e.name.text);
    // `plafond(n)`: a barème is read with brackets, a parameter is a value.
    if (s->kind == Symbol::Kind::Parameter) {
      std::vector<std::string> args;
      for (const auto& a : e.args) args.push_back(sourceText(a->range));
      d.hint =
          program_->parameters[s->index].isTable
              ? fmt::format("un barème se consulte avec des crochets : `{}[{}]`", e.name.text, fmt::join(args, ", "))
              : fmt::format("un paramètre est une valeur : `{}`, sans parenthèses", e.name.text);
    }
    return errorExpr(e.range);
  }
  const ir::DefinitionDecl& d = program_->definitions[s->index];
  std::vector<ir::ExprPtr> args;
  for (std::size_t i = 0; i < e.args.size(); ++i)
    args.push_back(checkExpr(*e.args[i], env, i < d.paramTypes.size() ? d.paramTypes[i] : nullptr));
  return useDefinition(s->index, std::move(args), env, e.range);
}

ir::ExprPtr Checker::checkBuiltin(const ast::Expr& e, Env& env, const std::string& name) {
  std::vector<ir::ExprPtr> args;
  for (const auto& a : e.args) args.push_back(checkExpr(*a, env));
  for (const auto& a : args)
    if (a->type->kind == TypeKind::Error) return errorExpr(e.range);
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (ir::isOptional(args[i]->type)) {
      Diagnostic& d = diags_.report(DiagKind::UnguardedOptional, e.args[i]->range,
                                    pathOf(*e.args[i]).empty() ? "cet argument" : "`" + pathOf(*e.args[i]) + "`",
                                    typeName(args[i]->type));
      d.hint = "utilisez `existe` ou `à défaut`";
      return errorExpr(e.range);
    }
  }
  auto arity = [&](std::size_t n) {
    if (args.size() == n) return true;
    diags_.report(DiagKind::WrongArgumentCount, e.range, name, n, args.size());
    return false;
  };
  auto out = ir::makeExpr(Op::Builtin, types().integer(), e.range);
  if (name == "min" || name == "max") {
    if (args.size() < 2) {
      diags_.report(DiagKind::WrongArgumentCount, e.range, name, 2, args.size());
      return errorExpr(e.range);
    }
    const ir::Type* t = args[0]->type;
    for (std::size_t i = 1; i < args.size() && t; ++i) t = unify(t, args[i]->type);
    if (!t || !(t->kind == TypeKind::Int || t->kind == TypeKind::Decimal || t->kind == TypeKind::Date ||
                t->kind == TypeKind::Duration)) {
      std::string kinds;
      for (const auto& a : args) kinds += (kinds.empty() ? "" : ", ") + typeName(a->type);
      Diagnostic& d = diags_.report(
          DiagKind::TypeMismatch, e.range,
          "`" + name + "` compare des nombres de même unité, des dates ou des durées de même unité ; ici : " + kinds);
      // `min(10 points × n, 50)`: the bare number takes the other's unit.
      ir::Unit unit = ir::Unit::None;
      for (const auto& a : args)
        if (a->type->kind == TypeKind::Decimal && a->type->unit != ir::Unit::None) unit = a->type->unit;
      for (std::size_t i = 0; i < args.size() && unit != ir::Unit::None; ++i)
        if (e.args[i]->kind == ast::Expr::Kind::Number && args[i]->type->kind == TypeKind::Int) {
          d.hint = fmt::format("écrivez l'unité : `{} {}`", sourceText(e.args[i]->range), unitText(unit));
          break;
        }
      return errorExpr(e.range);
    }
    bool isMin = name == "min";
    out->builtin = t->kind == TypeKind::Int        ? (isMin ? Builtin::MinInt : Builtin::MaxInt)
                   : t->kind == TypeKind::Decimal  ? (isMin ? Builtin::MinDecimal : Builtin::MaxDecimal)
                   : t->kind == TypeKind::Duration ? (isMin ? Builtin::MinDuration : Builtin::MaxDuration)
                                                   : (isMin ? Builtin::MinDate : Builtin::MaxDate);
    out->type = t;
    for (auto& a : args) out->args.push_back(coerce(std::move(a), t, env, "argument"));
    return out;
  }
  if (name == "abs") {
    if (!arity(1)) return errorExpr(e.range);
    const ir::Type* t = args[0]->type;
    if (!ir::isNumeric(t)) {
      diags_.report(DiagKind::TypeMismatch, e.range, "`abs` s'applique à un nombre ; trouvé " + typeName(t));
      return errorExpr(e.range);
    }
    out->builtin = t->kind == TypeKind::Int ? Builtin::AbsInt : Builtin::AbsDecimal;
    out->type = t;
    out->args.push_back(std::move(args[0]));
    return out;
  }
  if (name == "mois_entre" || name == "ans_entre" || name == "jours_entre") {
    if (!arity(2)) return errorExpr(e.range);
    for (std::size_t i = 0; i < 2; ++i) {
      if (args[i]->type->kind != TypeKind::Date) {
        diags_.report(DiagKind::TypeMismatch, e.args[i]->range,
                      "`" + name + "` compte entre deux dates ; trouvé " + typeName(args[i]->type));
        return errorExpr(e.range);
      }
    }
    // `mois_entre(date_évaluation, demande.date_depot)`: the result is never
    // positive for a date that is always in the past (a dépôt, a birth).
    // Dates that may lie ahead (an expulsion, the end of a lease) are
    // counted that way on purpose.
    auto pastDate = [&](const ast::Expr& a) {
      const std::string text = ast::foldName(sourceText(a.range));
      for (const char* word : {"depot", "naissance", "inscription", "entree", "arrivee", "debut", "creation"})
        if (text.find(word) != std::string::npos) return true;
      return false;
    };
    if (args[0]->op == ir::Op::DateEvaluation && pastDate(*e.args[1])) {
      Diagnostic& d = diags_.report(DiagKind::ReversedDateInterval, e.range, name);
      d.hint = fmt::format("écrivez `{}({}, date_évaluation)`", name, sourceText(e.args[1]->range));
    }
    out->builtin = name == "mois_entre"  ? Builtin::MonthsBetween
                   : name == "ans_entre" ? Builtin::YearsBetween
                                         : Builtin::DaysBetween;
    for (auto& a : args) out->args.push_back(std::move(a));
    return out;
  }
  if (name == "annuel" || name == "mensuel") {
    if (!arity(1)) return errorExpr(e.range);
    bool toYear = name == "annuel";
    const ir::Type* from = types().decimal(toYear ? ir::Unit::EuroPerMonth : ir::Unit::EuroPerYear);
    if (args[0]->type != from) {
      diags_.report(DiagKind::UnitMismatch, e.range,
                    "`" + name + "` convertit un " + typeName(from) + " ; trouvé " + typeName(args[0]->type));
      return errorExpr(e.range);
    }
    out->builtin = toYear ? Builtin::Annual : Builtin::Monthly;
    out->type = types().decimal(toYear ? ir::Unit::EuroPerYear : ir::Unit::EuroPerMonth);
    out->args.push_back(std::move(args[0]));
    return out;
  }
  if (name == "annee" || name == "mois" || name == "jour") {
    if (!arity(1)) return errorExpr(e.range);
    if (args[0]->type->kind != TypeKind::Date) {
      diags_.report(DiagKind::TypeMismatch, e.range,
                    "`" + name + "` s'applique à une date ; trouvé " + typeName(args[0]->type));
      return errorExpr(e.range);
    }
    out->builtin = name == "annee" ? Builtin::YearOf : name == "mois" ? Builtin::MonthOf : Builtin::DayOf;
    out->args.push_back(std::move(args[0]));
    return out;
  }
  // longueur(texte)
  if (!arity(1)) return errorExpr(e.range);
  if (args[0]->type->kind != TypeKind::Text) {
    diags_.report(DiagKind::TypeMismatch, e.range,
                  "`longueur` s'applique à un texte ; trouvé " + typeName(args[0]->type));
    return errorExpr(e.range);
  }
  out->builtin = Builtin::TextLength;
  out->args.push_back(std::move(args[0]));
  return out;
}

// P[k1, k2]: a barème lookup. Enum keys accept bare values; integer keys
// warn when the index is not provably inside the key's interval.
ir::ExprPtr Checker::checkIndex(const ast::Expr& e, Env& env) {
  if (pathOf(*e.a).rfind("quota.", 0) == 0) return checkQuotaRef(e, env);
  // Resolve the base as a parameter name.
  const ast::Expr* base = e.a.get();
  const Symbol* s = nullptr;
  if (base->kind == ast::Expr::Kind::Name) {
    s = lookup(*env.module, base->name, true);
  } else if (base->kind == ast::Expr::Kind::Field && base->a->kind == ast::Expr::Kind::Name) {
    Module* alias = importAlias(*env.module, ast::foldName(base->a->name.text));
    if (alias) s = lookup(*alias, base->name, true);
  }
  if (!s) {
    if (base->kind != ast::Expr::Kind::Name)
      diags_.report(DiagKind::BadIndex, e.range, "seul un barème (paramètre à clés) se consulte avec `[…]`");
    return errorExpr(e.range);
  }
  if (s->kind != Symbol::Kind::Parameter || !program_->parameters[s->index].isTable) {
    diags_.report(DiagKind::BadIndex, e.range,
                  "`" + pathOf(*base) + "` n'est pas un barème : il ne se consulte pas avec `[…]`");
    return errorExpr(e.range);
  }
  const ir::ParameterDecl& p = program_->parameters[s->index];
  if (e.args.size() != p.keys.size()) {
    diags_.report(DiagKind::BadIndex, e.range,
                  fmt::format("le barème `{}` a {} clé(s), {} donnée(s)", p.name, p.keys.size(), e.args.size()));
    return errorExpr(e.range);
  }
  env.usedDate = true;
  const ir::Type* result = p.type;
  bool textKey = false;
  auto out = ir::makeExpr(Op::Table, result, e.range);
  out->index = s->index;
  for (std::size_t i = 0; i < p.keys.size(); ++i) {
    const ir::TableKey& k = p.keys[i];
    textKey |= k.kind == ir::TableKey::Kind::Text;
    auto arg = checkExpr(*e.args[i], env, k.type);
    arg = coerce(std::move(arg), k.type, env, "clé du barème");
    warnRatioBaremeKey(*arg, *e.args[i], p, i);
    if (k.kind == ir::TableKey::Kind::IntRange && arg->type->kind == TypeKind::Int) {
      // Tightened by the conditions around (`… si n ≥ 0 et n ≤ 3`).
      Interval iv = narrowedInterval(interval(*arg), pathOf(*e.args[i]), env);
      const bool lowOk = iv.lo && *iv.lo >= k.lower;
      const bool highOk = !k.upper || (iv.hi && *iv.hi <= *k.upper);
      if (!lowOk || !highOk) {
        std::string range = k.upper ? fmt::format("{}..{}", k.lower, *k.upper) : fmt::format("{}..", k.lower);
        Diagnostic& d = diags_.report(DiagKind::IndexMayBeOutOfRange, e.args[i]->range, p.name, range);
        // The bound that is not proved, and only that one.
        const std::string bounded =
            !highOk ? fmt::format("min({}, {})", lowOk ? "…" : fmt::format("max(…, {})", k.lower), *k.upper)
                    : fmt::format("max(…, {})", k.lower);
        d.hint = fmt::format("l'indice peut être {} : bornez-le, par exemple avec `{}`",
                             !lowOk && !highOk ? fmt::format("inférieur à {} ou supérieur à {}", k.lower, *k.upper)
                             : !lowOk          ? fmt::format("inférieur à {}", k.lower)
                                               : fmt::format("supérieur à {}", *k.upper),
                             bounded);
      }
    }
    out->args.push_back(std::move(arg));
  }
  if (textKey) out->type = types().optional(result);
  return out;
}

// `P au D`, `P[k] au D`: the value in force at another date.
ir::ExprPtr Checker::checkAtDate(const ast::Expr& e, Env& env) {
  auto value = checkExpr(*e.a, env);
  if (value->op != Op::Param && value->op != Op::Table) {
    if (value->type->kind != TypeKind::Error)
      diags_.report(DiagKind::TypeMismatch, e.range,
                    "`au` s'applique à un paramètre : la valeur en vigueur à une date");
    return errorExpr(e.range);
  }
  auto date = coerce(checkExpr(*e.b, env, types().date()), types().date(), env, "date");
  value->b = std::move(date);
  value->range = e.range;
  return value;
}

// `principale`, `principale.crit`, `principale.crit.brut`, `principale.rubrique`.
ir::ExprPtr Checker::checkCotationRef(const ast::Expr& e, Env& env, std::uint32_t index, std::size_t depth) {
  if (!env.cotationsAllowed) {
    Diagnostic& d = diags_.report(DiagKind::ContextUnavailable, e.range,
                                  "le résultat d'une cotation n'est pas disponible dans " + std::string(env.where));
    d.hint =
        "une cotation se lit dans une règle, un classement ou un test, pas dans une définition ni une autre cotation";
    return errorExpr(e.range);
  }
  env.usedRoles |= 1u << static_cast<int>(ir::Role::Demande);
  env.usedDate = true;
  std::vector<const ast::Ident*> parts;
  for (const ast::Expr* x = &e; x; x = x->kind == ast::Expr::Kind::Field ? x->a.get() : nullptr)
    parts.insert(parts.begin(), &x->name);
  std::vector<const ast::Ident*> rest(parts.end() - static_cast<std::ptrdiff_t>(depth), parts.end());
  const ir::CotationDecl& c = program_->cotations[index];
  const ir::Type* points = types().decimal(ir::Unit::Points);
  if (rest.empty()) {
    auto out = ir::makeExpr(Op::CotationTotal, points, e.range);
    out->index = index;
    return out;
  }
  std::string name = ast::foldName(rest[0]->text);
  bool brut = rest.size() == 2 && ast::foldName(rest[1]->text) == "brut";
  if (rest.size() > 2 || (rest.size() == 2 && !brut)) {
    Diagnostic& d =
        diags_.report(DiagKind::UnknownField, rest.back()->range, "la cotation `" + c.name + "`", rest.back()->text);
    // `principale.rubrique.critere`: criteria are named without their rubrique.
    const std::string last = ast::foldName(rest.back()->text);
    for (const auto& cr : c.criteria)
      if (ast::foldName(cr.name) == last)
        d.hint = fmt::format("un critère se désigne par le nom de la cotation et le sien, sans sa rubrique : `{}.{}`",
                             c.name, cr.name);
    return errorExpr(e.range);
  }
  for (std::size_t i = 0; i < c.criteria.size(); ++i) {
    if (ast::foldName(c.criteria[i].name) == name) {
      auto out = ir::makeExpr(Op::Criterion, points, e.range);
      out->index = index;
      out->sub = static_cast<std::uint32_t>(i);
      out->flag = brut;
      return out;
    }
  }
  for (std::size_t i = 0; i < c.rubriques.size(); ++i) {
    if (!brut && ast::foldName(c.rubriques[i].name) == name) {
      auto out = ir::makeExpr(Op::RubriqueTotal, points, e.range);
      out->index = index;
      out->sub = static_cast<std::uint32_t>(i);
      return out;
    }
  }
  Diagnostic& d = diags_.report(DiagKind::UnknownField, rest[0]->range, "la cotation `" + c.name + "`", rest[0]->text);
  std::vector<std::string> names;
  for (const auto& cr : c.criteria) names.push_back(cr.name);
  for (const auto& r : c.rubriques) names.push_back(r.name);
  d.hint = suggest(rest[0]->text, names);
  // `principale.total`, as a newcomer writes it.
  if (name == "total" && rest.size() == 1)
    d.hint = "le total d'une cotation s'écrit par son nom seul : `" + c.name + "` (par exemple `attendu " + c.name +
             " = 120 points`)";
  return errorExpr(e.range);
}

// `quota.X.concerne|compte|en_retard` (pour logement blocks, classements) and
// `quota.X[clé = v, periode = 2025].part` (tests).
ir::ExprPtr Checker::checkQuotaRef(const ast::Expr& e, Env& env) {
  const ast::Expr* node = &e;
  std::string field;
  if (node->kind == ast::Expr::Kind::Field) {
    field = ast::foldName(node->name.text);
    node = node->a.get();
  }
  const ast::Expr* indexed = nullptr;
  if (node->kind == ast::Expr::Kind::Index) {
    indexed = node;
    node = node->a.get();
  }
  // node is `quota.X` or `quota.alias.X`
  std::vector<const ast::Ident*> parts;
  const ast::Expr* x = node;
  while (x && x->kind == ast::Expr::Kind::Field) {
    parts.insert(parts.begin(), &x->name);
    x = x->a.get();
  }
  if (!x || x->kind != ast::Expr::Kind::Name || parts.empty()) {
    diags_.report(DiagKind::TypeMismatch, e.range, "référence de quota invalide : écrivez `quota.NOM.en_retard`");
    return errorExpr(e.range);
  }
  Module* scope = env.module;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    scope = importAlias(*scope, ast::foldName(parts[i]->text));
    if (!scope) {
      diags_.report(DiagKind::UnknownName, parts[i]->range, parts[i]->text);
      return errorExpr(e.range);
    }
  }
  const Symbol* s = lookup(*scope, *parts.back(), true);
  if (!s) return errorExpr(e.range);
  if (s->kind != Symbol::Kind::Quota) {
    diags_.report(DiagKind::TypeMismatch, parts.back()->range, "`" + parts.back()->text + "` n'est pas un quota");
    return errorExpr(e.range);
  }
  const ir::QuotaDecl& q = program_->quotas[s->index];
  if (!indexed) {
    int kind = field == "concerne" ? 0 : field == "compte" ? 1 : field == "en_retard" ? 2 : -1;
    if (kind < 0) {
      Diagnostic& d = diags_.report(DiagKind::UnknownField, e.range, "le quota `" + q.name + "`", field);
      d.hint = "un quota se consulte avec `.concerne`, `.compte` ou `.en_retard`";
      return errorExpr(e.range);
    }
    if (!env.quotaQueriesAllowed) {
      Diagnostic& d =
          diags_.report(DiagKind::ContextUnavailable, e.range,
                        "l'état d'un quota pour ce candidat n'est pas disponible dans " + std::string(env.where));
      d.hint = "il se lit dans un classement ou un bloc `pour logement`";
      return errorExpr(e.range);
    }
    env.usedRoles |= (1u << static_cast<int>(ir::Role::Demande)) | (1u << static_cast<int>(ir::Role::Logement));
    env.usedDate = true;
    auto out = ir::makeExpr(Op::QuotaHypothetical, types().boolean(), e.range);
    out->index = s->index;
    out->sub = static_cast<std::uint32_t>(kind);
    return out;
  }
  if (!env.inTest) {
    diags_.report(DiagKind::MisplacedClause, e.range, "un groupe de quota `quota.X[…]` ne se lit que dans un test");
    return errorExpr(e.range);
  }
  static const char* fields[] = {"effectif", "nombre", "part", "cible", "manque", "statut"};
  int f = -1;
  for (int i = 0; i < 6; ++i)
    if (field == fields[i]) f = i;
  if (f < 0) {
    Diagnostic& d = diags_.report(DiagKind::UnknownField, e.range, "le quota `" + q.name + "`", field);
    d.hint = "un groupe de quota a les champs `effectif`, `nombre`, `part`, `cible`, `manque` et `statut`";
    return errorExpr(e.range);
  }
  // Keys: `nom = valeur` for each scope key, and `periode = …`.
  std::vector<ir::ExprPtr> keys(q.scopeNames.size() + 1);
  for (const auto& arg : indexed->args) {
    if (arg->kind != ast::Expr::Kind::Binary || arg->binaryOp != ast::BinaryOp::Eq ||
        arg->a->kind != ast::Expr::Kind::Name) {
      diags_.report(DiagKind::BadIndex, arg->range,
                    "un groupe de quota se désigne par `clé = valeur` (et `periode = …`)");
      return errorExpr(e.range);
    }
    std::string key = ast::foldName(arg->a->name.text);
    std::size_t slot = keys.size();
    if (key == "periode") slot = q.scopeNames.size();
    for (std::size_t i = 0; i < q.scopeNames.size(); ++i)
      if (ast::foldName(q.scopeNames[i]) == key) slot = i;
    if (slot == keys.size()) {
      Diagnostic& d = diags_.report(DiagKind::UnknownName, arg->a->range, arg->a->name.text);
      d.hint = "clés de ce quota : " + fmt::format("{}", fmt::join(q.scopeNames, ", ")) +
               (q.scopeNames.empty() ? "" : ", ") + "periode";
      return errorExpr(e.range);
    }
    const ir::Type* want = slot == q.scopeNames.size() ? nullptr : q.scopeValues[slot]->type;
    auto v = checkExpr(*arg->b, env, want);
    if (slot == q.scopeNames.size()) {
      // The period: a year (2025) or a label ("2025-S1").
      if (v->type->kind != TypeKind::Int && v->type->kind != TypeKind::Text) {
        diags_.report(DiagKind::TypeMismatch, arg->b->range, "la période s'écrit `2025` ou `\"2025-S1\"`");
        return errorExpr(e.range);
      }
    } else {
      v = coerce(std::move(v), want, env, "clé du quota");
    }
    keys[slot] = std::move(v);
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!keys[i]) {
      diags_.report(DiagKind::BadIndex, indexed->range,
                    "il manque la clé `" + (i < q.scopeNames.size() ? q.scopeNames[i] : std::string("periode")) + "`");
      return errorExpr(e.range);
    }
  }
  const ir::Type* ft = types().integer();
  if (f == 2)
    ft = types().optional(types().decimal());
  else if (f == 3)
    ft = q.share ? types().decimal() : types().integer();
  else if (f == 4)
    ft = types().optional(types().integer());
  else if (f == 5)
    ft = types().text();
  if (f == 3 && q.target) ft = types().optional(ft);
  auto out = ir::makeExpr(Op::QuotaGroupField, ft, e.range);
  out->index = s->index;
  out->sub = static_cast<std::uint32_t>(f);
  out->args = std::move(keys);
  return out;
}

} // namespace loge::sema::internal
