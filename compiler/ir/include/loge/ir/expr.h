// IR stage: typed expressions.
//
// The checker lowers every AST expression to this tree. Names are resolved
// (to a slot, a field index, a definition or parameter index), every node has
// its exact type, implicit conversions are explicit nodes (IntToDecimal,
// Unwrap), and operators are specialised by operand type (IntAdd vs
// DecimalAdd), so a back end never re-derives typing rules. The tree is the
// contract between the front end and both back ends.
#pragma once

#include "loge/ir/constant.h"
#include "loge/ir/types.h"
#include "loge/source/source.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace loge::ir {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// Context records available to an expression (SPEC P5).
enum class Role : std::uint8_t {
  Demande,
  Logement,
  Candidature,
  Attribution
};
inline constexpr int kRoleCount = 4;

enum class Op : std::uint8_t {
  Const,          // constant
  DateEvaluation, // date_évaluation
  Context,        // role: the demande, logement, … record
  Local,          // slot: a definition parameter or a binder
  Field,          // a.fields[index]; a is a (non-optional) record
  OptionalField,  // a.fields[index]; a is optional: absent propagates
  Unwrap,         // a is optional and proven present (narrowed); error if not
  Some,           // a: T where T? is expected (the value, present)
  Call,           // definition `index` (args)
  Param,          // scalar parameter `index` at date b (null: date_évaluation)
  Table,          // barème `index`, keys args, at date b (null: date_évaluation)
  TupleField,     // a is a barème tuple, field `index`
  Builtin,        // builtin `builtin` (args)

  IntToDecimal, // a: entier -> décimal of this node's unit
  IntNeg,
  DecimalNeg,
  Not,
  IntAdd,
  IntSub,
  IntMul,
  IntDivToDecimal,
  DecimalAdd,
  DecimalSub,
  DecimalMul,
  DecimalDiv,
  DateAddDuration,
  DateSubDuration, // a: date, b: durée (unit from b's type)
  DurationAdd,
  DurationSub,
  DurationMulInt,
  Compare, // cmp over a and b of type `operandType`
  And,
  Or,         // short-circuit
  If,         // a ? b : c
  Switch,     // a: enum; cases[i] → args[caseArm[i]]; default: c (may be null)
  Exists,     // a: optional → booléen
  ExistsBind, // a: optional; if present, store in slot and yield vrai
  Default,    // a: optional, b: fallback
  Fail,       // evaluation error with `text` (interpolated by `parts`)
  Aggregate,  // aggregate over list b with binder slot; a: element expr; c: condition
  Member,     // a dans b
  Round,      // arrondi(a, b, rounding)
  MakeList,   // [args]
  MakeRecord, // struct `index`, args in field order (tests only)

  CotationTotal,     // cotation `index`
  Criterion,         // cotation `index`, criterion `sub`: contribution (brut when flag)
  RubriqueTotal,     // cotation `index`, rubrique `sub`
  QuotaHypothetical, // quota `index`: concerne(0) / compte(1) / en_retard(2) in `sub`
  Eligible,          // no refus in any rule block (pour logement blocks need a logement)
  QuotaGroupField,   // tests: quota `index`, field `sub` of the group keyed by args (scopes…, period label)
  ClassementIds,     // tests: the ids retained by classement `index`, in rank order
};

// Fields of a quota group readable from tests (QuotaGroupField.sub).
enum class QuotaField : std::uint8_t {
  Effectif,
  Nombre,
  Part,
  Cible,
  Manque,
  Statut
};

enum class CompareOp : std::uint8_t {
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge
};
enum class AggregateOp : std::uint8_t {
  Count,
  Sum,
  Max,
  Min,
  First,
  All,
  Any
};
enum class Builtin : std::uint8_t {
  MinInt,
  MaxInt,
  MinDecimal,
  MaxDecimal,
  MinDate,
  MaxDate,
  MinDuration, // of one unit (sema refuses mois with jours)
  MaxDuration,
  AbsInt,
  AbsDecimal,
  MonthsBetween,
  YearsBetween,
  DaysBetween,
  Annual,
  Monthly,
  YearOf,
  MonthOf,
  DayOf,
  TextLength,
};

struct TextPiece {
  std::string literal;
  ExprPtr value; // formatted the French way when non-null
};

struct Expr {
  Op op;
  const Type* type = nullptr;
  SourceRange range;

  Constant constant;         // Const
  Role role = Role::Demande; // Context
  std::uint32_t index = 0;   // Local slot, field, definition, parameter, cotation, quota, struct…
  std::uint32_t sub = 0;     // Criterion/Rubrique index, quota query kind, tuple field
  std::uint32_t slot = 0;    // binder slot (ExistsBind, Aggregate)
  bool flag = false;         // Criterion: brut
  CompareOp cmp = CompareOp::Eq;
  const Type* operandType = nullptr; // Compare, Member
  AggregateOp aggregate = AggregateOp::Count;
  Builtin builtin = Builtin::MinInt;
  num::RoundingMode rounding = num::RoundingMode::HalfEven;

  ExprPtr a, b, c;
  std::vector<ExprPtr> args;
  std::vector<std::uint32_t> cases; // Switch: enum value → arm index into args
  std::vector<TextPiece> parts;     // Fail
};

ExprPtr makeExpr(Op op, const Type* type, SourceRange range);

// A deep copy of `e` (types stay shared: they belong to the program's
// TypeTable).
ExprPtr clone(const Expr& e);
// Whether two trees are the same expression: same operations, types,
// indices and constants (source ranges aside). Equal trees hash equal.
bool same(const Expr& a, const Expr& b);
std::size_t hashOf(const Expr& e);
// Calls `fn` on `e` and on every expression under it (operands, arguments,
// the values of a text's pieces), parents first.
void forEachNode(const Expr& e, const std::function<void(const Expr&)>& fn);

} // namespace loge::ir
