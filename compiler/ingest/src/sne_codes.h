// Ingest stage: the SNE code lists (nomenclatures) Loge knows, mapped
// explicitly onto the standard schema's enumeration values.
//
// The interface's full code lists are not published with its sample data
// set: each table holds only the codes whose meaning is established (seen
// in JDD_OPENFISCA.XML with the meaning given by the same repository's
// mapping). Any other code is refused with an error rather than guessed.
// docs/reference/format-sne.md shows the same tables.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace loge::ingest::detail {

struct CodeTable {
  std::string_view element;                                         // the SNE element carrying the code attribute
  std::vector<std::pair<std::string_view, std::string_view>> codes; // SNE code → schema value
};

const CodeTable& situationFamilialeCodes();
const CodeTable& typeContratTravailCodes();
const CodeTable& lienParenteCodes();
const CodeTable& lienDemandeurCodes();
const CodeTable& coParentaliteCodes();
const CodeTable& modeleLogementCodes();
const CodeTable& typeLogementCodes(); // typeLogementActuel and typeLogement (T1…T6)

// Resource codes: received resources count in ressources_mensuelles, paid
// ones (pension alimentaire versée) are subtracted.
enum class ResourceKind {
  Unknown,
  Received,
  Paid
};
ResourceKind resourceKind(std::string_view code);
// "AAH, AEEH, …" for messages.
std::string_view receivedResourceCodes();
std::string_view paidResourceCodes();

} // namespace loge::ingest::detail
