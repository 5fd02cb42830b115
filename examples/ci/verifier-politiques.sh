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
#                    fichiers de POLITIQUES qu'aucun autre n'importe et qui
#                    déclarent une cotation ou importent un module : une
#                    politique principale importe sa grille et ses règles de
#                    CAL, et leur impact se mesure sur elle)
#   DEMANDES         corpus de demandes JSON Lines (examples/demandes.jsonl)
#   LOGEMENT         logement JSON pour l'éligibilité et le classement (aucun)
#   DATE_EVALUATION  date d'évaluation AAAA-MM-JJ (aujourd'hui)
#   COUVERTURE_MIN   pourcentage de couverture exigé (aucun seuil)
#   SORTIE           dossier des rapports (rapports)
#
# 2 bis. `loge fmt --check` : chaque politique est écrite dans la forme
#    canonique (docs/guide/formatage.md) ; une politique à reformater fait
#    échouer la vérification (code 1), sans rien modifier.
#
# Code de sortie : 0 si tout passe ; sinon celui de la première étape en
# échec (1 politique incorrecte, test en échec ou mise en forme, 2 données,
# 64 usage).
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

echo "== loge fmt --check"
"$LOGE" fmt --check "${fichiers[@]}" || echoue $?

if [ -n "$CIBLE" ]; then
  if ! git rev-parse --verify --quiet "$CIBLE^{commit}" > /dev/null; then
    echo "erreur : branche cible « $CIBLE » introuvable" >&2
    exit 64
  fi
  base=$(git merge-base "$CIBLE" HEAD) || {
    echo "erreur : pas d'ancêtre commun avec « $CIBLE » : l'historique est-il complet ? (clone superficiel : git fetch --unshallow)" >&2
    exit 64
  }
  base=$(git rev-parse --short "$base")
  if [ -z "${PRINCIPALES:-}" ]; then
    # Les politiques racines : celles qu'aucune autre n'importe.
    declare -A importee=()
    for f in "${fichiers[@]}"; do
      while IFS= read -r cible; do
        importee["$(realpath -m "$(dirname "$f")/$cible")"]=1
      done < <(sed -n -E 's/^[[:space:]]*importe[[:space:]]+"([^"]+)".*/\1/p' "$f")
    done
    PRINCIPALES=""
    for f in "${fichiers[@]}"; do
      [ -n "${importee[$(realpath -m "$f")]:-}" ] && continue
      grep -q -E '^[[:space:]]*(cotation|importe)[[:space:]]' "$f" && PRINCIPALES+="$f "
    done
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
    ancien=$chemin
    if [ -n "$chemin" ] && ! git cat-file -e "$base:$chemin" 2>/dev/null; then
      # Renommée depuis la base ? Sa version d'avant porte l'ancien nom.
      ancien=$(git diff --find-renames=40% --name-status "$base" HEAD -- '*.loge' |
        awk -F '\t' -v n="$chemin" '$1 ~ /^R/ && $3 == n { print $2 }')
    fi
    if [ -z "$chemin" ] || [ -z "$ancien" ] || ! git cat-file -e "$base:$ancien" 2>/dev/null; then
      printf '## %s\n\nNouvelle politique : pas de version antérieure à comparer.\n\n' "$politique" >> "$impact"
      continue
    fi
    args=(--demandes "$DEMANDES" --date "$DATE_EVALUATION" --sortie "$SORTIE/diff.md")
    [ -n "$LOGEMENT" ] && args+=(--logement "$LOGEMENT")
    if "$LOGE" diff "$base:$ancien" "$politique" "${args[@]}"; then
      # Les titres du rapport descendent d'un niveau sous celui de la politique.
      printf '## %s\n\n' "$politique" >> "$impact"
      [ "$ancien" = "$chemin" ] || printf 'Renommée : ancien nom `%s`.\n\n' "$ancien" >> "$impact"
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
