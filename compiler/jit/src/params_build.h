// JIT stage (internal): building the runtime parameter set.
#pragma once

#include "flatten.h"
#include "loge/codegen/layout.h"
#include "loge/ir/program.h"
#include "loge/rt/params.h"

#include <memory>

namespace loge::jit::internal {

std::unique_ptr<loge_rt_params> buildParams(const ir::Program& p, const codegen::Layout& layout, BlockStore& store);

} // namespace loge::jit::internal
