#!/usr/bin/env bash
# The README's first command: install what is missing, build, then evaluate
# the shipped example policy on the shipped example demandes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-debian.sh
bash tools/build.sh
./build/compiler/driver/loge run examples/grille-exemple.loge \
  --demandes examples/demandes.jsonl --logement examples/logement-t3-plus.json --date 2025-06-30
