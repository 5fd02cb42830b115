// Codegen stage (internal): the IR-to-LLVM lowering, one instance per
// program. lower_expr.cpp lowers expressions (lower_ops.cpp operators,
// lower_decimal.cpp décimal arithmetic), lower_decls.cpp definitions,
// cotations, rule blocks and the entry points, runtime.cpp declares the
// runtime helpers (runtime/rt).
#pragma once

#include "loge/codegen/codegen.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <functional>
#include <map>
#include <string>

namespace loge::codegen::internal {

// Raised when the program uses a construct the back end cannot compile.
struct Unsupported {
  std::string why;
};

// Per generated function: its error exit and the allocas of its slots.
struct FunctionState {
  llvm::Function* fn = nullptr;
  llvm::Value* frame = nullptr;
  llvm::BasicBlock* fail = nullptr;
  llvm::BasicBlock* raise = nullptr; // sets the context's error, then goes to `fail`
  // Keyed by slot and type: rules of one block number their binders from
  // 0 each, so one number may hold a date in a rule and a montant in the next.
  std::map<std::pair<std::uint32_t, llvm::Type*>, llvm::AllocaInst*> slots;
};

// The kinds of memory generated code touches, told apart for LLVM's
// type-based alias analysis: a store to one never changes a load from
// another, so values read before a result is written or an error raised
// are not read again. Every access of a kind carries its tag; accesses left
// untagged (slots, helper arguments) alias everything, as before.
enum class Memory {
  Frame,  // the demande's frame: context and record pointers, memo slots
  Error,  // the context's error flag
  Params, // the context's pointers to the parameter set (read only)
  Input,  // records, lists, texts, parameter values, constants (read only)
  Out,    // the results buffer and the batch's error flags
};

// The définitions the generated code calls: from the cotations, the rule
// blocks and the définitions `out` writes, and those these call (needed.cpp).
std::vector<bool> neededDefinitions(const ir::Program& p, const OutLayout& out);

class Lowering {
public:
  Lowering(const ir::Program& p, const Layout& layout, const OutLayout& out, llvm::LLVMContext& ctx, llvm::Module& m);

  void run();

  // ---- types (lower_types.cpp)
  llvm::Type* typeOf(const ir::Type* t);
  llvm::Value* loadFlat(llvm::Value* base, std::uint32_t offset, const ir::Type* t, Memory m = Memory::Input);
  llvm::LoadInst* load(llvm::Type* t, llvm::Value* at, Memory m, llvm::MaybeAlign align = {});
  llvm::StoreInst* store(llvm::Value* v, llvm::Value* at, Memory m, llvm::MaybeAlign align = {});
  llvm::Value* zeroOf(const ir::Type* t);
  // `v`, or poison when it comes from a path that ended in `erreur` and so
  // has no value of the expected type.
  llvm::Value* fit(llvm::Value* v, llvm::Type* t) { return v->getType() == t ? v : llvm::PoisonValue::get(t); }
  llvm::Value* constant(const ir::Constant& c, const ir::Type* t);

  // ---- expressions (lower_expr.cpp, lower_ops.cpp, lower_decimal.cpp)
  llvm::Value* lower(const ir::Expr& e);
  llvm::Value* lowerCompare(const ir::Expr& e);
  llvm::Value* lowerBuiltin(const ir::Expr& e);
  llvm::Value* lowerAggregate(const ir::Expr& e);
  llvm::Value* lowerTable(const ir::Expr& e);
  llvm::Value* lowerParam(const ir::Expr& e);
  llvm::Value* lowerCall(const ir::Expr& e);
  llvm::Value* lowerDecimalArith(const ir::Expr& e, llvm::Value* a, llvm::Value* b);
  llvm::Value* lowerIntArith(const ir::Expr& e, llvm::Value* a, llvm::Value* b);
  llvm::Value* constantTimesInteger(llvm::ConstantInt* c, llvm::Value* n64,
                                    const std::function<llvm::Value*()>& checkedProduct);
  llvm::Value* lowerExactProduct(const ir::Expr& e, llvm::Value* a, llvm::Value* b);
  llvm::Value* lowerShortFactorProduct(llvm::Value* a, llvm::Value* b);
  llvm::Value* roundedQuotient(llvm::Value* magnitude, std::uint64_t divisor);
  llvm::Value* roundedQuotientByDivision(llvm::Value* magnitude, llvm::Value* divisor);
  llvm::Value* productOrRuntime(llvm::Value* useInline, llvm::Value* a, llvm::Value* b,
                                const std::function<llvm::Value*()>& inlineProduct);
  llvm::Value* callDecimalHelper(llvm::FunctionCallee f, llvm::Value* a, llvm::Value* b);
  llvm::Value* callStatus(llvm::FunctionCallee f, llvm::ArrayRef<llvm::Value*> args);
  void failIf(llvm::Value* condition);
  void checkCalleeError();
  llvm::AllocaInst* slot(std::uint32_t index, const ir::Type* t) { return slotRaw(index, typeOf(t)); }
  llvm::AllocaInst* slotRaw(std::uint32_t index, llvm::Type* t);
  llvm::Value* frameField(unsigned index);
  llvm::Value* ctx();
  llvm::Value* decimalConst(num::int128 v);
  llvm::Value* textEquals(llvm::Value* a, llvm::Value* b);
  llvm::Value* cmpValues(llvm::Value* a, llvm::Value* b, const ir::Type* t); // -1/0/1 as i32, or i1 for eq paths

  // ---- declarations (lower_decls.cpp)
  void declareFunctions();
  void defineDefinition(std::uint32_t index);
  void defineCotation(std::uint32_t index);
  void defineCriteria(std::uint32_t index, std::size_t first, std::size_t last, llvm::Function* fn);
  void defineExpectation(std::uint32_t index);
  void defineCotationBody(std::uint32_t index, const std::vector<llvm::Function*>& groups);
  static bool isFlat(const ir::CotationDecl& c);
  std::pair<llvm::Value*, llvm::Value*> lowerCriterion(const ir::CriterionDecl& cr);
  llvm::Value* branches(llvm::Value* cond, const char* trueName, const std::function<llvm::Value*()>& whenTrue,
                        const char* falseName, const std::function<llvm::Value*()>& whenFalse);
  std::pair<llvm::Value*, llvm::Value*> storeCriterion(std::uint32_t index, std::size_t i, llvm::Value* outPtr,
                                                       bool readBack);
  static bool contributionIsBrut(const ir::CotationDecl& c, std::size_t i);
  void defineBlock(std::uint32_t index);
  void defineEntry();
  void storeDefinitions(llvm::Value* outPtr);
  void storeDefinition(llvm::Function* fn, llvm::Value* outPtr, const OutLayout::Definition& o);
  void defineBatch();
  FunctionState begin(llvm::Function* fn, llvm::Value* frame, const ir::Type* returnType);
  void finish(const ir::Type* returnType);

  // ---- runtime helpers (runtime.cpp)
  void declareRuntime();

  const ir::Program& p;
  const Layout& layout;
  const OutLayout& out;
  llvm::LLVMContext& C;
  llvm::Module& M;
  llvm::IRBuilder<> B;

  llvm::Type *i1, *i8, *i32, *i64, *i128, *ptr;
  llvm::MDNode* tbaa[5] = {};
  llvm::StructType* slice = nullptr; // {ptr, i64}: texts and lists
  llvm::StructType* frameType = nullptr;
  std::vector<unsigned> memoField;      // per definition: frame field of its memo flag (0 = none)
  std::vector<unsigned> memoValueField; // and of its memoised value

  std::vector<llvm::Function*> definitions, cotations, blocks; // a définition nothing calls: null
  std::vector<bool> needed;                                    // per définition (neededDefinitions)
  FunctionState* fs = nullptr;

  llvm::Function* defineMonthsBetween();
  llvm::Function* defineYearsBetween(llvm::Function* monthsBetween);

  struct {
    llvm::FunctionCallee decMul, decDiv, decRound, addMonths, addDays, monthsBetween, yearsBetween, datePart, textCmp,
        textLength, param, table;
  } rt;
};

} // namespace loge::codegen::internal
