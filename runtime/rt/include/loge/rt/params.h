// Runtime helpers: the parameter set behind `loge_rt_params`.
//
// Every parameter's dated values, already in the flat layout, so generated
// code reads a value in force at a date with one call, and a barème cell
// with one lookup. Built by the host (the JIT from the checked program; an
// AOT artifact from its embedded data); read-only afterwards, so one set is
// shared by all threads.
#pragma once

#include "loge/rt/rt.h"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

struct loge_rt_params {
  enum class KeyKind : std::uint8_t {
    Enum,
    IntRange,
    Band,
    Text,
    BandDate
  };

  // A row key: an interval [from, to] (or [from, to) when !toInclusive),
  // open ends flagged; an enum index; or a text.
  struct RowKey {
    bool hasFrom = false, hasTo = false, toInclusive = true;
    __int128 from = 0, to = 0;
    std::uint32_t enumValue = 0;
    std::string text;
  };

  struct Version {
    std::int32_t from = 0;
    std::int32_t to = INT32_MAX;      // inclusive
    std::vector<std::uint8_t> scalar; // flat value (scalar parameters)
    std::vector<RowKey> rows;
    std::vector<std::int64_t> columns; // second key: enum index or integer
    std::uint32_t cellSize = 0;
    std::vector<std::uint8_t> cells;   // rows × max(1, columns) cells of cellSize bytes
    std::vector<std::uint8_t> present; // 0 for an unpublished cell (`—`)
  };

  struct Param {
    bool isTable = false;
    std::uint32_t keyCount = 0;
    KeyKind key1 = KeyKind::IntRange, key2 = KeyKind::Enum;
    std::vector<Version> versions; // chronological
  };

  std::vector<Param> params;
  // Texts, lists and records referenced by flat values live here.
  std::deque<std::vector<std::uint8_t>> storage;
  std::deque<std::string> texts;
};

// A barème with one integer key, at one date, as a direct index: cells[k -
// lo], for lo ≤ k < lo + count, is the cell loge_rt_table returns for key k,
// or null where it returns none (generated code then calls it, for its
// error). Generated code finds it in the context's paramValues.
struct loge_rt_dense_table {
  std::int64_t lo = 0;
  std::int64_t count = 0;
  const std::uint8_t* const* cells = nullptr;
};

namespace loge::rt {

struct DenseTables {
  std::deque<loge_rt_dense_table> tables;
  std::deque<std::vector<const std::uint8_t*>> cells;
};

// For each barème of `params` with one integer key whose bounded rows at
// `date` span at most 4 096 keys, points values[i] at its direct index, kept
// in `storage`. A batch does it once; a lookup is then a subtraction and a
// load.
void denseTables(const loge_rt_params& params, std::int32_t date, std::vector<const std::uint8_t*>& values,
                 DenseTables& storage);

} // namespace loge::rt
