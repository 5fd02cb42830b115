// Decimal arithmetic: exact add/sub/neg, and mul/div rounded once (half to
// even) from the exact result, as the jurist-facing semantics promise.
#include "decimal_impl.h"
#include "wide_int.h"

#include <limits>

namespace loge::num {
using detail::fromMagnitude;
using detail::kMaxMagnitude;
using detail::magnitude;

namespace {

// Rounds q + r/d (half to even) to a magnitude and stores it with its sign.
Status finishRounded(bool negative, uint128 q, uint128 r, uint128 d, Decimal& out) {
  if (q > kMaxMagnitude) return Status::Overflow;
  if (detail::roundsUp(q, r, d, RoundingMode::HalfEven, negative)) ++q; // q <= 2^127
  return fromMagnitude(negative, q, out);
}

// The largest k <= 18 such that d * 10^k still fits 128 bits: how many
// quotient digits one native division can produce in decimal long division.
int digitsPerStep(uint128 d) {
  const uint128 limit = std::numeric_limits<uint128>::max() / d;
  int k = 0;
  while (k < Decimal::kScale && detail::pow10(k + 1) <= limit) ++k;
  return k;
}

// The 18 first fractional digits of r / d (r < d), by decimal long division
// `chunk` digits at a time; r becomes the final remainder.
uint128 fractionDigits(uint128& r, uint128 d, int chunk) {
  uint128 digits = 0;
  for (int left = Decimal::kScale; left > 0;) {
    const int step = left < chunk ? left : chunk;
    const std::uint64_t p = detail::pow10(step);
    r *= p; // r < d and d * 10^step fits
    digits = digits * p + r / d;
    r %= d;
    left -= step;
  }
  return digits;
}

} // namespace

Status add(Decimal a, Decimal b, Decimal& out) {
  int128 r;
  if (__builtin_add_overflow(a.mantissa(), b.mantissa(), &r)) return Status::Overflow;
  return fromMagnitude(r < 0, magnitude(r), out);
}

Status sub(Decimal a, Decimal b, Decimal& out) {
  int128 r;
  if (__builtin_sub_overflow(a.mantissa(), b.mantissa(), &r)) return Status::Overflow;
  return fromMagnitude(r < 0, magnitude(r), out);
}

Status neg(Decimal a, Decimal& out) { return fromMagnitude(!a.isNegative(), magnitude(a.mantissa()), out); }

namespace {

// x × k for a 64-bit k, or false when the product passes 128 bits (two
// 64 × 64 products: __builtin_mul_overflow widens k to 128 bits and tests
// the general case).
bool mulSmall(uint128 x, std::uint64_t k, uint128& out) {
  const uint128 low = static_cast<uint128>(static_cast<std::uint64_t>(x)) * k;
  const uint128 high = static_cast<uint128>(static_cast<std::uint64_t>(x >> 64)) * k;
  if ((high >> 64) != 0) return false;
  out = low + (high << 64);
  return out >= low; // no carry out of the top half
}

// Whether magnitude u has at most two decimals and is below 2^64 (|x| < 18.45:
// a count, a percentage, 0.5), and then its value in hundredths.
bool shortFactor(uint128 u, std::uint64_t& hundredths) {
  constexpr std::uint64_t kHundredth = detail::pow10(Decimal::kScale - 2);
  if ((u >> 64) != 0) return false;
  const auto low = static_cast<std::uint64_t>(u);
  if (low % kHundredth != 0) return false; // a multiplication by a constant
  hundredths = low / kHundredth;
  return true;
}

} // namespace

Status mul(Decimal a, Decimal b, Decimal& out) {
  const bool negative = a.isNegative() != b.isNegative();
  const uint128 ua = magnitude(a.mantissa());
  const uint128 ub = magnitude(b.mantissa());
  uint128 q = 0;
  uint128 r = 0;
  // Most products of a policy have such a factor (`35 % × ressources`,
  // `0.5 × (adultes − 1)`, `9 m² × n`): the exact product is then
  // hundredths × other / 100, one 128-bit product and one small division
  // instead of the 256-bit product divided by 10^18. When hundredths × other
  // overflows 128 bits the result may still fit: the general path decides.
  std::uint64_t hundredths = 0;
  const bool aShort = shortFactor(ua, hundredths);
  if (aShort || shortFactor(ub, hundredths)) {
    const uint128 other = aShort ? ub : ua;
    uint128 p = 0;
    if (hundredths % 100 == 0) {
      // An integer factor: exact, no rounding (fromMagnitude checks the range).
      if (mulSmall(other, hundredths / 100, p)) return fromMagnitude(negative, p, out);
    } else if (mulSmall(other, hundredths, p)) {
      std::uint64_t rem = 0;
      q = detail::divBy64(p, 100, rem);
      return finishRounded(negative, q, rem, 100, out);
    }
  }
  if ((ua >> 64) == 0 && (ub >> 64) == 0) {
    // Both below 2^64 (|x| < 18.4): the product fits 128 bits.
    const uint128 p = ua * ub;
    std::uint64_t rem = 0;
    q = detail::divBy64(p, detail::kOneU, rem);
    r = rem;
  } else {
    detail::U256 p = detail::mulWide(ua, ub);
    r = detail::divSmall(p, detail::kOneU);
    if (!detail::fits128(p)) return Status::Overflow;
    q = detail::low128(p);
  }
  return finishRounded(negative, q, r, Decimal::kOne, out);
}

Status div(Decimal a, Decimal b, Decimal& out) {
  if (b.isZero()) return Status::DivisionByZero;
  const bool negative = a.isNegative() != b.isNegative();
  const uint128 ua = magnitude(a.mantissa());
  const uint128 ub = magnitude(b.mantissa());
  // The quotient's mantissa is (ua * 10^18) / ub, rounded.
  uint128 q = 0;
  uint128 r = 0;
  if (ua <= std::numeric_limits<uint128>::max() / detail::kOneU) {
    const uint128 n = ua * detail::kOneU; // |a| up to about 340
    q = n / ub;
    r = n % ub;
  } else if (const int chunk = digitsPerStep(ub); chunk > 0) {
    const uint128 whole = ua / ub;
    if (whole > kMaxMagnitude / detail::kOneU) return Status::Overflow;
    r = ua % ub;
    const uint128 frac = fractionDigits(r, ub, chunk);
    q = whole * detail::kOneU + frac;
  } else {
    detail::U256 n = detail::mulWide(ua, detail::kOneU);
    r = detail::divWide(n, ub);
    if (!detail::fits128(n)) return Status::Overflow;
    q = detail::low128(n);
  }
  return finishRounded(negative, q, r, ub, out);
}

Status truncateToInt(Decimal x, std::int64_t& out) {
  const int128 whole = x.mantissa() / Decimal::kOne; // truncates towards zero
  if (whole < std::numeric_limits<std::int64_t>::min() || whole > std::numeric_limits<std::int64_t>::max()) {
    return Status::Overflow;
  }
  out = static_cast<std::int64_t>(whole);
  return Status::Ok;
}

} // namespace loge::num
