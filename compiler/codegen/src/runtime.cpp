// Codegen stage (internal): declarations of the runtime helpers
// (runtime/rt/include/loge/rt/rt.h) as generated code calls them.
#include "lowering.h"

#include <llvm/Support/ModRef.h>

namespace loge::codegen::internal {

void Lowering::declareRuntime() {
  auto fn = [&](const char* name, llvm::Type* ret, std::vector<llvm::Type*> args) {
    auto* type = llvm::FunctionType::get(ret, args, false);
    llvm::FunctionCallee c = M.getOrInsertFunction(name, type);
    if (auto* f = llvm::dyn_cast<llvm::Function>(c.getCallee())) {
      f->setDoesNotThrow();
      f->addFnAttr(llvm::Attribute::WillReturn);
    }
    return c;
  };
  rt.decMul = fn("loge_rt_dec_mul", i32, {ptr, ptr, ptr});
  rt.decDiv = fn("loge_rt_dec_div", i32, {ptr, ptr, ptr});
  rt.decRound = fn("loge_rt_dec_round", i32, {ptr, ptr, i32, ptr});
  rt.addMonths = fn("loge_rt_add_months", i32, {i32, i64, i32, ptr});
  rt.addDays = fn("loge_rt_add_days", i32, {i32, i64, ptr});
  // Generated inline (lower_dates.cpp); loge_rt_months_between stays in
  // the runtime for the interpreter's callers and older artefacts.
  llvm::Function* months = defineMonthsBetween();
  rt.monthsBetween = months;
  rt.yearsBetween = defineYearsBetween(months);
  rt.datePart = fn("loge_rt_date_part", i32, {i32, i32});
  rt.textCmp = fn("loge_rt_text_cmp", i32, {ptr, i64, ptr, i64});
  rt.textLength = fn("loge_rt_text_length", i64, {ptr, i64});
  rt.param = fn("loge_rt_param", ptr, {ptr, i32, i32, ptr});
  rt.table = fn("loge_rt_table", ptr, {ptr, i32, i32, ptr, ptr});
  // What each helper touches (runtime/rt): without it, every call is taken
  // to write any memory, and values written to the results buffer or the
  // frame before a call are read again after it.
  auto effects = [](llvm::FunctionCallee c, llvm::MemoryEffects m) {
    if (auto* f = llvm::dyn_cast<llvm::Function>(c.getCallee())) f->setMemoryEffects(m);
  };
  using llvm::MemoryEffects;
  using llvm::ModRefInfo;
  // Décimal and date arithmetic: read their operands, write their result,
  // all through their pointer arguments.
  for (llvm::FunctionCallee c : {rt.decMul, rt.decDiv, rt.decRound, rt.addMonths, rt.addDays})
    effects(c, MemoryEffects::argMemOnly(ModRefInfo::ModRef));
  // Texts: read the bytes their arguments point to.
  for (llvm::FunctionCallee c : {rt.textCmp, rt.textLength}) effects(c, MemoryEffects::argMemOnly(ModRefInfo::Ref));
  // Parameters: read the parameter set (and a texte key's bytes), write
  // only the status their last argument points to.
  for (llvm::FunctionCallee c : {rt.param, rt.table})
    effects(c, MemoryEffects::readOnly() | MemoryEffects::argMemOnly(ModRefInfo::ModRef));
  // A pure helper: let the optimiser hoist and merge its calls.
  effects(rt.datePart, MemoryEffects::none());
}

} // namespace loge::codegen::internal
