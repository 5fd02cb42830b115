// Semantic stage (internal): cotations — criteria (`V si C`), rubriques
// (sum or maximum), floors and ceilings, and `remplace critère`.
#include "checker.h"

namespace loge::sema::internal {

namespace {
struct CotationBuilder {
  Checker& c;
  ir::CotationDecl& decl;
  Env& env;
  std::map<std::string, SourceRange> names;

  void declareName(const ast::Ident& n) { c.declareLocal(names, n); }

  // Items of the cotation body or of a rubrique, in order.
  std::vector<std::int32_t> items(const std::vector<ast::CotationItemPtr>& in, std::int32_t rubrique,
                                  ir::ExprPtr& floor, ir::ExprPtr& ceiling) {
    std::vector<std::int32_t> out;
    for (const auto& item : in) {
      switch (item->kind) {
      case ast::CotationItem::Kind::Criterion: {
        declareName(item->name);
        ir::CriterionDecl cr;
        cr.name = item->name.text;
        cr.label = item->label.empty() ? item->name.text : item->label;
        for (const auto& r : item->references) cr.references.push_back({r.text, r.range});
        cr.rubrique = rubrique;
        cr.range = item->range;
        std::size_t mark = env.binders.size();
        if (item->condition) cr.condition = c.checkCondition(*item->condition, env);
        cr.value = c.checkPoints(*item->value, env);
        c.unbind(env, mark);
        env.narrowed.clear();
        out.push_back(static_cast<std::int32_t>(decl.criteria.size()));
        decl.criteria.push_back(std::move(cr));
        break;
      }
      case ast::CotationItem::Kind::Rubrique: {
        declareName(item->name);
        auto index = static_cast<std::int32_t>(decl.rubriques.size());
        decl.rubriques.emplace_back();
        ir::RubriqueDecl r;
        r.name = item->name.text;
        r.label = item->label.empty() ? item->name.text : item->label;
        for (const auto& ref : item->references) r.references.push_back({ref.text, ref.range});
        r.maximum = item->maximum;
        r.parent = rubrique;
        r.range = item->range;
        r.items = items(item->items, index, r.floor, r.ceiling);
        if (r.items.empty())
          c.diags().report(DiagKind::EmptyCotation, item->name.range, "la rubrique `" + item->name.text + "`");
        decl.rubriques[static_cast<std::size_t>(index)] = std::move(r);
        out.push_back(-(index + 1));
        break;
      }
      case ast::CotationItem::Kind::Floor:
      case ast::CotationItem::Kind::Ceiling: {
        ir::ExprPtr& slot = item->kind == ast::CotationItem::Kind::Floor ? floor : ceiling;
        if (slot) {
          Diagnostic& d = c.diags().report(DiagKind::DuplicateClause, item->range,
                                           item->kind == ast::CotationItem::Kind::Floor ? "plancher" : "plafond",
                                           rubrique < 0 ? "cette cotation" : "cette rubrique");
          d.notes.push_back({slot->range, "la première"});
          break;
        }
        slot = c.checkPoints(*item->value, env);
        break;
      }
      }
    }
    return out;
  }
};
} // namespace

void Checker::checkCotations() {
  for (std::size_t i = 0; i < program_->cotations.size(); ++i) {
    ir::CotationDecl& decl = program_->cotations[i];
    Module& m = *cotationOrigin[i].module;
    const auto* a = static_cast<const ast::Cotation*>(cotationOrigin[i].node);
    decl.name = m.prefix + a->name.text;
    decl.label = a->label.empty() ? a->name.text : a->label;
    decl.range = a->range;
    for (const auto& r : a->references) decl.references.push_back({r.text, r.range});
    Env env;
    env.module = &m;
    env.allowedRoles = 1u << static_cast<int>(ir::Role::Demande);
    env.where = "une cotation";
    env.slots = &decl.slotCount;
    CotationBuilder b{*this, decl, env, {}};
    decl.items = b.items(a->items, -1, decl.floor, decl.ceiling);
    if (decl.criteria.empty())
      diags_.report(DiagKind::EmptyCotation, a->name.range, "la cotation `" + a->name.text + "`");
  }
  // `remplace critère alias.cotation.critère = …`
  for (Module* mp : order) {
    for (const ast::ReplaceCriterion& r : mp->ast->replacedCriteria) {
      const auto& parts = r.target.parts;
      Module* scope = mp;
      std::size_t k = 0;
      for (; k + 2 < parts.size() && scope; ++k) scope = importAlias(*scope, ast::foldName(parts[k].text));
      const Symbol* s =
          scope && scope != mp && parts.size() >= 3 ? lookup(*scope, parts[parts.size() - 2], false) : nullptr;
      ir::CotationDecl* cot = s && s->kind == Symbol::Kind::Cotation ? &program_->cotations[s->index] : nullptr;
      ir::CriterionDecl* target = nullptr;
      if (cot)
        for (auto& cr : cot->criteria)
          if (ast::foldName(cr.name) == ast::foldName(parts.back().text)) target = &cr;
      if (!target) {
        diags_.report(DiagKind::ReplaceTargetMissing, r.target.range, r.target.joined());
        continue;
      }
      Env env;
      env.module = mp;
      env.allowedRoles = 1u << static_cast<int>(ir::Role::Demande);
      env.where = "une cotation";
      env.slots = &cot->slotCount;
      if (!r.label.empty()) target->label = r.label;
      if (!r.references.empty()) {
        target->references.clear();
        for (const auto& ref : r.references) target->references.push_back({ref.text, ref.range});
      }
      target->condition = r.condition ? checkCondition(*r.condition, env) : nullptr;
      target->value = checkPoints(*r.value, env);
      target->range = r.range;
    }
  }
}

} // namespace loge::sema::internal
