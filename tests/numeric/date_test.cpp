// Hand-written tests of the calendar primitives: the examples documented in
// date.h, the range limits, strict parsing, French text, and an exhaustive
// walk of the whole range against a naive day-by-day calendar.
#include "loge/numeric/date.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace loge::num {
namespace {

Date dt(const char* s) {
  auto v = Date::parse(s);
  EXPECT_TRUE(v.has_value()) << s;
  return v.value_or(Date());
}

std::string addMonthsS(const char* d, std::int64_t n, EndOfMonth rule) {
  Date out;
  const Status s = addMonths(dt(d), n, rule, out);
  return s == Status::Ok ? out.toString() : describe(s);
}

TEST(DateBasics, EpochAndLimits) {
  EXPECT_EQ(dt("1970-01-01").days(), 0);
  EXPECT_EQ(dt("1969-12-31").days(), -1);
  EXPECT_EQ(Date::min().toString(), "0001-01-01");
  EXPECT_EQ(Date::max().toString(), "9999-12-31");
  EXPECT_EQ(Date::min().days(), -719162);
  EXPECT_EQ(Date::max().days(), 2932896);
  EXPECT_EQ(Date().toString(), "1970-01-01");
}

TEST(DateBasics, Calendar) {
  EXPECT_TRUE(isLeapYear(2024));
  EXPECT_TRUE(isLeapYear(2000));
  EXPECT_FALSE(isLeapYear(1900));
  EXPECT_FALSE(isLeapYear(2025));
  EXPECT_EQ(daysInMonth(2024, 2), 29);
  EXPECT_EQ(daysInMonth(2100, 2), 28);
  EXPECT_EQ(daysInMonth(2025, 4), 30);
  EXPECT_EQ(daysInMonth(2025, 12), 31);
  EXPECT_EQ(daysInMonth(2025, 13), 0);
  EXPECT_EQ(daysInMonth(2025, 0), 0);
}

TEST(DateBasics, FromYmdValidates) {
  EXPECT_TRUE(Date::fromYmd(2024, 2, 29).has_value());
  EXPECT_FALSE(Date::fromYmd(2025, 2, 29).has_value());
  EXPECT_FALSE(Date::fromYmd(0, 12, 31).has_value());
  EXPECT_FALSE(Date::fromYmd(10000, 1, 1).has_value());
  EXPECT_FALSE(Date::fromYmd(2025, 0, 1).has_value());
  EXPECT_FALSE(Date::fromYmd(2025, 1, 0).has_value());
  EXPECT_FALSE(Date::fromYmd(2025, 4, 31).has_value());
  EXPECT_FALSE(Date::fromYmd(-2025, 4, 1).has_value());
}

TEST(DateParse, StrictIso) {
  EXPECT_EQ(dt("2025-06-30").ymd().day, 30);
  EXPECT_TRUE(Date::parse("2024-02-29").has_value());
  for (const char* s : {"",
                        "2025-6-30",
                        "2025-06-3",
                        "2025-02-30",
                        "2023-02-29",
                        "+2025-06-30",
                        "-2025-06-30",
                        " 2025-06-30",
                        "2025-06-30 ",
                        "2025-06-30T00:00",
                        "0000-01-01",
                        "10000-01-01",
                        "20250630",
                        "2025/06/30",
                        "2025-13-01",
                        "2025-00-01",
                        "2025-01-00",
                        "2025-+6-30",
                        "2025-06-+3",
                        "2025- 6-30",
                        "30/06/2025",
                        "2025-06"}) {
    EXPECT_FALSE(Date::parse(s).has_value()) << '"' << s << '"';
  }
  EXPECT_FALSE(Date::parse(std::string_view("2025-06-3\0", 10)).has_value());
}

TEST(DateParse, FrenchDayMonthYear) {
  EXPECT_EQ(*Date::parseFrench("30/06/2025"), dt("2025-06-30"));
  EXPECT_EQ(*Date::parseFrench("29/02/2024"), dt("2024-02-29"));
  for (const char* s :
       {"", "3/06/2025", "30/6/2025", "30/06/25", "29/02/2023", "31/04/2025", "00/01/2025", "01/13/2025", "30-06-2025",
        "2025-06-30", " 30/06/2025", "30/06/2025 ", "+1/06/2025", "30/06/0000"}) {
    EXPECT_FALSE(Date::parseFrench(s).has_value()) << '"' << s << '"';
  }
}

TEST(DateFormat, French) {
  EXPECT_EQ(dt("2025-01-01").toFrench(), "1er janvier 2025");
  EXPECT_EQ(dt("2025-06-30").toFrench(), "30 juin 2025");
  EXPECT_EQ(dt("2024-02-29").toFrench(), "29 février 2024");
  EXPECT_EQ(dt("2025-08-15").toFrench(), "15 août 2025");
  EXPECT_EQ(dt("9999-12-31").toFrench(), "31 décembre 9999");
  EXPECT_EQ(dt("2025-05-02").toFrench(), "2 mai 2025");
  EXPECT_EQ(dt("0001-01-01").toFrench(), "1er janvier 1");
}

// Every day of the range, compared with a calendar that just counts forward.
TEST(DateExhaustive, MatchesNaiveCalendar) {
  int y = 1, m = 1, day = 1;
  int failures = 0;
  for (std::int32_t n = Date::min().days(); n <= Date::max().days(); ++n) {
    const Date d = Date::fromDays(n);
    const YearMonthDay v = d.ymd();
    if (v.year != y || v.month != m || v.day != day) {
      if (++failures < 10) ADD_FAILURE() << "day " << n << ": " << d.toString();
    }
    const auto back = Date::fromYmd(y, m, day);
    if (!back || *back != d) {
      if (++failures < 10) ADD_FAILURE() << "fromYmd " << y << '-' << m << '-' << day;
    }
    if (++day > daysInMonth(y, m)) {
      day = 1;
      if (++m > 12) {
        m = 1;
        ++y;
      }
    }
  }
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(y, 10000);
}

TEST(DateDurations, DocumentedExamples) {
  EXPECT_EQ(monthsBetween(dt("2025-05-31"), dt("2025-06-30")), 0);
  EXPECT_EQ(monthsBetween(dt("2024-02-29"), dt("2025-02-28")), 11);
  EXPECT_EQ(monthsBetween(dt("2024-02-29"), dt("2025-03-01")), 12);
  EXPECT_EQ(monthsBetween(dt("2025-03-01"), dt("2024-02-29")), -12);
  EXPECT_EQ(monthsBetween(dt("2025-01-15"), dt("2025-01-15")), 0);
  EXPECT_EQ(monthsBetween(dt("0001-01-01"), dt("9999-12-31")), 119987);
  EXPECT_EQ(yearsBetween(dt("2024-02-29"), dt("2025-02-28")), 0);
  EXPECT_EQ(yearsBetween(dt("2024-02-29"), dt("2025-03-01")), 1);
  EXPECT_EQ(yearsBetween(dt("2026-03-01"), dt("2025-01-01")), -1); // -14 months
  EXPECT_EQ(yearsBetween(dt("1990-06-30"), dt("2025-06-29")), 34);
  EXPECT_EQ(daysBetween(dt("2024-02-28"), dt("2024-03-01")), 2);
  EXPECT_EQ(daysBetween(dt("2025-03-01"), dt("2025-02-28")), -1);
  EXPECT_EQ(daysBetween(Date::min(), Date::max()), 3652058);
}

TEST(DateShift, AddDays) {
  Date out = dt("2000-01-01");
  ASSERT_EQ(addDays(dt("2024-02-28"), 1, out), Status::Ok);
  EXPECT_EQ(out.toString(), "2024-02-29");
  ASSERT_EQ(addDays(Date::max(), -3652058, out), Status::Ok);
  EXPECT_EQ(out, Date::min());
  out = dt("2000-01-01");
  EXPECT_EQ(addDays(Date::max(), 1, out), Status::InvalidDate);
  EXPECT_EQ(addDays(Date::min(), -1, out), Status::InvalidDate);
  EXPECT_EQ(addDays(Date::min(), std::numeric_limits<std::int64_t>::min(), out), Status::InvalidDate);
  EXPECT_EQ(addDays(Date::max(), std::numeric_limits<std::int64_t>::max(), out), Status::InvalidDate);
  EXPECT_EQ(out.toString(), "2000-01-01");
}

TEST(DateShift, AddMonthsRules) {
  using E = EndOfMonth;
  EXPECT_EQ(addMonthsS("2024-01-31", 1, E::LastDayOfMonth), "2024-02-29");
  EXPECT_EQ(addMonthsS("2024-01-31", 1, E::FirstOfNextMonth), "2024-03-01");
  EXPECT_EQ(addMonthsS("2024-01-31", 1, E::Error), describe(Status::InvalidDate));
  EXPECT_EQ(addMonthsS("2024-02-29", 12, E::LastDayOfMonth), "2025-02-28");
  EXPECT_EQ(addMonthsS("2024-02-29", 12, E::FirstOfNextMonth), "2025-03-01");
  EXPECT_EQ(addMonthsS("2024-02-29", 48, E::Error), "2028-02-29");
  EXPECT_EQ(addMonthsS("2025-03-31", -1, E::LastDayOfMonth), "2025-02-28");
  EXPECT_EQ(addMonthsS("2025-05-31", 1, E::FirstOfNextMonth), "2025-07-01");
  EXPECT_EQ(addMonthsS("2025-01-15", -13, E::Error), "2023-12-15");
  EXPECT_EQ(addMonthsS("9999-10-31", 1, E::FirstOfNextMonth), "9999-12-01");
  EXPECT_EQ(addMonthsS("9999-12-31", 0, E::Error), "9999-12-31");
}

TEST(DateShift, AddMonthsOutOfRange) {
  Date out = dt("2000-01-01");
  EXPECT_EQ(addMonths(Date::max(), 1, EndOfMonth::LastDayOfMonth, out), Status::InvalidDate);
  EXPECT_EQ(addMonths(Date::min(), -1, EndOfMonth::LastDayOfMonth, out), Status::InvalidDate);
  EXPECT_EQ(addMonths(Date::min(), std::numeric_limits<std::int64_t>::max(), EndOfMonth::LastDayOfMonth, out),
            Status::InvalidDate);
  EXPECT_EQ(addMonths(Date::max(), std::numeric_limits<std::int64_t>::min(), EndOfMonth::LastDayOfMonth, out),
            Status::InvalidDate);
  EXPECT_EQ(out.toString(), "2000-01-01");
  ASSERT_EQ(addMonths(Date::min(), 119987, EndOfMonth::Error, out), Status::Ok);
  EXPECT_EQ(out.toString(), "9999-12-01");
}

TEST(DateShift, NeedsRule) {
  EXPECT_TRUE(addMonthsNeedsRule(dt("2024-01-31"), 1));
  EXPECT_TRUE(addMonthsNeedsRule(dt("2024-02-29"), 12));
  EXPECT_FALSE(addMonthsNeedsRule(dt("2024-02-29"), 48));
  EXPECT_FALSE(addMonthsNeedsRule(dt("2024-01-31"), 2));
  EXPECT_FALSE(addMonthsNeedsRule(dt("2024-01-30"), 0));
  // Out of range: every rule gives InvalidDate, so none is needed.
  EXPECT_FALSE(addMonthsNeedsRule(dt("9999-12-31"), 2));
}

TEST(DatePeriod, StartAndLabel) {
  const Date d = dt("2025-06-30");
  EXPECT_EQ(periodLabel(d, PeriodKind::Year), "2025");
  EXPECT_EQ(periodLabel(d, PeriodKind::Semester), "2025-S1");
  EXPECT_EQ(periodLabel(d, PeriodKind::Quarter), "2025-T2");
  EXPECT_EQ(periodLabel(d, PeriodKind::Month), "2025-06");
  EXPECT_EQ(periodStart(d, PeriodKind::Year).toString(), "2025-01-01");
  EXPECT_EQ(periodStart(d, PeriodKind::Semester).toString(), "2025-01-01");
  EXPECT_EQ(periodStart(d, PeriodKind::Quarter).toString(), "2025-04-01");
  EXPECT_EQ(periodStart(d, PeriodKind::Month).toString(), "2025-06-01");
  const Date e = dt("2025-07-01");
  EXPECT_EQ(periodLabel(e, PeriodKind::Semester), "2025-S2");
  EXPECT_EQ(periodLabel(e, PeriodKind::Quarter), "2025-T3");
  EXPECT_EQ(periodStart(e, PeriodKind::Semester).toString(), "2025-07-01");
  EXPECT_EQ(periodLabel(dt("2025-12-31"), PeriodKind::Quarter), "2025-T4");
  EXPECT_EQ(periodLabel(dt("2025-01-01"), PeriodKind::Quarter), "2025-T1");
  EXPECT_EQ(periodLabel(Date::min(), PeriodKind::Year), "0001");
  EXPECT_EQ(periodLabel(Date::min(), PeriodKind::Semester), "0001-S1");
}

} // namespace
} // namespace loge::num
