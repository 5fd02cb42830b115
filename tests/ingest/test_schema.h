// Ingest tests: a hand-built ir::Program with the bench workload's schema.
//
// Built without the checker so these tests depend only on the IR: the
// structs and enums below mirror bench/workload.loge (Demande, Menage,
// Situation, LogementActuel, Logement); the extended schema adds an
// enumeration field, a list of records and a few bounds.
#pragma once

#include "loge/ir/program.h"

#include <cstdint>
#include <memory>

namespace loge::ingest::test {

struct TestSchema {
  std::unique_ptr<ir::Program> program;
  // Struct indices.
  std::uint32_t menage = 0, situation = 0, logementActuel = 0, personne = 0, demande = 0, logement = 0;
  // Enum indices.
  std::uint32_t statut = 0, lien = 0;
};

// The workload's schema exactly (reads bench data). With `extended`, Demande
// also has:
//   statut : Statut                          (locataire, hébergé, sans_domicile)
//   personnes : liste de Personne (au moins 1, au plus 12)
//   commentaire : texte?
// Personne { prenom : texte, age : entier 0..130, lien : Lien, date_naissance : date? }
// Lien { demandeur, conjoint, enfant, ascendant }, and Menage's
// ressources_mensuelles gets (au moins 0 €/mois, au plus 100000 €/mois) and
// Demande's date_depot (au moins 2000-01-01).
TestSchema makeSchema(bool extended);

} // namespace loge::ingest::test
