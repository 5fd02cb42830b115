// Internal helpers shared by the decimal sources: work on sign + magnitude so
// that INT128_MIN never appears as an intermediate value.
#pragma once

#include "loge/numeric/decimal.h"

namespace loge::num::detail {

// 2^127 - 1: the largest magnitude a Decimal may carry.
inline constexpr uint128 kMaxMagnitude = (uint128{1} << 127) - 1;
inline constexpr std::uint64_t kOneU = static_cast<std::uint64_t>(Decimal::kOne);

// |m| as an unsigned value, defined even for INT128_MIN.
constexpr uint128 magnitude(int128 m) { return m < 0 ? uint128{0} - static_cast<uint128>(m) : static_cast<uint128>(m); }

// Builds sign * mag, or Overflow when mag exceeds kMaxMagnitude.
inline Status fromMagnitude(bool negative, uint128 mag, Decimal& out) {
  if (mag > kMaxMagnitude) return Status::Overflow;
  const int128 m = static_cast<int128>(mag);
  out = Decimal::fromMantissa(negative ? -m : m);
  return Status::Ok;
}

// 10^n for 0 <= n <= 18.
constexpr std::uint64_t pow10(int n) {
  std::uint64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Whether the truncated magnitude quotient q, with remainder r of divisor d
// (0 <= r < d), must be bumped by one under `mode`; `negative` is the sign of
// the exact quotient. Compares r with d - r so nothing can overflow.
constexpr bool roundsUp(uint128 q, uint128 r, uint128 d, RoundingMode mode, bool negative) {
  if (r == 0) return false;
  const uint128 rest = d - r;
  switch (mode) {
  case RoundingMode::HalfAwayFromZero: return r >= rest;
  case RoundingMode::HalfEven: return r > rest || (r == rest && (q & 1U) != 0);
  case RoundingMode::Floor: return negative;
  case RoundingMode::Ceiling: return !negative;
  }
  return false;
}

} // namespace loge::num::detail
