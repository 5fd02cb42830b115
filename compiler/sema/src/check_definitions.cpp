// Semantic stage (internal): definitions — signatures, bodies, recursion
// (rejected: every policy must terminate) and the context records each one
// needs, directly or through the definitions it calls.
#include "checker.h"

namespace loge::sema::internal {

void Checker::declareDefinitions() {
  definitionTarget.clear();
  for (Module* mp : order) {
    Module& m = *mp;
    for (const ast::Definition& d : m.ast->definitions) {
      if (!d.replaced.parts.empty()) continue;
      auto index = static_cast<std::uint32_t>(program_->definitions.size());
      addSymbol(m, d.name, Symbol::Kind::Definition, index);
      ir::DefinitionDecl decl;
      decl.name = m.prefix + d.name.text;
      decl.range = d.range;
      std::map<std::string, SourceRange> seen;
      for (const ast::Param& p : d.params) {
        declareLocal(seen, p.name);
        decl.paramNames.push_back(ast::foldName(p.name.text));
        decl.paramTypes.push_back(resolveType(m, *p.type));
      }
      decl.returnType = resolveType(m, *d.returnType);
      program_->definitions.push_back(std::move(decl));
      definitionOrigin.push_back({&m, &d});
    }
  }
  // `remplace définition alias.nom`: the replacement takes the original's
  // index (so every caller, in every module, sees it) and must keep its
  // signature.
  for (auto& mp : modules) {
    Module& m = *mp;
    for (const ast::Definition& d : m.ast->definitions) {
      if (d.replaced.parts.empty()) continue;
      Module* scope = &m;
      for (std::size_t i = 0; i + 1 < d.replaced.parts.size() && scope; ++i)
        scope = importAlias(*scope, ast::foldName(d.replaced.parts[i].text));
      const Symbol* s = scope && scope != &m ? lookup(*scope, d.replaced.parts.back(), false) : nullptr;
      if (!s || s->kind != Symbol::Kind::Definition) {
        diags_.report(DiagKind::ReplaceTargetMissing, d.replaced.range, d.replaced.joined());
        continue;
      }
      ir::DefinitionDecl& orig = program_->definitions[s->index];
      const ir::Type* rt = resolveType(m, *d.returnType);
      bool same = rt == orig.returnType && d.params.size() == orig.paramTypes.size();
      for (std::size_t i = 0; same && i < d.params.size(); ++i)
        same = resolveType(m, *d.params[i].type) == orig.paramTypes[i];
      if (!same) {
        diags_.report(DiagKind::ReplaceTypeMismatch, d.range, d.replaced.joined(), typeName(orig.returnType),
                      typeName(rt));
        continue;
      }
      orig.paramNames.clear();
      for (const ast::Param& p : d.params) orig.paramNames.push_back(ast::foldName(p.name.text));
      definitionOrigin[s->index] = {&m, &d};
    }
  }
}

void Checker::checkDefinitionBodies() {
  for (std::size_t i = 0; i < program_->definitions.size(); ++i) {
    ir::DefinitionDecl& decl = program_->definitions[i];
    Module& m = *definitionOrigin[i].module;
    const auto* d = static_cast<const ast::Definition*>(definitionOrigin[i].node);
    Env env;
    env.module = &m;
    env.allowedRoles = 0xF;
    env.inDefinition = true;
    env.where = "une définition";
    env.slots = &decl.slotCount;
    for (std::size_t p = 0; p < d->params.size(); ++p) bind(env, d->params[p].name, decl.paramTypes[p]);
    auto body = checkExpr(*d->body, env, decl.returnType);
    decl.body = coerce(std::move(body), decl.returnType, env, "valeur de la définition");
    decl.roles = env.usedRoles;
    decl.readsDate = env.usedDate;
    calls_.push_back(std::vector<std::uint32_t>(env.calledDefinitions.begin(), env.calledDefinitions.end()));
  }
}

void Checker::checkRecursion() {
  std::size_t n = program_->definitions.size();
  std::vector<int> state(n, 0); // 0 new, 1 on stack, 2 done
  std::vector<std::uint32_t> stack;
  auto visit = [&](auto& self, std::uint32_t v) -> bool {
    state[v] = 1;
    stack.push_back(v);
    for (std::uint32_t w : calls_[v]) {
      if (state[w] == 1) {
        std::string chain;
        bool on = false;
        for (std::uint32_t s : stack) {
          on |= s == w;
          if (on) chain += program_->definitions[s].name + " → ";
        }
        chain += program_->definitions[w].name;
        diags_.report(DiagKind::RecursiveDefinition, program_->definitions[w].range, program_->definitions[w].name,
                      chain);
        return false;
      }
      if (state[w] == 0 && !self(self, w)) return false;
    }
    stack.pop_back();
    state[v] = 2;
    return true;
  };
  for (std::uint32_t v = 0; v < n; ++v) {
    if (state[v] == 0 && !visit(visit, v)) return;
  }
}

// Once the call graph is known to be acyclic, each definition's needs are
// the union of its own and its callees' (a fixed point, reached quickly).
void Checker::propagateContexts() {
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t i = 0; i < program_->definitions.size(); ++i) {
      ir::DefinitionDecl& d = program_->definitions[i];
      for (std::uint32_t c : calls_[i]) {
        const ir::DefinitionDecl& callee = program_->definitions[c];
        std::uint32_t roles = d.roles | callee.roles;
        bool date = d.readsDate || callee.readsDate;
        if (roles != d.roles || date != d.readsDate) {
          d.roles = roles;
          d.readsDate = date;
          changed = true;
        }
      }
    }
  }
}

} // namespace loge::sema::internal
