// JIT stage (internal): writing an artifact's parameter set. Flat values
// may hold pointers (texts, list items); each pointed-to block is copied
// into the data area and the pointer becomes a relocation that
// loge::rt::loadParams resolves.
#include "params_blob_write.h"

#include <cstring>
#include <string>

namespace loge::jit::internal {

namespace {

class Writer {
public:
  Writer(const ir::Program& p, const codegen::Layout& layout) : program_(p), layout_(layout) {}

  template <typename T> void put(T v) {
    const auto* b = reinterpret_cast<const std::uint8_t*>(&v);
    head_.insert(head_.end(), b, b + sizeof v);
  }
  void putBytes(const void* p, std::size_t n) {
    const auto* b = static_cast<const std::uint8_t*>(p);
    head_.insert(head_.end(), b, b + n);
  }

  // Copies a flat value of type `t` into the data area; returns its offset.
  std::uint64_t value(const std::vector<std::uint8_t>& bytes, const ir::Type* t) {
    std::uint64_t at = block(bytes.data(), bytes.size());
    if (t) relocate(t, at);
    return at;
  }
  // Copies `count` cells of `cellSize` bytes, each a flat value of type `t`.
  std::uint64_t cells(const std::vector<std::uint8_t>& bytes, std::size_t cellSize, const ir::Type* t) {
    std::uint64_t at = block(bytes.data(), bytes.size());
    if (cellSize)
      for (std::size_t i = 0; i < bytes.size() / cellSize; ++i) relocate(t, at + i * cellSize);
    return at;
  }
  std::uint64_t raw(const std::vector<std::uint8_t>& bytes) { return block(bytes.data(), bytes.size()); }

  std::vector<std::uint8_t> finish() {
    std::vector<std::uint8_t> out = std::move(head_);
    auto append = [&](const void* p, std::size_t n) {
      const auto* b = static_cast<const std::uint8_t*>(p);
      out.insert(out.end(), b, b + n);
    };
    std::uint64_t size = data_.size();
    append(&size, sizeof size);
    append(data_.data(), data_.size());
    auto count = static_cast<std::uint32_t>(relocations_.size());
    append(&count, sizeof count);
    for (const auto& [slot, target] : relocations_) {
      append(&slot, sizeof slot);
      append(&target, sizeof target);
    }
    return out;
  }

private:
  std::uint64_t block(const std::uint8_t* p, std::size_t n) {
    data_.resize((data_.size() + 15) / 16 * 16);
    std::uint64_t at = data_.size();
    if (n) data_.insert(data_.end(), p, p + n);
    return at;
  }

  template <typename T> T read(std::uint64_t at) const {
    T v;
    std::memcpy(&v, data_.data() + at, sizeof v);
    return v;
  }

  // The value at data_[at] has type `t`: move what it points to into the
  // data area and record the pointers.
  void relocate(const ir::Type* t, std::uint64_t at) {
    switch (t->kind) {
    case ir::TypeKind::Text: {
      const auto* p = read<const std::uint8_t*>(at);
      auto n = read<std::int64_t>(at + 8);
      pointer(at, p, n > 0 ? static_cast<std::size_t>(n) : 0);
      break;
    }
    case ir::TypeKind::List: {
      const auto* p = read<const std::uint8_t*>(at);
      auto n = read<std::int64_t>(at + 8);
      std::size_t size = layout_.sizeOf(t->element);
      std::uint64_t items = pointer(at, p, n > 0 ? static_cast<std::size_t>(n) * size : 0);
      if (p)
        for (std::int64_t i = 0; i < n; ++i) relocate(t->element, items + static_cast<std::uint64_t>(i) * size);
      break;
    }
    case ir::TypeKind::Struct: {
      const codegen::StructLayout& s = layout_.structure(t->index);
      const ir::StructDecl& decl = program_.structs[t->index];
      for (std::size_t f = 0; f < decl.fields.size(); ++f) relocate(decl.fields[f].type, at + s.offsets[f]);
      break;
    }
    case ir::TypeKind::Optional:
      if (data_[at]) relocate(t->element, at + layout_.payloadOffset(t));
      break;
    default: break;
    }
  }

  // Copies the block [p, p+n) and records the slot at `at` as pointing to
  // it; a null pointer stays null. Returns the copy's offset.
  std::uint64_t pointer(std::uint64_t at, const std::uint8_t* p, std::size_t n) {
    if (!p) return 0;
    std::uint64_t target = block(p, n);
    std::memset(data_.data() + at, 0, sizeof(void*)); // filled at load time
    relocations_.emplace_back(at, target);
    return target;
  }

  const ir::Program& program_;
  const codegen::Layout& layout_;
  std::vector<std::uint8_t> head_, data_;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> relocations_;
};

} // namespace

std::vector<std::uint8_t> serializeParams(const loge_rt_params& params, const ir::Program& program,
                                          const codegen::Layout& layout) {
  Writer w(program, layout);
  w.putBytes("LOGEPRM1", 8);
  w.put(static_cast<std::uint32_t>(params.params.size()));
  for (std::size_t i = 0; i < params.params.size(); ++i) {
    const loge_rt_params::Param& param = params.params[i];
    const ir::Type* type = program.parameters[i].type;
    w.put(static_cast<std::uint8_t>(param.isTable));
    w.put(static_cast<std::uint8_t>(param.key1));
    w.put(static_cast<std::uint8_t>(param.key2));
    w.put(param.keyCount);
    w.put(static_cast<std::uint32_t>(param.versions.size()));
    for (const loge_rt_params::Version& v : param.versions) {
      w.put(v.from);
      w.put(v.to);
      w.put(v.cellSize);
      w.put(w.value(v.scalar, v.scalar.empty() ? nullptr : type));
      w.put(static_cast<std::uint64_t>(v.scalar.size()));
      w.put(static_cast<std::uint32_t>(v.rows.size()));
      for (const loge_rt_params::RowKey& r : v.rows) {
        w.put(static_cast<std::uint8_t>(r.hasFrom));
        w.put(static_cast<std::uint8_t>(r.hasTo));
        w.put(static_cast<std::uint8_t>(r.toInclusive));
        w.put(r.from);
        w.put(r.to);
        w.put(r.enumValue);
        w.put(static_cast<std::uint32_t>(r.text.size()));
        w.putBytes(r.text.data(), r.text.size());
      }
      w.put(static_cast<std::uint32_t>(v.columns.size()));
      for (std::int64_t c : v.columns) w.put(c);
      w.put(w.cells(v.cells, v.cellSize, type));
      w.put(static_cast<std::uint64_t>(v.cells.size()));
      w.put(w.raw(v.present));
      w.put(static_cast<std::uint64_t>(v.present.size()));
    }
  }
  return w.finish();
}

} // namespace loge::jit::internal
