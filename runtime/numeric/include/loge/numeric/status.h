// Runtime numeric core: the outcome of an arithmetic or calendar primitive.
//
// Every primitive of the numeric core is total: it either produces a value or
// reports one of these statuses. Nothing wraps, nothing throws. The
// interpreter and the (future) JIT call the same primitives, so a result or an
// error is identical in both engines.
#pragma once

#include <cstdint>

namespace loge::num {

enum class Status : std::uint8_t {
  Ok = 0,
  // The exact result does not fit the representation (décimal, entier, date).
  Overflow = 1,
  DivisionByZero = 2,
  // A date outside 0001-01-01 .. 9999-12-31, or a day that does not exist
  // (2025-02-29) where the policy declared `dates : erreur`.
  InvalidDate = 3,
  // An argument outside the primitive's domain (a rounding step <= 0, ...).
  Domain = 4,
};

// A short French description of a status, for evaluation errors.
const char* describe(Status s);

} // namespace loge::num
