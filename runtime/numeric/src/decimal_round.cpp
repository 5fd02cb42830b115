// `arrondi(x, pas, mode)`: rounds x to a multiple of pas, deciding from the
// exact ratio x / pas (never from an already rounded quotient).
#include "decimal_impl.h"

namespace loge::num {

Status roundTo(Decimal x, Decimal step, RoundingMode mode, Decimal& out) {
  if (step.mantissa() <= 0) return Status::Domain;
  const bool negative = x.isNegative();
  const uint128 ux = detail::magnitude(x.mantissa());
  const uint128 us = detail::magnitude(step.mantissa());
  // Both share the scale 10^18, so x / pas = ux / us exactly.
  uint128 k = ux / us;
  if (detail::roundsUp(k, ux % us, us, mode, negative)) ++k; // k <= 2^127
  uint128 m;
  if (__builtin_mul_overflow(k, us, &m)) return Status::Overflow;
  return detail::fromMagnitude(negative, m, out);
}

} // namespace loge::num
