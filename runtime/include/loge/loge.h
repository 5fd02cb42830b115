/* libloge: evaluate Loge policies from C (and any language with a C FFI).
 *
 * A bailleur's software loads a policy (a `.loge` file and its imports),
 * builds demandes and logements (from JSON or field by field, validated
 * against the policy's schema) and evaluates them at a date: cotation
 * totals and per-criterion points, eligibility, refusals and alerts with
 * their motifs. docs/embedding.md is the guide; this header is the contract.
 *
 * Conventions, the same for every function:
 *
 *  - Everything is prefixed `loge_`; objects are opaque handles created by a
 *    `*_create`/`*_load`/`*_from_*` function and released by exactly one
 *    `*_free` (which accepts NULL). Handles carry a kind tag: passing a
 *    handle of the wrong kind, or NULL, is reported as LOGE_ERR_ARGUMENT
 *    (a freed handle is still undefined behaviour).
 *  - A function that can fail returns a loge_status and takes, last, a
 *    `loge_error** error`. On failure, when `error` is not NULL, `*error`
 *    receives a new error object the caller frees with loge_error_free; on
 *    success `*error` is left untouched. Output parameters are written only
 *    on success.
 *  - No C++ exception, abort or exit() leaves the library: every failure,
 *    including memory exhaustion, becomes a loge_status and an error object.
 *  - Strings are UTF-8 and NUL-terminated unless a length is given. A
 *    `const char*` returned through an output parameter is owned by the
 *    object it was read from and stays valid until that object is freed.
 *  - Messages are in French (they are shown to jurists and agents); the
 *    identifiers of this API are in English.
 *  - Decimal values (points, amounts) cross the ABI as strings holding the
 *    exact decimal ("32", "12.5", "-0.25": a '.' separator, no exponent, no
 *    trailing zeros), exactly as `loge run` prints them. loge_decimal_to_double
 *    converts one for display; never compute with the double.
 *  - Dates are strings "AAAA-MM-JJ".
 *
 * Objects reference the policy they were made from and keep it alive: they
 * may be freed in any order.
 *
 * Thread safety: a loaded policy is immutable; records, batches, results and
 * errors are immutable once built. Any number of threads may evaluate with
 * the same policy, records and batches at the same time, and read the same
 * results. Building a record (loge_record_set_*, loge_record_append) or a
 * batch (loge_batch_add) must not overlap any other use of that object.
 *
 * ABI stability: within one LOGE_ABI_VERSION, functions are only added,
 * never changed or removed, and enumerations only gain values at their end.
 * A host checks loge_abi_version() == LOGE_ABI_VERSION at start-up.
 */
#ifndef LOGE_LOGE_H
#define LOGE_LOGE_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define LOGE_API
#elif defined(__GNUC__) || defined(__clang__)
#define LOGE_API __attribute__((visibility("default")))
#else
#define LOGE_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI this header describes. Incompatible changes increment it (and the
 * shared library's SONAME, libloge.so.N). */
#define LOGE_ABI_VERSION 1

/* The ABI of the library actually loaded. */
LOGE_API uint32_t loge_abi_version(void);
/* The Loge release, e.g. "0.1.0". Static storage. */
LOGE_API const char* loge_version(void);

/* ------------------------------------------------------------------ status */

typedef enum loge_status {
  LOGE_OK = 0,
  LOGE_ERR_ARGUMENT = 1,    /* NULL or wrong handle, index out of range, unknown field, bad value */
  LOGE_ERR_POLICY = 2,      /* the policy does not check: the error lists every diagnostic */
  LOGE_ERR_DATA = 3,        /* input data (JSON, an artifact) malformed or not matching the schema */
  LOGE_ERR_EVALUATION = 4,  /* the policy cannot compute a value (overflow, division by zero…) */
  LOGE_ERR_IO = 5,          /* a file cannot be read */
  LOGE_ERR_UNSUPPORTED = 6, /* the policy cannot do what is asked: the compiled engine does not cover it, it
                             * declares no classement (…) for loge_rank, an artifact from another version */
  LOGE_ERR_MEMORY = 7,      /* memory exhausted */
  LOGE_ERR_INTERNAL = 8     /* a bug in Loge: please report it */
} loge_status;

/* A short English name of a status ("LOGE_ERR_DATA"). Static storage. */
LOGE_API const char* loge_status_name(loge_status status);

/* ------------------------------------------------------------------ errors */

/* An error: a status, a French message and where the problem is: a place in
 * a policy file (line and column from 1, columns in characters), a place in
 * JSON input (line and column from 1, columns in bytes; `field` is the JSON
 * path such as "personnes[2].date_naissance"), or nowhere (file "", line 0).
 * A policy that does not check gives one error holding every diagnostic as
 * an item. Immutable. */
typedef struct loge_error loge_error;

typedef struct loge_location {
  const char* file; /* "" when unknown; owned by the error */
  uint32_t line;    /* 0 when unknown */
  uint32_t column;  /* 0 when unknown */
} loge_location;

typedef enum loge_severity {
  LOGE_SEVERITY_ERROR = 0,
  LOGE_SEVERITY_WARNING = 1,
  LOGE_SEVERITY_NOTE = 2
} loge_severity;

/* Accessors of an error accept NULL (and then return LOGE_OK, "", 0). */
LOGE_API void loge_error_free(loge_error* error);
LOGE_API loge_status loge_error_status(const loge_error* error);
LOGE_API const char* loge_error_message(const loge_error* error);
LOGE_API loge_location loge_error_location(const loge_error* error);
/* JSON path of the offending field for data errors, else "". */
LOGE_API const char* loge_error_field(const loge_error* error);
/* Stable diagnostic code ("E0201") for policy diagnostics, else "". */
LOGE_API const char* loge_error_code(const loge_error* error);
LOGE_API loge_severity loge_error_severity(const loge_error* error);
/* Everything, rendered for a log: one diagnostic per paragraph, as `loge
 * check` prints them (with the source line and a caret for policy
 * diagnostics). */
LOGE_API const char* loge_error_text(const loge_error* error);
/* The diagnostics or data errors this error stands for (at least 1). Item 0
 * is the first error, and the error's own message and location are its. An
 * item is owned by `error`. */
LOGE_API size_t loge_error_count(const loge_error* error);
LOGE_API const loge_error* loge_error_item(const loge_error* error, size_t index);

/* ------------------------------------------------------------------ policies */

typedef enum loge_engine {
  LOGE_ENGINE_AUTO = 0,           /* the compiled engine (LLVM JIT) when it covers the policy, else the interpreter */
  LOGE_ENGINE_JIT = 1,            /* the compiled engine, or LOGE_ERR_UNSUPPORTED when loading */
  LOGE_ENGINE_INTERPRETER = 2,    /* the reference interpreter (no compilation time) */
  LOGE_ENGINE_RANGE_ = 0x7FFFFFFF /* not an engine: see LOGE_ROLE_RANGE_ */
} loge_engine;

/* How the compiled engine compiles a policy loaded from source (an artifact
 * is compiled already; the interpreter compiles nothing). The results are
 * the same; what differs is the time to load against the time to
 * evaluate (docs/performance.md). */
typedef enum loge_compilation {
  LOGE_COMPILATION_OPTIMISED = 0,      /* LLVM's optimisations (O2) when loading: the fastest code, the slowest load */
  LOGE_COMPILATION_QUICK = 1,          /* quick code only: loads several times faster, evaluates about 3 times slower */
  LOGE_COMPILATION_AUTO = 2,           /* quick code, recompiled optimised once a million demandes have been evaluated
                                          (on a thread of its own: evaluations go on with the quick code meanwhile) */
  LOGE_COMPILATION_RANGE_ = 0x7FFFFFFF /* not a value: see LOGE_ROLE_RANGE_ */
} loge_compilation;

/* Options for loading a policy. Defaults: LOGE_ENGINE_AUTO,
 * LOGE_COMPILATION_OPTIMISED. */
typedef struct loge_options loge_options;
LOGE_API loge_status loge_options_create(loge_options** out, loge_error** error);
LOGE_API void loge_options_free(loge_options* options);
LOGE_API loge_status loge_options_set_engine(loge_options* options, loge_engine engine, loge_error** error);
LOGE_API loge_status loge_options_set_compilation(loge_options* options, loge_compilation compilation,
                                                  loge_error** error);

/* A checked (and, with the compiled engine, compiled) policy. Immutable. */
typedef struct loge_policy loge_policy;

/* Loads the policy file at `path` and the files it imports (import paths are
 * relative to the importing file). `options` may be NULL. A policy with
 * errors gives LOGE_ERR_POLICY and an error holding every diagnostic. */
LOGE_API loge_status loge_policy_load_file(const char* path, const loge_options* options, loge_policy** out,
                                           loge_error** error);
/* Same, from text in memory (`length` bytes, UTF-8). `path` names it in
 * messages and anchors its imports (`importe "schema.loge"` is looked up
 * next to `path`); NULL means "politique.loge" in the current directory. */
LOGE_API loge_status loge_policy_load_source(const char* text, size_t length, const char* path,
                                             const loge_options* options, loge_policy** out, loge_error** error);
/* Loads an ahead-of-time artifact: the NAME.o file `loge compile` writes
 * (docs/aot.md). The artifact carries its policy's source files, which are
 * checked again (for names, labels, motifs and located errors), and its
 * machine code, which evaluates: nothing is generated or optimised, and no
 * file besides `path` is read. Results are those of loading the source.
 * Options: LOGE_ENGINE_AUTO and LOGE_ENGINE_JIT evaluate with the
 * artifact's code; LOGE_ENGINE_INTERPRETER ignores it. LOGE_ERR_DATA when
 * the file is not an artifact of `loge compile`; LOGE_ERR_UNSUPPORTED when
 * it was compiled by a version of Loge whose data layout differs, or with
 * --cpu native for a processor with instructions this one lacks. An
 * artifact is machine code run in the host's process: load only artifacts
 * you built or whose origin you checked. */
LOGE_API loge_status loge_policy_load_artifact(const char* path, const loge_options* options, loge_policy** out,
                                               loge_error** error);
LOGE_API void loge_policy_free(loge_policy* policy);

/* The warnings found while checking (an error object with status LOGE_OK
 * and one item per warning), or NULL in *out when there were none. */
LOGE_API loge_status loge_policy_warnings(const loge_policy* policy, loge_error** out, loge_error** error);
/* The engine that evaluates (LOGE_ENGINE_JIT or LOGE_ENGINE_INTERPRETER). */
LOGE_API loge_status loge_policy_engine(const loge_policy* policy, loge_engine* out, loge_error** error);
/* The compiled engine's code that evaluates now: LOGE_COMPILATION_QUICK or
 * LOGE_COMPILATION_OPTIMISED (LOGE_COMPILATION_AUTO starts quick and turns
 * optimised; an artifact is optimised). LOGE_ERR_UNSUPPORTED when the
 * interpreter evaluates the policy. */
LOGE_API loge_status loge_policy_compilation(const loge_policy* policy, loge_compilation* out, loge_error** error);
/* The `politique "…"` title and `version "…"` ("" when not declared). */
LOGE_API loge_status loge_policy_title(const loge_policy* policy, const char** out, loge_error** error);
LOGE_API loge_status loge_policy_version(const loge_policy* policy, const char** out, loge_error** error);

/* What a policy computes, by index (0 ≤ index < count), in declaration
 * order: the indices used by the loge_result_* functions. Names are those
 * of the JSON output (qualified cotation names, "bloc.règle" for rules);
 * labels are the French texts the policy gives. */
LOGE_API loge_status loge_policy_cotation_count(const loge_policy* policy, size_t* out, loge_error** error);
LOGE_API loge_status loge_policy_cotation_name(const loge_policy* policy, size_t cotation, const char** out,
                                               loge_error** error);
LOGE_API loge_status loge_policy_cotation_label(const loge_policy* policy, size_t cotation, const char** out,
                                                loge_error** error);
LOGE_API loge_status loge_policy_criterion_count(const loge_policy* policy, size_t cotation, size_t* out,
                                                 loge_error** error);
LOGE_API loge_status loge_policy_criterion_name(const loge_policy* policy, size_t cotation, size_t criterion,
                                                const char** out, loge_error** error);
LOGE_API loge_status loge_policy_criterion_label(const loge_policy* policy, size_t cotation, size_t criterion,
                                                 const char** out, loge_error** error);
LOGE_API loge_status loge_policy_criterion_reference_count(const loge_policy* policy, size_t cotation, size_t criterion,
                                                           size_t* out, loge_error** error);
LOGE_API loge_status loge_policy_criterion_reference(const loge_policy* policy, size_t cotation, size_t criterion,
                                                     size_t reference, const char** out, loge_error** error);
LOGE_API loge_status loge_policy_rubrique_count(const loge_policy* policy, size_t cotation, size_t* out,
                                                loge_error** error);
LOGE_API loge_status loge_policy_rubrique_name(const loge_policy* policy, size_t cotation, size_t rubrique,
                                               const char** out, loge_error** error);
/* Rules of every rule block, numbered across blocks in declaration order. */
LOGE_API loge_status loge_policy_rule_count(const loge_policy* policy, size_t* out, loge_error** error);
LOGE_API loge_status loge_policy_rule_name(const loge_policy* policy, size_t rule, const char** out,
                                           loge_error** error);
LOGE_API loge_status loge_policy_rule_label(const loge_policy* policy, size_t rule, const char** out,
                                            loge_error** error);
/* 1 when the rule refuses (`refus`), 0 when it alerts (`alerte`). */
LOGE_API loge_status loge_policy_rule_is_refusal(const loge_policy* policy, size_t rule, int* out, loge_error** error);
/* The rule's references, then those of its block. */
LOGE_API loge_status loge_policy_rule_reference_count(const loge_policy* policy, size_t rule, size_t* out,
                                                      loge_error** error);
LOGE_API loge_status loge_policy_rule_reference(const loge_policy* policy, size_t rule, size_t reference,
                                                const char** out, loge_error** error);
/* Quotas (`quota` declarations), in declaration order: the indices of
 * loge_quota_group_quota and loge_ranking_clause_quota. */
LOGE_API loge_status loge_policy_quota_count(const loge_policy* policy, size_t* out, loge_error** error);
LOGE_API loge_status loge_policy_quota_name(const loge_policy* policy, size_t quota, const char** out,
                                            loge_error** error);
LOGE_API loge_status loge_policy_quota_label(const loge_policy* policy, size_t quota, const char** out,
                                             loge_error** error);
/* Looks a name up (accents optional, as in the language). LOGE_ERR_ARGUMENT
 * when there is no such cotation / rule. */
LOGE_API loge_status loge_policy_find_cotation(const loge_policy* policy, const char* name, size_t* out,
                                               loge_error** error);
LOGE_API loge_status loge_policy_find_rule(const loge_policy* policy, const char* name, size_t* out,
                                           loge_error** error);

/* ------------------------------------------------------------------ records */

/* The policy's context records (the schema's `demande`, `logement`…). */
typedef enum loge_role {
  LOGE_ROLE_DEMANDE = 0,
  LOGE_ROLE_LOGEMENT = 1,
  LOGE_ROLE_CANDIDATURE = 2,
  LOGE_ROLE_ATTRIBUTION = 3,
  /* Not a role: gives the type the range of int32_t, so that any value a C
   * host passes is representable (and rejected with LOGE_ERR_ARGUMENT). */
  LOGE_ROLE_RANGE_ = 0x7FFFFFFF
} loge_role;

/* One record of the policy's schema for a role: a demande, a logement…
 * Built from JSON (validated at once, immutable), or field by field
 * (validated by loge_record_validate or when evaluated). */
typedef struct loge_record loge_record;

/* A record from one JSON object, mapped as `loge run` reads its input
 * (docs/reference/schema-standard.md): LOGE_ERR_DATA with line, column and
 * field path on the first problem; its items (loge_error_item) are every
 * problem of the object, up to 20. */
LOGE_API loge_status loge_record_from_json(const loge_policy* policy, loge_role role, const char* json, size_t length,
                                           loge_record** out, loge_error** error);
/* Same, reading the object from a file. */
LOGE_API loge_status loge_record_from_json_file(const loge_policy* policy, loge_role role, const char* path,
                                                loge_record** out, loge_error** error);
/* An empty record, to fill with the setters below. Every function making a
 * record or a batch of a role the policy's schema does not declare gives
 * LOGE_ERR_UNSUPPORTED (an unknown role value: LOGE_ERR_ARGUMENT). */
LOGE_API loge_status loge_record_create(const loge_policy* policy, loge_role role, loge_record** out,
                                        loge_error** error);
LOGE_API void loge_record_free(loge_record* record);

/* Setters, for records made by loge_record_create. `path` names a field:
 * "date_depot", "ressources.ressources_mensuelles", "personnes[0].lien",
 * "logement_recherche.communes[1]" (list indices from 0, within the list's
 * current length; sub-structures are created on first use). Field names
 * match after accent folding. LOGE_ERR_ARGUMENT for an unknown field, a
 * setter that does not fit the field's type, or a value that does not
 * parse; schema bounds and missing fields are checked by validation.
 *  - int:     entier, durée
 *  - decimal: décimal, montant, surface, points; exact text "1650.50"
 *  - date:    "AAAA-MM-JJ", a day that exists
 *  - text:    texte (UTF-8)
 *  - bool:    booléen (0 is faux, anything else vrai)
 *  - enum:    an énumération value's name ("hébergé" or "heberge")
 *  - absent:  an optional field (`T?`) without value */
LOGE_API loge_status loge_record_set_int(loge_record* record, const char* path, int64_t value, loge_error** error);
LOGE_API loge_status loge_record_set_decimal(loge_record* record, const char* path, const char* value,
                                             loge_error** error);
LOGE_API loge_status loge_record_set_date(loge_record* record, const char* path, const char* value, loge_error** error);
LOGE_API loge_status loge_record_set_text(loge_record* record, const char* path, const char* value, loge_error** error);
/* The same with the text's length: a NUL byte inside is refused
 * (LOGE_ERR_ARGUMENT, like any control character but tab and line breaks),
 * where loge_record_set_text would stop at it. */
LOGE_API loge_status loge_record_set_text_n(loge_record* record, const char* path, const char* value, size_t length,
                                            loge_error** error);
LOGE_API loge_status loge_record_set_bool(loge_record* record, const char* path, int value, loge_error** error);
LOGE_API loge_status loge_record_set_enum(loge_record* record, const char* path, const char* value, loge_error** error);
LOGE_API loge_status loge_record_set_absent(loge_record* record, const char* path, loge_error** error);
/* Appends an element to the list at `path` (an empty structure, or an unset
 * value to set with `path[index]`); its index goes to *index (may be NULL).
 * Makes the list present when it was unset. */
LOGE_API loge_status loge_record_append(loge_record* record, const char* path, size_t* index, loge_error** error);
/* Makes the list at `path` present and empty. */
LOGE_API loge_status loge_record_clear_list(loge_record* record, const char* path, loge_error** error);
/* Checks the record against the schema (required fields, bounds) and keeps
 * the validated form, so evaluations need not redo it. LOGE_ERR_DATA with
 * the field path on the first problem, every problem as its items (up to
 * 20). A later setter undoes it. */
LOGE_API loge_status loge_record_validate(loge_record* record, loge_error** error);
/* The record as a JSON object (for logs): for loge_record_from_json the
 * text given, else the fields set so far. */
LOGE_API loge_status loge_record_json(const loge_record* record, const char** out, loge_error** error);

/* ------------------------------------------------------------------ batches */

/* Records of one role, in order: demandes to evaluate together (or the
 * candidates of a ranking), or the attributions so far (for quotas). Each
 * keeps its "id" field (when the schema has a texte `id`) for the results.
 * The functions without a role make batches of demandes. */
typedef struct loge_batch loge_batch;

LOGE_API loge_status loge_batch_create(const loge_policy* policy, loge_batch** out, loge_error** error);
/* Demandes from JSON Lines text (one object per non-blank line). Every bad
 * line is an item of the error (the first 20, then a count); nothing is
 * kept when any line is bad. */
LOGE_API loge_status loge_batch_from_jsonl(const loge_policy* policy, const char* text, size_t length, loge_batch** out,
                                           loge_error** error);
LOGE_API loge_status loge_batch_from_jsonl_file(const loge_policy* policy, const char* path, loge_batch** out,
                                                loge_error** error);
/* The same for records of any role (LOGE_ROLE_ATTRIBUTION for the
 * attributions of loge_rank, loge_quotas and loge_position). */
LOGE_API loge_status loge_batch_create_for(const loge_policy* policy, loge_role role, loge_batch** out,
                                           loge_error** error);
LOGE_API loge_status loge_batch_from_jsonl_for(const loge_policy* policy, loge_role role, const char* text,
                                               size_t length, loge_batch** out, loge_error** error);
LOGE_API loge_status loge_batch_from_jsonl_file_for(const loge_policy* policy, loge_role role, const char* path,
                                                    loge_batch** out, loge_error** error);
/* Appends a copy of a record of the batch's role (validated first). */
LOGE_API loge_status loge_batch_add(loge_batch* batch, const loge_record* record, loge_error** error);
LOGE_API loge_status loge_batch_size(const loge_batch* batch, size_t* out, loge_error** error);
LOGE_API loge_status loge_batch_role(const loge_batch* batch, loge_role* out, loge_error** error);
LOGE_API void loge_batch_free(loge_batch* batch);

/* ------------------------------------------------------------------ evaluation */

/* The results of one demande. Immutable. */
typedef struct loge_result loge_result;
/* The results of a batch, one per demande in batch order. Immutable. */
typedef struct loge_results loge_results;

/* Evaluates one demande at `date` ("AAAA-MM-JJ", within the policy's period
 * of effect). `logement` may be NULL: then only the cotations and the rule
 * blocks not `pour logement` are evaluated, and eligibility is unknown. An
 * evaluation error gives LOGE_ERR_EVALUATION located in the policy. */
LOGE_API loge_status loge_evaluate(const loge_policy* policy, const loge_record* demande, const loge_record* logement,
                                   const char* date, loge_result** out, loge_error** error);
/* Evaluates every demande of a batch. A demande the policy cannot evaluate
 * does not stop the others: its result carries the error
 * (loge_result_error). */
LOGE_API loge_status loge_evaluate_batch(const loge_policy* policy, const loge_batch* demandes,
                                         const loge_record* logement, const char* date, loge_results** out,
                                         loge_error** error);

LOGE_API void loge_results_free(loge_results* results);
LOGE_API loge_status loge_results_count(const loge_results* results, size_t* out, loge_error** error);
/* How many demandes could not be evaluated. */
LOGE_API loge_status loge_results_failed_count(const loge_results* results, size_t* out, loge_error** error);
/* The result of the index-th demande, owned by `results` (do not free it). */
LOGE_API loge_status loge_results_get(const loge_results* results, size_t index, const loge_result** out,
                                      loge_error** error);

/* Frees a result from loge_evaluate (results from loge_results_get are
 * owned by their loge_results: freeing one does nothing). */
LOGE_API void loge_result_free(loge_result* result);
/* The demande's "id" field, "" when it has none. */
LOGE_API loge_status loge_result_id(const loge_result* result, const char** out, loge_error** error);
/* NULL in *out when the demande was evaluated; else the evaluation error
 * (owned by the result). The accessors below then give LOGE_ERR_EVALUATION. */
LOGE_API loge_status loge_result_error(const loge_result* result, const loge_error** out, loge_error** error);

/* Cotation `cotation`'s total (after plancher and plafond), exact decimal. */
LOGE_API loge_status loge_result_total(const loge_result* result, size_t cotation, const char** out,
                                       loge_error** error);
/* Whether a plancher / plafond changed the total (0 or 1 each). */
LOGE_API loge_status loge_result_bounds_applied(const loge_result* result, size_t cotation, int* floor_applied,
                                                int* ceiling_applied, loge_error** error);
/* What a criterion adds to the total (0 when not applicable, or not the best
 * of a `maximum` rubrique), exact decimal; and whether it applies. */
LOGE_API loge_status loge_result_criterion_points(const loge_result* result, size_t cotation, size_t criterion,
                                                  const char** out, loge_error** error);
LOGE_API loge_status loge_result_criterion_applicable(const loge_result* result, size_t cotation, size_t criterion,
                                                      int* out, loge_error** error);
LOGE_API loge_status loge_result_rubrique_points(const loge_result* result, size_t cotation, size_t rubrique,
                                                 const char** out, loge_error** error);

/* 1 eligible, 0 refused by an eligibility rule, -1 unknown (no logement). */
LOGE_API loge_status loge_result_eligibility(const loge_result* result, int* out, loge_error** error);

typedef enum loge_rule_status {
  LOGE_RULE_OK = 0,
  LOGE_RULE_ALERTE = 1,
  LOGE_RULE_REFUS = 2,
  LOGE_RULE_EXCEPTION = 3,    /* the rule would alert or refuse, but a `sauf si` applies */
  LOGE_RULE_NOT_EVALUATED = 4 /* a `pour logement` block without logement */
} loge_rule_status;

/* Rule `rule` (loge_policy_rule_*): its statut and its motif (the French
 * text for alerte and refus, the exception's label for exception, else ""). */
LOGE_API loge_status loge_result_rule_status(const loge_result* result, size_t rule, loge_rule_status* out,
                                             loge_error** error);
LOGE_API loge_status loge_result_rule_motif(const loge_result* result, size_t rule, const char** out,
                                            loge_error** error);
/* The rules that refused / alerted, in rule order: *out is a rule index. */
LOGE_API loge_status loge_result_refusal_count(const loge_result* result, size_t* out, loge_error** error);
LOGE_API loge_status loge_result_refusal(const loge_result* result, size_t index, size_t* rule, loge_error** error);
LOGE_API loge_status loge_result_alert_count(const loge_result* result, size_t* out, loge_error** error);
LOGE_API loge_status loge_result_alert(const loge_result* result, size_t index, size_t* rule, loge_error** error);

/* The line `loge run --format json` prints for this demande (without the
 * newline); for a demande that failed, its {"id", "erreur"} object. */
LOGE_API loge_status loge_result_json(const loge_result* result, const char** out, loge_error** error);

/* ------------------------------------------------------------------ designation */

/* What a commission (CAL) and a demandeur need beyond one demande's results,
 * as `loge rank`, `loge quota` and `loge position` compute them:
 *
 *  - loge_rank: the candidates for a vacant logement, ordered per the
 *    policy's `classement` (ties broken by the demande's id, then batch
 *    order), the number to retain, and what each `dont au moins` clause (a
 *    quota behind its target, for instance) changed;
 *  - loge_quotas: every quota per period and scope over the attributions;
 *  - loge_position: the demandeur's cotation statement (the note, the average
 *    waiting time of similar demandes, the position among them).
 *
 * Each returns an immutable report, readable field by field, as French text
 * and as the JSON `--json` prints. Demandes are evaluated by the policy's
 * engine; the reports are identical with either engine. A policy that does
 * not declare what a function needs (a classement, a similarité, a quota, a
 * schema for the role) gives LOGE_ERR_UNSUPPORTED; a name that matches no
 * declaration, or a choice left ambiguous, LOGE_ERR_ARGUMENT; attributions
 * (or candidates, or the demandes of a statement) with the same id twice,
 * LOGE_ERR_DATA, as the command line refuses the file. */

/* Which declarations to use; NULL options means the defaults. */
typedef struct loge_designation_options loge_designation_options;
LOGE_API loge_status loge_designation_options_create(loge_designation_options** out, loge_error** error);
LOGE_API void loge_designation_options_free(loge_designation_options* options);
/* The classement (loge_rank) by name; NULL or "": the only one declared. */
LOGE_API loge_status loge_designation_options_set_classement(loge_designation_options* options, const char* name,
                                                             loge_error** error);
/* The similarité (loge_position); NULL or "": the root policy file's own,
 * else the only one declared (the standard schema declares one). */
LOGE_API loge_status loge_designation_options_set_similarity(loge_designation_options* options, const char* name,
                                                             loge_error** error);
/* The cotation that gives the note (loge_position); NULL or "": the first
 * declared by the root policy file. */
LOGE_API loge_status loge_designation_options_set_cotation(loge_designation_options* options, const char* name,
                                                           loge_error** error);
/* The periods loge_quotas reports: "2025" (every period of the year),
 * "2025-S1", "2025-T3", "2025-06"; NULL or "": all. LOGE_ERR_ARGUMENT when
 * malformed. */
LOGE_API loge_status loge_designation_options_set_period(loge_designation_options* options, const char* period,
                                                         loge_error** error);

/* One quota group (a period and a scope: the EPCI, a réservataire…) and its
 * figures. Owned by the report or ranking it was read from. */
typedef struct loge_quota_group loge_quota_group;

typedef enum loge_quota_status {
  LOGE_QUOTA_REACHED = 0,        /* atteint */
  LOGE_QUOTA_BEHIND = 1,         /* en retard: more qualifying attributions are needed */
  LOGE_QUOTA_EXCEEDED = 2,       /* dépassé: an `au plus` quota above its target */
  LOGE_QUOTA_NOT_APPLICABLE = 3, /* sans objet: a share with no attribution counted */
  LOGE_QUOTA_NO_TARGET = 4       /* sans objectif: no target for this group */
} loge_quota_status;

/* The quota (loge_policy_quota_*) and the period ("2025", "2025-S1"…). */
LOGE_API loge_status loge_quota_group_quota(const loge_quota_group* group, size_t* out, loge_error** error);
LOGE_API loge_status loge_quota_group_period(const loge_quota_group* group, const char** out, loge_error** error);
/* The scope: the quota's `par` keys and this group's values (texts as they
 * are, énumérations by name, numbers and dates as in JSON). */
LOGE_API loge_status loge_quota_group_key_count(const loge_quota_group* group, size_t* out, loge_error** error);
LOGE_API loge_status loge_quota_group_key(const loge_quota_group* group, size_t key, const char** name,
                                          const char** value, loge_error** error);
/* Attributions counted, and those among them meeting the condition. */
LOGE_API loge_status loge_quota_group_counted(const loge_quota_group* group, int64_t* out, loge_error** error);
LOGE_API loge_status loge_quota_group_qualifying(const loge_quota_group* group, int64_t* out, loge_error** error);
/* The share achieved (exact decimal, "0.25"), "" when nothing is counted. */
LOGE_API loge_status loge_quota_group_share(const loge_quota_group* group, const char** out, loge_error** error);
/* The target: a share ("0.25") or a number of attributions ("2"); "" when
 * the group has none. */
LOGE_API loge_status loge_quota_group_target(const loge_quota_group* group, const char** out, loge_error** error);
/* How many more qualifying attributions the group needs (0 when reached);
 * -1 when there is no target or it can no longer be reached. */
LOGE_API loge_status loge_quota_group_missing(const loge_quota_group* group, int64_t* out, loge_error** error);
LOGE_API loge_status loge_quota_group_status(const loge_quota_group* group, loge_quota_status* out, loge_error** error);

/* -- ranking the candidates for a logement (`loge rank`) */

typedef struct loge_ranking loge_ranking;

typedef enum loge_candidate_status {
  LOGE_CANDIDATE_RETAINED = 0,     /* in the list presented to the commission */
  LOGE_CANDIDATE_NOT_RETAINED = 1, /* ranked after the retained ones */
  LOGE_CANDIDATE_OUTSIDE_POOL = 2, /* eligible, but the classement's `candidats éligibles où …` excludes it */
  LOGE_CANDIDATE_INELIGIBLE = 3,   /* refused by an eligibility rule */
  LOGE_CANDIDATE_FAILED = 4,       /* could not be evaluated: see its result's error */
  LOGE_CANDIDATE_NOT_YET_FILED = 5 /* deposited after the ranking's date (its date_depot, or as the first
                                      similarité dates demandes): not a candidate then */
} loge_candidate_status;

/* Ranks the demandes of `candidates` (a batch of demandes) for `logement`
 * at `date`. `attributions` (a batch of attributions, or NULL: none known)
 * feed the quotas that `dont au moins` clauses read; `candidature` may be
 * NULL (every field absent). A candidate that cannot be evaluated is left
 * out of the ranking and reported (LOGE_CANDIDATE_FAILED), as `loge rank`
 * does; an expression that does not depend on a candidate failing gives
 * LOGE_ERR_EVALUATION. */
LOGE_API loge_status loge_rank(const loge_policy* policy, const loge_record* logement, const loge_batch* candidates,
                               const loge_batch* attributions, const loge_record* candidature, const char* date,
                               const loge_designation_options* options, loge_ranking** out, loge_error** error);
LOGE_API void loge_ranking_free(loge_ranking* ranking);
/* The output of `loge rank --json` / `loge rank` (French text). */
LOGE_API loge_status loge_ranking_json(const loge_ranking* ranking, const char** out, loge_error** error);
LOGE_API loge_status loge_ranking_text(const loge_ranking* ranking, const char** out, loge_error** error);
/* How many candidates to retain (`retenir`: three unless the policy says
 * otherwise for this logement), and whether fewer were ranked (0 or 1). */
LOGE_API loge_status loge_ranking_retain(const loge_ranking* ranking, int64_t* out, loge_error** error);
LOGE_API loge_status loge_ranking_insufficient(const loge_ranking* ranking, int* out, loge_error** error);
/* The retained candidates, in order: *candidate is an index in the batch. */
LOGE_API loge_status loge_ranking_retained_count(const loge_ranking* ranking, size_t* out, loge_error** error);
LOGE_API loge_status loge_ranking_retained(const loge_ranking* ranking, size_t index, size_t* candidate,
                                           loge_error** error);
/* Every ranked candidate (retained or not), in rank order. */
LOGE_API loge_status loge_ranking_ranked_count(const loge_ranking* ranking, size_t* out, loge_error** error);
LOGE_API loge_status loge_ranking_ranked(const loge_ranking* ranking, size_t index, size_t* candidate,
                                         loge_error** error);
/* Candidates by their index in the batch (0 ≤ candidate < batch size). */
LOGE_API loge_status loge_ranking_candidate_count(const loge_ranking* ranking, size_t* out, loge_error** error);
LOGE_API loge_status loge_ranking_failed_count(const loge_ranking* ranking, size_t* out, loge_error** error);
LOGE_API loge_status loge_ranking_candidate_id(const loge_ranking* ranking, size_t candidate, const char** out,
                                               loge_error** error);
LOGE_API loge_status loge_ranking_candidate_status(const loge_ranking* ranking, size_t candidate,
                                                   loge_candidate_status* out, loge_error** error);
/* Rank among the ranked candidates, from 1; 0 when not ranked. */
LOGE_API loge_status loge_ranking_candidate_rank(const loge_ranking* ranking, size_t candidate, size_t* out,
                                                 loge_error** error);
/* Why the candidate is where it is, in French, one fact per line: its
 * status and place ("retenu : 2e du classement", "non éligible : refus …"),
 * then for a ranked candidate its order keys, cotations and alerts. */
LOGE_API loge_status loge_ranking_candidate_explanation(const loge_ranking* ranking, size_t candidate, const char** out,
                                                        loge_error** error);
/* The candidate's evaluation (cotations, rules; or its error), owned by the
 * ranking. */
LOGE_API loge_status loge_ranking_candidate_result(const loge_ranking* ranking, size_t candidate,
                                                   const loge_result** out, loge_error** error);
/* The classement's `dont au moins K où C [si Q]` clauses, in order: whether
 * each applied (Q held), K, how many retained candidates meet C, which
 * candidates it brought in and which ones they replaced, the quotas it
 * reads with the group this logement's attribution would join (NULL when
 * that group has no attribution yet), and all of it in French. */
LOGE_API loge_status loge_ranking_clause_count(const loge_ranking* ranking, size_t* out, loge_error** error);
LOGE_API loge_status loge_ranking_clause_label(const loge_ranking* ranking, size_t clause, const char** out,
                                               loge_error** error);
LOGE_API loge_status loge_ranking_clause_applied(const loge_ranking* ranking, size_t clause, int* out,
                                                 loge_error** error);
LOGE_API loge_status loge_ranking_clause_minimum(const loge_ranking* ranking, size_t clause, int64_t* out,
                                                 loge_error** error);
LOGE_API loge_status loge_ranking_clause_met(const loge_ranking* ranking, size_t clause, int64_t* out,
                                             loge_error** error);
LOGE_API loge_status loge_ranking_clause_insertion_count(const loge_ranking* ranking, size_t clause, size_t* out,
                                                         loge_error** error);
LOGE_API loge_status loge_ranking_clause_insertion(const loge_ranking* ranking, size_t clause, size_t insertion,
                                                   size_t* inserted, size_t* replaced, loge_error** error);
LOGE_API loge_status loge_ranking_clause_quota_count(const loge_ranking* ranking, size_t clause, size_t* out,
                                                     loge_error** error);
LOGE_API loge_status loge_ranking_clause_quota(const loge_ranking* ranking, size_t clause, size_t index, size_t* quota,
                                               const loge_quota_group** group, loge_error** error);
LOGE_API loge_status loge_ranking_clause_explanation(const loge_ranking* ranking, size_t clause, const char** out,
                                                     loge_error** error);

/* -- quotas over the attributions (`loge quota`) */

typedef struct loge_quota_report loge_quota_report;

/* Every quota of the policy over `attributions` (a batch of attributions),
 * per period and scope, at `date` (attributions dated later are not
 * counted); options may restrict the periods. */
LOGE_API loge_status loge_quotas(const loge_policy* policy, const loge_batch* attributions, const char* date,
                                 const loge_designation_options* options, loge_quota_report** out, loge_error** error);
LOGE_API void loge_quota_report_free(loge_quota_report* report);
/* The output of `loge quota --json` / `loge quota` (Markdown). */
LOGE_API loge_status loge_quota_report_json(const loge_quota_report* report, const char** out, loge_error** error);
LOGE_API loge_status loge_quota_report_markdown(const loge_quota_report* report, const char** out, loge_error** error);
/* Every group, quota by quota in declaration order, then by period and
 * scope. */
LOGE_API loge_status loge_quota_report_group_count(const loge_quota_report* report, size_t* out, loge_error** error);
LOGE_API loge_status loge_quota_report_group(const loge_quota_report* report, size_t index,
                                             const loge_quota_group** out, loge_error** error);

/* -- the demandeur's cotation statement (`loge position`) */

typedef struct loge_statement loge_statement;

/* The statement of `demande` at `date`: its note, its position among the
 * similar demandes of `demandes` (a batch; a line with the same id as
 * `demande` is that demande and is skipped) and the average waiting time
 * of the similar demandes of `attributions` (a batch of attributions, or
 * NULL: not computed). A similar demande that cannot be evaluated is left
 * out and counted (loge_statement_failed_count); `demande` itself failing
 * gives LOGE_ERR_EVALUATION. */
LOGE_API loge_status loge_position(const loge_policy* policy, const loge_record* demande, const loge_batch* demandes,
                                   const loge_batch* attributions, const char* date,
                                   const loge_designation_options* options, loge_statement** out, loge_error** error);
LOGE_API void loge_statement_free(loge_statement* statement);
/* The output of `loge position --json` / `loge position` (the French
 * statement a demandeur reads, with the criteria that gave the points). */
LOGE_API loge_status loge_statement_json(const loge_statement* statement, const char** out, loge_error** error);
LOGE_API loge_status loge_statement_text(const loge_statement* statement, const char** out, loge_error** error);
/* The cotation that gives the note, and the note (exact decimal). */
LOGE_API loge_status loge_statement_cotation(const loge_statement* statement, size_t* out, loge_error** error);
LOGE_API loge_status loge_statement_note(const loge_statement* statement, const char** out, loge_error** error);
/* The demande's evaluation (every cotation and criterion), owned by the
 * statement. */
LOGE_API loge_status loge_statement_result(const loge_statement* statement, const loge_result** out,
                                           loge_error** error);
/* Position among similar demandes (this one included): `rank` from 1 (tied
 * demandes share it) out of `out_of`; how many have more points, the same,
 * fewer. */
LOGE_API loge_status loge_statement_position(const loge_statement* statement, size_t* rank, size_t* out_of,
                                             loge_error** error);
LOGE_API loge_status loge_statement_neighbours(const loge_statement* statement, size_t* ahead, size_t* tied,
                                               size_t* behind, loge_error** error);
/* The average waiting time of similar demandes that received a logement, in
 * months and in days (exact decimals; "" when not computed: no attributions,
 * none similar, or no `attente` clause in the similarité), over `measured`
 * attributions. */
LOGE_API loge_status loge_statement_waiting_time(const loge_statement* statement, const char** months,
                                                 const char** days, size_t* measured, loge_error** error);
/* Similar demandes left out because they could not be evaluated. */
LOGE_API loge_status loge_statement_failed_count(const loge_statement* statement, size_t* out, loge_error** error);

/* ------------------------------------------------------------------ decimals */

/* Converts an exact decimal string from this API to the nearest double (for
 * display or charts only). Independent of the C locale. */
LOGE_API loge_status loge_decimal_to_double(const char* decimal, double* out, loge_error** error);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* LOGE_LOGE_H */
