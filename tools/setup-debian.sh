#!/usr/bin/env bash
# Installs the Debian 12 packages Loge needs, skipping those already present.
# Uses sudo when not run as root.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build python3
  antlr4 libantlr4-runtime-dev
  llvm-16-dev
  libfmt-dev nlohmann-json3-dev libcli11-dev libpugixml-dev libjemalloc-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev clang-format
)

# antlr4 runs on Java; any installed JRE will do.
if ! command -v java >/dev/null 2>&1; then PACKAGES+=(default-jre-headless); fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: tous les paquets sont déjà installés"
  exit 0
fi

echo "setup: installation de ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
