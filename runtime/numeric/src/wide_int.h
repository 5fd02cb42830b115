// Internal 256-bit unsigned integer, just wide enough to hold the exact
// product of two decimal magnitudes (or a magnitude times 10^18), so that
// mul and div can round once, from the exact value, like the Python oracle.
#pragma once

#include "loge/numeric/decimal.h"

#include <cstdint>

namespace loge::num::detail {

struct U256 {
  std::uint64_t w[4] = {0, 0, 0, 0}; // little-endian 64-bit limbs
};

// n / d and n % d for a 64-bit divisor, with the processor's 128-by-64
// division where there is one (the compiler's generic 128-bit division is
// a library call several times slower; it dominated decimal ×).
uint128 divBy64(uint128 n, std::uint64_t d, std::uint64_t& remainder);

// The exact product of two 128-bit values.
U256 mulWide(uint128 a, uint128 b);

// x /= d, returns x % d. d must be non-zero.
std::uint64_t divSmall(U256& x, std::uint64_t d);
uint128 divWide(U256& x, uint128 d);

// True when x < 2^128; then low128(x) is its value.
bool fits128(const U256& x);
uint128 low128(const U256& x);

} // namespace loge::num::detail
