// Runtime helpers: parameter values at a date, and barème lookups.
#include "loge/rt/params.h"

#include <algorithm>
#include <cstring>

namespace {
const loge_rt_params::Version* versionAt(const loge_rt_params::Param& p, std::int32_t date) {
  const loge_rt_params::Version* found = nullptr;
  for (const auto& v : p.versions) {
    if (date < v.from) break;
    found = &v;
  }
  if (found && found->to < date) return nullptr;
  return found;
}

__int128 keyNumber(const std::uint8_t* slot, loge_rt_params::KeyKind kind) {
  switch (kind) {
  case loge_rt_params::KeyKind::IntRange: {
    std::int64_t v;
    std::memcpy(&v, slot, sizeof v);
    return v;
  }
  case loge_rt_params::KeyKind::BandDate: {
    std::int32_t v;
    std::memcpy(&v, slot, sizeof v);
    return v;
  }
  default: {
    __int128 v;
    std::memcpy(&v, slot, sizeof v);
    return v;
  }
  }
}

bool rowMatches(const loge_rt_params::RowKey& r, loge_rt_params::KeyKind kind, const std::uint8_t* slot) {
  switch (kind) {
  case loge_rt_params::KeyKind::Enum: {
    std::uint32_t v;
    std::memcpy(&v, slot, sizeof v);
    return r.enumValue == v;
  }
  case loge_rt_params::KeyKind::Text: {
    const char* p;
    std::int64_t n;
    std::memcpy(&p, slot, sizeof p);
    std::memcpy(&n, slot + 8, sizeof n);
    return static_cast<std::int64_t>(r.text.size()) == n &&
           (n == 0 || std::memcmp(r.text.data(), p, static_cast<size_t>(n)) == 0);
  }
  default: {
    __int128 k = keyNumber(slot, kind);
    bool geFrom = !r.hasFrom || k >= r.from;
    bool leTo = !r.hasTo || (r.toInclusive ? k <= r.to : k < r.to);
    return geFrom && leTo;
  }
  }
}
} // namespace

extern "C" {

const std::uint8_t* loge_rt_param(const loge_rt_params* params, std::int32_t index, std::int32_t date,
                                  std::int32_t* status) {
  const loge_rt_params::Version* v = versionAt(params->params[static_cast<std::size_t>(index)], date);
  if (!v) {
    *status = 4;
    return nullptr;
  }
  *status = 0;
  return v->scalar.data();
}

const std::uint8_t* loge_rt_table(const loge_rt_params* params, std::int32_t index, std::int32_t date, const void* keys,
                                  std::int32_t* status) {
  const loge_rt_params::Param& p = params->params[static_cast<std::size_t>(index)];
  const loge_rt_params::Version* v = versionAt(p, date);
  *status = 4;
  if (!v) return nullptr;
  const auto* slots = static_cast<const std::uint8_t*>(keys);
  std::size_t row = v->rows.size();
  for (std::size_t r = 0; r < v->rows.size() && row == v->rows.size(); ++r)
    if (rowMatches(v->rows[r], p.key1, slots)) row = r;
  if (row == v->rows.size()) {
    if (p.key1 == loge_rt_params::KeyKind::Text) *status = 0; // absent
    return nullptr;
  }
  std::size_t col = 0;
  std::size_t columns = v->columns.empty() ? 1 : v->columns.size();
  if (p.keyCount == 2) {
    std::int64_t want;
    if (p.key2 == loge_rt_params::KeyKind::Enum) {
      std::uint32_t e;
      std::memcpy(&e, slots + 16, sizeof e);
      want = e;
    } else {
      std::memcpy(&want, slots + 16, sizeof want);
    }
    col = columns;
    for (std::size_t c = 0; c < v->columns.size(); ++c)
      if (v->columns[c] == want) col = c;
    if (col == columns) return nullptr;
  }
  std::size_t cell = row * columns + col;
  if (!v->present[cell]) return nullptr;
  *status = 0;
  return v->cells.data() + cell * v->cellSize;
}

} // extern "C"

namespace loge::rt {

void denseTables(const loge_rt_params& params, std::int32_t date, std::vector<const std::uint8_t*>& values,
                 DenseTables& storage) {
  constexpr __int128 kMaxKeys = 4096;
  for (std::size_t i = 0; i < params.params.size() && i < values.size(); ++i) {
    const loge_rt_params::Param& p = params.params[i];
    if (!p.isTable || p.keyCount != 1 || p.key1 != loge_rt_params::KeyKind::IntRange) continue;
    const loge_rt_params::Version* v = versionAt(p, date);
    if (!v || v->rows.empty()) continue;
    // The keys of the bounded rows; keys outside (an open row, `7 et plus`)
    // are left to loge_rt_table.
    __int128 lo = 0, hi = -1;
    bool any = false;
    for (const auto& r : v->rows) {
      if (!r.hasFrom || !r.hasTo) continue;
      __int128 last = r.toInclusive ? r.to : r.to - 1;
      if (last < r.from) continue;
      lo = any ? std::min(lo, r.from) : r.from;
      hi = any ? std::max(hi, last) : last;
      any = true;
    }
    if (!any || hi - lo >= kMaxKeys || lo < INT64_MIN / 2 || hi > INT64_MAX / 2) continue;
    std::vector<const std::uint8_t*>& cells = storage.cells.emplace_back(static_cast<std::size_t>(hi - lo + 1));
    for (__int128 k = lo; k <= hi; ++k) {
      std::uint8_t slot[16] = {};
      auto key = static_cast<std::int64_t>(k);
      std::memcpy(slot, &key, sizeof key);
      // The first row that matches, as loge_rt_table decides.
      for (std::size_t r = 0; r < v->rows.size(); ++r) {
        if (!rowMatches(v->rows[r], p.key1, slot)) continue;
        if (v->present[r]) cells[static_cast<std::size_t>(k - lo)] = v->cells.data() + r * v->cellSize;
        break;
      }
    }
    loge_rt_dense_table& t = storage.tables.emplace_back();
    t.lo = static_cast<std::int64_t>(lo);
    t.count = static_cast<std::int64_t>(hi - lo + 1);
    t.cells = cells.data();
    values[i] = reinterpret_cast<const std::uint8_t*>(&t);
  }
}

} // namespace loge::rt
