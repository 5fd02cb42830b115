// Hand-written tests of the decimal and integer primitives: the documented
// examples, the edges of the range and of the syntax, and cheap properties
// over random values (the bulk comparison against Python is oracle_test).
#include "loge/numeric/decimal.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <string>

namespace loge::num {
namespace {

constexpr int128 kMaxM = static_cast<int128>((uint128{1} << 127) - 1);
constexpr int128 kMinM = -kMaxM - 1; // INT128_MIN: never produced
const Decimal kMax = Decimal::fromMantissa(kMaxM);
const Decimal kUlp = Decimal::fromMantissa(1);
const std::string kNnbsp = "\xE2\x80\xAF";

Decimal d(const char* s) {
  auto v = Decimal::parse(s);
  EXPECT_TRUE(v.has_value()) << s;
  return v.value_or(Decimal());
}

std::string str(Status s, Decimal v) { return s == Status::Ok ? v.toString() : describe(s); }

std::string mulS(const char* a, const char* b) {
  Decimal r;
  return str(mul(d(a), d(b), r), r);
}

std::string divS(const char* a, const char* b) {
  Decimal r;
  return str(div(d(a), d(b), r), r);
}

std::string roundS(const char* x, const char* step, RoundingMode m) {
  Decimal r;
  return str(roundTo(d(x), d(step), m, r), r);
}

TEST(DecimalParse, AcceptsPlainLiterals) {
  EXPECT_EQ(d("1650.00").mantissa(), int128{1650} * Decimal::kOne);
  EXPECT_EQ(d("-0.5").mantissa(), -Decimal::kOne / 2);
  EXPECT_EQ(d("35"), Decimal::fromInt(35));
  EXPECT_EQ(d("007.50").toString(), "7.5");
  EXPECT_EQ(d("0.000000000000000001"), kUlp);
  EXPECT_EQ(d("170141183460469231731.687303715884105727"), kMax);
  EXPECT_EQ(d("-170141183460469231731.687303715884105727").mantissa(), -kMaxM);
}

TEST(DecimalParse, NegativeZeroIsZero) {
  EXPECT_TRUE(d("-0").isZero());
  EXPECT_FALSE(d("-0.000").isNegative());
  EXPECT_EQ(d("-0").toString(), "0");
}

TEST(DecimalParse, RejectsEverythingElse) {
  for (const char* s : {"",
                        "-",
                        " 1",
                        "1 ",
                        "+1",
                        "1.",
                        ".5",
                        "-.5",
                        "1e5",
                        "1E-2",
                        "1,5",
                        "1_000",
                        "--1",
                        "0x1F",
                        "1.2.3",
                        "1 000",
                        "NaN",
                        "inf",
                        "0.0000000000000000001",
                        "1.0000000000000000000",
                        "170141183460469231731.687303715884105728",
                        "-170141183460469231731.687303715884105728",
                        "170141183460469231732",
                        "99999999999999999999999999999999999999999999999999"}) {
    EXPECT_FALSE(Decimal::parse(s).has_value()) << '"' << s << '"';
  }
  EXPECT_FALSE(Decimal::parse(std::string_view("1\0", 2)).has_value());
}

TEST(DecimalFormat, CanonicalText) {
  EXPECT_EQ(Decimal::fromInt(167).toString(), "167");
  EXPECT_EQ(d("0.350").toString(), "0.35");
  EXPECT_EQ(d("-12.50").toString(), "-12.5");
  EXPECT_EQ(Decimal().toString(), "0");
  EXPECT_EQ(kUlp.toString(), "0.000000000000000001");
  EXPECT_EQ(kMax.toString(), "170141183460469231731.687303715884105727");
  EXPECT_EQ(Decimal::fromInt(std::numeric_limits<std::int64_t>::min()).toString(), "-9223372036854775808");
  // Never produced by the primitives, but must still print sanely.
  EXPECT_EQ(Decimal::fromMantissa(kMinM).toString(), "-170141183460469231731.687303715884105728");
}

TEST(DecimalFormat, RoundTripsRandomValues) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    const int128 m = static_cast<int128>((uint128{rng()} << 64 | rng()) >> (rng() % 127 + 1));
    const Decimal v = Decimal::fromMantissa(i % 2 ? -m : m);
    auto back = Decimal::parse(v.toString());
    ASSERT_TRUE(back.has_value()) << v.toString();
    EXPECT_EQ(*back, v);
  }
}

TEST(DecimalFormat, French) {
  EXPECT_EQ(d("1234.5").toFrench(2, 2), "1" + kNnbsp + "234,50");
  EXPECT_EQ(d("1234567.891").toFrench(0, 3), "1" + kNnbsp + "234" + kNnbsp + "567,891");
  EXPECT_EQ(d("-1234.5").toFrench(0, 2), "-1" + kNnbsp + "234,5");
  EXPECT_EQ(d("999").toFrench(0, 2), "999");
  EXPECT_EQ(d("999.995").toFrench(0, 2), "1" + kNnbsp + "000");
  EXPECT_EQ(d("0").toFrench(2, 2), "0,00");
  EXPECT_EQ(d("0.35").toFrench(0, 18), "0,35");
  EXPECT_EQ(d("1650").toFrench(0, 0), "1" + kNnbsp + "650");
  // Halves away from zero at the last kept digit (« au plus proche »).
  EXPECT_EQ(d("0.125").toFrench(2, 2), "0,13");
  EXPECT_EQ(d("0.135").toFrench(2, 2), "0,14");
  EXPECT_EQ(d("12.345").toFrench(2, 2), "12,35");
  EXPECT_EQ(d("2.5").toFrench(0, 0), "3");
  EXPECT_EQ(d("-3.5").toFrench(0, 0), "-4");
  EXPECT_EQ(d("-0.005").toFrench(2, 2), "-0,01");
  EXPECT_EQ(d("0.124999").toFrench(2, 2), "0,12");
  // A negative value that rounds to zero prints without a sign.
  EXPECT_EQ(d("-0.004").toFrench(2, 2), "0,00");
  // Out-of-contract arguments are clamped.
  EXPECT_EQ(d("1.25").toFrench(5, 1), "1,3");
  EXPECT_EQ(d("1.25").toFrench(-3, 40), "1,25");
}

TEST(DecimalArith, AddSubAreExact) {
  Decimal r;
  ASSERT_EQ(add(d("0.1"), d("0.2"), r), Status::Ok);
  EXPECT_EQ(r, d("0.3"));
  ASSERT_EQ(sub(d("1650"), d("1650.000000000000000001"), r), Status::Ok);
  EXPECT_EQ(r.toString(), "-0.000000000000000001");
}

TEST(DecimalArith, AddSubOverflowLeavesOutputUnchanged) {
  Decimal r = d("42");
  EXPECT_EQ(add(kMax, kUlp, r), Status::Overflow);
  EXPECT_EQ(sub(Decimal::fromMantissa(-kMaxM), kUlp, r), Status::Overflow); // would be INT128_MIN
  EXPECT_EQ(add(Decimal::fromMantissa(-kMaxM), Decimal::fromMantissa(-1), r), Status::Overflow);
  EXPECT_EQ(sub(kMax, Decimal::fromMantissa(-1), r), Status::Overflow);
  EXPECT_EQ(r, d("42"));
  ASSERT_EQ(add(kMax, Decimal::fromMantissa(-kMaxM), r), Status::Ok);
  EXPECT_TRUE(r.isZero());
}

TEST(DecimalArith, Neg) {
  Decimal r;
  ASSERT_EQ(neg(kMax, r), Status::Ok);
  EXPECT_EQ(r.mantissa(), -kMaxM);
  EXPECT_EQ(neg(Decimal::fromMantissa(kMinM), r), Status::Overflow);
}

TEST(DecimalArith, MulRoundsHalfEven) {
  EXPECT_EQ(mulS("1485.714285", "0.35"), "519.99999975");
  EXPECT_EQ(mulS("0.000000000000000001", "0.5"), "0");                      // 0.5 ulp -> 0
  EXPECT_EQ(mulS("0.000000000000000003", "0.5"), "0.000000000000000002");   // 1.5 -> 2
  EXPECT_EQ(mulS("0.000000000000000005", "0.5"), "0.000000000000000002");   // 2.5 -> 2
  EXPECT_EQ(mulS("-0.000000000000000003", "0.5"), "-0.000000000000000002"); // -1.5 -> -2
  EXPECT_EQ(mulS("0.000000000000000001", "0.51"), "0.000000000000000001");  // above half
  EXPECT_EQ(mulS("0.333333333333333333", "3"), "0.999999999999999999");
  EXPECT_EQ(mulS("-2", "-3.5"), "7");
}

TEST(DecimalArith, MulOverflow) {
  Decimal r = d("7");
  EXPECT_EQ(mul(d("10000000000"), d("100000000000"), r), Status::Overflow);
  EXPECT_EQ(mul(kMax, d("1.000000000000000001"), r), Status::Overflow);
  EXPECT_EQ(mul(kMax, kMax, r), Status::Overflow);
  EXPECT_EQ(mul(Decimal::fromMantissa(kMinM), d("1"), r), Status::Overflow);
  EXPECT_EQ(r, d("7"));
  ASSERT_EQ(mul(kMax, d("-1"), r), Status::Ok);
  EXPECT_EQ(r.mantissa(), -kMaxM);
  ASSERT_EQ(mul(kMax, kUlp, r), Status::Ok); // tiny times huge: the wide path
  EXPECT_EQ(r.toString(), "170.141183460469231732");
  // These mantissas multiply to exactly 10^18 × (2^127 - 1/2): the result is
  // a tie that rounds (half to even) onto 2^127, past the limit, either sign.
  const Decimal a = Decimal::fromMantissa(int128{Decimal::kOne / 2} * 65535);
  uint128 bm = 0;
  for (int i = 0; i < 8; ++i) bm |= uint128{1} << (16 * i);
  const Decimal b = Decimal::fromMantissa(static_cast<int128>(bm));
  EXPECT_EQ(mul(a, b, r), Status::Overflow);
  ASSERT_EQ(neg(b, r), Status::Ok);
  EXPECT_EQ(mul(a, r, r), Status::Overflow);
}

TEST(DecimalArith, Div) {
  EXPECT_EQ(divS("1", "3"), "0.333333333333333333");
  EXPECT_EQ(divS("2", "3"), "0.666666666666666667");
  EXPECT_EQ(divS("-2", "3"), "-0.666666666666666667");
  EXPECT_EQ(divS("1650", "12"), "137.5");
  EXPECT_EQ(divS("0.000000000000000001", "2"), "0");                    // tie -> even
  EXPECT_EQ(divS("0.000000000000000003", "2"), "0.000000000000000002"); // tie -> even
  EXPECT_EQ(divS("1", "170141183460469231731.687303715884105727"), "0");
  EXPECT_EQ(divS("170141183460469231731.687303715884105727", "170141183460469231731.687303715884105727"), "1");
  EXPECT_EQ(divS("100000000000000000000", "30000000000000000000"), "3.333333333333333333");
  EXPECT_EQ(divS("123456789.123456789", "0.000000001"), "123456789123456789");
}

TEST(DecimalArith, DivErrors) {
  Decimal r = d("9");
  EXPECT_EQ(div(d("1"), Decimal(), r), Status::DivisionByZero);
  EXPECT_EQ(div(Decimal(), Decimal(), r), Status::DivisionByZero);
  EXPECT_EQ(div(kMax, d("0.5"), r), Status::Overflow);
  EXPECT_EQ(div(d("1000"), kUlp, r), Status::Overflow);
  EXPECT_EQ(r, d("9"));
}

TEST(DecimalArith, RandomIdentities) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 20000; ++i) {
    const int128 m = static_cast<int128>((uint128{rng()} << 64 | rng()) >> (rng() % 127 + 1));
    const Decimal x = Decimal::fromMantissa(i % 3 ? m : -m);
    Decimal r;
    ASSERT_EQ(mul(x, Decimal::fromInt(1), r), Status::Ok);
    EXPECT_EQ(r, x);
    ASSERT_EQ(div(x, Decimal::fromInt(1), r), Status::Ok);
    EXPECT_EQ(r, x);
    ASSERT_EQ(div(x, x.isZero() ? Decimal::fromInt(1) : x, r), Status::Ok);
    EXPECT_EQ(r, x.isZero() ? x : Decimal::fromInt(1));
    ASSERT_EQ(roundTo(x, kUlp, RoundingMode::HalfEven, r), Status::Ok);
    EXPECT_EQ(r, x);
  }
}

// The primitives never produce the mantissa -2^127, but a Decimal built from
// it must still be handled without undefined behaviour (run under UBSan).
TEST(DecimalArith, NeverProducedMinimumIsHandledSafely) {
  const Decimal m = Decimal::fromMantissa(kMinM);
  Decimal r;
  ASSERT_EQ(div(m, m, r), Status::Ok);
  EXPECT_EQ(r, Decimal::fromInt(1));
  EXPECT_EQ(div(m, d("-1"), r), Status::Overflow);
  EXPECT_EQ(add(m, Decimal(), r), Status::Overflow);
  ASSERT_EQ(add(m, kUlp, r), Status::Ok);
  EXPECT_EQ(r.mantissa(), -kMaxM);
  ASSERT_EQ(roundTo(m, d("1"), RoundingMode::Ceiling, r), Status::Ok);
  EXPECT_EQ(r.toString(), "-170141183460469231731");
  std::int64_t n = 0;
  EXPECT_EQ(truncateToInt(m, n), Status::Overflow);
  EXPECT_FALSE(m.isInteger());
  EXPECT_EQ(m.toFrench(0, 0), "-170" + kNnbsp + "141" + kNnbsp + "183" + kNnbsp + "460" + kNnbsp + "469" + kNnbsp +
                                  "231" + kNnbsp + "732");
}

TEST(DecimalRound, FourModesOnHalves) {
  using M = RoundingMode;
  EXPECT_EQ(roundS("2.5", "1", M::HalfAwayFromZero), "3");
  EXPECT_EQ(roundS("2.5", "1", M::HalfEven), "2");
  EXPECT_EQ(roundS("2.5", "1", M::Floor), "2");
  EXPECT_EQ(roundS("2.5", "1", M::Ceiling), "3");
  EXPECT_EQ(roundS("-2.5", "1", M::HalfAwayFromZero), "-3");
  EXPECT_EQ(roundS("-2.5", "1", M::HalfEven), "-2");
  EXPECT_EQ(roundS("-2.5", "1", M::Floor), "-3");
  EXPECT_EQ(roundS("-2.5", "1", M::Ceiling), "-2");
  EXPECT_EQ(roundS("3.5", "1", M::HalfEven), "4");
  EXPECT_EQ(roundS("1234.567", "0.05", M::HalfAwayFromZero), "1234.55");
  EXPECT_EQ(roundS("1234.575", "0.05", M::HalfEven), "1234.6"); // 24691.5 -> 24692
  EXPECT_EQ(roundS("1234.525", "0.05", M::HalfEven), "1234.5"); // 24690.5 -> 24690
  EXPECT_EQ(roundS("1234.567", "0.05", M::Ceiling), "1234.6");
  EXPECT_EQ(roundS("-0.001", "0.01", M::Ceiling), "0");
  EXPECT_EQ(roundS("17", "5", M::Floor), "15");
  EXPECT_EQ(roundS("10", "0.333333333333333333", M::HalfEven), "9.99999999999999999");
}

TEST(DecimalRound, DomainAndOverflow) {
  Decimal r = d("5");
  EXPECT_EQ(roundTo(d("1"), Decimal(), RoundingMode::HalfEven, r), Status::Domain);
  EXPECT_EQ(roundTo(d("1"), d("-0.01"), RoundingMode::HalfEven, r), Status::Domain);
  EXPECT_EQ(roundTo(kMax, d("1"), RoundingMode::Ceiling, r), Status::Overflow);
  EXPECT_EQ(roundTo(Decimal::fromMantissa(-kMaxM), d("1"), RoundingMode::Floor, r), Status::Overflow);
  EXPECT_EQ(r, d("5"));
  ASSERT_EQ(roundTo(kMax, d("1"), RoundingMode::Floor, r), Status::Ok);
  EXPECT_EQ(r.toString(), "170141183460469231731");
  ASSERT_EQ(roundTo(d("3"), kMax, RoundingMode::HalfEven, r), Status::Ok);
  EXPECT_TRUE(r.isZero());
}

TEST(DecimalTruncate, TowardsZeroWithinInt64) {
  std::int64_t n = 0;
  ASSERT_EQ(truncateToInt(d("12.9"), n), Status::Ok);
  EXPECT_EQ(n, 12);
  ASSERT_EQ(truncateToInt(d("-12.9"), n), Status::Ok);
  EXPECT_EQ(n, -12);
  ASSERT_EQ(truncateToInt(d("9223372036854775807.999999999999999999"), n), Status::Ok);
  EXPECT_EQ(n, std::numeric_limits<std::int64_t>::max());
  ASSERT_EQ(truncateToInt(d("-9223372036854775808.999999999999999999"), n), Status::Ok);
  EXPECT_EQ(n, std::numeric_limits<std::int64_t>::min());
  n = 3;
  EXPECT_EQ(truncateToInt(d("9223372036854775808"), n), Status::Overflow);
  EXPECT_EQ(truncateToInt(d("-9223372036854775809"), n), Status::Overflow);
  EXPECT_EQ(n, 3);
}

TEST(IntOps, OverflowIsReportedNotWrapped) {
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  constexpr auto kMaxI = std::numeric_limits<std::int64_t>::max();
  std::int64_t r = 17;
  EXPECT_EQ(addInt(kMaxI, 1, r), Status::Overflow);
  EXPECT_EQ(subInt(kMin, 1, r), Status::Overflow);
  EXPECT_EQ(mulInt(kMin, -1, r), Status::Overflow);
  EXPECT_EQ(mulInt(3037000500, 3037000500, r), Status::Overflow);
  EXPECT_EQ(negInt(kMin, r), Status::Overflow);
  EXPECT_EQ(r, 17);
  ASSERT_EQ(mulInt(3037000499, 3037000499, r), Status::Ok);
  EXPECT_EQ(r, 9223372030926249001);
  ASSERT_EQ(negInt(kMaxI, r), Status::Ok);
  EXPECT_EQ(r, kMin + 1);
  ASSERT_EQ(addInt(kMin, kMaxI, r), Status::Ok);
  EXPECT_EQ(r, -1);
  ASSERT_EQ(subInt(-1, kMaxI, r), Status::Ok);
  EXPECT_EQ(r, kMin);
}

TEST(Status, FrenchDescriptions) {
  EXPECT_STREQ(describe(Status::Overflow), "dépassement de capacité");
  EXPECT_STREQ(describe(Status::DivisionByZero), "division par zéro");
  EXPECT_STREQ(describe(Status::InvalidDate), "date invalide ou hors de l'intervalle 0001-01-01 – 9999-12-31");
  EXPECT_STREQ(describe(Status::Domain), "argument hors du domaine");
}

TEST(DecimalBasics, Predicates) {
  EXPECT_TRUE(d("3").isInteger());
  EXPECT_FALSE(d("3.1").isInteger());
  EXPECT_TRUE(d("-3").isInteger());
  EXPECT_TRUE(d("-0.1") < Decimal());
  EXPECT_EQ(Decimal::fromInt(-2), d("-2.000"));
}

} // namespace
} // namespace loge::num
