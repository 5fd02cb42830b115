// Runtime helpers: loading an artifact's parameter set (params_blob.h).
// The bytes come from a linked object file, but they are still checked:
// a truncated or foreign blob is an error, never an out-of-bounds read.
#include "loge/rt/params_blob.h"

#include <cstring>

namespace loge::rt {

namespace {

class Reader {
public:
  Reader(const std::uint8_t* p, std::size_t n) : p_(p), n_(n) {}
  template <typename T> bool get(T& v) {
    if (n_ - at_ < sizeof(T)) return fail();
    std::memcpy(&v, p_ + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  bool bytes(std::size_t n, std::string& out) {
    if (n_ - at_ < n) return fail();
    out.assign(reinterpret_cast<const char*>(p_ + at_), n);
    at_ += n;
    return true;
  }
  const std::uint8_t* take(std::size_t n) {
    if (n_ - at_ < n) {
      fail();
      return nullptr;
    }
    const std::uint8_t* r = p_ + at_;
    at_ += n;
    return r;
  }
  bool ok() const { return ok_; }

private:
  bool fail() {
    ok_ = false;
    at_ = n_;
    return false;
  }
  const std::uint8_t* p_;
  std::size_t n_, at_ = 0;
  bool ok_ = true;
};

struct Range {
  std::uint64_t offset = 0, size = 0;
};

bool inside(const Range& r, std::uint64_t dataSize) { return r.offset <= dataSize && r.size <= dataSize - r.offset; }

} // namespace

std::unique_ptr<loge_rt_params> loadParams(const std::uint8_t* blob, std::size_t size, std::string& why) {
  why = "paramètres de l'artefact illisibles (fichier tronqué ou d'une autre version de Loge)";
  if (!blob) return nullptr;
  Reader in(blob, size);
  std::string magic;
  if (!in.bytes(8, magic) || magic != "LOGEPRM1") return nullptr;

  auto out = std::make_unique<loge_rt_params>();
  struct Pending {
    Range scalar, cells, present;
  };
  std::vector<std::vector<Pending>> pending;
  std::uint32_t paramCount = 0;
  if (!in.get(paramCount)) return nullptr;
  for (std::uint32_t i = 0; i < paramCount && in.ok(); ++i) {
    loge_rt_params::Param param;
    std::uint8_t isTable = 0, key1 = 0, key2 = 0;
    std::uint32_t versions = 0;
    in.get(isTable);
    in.get(key1);
    in.get(key2);
    in.get(param.keyCount);
    in.get(versions);
    if (key1 > 4 || key2 > 4 || param.keyCount > 2) return nullptr;
    param.isTable = isTable != 0;
    param.key1 = static_cast<loge_rt_params::KeyKind>(key1);
    param.key2 = static_cast<loge_rt_params::KeyKind>(key2);
    std::vector<Pending> ranges;
    for (std::uint32_t v = 0; v < versions && in.ok(); ++v) {
      loge_rt_params::Version version;
      Pending r;
      std::uint32_t rows = 0, columns = 0;
      in.get(version.from);
      in.get(version.to);
      in.get(version.cellSize);
      in.get(r.scalar.offset);
      in.get(r.scalar.size);
      in.get(rows);
      for (std::uint32_t k = 0; k < rows && in.ok(); ++k) {
        loge_rt_params::RowKey row;
        std::uint8_t hasFrom = 0, hasTo = 0, toInclusive = 0;
        std::uint32_t textSize = 0;
        in.get(hasFrom);
        in.get(hasTo);
        in.get(toInclusive);
        in.get(row.from);
        in.get(row.to);
        in.get(row.enumValue);
        in.get(textSize);
        in.bytes(textSize, row.text);
        row.hasFrom = hasFrom != 0;
        row.hasTo = hasTo != 0;
        row.toInclusive = toInclusive != 0;
        version.rows.push_back(std::move(row));
      }
      in.get(columns);
      for (std::uint32_t k = 0; k < columns && in.ok(); ++k) {
        std::int64_t c = 0;
        in.get(c);
        version.columns.push_back(c);
      }
      in.get(r.cells.offset);
      in.get(r.cells.size);
      in.get(r.present.offset);
      in.get(r.present.size);
      param.versions.push_back(std::move(version));
      ranges.push_back(r);
    }
    out->params.push_back(std::move(param));
    pending.push_back(std::move(ranges));
  }
  std::uint64_t dataSize = 0;
  if (!in.get(dataSize) || dataSize > size) return nullptr;
  const std::uint8_t* data = in.take(static_cast<std::size_t>(dataSize));
  std::uint32_t relocations = 0;
  if (!data || !in.get(relocations)) return nullptr;

  // The data, 16-byte aligned, lives as long as the set: flat values point
  // into it once relocated.
  std::vector<std::uint8_t>& storage = out->storage.emplace_back(static_cast<std::size_t>(dataSize) + 16);
  std::uint8_t* base = storage.data();
  base += (16 - reinterpret_cast<std::uintptr_t>(base) % 16) % 16;
  if (dataSize) std::memcpy(base, data, static_cast<std::size_t>(dataSize));
  for (std::uint32_t i = 0; i < relocations; ++i) {
    std::uint64_t slot = 0, target = 0;
    if (!in.get(slot) || !in.get(target)) return nullptr;
    if (dataSize < 8 || slot > dataSize - 8 || target > dataSize) return nullptr;
    const std::uint8_t* pointer = base + target;
    std::memcpy(base + slot, &pointer, sizeof pointer);
  }
  if (!in.ok()) return nullptr;

  for (std::size_t i = 0; i < out->params.size(); ++i) {
    for (std::size_t v = 0; v < out->params[i].versions.size(); ++v) {
      loge_rt_params::Version& version = out->params[i].versions[v];
      const Pending& r = pending[i][v];
      if (!inside(r.scalar, dataSize) || !inside(r.cells, dataSize) || !inside(r.present, dataSize)) return nullptr;
      version.scalar.assign(base + r.scalar.offset, base + r.scalar.offset + r.scalar.size);
      version.cells.assign(base + r.cells.offset, base + r.cells.offset + r.cells.size);
      version.present.assign(base + r.present.offset, base + r.present.offset + r.present.size);
      // A lookup reads rows × columns cells: check the sizes agree.
      std::size_t columns = version.columns.empty() ? 1 : version.columns.size();
      std::size_t cells = version.rows.size() * columns;
      if (version.present.size() != cells || version.cells.size() != cells * version.cellSize) return nullptr;
    }
  }
  why.clear();
  return out;
}

} // namespace loge::rt
