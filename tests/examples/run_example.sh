#!/usr/bin/env bash
# The shipped example must stay usable as documented in examples/README.md:
#  1. the generator reproduces examples/demandes.jsonl byte for byte;
#  2. `loge run` evaluates all of it, exit 0, one result per demande, no
#     evaluation error, with a mix of eligible and ineligible demandes and
#     of alerts;
#  3. `loge explain` of the single demande succeeds.
# usage: run_example.sh LOGE REPO_ROOT
set -euo pipefail
LOGE=$1; ROOT=$2; EX=$ROOT/examples
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 "$EX/gen_demandes_exemple.py" -o "$TMP/demandes.jsonl"
cmp "$TMP/demandes.jsonl" "$EX/demandes.jsonl"

"$LOGE" run "$EX/grille-exemple.loge" --demandes "$EX/demandes.jsonl" \
  --logement "$EX/logement-t3-plus.json" --date 2025-06-30 > "$TMP/out.jsonl"

python3 - "$EX/demandes.jsonl" "$TMP/out.jsonl" <<'PY'
import json, sys
demandes = [json.loads(l) for l in open(sys.argv[1])]
out = [json.loads(l) for l in open(sys.argv[2])]
assert len(out) == len(demandes), (len(out), len(demandes))
assert [o["id"] for o in out] == [d["id"] for d in demandes], "ids out of order"
errors = [o for o in out if "erreur" in o]
assert not errors, errors[:3]
eligible = sum(o["eligible"] for o in out)
assert 0 < eligible < len(out), eligible
assert any(o["alertes"] for o in out) and any(not o["alertes"] for o in out)
assert len({o["cotation"]["principale"]["total"] for o in out}) > 50
PY

"$LOGE" explain "$EX/grille-exemple.loge" --demande "$EX/demande-exemple.json" \
  --logement "$EX/logement-t3-plus.json" --date 2025-06-30 > "$TMP/explain.txt"
grep -q "Cotation" "$TMP/explain.txt"
