// Semantic stage (internal): declaring types, the schema and the header.
#include "checker.h"

namespace loge::sema::internal {

std::string roleName(ir::Role r) {
  switch (r) {
  case ir::Role::Demande: return "demande";
  case ir::Role::Logement: return "logement";
  case ir::Role::Candidature: return "candidature";
  case ir::Role::Attribution: return "attribution";
  }
  return "demande";
}

bool isRoleName(const std::string& folded, ir::Role& out) {
  for (int i = 0; i < ir::kRoleCount; ++i) {
    if (roleName(static_cast<ir::Role>(i)) == folded) {
      out = static_cast<ir::Role>(i);
      return true;
    }
  }
  return false;
}

bool Checker::declareLocal(std::map<std::string, SourceRange>& seen, const ast::Ident& name) {
  auto [it, inserted] = seen.try_emplace(ast::foldName(name.text), name.range);
  if (inserted) return true;
  Diagnostic& d = diags_.report(DiagKind::DuplicateName, name.range, name.text);
  d.notes.push_back({it->second, "première déclaration"});
  return false;
}

void Checker::addSymbol(Module& m, const ast::Ident& name, Symbol::Kind kind, std::uint32_t index) {
  std::string folded = ast::foldName(name.text);
  auto [it, inserted] = m.symbols.try_emplace(folded, Symbol{kind, index, name.range, name.text});
  if (!inserted) {
    // Kinds are declared in passes (quotas before définitions…): the error
    // goes to the later of the two in the file, the note to the first.
    SourceRange first = it->second.range, second = name.range;
    std::string secondText = name.text;
    if (first.file == second.file &&
        (second.begin.line < first.begin.line ||
         (second.begin.line == first.begin.line && second.begin.column < first.begin.column))) {
      std::swap(first, second);
      secondText = it->second.name;
    }
    Diagnostic& d = diags_.report(DiagKind::DuplicateName, second, secondText);
    if (it->second.name != name.text) d.hint = "deux noms qui ne diffèrent que par les accents désignent la même chose";
    d.notes.push_back({first, "première déclaration"});
    return;
  }
  // A local declaration may not silently shadow an unaliased import's.
  for (const ImportEdge& e : m.imports) {
    if (e.aliased) continue;
    auto other = e.target->symbols.find(folded);
    if (other != e.target->symbols.end()) {
      Diagnostic& d = diags_.report(DiagKind::DuplicateName, name.range, name.text);
      d.hint = "ce nom est déjà déclaré par un module importé ; pour changer sa valeur, écrivez `remplace`";
      d.notes.push_back({other->second.range, "déclaration importée"});
    }
  }
}

// Declares enumerations and structures of every module (imports first, so
// a module's names exist before the modules that import it are checked).
void Checker::declareAll() {
  // Post-order: every module comes after the modules it imports.
  order.clear();
  std::set<Module*> visited;
  auto visit = [&](auto& self, Module* m) -> void {
    if (!visited.insert(m).second) return;
    for (ImportEdge& e : m->imports) self(self, e.target);
    order.push_back(m);
  };
  visit(visit, root);
  for (Module* m : order) declareTypes(*m);
  for (Module* mp : order) {
    Module& m = *mp;
    // Other declarations only claim their names here; their content is
    // checked by later passes.
    for (const ast::Cotation& c : m.ast->cotations) {
      addSymbol(m, c.name, Symbol::Kind::Cotation, static_cast<std::uint32_t>(program_->cotations.size()));
      program_->cotations.emplace_back();
      cotationOrigin.push_back({&m, &c});
    }
    for (const ast::RuleBlock& b : m.ast->ruleBlocks) {
      addSymbol(m, b.name, Symbol::Kind::RuleBlock, static_cast<std::uint32_t>(program_->ruleBlocks.size()));
      program_->ruleBlocks.emplace_back();
      blockOrigin.push_back({&m, &b});
    }
    for (const ast::Quota& q : m.ast->quotas) {
      addSymbol(m, q.name, Symbol::Kind::Quota, static_cast<std::uint32_t>(program_->quotas.size()));
      program_->quotas.emplace_back();
      quotaOrigin.push_back({&m, &q});
    }
    for (const ast::Classement& c : m.ast->classements) {
      addSymbol(m, c.name, Symbol::Kind::Classement, static_cast<std::uint32_t>(program_->classements.size()));
      program_->classements.emplace_back();
      classementOrigin.push_back({&m, &c});
    }
    for (const ast::Similarite& s : m.ast->similarites) {
      addSymbol(m, s.name, Symbol::Kind::Similarite, static_cast<std::uint32_t>(program_->similarities.size()));
      program_->similarities.emplace_back();
      similariteOrigin.push_back({&m, &s});
    }
  }
  for (Module* m : order) resolveStructFields(*m);
  // A structure may not contain itself, directly or through other
  // structures, except through an optional field or a list: its values
  // would be infinite.
  {
    std::vector<int> state(program_->structs.size(), 0);
    std::vector<std::string> path;
    auto visit = [&](auto& self, std::uint32_t s) -> bool {
      state[s] = 1;
      path.push_back(program_->structs[s].name);
      for (const ir::FieldDecl& f : program_->structs[s].fields) {
        if (f.type->kind != ir::TypeKind::Struct) continue;
        std::uint32_t t = f.type->index;
        if (state[t] == 1) {
          std::string chain;
          for (const auto& n : path) chain += n + " → ";
          diags_.report(DiagKind::RecursiveStructure, f.range, program_->structs[t].name,
                        chain + program_->structs[t].name);
          return false;
        }
        if (state[t] == 0 && !self(self, t)) return false;
      }
      path.pop_back();
      state[s] = 2;
      return true;
    };
    for (std::uint32_t s = 0; s < program_->structs.size(); ++s)
      if (state[s] == 0 && !visit(visit, s)) break;
  }
  declareSchema();
}

void Checker::declareTypes(Module& m) {
  for (const ast::Enumeration& e : m.ast->enumerations) {
    auto index = static_cast<std::uint32_t>(program_->enums.size());
    addSymbol(m, e.name, Symbol::Kind::Enum, index);
    ir::EnumDecl d;
    d.name = m.prefix + e.name.text;
    d.label = e.label;
    d.range = e.range;
    std::map<std::string, SourceRange> seen;
    for (const ast::EnumValueDecl& v : e.values) {
      std::string folded = ast::foldName(v.name.text);
      declareLocal(seen, v.name);
      d.values.push_back(folded);
      d.valueLabels.push_back(v.label.empty() ? v.name.text : v.label);
    }
    program_->enums.push_back(std::move(d));
    enumOrigin.push_back({&m, &e});
  }
  for (const ast::Structure& s : m.ast->structures) {
    auto index = static_cast<std::uint32_t>(program_->structs.size());
    addSymbol(m, s.name, Symbol::Kind::Struct, index);
    ir::StructDecl d;
    d.name = m.prefix + s.name.text;
    d.label = s.label;
    d.range = s.range;
    program_->structs.push_back(std::move(d));
    structOrigin.push_back({&m, &s});
  }
}

// Field types can name structures of the same module in any order, so they
// are resolved once every structure has an index.
void Checker::resolveStructFields(Module& m) {
  for (std::size_t i = 0; i < structOrigin.size(); ++i) {
    if (structOrigin[i].module != &m) continue;
    const auto* s = static_cast<const ast::Structure*>(structOrigin[i].node);
    ir::StructDecl& d = program_->structs[i];
    for (const ast::FieldDecl& f : s->fields) {
      std::string folded = ast::foldName(f.name.text);
      if (int first = d.fieldIndex(folded); first >= 0) {
        Diagnostic& dup = diags_.report(DiagKind::DuplicateName, f.name.range, f.name.text);
        dup.notes.push_back({d.fields[static_cast<std::size_t>(first)].range, "première déclaration"});
        continue;
      }
      ir::FieldDecl fd;
      fd.name = folded;
      fd.label = f.label.empty() ? f.name.text : f.label;
      fd.type = resolveType(m, *f.type);
      fd.range = f.range;
      const ir::Type* boundType = fd.type->kind == ir::TypeKind::List ? types().integer() : ir::stripOptional(fd.type);
      if (f.type->lowerBound) fd.lower = constantValue(m, *f.type->lowerBound, boundType);
      if (f.type->upperBound) fd.upper = constantValue(m, *f.type->upperBound, boundType);
      if (f.defaultValue) fd.testDefault = constantValue(m, *f.defaultValue, fd.type);
      if (fd.lower && fd.upper && fd.lower->number > fd.upper->number)
        diags_.report(DiagKind::BadBound, f.type->range, "la borne inférieure dépasse la borne supérieure");
      // `k : entier 0..5 = 9`: every test that relies on the default would
      // describe a demande that `loge run` refuses.
      bool date = false;
      const ir::Constant* bound = nullptr;
      if (auto v = fd.testDefault ? constantOnBoundScale(*fd.testDefault, date) : std::nullopt)
        if (const char* side = boundViolated(fd, *v, date, bound))
          diags_.report(DiagKind::BadBound, f.defaultValue->range,
                        fmt::format("la valeur par défaut est {} {} du champ", side, boundText(*bound, fd.type)));
      d.fields.push_back(std::move(fd));
    }
  }
}

void Checker::declareSchema() {
  // Each role may be declared by at most one module; the root need not
  // declare any if it imports a schema.
  SourceRange declared[ir::kRoleCount];
  for (auto& mp : modules) {
    Module& m = *mp;
    for (const ast::Schema& s : m.ast->schemas) {
      for (const ast::SchemaBinding& b : s.bindings) {
        ir::Role role;
        std::string folded = ast::foldName(b.role.text);
        if (!isRoleName(folded, role)) {
          Diagnostic& d = diags_.report(DiagKind::UnknownName, b.role.range, b.role.text);
          d.hint = "un schéma associe `demande`, `logement`, `candidature` ou `attribution` à une structure";
          continue;
        }
        const Symbol* sym = lookup(m, b.type, true);
        if (!sym) continue;
        if (sym->kind != Symbol::Kind::Struct) {
          diags_.report(DiagKind::TypeMismatch, b.type.range, "`" + b.type.text + "` n'est pas une structure");
          continue;
        }
        int r = static_cast<int>(role);
        const ir::Type* t = types().structure(sym->index);
        if (program_->schema.roles[r] && program_->schema.roles[r] != t) {
          Diagnostic& d = diags_.report(DiagKind::DuplicateSchema, b.role.range, folded);
          d.notes.push_back({declared[r], "autre déclaration"});
          continue;
        }
        program_->schema.roles[r] = t;
        declared[r] = b.role.range;
        if (role == ir::Role::Candidature) {
          // A candidature is optional data about the pair demande × logement
          // (LANGUAGE-NOTES P5): when none is given, all its fields are absent.
          for (const ir::FieldDecl& f : program_->structs[sym->index].fields) {
            if (!ir::isOptional(f.type)) {
              Diagnostic& d = diags_.report(DiagKind::TypeMismatch, f.range,
                                            "le champ `" + f.name + "` d'une candidature doit être optionnel (`" +
                                                f.name + " : " + typeName(f.type) + "?`)");
              d.hint = "une candidature peut manquer : tous ses champs peuvent être absents";
            }
          }
        }
      }
    }
  }
}

void Checker::declareHeader(Module& m) {
  if (!m.ast->header) return;
  const ast::Header& h = *m.ast->header;
  program_->title = h.title;
  program_->version = h.version.value_or("");
  for (const ast::Reference& r : h.references) program_->references.push_back({r.text, r.range});
  if (h.vigueurFrom) {
    auto from = num::Date::parse(*h.vigueurFrom);
    if (!from)
      diags_.report(DiagKind::BadDate, h.vigueurRange, *h.vigueurFrom);
    else
      program_->vigueurFrom = *from;
    if (h.vigueurTo) {
      auto to = num::Date::parse(*h.vigueurTo);
      if (!to)
        diags_.report(DiagKind::BadDate, h.vigueurRange, *h.vigueurTo);
      else if (from && *to < *from)
        diags_.report(DiagKind::BadVigueur, h.vigueurRange, *h.vigueurTo, *h.vigueurFrom);
      else
        program_->vigueurTo = to;
    }
  }
  switch (h.endOfMonth) {
  case ast::Header::EndOfMonth::Undeclared: break;
  case ast::Header::EndOfMonth::LastDay:
    program_->endOfMonth = num::EndOfMonth::LastDayOfMonth;
    program_->endOfMonthDeclared = true;
    break;
  case ast::Header::EndOfMonth::FirstOfNext:
    program_->endOfMonth = num::EndOfMonth::FirstOfNextMonth;
    program_->endOfMonthDeclared = true;
    break;
  case ast::Header::EndOfMonth::Error:
    program_->endOfMonth = num::EndOfMonth::Error;
    program_->endOfMonthDeclared = true;
    break;
  }
}

} // namespace loge::sema::internal
