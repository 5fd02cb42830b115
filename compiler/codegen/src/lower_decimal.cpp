// Codegen stage (internal): décimal arithmetic. + and − inline (with the
// numeric core's range: |m| <= 2^127 − 1); × inline when one factor has at
// most two decimals (a percentage, 0.5, an integer), which covers the
// policies' products; the rest through the runtime, which rounds exactly
// like the interpreter. Every inline path computes the exact product and
// rounds it once, half to even, as the numeric core does; the differential
// tests hold the two to the same results.
#include "lowering.h"

#include <llvm/IR/InlineAsm.h>
#include <llvm/IR/Intrinsics.h>

#include <functional>

namespace loge::codegen::internal {

using ir::Op;

namespace {

constexpr std::uint64_t kHundredth = 10000000000000000ULL; // 10^16: the mantissa of 0.01

} // namespace

llvm::Value* Lowering::lowerDecimalArith(const ir::Expr& e, llvm::Value* a, llvm::Value* b) {
  if (e.op == Op::DecimalAdd || e.op == Op::DecimalSub) {
    llvm::Value* r = B.CreateBinaryIntrinsic(
        e.op == Op::DecimalAdd ? llvm::Intrinsic::sadd_with_overflow : llvm::Intrinsic::ssub_with_overflow, a, b);
    llvm::Value* v = B.CreateExtractValue(r, 0);
    llvm::Value* min = decimalConst(static_cast<num::int128>(static_cast<num::uint128>(1) << 127));
    failIf(B.CreateOr(B.CreateExtractValue(r, 1), B.CreateICmpEQ(v, min)));
    return v;
  }
  if (e.op == Op::DecimalMul) {
    if (e.a && e.b)
      if (llvm::Value* fast = lowerExactProduct(e, a, b)) return fast;
    return lowerShortFactorProduct(a, b);
  }
  return callDecimalHelper(rt.decDiv, a, b);
}

llvm::Value* Lowering::callDecimalHelper(llvm::FunctionCallee f, llvm::Value* a, llvm::Value* b) {
  llvm::AllocaInst* x = slotRaw(0x7FFF0010u, i128);
  llvm::AllocaInst* y = slotRaw(0x7FFF0011u, i128);
  llvm::AllocaInst* o = slotRaw(0x7FFF0012u, i128);
  B.CreateStore(a, x);
  B.CreateStore(b, y);
  callStatus(f, {x, y, o});
  return B.CreateLoad(i128, o);
}

// magnitude / divisor, rounded half to even (magnitude >= 0 as an unsigned
// 128-bit value, 1 < divisor < 2^63).
//
// The divisor is a power of ten, 2^k × o with o odd and o >= 5. When o
// divides magnitude >> k — always, for 40 % of an amount with two decimals —
// magnitude = d × q + r with r < 2^k <= d / 5: the rounded quotient is q,
// (magnitude >> k) × o⁻¹ modulo 2^128. That same product tells whether o
// divides (Granlund and Montgomery; Hacker's Delight, 10-17): y is a multiple
// of o exactly when y × o⁻¹ mod 2^128 <= (2^128 − 1) / o. This avoids the
// processor's 128-by-64 division (40 to 90 cycles of latency on Intel
// processors before Ice Lake, 10 to 45 on AMD's): the workload's evaluation
// ≈ 7 % faster on this AMD EPYC machine. The division remains for the rest.
llvm::Value* Lowering::roundedQuotient(llvm::Value* magnitude, std::uint64_t divisor) {
  unsigned shift = 0;
  std::uint64_t odd = divisor;
  while (odd % 2 == 0) {
    odd /= 2;
    ++shift;
  }
  if (odd < 5) return roundedQuotientByDivision(magnitude, B.getInt64(divisor)); // r could reach d / 2
  // Newton's iteration for the inverse modulo 2^128: each step doubles the
  // correct low bits, and an odd o is its own inverse modulo 2^3.
  num::uint128 inverse = odd;
  for (int i = 0; i < 6; ++i) inverse *= 2 - odd * inverse;
  const num::uint128 limit = ~static_cast<num::uint128>(0) / odd;
  auto wide = [&](num::uint128 v) { return decimalConst(static_cast<num::int128>(v)); };
  llvm::Value* quotient = B.CreateMul(B.CreateLShr(magnitude, shift), wide(inverse));
  return branches(
      B.CreateICmpULE(quotient, wide(limit)), "quotient_sans_division", [&] { return quotient; }, "quotient_divise",
      [&] { return roundedQuotientByDivision(magnitude, B.getInt64(divisor)); });
}

// The same, with the processor's 128-by-64 division: the high half first,
// then (remainder : low half), whose quotient fits 64 bits (LLVM 16 makes a
// generic i128 division a libgcc call, several times slower).
llvm::Value* Lowering::roundedQuotientByDivision(llvm::Value* magnitude, llvm::Value* divisor) {
  llvm::Value* hi = B.CreateTrunc(B.CreateLShr(magnitude, 64), i64);
  llvm::Value* lo = B.CreateTrunc(magnitude, i64);
  llvm::Value* qHi = B.CreateUDiv(hi, divisor);
  llvm::Value* rHi = B.CreateURem(hi, divisor);
  auto* divType = llvm::FunctionType::get(llvm::StructType::get(C, {i64, i64}), {i64, i64, i64}, false);
  auto* divq = llvm::InlineAsm::get(divType, "divq $4", "={ax},={dx},{ax},{dx},r,~{dirflag},~{fpsr},~{flags}",
                                    /*hasSideEffects=*/false);
  llvm::Value* qr = B.CreateCall(divType, divq, {lo, rHi, divisor});
  llvm::Value* q =
      B.CreateOr(B.CreateShl(B.CreateZExt(qHi, i128), 64), B.CreateZExt(B.CreateExtractValue(qr, 0), i128));
  llvm::Value* r = B.CreateExtractValue(qr, 1);
  llvm::Value* twice = B.CreateShl(B.CreateZExt(r, i128), 1); // r < 2^63: no overflow
  llvm::Value* d = B.CreateZExt(divisor, i128);
  llvm::Value* above = B.CreateICmpUGT(twice, d);
  llvm::Value* tie = B.CreateICmpEQ(twice, d);
  llvm::Value* odd = B.CreateICmpNE(B.CreateAnd(q, decimalConst(1)), decimalConst(0));
  llvm::Value* bump = B.CreateOr(above, B.CreateAnd(tie, odd));
  return B.CreateSelect(bump, B.CreateAdd(q, decimalConst(1)), q);
}

// x × y when x's mantissa is a multiple of 10^16 below 2^64 (|x| < 18.45
// with at most two decimals: 40 %, 0.5, 3): the exact product is
// (x / 10^16) × y / 100, with a 128-bit product and one rounding. The test
// costs a few 64-bit operations (division by a constant is a multiplication),
// and folds away when x is a constant after inlining (`taux(40 %)` lowered
// as a call whose parameter the optimiser replaces with 0.4). Otherwise, or
// when the product does not fit 128 bits, the runtime computes it.
llvm::Value* Lowering::lowerShortFactorProduct(llvm::Value* a, llvm::Value* b) {
  auto shortFactor = [&](llvm::Value* x) {
    llvm::Value* m = B.CreateBinaryIntrinsic(llvm::Intrinsic::abs, x, B.getTrue()); // never INT128_MIN
    llvm::Value* fits = B.CreateICmpEQ(B.CreateLShr(m, 64), decimalConst(0));
    llvm::Value* low = B.CreateTrunc(m, i64);
    llvm::Value* whole = B.CreateICmpEQ(B.CreateURem(low, B.getInt64(kHundredth)), B.getInt64(0));
    return std::make_pair(B.CreateAnd(fits, whole), low);
  };
  auto [aShort, aLow] = shortFactor(a);
  auto [bShort, bLow] = shortFactor(b);
  llvm::Value* useA = aShort;
  llvm::Value* factor = B.CreateUDiv(B.CreateSelect(useA, aLow, bLow), B.getInt64(kHundredth)); // < 1845
  llvm::Value* other = B.CreateSelect(useA, b, a);
  llvm::Value* negative = B.CreateXor(B.CreateICmpSLT(a, decimalConst(0)), B.CreateICmpSLT(b, decimalConst(0)));
  llvm::Value* otherMagnitude = B.CreateBinaryIntrinsic(llvm::Intrinsic::abs, other, B.getTrue());
  llvm::Value* product =
      B.CreateBinaryIntrinsic(llvm::Intrinsic::umul_with_overflow, otherMagnitude, B.CreateZExt(factor, i128));
  llvm::Value* fast = B.CreateAnd(B.CreateOr(aShort, bShort), B.CreateNot(B.CreateExtractValue(product, 1)));

  return productOrRuntime(fast, a, b, [&] {
    // product < 2^128, so the quotient by 100 is below 2^121: within range.
    llvm::Value* magnitude = roundedQuotient(B.CreateExtractValue(product, 0), 100);
    return B.CreateSelect(negative, B.CreateNeg(magnitude), magnitude);
  });
}

// The product computed by `inlineProduct` where `useInline` holds, by the
// runtime (exact, and reporting overflow) where it does not.
llvm::Value* Lowering::productOrRuntime(llvm::Value* useInline, llvm::Value* a, llvm::Value* b,
                                        const std::function<llvm::Value*()>& inlineProduct) {
  return branches(useInline, "produit_en_ligne", inlineProduct, "produit_general",
                  [&] { return callDecimalHelper(rt.decMul, a, b); });
}

// c × n for a constant c (`50 points × refus`) and an entier n, without
// the generic checked 128-bit product (some forty instructions). Below
// 2^63, |c × n| < 2^126 always fits. Otherwise c = q × 10^z with q the
// smallest such factor: q × n in 64 bits, then scaled, which is exact; only
// when q × n overflows 64 bits does `checkedProduct` decide (the result may
// still fit 128 bits).
llvm::Value* Lowering::constantTimesInteger(llvm::ConstantInt* c, llvm::Value* n64,
                                            const std::function<llvm::Value*()>& checkedProduct) {
  const auto value =
      static_cast<num::int128>(static_cast<num::uint128>(c->getValue().getHiBits(64).getZExtValue()) << 64 |
                               c->getValue().getLoBits(64).getZExtValue());
  constexpr num::int128 kTwo63 = static_cast<num::int128>(1) << 63;
  if (value > -kTwo63 && value < kTwo63)
    return B.CreateMul(c, B.CreateSExt(n64, i128), "", /*HasNUW=*/false, /*HasNSW=*/true);
  num::int128 q = value, scale = 1;
  for (int z = 0; z < 18 && q % 10 == 0; ++z) {
    q /= 10;
    scale *= 10;
  }
  if (q <= -kTwo63 || q >= kTwo63) return checkedProduct();
  llvm::Value* r = B.CreateBinaryIntrinsic(llvm::Intrinsic::smul_with_overflow, n64,
                                           B.getInt64(static_cast<std::uint64_t>(static_cast<std::int64_t>(q))));
  return branches(
      B.CreateNot(B.CreateExtractValue(r, 1)), "produit_entier",
      [&] {
        // |q × n| < 2^63 and scale <= 10^18 < 2^60: the product is below 2^123.
        return B.CreateMul(B.CreateSExt(B.CreateExtractValue(r, 0), i128), decimalConst(scale), "", false,
                           /*HasNSW=*/true);
      },
      "produit_large", checkedProduct);
}

// `cond ? whenTrue() : whenFalse()`, each side lowered in a block of its
// own, so only the side taken is computed (it may fail, or cost), joined
// by a phi.
llvm::Value* Lowering::branches(llvm::Value* cond, const char* trueName, const std::function<llvm::Value*()>& whenTrue,
                                const char* falseName, const std::function<llvm::Value*()>& whenFalse) {
  llvm::BasicBlock* yes = llvm::BasicBlock::Create(C, trueName, fs->fn);
  llvm::BasicBlock* no = llvm::BasicBlock::Create(C, falseName, fs->fn);
  llvm::BasicBlock* join = llvm::BasicBlock::Create(C, "suite", fs->fn);
  B.CreateCondBr(cond, yes, no);
  B.SetInsertPoint(yes);
  llvm::Value* t = whenTrue();
  llvm::BasicBlock* yesEnd = B.GetInsertBlock();
  B.CreateBr(join);
  B.SetInsertPoint(no);
  llvm::Value* f = whenFalse();
  llvm::BasicBlock* noEnd = B.GetInsertBlock();
  B.CreateBr(join);
  B.SetInsertPoint(join);
  llvm::PHINode* phi = B.CreatePHI(t->getType(), 2);
  phi->addIncoming(t, yesEnd);
  phi->addIncoming(f, noEnd);
  return phi;
}

// x × constant, and x × n for an entier n: checked products, with the
// rounding step only where the constant has fractional digits.
llvm::Value* Lowering::lowerExactProduct(const ir::Expr& e, llvm::Value* a, llvm::Value* b) {
  const ir::Expr* intSide = nullptr;
  llvm::Value* other = nullptr;
  if (e.b->op == Op::IntToDecimal) {
    intSide = e.b.get();
    other = a;
  } else if (e.a->op == Op::IntToDecimal) {
    intSide = e.a.get();
    other = b;
  }
  llvm::Value* max = decimalConst(static_cast<num::int128>(~static_cast<num::uint128>(0) >> 1));
  auto checked = [&](llvm::Value* x, llvm::Value* factor) {
    // By a constant k: |x × k| <= max exactly when |x| <= max / |k|, two
    // comparisons instead of the generic overflow test (x is a valid décimal,
    // never -2^127).
    if (auto* k = llvm::dyn_cast<llvm::ConstantInt>(factor);
        k && !k->isZero() && k->getValue().getMinSignedBits() <= 64) {
      num::uint128 magnitude = static_cast<num::uint128>(std::abs(static_cast<num::int128>(k->getSExtValue())));
      auto bound = static_cast<num::int128>((~static_cast<num::uint128>(0) >> 1) / magnitude);
      llvm::Value* bad = B.CreateOr(B.CreateICmpSGT(x, decimalConst(bound)), B.CreateICmpSLT(x, decimalConst(-bound)));
      return std::make_pair(B.CreateMul(x, factor, "", false, /*HasNSW=*/true), bad);
    }
    llvm::Value* r = B.CreateBinaryIntrinsic(llvm::Intrinsic::smul_with_overflow, x, factor);
    llvm::Value* v = B.CreateExtractValue(r, 0);
    llvm::Value* bad =
        B.CreateOr(B.CreateExtractValue(r, 1), B.CreateICmpEQ(v, B.CreateNeg(B.CreateAdd(max, decimalConst(1)))));
    return std::make_pair(v, bad);
  };
  if (intSide) {
    // other × n: the integer operand's value, not its scaled mantissa.
    llvm::Value* n64 = lower(*intSide->a);
    llvm::Value* n = B.CreateSExt(n64, i128);
    if (auto* c = llvm::dyn_cast<llvm::ConstantInt>(other); c && c->getBitWidth() == 128)
      return constantTimesInteger(c, n64, [&] {
        auto [v, bad] = checked(other, n);
        failIf(bad);
        return v;
      });
    auto [v, bad] = checked(other, n);
    failIf(bad);
    return v;
  }
  const ir::Expr* constSide = e.b->op == Op::Const ? e.b.get() : e.a->op == Op::Const ? e.a.get() : nullptr;
  if (!constSide || constSide->constant.kind != ir::Constant::Kind::Decimal) return nullptr;
  other = constSide == e.b.get() ? a : b;
  num::int128 m = constSide->constant.number;
  if (m == 0) return decimalConst(0);
  int zeros = 0;
  num::int128 k = m;
  while (zeros < 18 && k % 10 == 0) {
    k /= 10;
    ++zeros;
  }
  auto [product, overflow] = checked(other, decimalConst(k));
  if (zeros == 18) {
    failIf(overflow);
    return product;
  }
  if (k > (static_cast<num::int128>(1) << 62) || k < -(static_cast<num::int128>(1) << 62)) return nullptr;
  num::int128 pow10 = 1;
  for (int i = 0; i < 18 - zeros; ++i) pow10 *= 10;
  llvm::Value* exact = product; // a structured binding: clang 14 cannot capture it
  return productOrRuntime(B.CreateNot(overflow), a, b, [&] {
    // Half to even on the magnitude, then the sign.
    llvm::Value* negative = B.CreateICmpSLT(exact, decimalConst(0));
    llvm::Value* magnitude = B.CreateSelect(negative, B.CreateNeg(exact), exact);
    llvm::Value* rounded = roundedQuotient(magnitude, static_cast<std::uint64_t>(pow10));
    return B.CreateSelect(negative, B.CreateNeg(rounded), rounded);
  });
}

} // namespace loge::codegen::internal
