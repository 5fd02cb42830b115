// Semantic stage (internal): quotas (period, scope keys, population, share
// or count target, qualifying condition) and classements.
#include "checker.h"

namespace loge::sema::internal {

void Checker::checkQuotas() {
  for (std::size_t i = 0; i < program_->quotas.size(); ++i) {
    ir::QuotaDecl& decl = program_->quotas[i];
    Module& m = *quotaOrigin[i].module;
    const auto* a = static_cast<const ast::Quota*>(quotaOrigin[i].node);
    decl.name = m.prefix + a->name.text;
    decl.label = a->label.empty() ? a->name.text : a->label;
    decl.range = a->range;
    for (const auto& r : a->references) decl.references.push_back({r.text, r.range});
    switch (a->period) {
    case ast::PeriodKind::Year: decl.period = ir::PeriodKind::Year; break;
    case ast::PeriodKind::Semester: decl.period = ir::PeriodKind::Semester; break;
    case ast::PeriodKind::Quarter: decl.period = ir::PeriodKind::Quarter; break;
    case ast::PeriodKind::Month: decl.period = ir::PeriodKind::Month; break;
    }
    Env env;
    env.module = &m;
    env.allowedRoles = 1u << static_cast<int>(ir::Role::Attribution);
    env.where = "un quota";
    env.slots = &decl.slotCount;
    // Slots 0..n-1 hold the scope keys of the group, for the target.
    decl.slotCount = static_cast<std::uint32_t>(a->scopes.size());
    auto anchor = checkExpr(*a->anchor, env, types().date());
    if (ir::stripOptional(anchor->type)->kind != ir::TypeKind::Date && anchor->type->kind != ir::TypeKind::Error) {
      diags_.report(DiagKind::TypeMismatch, a->anchor->range,
                    "la période d'un quota se compte à partir d'une date ; trouvé " + typeName(anchor->type));
    }
    decl.anchor = std::move(anchor);
    std::set<std::string> names;
    for (const ast::ScopeKey& k : a->scopes) {
      std::string folded = ast::foldName(k.name.text);
      if (!names.insert(folded).second || folded == "periode")
        diags_.report(DiagKind::DuplicateName, k.name.range, k.name.text);
      auto v = checkExpr(*k.value, env);
      const ir::Type* t = v->type;
      bool ok = t->kind == ir::TypeKind::Text || t->kind == ir::TypeKind::Enum || t->kind == ir::TypeKind::Int ||
                t->kind == ir::TypeKind::Bool || t->kind == ir::TypeKind::Error;
      if (!ok)
        diags_.report(DiagKind::TypeMismatch, k.value->range,
                      "une clé de quota est un texte, une énumération, un entier ou un booléen ; trouvé " +
                          typeName(t));
      decl.scopeNames.push_back(k.name.text);
      decl.scopeValues.push_back(std::move(v));
    }
    if (a->population) decl.population = checkCondition(*a->population, env);
    env.binders.clear();
    env.narrowed.clear();
    decl.qualifying = checkCondition(*a->qualifying, env);
    env.binders.clear();
    env.narrowed.clear();
    // The target may read the group's keys by name, not the attribution.
    Env targetEnv;
    targetEnv.module = &m;
    targetEnv.where = "la cible d'un quota";
    targetEnv.slots = &decl.slotCount;
    for (std::size_t k = 0; k < a->scopes.size(); ++k)
      targetEnv.binders.push_back({ast::foldName(a->scopes[k].name.text), static_cast<std::uint32_t>(k),
                                   decl.scopeValues[k]->type, a->scopes[k].name.range});
    auto target = checkExpr(*a->target, targetEnv);
    const ir::Type* tt = ir::stripOptional(target->type);
    if (tt->kind == ir::TypeKind::Decimal && tt->unit == ir::Unit::None) {
      decl.share = true;
      if (a->countNoun)
        diags_.report(DiagKind::BadQuotaTarget, a->target->range,
                      "une part (`25 %`) s'écrit sans le mot `attributions`");
      // A share above 100 % is never reached, one below 0 % always is: a
      // typo (`125 %`, `2.5` for 25 %) that would mark the quota « en
      // retard » or « atteint » forever.
      else if (target->op == ir::Op::Const && target->constant.kind == ir::Constant::Kind::Decimal &&
               (target->constant.number < 0 || target->constant.number > num::Decimal::kOne))
        diags_.report(DiagKind::BadQuotaTarget, a->target->range,
                      fmt::format("{}, une part {}", sourceText(a->target->range),
                                  target->constant.number < 0 ? "négative (toujours atteinte)"
                                                              : "au-delà de 100 % (jamais atteinte)"));
    } else if (tt->kind == ir::TypeKind::Int) {
      decl.share = false;
      // `au moins 25 où …` is the « 25 % » of the law with its sign
      // forgotten far more often than a count: a count says so.
      if (!a->countNoun) {
        std::string written = sourceText(a->target->range);
        diags_.report(DiagKind::BadQuotaTarget, a->target->range, "un entier sans le mot `attributions`").hint =
            fmt::format("une part s'écrit `{0} %`, un nombre d'attributions `{0} attributions`", written);
      } else if (target->op == ir::Op::Const && target->constant.kind == ir::Constant::Kind::Int &&
                 target->constant.number < 0) {
        diags_.report(
            DiagKind::BadQuotaTarget, a->target->range,
            fmt::format("{}, un nombre d'attributions négatif (toujours atteint)", sourceText(a->target->range)));
      }
    } else if (tt->kind != ir::TypeKind::Error) {
      diags_.report(DiagKind::BadQuotaTarget, a->target->range, typeName(target->type));
    }
    decl.atLeast = a->atLeast;
    decl.target = std::move(target);
  }
}

void Checker::checkClassements() {
  for (std::size_t i = 0; i < program_->classements.size(); ++i) {
    ir::ClassementDecl& decl = program_->classements[i];
    Module& m = *classementOrigin[i].module;
    const auto* a = static_cast<const ast::Classement*>(classementOrigin[i].node);
    decl.name = m.prefix + a->name.text;
    decl.label = a->label.empty() ? a->name.text : a->label;
    decl.forLogement = a->forLogement;
    decl.range = a->range;
    for (const auto& r : a->references) decl.references.push_back({r.text, r.range});
    Env env;
    env.module = &m;
    env.allowedRoles = 1u << static_cast<int>(ir::Role::Demande);
    if (a->forLogement)
      env.allowedRoles |=
          (1u << static_cast<int>(ir::Role::Logement)) | (1u << static_cast<int>(ir::Role::Candidature));
    env.cotationsAllowed = true;
    env.quotaQueriesAllowed = a->forLogement;
    env.where = a->forLogement ? "ce classement" : "un classement sans `pour logement`";
    if (!a->forLogement) env.missingPourLogement = fmt::format("classement {} \"…\"", a->name.text);
    env.slots = &decl.slotCount;
    // A second `retenir` silently replaced the first (the one candidate of
    // a préfet's designation became three), a second `ordre` added keys.
    std::map<std::string, SourceRange> seen;
    for (const auto& [clause, range] : a->singleClauses)
      if (auto [first, inserted] = seen.try_emplace(clause, range); !inserted) {
        Diagnostic& d = diags_.report(DiagKind::DuplicateClause, range, clause, "ce classement");
        d.notes.push_back({first->second, "la première"});
      }
    if (!a->hasPool)
      diags_.report(DiagKind::MissingClause, a->range,
                    "un classement déclare ses candidats : `candidats éligibles [où …]`");
    if (a->pool) decl.pool = checkCondition(*a->pool, env);
    env.binders.clear();
    env.narrowed.clear();
    if (a->order.empty())
      diags_.report(DiagKind::MissingClause, a->range,
                    "un classement déclare son ordre : `ordre … décroissant, puis …`");
    for (const ast::OrderKey& k : a->order) {
      auto key = checkExpr(*k.key, env);
      const ir::Type* t = key->type;
      bool ok = t->kind == ir::TypeKind::Int || t->kind == ir::TypeKind::Decimal || t->kind == ir::TypeKind::Date ||
                t->kind == ir::TypeKind::Bool || t->kind == ir::TypeKind::Enum || t->kind == ir::TypeKind::Text ||
                t->kind == ir::TypeKind::Error;
      if (!ok) diags_.report(DiagKind::BadOrderKey, k.key->range, typeName(t));
      decl.order.push_back({std::move(key), k.descending});
    }
    if (a->retain) {
      Env retainEnv = env;
      retainEnv.allowedRoles = a->forLogement ? 1u << static_cast<int>(ir::Role::Logement) : 0;
      retainEnv.cotationsAllowed = false;
      retainEnv.quotaQueriesAllowed = false;
      retainEnv.where = a->forLogement ? "`retenir` (qui dépend du logement, pas d'un candidat)"
                                       : "`retenir` d'un classement sans `pour logement`";
      decl.retain = coerce(checkExpr(*a->retain, retainEnv, types().integer()), types().integer(), env,
                           "nombre de candidats à retenir");
    }
    for (const ast::DontClause& d : a->dont) {
      ir::DontDecl dd;
      dd.count = coerce(checkExpr(*d.count, env, types().integer()), types().integer(), env, "nombre minimal");
      dd.condition = checkCondition(*d.condition, env);
      env.binders.clear();
      env.narrowed.clear();
      if (d.when) dd.when = checkCondition(*d.when, env);
      env.binders.clear();
      env.narrowed.clear();
      dd.label = d.label;
      dd.range = d.range;
      // `dont au moins 4` with `retenir 3`: it displaces every retained
      // candidate that does not meet it (the DALO households first in the
      // order) and still fails.
      if (decl.retain && dd.count) {
        const Interval k = interval(*dd.count), n = interval(*decl.retain);
        if (k.lo && n.hi && *k.lo > *n.hi && *n.hi > 0)
          diags_.report(
              DiagKind::UnsatisfiableClassement, d.count->range,
              fmt::format("la clause `dont au moins` exige {} candidats, mais `retenir` en garde au plus {} : "
                          "elle ne peut jamais être remplie",
                          *k.lo, *n.hi));
      }
      decl.dont.push_back(std::move(dd));
    }
    if (decl.retain) {
      const Interval n = interval(*decl.retain);
      if (n.hi && *n.hi <= 0)
        diags_.report(DiagKind::UnsatisfiableClassement, a->retain->range,
                      "`retenir` ne garde aucun candidat (au plus 0) : la liste présentée sera toujours vide");
    }
  }
}

} // namespace loge::sema::internal
