// Decimal to text: the canonical form (round-trips through parse, used in
// data files and diagnostics) and the French form used in explanations.
#include "decimal_impl.h"

#include <algorithm>

namespace loge::num {

namespace {

// U+202F NARROW NO-BREAK SPACE, the French thousands separator.
constexpr std::string_view kThinSpace = "\xE2\x80\xAF";

std::string digitsOf(uint128 v) {
  std::string s;
  do {
    s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  std::reverse(s.begin(), s.end());
  return s;
}

// `v` written with exactly `width` digits (leading zeros kept).
std::string paddedDigits(std::uint64_t v, int width) {
  std::string s(static_cast<std::size_t>(width), '0');
  for (int i = width - 1; i >= 0; --i) {
    s[static_cast<std::size_t>(i)] = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  }
  return s;
}

std::string groupThousands(const std::string& digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i != 0 && (n - i) % 3 == 0) out += kThinSpace;
    out.push_back(digits[i]);
  }
  return out;
}

} // namespace

std::string Decimal::toString() const {
  const uint128 mag = detail::magnitude(m_);
  std::string s = m_ < 0 ? "-" : "";
  s += digitsOf(mag / detail::kOneU);
  const auto frac = static_cast<std::uint64_t>(mag % detail::kOneU);
  if (frac != 0) {
    std::string f = paddedDigits(frac, kScale);
    f.erase(f.find_last_not_of('0') + 1);
    s += '.';
    s += f;
  }
  return s;
}

std::string Decimal::toFrench(int minFractionDigits, int maxFractionDigits) const {
  // Out-of-contract arguments are clamped rather than trusted.
  const int maxDigits = std::clamp(maxFractionDigits, 0, kScale);
  const int minDigits = std::clamp(minFractionDigits, 0, maxDigits);

  const bool negative = m_ < 0;
  const uint128 mag = detail::magnitude(m_);
  const std::uint64_t unit = detail::pow10(kScale - maxDigits);
  uint128 kept = mag / unit; // the value in units of 10^-maxDigits
  // Half away from zero, « au plus proche », as one rounds a figure by hand
  // and as administrative texts round to the cent: 12,345 € shows 12,35 €.
  if (detail::roundsUp(kept, mag % unit, unit, RoundingMode::HalfAwayFromZero, negative)) ++kept;

  const std::uint64_t fracUnit = detail::pow10(maxDigits);
  std::string frac = paddedDigits(static_cast<std::uint64_t>(kept % fracUnit), maxDigits);
  while (static_cast<int>(frac.size()) > minDigits && frac.back() == '0') frac.pop_back();

  // A value that rounds to zero loses its sign: "-0,00" would mislead.
  std::string s = negative && kept != 0 ? "-" : "";
  s += groupThousands(digitsOf(kept / fracUnit));
  if (!frac.empty()) {
    s += ',';
    s += frac;
  }
  return s;
}

} // namespace loge::num
