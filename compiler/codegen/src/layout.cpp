// Codegen stage: computing the flat record layout.
#include "loge/codegen/layout.h"

#include <algorithm>

namespace loge::codegen {

namespace {
std::uint32_t roundUp(std::uint32_t n, std::uint32_t a) { return (n + a - 1) / a * a; }
} // namespace

Layout::Layout(const ir::Program& program) : program_(program), structs_(program.structs.size()) {
  // Structures only contain earlier-complete structures or lists (pointers),
  // but declaration order is free: resolve by recursion with a visited set.
  std::vector<int> state(program.structs.size(), 0);
  auto compute = [&](auto& self, std::uint32_t index) -> void {
    if (state[index] == 2) return;
    state[index] = 1;
    StructLayout& l = structs_[index];
    l.offsets.clear();
    std::uint32_t offset = 0;
    for (const ir::FieldDecl& f : program.structs[index].fields) {
      const ir::Type* t = ir::stripOptional(f.type);
      if (t->kind == ir::TypeKind::Struct && state[t->index] != 2) self(self, t->index);
      std::uint32_t a = alignOf(f.type);
      offset = roundUp(offset, a);
      l.offsets.push_back(offset);
      offset += sizeOf(f.type);
      l.align = std::max(l.align, a);
    }
    l.size = std::max<std::uint32_t>(roundUp(offset, l.align), 1);
    state[index] = 2;
  };
  for (std::uint32_t i = 0; i < program.structs.size(); ++i) compute(compute, i);
}

std::uint32_t Layout::alignOf(const ir::Type* t) const {
  switch (t->kind) {
  case ir::TypeKind::Bool: return 1;
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration: return 8;
  case ir::TypeKind::Decimal: return 16;
  case ir::TypeKind::Date:
  case ir::TypeKind::Enum: return 4;
  case ir::TypeKind::Text:
  case ir::TypeKind::List: return 8;
  case ir::TypeKind::Struct: return structs_[t->index].align;
  case ir::TypeKind::Optional: return alignOf(t->element);
  default: return 1;
  }
}

std::uint32_t Layout::sizeOf(const ir::Type* t) const {
  switch (t->kind) {
  case ir::TypeKind::Bool: return 1;
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration: return 8;
  case ir::TypeKind::Decimal: return 16;
  case ir::TypeKind::Date:
  case ir::TypeKind::Enum: return 4;
  case ir::TypeKind::Text:
  case ir::TypeKind::List: return 16;
  case ir::TypeKind::Struct: return structs_[t->index].size;
  case ir::TypeKind::Optional: {
    std::uint32_t a = alignOf(t->element);
    return roundUp(a + sizeOf(t->element), a);
  }
  default: return 0;
  }
}

} // namespace loge::codegen
