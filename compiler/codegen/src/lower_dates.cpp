// Codegen stage (internal): mois_entre and ans_entre generated as IR
// rather than called in the runtime, so the optimiser can inline them and
// fold what is constant (the call and the runtime's date conversion were a
// fifth of the workload's evaluation time). The calendar conversion is a
// faster algorithm than the numeric core's (runtime/numeric/src/civil.h),
// with the same results; the months counted are date_arith.cpp's.
#include "lowering.h"

namespace loge::codegen::internal {

namespace {

constexpr std::int64_t kEpochShift = 719468; // days from 0000-03-01 to 1970-01-01
constexpr std::int64_t kDaysPerEra = 146097; // 400 Gregorian years

struct Civil {
  llvm::Value *year, *month, *day; // i64
};

// civilFromDays: days since 1970-01-01 to (year, month, day), by Neri and
// Schneider's Euclidean affine functions (Software: Practice and Experience,
// 2023): every division is by a constant, so the optimiser turns them into
// multiplications, about half the work of the numeric core's algorithm.
// Days are counted from 0000-03-01 shifted back by kEras whole eras, so that
// every i32 day count is non-negative and all divisions are unsigned; the
// result equals runtime/numeric/src/civil.h's for every i32 (checked against
// it and against Python's datetime by tests/jit/dates_test.cpp).
Civil civilFromDays(llvm::IRBuilder<>& b, llvm::Value* days32) {
  auto* i64 = b.getInt64Ty();
  auto k = [&](std::int64_t v) { return llvm::ConstantInt::getSigned(i64, v); };
  constexpr std::int64_t kEras = 14700; // 14 700 × 146 097 days > 2^31
  llvm::Value* n = b.CreateAdd(b.CreateSExt(days32, i64), k(kEpochShift + kEras * kDaysPerEra));
  // Century and day of century.
  llvm::Value* n1 = b.CreateAdd(b.CreateMul(n, k(4)), k(3));
  llvm::Value* century = b.CreateUDiv(n1, k(kDaysPerEra));
  llvm::Value* dayOfCentury = b.CreateUDiv(b.CreateURem(n1, k(kDaysPerEra)), k(4));
  // Year of century and day of year (from 1 March): the high and low halves
  // of one product.
  llvm::Value* p2 = b.CreateMul(b.CreateAdd(b.CreateMul(dayOfCentury, k(4)), k(3)), k(2939745));
  llvm::Value* yearOfCentury = b.CreateLShr(p2, 32);
  llvm::Value* dayOfYear = b.CreateUDiv(b.CreateUDiv(b.CreateAnd(p2, k(0xFFFFFFFF)), k(2939745)), k(4));
  // Month (3..14, March to February) and day, again from one product.
  llvm::Value* n3 = b.CreateAdd(b.CreateMul(dayOfYear, k(2141)), k(197913));
  llvm::Value* month = b.CreateLShr(n3, 16);
  llvm::Value* day = b.CreateAdd(b.CreateUDiv(b.CreateAnd(n3, k(0xFFFF)), k(2141)), k(1));
  llvm::Value* january = b.CreateICmpUGE(dayOfYear, k(306)); // January or February
  llvm::Value* year = b.CreateAdd(b.CreateAdd(b.CreateMul(century, k(100)), yearOfCentury),
                                  b.CreateSub(b.CreateZExt(january, i64), k(400 * kEras)));
  month = b.CreateSelect(january, b.CreateSub(month, k(12)), month);
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
  // Both dates are converted as they are, not ordered first: the evaluation
  // date, the same for a whole batch, is then converted once, outside the
  // loop over demandes, once the optimiser has inlined this function.
  Civil x = civilFromDays(b, a);
  Civil y = civilFromDays(b, z);
  auto forward = [&](const Civil& from, const Civil& to) {
    llvm::Value* months =
        b.CreateAdd(b.CreateMul(b.CreateSub(to.year, from.year), b.getInt64(12)), b.CreateSub(to.month, from.month));
    return b.CreateSelect(b.CreateICmpSLT(to.day, from.day), b.CreateSub(months, b.getInt64(1)), months);
  };
  llvm::Value* backwards = b.CreateICmpSGT(a, z);
  b.CreateRet(b.CreateSelect(backwards, b.CreateNeg(forward(y, x)), forward(x, y)));
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
