// Runtime numeric core: exact fixed-point decimal arithmetic.
//
// A `Decimal` is a rational number with at most 18 fractional digits, stored
// as a signed 128-bit mantissa m meaning m / 10^18. The representable range is
// |x| <= (2^127 - 1) / 10^18, about 1.7 × 10^20, far beyond any amount a
// housing policy handles.
//
// Semantics (documented for jurists in docs/reference/nombres-et-arrondis.md):
//  - addition, subtraction, negation and comparison are exact;
//  - multiplication computes the exact product and rounds it to 18 fractional
//    digits, half to even (exact whenever the operands' fractional digits add
//    up to 18 or fewer, which is always the case for inputs with at most 6
//    digits times policy literals with at most 12);
//  - division computes the exact quotient and rounds it to 18 fractional
//    digits, half to even;
//  - a result whose magnitude exceeds the range is Status::Overflow, a
//    division by zero Status::DivisionByZero: never a wrap.
// Python's `decimal` module, with a context of enough precision followed by
// quantize(Decimal("1e-18"), ROUND_HALF_EVEN), is the oracle for every rule
// above (tests/numeric/oracle/).
#pragma once

#include "loge/numeric/status.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loge::num {

__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;

// The four legal rounding modes of `arrondi(x, pas, mode)`.
enum class RoundingMode : std::uint8_t {
  HalfAwayFromZero, // « au plus proche »: halves away from zero
  HalfEven,         // « au pair »
  Floor,            // « inférieur »: towards minus infinity
  Ceiling,          // « supérieur »: towards plus infinity
};

class Decimal {
public:
  static constexpr int kScale = 18;
  // 10^18, the mantissa of 1.
  static constexpr std::int64_t kOne = 1000000000000000000LL;

  constexpr Decimal() = default;
  static constexpr Decimal fromMantissa(int128 m) {
    Decimal d;
    d.m_ = m;
    return d;
  }
  // Every int64 fits: |n| * 10^18 < 2^127.
  static constexpr Decimal fromInt(std::int64_t n) { return fromMantissa(int128(n) * kOne); }

  constexpr int128 mantissa() const { return m_; }
  constexpr bool isZero() const { return m_ == 0; }
  constexpr bool isNegative() const { return m_ < 0; }
  // True when the value has no fractional part.
  constexpr bool isInteger() const { return m_ % kOne == 0; }

  friend constexpr bool operator==(Decimal a, Decimal b) { return a.m_ == b.m_; }
  friend constexpr auto operator<=>(Decimal a, Decimal b) { return a.m_ <=> b.m_; }

  // Parses a plain decimal literal: optional '-', digits, optional '.' and
  // up to 18 digits ("1650.00", "-0.5", "35"). No exponent, no '+', no
  // spaces, no thousands separators; '_' is not accepted here (the lexer
  // strips it from policy literals). Returns nullopt on any other text or on
  // a value out of range.
  static std::optional<Decimal> parse(std::string_view text);

  // Canonical text: no exponent, no trailing fractional zeros, no '.' for
  // integers ("167", "0.35", "-12.5"). Round-trips through parse().
  std::string toString() const;

  // French formatting for explanations: thousands separated by a narrow
  // no-break space (U+202F), decimal comma, rounded half-even to
  // `maxFractionDigits` and padded with zeros to `minFractionDigits`
  // ("1 234,50"). 0 <= min <= max <= 18.
  std::string toFrench(int minFractionDigits, int maxFractionDigits) const;

private:
  int128 m_ = 0;
};

// Arithmetic primitives. On a non-Ok status `out` is left unchanged.
Status add(Decimal a, Decimal b, Decimal& out);
Status sub(Decimal a, Decimal b, Decimal& out);
Status neg(Decimal a, Decimal& out);
Status mul(Decimal a, Decimal b, Decimal& out);
Status div(Decimal a, Decimal b, Decimal& out);
// Rounds `x` to a multiple of `step` (step > 0, else Status::Domain).
Status roundTo(Decimal x, Decimal step, RoundingMode mode, Decimal& out);
// The integer part, towards zero, when it fits an int64.
Status truncateToInt(Decimal x, std::int64_t& out);

// 64-bit integer (`entier`) primitives with overflow detection.
Status addInt(std::int64_t a, std::int64_t b, std::int64_t& out);
Status subInt(std::int64_t a, std::int64_t b, std::int64_t& out);
Status mulInt(std::int64_t a, std::int64_t b, std::int64_t& out);
Status negInt(std::int64_t a, std::int64_t& out);

} // namespace loge::num
