// Ingest tests: a hand-built ir::Program with the bench workload's schema.
#include "test_schema.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace loge::ingest::test {

namespace {

ir::FieldDecl field(std::string name, const ir::Type* type, std::optional<ir::Constant> lower = std::nullopt,
                    std::optional<ir::Constant> upper = std::nullopt) {
  ir::FieldDecl f;
  f.name = std::move(name);
  f.label = f.name;
  f.type = type;
  f.lower = std::move(lower);
  f.upper = std::move(upper);
  return f;
}

std::uint32_t addStruct(ir::Program& p, std::string name, std::vector<ir::FieldDecl> fields) {
  ir::StructDecl s;
  s.name = std::move(name);
  s.label = s.name;
  s.fields = std::move(fields);
  p.structs.push_back(std::move(s));
  return static_cast<std::uint32_t>(p.structs.size() - 1);
}

std::uint32_t addEnum(ir::Program& p, std::string name, std::vector<std::string> values,
                      std::vector<std::string> labels) {
  ir::EnumDecl e;
  e.name = std::move(name);
  e.label = e.name;
  e.values = std::move(values);
  e.valueLabels = std::move(labels);
  p.enums.push_back(std::move(e));
  return static_cast<std::uint32_t>(p.enums.size() - 1);
}

ir::Constant integer(std::int64_t i) { return ir::Constant::integer(i); }
ir::Constant decimal(const char* text) { return ir::Constant::decimal(*num::Decimal::parse(text)); }

} // namespace

TestSchema makeSchema(bool extended) {
  TestSchema s;
  s.program = std::make_unique<ir::Program>();
  ir::Program& p = *s.program;
  ir::TypeTable& t = p.types;
  const ir::Type* entier = t.integer();
  const ir::Type* booleen = t.boolean();
  const ir::Type* mensuel = t.decimal(ir::Unit::EuroPerMonth);

  if (extended) {
    s.statut =
        addEnum(p, "Statut", {"locataire", "heberge", "sans_domicile"}, {"Locataire", "Hébergé", "Sans domicile"});
    s.lien = addEnum(p, "Lien", {"demandeur", "conjoint", "enfant", "ascendant"},
                     {"Demandeur", "Conjoint", "Enfant", "Ascendant"});
  }

  s.menage = addStruct(p, "Menage",
                       {field("nb_adultes", entier, integer(1)), field("nb_enfants", entier, integer(0)),
                        field("age_demandeur", entier, integer(0)),
                        field("revenu_fiscal_reference", t.decimal(ir::Unit::EuroPerYear)),
                        extended ? field("ressources_mensuelles", mensuel, decimal("0"), decimal("100000"))
                                 : field("ressources_mensuelles", mensuel),
                        field("handicap", booleen), field("grossesse", booleen)});
  s.situation =
      addStruct(p, "Situation",
                {field("dalo", booleen), field("sans_logement", booleen), field("hebergement_structure", booleen),
                 field("violences", booleen), field("logement_indigne", booleen), field("expulsion", booleen),
                 field("refus_propositions", entier, integer(0))});
  s.logementActuel = addStruct(
      p, "LogementActuel", {field("surface_m2", t.decimal(ir::Unit::SquareMetre)), field("loyer_mensuel", mensuel)});

  std::vector<ir::FieldDecl> demande = {
      field("id", t.text()),
      extended ? field("date_depot", t.date(), ir::Constant::date(*num::Date::parse("2000-01-01")))
               : field("date_depot", t.date()),
      field("menage", t.structure(s.menage)), field("situation", t.structure(s.situation)),
      field("logement_actuel", t.optional(t.structure(s.logementActuel)))};
  if (extended) {
    s.personne = addStruct(p, "Personne",
                           {field("prenom", t.text()), field("age", entier, integer(0), integer(130)),
                            field("lien", t.enumeration(s.lien)), field("date_naissance", t.optional(t.date()))});
    demande.push_back(field("statut", t.enumeration(s.statut)));
    demande.push_back(field("personnes", t.list(t.structure(s.personne)), integer(1), integer(12)));
    demande.push_back(field("commentaire", t.optional(t.text())));
  }
  s.demande = addStruct(p, "Demande", std::move(demande));
  s.logement = addStruct(p, "Logement", {field("id", t.text()), field("loyer_mensuel", mensuel)});
  return s;
}

} // namespace loge::ingest::test
