/* A host using libloge (linked statically) and an ahead-of-time artifact
 * linked into the program, with the artifact's runtime: the artifact's own
 * entry points open it, then libloge loads the same artifact file and
 * evaluates the demandes. Prints the lines `loge run` prints.
 * Usage: mixed-host WORKLOAD.o DEMANDES.jsonl LOGEMENT.json DATE */
#include "loge/loge.h"
#include "workload.h"

#include <stdio.h>

static int fail(loge_error* e) {
  fprintf(stderr, "%s\n", loge_error_text(e));
  loge_error_free(e);
  return 1;
}

int main(int argc, char** argv) {
  if (argc != 5) return 64;
  const char* why = NULL;
  loge_aot_policy* direct = loge_workload_open(&why);
  if (!direct) {
    fprintf(stderr, "%s\n", why);
    return 1;
  }
  loge_aot_close(direct);

  loge_error* e = NULL;
  loge_policy* policy = NULL;
  loge_record* logement = NULL;
  loge_batch* demandes = NULL;
  loge_results* results = NULL;
  if (loge_policy_load_artifact(argv[1], NULL, &policy, &e) != LOGE_OK) return fail(e);
  if (loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, argv[3], &logement, &e) != LOGE_OK) return fail(e);
  if (loge_batch_from_jsonl_file(policy, argv[2], &demandes, &e) != LOGE_OK) return fail(e);
  if (loge_evaluate_batch(policy, demandes, logement, argv[4], &results, &e) != LOGE_OK) return fail(e);
  size_t n = 0;
  loge_results_count(results, &n, NULL);
  for (size_t i = 0; i < n; ++i) {
    const loge_result* r = NULL;
    const char* json = NULL;
    if (loge_results_get(results, i, &r, &e) != LOGE_OK || loge_result_json(r, &json, &e) != LOGE_OK) return fail(e);
    printf("%s\n", json);
  }
  loge_results_free(results);
  loge_batch_free(demandes);
  loge_record_free(logement);
  loge_policy_free(policy);
  return 0;
}
