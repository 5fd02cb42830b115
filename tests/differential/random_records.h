// Differential test support: seeded random input records for any schema.
//
// A RecordGenerator draws records of any structure of a checked program
// (demandes, logements, candidatures) directly as interp::Values, within the
// bounds the schema declares (`au moins`, intervals, list minimum lengths),
// so every record is one that input validation (compiler/ingest) accepts.
// Roughly 30 % of the scalars are boundary values: the declared bounds and
// their neighbours, 0/1/6/7, and the thresholds the policy itself uses
// (numbers, dates and texts harvested from its expressions, parameters and
// barèmes), plus or minus a step. Dates favour month ends, 29 February and
// the evaluation dates plus or minus a few days or an exact number of years;
// decimals come in several shapes (whole euros, cents, up to 6 fractional
// digits, rare 18-digit values), occasionally huge (to provoke overflow) and
// negative where the bounds allow.
//
// Generation is a pure function of the std::mt19937_64 passed in: the same
// seed gives the same record, on every platform (no std::*_distribution,
// whose output is implementation-defined).
#pragma once

#include "loge/interp/value.h"
#include "loge/ir/program.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace loge::difftest {

// Values a demande is likely to sit on: every constant of the policy.
struct Harvest {
  std::vector<std::int64_t> ints;
  std::vector<num::int128> decimals; // mantissas (scale 10^18)
  std::vector<std::int32_t> dates;   // days since 1970-01-01
  std::vector<std::string> texts;
};

// Collects the constants of every expression, parameter value, barème row
// key and cell of the program (deduplicated, sorted).
Harvest harvest(const ir::Program& program);

struct GeneratorOptions {
  // The evaluation dates of the run: dates near them are favoured.
  std::vector<num::Date> anchors;
  double boundaryRate = 0.30; // share of scalars drawn from boundary values
  double absentRate = 0.20;   // share of optional fields left absent
  double hugeRate = 0.02;     // share of numbers drawn huge (overflow)
  std::size_t maxListLength = 6;
  int maxDepth = 8; // nested structures beyond this: optionals absent, lists minimal
};

class RecordGenerator {
public:
  RecordGenerator(const ir::Program& program, Harvest harvest, GeneratorOptions options);

  // A record of structure `structIndex` (a Tag::Record value).
  interp::Value record(std::uint32_t structIndex, std::mt19937_64& rng, interp::Arena& arena) const;

  // A value of type `t`; `field` (may be null) carries the declared bounds.
  interp::Value value(const ir::Type* t, const ir::FieldDecl* field, std::mt19937_64& rng, interp::Arena& arena,
                      int depth) const;

  const Harvest& harvested() const { return harvest_; }
  const GeneratorOptions& options() const { return options_; }

private:
  std::int64_t integer(const ir::FieldDecl* field, std::mt19937_64& rng) const;
  num::int128 decimal(const ir::Type* t, const ir::FieldDecl* field, std::mt19937_64& rng) const;
  std::int32_t date(const ir::FieldDecl* field, std::mt19937_64& rng) const;
  const std::string& text(std::mt19937_64& rng) const;
  interp::Value structure(std::uint32_t index, std::mt19937_64& rng, interp::Arena& arena, int depth) const;

  const ir::Program& program_;
  Harvest harvest_;
  GeneratorOptions options_;
  std::vector<std::string> texts_; // the fixed pool and the harvested texts
};

// splitmix64 over the pair: independent, reproducible sub-seeds (per policy,
// per demande, per batch).
std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b);
// A stable 64-bit hash of a string (FNV-1a), for per-policy seeds.
std::uint64_t hashName(const std::string& s);

// Uniform integer in [lo, hi] (inclusive), portable.
std::int64_t uniform(std::mt19937_64& rng, std::int64_t lo, std::int64_t hi);
// True with probability p.
bool chance(std::mt19937_64& rng, double p);

// The record as one JSON line, in the format `loge run --demandes` reads.
std::string toJson(const ir::Program& program, const interp::Value& record);

} // namespace loge::difftest
