// Runtime helpers: running an ahead-of-time artifact (loge/rt/aot.h).
#include "loge/rt/aot.h"

#include "loge/numeric/date.h"
#include "loge/numeric/decimal.h"
#include "loge/rt/params_blob.h"
#include "loge/rt/rt.h"

#include <cstring>
#include <new>
#include <string>
#include <vector>

// The generated code's view of the evaluation context (codegen::JitCtx).
struct LogeAotCtx {
  std::int32_t error = 0;
  std::int32_t reserved = 0;
  const void* params = nullptr;
  const std::uint8_t* const* paramValues = nullptr;
};

struct loge_aot_policy {
  loge_aot_artifact artifact{};
  std::unique_ptr<loge_rt_params> params;
  std::vector<std::uint8_t> emptyCandidature;
};

extern "C" {

loge_aot_policy* loge_aot_open(const loge_aot_artifact* artifact, const char** why) {
  static const char* const kNull = "artefact nul";
  static const char* const kVersion = "artefact compilé pour une autre version du runtime Loge (LOGE_AOT_ABI_VERSION)";
  static const char* const kParams =
      "paramètres de l'artefact illisibles (fichier tronqué ou d'une autre version de Loge)";
  static const char* const kMemory = "mémoire insuffisante";
  if (!artifact || !artifact->batch) {
    if (why) *why = kNull;
    return nullptr;
  }
  if (artifact->abi_version != LOGE_AOT_ABI_VERSION) {
    if (why) *why = kVersion;
    return nullptr;
  }
  try {
    auto policy = std::make_unique<loge_aot_policy>();
    policy->artifact = *artifact;
    std::string message;
    policy->params = loge::rt::loadParams(artifact->params_blob, artifact->params_blob_size, message);
    if (!policy->params) {
      if (why) *why = kParams;
      return nullptr;
    }
    policy->emptyCandidature.assign(artifact->candidature_size + 16, 0);
    return policy.release();
  } catch (const std::bad_alloc&) {
    if (why) *why = kMemory;
    return nullptr;
  }
}

void loge_aot_close(loge_aot_policy* policy) { delete policy; }

int64_t loge_aot_evaluate(const loge_aot_policy* policy, const void* demandes, int64_t stride, int64_t count,
                          const void* logement, const void* candidature, int32_t date, void* outs, int64_t out_stride,
                          uint8_t* errors) {
  if (!policy || count < 0 || (count > 0 && (!demandes || !outs || !errors)) || stride <= 0 ||
      stride < static_cast<int64_t>(policy->artifact.demande_size) ||
      out_stride < static_cast<int64_t>(policy->artifact.out_size))
    return -1;
  // A day outside 0001-01-01 … 9999-12-31 is no date of the language.
  if (date < loge::num::Date::min().days() || date > loge::num::Date::max().days()) return -1;
  if (count == 0) return 0;
  // Scalar parameters in force at the date, resolved once per call; the
  // generated code reads tables through loge_rt_table.
  const loge_rt_params& params = *policy->params;
  std::vector<const std::uint8_t*> values(params.params.size(), nullptr);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (params.params[i].isTable) continue;
    std::int32_t status = 0;
    values[i] = loge_rt_param(&params, static_cast<std::int32_t>(i), date, &status);
  }
  loge::rt::DenseTables dense;
  loge::rt::denseTables(params, date, values, dense);
  LogeAotCtx ctx;
  ctx.params = &params;
  ctx.paramValues = values.data();
  policy->artifact.batch(&ctx, static_cast<const std::uint8_t*>(demandes), stride, count,
                         static_cast<const std::uint8_t*>(logement),
                         candidature ? static_cast<const std::uint8_t*>(candidature) : policy->emptyCandidature.data(),
                         date, static_cast<std::uint8_t*>(outs), out_stride, errors);
  int64_t failed = 0;
  for (int64_t i = 0; i < count; ++i) failed += errors[i] != 0;
  return failed;
}

int32_t loge_date_from_ymd(int32_t year, int32_t month, int32_t day, int32_t* out) {
  auto d = loge::num::Date::fromYmd(year, month, day);
  if (!d || !out) return -1;
  *out = d->days();
  return 0;
}

int32_t loge_date_format(int32_t date, char* buffer, size_t size) {
  if (!buffer || size < 11) return -1;
  if (date < loge::num::Date::min().days() || date > loge::num::Date::max().days()) return -1;
  std::string s = loge::num::Date::fromDays(date).toString();
  if (s.size() + 1 > size) return -1;
  std::memcpy(buffer, s.c_str(), s.size() + 1);
  return 0;
}

int32_t loge_decimal_parse(const char* text, loge_decimal* out) {
  if (!text || !out) return -1;
  auto d = loge::num::Decimal::parse(text);
  if (!d) return -1;
  loge::num::int128 m = d->mantissa();
  std::memcpy(out, &m, sizeof m);
  return 0;
}

int32_t loge_decimal_format(const loge_decimal* value, char* buffer, size_t size) {
  if (!value || !buffer) return -1;
  loge::num::int128 m;
  std::memcpy(&m, value, sizeof m);
  std::string s = loge::num::Decimal::fromMantissa(m).toString();
  if (s.size() + 1 > size) return -1;
  std::memcpy(buffer, s.c_str(), s.size() + 1);
  return 0;
}

} // extern "C"
