#!/usr/bin/env bash
# End-to-end: `loge explain` gives the same French breakdown with either
# engine. The golden was checked by hand: 100 (PDALHPD) + 40 (rubrique,
# its highest criterion) + 28 (whole months from 2023-02-14 to 2025-06-30)
# = 168 points, and the 35 % alert on a 550,20 €/mois dépense. Every 15th
# demande of the workload's edge set, explained by both engines, must match
# line for line; an evaluation error is located the same way; a bad engine
# name is a usage error.
set -euo pipefail
LOGE=$1; ROOT=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
EX=$ROOT/examples
for engine in interp jit auto; do
  "$LOGE" explain "$EX/grille-exemple.loge" --demande "$EX/demande-exemple.json" \
    --logement "$EX/logement-t3-plus.json" --date 2025-06-30 --engine "$engine" > "$TMP/out.txt"
  diff -u "$ROOT/tests/e2e/explain/grille-exemple.txt" "$TMP/out.txt"
done

EDGE=$ROOT/bench/data/demandes_edge.jsonl
ids=$(python3 -c "import json,sys; print(' '.join(json.loads(l)['id'] for i,l in enumerate(open(sys.argv[1])) if i % 15 == 0))" "$EDGE")
for id in $ids; do
  for engine in interp jit; do
    set +e
    "$LOGE" explain "$ROOT/bench/workload.loge" --demande "$EDGE" --id "$id" \
      --logement "$ROOT/bench/logement_plus.json" --date 2025-06-30 --engine "$engine" > "$TMP/$engine.txt" 2>&1
    echo "exit $?" >> "$TMP/$engine.txt"
    set -e
  done
  diff -u "$TMP/interp.txt" "$TMP/jit.txt"
done

# An evaluation error: located in the policy, exit 3, with both engines.
cat > "$TMP/div.loge" <<'LOGE'
politique "Division"
version "1"
en vigueur du 2024-01-01
schéma "S" { demande : D }
structure D "D" { id : texte  n : entier }
cotation c "C" {
  critère a "A" = (10 ÷ demande.n) × 1 point
}
LOGE
echo '{"id": "Z", "n": 0}' > "$TMP/zero.json"
for engine in interp jit; do
  set +e
  "$LOGE" explain "$TMP/div.loge" --demande "$TMP/zero.json" --date 2025-01-01 --engine "$engine" > /dev/null 2> "$TMP/err.txt"
  status=$?
  set -e
  [ "$status" -eq 3 ] || { echo "explain --engine $engine: exit $status, expected 3"; cat "$TMP/err.txt"; exit 1; }
  grep -q "div.loge:7:" "$TMP/err.txt" || { echo "no location:"; cat "$TMP/err.txt"; exit 1; }
done

# The rest of the demande is still explained: the cotation that does not
# fail, the block that fails with its error, the result undetermined.
cat > "$TMP/bloc.loge" <<'LOGE'
politique "Division dans une règle"
en vigueur du 2024-01-01
schéma { demande : D  logement : L }
structure D { id : texte  r : montant mensuel }
structure L { id : texte  loyer : montant mensuel }
cotation c "C" { critère a "A" = 1 point }
éligibilité cal "CAL" pour logement {
  règle te "Taux" exige logement.loyer ÷ demande.r ≤ 35 % sinon refus "taux"
}
LOGE
echo '{"id": "Z", "r": 0}' > "$TMP/r0.json"
echo '{"id": "L", "loyer": 500}' > "$TMP/l.json"
for engine in interp jit; do
  set +e
  "$LOGE" explain "$TMP/bloc.loge" --demande "$TMP/r0.json" --logement "$TMP/l.json" --date 2025-01-01 \
    --engine "$engine" > "$TMP/out.txt" 2> "$TMP/err.txt"
  status=$?
  set -e
  [ "$status" -eq 3 ] || { echo "partial explain --engine $engine: exit $status, expected 3"; exit 1; }
  grep -q "Cotation « C » (c) : 1 point" "$TMP/out.txt" || { echo "cotation not explained:"; cat "$TMP/out.txt"; exit 1; }
  grep -q "non évalué — erreur d'évaluation : division : division par zéro (.*bloc.loge:8:" "$TMP/out.txt" ||
    { echo "block error not shown:"; cat "$TMP/out.txt"; exit 1; }
  grep -q "éligibilité non déterminée" "$TMP/out.txt" || { echo "result:"; cat "$TMP/out.txt"; exit 1; }
done

# The plafond refusal of a large household (a parent alone with six
# children: 7 persons, one more for a personne seule avec charge, so 8;
# beyond the sixth, the category 6 plafond plus a majoration per person)
# names the persons counted and the category, so the figure can be checked
# by hand.
python3 - "$EX/demande-exemple.json" > "$TMP/sept.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["id"] = "SEPT"
d["enfants_a_naitre"] = 0
d["personnes"] = [{"lien": "enfant", "date_naissance": "201%d-01-01" % i, "handicap": False, "a_charge": True,
                   "garde": None} for i in range(6)]
d["ressources"] = {"revenu_fiscal_n2": 90000, "revenu_fiscal_n1": 90000, "ressources_mensuelles": "7500.00"}
print(json.dumps(d))
PY
for engine in interp jit; do
  "$LOGE" explain "$ROOT/policies/grenoble/grenoble.loge" --demande "$TMP/sept.json" \
    --logement "$EX/logement-t3-plus.json" --date 2025-06-30 --engine "$engine" > "$TMP/sept.txt"
  grep -q "supérieur au plafond de ressources de .* applicable au logement (financement PLUS : .* ; 8 personne(s) au sens des catégories de ménage, catégorie 6 ; Autres régions)" "$TMP/sept.txt" ||
    { echo "plafond motif ($engine):"; grep -i plafond "$TMP/sept.txt"; exit 1; }
done

set +e
"$LOGE" explain "$EX/grille-exemple.loge" --demande "$EX/demande-exemple.json" --date 2025-06-30 \
  --engine turbo 2> "$TMP/err.txt"
status=$?
set -e
[ "$status" -eq 64 ] || { echo "unknown engine: exit $status, expected 64"; exit 1; }
grep -q "moteur inconnu" "$TMP/err.txt"
echo "explain: ok"
