// JIT stage (internal): the flattener — runtime values and IR constants to
// the flat record layout of codegen/layout.h.
#include "flatten.h"

#include <cstring>
#include <new>

namespace loge::jit::internal {

std::uint8_t* BlockStore::allocate(std::size_t bytes) {
  if (bytes == 0) bytes = 16;
  auto* p = static_cast<std::uint8_t*>(::operator new[](bytes, std::align_val_t(16)));
  std::memset(p, 0, bytes);
  blocks_.emplace_back(p);
  return p;
}

namespace {
template <typename T> void put(std::uint8_t* dst, T v) { std::memcpy(dst, &v, sizeof v); }
} // namespace

void Flattener::value(const interp::Value& v, const ir::Type* type, std::uint8_t* dst) {
  if (type->kind == ir::TypeKind::Optional) {
    if (v.isAbsent() || v.tag == interp::Tag::Unset) return; // presence byte stays 0
    dst[0] = 1;
    value(v, type->element, dst + layout_.payloadOffset(type));
    return;
  }
  switch (type->kind) {
  case ir::TypeKind::Bool: dst[0] = v.b ? 1 : 0; break;
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration: put<std::int64_t>(dst, v.i); break;
  case ir::TypeKind::Decimal: put<num::int128>(dst, v.d); break;
  case ir::TypeKind::Date: put<std::int32_t>(dst, v.date); break;
  case ir::TypeKind::Enum: put<std::uint32_t>(dst, v.e); break;
  case ir::TypeKind::Text: {
    // Texts point into the dataset's arena, which outlives evaluation.
    put<const char*>(dst, v.text->data());
    put<std::int64_t>(dst + 8, static_cast<std::int64_t>(v.text->size()));
    break;
  }
  case ir::TypeKind::List: {
    const ir::Type* el = type->element;
    std::size_t size = layout_.sizeOf(el);
    std::size_t n = v.lst->items.size();
    std::uint8_t* items = store_.allocate(n * size);
    for (std::size_t i = 0; i < n; ++i) value(v.lst->items[i], el, items + i * size);
    put<const std::uint8_t*>(dst, items);
    put<std::int64_t>(dst + 8, static_cast<std::int64_t>(n));
    break;
  }
  case ir::TypeKind::Struct: {
    const codegen::StructLayout& s = layout_.structure(type->index);
    const ir::StructDecl& decl = layout_.program().structs[type->index];
    for (std::size_t f = 0; f < decl.fields.size(); ++f)
      value(v.rec->fields[f], decl.fields[f].type, dst + s.offsets[f]);
    break;
  }
  default: break;
  }
}

void Flattener::constant(const ir::Constant& c, const ir::Type* type, std::uint8_t* dst) {
  using K = ir::Constant::Kind;
  if (type->kind == ir::TypeKind::Optional) {
    if (c.kind == K::Absent) return;
    dst[0] = 1;
    constant(c, type->element, dst + layout_.payloadOffset(type));
    return;
  }
  switch (type->kind) {
  case ir::TypeKind::Bool: dst[0] = c.asBool() ? 1 : 0; break;
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration: put<std::int64_t>(dst, c.asInt()); break;
  case ir::TypeKind::Decimal: put<num::int128>(dst, c.number); break;
  case ir::TypeKind::Date: put<std::int32_t>(dst, static_cast<std::int32_t>(c.number)); break;
  case ir::TypeKind::Enum: put<std::uint32_t>(dst, static_cast<std::uint32_t>(c.number)); break;
  case ir::TypeKind::Text:
    put<const char*>(dst, c.text.data());
    put<std::int64_t>(dst + 8, static_cast<std::int64_t>(c.text.size()));
    break;
  case ir::TypeKind::List: {
    const ir::Type* el = type->element;
    std::size_t size = layout_.sizeOf(el);
    std::uint8_t* items = store_.allocate(c.items.size() * size);
    for (std::size_t i = 0; i < c.items.size(); ++i) constant(c.items[i], el, items + i * size);
    put<const std::uint8_t*>(dst, items);
    put<std::int64_t>(dst + 8, static_cast<std::int64_t>(c.items.size()));
    break;
  }
  case ir::TypeKind::Struct: {
    // Barème tuples: the constant's items are the fields in order.
    const codegen::StructLayout& s = layout_.structure(type->index);
    const ir::StructDecl& decl = layout_.program().structs[type->index];
    for (std::size_t f = 0; f < decl.fields.size() && f < c.items.size(); ++f)
      constant(c.items[f], decl.fields[f].type, dst + s.offsets[f]);
    break;
  }
  default: break;
  }
}

} // namespace loge::jit::internal
