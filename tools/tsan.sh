#!/usr/bin/env bash
# Concurrent evaluation through libloge under ThreadSanitizer: configures
# ./build-tsan with -DLOGE_SANITIZE=thread, builds only the concurrency test
# (and the compiler stages it links), runs it. Any data race fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
GENERATOR=()
if command -v ninja >/dev/null 2>&1; then GENERATOR=(-G Ninja); fi
if [ ! -f build-tsan/CMakeCache.txt ]; then
  cmake -S . -B build-tsan "${GENERATOR[@]}" -DCMAKE_BUILD_TYPE=Debug -DLOGE_SANITIZE=thread
fi
cmake --build build-tsan -j "$(nproc)" --target capi_thread_test
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}" build-tsan/tests/capi/capi_thread_test
