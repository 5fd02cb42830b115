#!/usr/bin/env bash
# Runs the hand-written C++ baseline, the compiled engine and the interpreter
# on the same workload data, in one run, and prints the ratios; then
# libloge's evaluation calls against the same baseline (bench/capi, on the
# shipped 10 000 demandes); then the parse + check + JIT time of every
# shipped policy, without and with the compiled-object cache.
#   bash bench/run_bench.sh [DEMANDES.jsonl]      (after bash tools/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
LOGE=$BUILD/compiler/driver/loge
BASE=$BUILD/bench/baseline/workload_baseline
DATA=${1:-bench/data/demandes_10k.jsonl}
ARGS=(bench/workload.loge --demandes "$DATA" --logement bench/logement_plus.json --date 2025-06-30)

last() { tail -1 | sed 's/^ns_per_demande: //'; }
echo "== charge de référence : $DATA"
b=$("$BASE" "$DATA" | tee /dev/stderr | last)
t=$("$LOGE" bench "${ARGS[@]}" --engine jit --totaux | tee /dev/stderr | last)
q=$("$LOGE" --compilation rapide bench "${ARGS[@]}" --engine jit --totaux | tee /dev/stderr | last)
j=$("$LOGE" bench "${ARGS[@]}" --engine jit | tee /dev/stderr | last)
i=$("$LOGE" bench "${ARGS[@]}" --engine interp | tee /dev/stderr | last)
python3 - "$b" "$t" "$j" "$i" "$q" <<'PY'
import sys
b, t, j, i, q = map(float, sys.argv[1:])
print("\n| moteur | ns par demande | rapport à la référence C++ |")
print("|---|---|---|")
print("| C++ écrit à la main (écrit le total, l'éligibilité, l'alerte) | %.1f | 1,0 |" % b)
print("| Loge compilé (JIT), totaux et statuts des règles (`loge run --format compact`) | %.1f | %.1f |" % (t, t / b))
print("| Loge compilé (JIT), code rapide (le premier million de demandes de `loge run`), totaux et statuts | %.1f | %.1f |" % (q, q / b))
print("| Loge compilé (JIT), aussi chaque critère (`loge run --format json`) | %.1f | %.1f |" % (j, j / b))
print("| Loge interprété (résultat complet) | %.1f | %.1f |" % (i, i / b))
PY

echo
echo "== libloge (API C) : évaluer, lire le total, l'éligibilité et une règle de chaque résultat"
echo "   (bench/capi/capi_bench, Google Benchmark ; même charge, même exécution que la référence C++)"
"$BUILD/bench/capi/capi_bench" --benchmark_format=json --benchmark_min_time=0.5 2>/dev/null | python3 -c '
import json, sys
runs = {b["name"]: 1e9 / b["items_per_second"] for b in json.load(sys.stdin)["benchmarks"]}
ref = runs["BM_Reference"]
labels = {"BM_Reference": "C++ écrit à la main (dans le même processus)",
          "BM_EvaluateBatch": "loge_evaluate_batch (10 000 demandes par appel)",
          "BM_EvaluateOne": "loge_evaluate (une demande par appel)",
          "BM_EvaluateBatchJson": "loge_evaluate_batch, puis le JSON de chaque résultat"}
print("\n| appel | ns par demande | rapport à la référence C++ |")
print("|---|---|---|")
for name, ns in runs.items():
    print("| %s | %.0f | %.0f |" % (labels.get(name, name), ns, ns / ref))
'

echo
echo "== analyse + vérification + JIT de chaque politique livrée"
echo "   à froid : sans cache (--sans-cache), code rapide (ce que loge run utilise d'abord) puis code optimisé ;"
echo "   avec cache : le code optimisé d'une exécution précédente est repris"
CACHE=$(mktemp -d)
trap 'rm -rf "$CACHE"' EXIT
line() { grep "^parse + check + JIT$1 :" | sed 's/.*: //'; }
echo
echo "| politique | à froid, code rapide | à froid, code optimisé | avec cache |"
echo "|---|---|---|---|"
for f in $(find policies bench examples -name '*.loge' | sort); do
  cold=$("$LOGE" --sans-cache bench "$f" --date 2025-06-30 2>&1 || true)
  quick=$(echo "$cold" | line "")
  optimised=$(echo "$cold" | line " optimisé")
  LOGE_CACHE_DIR=$CACHE "$LOGE" bench "$f" --date 2025-06-30 >/dev/null 2>&1 || true
  warm=$(LOGE_CACHE_DIR=$CACHE "$LOGE" bench "$f" --date 2025-06-30 2>&1 | line "" || true)
  echo "| $f | ${quick:-erreur} | ${optimised:-erreur} | ${warm:-erreur} |"
done
