// The compiled engine resolves the parameters in force at an evaluation
// date once and keeps the last few dates' (engine.cpp, DateParams): an
// engine evaluating at many dates, in any order, from several threads, must
// read each date's own values. The interpreter resolves them at every read
// and is the reference.
#include "compile_snippet.h"
#include "loge/interp/interp.h"
#include "loge/jit/jit.h"

#include <gtest/gtest.h>

#include <thread>

namespace {

using namespace loge;

const char* kPolicy = R"(politique "paramètres datés"
schéma { demande : Demande }
structure Demande { n : entier }

paramètre taux "Points par unité" : points
  depuis 2020-01-01 : 1 point
  depuis 2021-01-01 : 2 points
  depuis 2022-07-01 : 3 points
  depuis 2023-01-01 : 5 points
  depuis 2024-02-29 : 7 points
  depuis 2025-01-01 : 11 points

paramètre grille "Points selon n" : barème (n : 1..4) → points
  depuis 2020-01-01 :
    n | points
    1 | 100 points
    2 | 200 points
    3 | 300 points
    4 | 400 points
  depuis 2023-01-01 :
    n | points
    1 | 1_000 points
    2 | 2_000 points
    3 | 3_000 points
    4 | 4_000 points

cotation c {
  critère unites = taux × demande.n
  critère grille = grille[demande.n]
}
)";

num::Date ymd(int y, int m, int d) { return *num::Date::fromYmd(y, m, d); }

class ParameterDates : public ::testing::Test {
protected:
  void SetUp() override {
    compiled = loge::testing::compileSource(kPolicy);
    ASSERT_TRUE(compiled->program) << compiled->rendered();
    std::string why;
    engine = jit::Engine::create(*compiled->program, why);
    ASSERT_TRUE(engine) << why;
    const ir::Program& p = *compiled->program;
    std::uint32_t demandeType = p.schema.roles[static_cast<int>(ir::Role::Demande)]->index;
    for (std::int64_t n = 1; n <= 4; ++n) {
      interp::Record* r = arena.record(demandeType, 1);
      r->fields[0] = interp::Value::integer(n);
      records.push_back(interp::Value::record(r));
    }
    flat = engine->flatten(records, demandeType);
  }

  // Totals of the four demandes at `date`, by the compiled engine.
  std::vector<std::string> compiledTotals(num::Date date) const {
    std::vector<std::uint8_t> out, failed;
    engine->evaluate(flat, nullptr, date, out, failed);
    std::vector<std::string> totals;
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (failed[i]) return {"échec"};
      totals.push_back(engine->decode(out.data() + i * engine->outSize(), false).cotations.at(0).total.toString());
    }
    return totals;
  }
  std::vector<std::string> interpretedTotals(num::Date date) const {
    interp::Interpreter interp(*compiled->program);
    std::vector<std::string> totals;
    for (const interp::Value& r : records) {
      interp::Inputs in;
      in.date = date;
      in.roles[static_cast<int>(ir::Role::Demande)] = r;
      totals.push_back(interp.evaluate(in).cotations.at(0).total.toString());
    }
    return totals;
  }

  std::unique_ptr<loge::testing::Compiled> compiled;
  std::unique_ptr<jit::Engine> engine;
  interp::Arena arena;
  std::vector<interp::Value> records;
  jit::FlatRecords flat;
};

// More dates than the engine keeps, each the day before or of a change,
// visited forwards, backwards, then interleaved.
std::vector<num::Date> visits() {
  std::vector<num::Date> dates = {ymd(2020, 1, 1),  ymd(2020, 12, 31), ymd(2021, 1, 1), ymd(2022, 6, 30),
                                  ymd(2022, 7, 1),  ymd(2022, 12, 31), ymd(2023, 1, 1), ymd(2024, 2, 28),
                                  ymd(2024, 2, 29), ymd(2024, 12, 31), ymd(2025, 1, 1), ymd(2026, 11, 30)};
  std::vector<num::Date> order = dates;
  order.insert(order.end(), dates.rbegin(), dates.rend());
  for (std::size_t i = 0; i < dates.size(); ++i) order.push_back(dates[(i * 5) % dates.size()]);
  return order;
}

TEST_F(ParameterDates, EachDateReadsItsOwnValues) {
  // A spot check against figures written by hand, then every visit
  // against the interpreter.
  EXPECT_EQ(compiledTotals(ymd(2022, 6, 30)), (std::vector<std::string>{"102", "204", "306", "408"}));
  EXPECT_EQ(compiledTotals(ymd(2024, 2, 29)), (std::vector<std::string>{"1007", "2014", "3021", "4028"}));
  for (num::Date d : visits()) EXPECT_EQ(compiledTotals(d), interpretedTotals(d)) << d.toString();
}

TEST_F(ParameterDates, ThreadsAtDifferentDates) {
  const std::vector<num::Date> order = visits();
  std::vector<std::vector<std::string>> expected;
  for (num::Date d : order) expected.push_back(interpretedTotals(d));
  constexpr int kThreads = 4, kRounds = 20;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round)
        for (std::size_t k = 0; k < order.size(); ++k) {
          std::size_t i = (k + static_cast<std::size_t>(t) * 7) % order.size();
          if (compiledTotals(order[i]) != expected[i]) ++mismatches[t];
        }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

} // namespace
