#!/usr/bin/env bash
# `loge diff` from the command line:
#  1. golden Markdown and JSON reports on the hand-worked corpus of data/
#     (impact_test.cpp gives the figures; LOGE_UPDATE_GOLDENS=1 rewrites);
#  2. REV:chemin from a temporary git repository, imports taken from the
#     same revision;
#  3. error cases: clear French message, non-zero exit.
# usage: diff_cli.sh LOGE TESTS_IMPACT_DIR
set -uo pipefail
LOGE=$1; HERE=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
die() { echo "ÉCHEC : $*"; fail=1; }

golden() { # NAME FILE
  if [ "${LOGE_UPDATE_GOLDENS:-}" = 1 ]; then cp "$2" "$HERE/golden/$1"; fi
  diff -u "$HERE/golden/$1" "$2" || die "rapport différent de golden/$1"
}

cd "$HERE/data"
ARGS=(--demandes demandes.jsonl --logement logement.json --date 2025-06-30 --top 3)
"$LOGE" diff ancienne.loge nouvelle.loge "${ARGS[@]}" > "$TMP/diff.md" || die "diff markdown: exit $?"
golden diff.md "$TMP/diff.md"
"$LOGE" diff ancienne.loge nouvelle.loge "${ARGS[@]}" --json > "$TMP/diff.json" || die "diff json: exit $?"
golden diff.json "$TMP/diff.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/diff.json" || die "JSON invalide"
"$LOGE" diff ancienne.loge nouvelle.loge --demandes demandes.jsonl --date 2025-06-30 --top 3 --format json \
  --sortie "$TMP/sans-logement.json" || die "diff sans logement: exit $?"
golden sans-logement.json "$TMP/sans-logement.json"
"$LOGE" diff ancienne.loge erreur.loge "${ARGS[@]}" > "$TMP/erreur.md" || die "diff erreur: exit $?"
# The same corpus in CSV: the same report, but for the file name.
"$LOGE" diff ancienne.loge nouvelle.loge --demandes demandes.csv --logement logement.json --date 2025-06-30 --top 3 \
  --json > "$TMP/csv.json" || die "diff csv: exit $?"
diff <(grep -v '"logement"' "$TMP/diff.json") <(grep -v '"logement"' "$TMP/csv.json") || die "CSV et JSON Lines diffèrent"
golden erreur.md "$TMP/erreur.md"

# expect_error CODE PATTERN ARGS… : exit CODE and PATTERN on stderr.
expect_error() {
  local code=$1 pattern=$2; shift 2
  "$LOGE" "$@" > "$TMP/out" 2> "$TMP/err"
  local got=$?
  [ "$got" = "$code" ] || die "$* : exit $got au lieu de $code ($(cat "$TMP/err"))"
  grep -q -- "$pattern" "$TMP/err" || die "$* : message attendu « $pattern », obtenu : $(cat "$TMP/err")"
  [ -s "$TMP/out" ] && die "$* : rapport écrit malgré l'erreur"
}
expect_error 1 "introuvable\|n'existe pas\|impossible" diff absente.loge nouvelle.loge "${ARGS[@]}"
printf 'politique "Cassée"\ncotation principale "x" {\n  critère a "a" = 1 point si inconnu\n}\n' > "$TMP/cassee.loge"
expect_error 1 "la nouvelle version ($TMP/cassee.loge) ne se compile pas" diff ancienne.loge "$TMP/cassee.loge" "${ARGS[@]}"
expect_error 2 "schémas incompatibles" diff ancienne.loge autre-schema.loge "${ARGS[@]}"
expect_error 64 "format" diff ancienne.loge nouvelle.loge "${ARGS[@]}" --format-entree parquet
expect_error 64 "format de rapport inconnu" diff ancienne.loge nouvelle.loge "${ARGS[@]}" --format html
expect_error 64 "hors de la période de vigueur" diff ancienne.loge nouvelle.loge --demandes demandes.jsonl --date 2020-01-01
expect_error 2 "demandes-absentes.jsonl" diff ancienne.loge nouvelle.loge --demandes demandes-absentes.jsonl --date 2025-06-30
(cd "$TMP" && expect_error 64 "pas dans un dépôt git" diff HEAD:grille.loge "$HERE/data/nouvelle.loge" \
  --demandes "$HERE/data/demandes.jsonl" --date 2025-06-30)

# A policy repository with two commits; the first one's grid imports a
# schema file that the second one renamed.
REPO=$TMP/depot
mkdir -p "$REPO/politiques"
git init -q "$REPO"
git -C "$REPO" config user.email ci@example.org
git -C "$REPO" config user.name CI
cp schema.loge "$REPO/politiques/schema.loge"
cp ancienne.loge "$REPO/politiques/grille.loge"
git -C "$REPO" add -A && git -C "$REPO" commit -q -m v1
git -C "$REPO" mv politiques/schema.loge politiques/schema-v2.loge
sed 's/importe "schema.loge"/importe "schema-v2.loge"/' nouvelle.loge > "$REPO/politiques/grille.loge"
git -C "$REPO" add -A && git -C "$REPO" commit -q -m v2
cp demandes.jsonl logement.json "$REPO/"
(cd "$REPO" && "$LOGE" diff HEAD~1:politiques/grille.loge politiques/grille.loge --demandes demandes.jsonl \
   --logement logement.json --date 2025-06-30 --top 3 --json > "$TMP/git.json") || die "diff REV:chemin: exit $?"
# With stdout closed and the report in a file: git's pipe must not take the
# closed descriptor's place (the revision could not be read).
(cd "$REPO" && "$LOGE" diff HEAD~1:politiques/grille.loge politiques/grille.loge --demandes demandes.jsonl \
   --date 2025-06-30 --sortie "$TMP/ferme.md" >&-) || die "diff REV:chemin, sortie standard fermée : exit $?"
[ -s "$TMP/ferme.md" ] || die "diff REV:chemin, sortie standard fermée : rapport vide"
# Same figures as the file-to-file comparison; only the titles differ.
python3 - "$TMP/diff.json" "$TMP/git.json" <<'PY' || die "REV:chemin ne donne pas les mêmes chiffres"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert b["ancienne"] == "HEAD~1:politiques/grille.loge", b["ancienne"]
for k in ("ancienne", "nouvelle"):
    a.pop(k); b.pop(k)
assert a == b
PY
# From a subdirectory, `REV:./chemin` is relative to it.
(cd "$REPO/politiques" && "$LOGE" diff HEAD~1:./grille.loge HEAD:./grille.loge --demandes ../demandes.jsonl \
   --date 2025-06-30 --json > "$TMP/sub.json") || die "diff REV:./chemin: exit $?"
(cd "$REPO" && expect_error 64 "révision git inconnue « nimporte »" diff nimporte:politiques/grille.loge \
   politiques/grille.loge --demandes demandes.jsonl --date 2025-06-30)
(cd "$REPO" && expect_error 64 "le fichier « politiques/absente.loge » n'existe pas dans la révision « HEAD »" \
   diff HEAD:politiques/absente.loge politiques/grille.loge --demandes demandes.jsonl --date 2025-06-30)
exit $fail
