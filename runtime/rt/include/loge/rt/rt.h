/* Runtime helpers called by generated code (JIT and AOT artifacts).
 *
 * Plain C ABI, no dependency but the numeric core: an ahead-of-time
 * artifact links this library without LLVM. Every helper is total: it
 * returns 0 on success and a non-zero status (the numeric core's
 * loge::num::Status) when the operation has no result; the generated code
 * then abandons the demande, and the host reports the error (the
 * interpreter re-evaluates the demande to produce the located message, so
 * both engines report identical errors).
 *
 * 128-bit values travel by pointer: the C ABI for __int128 is not portable.
 */
#ifndef LOGE_RT_H
#define LOGE_RT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Exact decimal (mantissa scaled by 10^18). */
int32_t loge_rt_dec_mul(const void* a, const void* b, void* out);
int32_t loge_rt_dec_div(const void* a, const void* b, void* out);
int32_t loge_rt_dec_round(const void* x, const void* step, int32_t mode, void* out);

/* Dates: days since 1970-01-01. `rule` is loge::num::EndOfMonth. */
int32_t loge_rt_add_months(int32_t date, int64_t months, int32_t rule, int32_t* out);
int32_t loge_rt_add_days(int32_t date, int64_t days, int32_t* out);
int64_t loge_rt_months_between(int32_t a, int32_t b);
int64_t loge_rt_years_between(int32_t a, int32_t b);
int32_t loge_rt_date_part(int32_t date, int32_t part); /* 0 year, 1 month, 2 day */

/* Texts: UTF-8 bytes and length. */
int32_t loge_rt_text_cmp(const char* a, int64_t alen, const char* b, int64_t blen);
int64_t loge_rt_text_length(const char* s, int64_t len);

/* Parameters. A parameter set holds every parameter's dated values in the
 * flat layout; `loge_rt_param` returns the value in force at `date`, a
 * barème lookup the cell for the given keys (each key in a 16-byte slot:
 * int64, int128 mantissa, int32 date or enum index, or a text {ptr,len}).
 * Null with *status = 0 means "absent" (texte keys); null with a non-zero
 * status is an evaluation error. */
typedef struct loge_rt_params loge_rt_params;
const uint8_t* loge_rt_param(const loge_rt_params* params, int32_t index, int32_t date, int32_t* status);
const uint8_t* loge_rt_table(const loge_rt_params* params, int32_t index, int32_t date, const void* keys,
                             int32_t* status);

#ifdef __cplusplus
}
#endif

#endif /* LOGE_RT_H */
