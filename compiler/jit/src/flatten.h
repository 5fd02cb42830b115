// JIT stage (internal): writing values and constants in the flat layout.
#pragma once

#include "loge/codegen/layout.h"
#include "loge/interp/value.h"
#include "loge/ir/constant.h"

#include <cstdint>
#include <deque>
#include <memory>

namespace loge::jit::internal {

// 16-byte aligned blocks that outlive the flat records pointing into them.
class BlockStore {
public:
  std::uint8_t* allocate(std::size_t bytes);

private:
  struct Free {
    void operator()(std::uint8_t* p) const { ::operator delete[](p, std::align_val_t(16)); }
  };
  std::deque<std::unique_ptr<std::uint8_t[], Free>> blocks_;
};

class Flattener {
public:
  Flattener(const codegen::Layout& layout, BlockStore& store) : layout_(layout), store_(store) {}
  // `dst` has sizeOf(type) zeroed bytes.
  void value(const interp::Value& v, const ir::Type* type, std::uint8_t* dst);
  void constant(const ir::Constant& c, const ir::Type* type, std::uint8_t* dst);

private:
  const codegen::Layout& layout_;
  BlockStore& store_;
};

} // namespace loge::jit::internal
