// Semantic stage (internal): `similarité` declarations — which demandes are
// similar to a demande for its position statement, and how an attribution's
// waiting time is measured.
#include "checker.h"

namespace loge::sema::internal {

namespace {
// Keys are compared by equality (lists: by sharing an element), so any
// scalar with a defined equality will do.
bool equalityKey(const ir::Type* t) {
  t = ir::stripOptional(t);
  if (t->kind == ir::TypeKind::List) t = ir::stripOptional(t->element);
  switch (t->kind) {
  case ir::TypeKind::Text:
  case ir::TypeKind::Int:
  case ir::TypeKind::Bool:
  case ir::TypeKind::Date:
  case ir::TypeKind::Enum:
  case ir::TypeKind::Error: return true;
  default: return false;
  }
}
} // namespace

void Checker::checkSimilarites() {
  for (std::size_t i = 0; i < program_->similarities.size(); ++i) {
    ir::SimilarityDecl& decl = program_->similarities[i];
    Module& m = *similariteOrigin[i].module;
    const auto* a = static_cast<const ast::Similarite*>(similariteOrigin[i].node);
    decl.name = m.prefix + a->name.text;
    decl.label = a->label.empty() ? a->name.text : a->label;
    decl.range = a->range;
    for (const auto& r : a->references) decl.references.push_back({r.text, r.range});
    Env env;
    env.module = &m;
    env.allowedRoles = 1u << static_cast<int>(ir::Role::Demande);
    env.where = "une similarité (ses clés `même` ne lisent que la demande)";
    env.slots = &decl.slotCount;
    if (a->keys.empty())
      diags_.report(DiagKind::MissingClause, a->range, "une similarité déclare au moins une clé : `même demande.…`");
    for (const ast::ExprPtr& k : a->keys) {
      auto key = checkExpr(*k, env);
      if (!equalityKey(key->type)) diags_.report(DiagKind::BadSimilarityKey, k->range, typeName(key->type));
      env.binders.clear();
      env.narrowed.clear();
      decl.keys.push_back(std::move(key));
    }
    if (a->waitClauses > 1) diags_.report(DiagKind::DuplicateClause, a->waitRange, "attente", "une similarité");
    if (a->waitFrom) {
      Env waitEnv;
      waitEnv.module = &m;
      waitEnv.allowedRoles = 1u << static_cast<int>(ir::Role::Attribution);
      waitEnv.where = "la clause `attente` d'une similarité (elle lit l'attribution)";
      waitEnv.slots = &decl.slotCount;
      auto date = [&](const ast::Expr& e) {
        auto out = checkExpr(e, waitEnv, types().date());
        if (ir::stripOptional(out->type)->kind != ir::TypeKind::Date && out->type->kind != ir::TypeKind::Error)
          diags_.report(DiagKind::TypeMismatch, e.range,
                        "l'attente se mesure entre deux dates ; trouvé " + typeName(out->type));
        waitEnv.binders.clear();
        waitEnv.narrowed.clear();
        return out;
      };
      decl.waitFrom = date(*a->waitFrom);
      decl.waitTo = date(*a->waitTo);
    }
  }
}

} // namespace loge::sema::internal
