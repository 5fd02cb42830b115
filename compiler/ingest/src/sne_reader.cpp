// Ingest stage: the SNE's XML exchange format (interfaceNuu) to demandes.
//
// The XML is parsed by pugixml into a DOM (the file is read whole), then
// each demande/demandeLogement is mapped onto the standard schema's field
// names as a located text tree (tree.h), which TreeBuilder converts and
// validates against the policy's schema like any other input. The mapping
// is explicit and strict:
//  - every element the SNE sample shows is either mapped or knowingly
//    ignored (names, addresses, phone…); any other element is an error, so
//    that no information is dropped without saying so;
//  - codes go through the tables of sne_codes.cpp; an unknown code is an
//    error naming the element's path;
//  - amounts are summed exactly (ressources_mensuelles: resources received
//    minus paid; revenu_fiscal_n2/n1: demandeur plus co-titulaire).
// The table of docs/reference/format-sne.md is the reference of this file.
#include "loge/ingest/ingest.h"

#include "file_text.h"
#include "messages.h"
#include "records.h"
#include "sne_codes.h"
#include "text.h"
#include "tree.h"

#include <fmt/format.h>

#include <cctype>
#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace loge::ingest {

namespace {

using detail::Node;

constexpr std::string_view kNamespace = "http://nuu.application.i2/";
constexpr std::string_view kDocPage = "docs/reference/format-sne.md";

std::string_view localName(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// The namespace of an element: the nearest declaration of its prefix (or
// of the default namespace), on it or an ancestor, as XML resolves it — a
// prefix may be declared again, on any element, for another namespace.
std::string_view namespaceOf(pugi::xml_node e);

std::string_view prefixOf(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon);
}

std::string_view namespaceOf(pugi::xml_node e) {
  const std::string_view prefix = prefixOf(e.name());
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = e; n && n.type() == pugi::node_element; n = n.parent())
    if (pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
  return {};
}

std::string trimmed(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const std::size_t last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// What went wrong while mapping one demande.
struct Problem {
  pugi::xml_node at;
  std::string path; // schema path
  std::string message;
};

// The element children of a node, by local name, after checking that each
// is known.
class Children {
public:
  std::map<std::string_view, std::vector<pugi::xml_node>> byName;
  pugi::xml_node parent;
};

// An element's text: every character-data and CDATA part, in order.
// pugixml's child_value() gives the first part only, so `20<!-- x -->000`
// read as 20 (a comment splits the text in two).
std::string valueOf(pugi::xml_node element) {
  std::string out;
  for (pugi::xml_node part : element.children())
    if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata) out += part.value();
  return out;
}

// Whether `code` is a character XML 1.0 allows in a document (its `Char`
// production), control characters but tab and newlines excluded.
bool xmlChar(std::uint32_t code) {
  return code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
         (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

class SneReader {
public:
  SneReader(const ir::Program& program, std::uint32_t structIndex, const std::string& name, const ReadOptions& options,
            interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors)
      : program_(program), structIndex_(structIndex), name_(name), options_(options), arena_(arena), out_(out),
        errors_(errors), builder_(program, detail::Dialect::Xml, false, options.sneTestDefaults) {}

  bool read(std::string_view text);

private:
  // Locations and names.
  void locate(pugi::xml_node n, std::size_t& line, std::size_t& column) const;
  std::string elementPath(pugi::xml_node n) const;
  // Among the element siblings of `e` with its name: its position (1-based),
  // or 0 when it is the only one.
  std::size_t positionAmongNamesakes(pugi::xml_node e) const;
  std::string origin(pugi::xml_node n) const { return "élément " + elementPath(n); }
  void report(IngestError e) {
    if (++failed_ <= options_.maxErrors) errors_.push_back(std::move(e));
  }
  bool fail(pugi::xml_node at, std::string path, std::string message) {
    problem_ = Problem{at, std::move(path), std::move(message)};
    return false;
  }

  // Structure helpers.
  bool children(pugi::xml_node parent, std::initializer_list<std::string_view> known, Children& out);
  bool one(const Children& c, std::string_view name, bool required, const std::string& path, pugi::xml_node& out);
  Node leaf(pugi::xml_node element, std::string text) const {
    std::size_t line = 0, column = 0;
    locate(element, line, column);
    return Node::leaf(std::move(text), line, column, origin(element));
  }
  Node textOf(pugi::xml_node element) const { return leaf(element, trimmed(valueOf(element))); }
  bool code(pugi::xml_node element, const detail::CodeTable& table, const std::string& path, Node& out);
  bool amount(pugi::xml_node element, const std::string& path, num::Decimal& out);
  Node objectAt(pugi::xml_node element) const {
    Node n;
    n.kind = Node::Kind::Object;
    locate(element, n.line, n.column);
    n.origin = origin(element);
    return n;
  }

  // The mapping of one demande.
  bool demande(pugi::xml_node demandeLogement, Node& out);
  bool person(pugi::xml_node element, bool cotitulaire, const std::string& path, Node& out, Children& c);
  bool situationProfessionnelle(pugi::xml_node parent, const Children& c, const std::string& path, Node& out);
  struct Money {
    num::Decimal n2, n1, monthly;
    bool hasN2 = false, hasN1 = false;
    std::string yearN2, yearN1;
    pugi::xml_node yearN2At, yearN1At;
  };
  bool resources(const Children& c, const std::string& path, Money& money);
  bool logementActuel(pugi::xml_node element, Node& out, Node& typeDemande);
  bool logementRecherche(pugi::xml_node element, Node& out);

  const ir::Program& program_;
  std::uint32_t structIndex_;
  const std::string& name_;
  const ReadOptions& options_;
  interp::Arena& arena_;
  Dataset& out_;
  std::vector<IngestError>& errors_;
  detail::TreeBuilder builder_;
  std::vector<detail::TreeFailure> failures_; // of the demande being read, reused
  std::string_view text_;
  std::vector<std::size_t> lineStarts_;
  // positionAmongNamesakes of the children of parents with many children
  // (the list of demandes): computed once, in one pass over them, so that
  // naming every element of a file stays linear in its size.
  mutable std::unordered_map<const void*, std::size_t> positions_;
  mutable std::unordered_set<const void*> positionedParents_;
  Problem problem_;
  std::size_t failed_ = 0;
};

void SneReader::locate(pugi::xml_node n, std::size_t& line, std::size_t& column) const {
  const std::ptrdiff_t offset = n.offset_debug();
  if (offset < 0) {
    line = column = 0;
    return;
  }
  const auto o = static_cast<std::size_t>(offset);
  const auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), o);
  const std::size_t index = static_cast<std::size_t>(it - lineStarts_.begin()) - 1;
  line = index + 1;
  column = o - lineStarts_[index] + 1;
  // offset_debug points after '<' for an element, after "<?" for the
  // declaration: show the '<'.
  const std::size_t opening = n.type() == pugi::node_element ? 1 : n.type() == pugi::node_declaration ? 2 : 0;
  column = column > opening ? column - opening : 1;
}

std::size_t SneReader::positionAmongNamesakes(pugi::xml_node e) const {
  constexpr std::size_t kManyChildren = 32;
  const pugi::xml_node parent = e.parent();
  if (positionedParents_.count(parent.internal_object())) {
    auto it = positions_.find(e.internal_object());
    return it == positions_.end() ? 0 : it->second;
  }
  std::size_t children = 0, same = 0, position = 0;
  for (pugi::xml_node s = parent.first_child(); s; s = s.next_sibling()) {
    ++children;
    if (s.type() != pugi::node_element || std::string_view(s.name()) != std::string_view(e.name())) continue;
    ++same;
    if (s == e) position = same;
  }
  if (children > kManyChildren) {
    std::unordered_map<std::string_view, std::size_t> count, seen;
    for (pugi::xml_node s = parent.first_child(); s; s = s.next_sibling())
      if (s.type() == pugi::node_element) ++count[s.name()];
    for (pugi::xml_node s = parent.first_child(); s; s = s.next_sibling())
      if (s.type() == pugi::node_element && count[s.name()] > 1) positions_[s.internal_object()] = ++seen[s.name()];
    positionedParents_.insert(parent.internal_object());
  }
  return same > 1 ? position : 0;
}

std::string SneReader::elementPath(pugi::xml_node n) const {
  std::vector<std::string> parts;
  for (pugi::xml_node e = n; e && e.type() == pugi::node_element; e = e.parent()) {
    std::string part(localName(e.name()));
    if (std::size_t position = positionAmongNamesakes(e)) part += fmt::format("[{}]", position);
    parts.push_back(std::move(part));
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += (out.empty() ? "" : "/") + *it;
  return out;
}

bool SneReader::children(pugi::xml_node parent, std::initializer_list<std::string_view> known, Children& out) {
  out.byName.clear();
  out.parent = parent;
  for (pugi::xml_node e = parent.first_child(); e; e = e.next_sibling()) {
    if (e.type() != pugi::node_element) continue;
    const std::string_view qname = e.name();
    if (namespaceOf(e) != kNamespace)
      return fail(e, "", fmt::format("élément `{}` hors de l'espace de noms de l'interface ({})", qname, kNamespace));
    const std::string_view local = localName(qname);
    if (std::find(known.begin(), known.end(), local) == known.end()) {
      std::string names;
      for (const std::string_view k : known) names += (names.empty() ? "" : ", ") + std::string(k);
      return fail(e, "",
                  fmt::format("élément non reconnu `{}` dans `{}` (éléments connus : {}) : l'import SNE refuse "
                              "les éléments qu'il ne connaît pas plutôt que d'en ignorer le contenu ; voir {}",
                              local, localName(parent.name()), names, kDocPage));
    }
    out.byName[local].push_back(e);
  }
  return true;
}

bool SneReader::one(const Children& c, std::string_view name, bool required, const std::string& path,
                    pugi::xml_node& out) {
  out = pugi::xml_node();
  const auto it = c.byName.find(name);
  if (it == c.byName.end()) {
    if (!required) return true;
    return fail(c.parent, path, fmt::format("élément obligatoire absent : `{}`", name));
  }
  if (it->second.size() > 1) return fail(it->second[1], path, fmt::format("élément `{}` en double", name));
  out = it->second[0];
  return true;
}

bool SneReader::code(pugi::xml_node element, const detail::CodeTable& table, const std::string& path, Node& out) {
  const pugi::xml_attribute attribute = element.attribute("code");
  if (!attribute)
    return fail(element, path, fmt::format("attribut `code` absent de l'élément `{}`", localName(element.name())));
  const std::string value = trimmed(attribute.value());
  for (const auto& [sne, schema] : table.codes) {
    if (value == sne) {
      out = leaf(element, std::string(schema));
      out.origin += fmt::format(" (code « {} »)", detail::quoteForMessage(value));
      return true;
    }
  }
  std::string known;
  for (const auto& [sne, schema] : table.codes)
    known += fmt::format("{}{} → {}", known.empty() ? "" : ", ", sne, schema);
  return fail(element, path,
              fmt::format("code inconnu « {} » pour `{}` (codes reconnus : {}) : la nomenclature complète du SNE "
                          "n'est pas publiée et Loge ne devine pas le sens d'un code ; voir {}",
                          detail::quoteForMessage(value), localName(element.name()), known, kDocPage));
}

bool SneReader::amount(pugi::xml_node element, const std::string& path, num::Decimal& out) {
  const std::string text = trimmed(valueOf(element));
  const std::optional<num::Decimal> d = num::Decimal::parse(text);
  if (!d && detail::plainFractionDigits(text) >= 0)
    return fail(element, path,
                fmt::format("montant invalide dans `{}` : {}", localName(element.name()),
                            detail::decimalRangeProblem(fmt::format("« {} »", detail::quoteForMessage(text)),
                                                        detail::plainFractionDigits(text))));
  if (!d)
    return fail(element, path,
                fmt::format("montant invalide « {} » dans `{}` (attendu un nombre décimal avec un point, par "
                            "exemple 1650.00)",
                            detail::quoteForMessage(text), localName(element.name())));
  // The SNE states amounts as magnitudes: a resource paid out is listed in
  // listeRessourceVersee and subtracted here, a deficit is not a negative
  // revenu fiscal. A sign would be counted twice, or turn a charge into income.
  if (d->isNegative())
    return fail(element, path,
                fmt::format("montant négatif « {} » dans `{}` : le SNE donne des montants positifs (une ressource "
                            "versée se déclare dans `listeRessourceVersee`)",
                            detail::quoteForMessage(text), localName(element.name())));
  out = *d;
  return true;
}

bool SneReader::situationProfessionnelle(pugi::xml_node parent, const Children& c, const std::string& path, Node& out) {
  pugi::xml_node sp;
  if (!one(c, "situationProfessionnelle", true, path + ".situation_professionnelle", sp)) return false;
  Children spc;
  if (!children(sp, {"profession", "typeContratTravail", "nomEmployeurPrincipal", "etranger", "codePostal", "commune"},
                spc))
    return false;
  pugi::xml_node contract;
  if (!one(spc, "typeContratTravail", true, path + ".situation_professionnelle", contract)) return false;
  Node value;
  if (!code(contract, detail::typeContratTravailCodes(), path + ".situation_professionnelle", value)) return false;
  out.add("situation_professionnelle", std::move(value));
  (void)parent;
  return true;
}

bool SneReader::person(pugi::xml_node element, bool cotitulaire, const std::string& path, Node& out, Children& c) {
  const std::initializer_list<std::string_view> demandeurElements = {"civilite",
                                                                     "nom",
                                                                     "nomPatronymique",
                                                                     "prenom",
                                                                     "dateNaissance",
                                                                     "nationalite",
                                                                     "situationFamiliale",
                                                                     "telPortable",
                                                                     "telFixe",
                                                                     "mel",
                                                                     "adressePostale",
                                                                     "situationProfessionnelle",
                                                                     "revenuFiscal",
                                                                     "listeRessourceRecue",
                                                                     "listeRessourceVersee",
                                                                     "listeRessourceRecuePersACharge",
                                                                     "listeRessourceVerseePersACharge",
                                                                     "lienDemandeur"};
  if (!children(element, demandeurElements, c)) return false;
  if (!cotitulaire && c.byName.count("lienDemandeur") != 0)
    return fail(c.byName["lienDemandeur"][0], path, "élément `lienDemandeur` inattendu pour le demandeur");
  out = objectAt(element);
  pugi::xml_node e;
  if (cotitulaire) {
    if (!one(c, "lienDemandeur", true, path + ".lien", e)) return false;
    Node lien;
    if (!code(e, detail::lienDemandeurCodes(), path + ".lien", lien)) return false;
    out.add("lien", std::move(lien));
  }
  if (!one(c, "dateNaissance", true, path + ".date_naissance", e)) return false;
  out.add("date_naissance", textOf(e));
  if (!one(c, "situationFamiliale", true, path + ".situation_familiale", e)) return false;
  Node familiale;
  if (!code(e, detail::situationFamilialeCodes(), path + ".situation_familiale", familiale)) return false;
  out.add("situation_familiale", std::move(familiale));
  return situationProfessionnelle(element, c, path, out);
}

bool SneReader::resources(const Children& c, const std::string& path, Money& money) {
  pugi::xml_node fiscal;
  if (!one(c, "revenuFiscal", false, "ressources.revenu_fiscal_n2", fiscal)) return false;
  if (fiscal) {
    Children fc;
    if (!children(fiscal, {"anneeMoins1", "montantMoins1", "anneeMoins2", "montantMoins2"}, fc)) return false;
    struct Year {
      std::string_view yearElement, amountElement;
      std::string* year;
      pugi::xml_node* yearAt;
      num::Decimal* total;
      bool* has;
      const char* field;
    };
    for (const Year& y : {Year{"anneeMoins2", "montantMoins2", &money.yearN2, &money.yearN2At, &money.n2, &money.hasN2,
                               "ressources.revenu_fiscal_n2"},
                          Year{"anneeMoins1", "montantMoins1", &money.yearN1, &money.yearN1At, &money.n1, &money.hasN1,
                               "ressources.revenu_fiscal_n1"}}) {
      pugi::xml_node yearAt, amountAt;
      if (!one(fc, y.yearElement, false, y.field, yearAt) || !one(fc, y.amountElement, false, y.field, amountAt))
        return false;
      if (yearAt) {
        const std::string year = trimmed(valueOf(yearAt));
        // The incomes of the demandeur and the co-titulaire are added: they
        // must be those of the same year.
        if (!y.year->empty() && *y.year != year)
          return fail(yearAt, y.field,
                      fmt::format("année {} différente de celle du demandeur ({}) : les revenus fiscaux de deux "
                                  "années différentes ne s'additionnent pas",
                                  detail::quoteForMessage(year), *y.year));
        *y.year = year;
        *y.yearAt = yearAt;
      }
      if (amountAt) {
        num::Decimal value;
        if (!amount(amountAt, y.field, value)) return false;
        if (num::add(*y.total, value, *y.total) != num::Status::Ok)
          return fail(amountAt, y.field, "somme des revenus fiscaux hors limites");
        *y.has = true;
      }
    }
  }
  struct List {
    std::string_view element;
    bool paid;
  };
  for (const List& list :
       {List{"listeRessourceRecue", false}, List{"listeRessourceVersee", true},
        List{"listeRessourceRecuePersACharge", false}, List{"listeRessourceVerseePersACharge", true}}) {
    pugi::xml_node l;
    if (!one(c, list.element, false, "ressources.ressources_mensuelles", l)) return false;
    if (!l) continue;
    Children lc;
    if (!children(l, {"detailRessource"}, lc)) return false;
    for (const pugi::xml_node detail : lc.byName["detailRessource"]) {
      Children dc;
      if (!children(detail, {"ressource", "montant"}, dc)) return false;
      pugi::xml_node kindAt, amountAt;
      if (!one(dc, "ressource", true, "ressources.ressources_mensuelles", kindAt) ||
          !one(dc, "montant", true, "ressources.ressources_mensuelles", amountAt))
        return false;
      const std::string kindCode = trimmed(kindAt.attribute("code").value());
      const detail::ResourceKind kind = detail::resourceKind(kindCode);
      if (kind == detail::ResourceKind::Unknown || (kind == detail::ResourceKind::Paid) != list.paid)
        return fail(kindAt, "ressources.ressources_mensuelles",
                    fmt::format("code de ressource {} « {} » dans `{}` (codes reconnus : {}) : la nomenclature "
                                "complète du SNE n'est pas publiée et Loge ne devine pas si une ressource compte ; "
                                "voir {}",
                                kind == detail::ResourceKind::Unknown ? "inconnu" : "inattendu",
                                detail::quoteForMessage(kindCode), list.element,
                                list.paid ? detail::paidResourceCodes() : detail::receivedResourceCodes(), kDocPage));
      num::Decimal value;
      if (!amount(amountAt, "ressources.ressources_mensuelles", value)) return false;
      const num::Status s =
          list.paid ? num::sub(money.monthly, value, money.monthly) : num::add(money.monthly, value, money.monthly);
      if (s != num::Status::Ok)
        return fail(amountAt, "ressources.ressources_mensuelles", "somme des ressources hors limites");
    }
  }
  (void)path;
  return true;
}

bool SneReader::logementActuel(pugi::xml_node element, Node& out, Node& typeDemande) {
  Children c;
  if (!children(element,
                {"listeModeleLogement", "montantMensuelLoyer", "nombreHabitant", "categorieLogement",
                 "typeLogementActuel", "surface", "proprietaire"},
                c))
    return false;
  out = objectAt(element);
  pugi::xml_node list;
  if (!one(c, "listeModeleLogement", true, "logement_actuel.statut", list)) return false;
  Children lc;
  if (!children(list, {"modeleLogement"}, lc)) return false;
  pugi::xml_node model;
  if (!one(lc, "modeleLogement", true, "logement_actuel.statut", model)) return false;
  Node statut;
  if (!code(model, detail::modeleLogementCodes(), "logement_actuel.statut", statut)) return false;
  // CERFA: a mutation is the demande of a household already housed in the
  // social stock; anything else is a first demande.
  typeDemande = leaf(model, statut.text == "locataire_hlm" ? "mutation" : "premiere_demande");
  typeDemande.origin += " (déduit de la situation de logement actuelle)";
  out.add("statut", std::move(statut));
  pugi::xml_node e;
  if (!one(c, "typeLogementActuel", false, "logement_actuel.typologie", e)) return false;
  if (e) {
    Node typologie;
    if (!code(e, detail::typeLogementCodes(), "logement_actuel.typologie", typologie)) return false;
    out.add("typologie", std::move(typologie));
  }
  for (const auto& [sne, field] : {std::pair<std::string_view, const char*>{"surface", "surface"},
                                   {"montantMensuelLoyer", "loyer_mensuel"},
                                   {"nombreHabitant", "nombre_occupants"}}) {
    if (!one(c, sne, false, std::string("logement_actuel.") + field, e)) return false;
    if (e) out.add(field, textOf(e));
  }
  return true;
}

bool SneReader::logementRecherche(pugi::xml_node element, Node& out) {
  Children c;
  if (!children(element, {"demandeElargie", "listeTypeLogement", "listeLocalisationSouhaite"}, c)) return false;
  out = objectAt(element);
  Node communes = objectAt(element);
  communes.kind = Node::Kind::List;
  pugi::xml_node list;
  if (!one(c, "listeLocalisationSouhaite", true, "logement_recherche.communes", list)) return false;
  Children lc;
  if (!children(list, {"localisationSouhaite"}, lc)) return false;
  for (const pugi::xml_node place : lc.byName["localisationSouhaite"]) {
    Children pc;
    if (!children(place, {"commune"}, pc)) return false;
    pugi::xml_node commune;
    if (!one(pc, "commune", true, "logement_recherche.communes", commune)) return false;
    const pugi::xml_attribute inseeCode = commune.attribute("code");
    if (!inseeCode) return fail(commune, "logement_recherche.communes", "attribut `code` (code INSEE) absent");
    const std::string code = trimmed(inseeCode.value());
    // A code INSEE is five characters (digits, or 2A/2B for Corsica).
    if (code.size() != 5 || !std::all_of(code.begin(), code.end(),
                                         [](char ch) { return (ch >= '0' && ch <= '9') || ch == 'A' || ch == 'B'; }))
      return fail(commune, "logement_recherche.communes",
                  fmt::format("code INSEE de commune invalide « {} » (cinq caractères : 38185, 2A004)", code));
    communes.items.push_back(leaf(commune, code));
  }
  out.add("communes", std::move(communes));
  Node typologies = objectAt(element);
  typologies.kind = Node::Kind::List;
  if (!one(c, "listeTypeLogement", false, "logement_recherche.typologies", list)) return false;
  if (list) {
    Children tc;
    if (!children(list, {"typeLogement"}, tc)) return false;
    for (const pugi::xml_node t : tc.byName["typeLogement"]) {
      Node typologie;
      if (!code(t, detail::typeLogementCodes(), "logement_recherche.typologies", typologie)) return false;
      typologies.items.push_back(std::move(typologie));
    }
  }
  out.add("typologies", std::move(typologies));
  return true;
}

bool SneReader::demande(pugi::xml_node dl, Node& root) {
  Children c;
  if (!children(dl, {"numUnique", "numGuichet", "dateCreationDemande", "personnePhysique", "logementRecherche"}, c))
    return false;
  root = objectAt(dl);
  pugi::xml_node e;
  if (!one(c, "numUnique", true, "id", e)) return false;
  root.add("id", textOf(e));
  if (!one(c, "dateCreationDemande", true, "date_depot", e)) return false;
  root.add("date_depot", textOf(e));

  pugi::xml_node pp;
  if (!one(c, "personnePhysique", true, "demandeur", pp)) return false;
  Children pc;
  if (!children(pp,
                {"demandeur", "listePersonneACharge", "personneANaitre", "listePersonneEnGarde", "listeCotitulaire",
                 "logementActuel"},
                pc))
    return false;

  // Demandeur and co-titulaire, with their incomes.
  Money money;
  pugi::xml_node demandeurAt;
  if (!one(pc, "demandeur", true, "demandeur", demandeurAt)) return false;
  Node demandeur;
  Children dc;
  if (!person(demandeurAt, false, "demandeur", demandeur, dc)) return false;
  if (!resources(dc, "demandeur", money)) return false;

  pugi::xml_node cotitulaires;
  if (!one(pc, "listeCotitulaire", false, "codemandeur", cotitulaires)) return false;
  std::optional<Node> codemandeur;
  if (cotitulaires) {
    Children cc;
    if (!children(cotitulaires, {"cotitulaire"}, cc)) return false;
    const std::vector<pugi::xml_node>& list = cc.byName["cotitulaire"];
    if (list.size() > 1)
      return fail(list[1], "codemandeur",
                  "plusieurs co-titulaires : le schéma standard n'a qu'un co-demandeur (les autres personnes à "
                  "loger vont dans listePersonneACharge)");
    if (list.size() == 1) {
      Node co;
      Children coc;
      if (!person(list[0], true, "codemandeur", co, coc)) return false;
      if (!resources(coc, "codemandeur", money)) return false;
      codemandeur = std::move(co);
    }
  }

  // Persons: dependants, then children of separated parents.
  Node personnes = objectAt(pp);
  personnes.kind = Node::Kind::List;
  pugi::xml_node list;
  if (!one(pc, "listePersonneACharge", false, "personnes", list)) return false;
  if (list) {
    Children lc;
    if (!children(list, {"personneACharge"}, lc)) return false;
    for (const pugi::xml_node p : lc.byName["personneACharge"]) {
      const std::string path = fmt::format("personnes[{}]", personnes.items.size());
      Children c2;
      if (!children(p, {"nom", "prenom", "dateNaissance", "sexe", "lienParente"}, c2)) return false;
      Node person = objectAt(p);
      if (!one(c2, "lienParente", true, path + ".lien", e)) return false;
      Node lien;
      if (!code(e, detail::lienParenteCodes(), path + ".lien", lien)) return false;
      person.add("lien", std::move(lien));
      if (!one(c2, "dateNaissance", true, path + ".date_naissance", e)) return false;
      person.add("date_naissance", textOf(e));
      person.add("a_charge", leaf(p, "true"));
      personnes.items.push_back(std::move(person));
    }
  }
  if (!one(pc, "listePersonneEnGarde", false, "personnes", list)) return false;
  if (list) {
    Children lc;
    if (!children(list, {"personneEnGarde"}, lc)) return false;
    for (const pugi::xml_node p : lc.byName["personneEnGarde"]) {
      const std::string path = fmt::format("personnes[{}]", personnes.items.size());
      Children c2;
      if (!children(p, {"nom", "prenom", "dateNaissance", "sexe", "coParentalite"}, c2)) return false;
      Node person = objectAt(p);
      person.add("lien", leaf(p, "enfant"));
      if (!one(c2, "dateNaissance", true, path + ".date_naissance", e)) return false;
      person.add("date_naissance", textOf(e));
      if (!one(c2, "coParentalite", true, path + ".garde", e)) return false;
      Node garde;
      if (!code(e, detail::coParentaliteCodes(), path + ".garde", garde)) return false;
      // A child in alternating residence is counted as dependent; a child
      // seen under visiting rights is not (documented in format-sne.md).
      person.add("a_charge", leaf(e, garde.text == "alternee" ? "true" : "false"));
      person.add("garde", std::move(garde));
      personnes.items.push_back(std::move(person));
    }
  }

  Node unborn = leaf(pp, "0");
  pugi::xml_node naitre;
  if (!one(pc, "personneANaitre", false, "enfants_a_naitre", naitre)) return false;
  if (naitre) {
    Children nc;
    if (!children(naitre, {"nombre", "dateNaissancePrevue"}, nc)) return false;
    if (!one(nc, "nombre", true, "enfants_a_naitre", e)) return false;
    unborn = textOf(e);
  }

  pugi::xml_node actuel;
  if (!one(pc, "logementActuel", true, "logement_actuel", actuel)) return false;
  Node logement, typeDemande;
  if (!logementActuel(actuel, logement, typeDemande)) return false;

  pugi::xml_node recherche;
  if (!one(c, "logementRecherche", true, "logement_recherche", recherche)) return false;
  Node wanted;
  if (!logementRecherche(recherche, wanted)) return false;

  // Resources.
  if (!money.hasN2)
    return fail(demandeurAt, "ressources.revenu_fiscal_n2",
                "revenu fiscal de référence N-2 absent : ni le demandeur ni le co-titulaire n'a d'élément "
                "revenuFiscal/montantMoins2");
  Node ressources = objectAt(demandeurAt);
  const std::string sumOrigin = "somme des éléments revenuFiscal du demandeur et du co-titulaire";
  ressources.add("revenu_fiscal_n2", Node::leaf(money.n2.toString(), ressources.line, ressources.column, sumOrigin));
  if (money.hasN1)
    ressources.add("revenu_fiscal_n1", Node::leaf(money.n1.toString(), ressources.line, ressources.column, sumOrigin));
  ressources.add("ressources_mensuelles",
                 Node::leaf(money.monthly.toString(), ressources.line, ressources.column,
                            "somme des ressources reçues moins les ressources versées (detailRessource)"));

  root.add("type_demande", std::move(typeDemande));
  root.add("demandeur", std::move(demandeur));
  if (codemandeur) root.add("codemandeur", std::move(*codemandeur));
  root.add("personnes", std::move(personnes));
  root.add("enfants_a_naitre", std::move(unborn));
  root.add("ressources", std::move(ressources));
  root.add("logement_actuel", std::move(logement));
  root.add("logement_recherche", std::move(wanted));
  return true;
}

const char* parseStatusText(pugi::xml_parse_status status) {
  switch (status) {
  case pugi::status_file_not_found: return "fichier introuvable";
  case pugi::status_io_error: return "erreur de lecture";
  case pugi::status_out_of_memory: return "mémoire insuffisante";
  case pugi::status_unrecognized_tag: return "balise mal formée";
  case pugi::status_bad_pi: return "instruction de traitement mal formée";
  case pugi::status_bad_comment: return "commentaire mal formé";
  case pugi::status_bad_cdata: return "section CDATA mal formée";
  case pugi::status_bad_doctype: return "déclaration DOCTYPE mal formée";
  case pugi::status_bad_pcdata: return "texte mal formé";
  case pugi::status_bad_start_element: return "balise ouvrante mal formée";
  case pugi::status_bad_attribute: return "attribut mal formé";
  case pugi::status_bad_end_element: return "balise fermante mal formée";
  case pugi::status_end_element_mismatch:
    return "balise fermante qui ne correspond pas à la balise ouverte (ou fichier tronqué)";
  case pugi::status_append_invalid_root: return "racine invalide";
  case pugi::status_no_document_element: return "aucun élément racine (fichier vide ou tronqué)";
  default: break;
  }
  return "XML mal formé";
}

bool SneReader::read(std::string_view text) {
  text_ = text;
  lineStarts_.assign(1, 0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') lineStarts_.push_back(i + 1);
  auto at = [&](std::size_t offset, std::string message) {
    std::size_t line = 0, column = 0;
    detail::lineColumn(text, offset, line, column);
    errors_.push_back(detail::fileError(name_, std::move(message), line, column));
    return false;
  };
  // UTF-8 only: pugixml does not check it. Nor does it refuse what XML
  // 1.0 forbids or what the SNE never sends, which it would read silently:
  // control characters (a NUL ends its text), a DTD (its entities are not
  // expanded, `&x;` stays in the text), references to undeclared entities.
  const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  bool inComment = false, inCdata = false;
  for (std::size_t i = start; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        return at(i, fmt::format("caractère de contrôle U+{:04X} interdit en XML", c));
      const std::string_view rest = text.substr(i);
      if (inComment || inCdata) {
        if (rest.substr(0, 3) == (inComment ? "-->" : "]]>")) inComment = inCdata = false;
      } else if (rest.substr(0, 4) == "<!--") {
        inComment = true;
      } else if (rest.substr(0, 9) == "<![CDATA[") {
        inCdata = true;
      } else if (rest.substr(0, 9) == "<!DOCTYPE") {
        return at(i, "déclaration DOCTYPE non acceptée : le format d'échange du SNE n'en a pas");
      } else if (c == '&') {
        const std::size_t semicolon = rest.find(';');
        const std::string_view name = rest.substr(1, semicolon == std::string_view::npos ? 0 : semicolon - 1);
        const bool known = name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos" ||
                           (name.size() > 1 && name[0] == '#');
        if (!known)
          return at(i, fmt::format("référence d'entité « &{}; » inconnue : seules &amp; &lt; &gt; &quot; &apos; et "
                                   "les références numériques sont acceptées",
                                   detail::quoteForMessage(name.substr(0, 40))));
        if (name[0] == '#') {
          // pugixml decodes any number, even one that is no character
          // (&#0; cut the text, &#xD800; wrote invalid UTF-8).
          const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
          const std::string_view digits = name.substr(hex ? 2 : 1);
          std::uint32_t code = 0;
          bool valid = !digits.empty() && digits.size() <= 8;
          for (char d : digits) {
            const int v = std::isdigit(static_cast<unsigned char>(d)) ? d - '0'
                          : hex && std::isxdigit(static_cast<unsigned char>(d))
                              ? std::tolower(static_cast<unsigned char>(d)) - 'a' + 10
                              : -1;
            valid = valid && v >= 0;
            if (valid) code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
          }
          if (!valid || !xmlChar(code))
            return at(i, fmt::format("référence de caractère « &{}; » invalide : elle ne désigne pas un caractère "
                                     "permis en XML (les caractères de contrôle sont refusés)",
                                     detail::quoteForMessage(name.substr(0, 40))));
        }
      }
      ++i;
      continue;
    }
    const std::size_t n = detail::utf8SequenceLength(text, i);
    if (n == 0)
      return at(i, fmt::format("texte invalide : l'octet 0x{:02X} n'est pas de l'UTF-8 valide (seul l'UTF-8 est "
                               "accepté)",
                               static_cast<unsigned char>(text[i])));
    i += n;
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_declaration, pugi::encoding_utf8);
  if (!parsed)
    return at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset)),
              fmt::format("XML invalide : {}", parseStatusText(parsed.status)));
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_declaration) continue;
    const std::string encoding = trimmed(n.attribute("encoding").value());
    if (!encoding.empty() && encoding != "UTF-8" && encoding != "utf-8") {
      std::size_t line = 0, column = 0;
      locate(n, line, column);
      errors_.push_back(detail::fileError(
          name_, fmt::format("encodage « {} » non pris en charge : seul l'UTF-8 est accepté", encoding), line, column));
      return false;
    }
  }
  const pugi::xml_node root = doc.document_element();
  std::size_t line = 0, column = 0;
  // What pugixml lets through and XML forbids: text after the root (it is
  // dropped), an attribute given twice (the first would be read, silently).
  if (const std::size_t end = text.find_last_of('>'); end != std::string_view::npos) {
    const std::size_t tail = text.find_first_not_of(" \t\r\n", end + 1);
    if (tail != std::string_view::npos) return at(tail, "texte après l'élément racine : XML invalide");
  }
  struct DuplicateAttributes : pugi::xml_tree_walker {
    pugi::xml_node found;
    std::string name;
    std::unordered_set<std::string_view> seen; // by name, per element: linear in its attributes
    bool for_each(pugi::xml_node& n) override {
      if (!n.first_attribute() || !n.first_attribute().next_attribute()) return true;
      seen.clear();
      for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
        if (!seen.insert(a.name()).second) {
          found = n;
          name = a.name();
          return false;
        }
      return true;
    }
  } duplicates;
  pugi::xml_node rootNode = root;
  if (duplicates.for_each(rootNode)) rootNode.traverse(duplicates); // the root, then its descendants
  if (duplicates.found) {
    locate(duplicates.found, line, column);
    errors_.push_back(detail::fileError(
        name_,
        fmt::format("attribut `{}` donné deux fois dans `{}` : XML invalide", duplicates.name, duplicates.found.name()),
        line, column));
    return false;
  }
  for (pugi::xml_node n = root.next_sibling(); n; n = n.next_sibling())
    if (n.type() == pugi::node_element) {
      locate(n, line, column);
      errors_.push_back(detail::fileError(
          name_,
          fmt::format("second élément racine `{}` après `{}` : un fichier n'a qu'une racine", n.name(), root.name()),
          line, column));
      return false;
    }
  locate(root, line, column);
  if (localName(root.name()) != "interfaceNuu") {
    errors_.push_back(detail::fileError(
        name_, fmt::format("élément racine `{}` : attendu `interfaceNuu` (format d'échange du SNE)", root.name()), line,
        column));
    return false;
  }
  if (namespaceOf(root) != kNamespace) {
    errors_.push_back(detail::fileError(
        name_, fmt::format("espace de noms de `interfaceNuu` : attendu « {} »", kNamespace), line, column));
    return false;
  }
  const std::string_view version = root.attribute("versionInterface").value();
  if (version != "02.00" && version != "02.01") {
    errors_.push_back(
        detail::fileError(name_,
                          fmt::format("version d'interface « {} » non prise en charge (versions lues : 02.00 et 02.01)",
                                      detail::quoteForMessage(version)),
                          line, column));
    return false;
  }

  auto reportProblem = [&]() {
    std::size_t l = 0, c = 0;
    locate(problem_.at, l, c);
    IngestError e = detail::fileError(name_, problem_.message, l, c);
    if (problem_.at) e.message += fmt::format(" [élément {}]", elementPath(problem_.at));
    e.path = problem_.path;
    report(std::move(e));
  };
  Children top;
  if (!children(root, {"entete", "demande"}, top)) {
    reportProblem();
    return false;
  }
  const int idIndex = detail::idFieldIndex(program_, structIndex_);
  std::size_t count = 0;
  for (const pugi::xml_node d : top.byName["demande"]) {
    Children dc;
    if (!children(d, {"demandeLogement"}, dc)) {
      reportProblem();
      continue;
    }
    for (const pugi::xml_node dl : dc.byName["demandeLogement"]) {
      ++count;
      Node root;
      problem_ = Problem{};
      if (!demande(dl, root)) {
        reportProblem();
        continue;
      }
      interp::Value record;
      if (!builder_.build(structIndex_, root, arena_, record, failures_)) {
        bool explained = false; // the first missing field says why, once per demande
        for (detail::TreeFailure& failure : failures_) {
          if (!explained && failure.message.rfind("champ obligatoire absent", 0) == 0) {
            failure.message.insert(
                std::string_view("champ obligatoire absent").size(),
                fmt::format(" : le format d'échange du SNE ne porte pas cette information ; "
                            "l'option --sne-defauts lui donne son défaut de test du schéma (voir {})",
                            kDocPage));
            explained = true;
          }
          IngestError e = detail::fileError(name_, std::move(failure.message), failure.line, failure.column);
          e.path = std::move(failure.path);
          report(std::move(e));
        }
        continue;
      }
      std::size_t line = 0, column = 0;
      locate(dl, line, column);
      detail::appendRecord(out_, record, idIndex, line);
    }
  }
  if (count == 0 && failed_ == 0)
    errors_.push_back(
        detail::fileError(name_, "aucune demande (élément demande/demandeLogement) dans le fichier", line, column));
  if (failed_ > options_.maxErrors)
    errors_.push_back(detail::fileError(
        name_, fmt::format("{} autre(s) demande(s) en erreur non détaillée(s)", failed_ - options_.maxErrors)));
  if (!builder_.defaulted().empty()) {
    std::string fields;
    for (const std::string& f : builder_.defaulted()) fields += (fields.empty() ? "" : ", ") + f;
    out_.notes.push_back(fmt::format("{} : champs que le format SNE ne porte pas, pris à leur défaut de test du schéma "
                                     "(--sne-defauts) : {}",
                                     name_, fields));
  }
  return failed_ == 0 && count > 0;
}

} // namespace

bool readSneText(const ir::Program& program, std::uint32_t structIndex, std::string_view text, const std::string& name,
                 const ReadOptions& options, interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors) {
  if (structIndex >= program.structs.size()) {
    errors.push_back(detail::fileError(name, fmt::format("structure inconnue (indice {})", structIndex)));
    return false;
  }
  SneReader reader(program, structIndex, name, options, arena, out, errors);
  return reader.read(text);
}

bool readSne(const ir::Program& program, std::uint32_t structIndex, const std::string& path, const ReadOptions& options,
             interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors) {
  std::string text, problem;
  if (!detail::readWholeFile(path, kMaxTableBytes, text, problem)) {
    errors.push_back(detail::fileError(path, std::move(problem)));
    return false;
  }
  return readSneText(program, structIndex, text, path, options, arena, out, errors);
}

} // namespace loge::ingest
