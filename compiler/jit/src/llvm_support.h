// JIT stage (internal): small helpers the stage's files share.
#pragma once

#include <llvm/Support/Error.h>

#include <chrono>
#include <string>

namespace loge::jit::internal {

// An LLVM error's message (the error is consumed).
inline std::string llvmError(llvm::Error e) {
  std::string s;
  llvm::handleAllErrors(std::move(e), [&](const llvm::ErrorInfoBase& info) { s += info.message(); });
  return s;
}

inline double msSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

} // namespace loge::jit::internal
