// JIT stage (internal): the on-disk cache of compiled objects.
#include "object_cache.h"

#include "loge/rt/aot.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Bitcode/BitcodeWriter.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/BLAKE3.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace loge::jit::internal {

namespace fs = std::filesystem;

namespace {
// Bump when the optimisation pipeline or the code generator's options
// change: the key does not see them, and an object made by another
// pipeline, although it computes the same results, is not what this
// version would make.
constexpr llvm::StringLiteral kPipeline = "loge-jit-o2-1";

// A stored entry: this magic, the BLAKE3 digest of the rest, the number of
// objects (4 bytes), then each object's size (8 bytes) and bytes.
constexpr llvm::StringLiteral kMagic = "LOGEOBJ2";
constexpr std::size_t kDigest = 32;

// The cache holds at most this many objects; beyond, the least recently
// used go first, down to kKeep.
constexpr std::size_t kMaxEntries = 256;
constexpr std::size_t kKeep = 192;

void hashField(llvm::BLAKE3& h, llvm::StringRef s) {
  // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
  std::uint64_t n = s.size();
  h.update(llvm::ArrayRef<std::uint8_t>(reinterpret_cast<const std::uint8_t*>(&n), sizeof n));
  h.update(s);
}

// Objects in the cache are run: a directory another user owns, or may
// write to, could hand this process code to run. Such a cache is not used.
bool safeDirectory(const fs::path& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  return st.st_uid == ::geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}
} // namespace

std::string ObjectCache::keyOf(const llvm::Module& module, const llvm::TargetMachine& tm, unsigned partitions,
                               Inlining inlining) {
  llvm::SmallString<0> bitcode;
  llvm::raw_svector_ostream os(bitcode);
  llvm::WriteBitcodeToFile(module, os);
  llvm::BLAKE3 h;
  hashField(h, bitcode);
  hashField(h, tm.getTargetTriple().str());
  hashField(h, tm.getTargetCPU());
  hashField(h, tm.getTargetFeatureString());
  hashField(h, std::to_string(static_cast<int>(tm.getOptLevel())));
  hashField(h, LLVM_VERSION_STRING);
  hashField(h, LOGE_VERSION_STRING);
  hashField(h, std::to_string(LOGE_AOT_ABI_VERSION));
  hashField(h, kPipeline);
  hashField(h, std::to_string(partitions));
  hashField(h, inlining == Inlining::Extended ? "inlining-extended" : "inlining-standard");
  auto digest = h.final<16>();
  return llvm::toHex(digest, /*LowerCase=*/true);
}

fs::path ObjectCache::pathOf(const std::string& key) const { return dir_ / (key + ".o"); }

std::vector<std::unique_ptr<llvm::MemoryBuffer>> ObjectCache::find(const std::string& key) const {
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> objects;
  if (!safeDirectory(dir_)) return objects;
  fs::path path = pathOf(key);
  auto file = llvm::MemoryBuffer::getFile(path.string(), /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!file) return objects;
  llvm::StringRef bytes = (*file)->getBuffer();
  if (bytes.size() <= kMagic.size() + kDigest || !bytes.startswith(kMagic)) return objects;
  llvm::StringRef digest = bytes.substr(kMagic.size(), kDigest);
  llvm::StringRef rest = bytes.substr(kMagic.size() + kDigest);
  auto actual = llvm::BLAKE3::hash<kDigest>(llvm::arrayRefFromStringRef(rest));
  if (digest != llvm::toStringRef(llvm::ArrayRef<std::uint8_t>(actual))) return objects;
  auto take = [&](std::size_t n, auto& value) {
    if (rest.size() < n) return false;
    std::memcpy(&value, rest.data(), n);
    rest = rest.drop_front(n);
    return true;
  };
  std::uint32_t count = 0;
  if (!take(sizeof count, count) || count == 0) return objects;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint64_t size = 0;
    if (!take(sizeof size, size) || size > rest.size()) return {};
    objects.push_back(
        llvm::MemoryBuffer::getMemBufferCopy(rest.take_front(size), path.string() + "#" + std::to_string(i)));
    rest = rest.drop_front(size);
  }
  if (!rest.empty()) return {};
  // Recently used entries are the last to be pruned.
  std::error_code ec;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
  return objects;
}

void ObjectCache::store(const std::string& key, const std::vector<llvm::StringRef>& objects) const {
  std::error_code ec;
  if (!fs::exists(dir_, ec)) {
    fs::create_directories(dir_, ec);
    if (ec) return;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  if (!safeDirectory(dir_)) return;
  std::string body;
  auto put = [&](const auto& value) { body.append(reinterpret_cast<const char*>(&value), sizeof value); };
  put(static_cast<std::uint32_t>(objects.size()));
  for (llvm::StringRef object : objects) {
    put(static_cast<std::uint64_t>(object.size()));
    body.append(object.data(), object.size());
  }
  auto digest = llvm::BLAKE3::hash<kDigest>(llvm::arrayRefFromStringRef(body));
  std::random_device random;
  fs::path tmp = dir_ / (key + ".tmp" + std::to_string(random()));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out.write(kMagic.data(), static_cast<std::streamsize>(kMagic.size()));
    out.write(reinterpret_cast<const char*>(digest.data()), static_cast<std::streamsize>(digest.size()));
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    if (!out.flush()) {
      out.close();
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, pathOf(key), ec);
  if (ec) {
    fs::remove(tmp, ec);
    return;
  }
  prune();
}

void ObjectCache::prune() const {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  for (const auto& e : fs::directory_iterator(dir_, ec))
    if (e.path().extension() == ".o") entries.emplace_back(e.last_write_time(ec), e.path());
  if (entries.size() <= kMaxEntries) return;
  std::sort(entries.begin(), entries.end());
  for (std::size_t i = 0; i + kKeep < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

} // namespace loge::jit::internal
