// Codegen stage (internal): LLVM types of Loge values, loads from the flat
// layout, zero values and constants.
//
// In registers: booléen i1, entier and durée i64, décimal i128, date and
// énumération i32, texte and liste {ptr, i64}, structure ptr (to its flat
// bytes), T? {i1 present, T}.
#include "lowering.h"

namespace loge::codegen::internal {

llvm::Type* Lowering::typeOf(const ir::Type* t) {
  switch (t->kind) {
  case ir::TypeKind::Bool: return i1;
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration: return i64;
  case ir::TypeKind::Decimal: return i128;
  case ir::TypeKind::Date:
  case ir::TypeKind::Enum: return i32;
  case ir::TypeKind::Text:
  case ir::TypeKind::List: return slice;
  case ir::TypeKind::Struct: return ptr;
  case ir::TypeKind::Optional: return llvm::StructType::get(C, {i1, typeOf(t->element)});
  case ir::TypeKind::Absent:
  case ir::TypeKind::Error: return i1;
  }
  return i1;
}

llvm::Value* Lowering::loadFlat(llvm::Value* base, std::uint32_t offset, const ir::Type* t, Memory m) {
  llvm::Value* at = offset ? B.CreateConstInBoundsGEP1_64(i8, base, offset) : base;
  switch (t->kind) {
  case ir::TypeKind::Bool: return B.CreateICmpNE(load(i8, at, m), B.getInt8(0));
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration: return load(i64, at, m, llvm::MaybeAlign(8));
  case ir::TypeKind::Decimal: return load(i128, at, m, llvm::MaybeAlign(16));
  case ir::TypeKind::Date:
  case ir::TypeKind::Enum: return load(i32, at, m, llvm::MaybeAlign(4));
  case ir::TypeKind::Text:
  case ir::TypeKind::List: {
    llvm::Value* data = load(ptr, at, m, llvm::MaybeAlign(8));
    llvm::Value* size = load(i64, B.CreateConstInBoundsGEP1_64(i8, at, 8), m, llvm::MaybeAlign(8));
    llvm::Value* s = llvm::UndefValue::get(slice);
    s = B.CreateInsertValue(s, data, 0);
    return B.CreateInsertValue(s, size, 1);
  }
  case ir::TypeKind::Struct: return at;
  case ir::TypeKind::Optional: {
    llvm::Value* present = B.CreateICmpNE(load(i8, at, m), B.getInt8(0));
    // The payload of an absent value is whatever bytes the flattener wrote
    // (zeros): reading it is harmless, and keeps the code branch-free.
    llvm::Value* payload = loadFlat(at, layout.payloadOffset(t), t->element, m);
    llvm::Value* v = llvm::UndefValue::get(typeOf(t));
    v = B.CreateInsertValue(v, present, 0);
    return B.CreateInsertValue(v, payload, 1);
  }
  default: throw Unsupported{"type de valeur non pris en charge par le moteur compilé"};
  }
}

llvm::Value* Lowering::zeroOf(const ir::Type* t) { return llvm::Constant::getNullValue(typeOf(t)); }

llvm::Value* Lowering::decimalConst(num::int128 v) {
  auto u = static_cast<num::uint128>(v);
  std::uint64_t words[2] = {static_cast<std::uint64_t>(u), static_cast<std::uint64_t>(u >> 64)};
  return llvm::ConstantInt::get(C, llvm::APInt(128, words));
}

llvm::Value* Lowering::constant(const ir::Constant& c, const ir::Type* t) {
  using K = ir::Constant::Kind;
  if (t->kind == ir::TypeKind::Optional) {
    llvm::Value* v = llvm::UndefValue::get(typeOf(t));
    if (c.kind == K::Absent) return zeroOf(t);
    v = B.CreateInsertValue(v, B.getInt1(true), 0);
    return B.CreateInsertValue(v, constant(c, t->element), 1);
  }
  switch (c.kind) {
  case K::Bool: return B.getInt1(c.asBool());
  case K::Int:
  case K::Duration: return B.getInt64(static_cast<std::uint64_t>(c.asInt()));
  case K::Decimal: return decimalConst(c.number);
  case K::Date:
  case K::Enum: return B.getInt32(static_cast<std::uint32_t>(c.number));
  case K::Text: {
    llvm::Constant* data = B.CreateGlobalStringPtr(c.text, "texte", 0, &M);
    return llvm::ConstantStruct::get(slice, {data, B.getInt64(c.text.size())});
  }
  case K::List: {
    const ir::Type* el = t->element;
    std::vector<llvm::Constant*> items;
    llvm::Type* memType = nullptr;
    for (const auto& item : c.items) {
      switch (el->kind) {
      case ir::TypeKind::Int:
      case ir::TypeKind::Duration:
        memType = i64;
        items.push_back(B.getInt64(static_cast<std::uint64_t>(item.asInt())));
        break;
      case ir::TypeKind::Decimal:
        memType = i128;
        items.push_back(llvm::cast<llvm::Constant>(decimalConst(item.number)));
        break;
      case ir::TypeKind::Date:
      case ir::TypeKind::Enum:
        memType = i32;
        items.push_back(B.getInt32(static_cast<std::uint32_t>(item.number)));
        break;
      case ir::TypeKind::Bool:
        memType = i8;
        items.push_back(B.getInt8(item.asBool() ? 1 : 0));
        break;
      case ir::TypeKind::Text: {
        memType = slice;
        llvm::Constant* data = B.CreateGlobalStringPtr(item.text, "texte", 0, &M);
        items.push_back(llvm::ConstantStruct::get(slice, {data, B.getInt64(item.text.size())}));
        break;
      }
      default: throw Unsupported{"liste constante de structures"};
      }
    }
    if (items.empty())
      return llvm::ConstantStruct::get(slice,
                                       {llvm::ConstantPointerNull::get(llvm::PointerType::get(C, 0)), B.getInt64(0)});
    auto* arrayType = llvm::ArrayType::get(memType, items.size());
    auto* global = new llvm::GlobalVariable(M, arrayType, true, llvm::GlobalValue::PrivateLinkage,
                                            llvm::ConstantArray::get(arrayType, items), "liste");
    global->setAlignment(llvm::Align(layout.alignOf(el)));
    return llvm::ConstantStruct::get(slice, {global, B.getInt64(items.size())});
  }
  case K::Absent: return zeroOf(t);
  case K::Tuple: throw Unsupported{"n-uplet constant"};
  }
  return zeroOf(t);
}

} // namespace loge::codegen::internal
