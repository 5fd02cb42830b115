// Syntax stage (internal): the canonical spelling of every keyword and symbol
// that the grammar accepts in several forms. The canonical form is the
// accented French word or the Unicode symbol a jurist reads in the published
// texts; the ASCII forms exist only to ease typing.
#include "format_tokens.h"

#include "LogeLexer.h"

namespace loge::syntax::internal {

const char* canonicalSpelling(std::size_t type) {
  using L = loge_antlr::LogeLexer;
  switch (type) {
  case L::A: return "à";
  case L::DEBUT: return "début";
  case L::REFERENCE: return "référence";
  case L::SCHEMA: return "schéma";
  case L::ENUMERATION: return "énumération";
  case L::PARAMETRE: return "paramètre";
  case L::DEFINITION: return "définition";
  case L::BAREME: return "barème";
  case L::JUSQU: return "jusqu'au";
  case L::CRITERE: return "critère";
  case L::ELIGIBILITE: return "éligibilité";
  case L::REGLE: return "règle";
  case L::PERIODE: return "période";
  case L::ANNEE: return "année";
  case L::WHERE: return "où";
  case L::ELIGIBLES: return "éligibles";
  case L::DECROISSANT: return "décroissant";
  case L::DEFAUTS: return "défauts";
  case L::SIMILARITE: return "similarité";
  case L::MEME: return "même";
  case L::BOOLEEN: return "booléen";
  case L::DECIMAL: return "décimal";
  case L::DUREE: return "durée";
  case L::DEFAUT: return "défaut";
  case L::VERIFIENT: return "vérifient";
  case L::VERIFIE: return "vérifie";
  case L::INFERIEUR: return "inférieur";
  case L::SUPERIEUR: return "supérieur";
  case L::DATE_EVALUATION: return "date_évaluation";
  case L::ARROW: return "→";
  case L::TIMES: return "×";
  case L::DIVIDE: return "÷";
  // The ASCII hyphen-minus is canonical: it is what every keyboard types,
  // and U+2212 looks the same in most fonts.
  case L::MINUS: return "-";
  case L::LE: return "≤";
  case L::GE: return "≥";
  case L::NEQ: return "≠";
  case L::EURO: return "€";
  case L::M2: return "m²";
  case L::NOT_PUBLISHED: return "—";
  default: return nullptr;
  }
}

} // namespace loge::syntax::internal
