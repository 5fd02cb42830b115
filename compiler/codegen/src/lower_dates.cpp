// Codegen stage (internal): mois_entre and ans_entre generated as IR
// rather than called in the runtime, so the optimiser can inline them and
// fold what is constant (the call and the runtime's date conversion were a
// fifth of the workload's evaluation time). The algorithm is the
// numeric core's, step for step (runtime/numeric/src/civil.h and
// date_arith.cpp): the differential and oracle tests hold both to it.
#include "lowering.h"

namespace loge::codegen::internal {

namespace {

constexpr std::int64_t kEpochShift = 719468; // days from 0000-03-01 to 1970-01-01
constexpr std::int64_t kDaysPerEra = 146097; // 400 Gregorian years

struct Civil {
  llvm::Value *year, *month, *day; // i64
};

// civilFromDays: days since 1970-01-01 to (year, month, day).
Civil civilFromDays(llvm::IRBuilder<>& b, llvm::Value* days32) {
  auto* i64 = b.getInt64Ty();
  auto k = [&](std::int64_t v) { return llvm::ConstantInt::getSigned(i64, v); };
  llvm::Value* z = b.CreateAdd(b.CreateSExt(days32, i64), k(kEpochShift));
  // Floor division by the era length (z is negative before 0000-03-01).
  llvm::Value* shifted = b.CreateSelect(b.CreateICmpSGE(z, k(0)), z, b.CreateSub(z, k(kDaysPerEra - 1)));
  llvm::Value* era = b.CreateSDiv(shifted, k(kDaysPerEra));
  llvm::Value* doe = b.CreateSub(z, b.CreateMul(era, k(kDaysPerEra))); // 0..146096
  llvm::Value* yoe =
      b.CreateUDiv(b.CreateSub(b.CreateAdd(b.CreateSub(doe, b.CreateUDiv(doe, k(1460))), b.CreateUDiv(doe, k(36524))),
                               b.CreateUDiv(doe, k(kDaysPerEra - 1))),
                   k(365));
  llvm::Value* doy = b.CreateSub(
      doe, b.CreateSub(b.CreateAdd(b.CreateMul(yoe, k(365)), b.CreateUDiv(yoe, k(4))), b.CreateUDiv(yoe, k(100))));
  llvm::Value* mp = b.CreateUDiv(b.CreateAdd(b.CreateMul(doy, k(5)), k(2)), k(153)); // 0..11
  llvm::Value* day =
      b.CreateAdd(b.CreateSub(doy, b.CreateUDiv(b.CreateAdd(b.CreateMul(mp, k(153)), k(2)), k(5))), k(1));
  llvm::Value* month = b.CreateSelect(b.CreateICmpULT(mp, k(10)), b.CreateAdd(mp, k(3)), b.CreateSub(mp, k(9)));
  llvm::Value* year =
      b.CreateAdd(b.CreateAdd(yoe, b.CreateMul(era, k(400))), b.CreateZExt(b.CreateICmpULE(month, k(2)), i64));
  return {year, month, day};
}

} // namespace

// i64 loge.mois_entre(i32 a, i32 b): whole months from a to b, negative
// when b is before a (monthsBetween(b, a) negated).
llvm::Function* Lowering::defineMonthsBetween() {
  auto* type = llvm::FunctionType::get(i64, {i32, i32}, false);
  auto* f = llvm::Function::Create(type, llvm::Function::InternalLinkage, "loge.mois_entre", M);
  f->setDoesNotAccessMemory();
  f->setDoesNotThrow();
  f->addFnAttr(llvm::Attribute::WillReturn);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(C, "entree", f));
  llvm::Value* a = f->getArg(0);
  llvm::Value* z = f->getArg(1);
  llvm::Value* swap = b.CreateICmpSGT(a, z);
  Civil x = civilFromDays(b, b.CreateSelect(swap, z, a));
  Civil y = civilFromDays(b, b.CreateSelect(swap, a, z));
  llvm::Value* months =
      b.CreateAdd(b.CreateMul(b.CreateSub(y.year, x.year), b.getInt64(12)), b.CreateSub(y.month, x.month));
  months = b.CreateSelect(b.CreateICmpSLT(y.day, x.day), b.CreateSub(months, b.getInt64(1)), months);
  b.CreateRet(b.CreateSelect(swap, b.CreateNeg(months), months));
  return f;
}

// i64 loge.ans_entre(i32 a, i32 b): mois_entre / 12, truncated towards zero.
llvm::Function* Lowering::defineYearsBetween(llvm::Function* monthsBetween) {
  auto* type = llvm::FunctionType::get(i64, {i32, i32}, false);
  auto* f = llvm::Function::Create(type, llvm::Function::InternalLinkage, "loge.ans_entre", M);
  f->setDoesNotAccessMemory();
  f->setDoesNotThrow();
  f->addFnAttr(llvm::Attribute::WillReturn);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(C, "entree", f));
  llvm::Value* months = b.CreateCall(monthsBetween, {f->getArg(0), f->getArg(1)});
  b.CreateRet(b.CreateSDiv(months, b.getInt64(12)));
  return f;
}

} // namespace loge::codegen::internal
