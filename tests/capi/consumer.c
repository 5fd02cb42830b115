/* libloge from pure C (compiled with gcc -std=c11 -Wall -Wextra -Werror
 * -pedantic against the installed package, through pkg-config): evaluates a
 * JSON Lines file like `loge run` and prints the same lines; then one
 * demande built field by field, its total on the last line.
 *
 *   consumer POLITIQUE DEMANDES.jsonl LOGEMENT.json DATE */
#include <loge/loge.h>

#include <stdio.h>

static int fail(loge_error* e) {
  loge_location at = loge_error_location(e);
  fprintf(stderr, "%s (%s:%u:%u)\n", loge_error_message(e), at.file, (unsigned)at.line, (unsigned)at.column);
  loge_error_free(e);
  return 1;
}

int main(int argc, char** argv) {
  loge_error* e = NULL;
  loge_policy* policy = NULL;
  loge_record* logement = NULL;
  loge_record* demande = NULL;
  loge_batch* batch = NULL;
  loge_results* results = NULL;
  loge_result* one = NULL;
  const char* text = NULL;
  size_t i, n = 0;

  if (argc != 5) return 64;
  if (loge_abi_version() != LOGE_ABI_VERSION) return 70;
  if (loge_policy_load_file(argv[1], NULL, &policy, &e) != LOGE_OK) return fail(e);
  if (loge_batch_from_jsonl_file(policy, argv[2], &batch, &e) != LOGE_OK) return fail(e);
  if (loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, argv[3], &logement, &e) != LOGE_OK) return fail(e);
  if (loge_evaluate_batch(policy, batch, logement, argv[4], &results, &e) != LOGE_OK) return fail(e);
  loge_results_count(results, &n, NULL);
  for (i = 0; i < n; ++i) {
    const loge_result* r = NULL;
    if (loge_results_get(results, i, &r, &e) != LOGE_OK || loge_result_json(r, &text, &e) != LOGE_OK) return fail(e);
    printf("%s\n", text);
  }

  /* The first demande of tests/capi/data/demandes.jsonl, field by field. */
  if (loge_record_create(policy, LOGE_ROLE_DEMANDE, &demande, &e) != LOGE_OK) return fail(e);
  if (loge_record_set_text(demande, "id", "A", &e) != LOGE_OK ||
      loge_record_set_date(demande, "depot", "2024-03-15", &e) != LOGE_OK ||
      loge_record_set_int(demande, "enfants", 2, &e) != LOGE_OK ||
      loge_record_set_decimal(demande, "ressources", "1200", &e) != LOGE_OK ||
      loge_record_set_bool(demande, "dalo", 0, &e) != LOGE_OK ||
      loge_record_set_enum(demande, "zone", "a", &e) != LOGE_OK ||
      loge_record_set_int(demande, "facteur", 3, &e) != LOGE_OK ||
      loge_record_clear_list(demande, "personnes", &e) != LOGE_OK ||
      loge_record_clear_list(demande, "communes", &e) != LOGE_OK)
    return fail(e);
  if (loge_evaluate(policy, demande, logement, argv[4], &one, &e) != LOGE_OK) return fail(e);
  if (loge_result_total(one, 0, &text, &e) != LOGE_OK) return fail(e);
  printf("total A : %s\n", text); /* 44, as in capi_test.cpp */

  loge_result_free(one);
  loge_results_free(results);
  loge_batch_free(batch);
  loge_record_free(demande);
  loge_record_free(logement);
  loge_policy_free(policy);
  return 0;
}
