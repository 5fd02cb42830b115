// Designation stage (internal): French wording shared by the renderings.
#pragma once

#include "loge/interp/interp.h"
#include "loge/ir/program.h"
#include "loge/source/source.h"

#include <string>

namespace loge::designation::internal {

std::string points(num::Decimal d);                                    // "1 point", "430 points", "12,5 points"
std::string percent(num::Decimal share);                               // 0.25 → "25 %", 1/3 → "33,33 %"
std::string ordinal(std::size_t n);                                    // 1 → "1er", 2 → "2e"
std::string ordinalFeminine(std::size_t n);                            // 1 → "1re", 2 → "2e"
std::string plural(std::int64_t n, const char* one, const char* many); // "1 demande", "3 demandes"
std::string refs(const std::vector<ir::Reference>& rs);                // " [CCH L441-1 ; …]" or ""
// A readable name for an IR expression (an order key, a similarity key):
// `demande.date_depot`, `principale`, `quota.premier_quartile.compte`…
std::string describe(const ir::Program& p, const ir::Expr& e);
// For a reader of the policy's data: the field's label when the expression
// is a field with one ("Typologies souhaitées"), else describe().
std::string label(const ir::Program& p, const ir::Expr& e);
std::string value(const ir::Program& p, const ir::Type* type, const interp::Value& v); // French
std::string where(const SourceManager& sm, SourceRange r);                             // "politique.loge:12:5"
// A quota group's keys: "epci = 200000001, reservataire = etat" ("" without keys).
std::string groupKeys(const ir::Program& p, const ir::QuotaDecl& q, const interp::QuotaGroup& g);
std::string target(const ir::QuotaDecl& q, const interp::QuotaGroup& g); // "au moins 25 %", "au moins 3 attributions"
std::string statut(const std::string& s);                                // "en_retard" → "en retard"

} // namespace loge::designation::internal
