// Semantic stage (internal): `test` blocks — typed records for the demande,
// logement, candidature, candidates and attributions (with the schema's and
// the policy's test defaults), parameter overrides and expectations.
#include "checker.h"

#include <algorithm>

namespace loge::sema::internal {

using ir::Op;

namespace {
// Whether a name as written is `folded` once its accents are folded; an
// ASCII name (most of them) folds to itself, without building a string:
// the lookups below run for every field of every test record.
bool sameName(std::string_view written, const std::string& folded) {
  if (std::all_of(written.begin(), written.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return written == folded;
  return ast::foldName(written) == folded;
}

// The value a test gives to `path` (relative to a record), if any.
const ast::RecordEntry* findEntry(const std::vector<ast::RecordEntry>& entries, const std::vector<std::string>& path) {
  const ast::RecordEntry* found = nullptr;
  for (const auto& e : entries) {
    if (e.path.parts.size() != path.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < path.size() && same; ++i) same = sameName(e.path.parts[i].text, path[i]);
    if (same) found = &e; // the last one wins
  }
  return found;
}

bool hasPrefix(const std::vector<ast::RecordEntry>& entries, const std::vector<std::string>& prefix) {
  for (const auto& e : entries) {
    if (e.path.parts.size() <= prefix.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < prefix.size() && same; ++i) same = sameName(e.path.parts[i].text, prefix[i]);
    if (same) return true;
  }
  return false;
}

// `erreur "…"` in an expectation is only the right side of its top-level
// `=`; anywhere else at the top (alone, on the left, after `≠` or `<`) it
// would be evaluated and fail the test, which is never what was meant.
bool misplacedError(const ast::Expr& e) {
  using K = ast::Expr::Kind;
  if (e.kind == K::Error) return true;
  if (e.kind != K::Binary) return false;
  return e.a->kind == K::Error || (e.binaryOp != ast::BinaryOp::Eq && e.b->kind == K::Error);
}

// A number written without unit, possibly negated: `12.5`, `-3` (not `35 %`).
bool bareNumber(const ast::Expr& e) {
  if (e.kind == ast::Expr::Kind::Unary && e.unaryOp == ast::UnaryOp::Neg) return bareNumber(*e.a);
  return e.kind == ast::Expr::Kind::Number && e.literalUnit == ast::LiteralUnit::None;
}
// The constant a test value stands for, when it is one: a literal, possibly
// negated, converted to décimal or made present (`n = 0`, `-3 €/mois`).
// The number is on the scale of the schema's bounds (bounds.cpp in ingest):
// days for dates, mantissas for numbers and list lengths.
std::optional<num::int128> testValueOnBoundScale(const ir::Expr& e, bool& date) {
  switch (e.op) {
  case Op::Some: return testValueOnBoundScale(*e.a, date);
  case Op::IntToDecimal: {
    auto v = testValueOnBoundScale(*e.a, date);
    return v && !date ? std::optional<num::int128>(*v) : std::nullopt; // already scaled
  }
  case Op::IntNeg:
  case Op::DecimalNeg: {
    auto v = testValueOnBoundScale(*e.a, date);
    return v && !date ? std::optional<num::int128>(-*v) : std::nullopt;
  }
  case Op::MakeList: return static_cast<num::int128>(e.args.size()) * num::Decimal::kOne;
  case Op::Const: return constantOnBoundScale(e.constant, date);
  default: return std::nullopt;
  }
}

} // namespace

// A test value outside the bounds its field declares (`n = 0` for `entier
// (au moins 1)`): input data with that value is refused (`loge run`), so a
// test that uses it would check a case that cannot happen, and the checker's
// own proofs (a divisor never zero) would not hold in it.
void Checker::checkTestBounds(const ir::FieldDecl& f, const ir::Expr& value, const ast::Expr& written,
                              const std::string& fieldPath) {
  if (!f.lower && !f.upper) return;
  bool date = false;
  std::optional<num::int128> v = testValueOnBoundScale(value, date);
  if (!v) return;
  const bool list = ir::stripOptional(f.type)->kind == ir::TypeKind::List;
  auto report = [&](const ir::Constant& bound, const char* side) {
    Diagnostic& d = diags_.report(DiagKind::TestBadInput, written.range,
                                  fmt::format("{} `{}` est {} {} que le schéma déclare pour `{}`",
                                              list ? "la longueur de" : "la valeur", sourceText(written.range), side,
                                              boundText(bound, f.type), fieldPath));
    d.notes.push_back({f.range, "le champ et ses bornes"});
    d.hint = "une donnée avec cette valeur serait refusée par `loge run` : le test doit décrire un cas possible";
  };
  if (const ir::Constant* bound = nullptr; const char* side = boundViolated(f, *v, date, bound)) report(*bound, side);
}

// `attendu cal.taux_effort = refus`: a rule's status expected without the
// word `règle`. Reported once, with the spelling, rather than as a rule
// block used as a value and `refus` as an unknown name.
bool Checker::ruleStatusWithoutKeyword(const ast::Expr& e, Module& root) {
  using K = ast::Expr::Kind;
  if (e.kind != K::Binary || e.binaryOp != ast::BinaryOp::Eq || e.b->kind != K::Name ||
      (e.a->kind != K::Field && e.a->kind != K::Name))
    return false;
  const std::string status = ast::foldName(e.b->name.text);
  if (status != "ok" && status != "refus" && status != "alerte" && status != "exception") return false;
  // The path's names, first to last: alias….bloc.règle.
  std::vector<const ast::Ident*> parts;
  const ast::Expr* at = e.a.get();
  for (; at->kind == K::Field; at = at->a.get()) parts.insert(parts.begin(), &at->name);
  if (at->kind != K::Name) return false;
  parts.insert(parts.begin(), &at->name);
  // `attendu cal = refus`: the block alone, its rules to choose from.
  const bool blockAlone = parts.size() == 1;
  Module* scope = &root;
  for (std::size_t k = 0; k + 2 < parts.size() && scope; ++k)
    scope = importAlias(*scope, ast::foldName(parts[k]->text));
  const Symbol* block = scope ? lookup(*scope, *parts[parts.size() - (blockAlone ? 1 : 2)], false) : nullptr;
  if (!block || block->kind != Symbol::Kind::RuleBlock) return false;
  Diagnostic& d =
      diags_.report(DiagKind::TestBadExpectation, e.range, "le statut d'une règle s'attend avec le mot `règle`");
  if (!blockAlone) {
    d.hint = fmt::format("écrivez `attendu règle {} = {}`", sourceText(e.a->range), e.b->name.text);
    return true;
  }
  std::string rules;
  for (const ir::RuleDecl& r : program_->ruleBlocks[block->index].rules)
    rules += (rules.empty() ? "" : ", ") + fmt::format("`{}`", r.name);
  d.hint = fmt::format("une règle se nomme avec son bloc : `attendu règle {}.nom = {}` ; règles du bloc : {}",
                       sourceText(e.a->range), e.b->name.text, rules);
  return true;
}

// The text of `= erreur "…"`: a non-empty literal, matched as a substring
// of the message obtained, so no `{expression}` is allowed.
bool Checker::expectedErrorText(const ast::Text& t, std::string& out) {
  for (const ast::TextPart& p : t.parts) {
    if (p.expr) {
      diags_.report(DiagKind::TestBadExpectedError, p.expr->range,
                    "le texte d'une erreur attendue se compare tel quel au message obtenu : il ne contient pas "
                    "d'expression entre accolades (écrivez `\\{` pour une accolade)");
      return false;
    }
    out += p.literal;
  }
  if (out.empty()) {
    diags_.report(DiagKind::TestBadExpectedError, t.range,
                  "le texte de l'erreur attendue est vide : donnez un extrait du message attendu");
    return false;
  }
  return true;
}

// Builds a MakeRecord for `type` from the test's entries (dotted paths),
// then the policy's test defaults, then the schema's field defaults. A
// field with none of them becomes a deferred error: reading it fails the
// test with a message naming the field.
ir::ExprPtr Checker::checkRecord(const std::vector<ast::RecordEntry>& entries, const ir::Type* type, Env& env,
                                 const std::vector<ast::RecordEntry>* defaults, SourceRange range,
                                 const std::string& shownName) {
  // Reject entries that name no field: every one of them, and the values
  // of the others are still checked (a test gets all its errors at once).
  bool bad = false;
  for (const auto& e : entries) {
    const ir::Type* t = type;
    for (const ast::Ident& part : e.path.parts) {
      const ir::Type* st = ir::stripOptional(t);
      if (st->kind != ir::TypeKind::Struct) {
        diags_.report(DiagKind::TestBadInput, part.range, "`" + part.text + "` : cette valeur n'a pas de champs");
        bad = true;
        break;
      }
      const ir::StructDecl& s = program_->structs[st->index];
      int idx = s.fieldIndex(ast::foldName(part.text));
      if (idx < 0) {
        Diagnostic& d = diags_.report(DiagKind::UnknownField, part.range, "la structure `" + s.name + "`", part.text);
        std::vector<std::string> names;
        for (const auto& f : s.fields) names.push_back(f.name);
        d.hint = suggest(part.text, names);
        // `ressources_mensuelles = …` for `menage.ressources_mensuelles`.
        for (const ir::FieldDecl& f : s.fields) {
          const ir::Type* ft = ir::stripOptional(f.type);
          if (ft->kind == ir::TypeKind::Struct &&
              program_->structs[ft->index].fieldIndex(ast::foldName(part.text)) >= 0) {
            d.hint = fmt::format("`{0}` est un champ de `{1}` : écrivez `{1}.{0} = …`", part.text, f.name);
            break;
          }
        }
        bad = true;
        break;
      }
      t = s.fields[static_cast<std::size_t>(idx)].type;
    }
  }
  // A field given twice (`n = 1 n = 2`): the last would win, silently.
  for (std::size_t i = 0; i < entries.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const auto& a = entries[j].path.parts;
      const auto& b = entries[i].path.parts;
      bool same = a.size() == b.size();
      for (std::size_t k = 0; same && k < a.size(); ++k) same = sameName(a[k].text, b[k].text);
      if (!same) continue;
      Diagnostic& d = diags_.report(DiagKind::TestBadInput, entries[i].path.range,
                                    fmt::format("`{}` est donné deux fois", sourceText(entries[i].path.range)));
      d.notes.push_back({entries[j].path.range, "la première valeur"});
      return errorExpr(range);
    }
  auto build = [&](auto& self, const ir::Type* t, std::vector<std::string>& path,
                   const std::string& shown) -> ir::ExprPtr {
    const ir::StructDecl& s = program_->structs[t->index];
    auto rec = ir::makeExpr(Op::MakeRecord, t, range);
    rec->index = t->index;
    for (const ir::FieldDecl& f : s.fields) {
      path.push_back(f.name);
      std::string fieldPath = shown + "." + f.name;
      const ast::RecordEntry* given = findEntry(entries, path);
      const ast::RecordEntry* byDefault = defaults ? findEntry(*defaults, path) : nullptr;
      const ir::Type* st = ir::stripOptional(f.type);
      ir::ExprPtr v;
      if (!given && byDefault && st->kind == ir::TypeKind::Struct && byDefault->value &&
          byDefault->value->kind == ast::Expr::Kind::Record && hasPrefix(entries, path)) {
        // The test writes inside a sub-record that the defaults give whole
        // (`logement.qpv = vrai` over `logement = { … }`): the test's fields
        // win, and the literal's fields are the defaults of the others.
        std::vector<ast::RecordEntry> literal;
        for (const auto& le : byDefault->value->entries) {
          ast::RecordEntry c;
          for (const std::string& p : path) c.path.parts.push_back(ast::Ident{p, le.path.range});
          for (const ast::Ident& part : le.path.parts) c.path.parts.push_back(part);
          c.value.reset(le.value.get()); // shared with the AST, released below
          literal.push_back(std::move(c));
        }
        struct Restore {
          const std::vector<ast::RecordEntry>*& defaults;
          const std::vector<ast::RecordEntry>* saved;
          std::vector<ast::RecordEntry>& literal;
          ~Restore() {
            defaults = saved;
            for (auto& c : literal) (void)c.value.release();
          }
        } restore{defaults, defaults, literal};
        defaults = &literal;
        v = self(self, st, path, fieldPath);
      } else if (given || byDefault) {
        const ast::RecordEntry* e = given ? given : byDefault;
        // `ressources_mensuelles = 1500`: the unit is what the author must
        // check (a yearly figure typed into a monthly field), as anywhere
        // else in the language (docs/reference/types-et-unites.md, rule 6).
        if (st->kind == ir::TypeKind::Decimal && st->unit != ir::Unit::None && bareNumber(*e->value)) {
          const std::string written = sourceText(e->value->range);
          Diagnostic& d = diags_.report(DiagKind::UnitMismatch, e->value->range,
                                        "le champ `" + fieldPath + "` est " + typeName(st) + ", et `" + written +
                                            "` n'a pas d'unité");
          d.hint = "écrivez l'unité : `" + written + " " + unitText(st->unit) + "`";
        }
        v = coerce(checkExpr(*e->value, env, f.type), f.type, env, "valeur du champ");
        checkTestBounds(f, *v, *e->value, fieldPath);
      } else if (st->kind == ir::TypeKind::Struct && !ir::isOptional(f.type)) {
        v = self(self, st, path, fieldPath);
      } else if (st->kind == ir::TypeKind::Struct &&
                 (hasPrefix(entries, path) || (defaults && hasPrefix(*defaults, path)))) {
        v = self(self, st, path, fieldPath); // `logement_actuel.surface = …` makes it present
      } else if (f.testDefault) {
        v = ir::makeExpr(Op::Const, f.type, range);
        v->constant = *f.testDefault;
      } else if (ir::isOptional(f.type)) {
        v = ir::makeExpr(Op::Const, f.type, range);
      } else if (f.type->kind == ir::TypeKind::List) {
        v = ir::makeExpr(Op::MakeList, f.type, range);
      } else {
        v = ir::makeExpr(Op::Fail, f.type, range);
        v->parts.push_back({"le test ne donne pas `" + fieldPath +
                                "`, et ni le schéma ni les `défauts de test` ne lui donnent de valeur",
                            nullptr});
      }
      rec->args.push_back(std::move(v));
      path.pop_back();
    }
    return rec;
  };
  std::vector<std::string> path;
  ir::ExprPtr record = build(build, type, path, shownName.empty() ? program_->structs[type->index].name : shownName);
  return bad ? errorExpr(range) : std::move(record);
}

std::string Checker::sourceText(SourceRange r) const {
  const SourceFile* f = sources_.file(r.file);
  if (!f || !r.valid()) return "";
  std::string_view line = f->line(r.begin.line);
  // Columns are code points: walk the UTF-8 line.
  std::size_t byte = 0, col = 1, begin = 0, end = line.size();
  for (; byte <= line.size(); ++byte) {
    if (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) continue;
    if (col == r.begin.column) begin = byte;
    if (r.end.line == r.begin.line && col == r.end.column) {
      end = byte;
      break;
    }
    ++col;
  }
  return std::string(line.substr(begin, end > begin ? end - begin : 0));
}

void Checker::checkTests() {
  // Test defaults: every module's, the root's last so it wins.
  std::map<std::string, std::vector<ast::RecordEntry>> defaults;
  for (Module* m : order) {
    for (const ast::TestDefaults& d : m->ast->testDefaults) {
      for (const ast::TestInput& in : d.inputs) {
        auto& list = defaults[ast::foldName(in.role.text)];
        for (const auto& e : in.entries) {
          ast::RecordEntry copy;
          copy.path = e.path;
          // Entries are owned by the AST; share the expression by pointer.
          copy.value.reset(const_cast<ast::Expr*>(e.value.get()));
          list.push_back(std::move(copy));
        }
      }
    }
  }
  // Two tests with one name: a CI report (JUnit) could not tell them apart.
  std::map<std::string, SourceRange> testNames;
  for (const ast::Test& t : root->ast->tests) {
    if (auto [first, inserted] = testNames.try_emplace(t.name, t.range); !inserted) {
      Diagnostic& d = diags_.report(DiagKind::DuplicateName, t.range, "test \"" + t.name + "\"");
      d.notes.push_back({first->second, "premier test de ce nom"});
    }
    ir::TestCase tc;
    tc.name = t.name;
    tc.range = t.range;
    Env env;
    env.module = root;
    env.inTest = true;
    env.cotationsAllowed = true;
    env.allowedRoles = 0xF;
    env.where = "un test";
    env.slots = &tc.slotCount;
    auto roleType = [&](ir::Role r, SourceRange where) -> const ir::Type* {
      const ir::Type* rt = program_->schema.roles[static_cast<int>(r)];
      if (!rt) diags_.report(DiagKind::NoSchema, where, roleName(r));
      return rt;
    };
    auto defaultsFor = [&](const std::string& role) -> const std::vector<ast::RecordEntry>* {
      auto it = defaults.find(role);
      return it == defaults.end() ? nullptr : &it->second;
    };
    // `date` or `demande { … }` written twice: the second would silently
    // replace the first.
    std::map<std::string, SourceRange> given;
    auto once = [&](const std::string& clause, SourceRange range) {
      auto [first, inserted] = given.try_emplace(clause, range);
      if (inserted) return true;
      Diagnostic& d = diags_.report(DiagKind::DuplicateClause, range, clause, "ce test");
      d.notes.push_back({first->second, "la première"});
      return false;
    };
    for (const ast::TestStatement& s : t.statements) {
      using K = ast::TestStatement::Kind;
      if (s.kind == K::Date && !once("date", s.range)) continue;
      if (s.kind == K::Input && !once(ast::foldName(s.input.role.text), s.range)) continue;
      switch (s.kind) {
      case K::Date: {
        auto d = num::Date::parse(s.date);
        if (!d)
          diags_.report(DiagKind::BadDate, s.range, s.date);
        else
          tc.date = d;
        break;
      }
      case K::Input: {
        ir::Role r;
        std::string role = ast::foldName(s.input.role.text);
        if (!isRoleName(role, r) || r == ir::Role::Attribution) {
          Diagnostic& d = diags_.report(DiagKind::TestBadInput, s.input.role.range,
                                        "un test donne une `demande`, un `logement` ou une `candidature` ; pas `" +
                                            s.input.role.text + "`");
          d.hint = suggest(s.input.role.text, {"demande", "logement", "candidature"});
          break;
        }
        const ir::Type* rt = roleType(r, s.range);
        if (!rt) break;
        auto rec = checkRecord(s.input.entries, rt, env, defaultsFor(role), s.range, role);
        if (r == ir::Role::Demande)
          tc.demande = std::move(rec);
        else if (r == ir::Role::Logement)
          tc.logement = std::move(rec);
        else
          tc.candidature = std::move(rec);
        break;
      }
      case K::Candidates:
      case K::Attributions: {
        ir::Role r = s.kind == K::Candidates ? ir::Role::Demande : ir::Role::Attribution;
        const ir::Type* rt = roleType(r, s.range);
        if (!rt) break;
        for (const auto& entries : s.records) {
          auto rec = checkRecord(entries, rt, env, defaultsFor(roleName(r)), s.range,
                                 s.kind == K::Candidates ? "candidat" : "attribution");
          (s.kind == K::Candidates ? tc.candidates : tc.attributions).push_back(std::move(rec));
        }
        break;
      }
      case K::Override: {
        const ast::Ident& last = s.target.parts.back();
        Module* scope = root;
        for (std::size_t k = 0; k + 1 < s.target.parts.size() && scope; ++k)
          scope = importAlias(*scope, ast::foldName(s.target.parts[k].text));
        const Symbol* sym = scope ? lookup(*scope, last, true) : nullptr;
        if (!sym) break;
        if (sym->kind != Symbol::Kind::Parameter) {
          diags_.report(DiagKind::TestBadInput, s.target.range, "seul un paramètre se remplace dans un test");
          break;
        }
        ir::ParameterDecl& p = program_->parameters[sym->index];
        std::vector<ir::DatedValue> values;
        auto& copy = const_cast<std::vector<ast::DatedValue>&>(s.values);
        if (datedValues(*root, p.name, p.type, copy, p, values))
          tc.overrides.emplace_back(sym->index, std::move(values));
        break;
      }
      case K::ExpectRule: {
        ir::TestCase::Expectation x;
        x.kind = ir::TestCase::Expectation::Kind::RuleStatus;
        x.range = s.range;
        x.status = ast::foldName(s.ruleStatus);
        x.text = "règle " + s.target.joined() + " = " + s.ruleStatus;
        // BLOC.REGLE, or alias….BLOC.REGLE
        bool found = false;
        if (s.target.parts.size() >= 2) {
          Module* scope = root;
          for (std::size_t k = 0; k + 2 < s.target.parts.size() && scope; ++k)
            scope = importAlias(*scope, ast::foldName(s.target.parts[k].text));
          const Symbol* sym = scope ? lookup(*scope, s.target.parts[s.target.parts.size() - 2], false) : nullptr;
          if (sym && sym->kind == Symbol::Kind::RuleBlock) {
            const ir::RuleBlockDecl& b = program_->ruleBlocks[sym->index];
            for (std::size_t r = 0; r < b.rules.size(); ++r) {
              if (ast::foldName(b.rules[r].name) == ast::foldName(s.target.parts.back().text)) {
                x.block = sym->index;
                x.rule = static_cast<std::uint32_t>(r);
                found = true;
              }
            }
          }
        }
        if (!found) {
          Diagnostic& d = diags_.report(DiagKind::UnknownRule, s.target.range, s.target.joined());
          // A rule is named with its block (`cal.taux_effort`): the
          // candidates are every rule so spelled, which also finds the block
          // of a rule written alone.
          std::vector<std::string> names;
          for (const ir::RuleBlockDecl& b : program_->ruleBlocks)
            for (const ir::RuleDecl& r : b.rules) names.push_back(b.name + "." + r.name);
          d.hint = suggest(s.target.joined(), names);
          if (d.hint.empty() && s.target.parts.size() == 1)
            for (const std::string& n : names)
              if (ast::foldName(n.substr(n.rfind('.') + 1)) == ast::foldName(s.target.parts[0].text)) {
                d.hint = "une règle se nomme avec son bloc : `" + n + "`";
                break;
              }
          break;
        }
        tc.expectations.push_back(std::move(x));
        break;
      }
      case K::Expect: {
        ir::TestCase::Expectation x;
        x.range = s.range;
        const ast::Expr& e = *s.expectation;
        x.text = sourceText(e.range);
        if (misplacedError(e)) {
          diags_.report(DiagKind::TestBadExpectedError, e.range,
                        "une erreur attendue s'écrit `attendu EXPRESSION = erreur \"extrait du message\"`");
          break;
        }
        if (e.kind == ast::Expr::Kind::Binary && e.binaryOp == ast::BinaryOp::Eq &&
            e.b->kind == ast::Expr::Kind::Error) {
          // `attendu X = erreur "…"`: evaluating X must fail (not a value
          // compared with another: the right side is never evaluated).
          x.kind = ir::TestCase::Expectation::Kind::Error;
          if (!expectedErrorText(e.b->message, x.status)) break;
          x.actual = checkExpr(*e.a, env);
        } else if (ruleStatusWithoutKeyword(e, *root)) {
          break;
        } else if (e.kind == ast::Expr::Kind::Binary && e.binaryOp == ast::BinaryOp::Eq) {
          x.kind = ir::TestCase::Expectation::Kind::Equal;
          x.actual = checkExpr(*e.a, env);
          auto expected = checkExpr(*e.b, env, x.actual->type);
          const ir::Type* u = unify(x.actual->type, expected->type);
          // A bare number against points or euros: 12 (converted below) or
          // 12.5 (the same mantissa, given the unit observed).
          const ir::Type* observed = ir::stripOptional(x.actual->type);
          if (!u && env.inTest && expected->op == Op::Const && observed->kind == ir::TypeKind::Decimal) {
            if (expected->type->kind == ir::TypeKind::Int) u = x.actual->type;
            if (expected->type->kind == ir::TypeKind::Decimal && expected->type->unit == ir::Unit::None &&
                bareNumber(*e.b)) {
              expected->type = observed;
              u = x.actual->type;
            }
          }
          if (!u) {
            Diagnostic& d = diags_.report(DiagKind::TestBadExpectation, e.range,
                                          "valeur attendue de type " + typeName(expected->type) +
                                              " pour une expression de type " + typeName(x.actual->type));
            if (observed->kind == ir::TypeKind::Decimal && observed->unit != ir::Unit::None &&
                expected->type->kind == ir::TypeKind::Decimal && expected->type->unit == ir::Unit::None)
              d.hint = "écrivez un nombre sans « % », ou avec l'unité de l'expression (" + typeName(observed) + ")";
            break;
          }
          x.expected = coerce(std::move(expected), u, env, "valeur attendue");
          x.actual = coerce(std::move(x.actual), u, env, "valeur observée");
        } else {
          x.kind = ir::TestCase::Expectation::Kind::Boolean;
          x.actual = checkCondition(e, env);
        }
        env.binders.clear();
        env.narrowed.clear();
        tc.expectations.push_back(std::move(x));
        break;
      }
      }
    }
    // A test that gives no demande still has one, built from the defaults;
    // a logement or candidature only when the policy gives test defaults
    // for it (otherwise the test is about the absence of a logement).
    auto implicit = [&](ir::Role r, ir::ExprPtr& slot) {
      const ir::Type* rt = program_->schema.roles[static_cast<int>(r)];
      if (slot || !rt) return;
      if (r != ir::Role::Demande && !defaultsFor(roleName(r))) return;
      slot = checkRecord({}, rt, env, defaultsFor(roleName(r)), t.range, roleName(r));
    };
    implicit(ir::Role::Demande, tc.demande);
    implicit(ir::Role::Logement, tc.logement);
    implicit(ir::Role::Candidature, tc.candidature);
    // A test that expects nothing cannot fail: it would pass in CI while
    // checking nothing.
    if (std::none_of(t.statements.begin(), t.statements.end(), [](const ast::TestStatement& st) {
          return st.kind == ast::TestStatement::Kind::Expect || st.kind == ast::TestStatement::Kind::ExpectRule;
        })) {
      Diagnostic& d = diags_.report(DiagKind::TestBadExpectation, t.range,
                                    "le test « " + t.name + " » n'attend rien : il passerait sans rien vérifier");
      d.hint = "ajoutez au moins un `attendu …` (une valeur, `règle bloc.regle = refus`, `eligible`…)";
    }
    program_->tests.push_back(std::move(tc));
  }
  // The shared expressions belong to the AST; release them unowned.
  for (auto& [role, list] : defaults)
    for (auto& e : list) (void)e.value.release();
}

} // namespace loge::sema::internal
