// French descriptions of numeric statuses: they end up verbatim in the
// evaluation errors a jurist reads, hence French and no codes.
#include "loge/numeric/status.h"

namespace loge::num {

const char* describe(Status s) {
  switch (s) {
  case Status::Ok: return "aucune erreur";
  case Status::Overflow: return "dépassement de capacité";
  case Status::DivisionByZero: return "division par zéro";
  case Status::InvalidDate: return "date invalide ou hors de l'intervalle 0001-01-01 – 9999-12-31";
  case Status::Domain: return "argument hors du domaine";
  }
  return "statut inconnu";
}

} // namespace loge::num
