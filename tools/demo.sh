#!/usr/bin/env bash
# The README's first command: install what is missing, build, evaluate the
# shipped example policy on the shipped example demandes, then show the
# impact of the example modification (examples/grille-exemple-v2.loge).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-debian.sh
bash tools/build.sh
LOGE=./build/compiler/driver/loge
$LOGE run examples/grille-exemple.loge \
  --demandes examples/demandes.jsonl --logement examples/logement-t3-plus.json --date 2025-06-30 \
  --sortie build/demo-resultats.jsonl
echo "== $(wc -l < build/demo-resultats.jsonl) demandes évaluées (build/demo-resultats.jsonl) ; les trois premières :"
head -3 build/demo-resultats.jsonl
echo
echo "== Impact de examples/grille-exemple-v2.loge sur ces demandes :"
$LOGE diff examples/grille-exemple.loge examples/grille-exemple-v2.loge \
  --demandes examples/demandes.jsonl --logement examples/logement-t3-plus.json --date 2025-06-30
