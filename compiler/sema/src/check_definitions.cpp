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

// A définition with parameters is evaluated again at each call (its value
// depends on its arguments), so `f(x) = g(x) + g(x + 1)` over a chain of
// sixty such définitions makes 2^60 calls: a policy that type-checks, then
// never finishes on a single demande, with the JIT as with the interpreter.
// Counted here on the call tree, each call site once (both branches of a
// `si`; a call inside `somme de … pour x dans liste` once): a définition
// without parameters is computed once per demande and counts one.
void Checker::checkCallGrowth() {
  constexpr std::uint64_t kLimit = 1'000'000; // real policies stay under a hundred
  constexpr const char* kLimitText = "1 000 000";
  const std::size_t n = program_->definitions.size();
  std::vector<std::optional<std::uint64_t>> calls(n); // calls made by one evaluation of the body
  auto count = [&](auto& self, std::uint32_t d) -> std::uint64_t {
    if (calls[d]) return *calls[d];
    calls[d] = 0; // acyclic (checkRecursion), so never read before set below
    std::uint64_t total = 0;
    ir::forEachNode(*program_->definitions[d].body, [&](const ir::Expr& e) {
      if (e.op != ir::Op::Call) return;
      const bool parameters = !program_->definitions[e.index].paramNames.empty();
      const std::uint64_t one = parameters ? 1 + self(self, e.index) : 1;
      total = std::min(total + one, kLimit * 1000); // saturates: only "over the limit" matters
    });
    calls[d] = total;
    return total;
  };
  for (std::uint32_t d = 0; d < n; ++d) {
    const ir::DefinitionDecl& decl = program_->definitions[d];
    if (!decl.body || count(count, d) <= kLimit) continue;
    // Reported where it starts: a définition whose callees are within the limit.
    bool callee = false;
    ir::forEachNode(*decl.body, [&](const ir::Expr& e) {
      if (e.op == ir::Op::Call && calls[e.index] && *calls[e.index] > kLimit) callee = true;
    });
    if (callee) continue;
    Diagnostic& dg = diags_.report(DiagKind::CallsExplode, decl.range, decl.name, kLimitText,
                                   "chaque appel d'une définition à paramètres est recalculé");
    dg.hint = "calculez une fois la valeur répétée dans une définition sans paramètre, ou appelez la fonction "
              "une seule fois par valeur d'argument";
  }
}

} // namespace loge::sema::internal
