// Semantic stage (internal): name lookup across modules, type references,
// enum values and "vouliez-vous dire" suggestions.
#include "checker.h"
#include "loge/source/edit_distance.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace loge::sema::internal {

std::string Checker::suggest(const std::string& name, const std::vector<std::string>& candidates) {
  // Past the error limit nothing is shown: searching thousands of
  // candidates for each of thousands of unknown names took seconds.
  if (diags_.full()) return "";
  // A capital is no edit (`A` for the value `a`).
  auto lower = [](std::string text) {
    for (char& ch : text)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return text;
  };
  std::string folded = lower(ast::foldName(name));
  std::string best;
  // At most a third of the word changed (two edits for a short one), and
  // never all of it: `x` is no suggestion for `A1`.
  std::size_t bestDistance = std::min(std::max<std::size_t>(2, folded.size() / 3) + 1, folded.size());
  for (const std::string& c : candidates) {
    std::size_t d = editDistance(folded, lower(ast::foldName(c)));
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best.empty() ? "" : "vouliez-vous dire `" + best + "` ?";
}

namespace {

// A list of records the policy's demande really has, and a number field of
// its elements (an amount if any), for examples in hints; `demande.personnes`
// and `revenu` when the schema has no such list (or is not known yet).
struct ListExample {
  std::string path = "demande.personnes";
  std::string field = "revenu";
};

ListExample listExample(const ir::Program& p) {
  ListExample out;
  const ir::Type* demande = p.schema.roles[static_cast<int>(ir::Role::Demande)];
  if (!demande || ir::stripOptional(demande)->kind != ir::TypeKind::Struct) return out;
  // The demande's own fields, then those of its records, one level down.
  std::vector<std::pair<std::string, const ir::Type*>> pending = {{"demande", ir::stripOptional(demande)}};
  for (std::size_t depth = 0; depth < 2; ++depth) {
    std::vector<std::pair<std::string, const ir::Type*>> next;
    for (const auto& [prefix, type] : pending)
      for (const ir::FieldDecl& f : p.structs[type->index].fields) {
        const ir::Type* ft = ir::stripOptional(f.type);
        if (ft->kind == ir::TypeKind::Struct) next.push_back({prefix + "." + f.name, ft});
        if (ft->kind != ir::TypeKind::List || ir::stripOptional(ft->element)->kind != ir::TypeKind::Struct) continue;
        out.path = prefix + "." + f.name;
        // An amount reads best in a sum; a count will do.
        for (const ir::TypeKind wanted : {ir::TypeKind::Decimal, ir::TypeKind::Int})
          for (const ir::FieldDecl& g : p.structs[ir::stripOptional(ft->element)->index].fields)
            if (ir::stripOptional(g.type)->kind == wanted) {
              out.field = g.name;
              return out;
            }
        return out;
      }
    pending = std::move(next);
  }
  return out;
}

// The functions of spreadsheets and programming languages a newcomer
// writes, and how Loge says them ("" for other names).
std::string functionWordHint(const std::string& name, const ir::Program& p) {
  static const std::vector<std::pair<std::vector<std::string>, std::string>> words = {
      {{"sum", "somme", "total", "sommer"},
       "une somme sur une liste s'écrit `somme de x.{field} pour x dans {list}` (avec `où condition` pour n'en "
       "prendre qu'une partie)"},
      {{"count", "len", "length", "size", "taille", "nombre", "nb", "compte", "compter", "card", "cardinal"},
       "le nombre d'éléments d'une liste s'écrit `nombre de x dans {list}` (avec `où condition` pour n'en compter "
       "qu'une partie)"},
      {{"round", "arrondir", "floor", "ceil", "trunc", "tronquer"},
       "un arrondi s'écrit `arrondi(x, 1 €, au plus proche)` (ou `au pair`, `inférieur`, `supérieur`)"},
      {{"if", "iif"}, "une condition s'écrit `si condition alors a sinon b`"},
      {{"avg", "mean", "moyenne"},
       "une moyenne s'écrit `somme de … pour x dans liste` divisée par `nombre de x dans liste` (non nul)"},
      {{"any", "exists"}, "« au moins un » s'écrit `au moins un x dans liste vérifie condition`"},
      {{"all", "every"}, "« tous » s'écrit `tous x dans liste vérifient condition`"},
      {{"today", "now", "aujourdhui", "maintenant"}, "la date du calcul s'écrit `date_évaluation`"},
  };
  const std::string folded = ast::foldName(name);
  for (const auto& [names, hint] : words)
    for (const std::string& n : names)
      if (folded == n) {
        if (hint.find("{list}") == std::string::npos) return hint;
        const ListExample example = listExample(p);
        return fmt::format(fmt::runtime(hint), fmt::arg("list", example.path), fmt::arg("field", example.field));
      }
  return "";
}

} // namespace

Module* Checker::importAlias(Module& m, const std::string& folded) {
  for (ImportEdge& e : m.imports)
    if (e.alias == folded) return e.target;
  return nullptr;
}

std::vector<std::string> Checker::visibleNames(const Module& m) {
  std::vector<std::string> names;
  for (const auto& [key, symbol] : m.symbols) names.push_back(symbol.name);
  for (const ImportEdge& e : m.imports)
    if (!e.aliased)
      for (const auto& [key, symbol] : e.target->symbols) names.push_back(symbol.name);
  return names;
}

// Looks a name up in a module: its own declarations, then those of its
// unaliased imports (an ambiguity between two imports is an error).
const Symbol* Checker::lookup(Module& m, const ast::Ident& name, bool report) {
  std::string folded = ast::foldName(name.text);
  auto it = m.symbols.find(folded);
  if (it != m.symbols.end()) return &it->second;
  const Symbol* found = nullptr;
  const ImportEdge* from = nullptr;
  for (const ImportEdge& e : m.imports) {
    if (e.aliased) continue;
    auto other = e.target->symbols.find(folded);
    if (other == e.target->symbols.end()) continue;
    if (found && !(found->kind == other->second.kind && found->index == other->second.index)) {
      if (report) {
        Diagnostic& d = diags_.report(DiagKind::AmbiguousName, name.range, name.text, from->alias + ", " + e.alias);
        d.hint = "qualifiez-le : `" + e.alias + "." + name.text + "`";
      }
      return nullptr;
    }
    found = &other->second;
    from = &e;
  }
  if (!found && report) {
    const bool shown = !diags_.full();
    Diagnostic& d = diags_.report(DiagKind::UnknownName, name.range, name.text);
    if (!shown) return nullptr; // past the error limit: no suggestion to search for
    std::vector<std::string> candidates = visibleNames(m);
    // Words of the language that read as names: `date_evalution` is a
    // misspelt `date_évaluation`, not a missing definition.
    for (const char* word : {"date_évaluation", "vrai", "faux"}) candidates.push_back(word);
    d.hint = suggest(name.text, candidates);
    if (std::string h = functionWordHint(name.text, *program_); !h.empty()) d.hint = h;
    // `600 € / mois`, `600 €/moi`: a unit written apart, or misspelt, reads
    // as a division by a name.
    static const std::set<std::string> periodWords = {"mois",  "moi",   "an",      "ans",
                                                      "annee", "année", "mensuel", "annuel"};
    if (d.hint.empty() && periodWords.count(name.text))
      d.hint = "un montant par période s'écrit `€/mois` ou `€/an`, collé, sans espace autour de `/` : `600 €/mois`";
  }
  return found;
}

const ir::Type* Checker::resolveType(Module& m, const ast::TypeRef& t) {
  using K = ast::TypeRef::Kind;
  const ir::Type* out = types().error();
  switch (t.kind) {
  case K::Bool: out = types().boolean(); break;
  case K::Int: out = types().integer(); break;
  case K::Decimal:
    switch (t.unit) {
    case ast::Unit::None: out = types().decimal(ir::Unit::None); break;
    case ast::Unit::Euro: out = types().decimal(ir::Unit::Euro); break;
    case ast::Unit::EuroPerMonth: out = types().decimal(ir::Unit::EuroPerMonth); break;
    case ast::Unit::EuroPerYear: out = types().decimal(ir::Unit::EuroPerYear); break;
    case ast::Unit::SquareMetre: out = types().decimal(ir::Unit::SquareMetre); break;
    case ast::Unit::Points: out = types().decimal(ir::Unit::Points); break;
    }
    break;
  case K::Date: out = types().date(); break;
  case K::Duration:
    if (t.durationUnit == ast::TypeRef::DurationUnit::Months)
      out = types().duration(ir::DurationUnit::Months);
    else if (t.durationUnit == ast::TypeRef::DurationUnit::Days)
      out = types().duration(ir::DurationUnit::Days);
    else {
      Diagnostic& d = diags_.report(DiagKind::TypeMismatch, t.range,
                                    "précisez l'unité de la durée : un mois n'a pas de nombre de jours fixe");
      d.hint = "écrivez `durée en mois` ou `durée en jours`";
    }
    break;
  case K::Text: out = types().text(); break;
  case K::List: out = types().list(resolveType(m, *t.element)); break;
  case K::Named: {
    Module* scope = &m;
    std::size_t i = 0;
    // `alias.Type`
    if (t.name.parts.size() > 1) {
      scope = importAlias(m, ast::foldName(t.name.parts[0].text));
      if (!scope) {
        diags_.report(DiagKind::UnknownName, t.name.parts[0].range, t.name.parts[0].text);
        return types().error();
      }
      i = 1;
    }
    const Symbol* s = lookup(*scope, t.name.parts[i], false);
    if (!s) {
      if (knownInImports(*scope, t.name.parts[i]))
        lookup(*scope, t.name.parts[i], true); // ambiguous: says between which imports
      else
        reportUnknownType(*scope, t.name.parts[i]);
      return types().error();
    }
    if (s->kind == Symbol::Kind::Enum)
      out = types().enumeration(s->index);
    else if (s->kind == Symbol::Kind::Struct)
      out = types().structure(s->index);
    else
      diags_.report(DiagKind::TypeMismatch, t.range, "`" + t.name.joined() + "` n'est pas un type");
    break;
  }
  }
  return t.optional ? types().optional(out) : out;
}

bool Checker::knownInImports(Module& m, const ast::Ident& name) {
  std::string folded = ast::foldName(name.text);
  for (const ImportEdge& e : m.imports)
    if (!e.aliased && e.target->symbols.count(folded)) return true;
  return false;
}

// An unknown type name: the types the language spells with words are
// suggested too, and the usual words of other languages (`boolean`,
// `string`) mapped to them.
void Checker::reportUnknownType(Module& m, const ast::Ident& name) {
  const bool shown = !diags_.full();
  Diagnostic& d = diags_.report(DiagKind::UnknownName, name.range, name.text);
  if (!shown) return;
  static const std::vector<std::pair<std::string, std::string>> foreign = {
      {"bool", "booléen"},
      {"boolean", "booléen"},
      {"booleen", "booléen"},
      {"int", "entier"},
      {"integer", "entier"},
      {"entiers", "entier"},
      {"nombre", "entier` ou `décimal"},
      {"number", "entier` ou `décimal"},
      {"float", "décimal"},
      {"double", "décimal"},
      {"decimal", "décimal"},
      {"string", "texte"},
      {"str", "texte"},
      {"text", "texte"},
      {"chaine", "texte"},
      {"euro", "montant"},
      {"euros", "montant"},
      {"argent", "montant"},
      {"duree", "durée en mois` ou `durée en jours"},
      {"pourcentage", "décimal"},
      {"pourcent", "décimal"},
      {"taux", "décimal"},
      {"percent", "décimal"},
      {"montant_mensuel", "montant mensuel"},
      {"mensuel", "montant mensuel"},
      {"annuel", "montant annuel"},
      {"liste", "liste de TYPE"}};
  const std::string folded = ast::foldName(name.text);
  for (const auto& [word, type] : foreign)
    if (folded == ast::foldName(word)) {
      d.hint = "vouliez-vous dire `" + type + "` ?";
      if (type == "décimal" && (folded.rfind("pourc", 0) == 0 || folded == "taux" || folded == "percent"))
        d.hint += " (un pourcentage est un décimal : ses valeurs s'écrivent `35 %`, soit 0,35)";
      return;
    }
  std::vector<std::string> candidates = {"booléen", "entier", "décimal", "montant", "surface",
                                         "points",  "date",   "texte",   "durée"};
  for (auto& [k, sym] : m.symbols)
    if (sym.kind == Symbol::Kind::Struct || sym.kind == Symbol::Kind::Enum) candidates.push_back(sym.name);
  for (const ImportEdge& e : m.imports)
    if (!e.aliased)
      for (auto& [k, sym] : e.target->symbols)
        if (sym.kind == Symbol::Kind::Struct || sym.kind == Symbol::Kind::Enum) candidates.push_back(sym.name);
  d.hint = suggest(name.text, candidates);
}

std::optional<std::uint32_t> Checker::lookupEnumValue(const ir::Type* enumType, const std::string& folded) {
  const ir::EnumDecl& e = program_->enums[enumType->index];
  for (std::size_t i = 0; i < e.values.size(); ++i)
    if (e.values[i] == folded) return static_cast<std::uint32_t>(i);
  return std::nullopt;
}

} // namespace loge::sema::internal
