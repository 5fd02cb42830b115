// Ingest stage: the bounds a schema declares on a field, checked on a value.
#pragma once

#include "loge/interp/value.h"
#include "loge/ir/program.h"

#include <string>

namespace loge::ingest::detail {

// "" when `value` respects the bounds of `field` (`entier (au moins 1)`,
// `liste de T (au moins 1)` on the length…), else the French problem:
// "valeur 0 inférieure au minimum 1". Absent values and types without
// bounds always pass.
std::string boundsProblem(const ir::FieldDecl& field, const interp::Value& value);

} // namespace loge::ingest::detail
