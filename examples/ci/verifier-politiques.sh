#!/usr/bin/env bash
# Vérification des politiques d'un dépôt, pour l'intégration continue.
#
#   examples/ci/verifier-politiques.sh [BRANCHE_CIBLE]
#
# 1. `loge check` : chaque politique se compile (diagnostics sur une ligne) ;
# 2. `loge test --junit --coverage` : les tests passent ; rapport JUnit et
#    couverture (texte, JSON), seuil facultatif ;
# 3. `loge diff` : si une branche cible est donnée (la branche où la demande
#    de fusion sera intégrée), l'impact de la modification sur le corpus de
#    demandes, pour chaque politique principale, contre sa version au point
#    de divergence avec la branche cible. Le rapport Markdown
#    ($SORTIE/impact.md) est celui qu'un relecteur lit ; les fichiers GitLab
#    CI et GitHub Actions de ce dossier le publient en commentaire.
#
# Variables (valeurs par défaut entre parenthèses) :
#   LOGE             le binaire loge (loge, cherché dans le PATH)
#   POLITIQUES       dossier des politiques (policies)
#   PRINCIPALES      politiques à comparer, séparées par des espaces (les
#                    fichiers de POLITIQUES qui déclarent une cotation)
#   DEMANDES         corpus de demandes JSON Lines (examples/demandes.jsonl)
#   LOGEMENT         logement JSON pour l'éligibilité et le classement (aucun)
#   DATE_EVALUATION  date d'évaluation AAAA-MM-JJ (aujourd'hui)
#   COUVERTURE_MIN   pourcentage de couverture exigé (aucun seuil)
#   SORTIE           dossier des rapports (rapports)
#
# Code de sortie : 0 si tout passe ; sinon celui de la première étape en
# échec (1 politique incorrecte ou test en échec, 2 données, 64 usage).
set -uo pipefail

LOGE=${LOGE:-loge}
POLITIQUES=${POLITIQUES:-policies}
DEMANDES=${DEMANDES:-examples/demandes.jsonl}
LOGEMENT=${LOGEMENT:-}
DATE_EVALUATION=${DATE_EVALUATION:-$(date +%Y-%m-%d)}
COUVERTURE_MIN=${COUVERTURE_MIN:-}
SORTIE=${SORTIE:-rapports}
CIBLE=${1:-}

mkdir -p "$SORTIE"
statut=0
echoue() { [ "$statut" -ne 0 ] || statut=$1; }

mapfile -t fichiers < <(find "$POLITIQUES" -name '*.loge' | sort)
if [ "${#fichiers[@]}" -eq 0 ]; then
  echo "erreur : aucune politique (.loge) dans « $POLITIQUES »" >&2
  exit 64
fi

echo "== loge check (${#fichiers[@]} fichiers)"
"$LOGE" check --une-ligne "${fichiers[@]}" || echoue $?

echo "== loge test"
options=(--junit "$SORTIE/junit.xml" --coverage --coverage-json "$SORTIE/couverture.json")
[ -n "$COUVERTURE_MIN" ] && options+=(--coverage-min "$COUVERTURE_MIN")
"$LOGE" test "$POLITIQUES" "${options[@]}" | tee "$SORTIE/tests.txt"
code=${PIPESTATUS[0]}
[ "$code" -eq 0 ] || echoue "$code"

if [ -n "$CIBLE" ]; then
  base=$(git merge-base "$CIBLE" HEAD) || { echo "erreur : branche cible « $CIBLE » introuvable" >&2; exit 64; }
  base=$(git rev-parse --short "$base")
  if [ -z "${PRINCIPALES:-}" ]; then
    PRINCIPALES=$(grep -l -E '^cotation[[:space:]]' "${fichiers[@]}" | tr '\n' ' ')
  fi
  impact="$SORTIE/impact.md"
  {
    echo "# Impact sur le corpus : $(git rev-parse --short HEAD) contre $CIBLE ($base)"
    echo
    echo "Corpus : \`$DEMANDES\`${LOGEMENT:+, logement \`$LOGEMENT\`}, date d'évaluation $DATE_EVALUATION."
    echo
  } > "$impact"
  changed=$(git diff --name-only "$base" HEAD -- '*.loge' | wc -l)
  if [ "$changed" -eq 0 ]; then
    echo "Aucune politique modifiée." >> "$impact"
  fi
  for politique in $PRINCIPALES; do
    [ "$changed" -eq 0 ] && break
    echo "== loge diff $politique"
    chemin=$(git ls-files --full-name -- "$politique")
    if [ -z "$chemin" ] || ! git cat-file -e "$base:$chemin" 2>/dev/null; then
      printf '## %s\n\nNouvelle politique : pas de version antérieure à comparer.\n\n' "$politique" >> "$impact"
      continue
    fi
    args=(--demandes "$DEMANDES" --date "$DATE_EVALUATION" --sortie "$SORTIE/diff.md")
    [ -n "$LOGEMENT" ] && args+=(--logement "$LOGEMENT")
    if "$LOGE" diff "$base:$chemin" "$politique" "${args[@]}"; then
      # Les titres du rapport descendent d'un niveau sous celui de la politique.
      printf '## %s\n\n' "$politique" >> "$impact"
      sed -e '1,2d' -e 's/^#/##/' "$SORTIE/diff.md" >> "$impact"
      rm -f "$SORTIE/diff.md"
    else
      code=$?
      printf '## %s\n\nLa comparaison a échoué (code %s) : voir le journal.\n\n' "$politique" "$code" >> "$impact"
      echoue "$code"
    fi
  done
  echo "Rapport d'impact : $impact"
fi
exit "$statut"
