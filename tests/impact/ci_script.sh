#!/usr/bin/env bash
# examples/ci/verifier-politiques.sh on a small temporary policy repository:
# a branch that changes the grid, checked against `main`; then a branch
# whose test fails.
# usage: ci_script.sh LOGE REPO_ROOT
set -uo pipefail
LOGE=$1; ROOT=$2; DATA=$ROOT/tests/impact/data
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
die() { echo "ÉCHEC : $*"; fail=1; }

REPO=$TMP/depot
mkdir -p "$REPO/policies" "$REPO/donnees"
git init -q -b main "$REPO"
git -C "$REPO" config user.email ci@example.org
git -C "$REPO" config user.name CI
cp "$DATA/schema.loge" "$REPO/policies/"
cp "$DATA/demandes.jsonl" "$DATA/logement.json" "$REPO/donnees/"
test_block='
test "DALO récent" {
  date 2025-06-30
  demande {
    id = "T"  depot = 2025-06-30  dalo = vrai  zone = a
    menage.adultes = 1  menage.enfants = 0  menage.rfr = 20_000 €/an
  }
  attendu principale.dalo = POINTS
}'
{ cat "$DATA/ancienne.loge"; echo "${test_block/POINTS/100}"; } > "$REPO/policies/grille.loge"
# The script checks the canonical form (loge fmt --check).
"$LOGE" fmt "$REPO/policies/grille.loge" "$REPO/policies/schema.loge" > /dev/null
git -C "$REPO" add -A && git -C "$REPO" commit -q -m "grille v1"
git -C "$REPO" checkout -q -b evolution
{ cat "$DATA/nouvelle.loge"; echo "${test_block/POINTS/200}"; } > "$REPO/policies/grille.loge"
"$LOGE" fmt "$REPO/policies/grille.loge" > /dev/null
git -C "$REPO" commit -q -am "grille v2"

export LOGE DEMANDES=donnees/demandes.jsonl LOGEMENT=donnees/logement.json DATE_EVALUATION=2025-06-30
(cd "$REPO" && bash "$ROOT/examples/ci/verifier-politiques.sh" main > "$TMP/log" 2>&1) || die "exit $? : $(cat "$TMP/log")"
R=$REPO/rapports
python3 - "$R" <<'PY' || die "rapports"
import json, sys, xml.etree.ElementTree as ET
r = sys.argv[1]
root = ET.parse(r + "/junit.xml").getroot()
assert root.get("tests") == "1" and root.get("failures") == "0", root.attrib
cov = json.load(open(r + "/couverture.json"))
assert cov["total"] == 6, cov["total"]  # 4 critères, 2 règles
impact = open(r + "/impact.md").read()
assert "## policies/grille.loge" in impact, impact
assert "### Résumé" in impact, impact
# D2 (28 000 €/an) devient inéligible ; 6 demandes changent de points.
assert "| Éligibilité | 0 devient éligible, 1 devient inéligible |" in impact, impact
assert "| Cotation `principale` | 6 changent de points (4 en hausse, 2 en baisse)" in impact, impact
PY

# A renamed policy is compared with its version under its old name (it was
# reported as new, hiding its changes).
git -C "$REPO" checkout -q -b renommage main
git -C "$REPO" mv policies/grille.loge policies/grille-2025.loge
sed -i 's/= 100 points si demande.dalo/= 150 points si demande.dalo/; s/principale.dalo = 100/principale.dalo = 150/' \
  "$REPO/policies/grille-2025.loge"
git -C "$REPO" commit -q -am "renommage"
(cd "$REPO" && bash "$ROOT/examples/ci/verifier-politiques.sh" main > "$TMP/log-r" 2>&1) || die "renommage : exit $?"
grep -q 'Renommée : ancien nom `policies/grille.loge`' "$R/impact.md" || die "renommage : $(cat "$R/impact.md")"
grep -q '2 changent de points' "$R/impact.md" || die "renommage sans impact : $(cat "$R/impact.md")"
git -C "$REPO" checkout -q evolution

# A policy that is not in the canonical form fails the check (code 1).
git -C "$REPO" checkout -q -b forme
sed -i 's/^cotation principale/cotation   principale/' "$REPO/policies/grille.loge"
git -C "$REPO" commit -q -am "forme"
(cd "$REPO" && bash "$ROOT/examples/ci/verifier-politiques.sh" > "$TMP/log-f" 2>&1)
code=$?
[ "$code" = 1 ] || die "mise en forme : exit $code au lieu de 1"
grep -q "format canonique" "$TMP/log-f" || die "mise en forme : message absent"
git -C "$REPO" checkout -q evolution

# A failing test and a coverage threshold: non-zero exit, JUnit failure.
git -C "$REPO" checkout -q -b casse
sed -i 's/attendu principale.dalo = 200/attendu principale.dalo = 300/' "$REPO/policies/grille.loge"
git -C "$REPO" commit -q -am "test faux"
(cd "$REPO" && bash "$ROOT/examples/ci/verifier-politiques.sh" main > "$TMP/log2" 2>&1)
code=$?
[ "$code" = 1 ] || die "test en échec : exit $code au lieu de 1"
grep -q 'failures="1"' "$R/junit.xml" || die "JUnit sans l'échec"
(cd "$REPO" && git checkout -q evolution && COUVERTURE_MIN=100 bash "$ROOT/examples/ci/verifier-politiques.sh" > "$TMP/log3" 2>&1)
code=$?
[ "$code" = 1 ] || die "seuil de couverture : exit $code au lieu de 1"
grep -q "couverture insuffisante" "$TMP/log3" || die "message de seuil absent"
exit $fail
