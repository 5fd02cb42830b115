// The compiled engine's calendar: mois_entre and ans_entre are generated as
// IR with their own day-to-date conversion (codegen/src/lower_dates.cpp),
// not the numeric core's. They must agree with the core (itself checked
// against Python's datetime by tests/oracle) on every pair of dates: month
// ends, leap days, century years, both directions, the ends of the range.
#include "compile_snippet.h"
#include "loge/ingest/ingest.h"
#include "loge/jit/jit.h"
#include "loge/numeric/date.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>

namespace {

using namespace loge;
namespace fs = std::filesystem;

const char* kPolicy = R"(politique "dates"
schéma { demande : Demande }
structure Demande { d : date }
cotation c {
  critère avant = mois_entre(demande.d, date_évaluation) × 1 point
  critère apres = mois_entre(date_évaluation, demande.d) × 1 point
  critère ans = ans_entre(demande.d, date_évaluation) × 1 point
}
)";

num::Date ymd(int y, int m, int d) { return *num::Date::fromYmd(y, m, d); }

// Every day of a window around each calendar hazard, the ends of the
// range, and random days over it.
std::vector<num::Date> demandeDates() {
  std::vector<num::Date> dates;
  auto window = [&](num::Date from, int days) {
    for (int i = 0; i < days; ++i) {
      std::int64_t d = std::int64_t{from.days()} + i;
      if (d >= num::Date::min().days() && d <= num::Date::max().days())
        dates.push_back(num::Date::fromDays(static_cast<std::int32_t>(d)));
    }
  };
  window(ymd(1999, 12, 1), 500); // 2000: a leap century year
  window(ymd(1900, 1, 25), 70);  // 1900: not a leap year
  window(ymd(2100, 1, 25), 70);
  window(ymd(2023, 12, 20), 100); // 2024-02-29
  window(num::Date::min(), 120);
  window(ymd(9999, 10, 1), 92);
  std::mt19937_64 rng(20261130);
  std::uniform_int_distribution<std::int32_t> any(num::Date::min().days(), num::Date::max().days());
  for (int i = 0; i < 1500; ++i) dates.push_back(num::Date::fromDays(any(rng)));
  return dates;
}

class JitDates : public ::testing::Test {
protected:
  void SetUp() override {
    compiled = loge::testing::compileSource(kPolicy);
    ASSERT_TRUE(compiled->program) << compiled->rendered();
    std::string why;
    engine = jit::Engine::create(*compiled->program, why);
    ASSERT_TRUE(engine) << why;
    dates = demandeDates();
    path = fs::temp_directory_path() / ("loge-jit-dates-" + std::to_string(getpid()) + ".jsonl");
    std::ofstream out(path);
    for (num::Date d : dates) out << "{\"d\": \"" << d.toString() << "\"}\n";
  }
  void TearDown() override { fs::remove(path); }

  std::unique_ptr<loge::testing::Compiled> compiled;
  std::unique_ptr<jit::Engine> engine;
  std::vector<num::Date> dates;
  fs::path path;
};

TEST_F(JitDates, MonthsAndYearsBetweenAgreeWithTheNumericCore) {
  const ir::Program& p = *compiled->program;
  interp::Arena arena;
  ingest::Dataset data;
  std::vector<ingest::IngestError> errors;
  ASSERT_TRUE(ingest::readJsonLines(p, p.schema.roles[static_cast<int>(ir::Role::Demande)]->index, path.string(), arena,
                                    data, errors));
  ASSERT_EQ(data.records.size(), dates.size());
  jit::FlatRecords flat = engine->flatten(data.records, p.schema.roles[static_cast<int>(ir::Role::Demande)]->index);
  const num::Date evaluationDates[] = {num::Date::min(), ymd(1, 3, 1),     ymd(1900, 2, 28), ymd(1900, 3, 1),
                                       ymd(2000, 2, 29), ymd(2000, 3, 31), ymd(2024, 2, 29), ymd(2025, 1, 31),
                                       ymd(2025, 6, 30), ymd(2100, 2, 28), ymd(9999, 2, 28), num::Date::max()};
  std::size_t compared = 0;
  for (num::Date at : evaluationDates) {
    std::vector<std::uint8_t> out, failed;
    engine->evaluate(flat, nullptr, at, out, failed);
    ASSERT_EQ(failed.size(), dates.size());
    for (std::size_t i = 0; i < dates.size(); ++i) {
      ASSERT_EQ(failed[i], 0) << dates[i].toString() << " at " << at.toString();
      interp::DemandeResult r = engine->decode(out.data() + i * engine->outSize(), false);
      const auto& criteria = r.cotations.at(0).criteria;
      const std::string where = dates[i].toString() + " / " + at.toString();
      EXPECT_EQ(criteria.at(0).brut, num::Decimal::fromInt(num::monthsBetween(dates[i], at))) << where;
      EXPECT_EQ(criteria.at(1).brut, num::Decimal::fromInt(num::monthsBetween(at, dates[i]))) << where;
      EXPECT_EQ(criteria.at(2).brut, num::Decimal::fromInt(num::yearsBetween(dates[i], at))) << where;
      ++compared;
    }
  }
  EXPECT_EQ(compared, dates.size() * std::size(evaluationDates));
}

} // namespace
