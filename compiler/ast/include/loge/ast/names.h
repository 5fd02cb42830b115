// AST stage: how names compare.
//
// Identifiers compare after accent folding, as keywords do: `date_évaluation`
// and `date_evaluation` are the same name. Folding maps the Latin-1 and
// Latin Extended-A letters used in French to their base letter; case is kept
// (names are case-sensitive).
#pragma once

#include <string>
#include <string_view>

namespace loge::ast {

std::string foldName(std::string_view name);

} // namespace loge::ast
