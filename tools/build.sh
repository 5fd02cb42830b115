#!/usr/bin/env bash
# Configures and builds Loge in ./build (Release, warnings as errors).
set -euo pipefail
cd "$(dirname "$0")/.."
GENERATOR=()
if command -v ninja >/dev/null 2>&1; then GENERATOR=(-G Ninja); fi
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build "${GENERATOR[@]}" -DCMAKE_BUILD_TYPE=Release -DLOGE_WERROR=ON
fi
cmake --build build -j "$(nproc)"
