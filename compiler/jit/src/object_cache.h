// JIT stage (internal): the on-disk cache of compiled objects.
//
// Optimising and generating machine code is most of the time `loge` takes
// to start on a large policy, and a policy is compiled again unchanged far
// more often than it changes (every `loge run`, `loge test` in CI). The
// cache keeps the object LLVM made for a module, under a key that covers
// everything the machine code depends on, so an unchanged policy skips both.
#pragma once

#include "loge/jit/jit.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/MemoryBuffer.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace loge::jit::internal {

class ObjectCache {
public:
  explicit ObjectCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // The key of the objects `tm` makes from `module` (not yet optimised) cut
  // into `partitions` and optimised at `inlining`: a digest of its bitcode,
  // the target and CPU, and the versions of LLVM and of Loge (the
  // optimisation pipeline is Loge's).
  static std::string keyOf(const llvm::Module& module, const llvm::TargetMachine& tm, unsigned partitions,
                           Inlining inlining);

  // The objects stored under `key`; none when there are none or the file is
  // not intact (a truncated or altered object is never loaded).
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> find(const std::string& key) const;

  // Stores objects; best effort: a cache that cannot be written only costs
  // the next run a compilation. Another process may be storing the same
  // key at the same time: each writes its own file and renames it.
  void store(const std::string& key, const std::vector<llvm::StringRef>& objects) const;

private:
  std::filesystem::path pathOf(const std::string& key) const;
  void prune() const;

  std::filesystem::path dir_;
};

} // namespace loge::jit::internal
