// Codegen stage (internal): integer arithmetic with overflow checks,
// comparisons, builtins, aggregates, parameters, barèmes and calls.
#include "lowering.h"

#include <llvm/IR/Intrinsics.h>

namespace loge::codegen::internal {

using ir::Op;

llvm::Value* Lowering::lowerIntArith(const ir::Expr& e, llvm::Value* a, llvm::Value* b) {
  llvm::Intrinsic::ID id = e.op == Op::IntAdd   ? llvm::Intrinsic::sadd_with_overflow
                           : e.op == Op::IntSub ? llvm::Intrinsic::ssub_with_overflow
                                                : llvm::Intrinsic::smul_with_overflow;
  llvm::Value* r = B.CreateBinaryIntrinsic(id, a, b);
  failIf(B.CreateExtractValue(r, 1));
  return B.CreateExtractValue(r, 0);
}

// Three-way comparison as an i32 (-1, 0, 1), by operand type.
llvm::Value* Lowering::cmpValues(llvm::Value* a, llvm::Value* b, const ir::Type* t) {
  switch (t->kind) {
  case ir::TypeKind::Text:
    return B.CreateICmpEQ(B.CreateCall(rt.textCmp, {B.CreateExtractValue(a, 0), B.CreateExtractValue(a, 1),
                                                    B.CreateExtractValue(b, 0), B.CreateExtractValue(b, 1)}),
                          B.getInt32(0));
  case ir::TypeKind::Bool:
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration:
  case ir::TypeKind::Decimal:
  case ir::TypeKind::Date:
  case ir::TypeKind::Enum: return B.CreateICmpEQ(a, b);
  default: throw Unsupported{"égalité entre valeurs composées"};
  }
}

llvm::Value* Lowering::lowerCompare(const ir::Expr& e) {
  llvm::Value* a = lower(*e.a);
  llvm::Value* b = lower(*e.b);
  const ir::Type* t = e.operandType;
  if (t->kind == ir::TypeKind::Text) {
    llvm::Value* c = B.CreateCall(rt.textCmp, {B.CreateExtractValue(a, 0), B.CreateExtractValue(a, 1),
                                               B.CreateExtractValue(b, 0), B.CreateExtractValue(b, 1)});
    a = c;
    b = B.getInt32(0);
  }
  bool isUnsigned = t->kind == ir::TypeKind::Enum || t->kind == ir::TypeKind::Bool;
  switch (e.cmp) {
  case ir::CompareOp::Eq: return B.CreateICmpEQ(a, b);
  case ir::CompareOp::Ne: return B.CreateICmpNE(a, b);
  case ir::CompareOp::Lt: return isUnsigned ? B.CreateICmpULT(a, b) : B.CreateICmpSLT(a, b);
  case ir::CompareOp::Le: return isUnsigned ? B.CreateICmpULE(a, b) : B.CreateICmpSLE(a, b);
  case ir::CompareOp::Gt: return isUnsigned ? B.CreateICmpUGT(a, b) : B.CreateICmpSGT(a, b);
  case ir::CompareOp::Ge: return isUnsigned ? B.CreateICmpUGE(a, b) : B.CreateICmpSGE(a, b);
  }
  return B.getInt1(false);
}

llvm::Value* Lowering::lowerBuiltin(const ir::Expr& e) {
  using Bi = ir::Builtin;
  switch (e.builtin) {
  case Bi::MinInt:
  case Bi::MaxInt:
  case Bi::MinDecimal:
  case Bi::MaxDecimal:
  case Bi::MinDate:
  case Bi::MaxDate:
  case Bi::MinDuration:
  case Bi::MaxDuration: {
    bool isMin = e.builtin == Bi::MinInt || e.builtin == Bi::MinDecimal || e.builtin == Bi::MinDate ||
                 e.builtin == Bi::MinDuration;
    llvm::Value* best = lower(*e.args[0]);
    for (std::size_t i = 1; i < e.args.size(); ++i) {
      llvm::Value* v = lower(*e.args[i]);
      // The interpreter keeps the earlier value on ties; for integers the
      // result is the same either way.
      best = B.CreateSelect(isMin ? B.CreateICmpSLT(v, best) : B.CreateICmpSGT(v, best), v, best);
    }
    return best;
  }
  case Bi::AbsInt: {
    llvm::Value* v = lower(*e.args[0]);
    failIf(B.CreateICmpEQ(v, B.getInt64(static_cast<std::uint64_t>(INT64_MIN))));
    return B.CreateSelect(B.CreateICmpSLT(v, B.getInt64(0)), B.CreateNeg(v), v);
  }
  case Bi::AbsDecimal: {
    llvm::Value* v = lower(*e.args[0]);
    return B.CreateSelect(B.CreateICmpSLT(v, decimalConst(0)), B.CreateNeg(v), v);
  }
  case Bi::MonthsBetween:
  case Bi::YearsBetween:
  case Bi::DaysBetween: {
    llvm::Value* a = lower(*e.args[0]);
    llvm::Value* b = lower(*e.args[1]);
    if (e.builtin == Bi::DaysBetween) return B.CreateSub(B.CreateSExt(b, i64), B.CreateSExt(a, i64));
    return B.CreateCall(e.builtin == Bi::MonthsBetween ? rt.monthsBetween : rt.yearsBetween, {a, b});
  }
  case Bi::Annual:
  case Bi::Monthly: {
    llvm::Value* v = lower(*e.args[0]);
    ir::Expr fake;
    fake.op = e.builtin == Bi::Annual ? Op::DecimalMul : Op::DecimalDiv;
    return lowerDecimalArith(fake, v, decimalConst(static_cast<num::int128>(12) * num::Decimal::kOne));
  }
  case Bi::YearOf:
  case Bi::MonthOf:
  case Bi::DayOf: {
    int part = e.builtin == Bi::YearOf ? 0 : e.builtin == Bi::MonthOf ? 1 : 2;
    return B.CreateSExt(B.CreateCall(rt.datePart, {lower(*e.args[0]), B.getInt32(static_cast<std::uint32_t>(part))}),
                        i64);
  }
  case Bi::TextLength: {
    llvm::Value* s = lower(*e.args[0]);
    return B.CreateCall(rt.textLength, {B.CreateExtractValue(s, 0), B.CreateExtractValue(s, 1)});
  }
  }
  throw Unsupported{"fonction prédéfinie inconnue"};
}

// A loop over the list's flat elements; the binder slot holds the element
// (a pointer for structures).
llvm::Value* Lowering::lowerAggregate(const ir::Expr& e) {
  using A = ir::AggregateOp;
  const ir::Type* el = e.b->type->element;
  llvm::Value* list = lower(*e.b);
  llvm::Value* data = B.CreateExtractValue(list, 0);
  llvm::Value* count = B.CreateExtractValue(list, 1);
  std::uint32_t size = layout.sizeOf(el);
  llvm::Type* accType = e.aggregate == A::Count                            ? i64
                        : (e.aggregate == A::All || e.aggregate == A::Any) ? i1
                                                                           : typeOf(e.type);
  llvm::Value* init = e.aggregate == A::All ? static_cast<llvm::Value*>(B.getInt1(true))
                                            : static_cast<llvm::Value*>(llvm::Constant::getNullValue(accType));
  llvm::AllocaInst* acc = slotRaw(0x7FFE0000u + e.slot, accType);
  B.CreateStore(init, acc);
  llvm::AllocaInst* index = slotRaw(0x7FFD0000u + e.slot, i64);
  B.CreateStore(B.getInt64(0), index);
  llvm::BasicBlock* head = llvm::BasicBlock::Create(C, "boucle", fs->fn);
  llvm::BasicBlock* body = llvm::BasicBlock::Create(C, "element", fs->fn);
  llvm::BasicBlock* next = llvm::BasicBlock::Create(C, "suivant", fs->fn);
  llvm::BasicBlock* done = llvm::BasicBlock::Create(C, "fin_boucle", fs->fn);
  B.CreateBr(head);
  B.SetInsertPoint(head);
  llvm::Value* i = B.CreateLoad(i64, index);
  B.CreateCondBr(B.CreateICmpSLT(i, count), body, done);
  B.SetInsertPoint(body);
  llvm::Value* at = B.CreateGEP(i8, data, B.CreateMul(i, B.getInt64(size)));
  B.CreateStore(loadFlat(at, 0, el), slot(e.slot, el));
  if (e.aggregate != A::All && e.c) {
    llvm::Value* keep = lower(*e.c);
    llvm::BasicBlock* use = llvm::BasicBlock::Create(C, "retenu", fs->fn);
    B.CreateCondBr(keep, use, next);
    B.SetInsertPoint(use);
  }
  switch (e.aggregate) {
  case A::Count: B.CreateStore(B.CreateAdd(B.CreateLoad(i64, acc), B.getInt64(1)), acc); break;
  case A::Sum: {
    llvm::Value* v = lower(*e.a);
    llvm::Value* cur = B.CreateLoad(accType, acc);
    ir::Expr fake;
    fake.op = e.type->kind == ir::TypeKind::Int ? Op::IntAdd : Op::DecimalAdd;
    B.CreateStore(e.type->kind == ir::TypeKind::Int ? lowerIntArith(fake, cur, v) : lowerDecimalArith(fake, cur, v),
                  acc);
    break;
  }
  case A::Max:
  case A::Min: {
    llvm::Value* v = lower(*e.a);
    llvm::Value* cur = B.CreateLoad(accType, acc);
    llvm::Value* present = B.CreateExtractValue(cur, 0);
    llvm::Value* best = B.CreateExtractValue(cur, 1);
    llvm::Value* better = e.aggregate == A::Max ? B.CreateICmpSGT(v, best) : B.CreateICmpSLT(v, best);
    llvm::Value* take = B.CreateOr(B.CreateNot(present), better);
    llvm::Value* updated = llvm::UndefValue::get(accType);
    updated = B.CreateInsertValue(updated, B.getInt1(true), 0);
    updated = B.CreateInsertValue(updated, B.CreateSelect(take, v, best), 1);
    B.CreateStore(updated, acc);
    break;
  }
  case A::First: {
    llvm::Value* found = llvm::UndefValue::get(accType);
    found = B.CreateInsertValue(found, B.getInt1(true), 0);
    found = B.CreateInsertValue(found, B.CreateLoad(typeOf(el), slot(e.slot, el)), 1);
    B.CreateStore(found, acc);
    B.CreateBr(done);
    B.SetInsertPoint(llvm::BasicBlock::Create(C, "mort", fs->fn));
    break;
  }
  case A::Any:
    B.CreateStore(B.getInt1(true), acc);
    B.CreateBr(done);
    B.SetInsertPoint(llvm::BasicBlock::Create(C, "mort", fs->fn));
    break;
  case A::All: {
    llvm::Value* ok = lower(*e.c);
    llvm::BasicBlock* fails = llvm::BasicBlock::Create(C, "faux", fs->fn);
    B.CreateCondBr(ok, next, fails);
    B.SetInsertPoint(fails);
    B.CreateStore(B.getInt1(false), acc);
    B.CreateBr(done);
    B.SetInsertPoint(llvm::BasicBlock::Create(C, "mort", fs->fn));
    break;
  }
  }
  B.CreateBr(next);
  B.SetInsertPoint(next);
  B.CreateStore(B.CreateAdd(B.CreateLoad(i64, index), B.getInt64(1)), index);
  B.CreateBr(head);
  B.SetInsertPoint(done);
  return B.CreateLoad(accType, acc);
}

// A scalar parameter: at the evaluation date from the context's table of
// resolved values; at another date (`P au D`) through the runtime.
llvm::Value* Lowering::lowerParam(const ir::Expr& e) {
  llvm::Value* c = ctx();
  llvm::Value* value;
  if (!e.b) {
    llvm::Value* table = load(ptr, B.CreateConstInBoundsGEP1_64(i8, c, offsetof(JitCtx, paramValues)), Memory::Params);
    value = load(ptr, B.CreateConstInBoundsGEP1_64(ptr, table, e.index), Memory::Input);
    failIf(B.CreateIsNull(value));
  } else {
    llvm::Value* date = lower(*e.b);
    llvm::Value* params = load(ptr, B.CreateConstInBoundsGEP1_64(i8, c, offsetof(JitCtx, params)), Memory::Params);
    llvm::AllocaInst* status = slotRaw(0x7FFF0020u, i32);
    value = B.CreateCall(rt.param, {params, B.getInt32(e.index), date, status});
    failIf(B.CreateIsNull(value));
  }
  return loadFlat(value, 0, e.type);
}

// A barème cell: keys in 16-byte slots, lookup by the runtime.
llvm::Value* Lowering::lowerTable(const ir::Expr& e) {
  llvm::Value* date = e.b ? lower(*e.b) : load(i32, frameField(5), Memory::Frame);
  std::vector<llvm::Value*> keys;
  for (const auto& k : e.args) keys.push_back(lower(*k));
  // An integer key outside its declared interval is outside the barème, even
  // when an open row (`6 et plus`) would match (as in the interpreter).
  const ir::ParameterDecl& decl = p.parameters[e.index];
  for (std::size_t i = 0; i < decl.keys.size() && i < keys.size(); ++i) {
    const ir::TableKey& k = decl.keys[i];
    if (k.kind != ir::TableKey::Kind::IntRange || i > 0) continue;
    if (k.lower != INT64_MIN) failIf(B.CreateICmpSLT(keys[i], B.getInt64(static_cast<std::uint64_t>(k.lower))));
    if (k.upper) failIf(B.CreateICmpSGT(keys[i], B.getInt64(static_cast<std::uint64_t>(*k.upper))));
  }
  llvm::IRBuilder<> entry(&fs->fn->getEntryBlock(), fs->fn->getEntryBlock().begin());
  auto* keysType = llvm::ArrayType::get(i128, 2);
  llvm::AllocaInst* slots = entry.CreateAlloca(keysType);
  slots->setAlignment(llvm::Align(16));
  for (std::size_t i = 0; i < keys.size(); ++i) {
    llvm::Value* at = B.CreateConstInBoundsGEP2_32(keysType, slots, 0, static_cast<unsigned>(i));
    B.CreateStore(llvm::Constant::getNullValue(i128), at);
    B.CreateStore(keys[i], at);
  }
  llvm::Value* params = load(ptr, B.CreateConstInBoundsGEP1_64(i8, ctx(), offsetof(JitCtx, params)), Memory::Params);
  llvm::AllocaInst* status = slotRaw(0x7FFF0021u, i32);
  // One integer key at the evaluation date: the host resolved the barème
  // to a direct index for the batch (loge_rt_dense_table, in paramValues);
  // the runtime lookup is only called when it has no cell for the key.
  llvm::BasicBlock* fast = nullptr;
  llvm::Value* fastCell = nullptr;
  llvm::BasicBlock* lookup = nullptr;
  bool direct = !e.b && decl.keys.size() == 1 && keys.size() == 1 &&
                decl.keys[0].kind == ir::TableKey::Kind::IntRange && !ir::isOptional(e.type);
  if (direct) {
    llvm::Value* table =
        load(ptr, B.CreateConstInBoundsGEP1_64(i8, ctx(), offsetof(JitCtx, paramValues)), Memory::Params);
    llvm::Value* dense = load(ptr, B.CreateConstInBoundsGEP1_64(ptr, table, e.index), Memory::Input);
    llvm::BasicBlock* indexed = llvm::BasicBlock::Create(C, "bareme_indexe", fs->fn);
    llvm::BasicBlock* inRange = llvm::BasicBlock::Create(C, "bareme_case", fs->fn);
    fast = llvm::BasicBlock::Create(C, "bareme_direct", fs->fn);
    lookup = llvm::BasicBlock::Create(C, "bareme_recherche", fs->fn);
    B.CreateCondBr(B.CreateIsNull(dense), lookup, indexed);
    B.SetInsertPoint(indexed);
    llvm::Value* lo = load(i64, dense, Memory::Input, llvm::MaybeAlign(8));
    llvm::Value* count = load(i64, B.CreateConstInBoundsGEP1_64(i8, dense, 8), Memory::Input, llvm::MaybeAlign(8));
    llvm::Value* cells = load(ptr, B.CreateConstInBoundsGEP1_64(i8, dense, 16), Memory::Input, llvm::MaybeAlign(8));
    llvm::Value* at = B.CreateSub(keys[0], lo); // both within ±2^62: no overflow
    B.CreateCondBr(B.CreateICmpULT(at, count), inRange, lookup);
    B.SetInsertPoint(inRange);
    fastCell = load(ptr, B.CreateInBoundsGEP(ptr, cells, at), Memory::Input, llvm::MaybeAlign(8));
    B.CreateCondBr(B.CreateIsNull(fastCell), lookup, fast);
    B.SetInsertPoint(lookup);
  }
  llvm::Value* cell = B.CreateCall(rt.table, {params, B.getInt32(e.index), date, slots, status});
  if (direct) {
    llvm::BasicBlock* looked = B.GetInsertBlock();
    llvm::BasicBlock* join = llvm::BasicBlock::Create(C, "bareme_suite", fs->fn);
    B.CreateBr(join);
    B.SetInsertPoint(fast);
    B.CreateBr(join);
    B.SetInsertPoint(join);
    llvm::PHINode* phi = B.CreatePHI(ptr, 2);
    phi->addIncoming(cell, looked);
    phi->addIncoming(fastCell, fast);
    cell = phi;
  }
  const ir::Type* valueType = ir::stripOptional(e.type);
  if (ir::isOptional(e.type)) {
    // Texte keys: a missing row is `absent`, a failed lookup an error.
    llvm::Value* missing = B.CreateIsNull(cell);
    failIf(B.CreateAnd(missing, B.CreateICmpNE(B.CreateLoad(i32, status), B.getInt32(0))));
    llvm::BasicBlock* from = B.GetInsertBlock();
    llvm::BasicBlock* read = llvm::BasicBlock::Create(C, "case", fs->fn);
    llvm::BasicBlock* join = llvm::BasicBlock::Create(C, "suite", fs->fn);
    B.CreateCondBr(missing, join, read);
    B.SetInsertPoint(read);
    llvm::Value* v = llvm::UndefValue::get(typeOf(e.type));
    v = B.CreateInsertValue(v, B.getInt1(true), 0);
    v = B.CreateInsertValue(v, loadFlat(cell, 0, valueType), 1);
    llvm::BasicBlock* readEnd = B.GetInsertBlock();
    B.CreateBr(join);
    B.SetInsertPoint(join);
    llvm::PHINode* phi = B.CreatePHI(typeOf(e.type), 2);
    phi->addIncoming(zeroOf(e.type), from);
    phi->addIncoming(v, readEnd);
    return phi;
  }
  failIf(B.CreateIsNull(cell));
  return loadFlat(cell, 0, valueType);
}

llvm::Value* Lowering::lowerCall(const ir::Expr& e) {
  std::vector<llvm::Value*> args{fs->frame};
  for (const auto& a : e.args) args.push_back(lower(*a));
  llvm::Value* r = B.CreateCall(definitions[e.index], args);
  checkCalleeError();
  return r;
}

} // namespace loge::codegen::internal
