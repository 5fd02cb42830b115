// JIT stage (internal): the C header of an ahead-of-time artifact — the
// flat record layout as C structs, enumeration codes, the result struct and
// inline wrappers over loge/rt/aot.h.
#pragma once

#include "loge/codegen/codegen.h"
#include "loge/codegen/layout.h"
#include "loge/ir/program.h"

#include <string>

namespace loge::jit::internal {

// `prefix` is a C identifier (e.g. "loge_grille"); every name the header
// declares starts with it.
std::string cHeader(const ir::Program& program, const codegen::Layout& layout, const codegen::OutLayout& out,
                    const std::string& prefix, const std::string& policyPath);

// A C identifier from a Loge name: accents folded, anything else `_`.
std::string cIdentifier(const std::string& name);

} // namespace loge::jit::internal
