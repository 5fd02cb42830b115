// JIT stage: the manifest of an ahead-of-time artifact (artifact.h).
//
// Format (native byte order, like the parameter blob):
//   "LOGEART2"  u64 total size (magic included)
//   u64 digest: xxHash64 of the whole object file with these 8 bytes zero
//   u32 AOT ABI version
//   strings (u32 length, bytes): Loge version, prefix, policy path, triple,
//     cpu, features
//   u64 layout fingerprint
//   u32 file count, per file: path, text (strings)
#include "loge/jit/artifact.h"

#include "c_header.h"
#include "loge/codegen/codegen.h"
#include "loge/codegen/layout.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/Host.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/xxhash.h>
#include <llvm/TargetParser/Triple.h>

#include <algorithm>
#include <cstring>

namespace loge::jit {

namespace {

constexpr char kMagic[] = "LOGEART2";
constexpr std::size_t kDigestAt = 16; // within the manifest
// Far above any policy (16 Mio per file, 64 files), far below what could
// exhaust memory when a damaged size is believed.
constexpr std::uint64_t kMaxManifest = std::uint64_t{1} << 31;

class Writer {
public:
  template <typename T> void put(T v) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    bytes.insert(bytes.end(), p, p + sizeof v);
  }
  void text(const std::string& s) {
    put(static_cast<std::uint32_t>(s.size()));
    bytes.insert(bytes.end(), s.begin(), s.end());
  }
  std::vector<std::uint8_t> bytes;
};

class Reader {
public:
  Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  template <typename T> bool get(T& v) {
    if (size_ - pos_ < sizeof v) return ok_ = false;
    std::memcpy(&v, data_ + pos_, sizeof v);
    pos_ += sizeof v;
    return true;
  }
  bool text(std::string& s) {
    std::uint32_t n = 0;
    if (!get(n) || size_ - pos_ < n) return ok_ = false;
    s.assign(reinterpret_cast<const char*>(data_ + pos_), n);
    pos_ += n;
    return true;
  }
  bool ok() const { return ok_; }

private:
  const std::uint8_t* data_;
  std::size_t size_, pos_ = 0;
  bool ok_ = true;
};

bool parseManifest(const std::uint8_t* data, std::size_t size, ArtifactManifest& m) {
  Reader in(data, size);
  char magic[8];
  std::uint64_t total = 0;
  std::uint64_t digest = 0;
  if (!in.get(magic) || std::memcmp(magic, kMagic, 8) != 0 || !in.get(total) || total != size) return false;
  in.get(digest);
  in.get(m.abiVersion);
  in.text(m.logeVersion);
  in.text(m.prefix);
  in.text(m.policyPath);
  in.text(m.triple);
  in.text(m.cpu);
  in.text(m.features);
  in.get(m.layoutHash);
  std::uint32_t files = 0;
  if (!in.get(files)) return false;
  for (std::uint32_t i = 0; i < files && in.ok(); ++i) {
    std::pair<std::string, std::string> f;
    in.text(f.first);
    in.text(f.second);
    m.files.push_back(std::move(f));
  }
  return in.ok() && !m.files.empty();
}

// The object's digest, its own 8 bytes (at `digestAt`) counted as zero.
std::uint64_t objectDigest(const std::vector<std::uint8_t>& object, std::size_t digestAt) {
  std::vector<std::uint8_t> copy(object);
  std::fill_n(copy.begin() + static_cast<std::ptrdiff_t>(digestAt), 8, std::uint8_t{0});
  return llvm::xxHash64(llvm::ArrayRef<std::uint8_t>(copy));
}

bool endsWith(llvm::StringRef s, llvm::StringRef suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

} // namespace

std::vector<std::uint8_t> writeManifest(const ArtifactManifest& m) {
  Writer w;
  for (int i = 0; i < 8; ++i) w.put(kMagic[i]);
  w.put(std::uint64_t{0}); // total size, set below
  w.put(std::uint64_t{0}); // digest, set by sealArtifact once the object exists
  w.put(m.abiVersion);
  w.text(m.logeVersion);
  w.text(m.prefix);
  w.text(m.policyPath);
  w.text(m.triple);
  w.text(m.cpu);
  w.text(m.features);
  w.put(m.layoutHash);
  w.put(static_cast<std::uint32_t>(m.files.size()));
  for (const auto& [path, text] : m.files) {
    w.text(path);
    w.text(text);
  }
  std::uint64_t total = w.bytes.size();
  std::memcpy(w.bytes.data() + 8, &total, sizeof total);
  return w.bytes;
}

bool sealArtifact(std::vector<std::uint8_t>& object, const std::vector<std::uint8_t>& manifest) {
  auto at = std::search(object.begin(), object.end(), manifest.begin(), manifest.end());
  if (at == object.end() || std::search(at + 1, object.end(), manifest.begin(), manifest.end()) != object.end())
    return false;
  const auto digestAt = static_cast<std::size_t>(at - object.begin()) + kDigestAt;
  const std::uint64_t digest = objectDigest(object, digestAt);
  std::memcpy(object.data() + digestAt, &digest, sizeof digest);
  return true;
}

bool readArtifact(const std::vector<std::uint8_t>& object, ArtifactManifest& out, std::string& why) {
  llvm::StringRef bytes(reinterpret_cast<const char*>(object.data()), object.size());
  auto file = llvm::object::ObjectFile::createObjectFile(llvm::MemoryBufferRef(bytes, "artefact"));
  if (!file) {
    llvm::consumeError(file.takeError());
    why = "ce n'est pas un fichier objet, ou il est endommagé (attendu le NOM.o écrit par `loge compile`)";
    return false;
  }
  const llvm::object::ObjectFile& obj = **file;
  llvm::Triple host(llvm::sys::getProcessTriple());
  if (obj.getArch() != host.getArch()) {
    why = "artefact compilé pour une autre architecture de processeur (" +
          llvm::Triple::getArchTypeName(obj.getArch()).str() + ") que celle de cette machine (" +
          host.getArchName().str() + ")";
    return false;
  }
  bool found = false;
  for (const llvm::object::SymbolRef& sym : obj.symbols()) {
    auto name = sym.getName();
    if (!name) {
      llvm::consumeError(name.takeError());
      continue;
    }
    if (!name->startswith("loge_") || !endsWith(*name, "_manifest")) continue;
    auto section = sym.getSection();
    auto offset = sym.getValue();
    if (!section || !offset || *section == obj.section_end()) {
      if (!section) llvm::consumeError(section.takeError());
      if (!offset) llvm::consumeError(offset.takeError());
      continue;
    }
    auto contents = (*section)->getContents();
    if (!contents) {
      llvm::consumeError(contents.takeError());
      continue;
    }
    // The size is the manifest's own, checked against its section.
    std::uint64_t total = 0;
    if (*offset > contents->size() || contents->size() - *offset < 16) continue;
    std::memcpy(&total, contents->data() + *offset + 8, sizeof total);
    if (total > kMaxManifest || total > contents->size() - *offset) continue;
    ArtifactManifest m;
    if (!parseManifest(reinterpret_cast<const std::uint8_t*>(contents->data() + *offset), total, m)) continue;
    if (*name != m.prefix + "_manifest") continue;
    // Machine code read back must be the code written: a byte changed on
    // disk or in transfer would otherwise run, and answer wrongly or crash.
    const auto digestAt =
        static_cast<std::size_t>(reinterpret_cast<const std::uint8_t*>(contents->data()) + *offset - object.data()) +
        kDigestAt;
    std::uint64_t digest = 0;
    std::memcpy(&digest, object.data() + digestAt, sizeof digest);
    if (digest != objectDigest(object, digestAt)) {
      why = "l'artefact est endommagé : son contenu ne correspond plus à l'empreinte que `loge compile` y a "
            "inscrite (fichier tronqué ou modifié depuis) ; recompilez la politique avec `loge compile`";
      return false;
    }
    out = std::move(m);
    found = true;
    break;
  }
  if (!found) {
    why = "ce fichier objet n'est pas un artefact de `loge compile`, ou il a été produit par une version de Loge "
          "qui n'y joignait pas la politique (recompilez-le avec `loge compile`)";
    return false;
  }
  return true;
}

std::uint64_t layoutFingerprint(const ir::Program& program, const std::string& prefix, const std::string& policyPath) {
  codegen::Layout layout(program);
  codegen::OutLayout out(program);
  std::string header = internal::cHeader(program, layout, out, prefix, policyPath);
  std::uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a
  for (unsigned char c : header) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

} // namespace loge::jit
