#!/usr/bin/env bash
# The benchmark's hand-written baseline must reproduce the expected outputs,
# or its timings mean nothing.
set -euo pipefail
BASE=$1; ROOT=$2
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
for set in 10k edge; do
  "$BASE" "$ROOT/bench/data/demandes_$set.jsonl" --check > "$OUT"
  python3 "$ROOT/bench/data/compare.py" "$ROOT/bench/data/expected_$set.jsonl" "$OUT"
done
