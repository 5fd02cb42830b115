// Differential test support: seeded random input records (see the header).
#include "random_records.h"

#include "loge/interp/interp.h"

#include <algorithm>
#include <limits>
#include <set>

namespace loge::difftest {

namespace {

using num::int128;
constexpr std::int64_t kOne = num::Decimal::kOne;
// The décimal range of the numeric core: |mantissa| <= 2^127 - 1.
constexpr int128 kMaxMantissa = static_cast<int128>((static_cast<num::uint128>(1) << 127) - 1);

int128 pow10(int n) {
  int128 v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

template <typename T> const T& pick(std::mt19937_64& rng, const std::vector<T>& v) {
  return v[static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(v.size()) - 1))];
}

// ---------------------------------------------------------------- harvest

struct Collector {
  std::set<std::int64_t> ints;
  std::set<int128> decimals;
  std::set<std::int32_t> dates;
  std::set<std::string> texts;

  void constant(const ir::Constant& c) {
    using K = ir::Constant::Kind;
    switch (c.kind) {
    case K::Int:
    case K::Duration:
      ints.insert(c.asInt());
      decimals.insert(c.number * kOne);
      break;
    case K::Decimal:
      decimals.insert(c.number);
      if (c.number % kOne == 0 && c.number / kOne <= std::numeric_limits<std::int64_t>::max() &&
          c.number / kOne >= std::numeric_limits<std::int64_t>::min())
        ints.insert(static_cast<std::int64_t>(c.number / kOne));
      break;
    case K::Date: dates.insert(static_cast<std::int32_t>(c.number)); break;
    case K::Text: texts.insert(c.text); break;
    case K::List:
    case K::Tuple:
      for (const auto& item : c.items) constant(item);
      break;
    default: break;
    }
  }

  void expr(const ir::Expr* e) {
    if (!e) return;
    if (e->op == ir::Op::Const) constant(e->constant);
    expr(e->a.get());
    expr(e->b.get());
    expr(e->c.get());
    for (const auto& a : e->args) expr(a.get());
    for (const auto& piece : e->parts) expr(piece.value.get());
  }
};

// ---------------------------------------------------------------- bounds

struct IntBounds {
  std::int64_t lo = std::numeric_limits<std::int64_t>::min();
  std::int64_t hi = std::numeric_limits<std::int64_t>::max();
};

std::int64_t clampToInt64(int128 v) {
  if (v > std::numeric_limits<std::int64_t>::max()) return std::numeric_limits<std::int64_t>::max();
  if (v < std::numeric_limits<std::int64_t>::min()) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(v);
}

// Floor and ceiling of a mantissa, in whole units.
int128 floorUnits(int128 m) { return m >= 0 ? m / kOne : -((-m + kOne - 1) / kOne); }
int128 ceilUnits(int128 m) { return -floorUnits(-m); }

IntBounds intBounds(const ir::FieldDecl* f) {
  IntBounds b;
  if (!f) return b;
  using K = ir::Constant::Kind;
  if (f->lower) {
    if (f->lower->kind == K::Int || f->lower->kind == K::Duration) b.lo = f->lower->asInt();
    if (f->lower->kind == K::Decimal) b.lo = clampToInt64(ceilUnits(f->lower->number));
  }
  if (f->upper) {
    if (f->upper->kind == K::Int || f->upper->kind == K::Duration) b.hi = f->upper->asInt();
    if (f->upper->kind == K::Decimal) b.hi = clampToInt64(floorUnits(f->upper->number));
  }
  return b;
}

struct DecimalBounds {
  int128 lo = -kMaxMantissa;
  int128 hi = kMaxMantissa;
};

DecimalBounds decimalBounds(const ir::FieldDecl* f) {
  DecimalBounds b;
  if (!f) return b;
  using K = ir::Constant::Kind;
  auto mantissa = [](const ir::Constant& c, int128 fallback) {
    if (c.kind == K::Int || c.kind == K::Duration) return c.number * kOne;
    if (c.kind == K::Decimal) return c.number;
    return fallback;
  };
  if (f->lower) b.lo = mantissa(*f->lower, b.lo);
  if (f->upper) b.hi = mantissa(*f->upper, b.hi);
  return b;
}

// The typical magnitude, in whole units, of a décimal of this unit.
std::int64_t typicalScale(ir::Unit u) {
  switch (u) {
  case ir::Unit::EuroPerYear: return 80000;
  case ir::Unit::EuroPerMonth: return 6000;
  case ir::Unit::Euro: return 100000;
  case ir::Unit::SquareMetre: return 150;
  case ir::Unit::Points: return 500;
  case ir::Unit::None: return 3;
  }
  return 1000;
}

num::Date ymdOrClamp(int y, int m, int d) {
  y = std::clamp(y, 1, 9999);
  m = std::clamp(m, 1, 12);
  int last = num::daysInMonth(y, m);
  return *num::Date::fromYmd(y, m, std::clamp(d, 1, last));
}

} // namespace

// ---------------------------------------------------------------- utilities

std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b) {
  auto splitmix = [](std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
  };
  return splitmix(a ^ splitmix(b));
}

std::uint64_t hashName(const std::string& s) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001B3ULL;
  }
  return h;
}

std::int64_t uniform(std::mt19937_64& rng, std::int64_t lo, std::int64_t hi) {
  if (hi <= lo) return lo;
  std::uint64_t range = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  if (range == std::numeric_limits<std::uint64_t>::max()) return static_cast<std::int64_t>(rng());
  std::uint64_t n = range + 1;
  std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
  std::uint64_t x;
  do {
    x = rng();
  } while (x >= limit);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + x % n);
}

bool chance(std::mt19937_64& rng, double p) {
  return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0) < p;
}

Harvest harvest(const ir::Program& p) {
  Collector c;
  for (const auto& d : p.definitions) c.expr(d.body.get());
  for (const auto& cot : p.cotations) {
    for (const auto& cr : cot.criteria) {
      c.expr(cr.value.get());
      c.expr(cr.condition.get());
    }
    for (const auto& r : cot.rubriques) {
      c.expr(r.floor.get());
      c.expr(r.ceiling.get());
    }
    c.expr(cot.floor.get());
    c.expr(cot.ceiling.get());
  }
  for (const auto& b : p.ruleBlocks)
    for (const auto& r : b.rules) {
      c.expr(r.requirement.get());
      for (const auto& piece : r.motif) c.expr(piece.value.get());
      for (const auto& x : r.exceptions) c.expr(x.condition.get());
    }
  for (const auto& q : p.quotas) {
    c.expr(q.anchor.get());
    for (const auto& s : q.scopeValues) c.expr(s.get());
    c.expr(q.population.get());
    c.expr(q.target.get());
    c.expr(q.qualifying.get());
  }
  for (const auto& cl : p.classements) {
    c.expr(cl.pool.get());
    for (const auto& k : cl.order) c.expr(k.key.get());
    c.expr(cl.retain.get());
    for (const auto& d : cl.dont) {
      c.expr(d.count.get());
      c.expr(d.condition.get());
      c.expr(d.when.get());
    }
  }
  for (const auto& t : p.tests) {
    c.expr(t.demande.get());
    c.expr(t.logement.get());
    c.expr(t.candidature.get());
  }
  for (const auto& param : p.parameters)
    for (const auto& v : param.values) {
      c.constant(v.value);
      for (const auto& rk : v.table.rowKeys) {
        if (rk.from) c.constant(*rk.from);
        if (rk.to) c.constant(*rk.to);
        if (!rk.text.empty()) c.texts.insert(rk.text);
      }
      for (const auto& row : v.table.cells)
        for (const auto& cell : row)
          if (cell) c.constant(*cell);
      c.dates.insert(v.from.days());
      if (v.to) c.dates.insert(v.to->days());
    }
  if (p.vigueurFrom != num::Date::min()) c.dates.insert(p.vigueurFrom.days());
  if (p.vigueurTo) c.dates.insert(p.vigueurTo->days());
  Harvest h;
  h.ints.assign(c.ints.begin(), c.ints.end());
  h.decimals.assign(c.decimals.begin(), c.decimals.end());
  h.dates.assign(c.dates.begin(), c.dates.end());
  h.texts.assign(c.texts.begin(), c.texts.end());
  return h;
}

// ---------------------------------------------------------------- generator

RecordGenerator::RecordGenerator(const ir::Program& program, Harvest harvest, GeneratorOptions options)
    : program_(program), harvest_(std::move(harvest)), options_(std::move(options)) {
  texts_ = {"",
            "38185",
            "38421",
            "38151",
            "75056",
            "A",
            "D1",
            "é",
            "Élodie Müller",
            "etat",
            "commune",
            "action_logement",
            "bailleur",
            "L",
            "ÿ",
            "a\"b\\c",
            "ligne\nsuite",
            "日本語",
            "z",
            "ZZ",
            "a\tb"}; // a tab: the one control character, with line breaks, that texts may hold
  for (const auto& t : harvest_.texts)
    if (std::find(texts_.begin(), texts_.end(), t) == texts_.end()) texts_.push_back(t);
  if (options_.anchors.empty()) options_.anchors.push_back(*num::Date::fromYmd(2025, 6, 30));
}

interp::Value RecordGenerator::record(std::uint32_t structIndex, std::mt19937_64& rng, interp::Arena& arena) const {
  return structure(structIndex, rng, arena, 0);
}

interp::Value RecordGenerator::structure(std::uint32_t index, std::mt19937_64& rng, interp::Arena& arena,
                                         int depth) const {
  const ir::StructDecl& s = program_.structs[index];
  interp::Record* r = arena.record(index, s.fields.size());
  for (std::size_t f = 0; f < s.fields.size(); ++f)
    r->fields[f] = value(s.fields[f].type, &s.fields[f], rng, arena, depth + 1);
  return interp::Value::record(r);
}

std::int64_t RecordGenerator::integer(const ir::FieldDecl* field, std::mt19937_64& rng) const {
  IntBounds b = intBounds(field);
  std::int64_t v = 0;
  double r = static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
  if (r < options_.boundaryRate) {
    std::vector<std::int64_t> candidates{0, 1, -1, 2, 6, 7};
    if (b.lo != std::numeric_limits<std::int64_t>::min()) {
      candidates.push_back(b.lo);
      candidates.push_back(b.lo + 1);
    }
    if (b.hi != std::numeric_limits<std::int64_t>::max()) {
      candidates.push_back(b.hi);
      candidates.push_back(b.hi - 1);
    }
    if (!harvest_.ints.empty() && chance(rng, 0.6)) {
      std::int64_t h = pick(rng, harvest_.ints);
      std::int64_t delta = uniform(rng, -1, 1);
      candidates = {(delta > 0 && h == std::numeric_limits<std::int64_t>::max()) ||
                            (delta < 0 && h == std::numeric_limits<std::int64_t>::min())
                        ? h
                        : h + delta};
    }
    v = pick(rng, candidates);
  } else if (r < options_.boundaryRate + options_.hugeRate) {
    static const std::vector<std::int64_t> huge{std::numeric_limits<std::int64_t>::max(),
                                                std::numeric_limits<std::int64_t>::max() - 1,
                                                std::numeric_limits<std::int64_t>::min(),
                                                std::numeric_limits<std::int64_t>::min() + 1,
                                                std::int64_t{1} << 31,
                                                std::int64_t{1} << 32,
                                                std::int64_t{1} << 53,
                                                std::int64_t{1} << 62,
                                                3037000500LL, // its square overflows
                                                1000000000000LL,
                                                1000000000000000000LL,
                                                -1000000000000LL};
    v = pick(rng, huge);
  } else {
    std::int64_t shape = uniform(rng, 0, 99);
    if (shape < 45)
      v = uniform(rng, 0, 7);
    else if (shape < 75)
      v = uniform(rng, 0, 120);
    else if (shape < 90)
      v = uniform(rng, 0, 10000);
    else
      v = uniform(rng, 1990, 2030);
    if (b.lo < 0 && chance(rng, 0.1)) v = -v;
  }
  return std::clamp(v, b.lo, b.hi);
}

num::int128 RecordGenerator::decimal(const ir::Type* t, const ir::FieldDecl* field, std::mt19937_64& rng) const {
  DecimalBounds b = decimalBounds(field);
  const std::int64_t scale = typicalScale(t->unit);
  int128 v = 0;
  double r = static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
  if (r < options_.boundaryRate) {
    std::int64_t kind = uniform(rng, 0, 5);
    if (kind <= 2 && !harvest_.decimals.empty()) {
      // A threshold of the policy, on it or one step away.
      int128 h = pick(rng, harvest_.decimals);
      static const std::vector<int128> steps{0, 0, 1000000000000LL /* 1e-6 */, 10000000000000000LL /* 0.01 */, kOne};
      int128 step = pick(rng, steps);
      std::int64_t dir = uniform(rng, -1, 1);
      v = h + step * dir;
      if (kind == 2 && chance(rng, 0.5)) v = h * 12;                                 // monthly ↔ yearly
      if (kind == 2 && chance(rng, 0.3)) v = h / 12 / 1000000000000 * 1000000000000; // truncated to 6 digits
    } else if (kind == 3) {
      std::vector<int128> candidates{0, kOne, -kOne, 10000000000000000LL, 1000000000000LL, 100 * int128(kOne)};
      if (b.lo != -kMaxMantissa) {
        candidates.push_back(b.lo);
        candidates.push_back(b.lo + 10000000000000000LL);
        candidates.push_back(b.lo + 1000000000000LL);
      }
      if (b.hi != kMaxMantissa) {
        candidates.push_back(b.hi);
        candidates.push_back(b.hi - 10000000000000000LL);
      }
      v = pick(rng, candidates);
    } else {
      // A multiple of 100 units, a round figure a grid would use.
      v = int128(uniform(rng, 0, std::max<std::int64_t>(scale / 100, 1) + 1)) * 100 * kOne;
    }
  } else if (r < options_.boundaryRate + options_.hugeRate) {
    std::int64_t kind = uniform(rng, 0, 3);
    if (kind == 0)
      v = kMaxMantissa - uniform(rng, 0, 1000);
    else if (kind == 1)
      v = pow10(static_cast<int>(uniform(rng, 12, 20))) * kOne;
    else if (kind == 2)
      v = (kMaxMantissa / 2) + uniform(rng, 0, 1000);
    else
      v = pow10(static_cast<int>(uniform(rng, 9, 19))) * kOne + uniform(rng, 0, kOne - 1);
    if (b.lo < 0 && chance(rng, 0.3)) v = -v;
  } else {
    std::int64_t shape = uniform(rng, 0, 99);
    if (shape < 10) {
      v = 0;
    } else if (shape < 45) {
      v = int128(uniform(rng, 0, scale)) * kOne; // whole units
    } else if (shape < 70) {
      v = int128(uniform(rng, 0, scale * 100)) * 10000000000000000LL; // cents
    } else if (shape < 93) {
      int digits = static_cast<int>(uniform(rng, 1, 6));
      v = int128(uniform(rng, 0, scale * static_cast<std::int64_t>(pow10(digits)))) * pow10(18 - digits);
    } else if (shape < 98) {
      v = int128(uniform(rng, 0, scale)) * kOne + uniform(rng, 0, kOne - 1); // 18 fractional digits
    } else {
      v = int128(uniform(rng, 0, 1000)) * 1000 * kOne; // larger round amounts
    }
    if (b.lo < 0 && chance(rng, 0.1)) v = -v;
  }
  if (v > kMaxMantissa) v = kMaxMantissa;
  if (v < -kMaxMantissa) v = -kMaxMantissa;
  return std::clamp(v, b.lo, b.hi);
}

std::int32_t RecordGenerator::date(const ir::FieldDecl* field, std::mt19937_64& rng) const {
  static const std::int32_t kFrom = num::Date::fromYmd(1990, 1, 1)->days();
  static const std::int32_t kTo = num::Date::fromYmd(2030, 12, 31)->days();
  std::int32_t lo = num::Date::min().days(), hi = num::Date::max().days();
  if (field && field->lower && field->lower->kind == ir::Constant::Kind::Date)
    lo = static_cast<std::int32_t>(field->lower->number);
  if (field && field->upper && field->upper->kind == ir::Constant::Kind::Date)
    hi = static_cast<std::int32_t>(field->upper->number);
  std::int32_t v = 0;
  if (chance(rng, options_.hugeRate)) {
    // The ends of the calendar: any date arithmetic may overflow.
    static const std::vector<std::int32_t> extremes{num::Date::min().days(), num::Date::min().days() + 30,
                                                    num::Date::max().days(), num::Date::max().days() - 30};
    v = pick(rng, extremes);
  } else if (chance(rng, options_.boundaryRate + 0.1)) {
    num::YearMonthDay a = pick(rng, options_.anchors).ymd();
    std::int64_t kind = uniform(rng, 0, 7);
    switch (kind) {
    case 0: { // a month end
      int y = static_cast<int>(uniform(rng, 1990, 2030)), m = static_cast<int>(uniform(rng, 1, 12));
      v = ymdOrClamp(y, m, 31).days();
      break;
    }
    case 1: { // 29 February
      int y = static_cast<int>(uniform(rng, 0, 9)) * 4 + 1992;
      v = num::Date::fromYmd(y, 2, 29)->days();
      break;
    }
    case 2: { // the first of a month
      v = ymdOrClamp(static_cast<int>(uniform(rng, 1990, 2030)), static_cast<int>(uniform(rng, 1, 12)), 1).days();
      break;
    }
    case 3: // the evaluation date, give or take a few days
      v = ymdOrClamp(a.year, a.month, a.day).days() + static_cast<std::int32_t>(uniform(rng, -3, 3));
      break;
    case 4: { // an anniversary: exactly n years before, give or take a day
      static const std::vector<int> years{1, 2, 3, 5, 10, 18, 25, 28, 30, 55, 60, 65, 75};
      v = ymdOrClamp(a.year - pick(rng, years), a.month, a.day).days() + static_cast<std::int32_t>(uniform(rng, -1, 1));
      break;
    }
    case 5: { // exactly n months before, give or take a day
      static const std::vector<int> months{1, 3, 6, 11, 12, 13, 24, 36, 119, 120, 121};
      int total = a.year * 12 + (a.month - 1) - pick(rng, months);
      v = ymdOrClamp(total / 12, total % 12 + 1, a.day).days() + static_cast<std::int32_t>(uniform(rng, -1, 1));
      break;
    }
    case 6:
      if (!harvest_.dates.empty()) {
        v = pick(rng, harvest_.dates) + static_cast<std::int32_t>(uniform(rng, -1, 1));
        break;
      }
      [[fallthrough]];
    default: v = static_cast<std::int32_t>(uniform(rng, kFrom, kTo)); break;
    }
  } else {
    v = static_cast<std::int32_t>(uniform(rng, kFrom, kTo));
  }
  return std::clamp(v, lo, hi);
}

const std::string& RecordGenerator::text(std::mt19937_64& rng) const { return pick(rng, texts_); }

interp::Value RecordGenerator::value(const ir::Type* t, const ir::FieldDecl* field, std::mt19937_64& rng,
                                     interp::Arena& arena, int depth) const {
  using interp::Value;
  switch (t->kind) {
  case ir::TypeKind::Optional:
    if (depth > options_.maxDepth || chance(rng, options_.absentRate)) return Value::absent();
    return value(t->element, field, rng, arena, depth);
  case ir::TypeKind::Bool: return Value::boolean(chance(rng, 0.5));
  case ir::TypeKind::Int: return Value::integer(integer(field, rng));
  case ir::TypeKind::Duration: return Value::duration(integer(field, rng));
  case ir::TypeKind::Decimal: return Value::decimal(num::Decimal::fromMantissa(decimal(t, field, rng)));
  case ir::TypeKind::Date: return Value::dateValue(num::Date::fromDays(date(field, rng)));
  case ir::TypeKind::Text: return Value::textValue(arena.text(text(rng)));
  case ir::TypeKind::Enum: {
    const auto& values = program_.enums[t->index].values;
    return Value::enumValue(static_cast<std::uint32_t>(uniform(rng, 0, static_cast<std::int64_t>(values.size()) - 1)));
  }
  case ir::TypeKind::List: {
    std::int64_t lo = 0, hi = static_cast<std::int64_t>(options_.maxListLength);
    if (field && field->lower && field->lower->kind == ir::Constant::Kind::Int)
      lo = std::max<std::int64_t>(0, field->lower->asInt());
    if (field && field->lower && field->lower->kind == ir::Constant::Kind::Decimal)
      lo = std::max<std::int64_t>(0, static_cast<std::int64_t>(ceilUnits(field->lower->number)));
    hi = std::max(hi, lo);
    if (field && field->upper && field->upper->kind == ir::Constant::Kind::Int)
      hi = std::min(hi, field->upper->asInt());
    if (depth > options_.maxDepth) hi = lo;
    std::int64_t n =
        chance(rng, options_.boundaryRate) ? (chance(rng, 0.5) ? lo : std::min(lo + 1, hi)) : uniform(rng, lo, hi);
    interp::List* l = arena.list();
    for (std::int64_t i = 0; i < n; ++i) l->items.push_back(value(t->element, nullptr, rng, arena, depth + 1));
    return Value::list(l);
  }
  case ir::TypeKind::Struct: return structure(t->index, rng, arena, depth);
  default: return Value::absent();
  }
}

std::string toJson(const ir::Program& p, const interp::Value& record) {
  if (record.isAbsent()) return "null";
  const ir::StructDecl& s = p.structs[record.rec->structIndex];
  std::string out = "{";
  for (std::size_t i = 0; i < s.fields.size(); ++i) {
    // Field names are plain snake_case identifiers: no escaping needed.
    out += (i ? ", \"" : "\"") + s.fields[i].name +
           "\": " + interp::formatJson(p, s.fields[i].type, record.rec->fields[i]);
  }
  return out + "}";
}

} // namespace loge::difftest
