// Ingest stage: the French wording of type expectations and bounds.
#pragma once

#include "loge/ir/program.h"

#include <string>
#include <string_view>

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

// Fractional digits of a plain decimal ("-12.345" → 3), or -1 when `text`
// is not a plain decimal (optional '-', digits, optional '.' and digits).
int plainFractionDigits(std::string_view text);

// Why a text with plain-decimal syntax (`fractionDigits` >= 0) was refused
// by Decimal::parse: too many decimals, or out of range. `shown` is the
// text as quoted in messages.
std::string decimalRangeProblem(std::string_view shown, int fractionDigits);

} // namespace loge::ingest::detail
