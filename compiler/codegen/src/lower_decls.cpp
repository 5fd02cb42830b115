// Codegen stage (internal): functions for definitions, cotations and rule
// blocks, the per-demande entry point and the batch loop.
//
// Every generated function takes the demande's frame: the context, the
// records, the date, the output buffer and one memo slot per parameterless
// definition (its value is computed once per demande, as the interpreter
// memoises it). An error stores 1 in ctx->error and returns at once; each
// caller checks the flag after a call.
#include "lowering.h"

#include <llvm/IR/MDBuilder.h>

#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <tuple>

namespace loge::codegen::internal {

Lowering::Lowering(const ir::Program& prog, const Layout& lay, const OutLayout& o, llvm::LLVMContext& ctx,
                   llvm::Module& m)
    : p(prog), layout(lay), out(o), C(ctx), M(m), B(ctx) {
  i1 = B.getInt1Ty();
  i8 = B.getInt8Ty();
  i32 = B.getInt32Ty();
  i64 = B.getInt64Ty();
  i128 = B.getInt128Ty();
  ptr = llvm::PointerType::get(C, 0);
  slice = llvm::StructType::create(C, {ptr, i64}, "loge.tranche");
  llvm::MDBuilder md(C);
  llvm::MDNode* root = md.createTBAARoot("loge");
  const char* names[] = {"loge.cadre", "loge.erreur", "loge.parametres", "loge.donnees", "loge.resultats"};
  for (int k = 0; k < 5; ++k) {
    llvm::MDNode* type = md.createTBAAScalarTypeNode(names[k], root);
    tbaa[k] = md.createTBAAStructTagNode(type, type, 0);
  }
}

llvm::LoadInst* Lowering::load(llvm::Type* t, llvm::Value* at, Memory m, llvm::MaybeAlign align) {
  llvm::LoadInst* l = align ? B.CreateAlignedLoad(t, at, align) : B.CreateLoad(t, at);
  l->setMetadata(llvm::LLVMContext::MD_tbaa, tbaa[static_cast<int>(m)]);
  return l;
}

llvm::StoreInst* Lowering::store(llvm::Value* v, llvm::Value* at, Memory m, llvm::MaybeAlign align) {
  llvm::StoreInst* s = align ? B.CreateAlignedStore(v, at, align) : B.CreateStore(v, at);
  s->setMetadata(llvm::LLVMContext::MD_tbaa, tbaa[static_cast<int>(m)]);
  return s;
}

FunctionState Lowering::begin(llvm::Function* fn, llvm::Value* frame, const ir::Type* returnType) {
  FunctionState state;
  state.fn = fn;
  state.frame = frame;
  llvm::BasicBlock* entry = llvm::BasicBlock::Create(C, "entree", fn);
  state.fail = llvm::BasicBlock::Create(C, "echec", fn);
  B.SetInsertPoint(state.fail);
  if (returnType)
    B.CreateRet(zeroOf(returnType));
  else
    B.CreateRetVoid();
  B.SetInsertPoint(entry);
  return state;
}

void Lowering::declareFunctions() {
  std::vector<llvm::Type*> frameFields{ptr, ptr, ptr, ptr, ptr, i32, ptr};
  // The memo flags side by side, before the values: clearing them for each
  // demande is then one or two wide stores.
  memoField.assign(p.definitions.size(), 0);
  memoValueField.assign(p.definitions.size(), 0);
  needed = neededDefinitions(p, out);
  for (std::size_t d = 0; d < p.definitions.size(); ++d) {
    // A test's expectation is computed once, by storeDefinitions: no memo.
    if (!needed[d] || !p.definitions[d].paramTypes.empty() || p.definitions[d].expectation) continue;
    memoField[d] = static_cast<unsigned>(frameFields.size());
    frameFields.push_back(i8);
  }
  for (std::size_t d = 0; d < p.definitions.size(); ++d) {
    if (!memoField[d]) continue;
    memoValueField[d] = static_cast<unsigned>(frameFields.size());
    frameFields.push_back(typeOf(p.definitions[d].returnType));
  }
  frameType = llvm::StructType::create(C, frameFields, "loge.cadre");
  auto internal = [&](llvm::Type* ret, std::vector<llvm::Type*> args, const std::string& name) {
    auto* f =
        llvm::Function::Create(llvm::FunctionType::get(ret, args, false), llvm::Function::InternalLinkage, name, M);
    f->setDoesNotThrow();
    return f;
  };
  for (std::size_t d = 0; d < p.definitions.size(); ++d) {
    if (!needed[d]) {
      definitions.push_back(nullptr); // nothing calls it
      continue;
    }
    std::vector<llvm::Type*> args{ptr};
    for (const ir::Type* t : p.definitions[d].paramTypes) args.push_back(typeOf(t));
    definitions.push_back(internal(typeOf(p.definitions[d].returnType), args, "def." + p.definitions[d].name));
  }
  for (const auto& c : p.cotations) cotations.push_back(internal(B.getVoidTy(), {ptr}, "cotation." + c.name));
  for (const auto& b : p.ruleBlocks) blocks.push_back(internal(B.getVoidTy(), {ptr}, "bloc." + b.name));
}

void Lowering::defineDefinition(std::uint32_t index) {
  const ir::DefinitionDecl& d = p.definitions[index];
  llvm::Function* fn = definitions[index];
  FunctionState state = begin(fn, fn->getArg(0), d.returnType);
  fs = &state;
  for (std::size_t i = 0; i < d.paramTypes.size(); ++i)
    B.CreateStore(fn->getArg(static_cast<unsigned>(i + 1)), slot(static_cast<std::uint32_t>(i), d.paramTypes[i]));
  if (memoField[index]) {
    llvm::Value* flag = frameField(memoField[index]);
    llvm::Value* cached = frameField(memoValueField[index]);
    llvm::BasicBlock* hit = llvm::BasicBlock::Create(C, "memo", fn);
    llvm::BasicBlock* compute = llvm::BasicBlock::Create(C, "calcul", fn);
    B.CreateCondBr(B.CreateICmpNE(load(i8, flag, Memory::Frame), B.getInt8(0)), hit, compute);
    B.SetInsertPoint(hit);
    B.CreateRet(load(typeOf(d.returnType), cached, Memory::Frame));
    B.SetInsertPoint(compute);
    llvm::Value* v = fit(lower(*d.body), typeOf(d.returnType));
    store(v, cached, Memory::Frame);
    store(B.getInt8(1), flag, Memory::Frame);
    B.CreateRet(v);
  } else {
    B.CreateRet(fit(lower(*d.body), typeOf(d.returnType)));
  }
  fs = nullptr;
}

// A criterion's brut value and whether it applies. The value is evaluated
// only when the condition holds (as in the interpreter: it may fail
// otherwise).
std::pair<llvm::Value*, llvm::Value*> Lowering::lowerCriterion(const ir::CriterionDecl& cr) {
  if (!cr.condition) return {lower(*cr.value), B.getInt1(true)};
  llvm::Value* cond = lower(*cr.condition);
  llvm::Value* brut = branches(
      cond, "applicable", [&] { return lower(*cr.value); }, "non_applicable", [&] { return decimalConst(0); });
  return {brut, cond};
}

// Whether criterion `i` always adds its brut value to the total: no
// `maximum` rubrique between it and the cotation can leave it out.
bool Lowering::contributionIsBrut(const ir::CotationDecl& c, std::size_t i) {
  for (std::int32_t r = c.criteria[i].rubrique; r >= 0; r = c.rubriques[static_cast<std::size_t>(r)].parent)
    if (c.rubriques[static_cast<std::size_t>(r)].maximum) return false;
  return true;
}

// Criterion `i` of cotation `index`, computed and written to the results
// buffer at `outPtr`. Its contribution is written at once when it is the
// brut value (as a value kept for the end, each criterion would hold
// registers across the whole cotation, and spill). When the cotation's
// details are not written (OutLayout::Cotation::detailsWritten), only what
// the cotation reads back (`readBack`: a group of a large cotation) is.
std::pair<llvm::Value*, llvm::Value*> Lowering::storeCriterion(std::uint32_t index, std::size_t i, llvm::Value* outPtr,
                                                               bool readBack) {
  const ir::CotationDecl& c = p.cotations[index];
  const OutLayout::Cotation& o = out.cotations[index];
  auto at = [&](std::uint32_t offset) { return B.CreateConstInBoundsGEP1_64(i8, outPtr, offset); };
  auto [brut, applicable] = lowerCriterion(c.criteria[i]);
  if (!o.detailsWritten && !readBack) return {brut, applicable};
  store(brut, at(o.brut[i]), Memory::Out, llvm::MaybeAlign(16));
  store(B.CreateZExt(applicable, i8), at(o.applicable[i]), Memory::Out);
  if (o.detailsWritten && contributionIsBrut(c, i))
    store(B.CreateSelect(applicable, brut, decimalConst(0)), at(o.contribution[i]), Memory::Out, llvm::MaybeAlign(16));
  return {brut, applicable};
}

// The criteria of a cotation, from `first` to `last` (excluded), each
// written to the results buffer: a function of its own, so that the
// criteria of a large cotation are compiled in parallel (jit/src/
// partition.cpp); a module compiled whole inlines it back.
//
// When the cotation is a plain sum (`isFlat`), the group also adds its
// criteria to the running sum kept in the cotation's `beforeBounds` slot,
// in the interpreter's order (so an overflow happens where it does
// there): the cotation then reads one sum back, not every criterion; its
// thousands of loads from one buffer in one block made instruction
// selection quadratic (ClusterNeighboringLoads: 1 000 criteria, 1.6 s).
void Lowering::defineCriteria(std::uint32_t index, std::size_t first, std::size_t last, llvm::Function* fn) {
  const OutLayout::Cotation& o = out.cotations[index];
  const bool flat = isFlat(p.cotations[index]);
  FunctionState state = begin(fn, fn->getArg(0), nullptr);
  fs = &state;
  llvm::Value* outPtr = load(ptr, frameField(6), Memory::Frame);
  llvm::Value* sumSlot = B.CreateConstInBoundsGEP1_64(i8, outPtr, o.beforeBounds);
  llvm::Value* sum = flat ? load(i128, sumSlot, Memory::Out, llvm::MaybeAlign(16)) : nullptr;
  for (std::size_t i = first; i < last; ++i) {
    auto [brut, applicable] = storeCriterion(index, i, outPtr, /*readBack=*/!flat);
    if (!flat) continue;
    ir::Expr add;
    add.op = ir::Op::DecimalAdd;
    sum = lowerDecimalArith(add, sum, B.CreateSelect(applicable, brut, decimalConst(0)));
  }
  if (flat) store(sum, sumSlot, Memory::Out, llvm::MaybeAlign(16));
  B.CreateRetVoid();
  fs = nullptr;
}

// A cotation without rubriques whose items are its criteria in order: its
// total before bounds is the sum of the applicable criteria, in order.
bool Lowering::isFlat(const ir::CotationDecl& c) {
  if (!c.rubriques.empty() || c.items.size() != c.criteria.size()) return false;
  for (std::size_t k = 0; k < c.items.size(); ++k)
    if (c.items[k] != static_cast<std::int32_t>(k)) return false;
  return true;
}

void Lowering::defineCotation(std::uint32_t index) {
  const ir::CotationDecl& c = p.cotations[index];
  llvm::Function* fn = cotations[index];
  // A large cotation computes its criteria by groups, functions of their
  // own. Their results then go through the results buffer, where LLVM does
  // not always see them again once inlined (its memory scans are bounded):
  // a small cotation keeps them as values, in one function.
  if (c.criteria.size() <= kGroupedFrom) {
    defineCotationBody(index, {});
    return;
  }
  std::vector<llvm::Function*> groups;
  for (std::size_t first = 0; first < c.criteria.size(); first += kCriteriaPerGroup) {
    auto* g =
        llvm::Function::Create(llvm::FunctionType::get(B.getVoidTy(), {ptr}, false), llvm::Function::InternalLinkage,
                               fn->getName() + ".criteres." + std::to_string(first / kCriteriaPerGroup), M);
    g->setDoesNotThrow();
    defineCriteria(index, first, std::min(first + kCriteriaPerGroup, c.criteria.size()), g);
    groups.push_back(g);
  }
  defineCotationBody(index, groups);
}

// The cotation's function: its criteria (inline, or by calls to `groups`
// that leave them in the results buffer), then rubriques, bounds and
// contributions.
void Lowering::defineCotationBody(std::uint32_t index, const std::vector<llvm::Function*>& groups) {
  const ir::CotationDecl& c = p.cotations[index];
  const OutLayout::Cotation& o = out.cotations[index];
  llvm::Function* fn = cotations[index];
  FunctionState state = begin(fn, fn->getArg(0), nullptr);
  fs = &state;
  llvm::Value* outPtr = load(ptr, frameField(6), Memory::Frame);
  auto at = [&](std::uint32_t offset) { return B.CreateConstInBoundsGEP1_64(i8, outPtr, offset); };
  std::vector<llvm::Value*> brut(c.criteria.size()), applicable(c.criteria.size());
  // Without rubriques, the criteria are summed as they come, in the order
  // the combination below would add them: kept for the end, every value
  // would hold registers across the whole cotation, and spill.
  const bool flat = isFlat(c);
  llvm::Value* runningSum = decimalConst(0);
  llvm::Value* anyApplicable = B.getInt1(false);
  if (groups.empty()) {
    for (std::size_t i = 0; i < c.criteria.size(); ++i) {
      std::tie(brut[i], applicable[i]) = storeCriterion(index, i, outPtr, /*readBack=*/false);
      if (!flat) continue;
      ir::Expr add;
      add.op = ir::Op::DecimalAdd;
      runningSum = lowerDecimalArith(add, runningSum, B.CreateSelect(applicable[i], brut[i], decimalConst(0)));
      anyApplicable = B.CreateOr(anyApplicable, applicable[i]);
    }
  } else if (flat) {
    store(decimalConst(0), at(o.beforeBounds), Memory::Out, llvm::MaybeAlign(16));
    for (llvm::Function* g : groups) {
      B.CreateCall(g, {fs->frame});
      checkCalleeError();
    }
    runningSum = load(i128, at(o.beforeBounds), Memory::Out, llvm::MaybeAlign(16));
  } else {
    for (llvm::Function* g : groups) {
      B.CreateCall(g, {fs->frame});
      checkCalleeError();
    }
    for (std::size_t i = 0; i < c.criteria.size(); ++i) {
      brut[i] = load(i128, at(o.brut[i]), Memory::Out, llvm::MaybeAlign(16));
      applicable[i] = B.CreateICmpNE(load(i8, at(o.applicable[i]), Memory::Out), B.getInt8(0));
    }
  }
  // Combination, bottom-up; `counts` records whether each item counts
  // towards its parent (false for the losers of a `maximum`).
  std::vector<llvm::Value*> criterionCounts(c.criteria.size(), B.getInt1(true));
  std::vector<llvm::Value*> rubriqueCounts(c.rubriques.size(), B.getInt1(true));
  struct Item {
    llvm::Value* value;
    llvm::Value* applicable;
  };
  auto clamp = [&](llvm::Value* v, const ir::ExprPtr& floor, const ir::ExprPtr& ceiling, llvm::Value** floorHit,
                   llvm::Value** ceilingHit) {
    if (floor) {
      llvm::Value* f = lower(*floor);
      llvm::Value* below = B.CreateICmpSLT(v, f);
      if (floorHit) *floorHit = below;
      v = B.CreateSelect(below, f, v);
    }
    if (ceiling) {
      llvm::Value* cap = lower(*ceiling);
      llvm::Value* above = B.CreateICmpSLT(cap, v);
      if (ceilingHit) *ceilingHit = above;
      v = B.CreateSelect(above, cap, v);
    }
    return v;
  };
  auto walk = [&](auto& self, const std::vector<std::int32_t>& items, bool maximum) -> Item {
    std::vector<Item> values;
    for (std::int32_t it : items) {
      if (it >= 0) {
        values.push_back({brut[static_cast<std::size_t>(it)], applicable[static_cast<std::size_t>(it)]});
      } else {
        auto ri = static_cast<std::size_t>(-it - 1);
        const ir::RubriqueDecl& r = c.rubriques[ri];
        Item sub = self(self, r.items, r.maximum);
        sub.value = clamp(sub.value, r.floor, r.ceiling, nullptr, nullptr);
        if (o.detailsWritten) store(sub.value, at(o.rubriques[ri]), Memory::Out, llvm::MaybeAlign(16));
        values.push_back(sub);
      }
    }
    if (!maximum) {
      llvm::Value* sum = decimalConst(0);
      llvm::Value* any = B.getInt1(false);
      for (const Item& v : values) {
        ir::Expr add;
        add.op = ir::Op::DecimalAdd;
        llvm::Value* next = lowerDecimalArith(add, sum, B.CreateSelect(v.applicable, v.value, decimalConst(0)));
        sum = next;
        any = B.CreateOr(any, v.applicable);
      }
      return {sum, any};
    }
    // maximum: the first applicable item with the highest value wins.
    llvm::Value* best = decimalConst(0);
    llvm::Value* have = B.getInt1(false);
    llvm::Value* bestIndex = B.getInt32(UINT32_MAX);
    for (std::size_t k = 0; k < values.size(); ++k) {
      llvm::Value* take =
          B.CreateAnd(values[k].applicable, B.CreateOr(B.CreateNot(have), B.CreateICmpSLT(best, values[k].value)));
      best = B.CreateSelect(take, values[k].value, best);
      bestIndex = B.CreateSelect(take, B.getInt32(static_cast<std::uint32_t>(k)), bestIndex);
      have = B.CreateOr(have, values[k].applicable);
    }
    for (std::size_t k = 0; k < values.size(); ++k) {
      llvm::Value* chosen = B.CreateICmpEQ(bestIndex, B.getInt32(static_cast<std::uint32_t>(k)));
      std::int32_t it = items[k];
      if (it >= 0)
        criterionCounts[static_cast<std::size_t>(it)] = chosen;
      else
        rubriqueCounts[static_cast<std::size_t>(-it - 1)] = chosen;
    }
    return {best, have};
  };
  Item top = flat ? Item{runningSum, anyApplicable} : walk(walk, c.items, false);
  llvm::Value* floorHit = B.getInt1(false);
  llvm::Value* ceilingHit = B.getInt1(false);
  llvm::Value* total = clamp(top.value, c.floor, c.ceiling, &floorHit, &ceilingHit);
  store(top.value, at(o.beforeBounds), Memory::Out, llvm::MaybeAlign(16));
  store(total, at(o.total), Memory::Out, llvm::MaybeAlign(16));
  store(B.CreateZExt(floorHit, i8), at(o.floorApplied), Memory::Out);
  store(B.CreateZExt(ceilingHit, i8), at(o.ceilingApplied), Memory::Out);
  for (std::size_t i = 0; o.detailsWritten && i < c.criteria.size(); ++i) {
    if (contributionIsBrut(c, i)) continue; // stored with the criterion
    llvm::Value* counts = B.CreateAnd(applicable[i], criterionCounts[i]);
    for (std::int32_t rb = c.criteria[i].rubrique; rb >= 0; rb = c.rubriques[static_cast<std::size_t>(rb)].parent)
      counts = B.CreateAnd(counts, rubriqueCounts[static_cast<std::size_t>(rb)]);
    store(B.CreateSelect(counts, brut[i], decimalConst(0)), at(o.contribution[i]), Memory::Out, llvm::MaybeAlign(16));
  }
  B.CreateRetVoid();
  fs = nullptr;
}

void Lowering::defineBlock(std::uint32_t index) {
  const ir::RuleBlockDecl& b = p.ruleBlocks[index];
  const OutLayout::Block& o = out.blocks[index];
  llvm::Function* fn = blocks[index];
  FunctionState state = begin(fn, fn->getArg(0), nullptr);
  fs = &state;
  llvm::Value* outPtr = load(ptr, frameField(6), Memory::Frame);
  auto at = [&](std::uint32_t offset) { return B.CreateConstInBoundsGEP1_64(i8, outPtr, offset); };
  for (std::size_t i = 0; i < b.rules.size(); ++i) {
    const ir::RuleDecl& rule = b.rules[i];
    // Statuses as interp::RuleStatus: ok 0, alerte 1, refus 2, exception 3.
    store(B.getInt8(0), at(o.status[i]), Memory::Out);
    store(B.getInt8(static_cast<std::uint8_t>(-1)), at(o.exception[i]), Memory::Out);
    llvm::Value* ok = lower(*rule.requirement);
    llvm::BasicBlock* failed = llvm::BasicBlock::Create(C, "non_respectee", fn);
    llvm::BasicBlock* next = llvm::BasicBlock::Create(C, "regle_suivante", fn);
    B.CreateCondBr(ok, next, failed);
    B.SetInsertPoint(failed);
    for (std::size_t x = 0; x < rule.exceptions.size(); ++x) {
      llvm::Value* applies = lower(*rule.exceptions[x].condition);
      llvm::BasicBlock* yes = llvm::BasicBlock::Create(C, "exception", fn);
      llvm::BasicBlock* no = llvm::BasicBlock::Create(C, "pas_exception", fn);
      B.CreateCondBr(applies, yes, no);
      B.SetInsertPoint(yes);
      store(B.getInt8(3), at(o.status[i]), Memory::Out);
      store(B.getInt8(static_cast<std::uint8_t>(x)), at(o.exception[i]), Memory::Out);
      B.CreateBr(next);
      B.SetInsertPoint(no);
    }
    store(B.getInt8(rule.refusal ? 2 : 1), at(o.status[i]), Memory::Out);
    // The motif's {expressions} are evaluated (and may fail) exactly when
    // the interpreter renders it; the text itself is the host's job.
    for (const ir::TextPiece& piece : rule.motif)
      if (piece.value) (void)lower(*piece.value);
    B.CreateBr(next);
    B.SetInsertPoint(next);
  }
  B.CreateRetVoid();
  fs = nullptr;
}

void Lowering::defineEntry() {
  auto* type = llvm::FunctionType::get(i32, {ptr, ptr, ptr, ptr, i32, ptr}, false);
  // Only the batch entry point calls it: inlined there, the work that does
  // not depend on the demande (the evaluation date's calendar conversion,
  // the logement's fields, the parameters' addresses) leaves the loop.
  auto* fn = llvm::Function::Create(type, llvm::Function::InternalLinkage, "loge_eval", M);
  fn->setDoesNotThrow();
  fn->addFnAttr(llvm::Attribute::AlwaysInline);
  llvm::BasicBlock* entry = llvm::BasicBlock::Create(C, "entree", fn);
  llvm::BasicBlock* done = llvm::BasicBlock::Create(C, "fin", fn);
  B.SetInsertPoint(done);
  B.CreateRet(load(i32, fn->getArg(0), Memory::Error));
  B.SetInsertPoint(entry);
  llvm::AllocaInst* frame = B.CreateAlloca(frameType);
  FunctionState state;
  state.fn = fn;
  state.frame = frame;
  state.fail = done;
  fs = &state;
  store(fn->getArg(0), frameField(0), Memory::Frame);
  for (unsigned r = 0; r < 3; ++r) store(fn->getArg(1 + r), frameField(1 + r), Memory::Frame);
  store(llvm::ConstantPointerNull::get(llvm::PointerType::get(C, 0)), frameField(4), Memory::Frame);
  store(fn->getArg(4), frameField(5), Memory::Frame);
  store(fn->getArg(5), frameField(6), Memory::Frame);
  for (unsigned f : memoField)
    if (f) store(B.getInt8(0), frameField(f), Memory::Frame);
  for (llvm::Function* c : cotations) {
    B.CreateCall(c, {frame});
    checkCalleeError();
  }
  llvm::Value* outPtr = fn->getArg(5);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (!p.ruleBlocks[b].forLogement) {
      B.CreateCall(blocks[b], {frame});
      checkCalleeError();
      continue;
    }
    llvm::BasicBlock* run = llvm::BasicBlock::Create(C, "avec_logement", fn);
    llvm::BasicBlock* skip = llvm::BasicBlock::Create(C, "sans_logement", fn);
    llvm::BasicBlock* next = llvm::BasicBlock::Create(C, "bloc_suivant", fn);
    B.CreateCondBr(B.CreateIsNull(fn->getArg(2)), skip, run);
    B.SetInsertPoint(skip);
    for (std::size_t i = 0; i < p.ruleBlocks[b].rules.size(); ++i) {
      store(B.getInt8(4), B.CreateConstInBoundsGEP1_64(i8, outPtr, out.blocks[b].status[i]), Memory::Out);
      store(B.getInt8(static_cast<std::uint8_t>(-1)),
            B.CreateConstInBoundsGEP1_64(i8, outPtr, out.blocks[b].exception[i]), Memory::Out);
    }
    B.CreateBr(next);
    B.SetInsertPoint(run);
    B.CreateCall(blocks[b], {frame});
    checkCalleeError();
    B.CreateBr(next);
    B.SetInsertPoint(next);
  }
  storeDefinitions(outPtr);
  B.CreateBr(done);
  fs = nullptr;
}

// The définitions of a layout made with `definitions`, once the demande's
// cotations and rules are computed: each on its own, so that one failing
// (the error flag is cleared after it) leaves the others to compare. One
// reading a role the call did not give is not computed.
//
// They are written by functions of a few dozen définitions each: a test
// file's expectations number in the hundreds, and one function holding them
// all takes the instruction selector and the register allocator far longer
// than the same code cut in pieces.
void Lowering::storeDefinitions(llvm::Value* outPtr) {
  constexpr std::size_t kPerFunction = 32;
  FunctionState* caller = fs;
  llvm::BasicBlock* resume = B.GetInsertBlock();
  for (std::size_t first = 0; first < out.definitions.size(); first += kPerFunction) {
    auto* f = llvm::Function::Create(llvm::FunctionType::get(B.getVoidTy(), {ptr, ptr}, false),
                                     llvm::Function::InternalLinkage, "resultats.definitions", M);
    f->setDoesNotThrow();
    f->addFnAttr(llvm::Attribute::NoInline);
    FunctionState state = begin(f, f->getArg(0), nullptr);
    fs = &state;
    for (std::size_t k = first; k < std::min(first + kPerFunction, out.definitions.size()); ++k)
      storeDefinition(f, f->getArg(1), out.definitions[k]);
    B.CreateRetVoid();
    fs = caller;
    B.SetInsertPoint(resume);
    B.CreateCall(f, {caller->frame, outPtr});
  }
}

void Lowering::storeDefinition(llvm::Function* fn, llvm::Value* outPtr, const OutLayout::Definition& o) {
  using State = OutLayout::DefinitionState;
  auto at = [&](std::uint32_t offset) { return B.CreateConstInBoundsGEP1_64(i8, outPtr, offset); };
  auto put = [&](llvm::Value* v, std::uint32_t offset) {
    if (v->getType() == i1) v = B.CreateZExt(v, i8);
    store(v, at(offset), Memory::Out);
  };
  const ir::DefinitionDecl& d = p.definitions[o.index];
  store(B.getInt8(static_cast<std::uint8_t>(State::NotComputed)), at(o.state), Memory::Out);
  if (!definitions[o.index]) return;                                          // an expectation left out
  if (d.roles & (1u << static_cast<unsigned>(ir::Role::Attribution))) return; // never given here
  llvm::BasicBlock* next = llvm::BasicBlock::Create(C, "definition_suivante", fn);
  for (ir::Role role : {ir::Role::Logement, ir::Role::Candidature}) {
    if (!(d.roles & (1u << static_cast<unsigned>(role)))) continue;
    llvm::BasicBlock* given = llvm::BasicBlock::Create(C, "role_donne", fn);
    llvm::Value* record = load(ptr, frameField(1 + static_cast<unsigned>(role)), Memory::Frame);
    B.CreateCondBr(B.CreateIsNull(record), next, given);
    B.SetInsertPoint(given);
  }
  llvm::Value* v = B.CreateCall(definitions[o.index], {fs->frame});
  llvm::Value* failed = B.CreateICmpNE(load(i32, ctx(), Memory::Error), B.getInt32(0));
  llvm::BasicBlock* ok = llvm::BasicBlock::Create(C, "definition_calculee", fn);
  llvm::BasicBlock* ko = llvm::BasicBlock::Create(C, "definition_en_erreur", fn);
  B.CreateCondBr(failed, ko, ok);
  B.SetInsertPoint(ko);
  store(B.getInt8(static_cast<std::uint8_t>(State::Failed)), at(o.state), Memory::Out);
  store(B.getInt32(0), ctx(), Memory::Error);
  B.CreateBr(next);
  B.SetInsertPoint(ok);
  store(B.getInt8(static_cast<std::uint8_t>(State::Value)), at(o.state), Memory::Out);
  if (d.returnType->kind == ir::TypeKind::Optional) {
    put(B.CreateExtractValue(v, 0), o.value);
    put(B.CreateExtractValue(v, 1), o.payload);
  } else {
    put(v, o.value);
  }
  B.CreateBr(next);
  B.SetInsertPoint(next);
}

void Lowering::defineBatch() {
  llvm::Function* eval = M.getFunction("loge_eval");
  auto* type = llvm::FunctionType::get(B.getVoidTy(), {ptr, ptr, i64, i64, ptr, ptr, i32, ptr, i64, ptr}, false);
  auto* fn = llvm::Function::Create(type, llvm::Function::ExternalLinkage, "loge_eval_batch", M);
  fn->setDoesNotThrow();
  llvm::BasicBlock* entry = llvm::BasicBlock::Create(C, "entree", fn);
  llvm::BasicBlock* head = llvm::BasicBlock::Create(C, "boucle", fn);
  llvm::BasicBlock* body = llvm::BasicBlock::Create(C, "demande", fn);
  llvm::BasicBlock* done = llvm::BasicBlock::Create(C, "fin", fn);
  B.SetInsertPoint(entry);
  B.CreateBr(head);
  B.SetInsertPoint(head);
  llvm::PHINode* i = B.CreatePHI(i64, 2);
  i->addIncoming(B.getInt64(0), entry);
  B.CreateCondBr(B.CreateICmpSLT(i, fn->getArg(3)), body, done);
  B.SetInsertPoint(body);
  llvm::Value* c = fn->getArg(0);
  store(B.getInt32(0), c, Memory::Error);
  llvm::Value* demande = B.CreateGEP(i8, fn->getArg(1), B.CreateMul(i, fn->getArg(2)));
  llvm::Value* outPtr = B.CreateGEP(i8, fn->getArg(7), B.CreateMul(i, fn->getArg(8)));
  llvm::Value* err = B.CreateCall(eval, {c, demande, fn->getArg(4), fn->getArg(5), fn->getArg(6), outPtr});
  store(B.CreateZExt(B.CreateICmpNE(err, B.getInt32(0)), i8), B.CreateGEP(i8, fn->getArg(9), i), Memory::Out);
  i->addIncoming(B.CreateAdd(i, B.getInt64(1)), body);
  B.CreateBr(head);
  B.SetInsertPoint(done);
  B.CreateRetVoid();
}

// A test's expectation the back end cannot compile (`eligible`, a quota's
// groups…) is left out: its function goes, and storeDefinitions leaves its
// state NotComputed, so `loge test` compares it on the interpreter alone.
// Nothing calls such a function, and the blocks of a function are created in
// it, so dropping its body drops everything the attempt made.
void Lowering::defineExpectation(std::uint32_t index) {
  try {
    defineDefinition(index);
  } catch (const Unsupported&) {
    fs = nullptr;
    definitions[index]->deleteBody();
    definitions[index]->eraseFromParent();
    definitions[index] = nullptr;
  }
}

void Lowering::run() {
  declareRuntime();
  declareFunctions();
  for (std::uint32_t d = 0; d < p.definitions.size(); ++d)
    if (!needed[d])
      continue;
    else if (p.definitions[d].expectation)
      defineExpectation(d);
    else
      defineDefinition(d);
  for (std::uint32_t c = 0; c < p.cotations.size(); ++c) defineCotation(c);
  for (std::uint32_t b = 0; b < p.ruleBlocks.size(); ++b) defineBlock(b);
  defineEntry();
  defineBatch();
}

} // namespace loge::codegen::internal

namespace loge::codegen {

Generated::Generated() = default;
Generated::Generated(Generated&&) noexcept = default;
Generated::~Generated() = default;

bool generate(const ir::Program& program, const Layout& layout, const OutLayout& out, Generated& result,
              std::string& why) {
  result.context = std::make_unique<llvm::LLVMContext>();
  result.module = std::make_unique<llvm::Module>("loge", *result.context);
  try {
    internal::Lowering lowering(program, layout, out, *result.context, *result.module);
    lowering.run();
  } catch (const internal::Unsupported& u) {
    why = "le moteur compilé ne prend pas encore en charge : " + u.why;
    result.module.reset();
    return false;
  }
  std::string errors;
  llvm::raw_string_ostream os(errors);
  if (llvm::verifyModule(*result.module, &os)) {
    why = "module LLVM invalide (bogue du compilateur) : " + os.str();
    result.module.reset();
    return false;
  }
  return true;
}

} // namespace loge::codegen
