// Runtime helpers: the numeric core behind a C ABI for generated code.
#include "loge/numeric/date.h"
#include "loge/numeric/decimal.h"
#include "loge/rt/rt.h"

#include <cstring>

using loge::num::Date;
using loge::num::Decimal;
using loge::num::int128;

namespace {
int128 load(const void* p) {
  int128 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
void store(void* p, int128 v) { std::memcpy(p, &v, sizeof v); }
int32_t code(loge::num::Status s) { return static_cast<int32_t>(s); }
} // namespace

extern "C" {

int32_t loge_rt_dec_mul(const void* a, const void* b, void* out) {
  Decimal r;
  auto s = loge::num::mul(Decimal::fromMantissa(load(a)), Decimal::fromMantissa(load(b)), r);
  if (s == loge::num::Status::Ok) store(out, r.mantissa());
  return code(s);
}

int32_t loge_rt_dec_div(const void* a, const void* b, void* out) {
  Decimal r;
  auto s = loge::num::div(Decimal::fromMantissa(load(a)), Decimal::fromMantissa(load(b)), r);
  if (s == loge::num::Status::Ok) store(out, r.mantissa());
  return code(s);
}

int32_t loge_rt_dec_round(const void* x, const void* step, int32_t mode, void* out) {
  Decimal r;
  auto s = loge::num::roundTo(Decimal::fromMantissa(load(x)), Decimal::fromMantissa(load(step)),
                              static_cast<loge::num::RoundingMode>(mode), r);
  if (s == loge::num::Status::Ok) store(out, r.mantissa());
  return code(s);
}

int32_t loge_rt_add_months(int32_t date, int64_t months, int32_t rule, int32_t* out) {
  Date r;
  auto s = loge::num::addMonths(Date::fromDays(date), months, static_cast<loge::num::EndOfMonth>(rule), r);
  if (s == loge::num::Status::Ok) *out = r.days();
  return code(s);
}

int32_t loge_rt_add_days(int32_t date, int64_t days, int32_t* out) {
  Date r;
  auto s = loge::num::addDays(Date::fromDays(date), days, r);
  if (s == loge::num::Status::Ok) *out = r.days();
  return code(s);
}

int64_t loge_rt_months_between(int32_t a, int32_t b) {
  return loge::num::monthsBetween(Date::fromDays(a), Date::fromDays(b));
}

int64_t loge_rt_years_between(int32_t a, int32_t b) {
  return loge::num::yearsBetween(Date::fromDays(a), Date::fromDays(b));
}

int32_t loge_rt_date_part(int32_t date, int32_t part) {
  loge::num::YearMonthDay ymd = Date::fromDays(date).ymd();
  return part == 0 ? ymd.year : part == 1 ? ymd.month : ymd.day;
}

int32_t loge_rt_text_cmp(const char* a, int64_t alen, const char* b, int64_t blen) {
  int64_t n = alen < blen ? alen : blen;
  int c = n > 0 ? std::memcmp(a, b, static_cast<size_t>(n)) : 0;
  if (c != 0) return c < 0 ? -1 : 1;
  return alen < blen ? -1 : alen > blen ? 1 : 0;
}

int64_t loge_rt_text_length(const char* s, int64_t len) {
  int64_t n = 0;
  for (int64_t i = 0; i < len; ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

} // extern "C"
