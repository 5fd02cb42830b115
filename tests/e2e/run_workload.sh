#!/usr/bin/env bash
# End-to-end: `loge run` of the reference workload must reproduce the
# expected outputs on every line (compared after JSON parsing).
# usage: run_workload.sh LOGE REPO_ROOT SET ENGINE   (SET = 10k | edge, ENGINE = interp | jit)
set -euo pipefail
LOGE=$1; ROOT=$2; SET=$3; ENGINE=$4
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
"$LOGE" run "$ROOT/bench/workload.loge" --demandes "$ROOT/bench/data/demandes_$SET.jsonl" \
  --logement "$ROOT/bench/logement_plus.json" --date 2025-06-30 --format compact --engine "$ENGINE" > "$OUT"
python3 "$ROOT/bench/data/compare.py" "$ROOT/bench/data/expected_$SET.jsonl" "$OUT"
