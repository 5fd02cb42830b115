// Decimal::parse: the strict literal syntax shared by policy literals (after
// the lexer strips '_') and data files, so both read numbers identically.
#include "decimal_impl.h"

namespace loge::num {

namespace {

constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }

} // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;

  // Integer part: at least one digit; stop accumulating once it is certainly
  // out of range so arbitrarily long inputs cannot overflow.
  constexpr uint128 kMaxWhole = detail::kMaxMagnitude / detail::kOneU;
  const std::size_t wholeStart = i;
  uint128 whole = 0;
  bool tooBig = false;
  for (; i < text.size() && isDigit(text[i]); ++i) {
    if (!tooBig) whole = whole * 10 + static_cast<unsigned>(text[i] - '0');
    if (whole > kMaxWhole) tooBig = true;
  }
  if (i == wholeStart) return std::nullopt;

  // Optional fraction: '.' followed by 1 to 18 digits.
  std::uint64_t frac = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t fracStart = i;
    for (; i < text.size() && isDigit(text[i]); ++i) {
      if (i - fracStart >= static_cast<std::size_t>(kScale)) return std::nullopt;
      frac = frac * 10 + static_cast<unsigned>(text[i] - '0');
    }
    const std::size_t fracDigits = i - fracStart;
    if (fracDigits == 0) return std::nullopt;
    frac *= detail::pow10(kScale - static_cast<int>(fracDigits));
  }
  if (i != text.size() || tooBig) return std::nullopt;

  const uint128 mag = whole * detail::kOneU + frac; // whole <= kMaxWhole: no wrap
  Decimal out;
  if (detail::fromMagnitude(negative, mag, out) != Status::Ok) return std::nullopt;
  return out;
}

} // namespace loge::num
