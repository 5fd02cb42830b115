// libloge (internal): what evaluation shares with ranking and position
// statements — the evaluation date and result objects.
#pragma once

#include "boundary.h"

namespace loge::capi {

// `text` as an evaluation date within the policy's period of effect
// (LOGE_ERR_ARGUMENT otherwise).
num::Date evaluationDate(const ir::Program& p, const char* text);

// A result object for a demande evaluated, or one that failed.
std::unique_ptr<loge_result> makeResult(const Core& core, const std::string& id, interp::DemandeResult raw);
std::unique_ptr<loge_result> failedResult(const Core& core, const std::string& id, const interp::EvalError& e);

} // namespace loge::capi
