// IR stage: the types of Loge values.
//
// Types are interned in a TypeTable owned by the Program, so two types are
// equal iff their pointers are equal. The checker assigns one to every IR
// expression; the interpreter and the JIT rely on them being exact.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace loge::ir {

enum class TypeKind : std::uint8_t {
  Bool,
  Int,     // entier: 64-bit signed
  Decimal, // décimal and the unit types (montant, surface, points)
  Date,
  Duration, // durée, in months or in days
  Text,
  Enum,
  Struct,
  List,
  Optional,
  Absent, // the type of the `absent` literal before its context is known
  Error,  // the type of `erreur "…"` and of ill-typed expressions: fits anywhere
};

enum class Unit : std::uint8_t {
  None,
  Euro,
  EuroPerMonth,
  EuroPerYear,
  SquareMetre,
  Points
};
enum class DurationUnit : std::uint8_t {
  Months,
  Days
};

struct Type {
  TypeKind kind;
  Unit unit = Unit::None;                           // Decimal
  DurationUnit durationUnit = DurationUnit::Months; // Duration
  std::uint32_t index = 0;                          // Enum, Struct: index in the Program's tables
  const Type* element = nullptr;                    // List, Optional
};

class TypeTable {
public:
  TypeTable();
  const Type* boolean() const { return bool_; }
  const Type* integer() const { return int_; }
  const Type* decimal(Unit unit = Unit::None);
  const Type* date() const { return date_; }
  const Type* duration(DurationUnit unit);
  const Type* text() const { return text_; }
  const Type* absent() const { return absent_; }
  const Type* error() const { return error_; }
  const Type* enumeration(std::uint32_t index);
  const Type* structure(std::uint32_t index);
  const Type* list(const Type* element);
  // optional(optional(T)) is optional(T).
  const Type* optional(const Type* inner);

private:
  const Type* intern(const Type& t);
  std::deque<Type> types_;
  const Type *bool_, *int_, *date_, *text_, *absent_, *error_;
};

inline bool isOptional(const Type* t) { return t->kind == TypeKind::Optional; }
inline const Type* stripOptional(const Type* t) { return isOptional(t) ? t->element : t; }
inline bool isNumeric(const Type* t) { return t->kind == TypeKind::Int || t->kind == TypeKind::Decimal; }

} // namespace loge::ir
