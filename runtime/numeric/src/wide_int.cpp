// 256-bit helpers for the decimal core. Written for clarity over speed: the
// common small cases never get here (decimal.cpp has 128-bit fast paths).
#include "wide_int.h"

namespace loge::num::detail {
namespace {

std::uint64_t lo64(uint128 v) { return static_cast<std::uint64_t>(v); }
std::uint64_t hi64(uint128 v) { return static_cast<std::uint64_t>(v >> 64); }

bool bitAt(const U256& x, int i) { return ((x.w[i / 64] >> (i % 64)) & 1U) != 0; }
void setBit(U256& x, int i) { x.w[i / 64] |= std::uint64_t{1} << (i % 64); }

int highestBit(const U256& x) {
  for (int limb = 3; limb >= 0; --limb) {
    if (x.w[limb] != 0) return limb * 64 + 63 - __builtin_clzll(x.w[limb]);
  }
  return -1;
}

// (hi:lo) / d where hi < d, so the quotient fits 64 bits.
std::uint64_t narrowDiv(std::uint64_t hi, std::uint64_t lo, std::uint64_t d, std::uint64_t& rem) {
#if defined(__x86_64__)
  std::uint64_t q = 0, r = 0;
  __asm__("divq %[d]" : "=a"(q), "=d"(r) : [d] "rm"(d), "a"(lo), "d"(hi) : "cc");
  rem = r;
  return q;
#else
  const uint128 n = (uint128{hi} << 64) | lo;
  rem = lo64(n % d);
  return lo64(n / d);
#endif
}

} // namespace

uint128 divBy64(uint128 n, std::uint64_t d, std::uint64_t& remainder) {
  const std::uint64_t hi = hi64(n);
  const std::uint64_t qHi = hi / d;
  const std::uint64_t qLo = narrowDiv(hi % d, lo64(n), d, remainder);
  return (uint128{qHi} << 64) | qLo;
}

U256 mulWide(uint128 a, uint128 b) {
  const uint128 a0 = lo64(a), a1 = hi64(a), b0 = lo64(b), b1 = hi64(b);
  const uint128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  U256 r;
  r.w[0] = lo64(p00);
  // Each sum below adds at most four 64-bit values: no 128-bit overflow.
  const uint128 mid = uint128{hi64(p00)} + lo64(p01) + lo64(p10);
  r.w[1] = lo64(mid);
  const uint128 upper = uint128{hi64(mid)} + hi64(p01) + hi64(p10) + lo64(p11);
  r.w[2] = lo64(upper);
  r.w[3] = hi64(upper) + hi64(p11); // the full product is < 2^256
  return r;
}

std::uint64_t divSmall(U256& x, std::uint64_t d) {
  std::uint64_t rem = 0;
  for (int limb = 3; limb >= 0; --limb) x.w[limb] = narrowDiv(rem, x.w[limb], d, rem); // rem < d
  return rem;
}

uint128 divWide(U256& x, uint128 d) {
  if (hi64(d) == 0) return divSmall(x, lo64(d));
  // Schoolbook binary long division from the highest set bit.
  U256 q;
  uint128 rem = 0;
  for (int i = highestBit(x); i >= 0; --i) {
    const bool carry = (rem >> 127) != 0; // the shifted remainder is >= 2^128
    rem = (rem << 1) | (bitAt(x, i) ? 1U : 0U);
    if (carry || rem >= d) {
      rem -= d; // modulo 2^128, exact because the true difference is < d
      setBit(q, i);
    }
  }
  x = q;
  return rem;
}

bool fits128(const U256& x) { return x.w[2] == 0 && x.w[3] == 0; }

uint128 low128(const U256& x) { return (uint128{x.w[1]} << 64) | x.w[0]; }

} // namespace loge::num::detail
