// Ingest stage: the French wording of type expectations and bounds.
#pragma once

#include "loge/ir/program.h"

#include <string>

namespace loge::ingest::detail {

// What a value of `type` looks like to the person writing the data:
// "un entier", "un montant", "une date (texte \"AAAA-MM-JJ\")", "un objet `Menage`".
// Optional types describe their inner type.
std::string expectedPhrase(const ir::Program& program, const ir::Type* type);

// The noun of a decimal quantity of `unit`: "un montant", "une surface",
// "un nombre de points", "un nombre décimal".
std::string decimalNoun(ir::Unit unit);

// A bound as written in messages: "1", "0.5", "2025-01-01".
std::string constantText(const ir::Constant& c);

} // namespace loge::ingest::detail
