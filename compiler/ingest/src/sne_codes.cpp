// Ingest stage: the SNE code lists Loge knows (see sne_codes.h).
#include "sne_codes.h"

namespace loge::ingest::detail {

const CodeTable& situationFamilialeCodes() {
  static const CodeTable t{"situationFamiliale", {{"M", "marie"}}};
  return t;
}

const CodeTable& typeContratTravailCodes() {
  static const CodeTable t{"typeContratTravail", {{"CDI", "cdi"}}};
  return t;
}

const CodeTable& lienParenteCodes() {
  static const CodeTable t{"lienParente", {{"E", "enfant"}}};
  return t;
}

const CodeTable& lienDemandeurCodes() {
  static const CodeTable t{"lienDemandeur", {{"M", "conjoint"}}};
  return t;
}

const CodeTable& coParentaliteCodes() {
  static const CodeTable t{"coParentalite", {{"G", "alternee"}, {"D", "droit_de_visite"}}};
  return t;
}

const CodeTable& modeleLogementCodes() {
  static const CodeTable t{"modeleLogement", {{"LP", "locataire_prive"}}};
  return t;
}

const CodeTable& typeLogementCodes() {
  static const CodeTable t{"typeLogement",
                           {{"T1", "T1"}, {"T2", "T2"}, {"T3", "T3"}, {"T4", "T4"}, {"T5", "T5"}, {"T6", "T6"}}};
  return t;
}

namespace {
// From the sample's mapping: SAL salaire ou revenu d'activité, RET retraite,
// CHO allocation chômage, PAR pension alimentaire reçue, PINV pension
// d'invalidité, AF allocations familiales, AAH, AEEH, AJPP, RSA, AMV
// minimum vieillesse, PAJE, BE bourse étudiant, AUT autre (hors APL ou AL).
constexpr std::string_view kReceived[] = {"SAL",  "RET",  "CHO", "PAR", "PINV", "AF", "AAH",
                                          "AEEH", "AJPP", "RSA", "AMV", "PAJE", "BE", "AUT"};
} // namespace

ResourceKind resourceKind(std::string_view code) {
  for (const std::string_view r : kReceived)
    if (code == r) return ResourceKind::Received;
  if (code == "PAV") return ResourceKind::Paid; // pension alimentaire versée
  return ResourceKind::Unknown;
}

std::string_view receivedResourceCodes() {
  return "SAL, RET, CHO, PAR, PINV, AF, AAH, AEEH, AJPP, RSA, AMV, PAJE, BE, AUT";
}

std::string_view paidResourceCodes() { return "PAV"; }

} // namespace loge::ingest::detail
