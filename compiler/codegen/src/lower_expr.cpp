// Codegen stage (internal): lowering expressions. Each case mirrors the
// interpreter's (compiler/interp/src/evaluator.cpp) so both engines compute
// the same value and fail on the same inputs.
#include "lowering.h"

#include <llvm/IR/MDBuilder.h>

namespace loge::codegen::internal {

using ir::Op;

llvm::Value* Lowering::frameField(unsigned index) { return B.CreateStructGEP(frameType, fs->frame, index); }

llvm::Value* Lowering::ctx() { return load(ptr, frameField(0), Memory::Frame); }

llvm::AllocaInst* Lowering::slotRaw(std::uint32_t index, llvm::Type* t) {
  auto it = fs->slots.find({index, t});
  if (it != fs->slots.end()) return it->second;
  llvm::IRBuilder<> entry(&fs->fn->getEntryBlock(), fs->fn->getEntryBlock().begin());
  llvm::AllocaInst* a = entry.CreateAlloca(t, nullptr, "slot" + std::to_string(index));
  a->setAlignment(llvm::Align(16));
  fs->slots[{index, t}] = a;
  return a;
}

// Branches to the function's error exit when `condition` holds, after
// recording the error in the context.
// Every check of a function branches to one shared error block: one block
// per check made the optimiser and the instruction selector spend their
// time merging identical blocks.
void Lowering::failIf(llvm::Value* condition) {
  if (!fs->raise) {
    llvm::IRBuilderBase::InsertPointGuard guard(B);
    fs->raise = llvm::BasicBlock::Create(C, "erreur", fs->fn);
    B.SetInsertPoint(fs->raise);
    store(B.getInt32(1), ctx(), Memory::Error);
    B.CreateBr(fs->fail);
  }
  llvm::BasicBlock* ok = llvm::BasicBlock::Create(C, "ok", fs->fn);
  B.CreateCondBr(condition, fs->raise, ok, llvm::MDBuilder(C).createBranchWeights(1, 1000));
  B.SetInsertPoint(ok);
}

void Lowering::checkCalleeError() { failIf(B.CreateICmpNE(load(i32, ctx(), Memory::Error), B.getInt32(0))); }

llvm::Value* Lowering::callStatus(llvm::FunctionCallee f, llvm::ArrayRef<llvm::Value*> args) {
  llvm::Value* status = B.CreateCall(f, args);
  failIf(B.CreateICmpNE(status, B.getInt32(0)));
  return status;
}

llvm::Value* Lowering::lower(const ir::Expr& e) {
  switch (e.op) {
  case Op::Const: return constant(e.constant, e.type);
  case Op::DateEvaluation: return load(i32, frameField(5), Memory::Frame);
  case Op::Context: {
    llvm::Value* record = load(ptr, frameField(1 + static_cast<unsigned>(e.role)), Memory::Frame);
    // A missing record is an error, except a candidature (all absent),
    // which the host always provides as a zeroed record.
    failIf(B.CreateIsNull(record));
    return record;
  }
  case Op::Local: return B.CreateLoad(typeOf(e.type), slot(e.index, e.type));
  case Op::Field: {
    llvm::Value* base = lower(*e.a);
    const StructLayout& s = layout.structure(e.a->type->index);
    return loadFlat(base, s.offsets[e.index], e.type);
  }
  case Op::OptionalField: {
    llvm::Value* base = lower(*e.a); // {i1, ptr}
    llvm::Value* present = B.CreateExtractValue(base, 0);
    llvm::Value* record = B.CreateExtractValue(base, 1);
    const ir::Type* st = e.a->type->element;
    const StructLayout& s = layout.structure(st->index);
    const ir::Type* ft = ir::stripOptional(e.type);
    const ir::Type* declared = p.structs[st->index].fields[e.index].type;
    // Read only when the record is present: an absent one has no bytes.
    llvm::BasicBlock* read = llvm::BasicBlock::Create(C, "lire", fs->fn);
    llvm::BasicBlock* join = llvm::BasicBlock::Create(C, "suite", fs->fn);
    llvm::BasicBlock* from = B.GetInsertBlock();
    B.CreateCondBr(present, read, join);
    B.SetInsertPoint(read);
    llvm::Value* v = loadFlat(record, s.offsets[e.index], declared);
    if (!ir::isOptional(declared)) {
      llvm::Value* wrapped = llvm::UndefValue::get(typeOf(e.type));
      wrapped = B.CreateInsertValue(wrapped, B.getInt1(true), 0);
      v = B.CreateInsertValue(wrapped, v, 1);
    }
    (void)ft;
    llvm::BasicBlock* readEnd = B.GetInsertBlock();
    B.CreateBr(join);
    B.SetInsertPoint(join);
    llvm::PHINode* phi = B.CreatePHI(typeOf(e.type), 2);
    phi->addIncoming(zeroOf(e.type), from);
    phi->addIncoming(v, readEnd);
    return phi;
  }
  case Op::Unwrap: {
    llvm::Value* v = lower(*e.a);
    failIf(B.CreateNot(B.CreateExtractValue(v, 0)));
    return B.CreateExtractValue(v, 1);
  }
  case Op::Some: {
    llvm::Value* v = llvm::UndefValue::get(typeOf(e.type));
    v = B.CreateInsertValue(v, B.getInt1(true), 0);
    return B.CreateInsertValue(v, lower(*e.a), 1);
  }
  case Op::Call: return lowerCall(e);
  case Op::Param: return lowerParam(e);
  case Op::Table: return lowerTable(e);
  case Op::TupleField: {
    llvm::Value* base = lower(*e.a);
    return loadFlat(base, layout.structure(e.a->type->index).offsets[e.index], e.type);
  }
  case Op::Builtin: return lowerBuiltin(e);
  case Op::IntToDecimal:
    return B.CreateMul(B.CreateSExt(lower(*e.a), i128), decimalConst(num::Decimal::kOne), "", false, true);
  case Op::IntNeg: {
    llvm::Value* a = lower(*e.a);
    failIf(B.CreateICmpEQ(a, B.getInt64(static_cast<std::uint64_t>(INT64_MIN))));
    return B.CreateNeg(a);
  }
  case Op::DecimalNeg: {
    // |x| <= 2^127 - 1 always holds for a valid décimal, so -x is exact.
    return B.CreateNeg(lower(*e.a));
  }
  case Op::Not: return B.CreateNot(lower(*e.a));
  case Op::IntAdd:
  case Op::IntSub:
  case Op::IntMul: {
    llvm::Value* a = lower(*e.a);
    llvm::Value* b = lower(*e.b);
    return lowerIntArith(e, a, b);
  }
  case Op::IntDivToDecimal: {
    llvm::Value* a = B.CreateMul(B.CreateSExt(lower(*e.a), i128), decimalConst(num::Decimal::kOne));
    llvm::Value* b = B.CreateMul(B.CreateSExt(lower(*e.b), i128), decimalConst(num::Decimal::kOne));
    ir::Expr fake;
    fake.op = Op::DecimalDiv;
    fake.range = e.range;
    return lowerDecimalArith(fake, a, b);
  }
  case Op::DecimalAdd:
  case Op::DecimalSub:
  case Op::DecimalMul:
  case Op::DecimalDiv: {
    llvm::Value* a = lower(*e.a);
    llvm::Value* b = lower(*e.b);
    return lowerDecimalArith(e, a, b);
  }
  case Op::DateAddDuration:
  case Op::DateSubDuration: {
    llvm::Value* d = lower(*e.a);
    llvm::Value* n = lower(*e.b);
    if (e.op == Op::DateSubDuration) {
      failIf(B.CreateICmpEQ(n, B.getInt64(static_cast<std::uint64_t>(INT64_MIN))));
      n = B.CreateNeg(n);
    }
    llvm::AllocaInst* out = slotRaw(0x7FFF0000u, i32);
    if (e.b->type->durationUnit == ir::DurationUnit::Days)
      callStatus(rt.addDays, {d, n, out});
    else
      callStatus(rt.addMonths, {d, n, B.getInt32(static_cast<std::uint32_t>(p.endOfMonth)), out});
    return B.CreateLoad(i32, out);
  }
  case Op::DurationAdd:
  case Op::DurationSub:
  case Op::DurationMulInt: {
    ir::Expr fake;
    fake.op = e.op == Op::DurationAdd ? Op::IntAdd : e.op == Op::DurationSub ? Op::IntSub : Op::IntMul;
    llvm::Value* a = lower(*e.a);
    llvm::Value* b = lower(*e.b);
    return lowerIntArith(fake, a, b);
  }
  case Op::Compare: return lowerCompare(e);
  case Op::And:
  case Op::Or: {
    // The right side only when the left does not decide.
    llvm::Value* a = lower(*e.a);
    auto right = [&] { return lower(*e.b); };
    auto decided = [&] { return B.getInt1(e.op == Op::Or); };
    return e.op == Op::And ? branches(a, "et", right, "faux", decided) : branches(a, "vrai", decided, "ou", right);
  }
  case Op::If: {
    llvm::Value* c = lower(*e.a);
    llvm::BasicBlock* thenB = llvm::BasicBlock::Create(C, "alors", fs->fn);
    llvm::BasicBlock* elseB = llvm::BasicBlock::Create(C, "sinon", fs->fn);
    llvm::BasicBlock* join = llvm::BasicBlock::Create(C, "suite", fs->fn);
    B.CreateCondBr(c, thenB, elseB);
    B.SetInsertPoint(thenB);
    llvm::Value* t = lower(*e.b);
    llvm::BasicBlock* thenEnd = B.GetInsertBlock();
    B.CreateBr(join);
    B.SetInsertPoint(elseB);
    llvm::Value* f = lower(*e.c);
    llvm::BasicBlock* elseEnd = B.GetInsertBlock();
    B.CreateBr(join);
    B.SetInsertPoint(join);
    llvm::PHINode* phi = B.CreatePHI(typeOf(e.type), 2);
    phi->addIncoming(fit(t, phi->getType()), thenEnd);
    phi->addIncoming(fit(f, phi->getType()), elseEnd);
    return phi;
  }
  case Op::Switch: {
    llvm::Value* v = lower(*e.a);
    llvm::BasicBlock* join = llvm::BasicBlock::Create(C, "suite", fs->fn);
    std::vector<llvm::BasicBlock*> arms;
    for (std::size_t i = 0; i < e.args.size(); ++i) arms.push_back(llvm::BasicBlock::Create(C, "cas", fs->fn));
    llvm::SwitchInst* sw =
        B.CreateSwitch(v, arms[e.cases.empty() ? 0 : e.cases[0]], static_cast<unsigned>(e.cases.size()));
    for (std::size_t k = 0; k < e.cases.size(); ++k)
      sw->addCase(B.getInt32(static_cast<std::uint32_t>(k)), arms[e.cases[k]]);
    std::vector<std::pair<llvm::Value*, llvm::BasicBlock*>> incoming;
    for (std::size_t i = 0; i < e.args.size(); ++i) {
      B.SetInsertPoint(arms[i]);
      llvm::Value* r = lower(*e.args[i]);
      incoming.emplace_back(r, B.GetInsertBlock());
      B.CreateBr(join);
    }
    B.SetInsertPoint(join);
    llvm::PHINode* phi = B.CreatePHI(typeOf(e.type), static_cast<unsigned>(incoming.size()));
    for (auto& [val, block] : incoming) phi->addIncoming(fit(val, phi->getType()), block);
    return phi;
  }
  case Op::Exists: return B.CreateExtractValue(lower(*e.a), 0);
  case Op::ExistsBind: {
    llvm::Value* v = lower(*e.a);
    const ir::Type* inner = ir::stripOptional(e.a->type);
    llvm::Value* present = B.CreateExtractValue(v, 0);
    // Storing even when absent is harmless: the binder is only read when
    // the condition held.
    B.CreateStore(B.CreateExtractValue(v, 1), slot(e.slot, inner));
    return present;
  }
  case Op::Default: {
    llvm::Value* v = lower(*e.a);
    llvm::Value* inner = B.CreateExtractValue(v, 1);
    llvm::BasicBlock* from = B.GetInsertBlock();
    llvm::BasicBlock* fallback = llvm::BasicBlock::Create(C, "defaut", fs->fn);
    llvm::BasicBlock* join = llvm::BasicBlock::Create(C, "suite", fs->fn);
    B.CreateCondBr(B.CreateExtractValue(v, 0), join, fallback);
    B.SetInsertPoint(fallback);
    llvm::Value* d = lower(*e.b);
    llvm::BasicBlock* fallbackEnd = B.GetInsertBlock();
    B.CreateBr(join);
    B.SetInsertPoint(join);
    llvm::PHINode* phi = B.CreatePHI(typeOf(e.type), 2);
    phi->addIncoming(fit(inner, phi->getType()), from);
    phi->addIncoming(fit(d, phi->getType()), fallbackEnd);
    return phi;
  }
  case Op::Fail: {
    store(B.getInt32(1), ctx(), Memory::Error);
    B.CreateBr(fs->fail);
    // Unreachable continuation for the caller's code.
    B.SetInsertPoint(llvm::BasicBlock::Create(C, "apres_erreur", fs->fn));
    return zeroOf(e.type);
  }
  case Op::Aggregate: return lowerAggregate(e);
  case Op::Member: {
    // `x dans L`: a linear search, equality as in `=`.
    llvm::Value* item = lower(*e.a);
    llvm::Value* list = lower(*e.b);
    llvm::Value* data = B.CreateExtractValue(list, 0);
    llvm::Value* count = B.CreateExtractValue(list, 1);
    std::uint32_t size = layout.sizeOf(e.operandType);
    llvm::BasicBlock* head = llvm::BasicBlock::Create(C, "dans", fs->fn);
    llvm::BasicBlock* body = llvm::BasicBlock::Create(C, "dans_corps", fs->fn);
    llvm::BasicBlock* next = llvm::BasicBlock::Create(C, "dans_suivant", fs->fn);
    llvm::BasicBlock* done = llvm::BasicBlock::Create(C, "dans_fin", fs->fn);
    llvm::BasicBlock* from = B.GetInsertBlock();
    B.CreateBr(head);
    B.SetInsertPoint(head);
    llvm::PHINode* i = B.CreatePHI(i64, 2);
    i->addIncoming(B.getInt64(0), from);
    B.CreateCondBr(B.CreateICmpSLT(i, count), body, done);
    B.SetInsertPoint(body);
    llvm::Value* at = B.CreateGEP(i8, data, B.CreateMul(i, B.getInt64(size)));
    llvm::Value* elem = loadFlat(at, 0, e.operandType);
    llvm::Value* eq = cmpValues(item, elem, e.operandType);
    llvm::BasicBlock* bodyEnd = B.GetInsertBlock();
    B.CreateCondBr(eq, done, next);
    B.SetInsertPoint(next);
    i->addIncoming(B.CreateAdd(i, B.getInt64(1)), next);
    B.CreateBr(head);
    B.SetInsertPoint(done);
    llvm::PHINode* r = B.CreatePHI(i1, 2);
    r->addIncoming(B.getInt1(false), head);
    r->addIncoming(B.getInt1(true), bodyEnd);
    return r;
  }
  case Op::Round: {
    llvm::Value* x = lower(*e.a);
    llvm::Value* step = lower(*e.b);
    llvm::AllocaInst* a = slot(0x7FFF0001u, e.type);
    llvm::AllocaInst* s = slot(0x7FFF0002u, e.type);
    llvm::AllocaInst* o = slot(0x7FFF0003u, e.type);
    B.CreateStore(x, a);
    B.CreateStore(step, s);
    callStatus(rt.decRound, {a, s, B.getInt32(static_cast<std::uint32_t>(e.rounding)), o});
    return B.CreateLoad(i128, o);
  }
  case Op::MakeList: {
    // Only lists of constants reach here (the checker folds nothing else
    // into policies outside tests).
    ir::Constant c;
    c.kind = ir::Constant::Kind::List;
    for (const auto& a : e.args) {
      if (a->op != Op::Const) throw Unsupported{"liste construite à l'exécution"};
      c.items.push_back(a->constant);
    }
    return constant(c, e.type);
  }
  case Op::CotationTotal:
  case Op::Criterion:
  case Op::RubriqueTotal: {
    // Cotations are computed before rule blocks, into the output buffer.
    const OutLayout::Cotation& o = out.cotations[e.index];
    std::uint32_t offset = e.op == Op::CotationTotal   ? o.total
                           : e.op == Op::RubriqueTotal ? o.rubriques[e.sub]
                           : e.flag                    ? o.brut[e.sub]
                                                       : o.contribution[e.sub];
    return loadFlat(load(ptr, frameField(6), Memory::Frame), offset, e.type, Memory::Out);
  }
  case Op::MakeRecord: throw Unsupported{"enregistrement construit (tests seulement)"};
  case Op::QuotaHypothetical: throw Unsupported{"état d'un quota pour un candidat (`quota.X.en_retard`)"};
  case Op::Eligible: throw Unsupported{"`eligible` (tests seulement)"};
  case Op::QuotaGroupField: throw Unsupported{"groupe de quota (tests seulement)"};
  case Op::ClassementIds: throw Unsupported{"classement (tests seulement)"};
  }
  throw Unsupported{"opération inconnue"};
}

} // namespace loge::codegen::internal
