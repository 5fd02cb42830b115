// Semantic stage (internal): names and paths — binders, context records,
// declarations of this module and of imports, enum values, field access
// with optional propagation and narrowing.
#include "checker.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace loge::sema::internal {

using ir::Op;
using ir::TypeKind;

namespace {
// Flattens `a.b.c` into its identifiers; false when the chain has a base
// that is not a name (a call, an index, parentheses…).
bool flatten(const ast::Expr& e, std::vector<const ast::Ident*>& out) {
  if (e.kind == ast::Expr::Kind::Name) {
    out.push_back(&e.name);
    return true;
  }
  if (e.kind == ast::Expr::Kind::Field && flatten(*e.a, out)) {
    out.push_back(&e.name);
    return true;
  }
  return false;
}
} // namespace

ir::ExprPtr Checker::applyField(ir::ExprPtr base, const ast::Ident& field, Env& env, const std::string& path) {
  const ir::Type* t = base->type;
  if (t->kind == TypeKind::Error) return base;
  bool optional = ir::isOptional(t);
  const ir::Type* inner = ir::stripOptional(t);
  if (inner->kind != TypeKind::Struct) {
    Diagnostic& d = diags_.report(DiagKind::TypeMismatch, field.range,
                                  "`" + field.text +
                                      "` : seule une structure a des champs ; cette valeur est de type " + typeName(t));
    // `demande.personnes.length`, `….revenu`: what a list offers instead.
    if (inner->kind == TypeKind::List && path.find('.') != std::string::npos) {
      const std::string list = path.substr(0, path.rfind('.')); // `path` ends with this field
      const std::string f = ast::foldName(field.text);
      const bool counting = f == "length" || f == "len" || f == "size" || f == "count" || f == "taille" ||
                            f == "nombre" || f == "nb" || f == "longueur";
      d.hint = counting ? fmt::format("le nombre d'éléments d'une liste s'écrit `nombre de x dans {}`", list)
                        : fmt::format("une liste n'a pas de champ : `somme de x.{0} pour x dans {1}`, ou `premier x "
                                      "dans {1} où …` pour un élément",
                                      field.text, list);
    }
    return errorExpr(field.range);
  }
  const ir::StructDecl& s = program_->structs[inner->index];
  int index = s.fieldIndex(ast::foldName(field.text));
  if (index < 0) {
    Diagnostic& d = diags_.report(DiagKind::UnknownField, field.range, "la structure `" + s.name + "`", field.text);
    std::vector<std::string> names;
    for (const auto& f : s.fields) names.push_back(f.name);
    d.hint = suggest(field.text, names);
    return errorExpr(field.range);
  }
  const ir::Type* ft = s.fields[static_cast<std::size_t>(index)].type;
  auto out = ir::makeExpr(optional ? Op::OptionalField : Op::Field, optional ? types().optional(ft) : ft,
                          SourceRange::cover(base->range, field.range));
  out->index = static_cast<std::uint32_t>(index);
  out->a = std::move(base);
  (void)env;
  (void)path;
  return out;
}

ir::ExprPtr Checker::useDefinition(std::uint32_t index, std::vector<ir::ExprPtr> args, Env& env, SourceRange range) {
  const ir::DefinitionDecl& d = program_->definitions[index];
  if (env.inDefinition) {
    env.calledDefinitions.insert(index);
  } else {
    std::uint32_t missing = d.roles & ~env.allowedRoles;
    for (int r = 0; r < ir::kRoleCount; ++r) {
      if (missing & (1u << r)) {
        Diagnostic& diag = diags_.report(DiagKind::ContextUnavailable, range,
                                         "`" + d.name + "` utilise `" + roleName(static_cast<ir::Role>(r)) +
                                             "`, qui n'est pas disponible dans " + env.where);
        diag.hint = "seuls les blocs `pour logement` et les classements connaissent le logement proposé";
        return errorExpr(range);
      }
    }
    env.usedRoles |= d.roles;
    env.usedDate |= d.readsDate;
  }
  if (args.size() != d.paramTypes.size()) {
    diags_.report(DiagKind::WrongArgumentCount, range, d.name, d.paramTypes.size(), args.size());
    return errorExpr(range);
  }
  auto out = ir::makeExpr(Op::Call, d.returnType, range);
  out->index = index;
  for (std::size_t i = 0; i < args.size(); ++i)
    out->args.push_back(coerce(std::move(args[i]), d.paramTypes[i], env, "argument"));
  return out;
}

ir::ExprPtr Checker::useSymbol(const Symbol& s, const ast::Ident& name, Env& env, SourceRange range) {
  switch (s.kind) {
  case Symbol::Kind::Parameter: {
    const ir::ParameterDecl& p = program_->parameters[s.index];
    if (p.isTable) {
      Diagnostic& d = diags_.report(DiagKind::NotAValue, range, name.text, "un barème");
      d.hint = "consultez-le avec ses clés : `" + name.text + "[…]`";
      return errorExpr(range);
    }
    env.usedDate = true;
    auto out = ir::makeExpr(Op::Param, p.type, range);
    out->index = s.index;
    return out;
  }
  case Symbol::Kind::Definition: {
    const ir::DefinitionDecl& d = program_->definitions[s.index];
    if (!d.paramTypes.empty()) {
      diags_.report(DiagKind::WrongArgumentCount, range, d.name, d.paramTypes.size(), 0);
      return errorExpr(range);
    }
    return useDefinition(s.index, {}, env, range);
  }
  case Symbol::Kind::Cotation: return checkCotationRef(ast::Expr(ast::Expr::Kind::Name, range), env, s.index, 0);
  case Symbol::Kind::Enum: diags_.report(DiagKind::NotAValue, range, name.text, "une énumération"); break;
  case Symbol::Kind::Struct: diags_.report(DiagKind::NotAValue, range, name.text, "une structure"); break;
  case Symbol::Kind::RuleBlock: {
    Diagnostic& d = diags_.report(DiagKind::NotAValue, range, name.text, "un bloc de règles");
    d.hint = env.inTest
                 ? fmt::format("le statut d'une règle s'attend ainsi : `attendu règle {}.nom_de_la_règle = refus` "
                               "(ou `ok`, `alerte`, `exception`) ; l'éligibilité : `attendu éligible`",
                               name.text)
                 : "une règle n'a pas de valeur ; `éligible` dit si la demande passe toutes les règles de refus";
    break;
  }
  case Symbol::Kind::Quota: {
    Diagnostic& d = diags_.report(DiagKind::NotAValue, range, name.text, "un quota");
    d.hint = "écrivez `quota." + name.text + ".en_retard`, `.concerne` ou `.compte`";
    break;
  }
  case Symbol::Kind::Classement: diags_.report(DiagKind::NotAValue, range, name.text, "un classement"); break;
  case Symbol::Kind::Similarite: diags_.report(DiagKind::NotAValue, range, name.text, "une similarité"); break;
  }
  return errorExpr(range);
}

// Resolves a Name/Field chain: binders, date_évaluation, context records,
// `cotation.`/`quota.`/`classement.` prefixes, declarations (local, then
// unaliased imports), import aliases, enum types, and finally bare enum
// values when the expected type is an enumeration.
ir::ExprPtr Checker::checkPath(const ast::Expr& e, Env& env, const ir::Type* expected) {
  std::vector<const ast::Ident*> parts;
  if (!flatten(e, parts)) {
    // `quota.X[clé = v, periode = 2025].part` (tests)
    if (e.a->kind == ast::Expr::Kind::Index && pathOf(*e.a->a).rfind("quota.", 0) == 0) return checkQuotaRef(e, env);
    // `(…).champ`, `f(x).champ`, `P[k].min`
    auto base = checkExpr(*e.a, env);
    return applyField(std::move(base), e.name, env, "");
  }
  const ast::Ident& head = *parts[0];
  std::string folded = ast::foldName(head.text);
  ir::ExprPtr value;
  std::size_t next = 1;
  std::string path = folded;

  // Narrowed optional paths read as present values.
  auto narrow = [&](ir::ExprPtr v) {
    if (ir::isOptional(v->type)) {
      for (const std::string& n : env.narrowed) {
        if (n == path) {
          auto u = ir::makeExpr(Op::Unwrap, ir::stripOptional(v->type), v->range);
          u->a = std::move(v);
          return u;
        }
      }
    }
    return v;
  };

  for (auto it = env.binders.rbegin(); it != env.binders.rend() && !value; ++it) {
    if (it->folded == folded) {
      value = ir::makeExpr(Op::Local, it->type, head.range);
      value->index = it->slot;
    }
  }
  ir::Role role;
  if (!value && folded == "date_evaluation") {
    env.usedDate = true;
    value = ir::makeExpr(Op::DateEvaluation, types().date(), head.range);
  } else if (!value && isRoleName(folded, role)) {
    if (!useRole(env, role, head.range)) return errorExpr(e.range);
    value = ir::makeExpr(Op::Context, program_->schema.roles[static_cast<int>(role)], head.range);
    value->role = role;
  } else if (!value && (folded == "cotation" || folded == "quota" || folded == "classement") && parts.size() > 1) {
    if (folded == "quota") return checkQuotaRef(e, env);
    Module* m = env.module;
    const Symbol* s = lookup(*m, *parts[1], true);
    if (!s) return errorExpr(e.range);
    if (folded == "cotation" && s->kind == Symbol::Kind::Cotation) {
      // `cotation.principale.x` reads as `principale.x`
      const ast::Expr* base = &e;
      std::size_t depth = parts.size() - 2;
      return checkCotationRef(*base, env, s->index, depth);
    }
    if (folded == "classement" && s->kind == Symbol::Kind::Classement && parts.size() == 2) {
      if (!env.inTest) {
        diags_.report(DiagKind::MisplacedClause, e.range,
                      "la liste retenue d'un classement ne se lit que dans un test");
        return errorExpr(e.range);
      }
      auto out = ir::makeExpr(Op::ClassementIds, types().list(types().text()), e.range);
      out->index = s->index;
      return out;
    }
    diags_.report(DiagKind::TypeMismatch, parts[1]->range, "`" + parts[1]->text + "` n'est pas un " + folded);
    return errorExpr(e.range);
  } else if (!value && env.inTest && folded == "eligible" && parts.size() == 1) {
    return ir::makeExpr(Op::Eligible, types().boolean(), head.range);
  }

  if (!value) {
    // Declarations: this module, its unaliased imports, then aliases.
    Module* scope = env.module;
    const ast::Ident* name = &head;
    std::size_t i = 0;
    while (true) {
      const Symbol* s = lookup(*scope, *name, false);
      if (s) {
        if (s->kind == Symbol::Kind::Cotation) {
          std::size_t depth = parts.size() - i - 1;
          return checkCotationRef(e, env, s->index, depth);
        }
        if (s->kind == Symbol::Kind::Enum) {
          const ir::Type* t = types().enumeration(s->index);
          if (i + 1 >= parts.size()) {
            diags_.report(DiagKind::NotAValue, name->range, name->text, "une énumération");
            return errorExpr(e.range);
          }
          const ast::Ident& v = *parts[i + 1];
          auto idx = lookupEnumValue(t, ast::foldName(v.text));
          if (!idx) {
            Diagnostic& d = diags_.report(DiagKind::UnknownEnumValue, v.range, v.text, program_->enums[s->index].name);
            d.hint = suggest(v.text, program_->enums[s->index].values);
            return errorExpr(e.range);
          }
          value = ir::makeExpr(Op::Const, t, SourceRange::cover(head.range, v.range));
          value->constant = ir::Constant::enumValue(*idx);
          next = i + 2;
        } else {
          value = useSymbol(*s, *name, env, SourceRange::cover(head.range, name->range));
          next = i + 1;
        }
        break;
      }
      Module* alias = importAlias(*scope, ast::foldName(name->text));
      if (alias && i + 1 < parts.size()) {
        scope = alias;
        ++i;
        name = parts[i];
        continue;
      }
      // Bare enum value, typed by context.
      if (i == 0 && expected && ir::stripOptional(expected)->kind == TypeKind::Enum) {
        const ir::Type* t = ir::stripOptional(expected);
        if (auto idx = lookupEnumValue(t, folded)) {
          value = ir::makeExpr(Op::Const, t, head.range);
          value->constant = ir::Constant::enumValue(*idx);
          break;
        }
      }
      if (i == 0 && parts.size() == 1) {
        // A bare enum value where no type says which enumeration it is.
        std::vector<std::string> owners;
        for (const ir::EnumDecl& en : program_->enums)
          for (const std::string& v : en.values)
            if (v == folded) owners.push_back(en.name);
        if (owners.size() > 1) {
          Diagnostic& d = diags_.report(DiagKind::AmbiguousEnumValue, head.range, head.text,
                                        fmt::format("{}", fmt::join(owners, ", ")));
          d.hint = "écrivez par exemple `" + owners[0] + "." + head.text + "`";
          return errorExpr(e.range);
        }
        if (owners.size() == 1) {
          Diagnostic& d = diags_.report(DiagKind::UnknownName, head.range, head.text);
          d.hint = "ici, le type attendu n'est pas connu : écrivez `" + owners[0] + "." + head.text + "`";
          return errorExpr(e.range);
        }
      }
      // `dalo = oui` in a test's records, `true` from another language.
      if (i == 0 && parts.size() == 1 && expected && ir::stripOptional(expected)->kind == TypeKind::Bool &&
          (folded == "oui" || folded == "yes" || folded == "true" || folded == "false" || folded == "no")) {
        Diagnostic& d = diags_.report(DiagKind::UnknownName, head.range, head.text);
        d.hint = fmt::format("un booléen s'écrit `vrai` ou `faux` : ici, `{}`",
                             folded == "oui" || folded == "yes" || folded == "true" ? "vrai" : "faux");
        return errorExpr(e.range);
      }
      // `demande.id = A1`: where a text is expected, a word that names
      // nothing (a misspelt définition keeps its suggestion).
      if (i == 0 && parts.size() == 1 && expected && ir::stripOptional(expected)->kind == TypeKind::Text &&
          !lookup(*scope, *name, false) && suggest(head.text, visibleNames(*scope)).empty()) {
        Diagnostic& d = diags_.report(DiagKind::UnknownName, head.range, head.text);
        d.hint = fmt::format("un texte s'écrit entre guillemets : `\"{}\"`", head.text);
        return errorExpr(e.range);
      }
      // `demande.zone = A`: where an enumeration's value is expected, a
      // name that is none of its values, nor anything else.
      // A misspelt définition is still reported as an unknown name, with
      // its suggestion.
      if (i == 0 && parts.size() == 1 && expected && ir::stripOptional(expected)->kind == TypeKind::Enum &&
          !lookup(*scope, *name, false)) {
        const ir::EnumDecl& en = program_->enums[ir::stripOptional(expected)->index];
        const std::string asValue = suggest(head.text, en.values);
        if (!asValue.empty() || suggest(head.text, visibleNames(*scope)).empty()) {
          Diagnostic& d = diags_.report(DiagKind::UnknownEnumValue, head.range, head.text, en.name);
          d.hint =
              !asValue.empty() ? asValue : fmt::format("les valeurs de `{}` : {}", en.name, fmt::join(en.values, ", "));
          return errorExpr(e.range);
        }
      }
      lookup(*scope, *name, true); // reports, with a suggestion
      return errorExpr(e.range);
    }
    path.clear();
    for (std::size_t k = 0; k < next; ++k) path += (k ? "." : "") + ast::foldName(parts[k]->text);
  }

  value = narrow(std::move(value));
  for (std::size_t k = next; k < parts.size(); ++k) {
    path += "." + ast::foldName(parts[k]->text);
    value = applyField(std::move(value), *parts[k], env, path);
    value = narrow(std::move(value));
  }
  value->range = e.range;
  return value;
}

} // namespace loge::sema::internal
