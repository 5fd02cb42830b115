// JIT stage (internal): the parameter set of an ahead-of-time artifact as
// one position-independent byte string (format: loge/rt/params_blob.h).
#pragma once

#include "loge/codegen/layout.h"
#include "loge/ir/program.h"
#include "loge/rt/params.h"

#include <cstdint>
#include <vector>

namespace loge::jit::internal {

// `params` was built from `program` by buildParams; the types of its flat
// values tell where pointers are, which become relocations.
std::vector<std::uint8_t> serializeParams(const loge_rt_params& params, const ir::Program& program,
                                          const codegen::Layout& layout);

} // namespace loge::jit::internal
