// libloge (internal): what ranking, quotas and position statements share —
// their options, the inputs they check, and quota groups as handles.
#pragma once

#include "records.h"

#include "loge/designation/designation.h"

namespace loge::capi {

// The options given, or the defaults when `options` is null.
const loge_designation_options& designationOptions(const loge_designation_options* options);

// The struct of a schema role the function needs (LOGE_ERR_UNSUPPORTED when
// the policy declares none).
std::uint32_t neededRole(const ir::Program& p, loge_role role, const char* function);

// A designation lookup (findClassement…): LOGE_ERR_UNSUPPORTED when the
// policy declares none, LOGE_ERR_ARGUMENT otherwise.
std::uint32_t found(std::optional<std::uint32_t> index, bool noneDeclared, const std::string& error);

// A batch whose records' ids are distinct, refused otherwise (LOGE_ERR_DATA,
// as `loge rank`, `loge quota` and `loge position` refuse the file): the same
// demande ranked and retained twice, or an attribution counted twice, would
// skew the designation and every quota. `what`: « la demande »…
const loge_batch& distinctBatch(const loge_batch* batch, const Core& core, loge_role role, const char* name,
                                const char* what);

// The attributions, refused when two have the same id (LOGE_ERR_DATA).
const std::vector<interp::Value>* attributionsOf(const Core& core, const loge_batch* attributions);

// Which engine the designation stage uses: the policy's own.
void useEngine(const PolicyCore& core, designation::Engine& engine, const jit::Engine*& compiled);

// A quota group as a handle.
std::unique_ptr<loge_quota_group> quotaGroup(const ir::Program& p, std::uint32_t quota, const interp::QuotaGroup& g);

// Runs a designation computation; an evaluation error becomes an error
// object located in the policy.
template <typename F> auto located(const PolicyCore& core, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const interp::EvalError& e) {
    throw Failure{evalError(core, e)};
  }
}

} // namespace loge::capi
