// Semantic stage (internal): éligibilité and harmonisation blocks — rules,
// their exceptions (`sauf si`), and motifs with `{expr}` segments.
#include "checker.h"

namespace loge::sema::internal {

std::vector<ir::TextPiece> Checker::checkText(const ast::Text& t, Env& env) {
  std::vector<ir::TextPiece> out;
  for (const ast::TextPart& p : t.parts) {
    if (!p.expr) {
      out.push_back({p.literal, nullptr});
      continue;
    }
    auto v = checkExpr(*p.expr, env);
    const ir::Type* st = ir::stripOptional(v->type);
    if (st->kind == ir::TypeKind::Struct || st->kind == ir::TypeKind::List) {
      diags_.report(DiagKind::BadInterpolation, p.expr->range,
                    "une valeur de type " + typeName(v->type) + " ne s'affiche pas");
      continue;
    }
    out.push_back({"", std::move(v)});
  }
  return out;
}

void Checker::checkRuleBlocks() {
  for (std::size_t i = 0; i < program_->ruleBlocks.size(); ++i) {
    ir::RuleBlockDecl& decl = program_->ruleBlocks[i];
    Module& m = *blockOrigin[i].module;
    const auto* a = static_cast<const ast::RuleBlock*>(blockOrigin[i].node);
    decl.name = m.prefix + a->name.text;
    decl.label = a->label.empty() ? a->name.text : a->label;
    decl.eligibility = a->eligibility;
    decl.forLogement = a->forLogement;
    decl.range = a->range;
    for (const auto& r : a->references) decl.references.push_back({r.text, r.range});
    std::map<std::string, SourceRange> names;
    for (const ast::Rule& r : a->rules) {
      declareLocal(names, r.name);
      ir::RuleDecl rule;
      rule.name = r.name.text;
      rule.label = r.label.empty() ? r.name.text : r.label;
      rule.refusal = r.refusal;
      rule.range = r.range;
      for (const auto& ref : r.references) rule.references.push_back({ref.text, ref.range});
      Env env;
      env.module = &m;
      env.allowedRoles = 1u << static_cast<int>(ir::Role::Demande);
      if (a->forLogement)
        env.allowedRoles |=
            (1u << static_cast<int>(ir::Role::Logement)) | (1u << static_cast<int>(ir::Role::Candidature));
      env.cotationsAllowed = true;
      env.quotaQueriesAllowed = a->forLogement;
      env.where = a->forLogement ? "ce bloc de règles" : "un bloc de règles sans `pour logement`";
      if (!a->forLogement)
        env.missingPourLogement =
            fmt::format("{} {} \"…\"", a->eligibility ? "éligibilité" : "harmonisation", a->name.text);
      env.slots = &rule.slotCount;
      rule.requirement = checkCondition(*r.requirement, env);
      env.binders.clear();
      env.narrowed.clear();
      if (r.motif) rule.motif = checkText(*r.motif, env);
      for (const ast::RuleException& x : r.exceptions) {
        ir::ExceptionDecl ex;
        ex.condition = checkCondition(*x.condition, env);
        env.binders.clear();
        env.narrowed.clear();
        ex.label = x.label.empty() ? unlabelledException(*x.condition) : x.label;
        if (x.reference) ex.reference = ir::Reference{x.reference->text, x.reference->range};
        ex.range = x.range;
        rule.exceptions.push_back(std::move(ex));
      }
      decl.rules.push_back(std::move(rule));
    }
  }
  // `exception à bloc.règle sauf si …`: the rule may live in this module or
  // in an imported one (`alias.bloc.règle`).
  for (Module* mp : order) {
    for (const ast::ExternalException& x : mp->ast->externalExceptions) {
      const auto& parts = x.target.parts;
      ir::RuleDecl* target = nullptr;
      bool forLogement = false;
      if (parts.size() >= 2) {
        Module* scope = mp;
        for (std::size_t k = 0; k + 2 < parts.size() && scope; ++k)
          scope = importAlias(*scope, ast::foldName(parts[k].text));
        const Symbol* s = scope ? lookup(*scope, parts[parts.size() - 2], false) : nullptr;
        if (s && s->kind == Symbol::Kind::RuleBlock) {
          ir::RuleBlockDecl& b = program_->ruleBlocks[s->index];
          forLogement = b.forLogement;
          for (auto& r : b.rules)
            if (ast::foldName(r.name) == ast::foldName(parts.back().text)) target = &r;
        }
      }
      if (!target) {
        Diagnostic& d = diags_.report(DiagKind::ExceptionToNothing, x.target.range);
        d.hint = "`" + x.target.joined() + "` ne désigne aucune règle ; écrivez `exception à bloc.règle sauf si …`";
        continue;
      }
      Env env;
      env.module = mp;
      env.allowedRoles = 1u << static_cast<int>(ir::Role::Demande);
      if (forLogement)
        env.allowedRoles |=
            (1u << static_cast<int>(ir::Role::Logement)) | (1u << static_cast<int>(ir::Role::Candidature));
      env.cotationsAllowed = true;
      env.quotaQueriesAllowed = forLogement;
      env.where = "cette exception";
      env.slots = &target->slotCount;
      ir::ExceptionDecl ex;
      ex.condition = checkCondition(*x.exception.condition, env);
      ex.label = x.exception.label.empty() ? unlabelledException(*x.exception.condition) : x.exception.label;
      if (x.exception.reference)
        ex.reference = ir::Reference{x.exception.reference->text, x.exception.reference->range};
      ex.range = x.range;
      target->exceptions.push_back(std::move(ex));
    }
  }
}

} // namespace loge::sema::internal
