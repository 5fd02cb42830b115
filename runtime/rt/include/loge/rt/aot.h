/* Ahead-of-time artifacts: what a host program needs to run a policy
 * compiled by `loge compile`, without LLVM or ANTLR.
 *
 * `loge compile POLICY -o DIR` writes DIR/NAME.o (native code and the
 * policy's parameter tables) and DIR/NAME.h (the record layout as C structs,
 * enumeration codes, the result struct and inline wrappers over the
 * functions below). The host links NAME.o with libloge_rt.a and
 * libloge_numeric.a (and the C++ standard library they use).
 *
 * Records are laid out flat (see the generated header): texts and lists
 * point into memory the host owns, which must outlive the evaluation call.
 * A policy opened once may be evaluated from several threads at once: it is
 * read-only after loge_aot_open.
 */
#ifndef LOGE_RT_AOT_H
#define LOGE_RT_AOT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped when the artifact <-> runtime contract changes; an artifact built
 * for another version is refused by loge_aot_open. */
#define LOGE_AOT_ABI_VERSION 2

#ifdef __cplusplus
#define LOGE_ALIGN16 alignas(16)
#else
#define LOGE_ALIGN16 _Alignas(16)
#endif

/* Exact decimal: a 128-bit two's complement mantissa scaled by 10^18, as
 * two 64-bit halves (little-endian order), 16-byte aligned. */
typedef struct loge_decimal {
  LOGE_ALIGN16 uint64_t lo;
  int64_t hi;
} loge_decimal;

/* UTF-8 text: bytes and length (no terminating zero needed). */
typedef struct loge_text {
  const char* data;
  int64_t length;
} loge_text;

/* Dates are int32_t days since 1970-01-01. */

/* The artifact's batch entry point (generated code). */
typedef void (*loge_aot_batch_fn)(void* ctx, const uint8_t* demandes, int64_t stride, int64_t count,
                                  const uint8_t* logement, const uint8_t* candidature, int32_t date, uint8_t* outs,
                                  int64_t out_stride, uint8_t* errors);

/* What the generated header hands to loge_aot_open. */
typedef struct loge_aot_artifact {
  uint32_t abi_version;
  const uint8_t* params_blob;
  uint64_t params_blob_size;
  loge_aot_batch_fn batch;
  uint32_t out_size;         /* bytes of one result */
  uint32_t candidature_size; /* bytes of a candidature record (0: none) */
  uint32_t demande_size;     /* bytes of a demande record: the smallest stride */
} loge_aot_artifact;

typedef struct loge_aot_policy loge_aot_policy;

/* Loads the artifact's parameter tables. Returns NULL when the artifact is
 * corrupt or built for another ABI version (then *why, if not NULL, points
 * to a static French message). */
loge_aot_policy* loge_aot_open(const loge_aot_artifact* artifact, const char** why);
void loge_aot_close(loge_aot_policy* policy);

/* Evaluates `count` demandes (records `stride` bytes apart, at least the
 * record's size) for the
 * logement (NULL: none) and the candidature (NULL: every field absent) at
 * `date`. Writes count results `out_stride` bytes apart and one flag per
 * demande in `errors` (1: the demande could not be evaluated — overflow,
 * division by zero, a date out of range, a parameter without a value at the
 * date, a barème key outside the table; run `loge run` on the same demande
 * for the located message; a date outside the policy's période de vigueur,
 * where its parameters have no value, makes every demande an error). Returns
 * the number of demandes in error, or -1 when an argument is invalid (a day
 * outside 0001-01-01 … 9999-12-31 included). The records are not checked here: the
 * generated NAME_evaluate checks them first (NAME_*_valide). */
int64_t loge_aot_evaluate(const loge_aot_policy* policy, const void* demandes, int64_t stride, int64_t count,
                          const void* logement, const void* candidature, int32_t date, void* outs, int64_t out_stride,
                          uint8_t* errors);

/* Helpers for hosts. */
int32_t loge_date_from_ymd(int32_t year, int32_t month, int32_t day, int32_t* out); /* 0 ok */
/* Writes "YYYY-MM-DD" and a terminating zero; returns 0, or -1 if `size` < 11
 * or the day is outside 0001-01-01 … 9999-12-31. */
int32_t loge_date_format(int32_t date, char* buffer, size_t size);
/* Parses "123.45", "-7", "1_000.5" exactly; returns 0 ok. */
int32_t loge_decimal_parse(const char* text, loge_decimal* out);
/* Writes the decimal in canonical form ("167", "33.5", "-0.25") with a
 * terminating zero; returns 0, or -1 if the buffer is too small (48 bytes
 * always suffice). */
int32_t loge_decimal_format(const loge_decimal* value, char* buffer, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* LOGE_RT_AOT_H */
