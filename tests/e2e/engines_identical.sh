#!/usr/bin/env bash
# End-to-end: `loge run` prints byte-identical output with the interpreter
# and with the compiled engine (results, motifs, errors), with and without a
# logement, in both output formats, and with each compilation tier (the
# quick code `loge run` starts with, the optimised code it may switch to).
set -euo pipefail
LOGE=$1; ROOT=$2
A=$(mktemp); B=$(mktemp)
trap 'rm -f "$A" "$B"' EXIT
check() {
  "$LOGE" run "$@" --date 2025-06-30 --engine interp > "$A"
  for tier in rapide optimisée; do
    "$LOGE" --compilation "$tier" run "$@" --date 2025-06-30 --engine jit > "$B"
    cmp "$A" "$B"
  done
}
check "$ROOT/examples/grille-exemple.loge" --demandes "$ROOT/examples/demandes.jsonl" --logement "$ROOT/examples/logement-t3-plus.json"
check "$ROOT/examples/grille-exemple.loge" --demandes "$ROOT/examples/demandes.jsonl"
check "$ROOT/bench/workload.loge" --demandes "$ROOT/bench/data/demandes_edge.jsonl" --logement "$ROOT/bench/logement_plus.json"
# --format compact: the compiled engine writes only totals and rule statuses.
check "$ROOT/examples/grille-exemple.loge" --demandes "$ROOT/examples/demandes.jsonl" --logement "$ROOT/examples/logement-t3-plus.json" --format compact
check "$ROOT/policies/grenoble/grenoble.loge" --demandes "$ROOT/examples/demandes.jsonl" --logement "$ROOT/examples/logement-t3-plus.json" --format compact
echo "identical"
