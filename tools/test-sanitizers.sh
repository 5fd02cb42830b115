#!/usr/bin/env bash
# The test suite under sanitizers (docs/reliability.md):
#   1. AddressSanitizer + UndefinedBehaviorSanitizer: the whole project and
#      every test, in ./build-asan (clang-14 when installed, else the default
#      compiler);
#   2. ThreadSanitizer: the tests labelled `concurrency`, in ./build-tsan
#      (skipped, with a message, when no test carries that label);
#   3. the fuzz targets of build-asan, briefly each (tools/fuzz.sh), when
#      clang-14 is installed (skipped with a message otherwise).
# Usage: tools/test-sanitizers.sh [asan|tsan|fuzz]...   (default: all three)
# JOBS sets the build and test parallelism (default: nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JOBS=${JOBS:-$(nproc)}
STEPS=("$@")
[ ${#STEPS[@]} -eq 0 ] && STEPS=(asan tsan fuzz)
GENERATOR=()
if command -v ninja >/dev/null 2>&1; then GENERATOR=(-G Ninja); fi

# clang-14 when installed: the same build then also holds the fuzz targets
# (LOGE_FUZZ), so CI compiles the project once under sanitizers, not twice.
COMPILER=()
FUZZ=OFF
if command -v clang++-14 >/dev/null 2>&1; then
  COMPILER=(-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14)
  FUZZ=ON
fi
LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then
  LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# Debug keeps the assertions; -O1 makes the instrumented suite about twice
# as fast as -O0.
configure() { # dir sanitizers fuzz
  if [ ! -f "$1/CMakeCache.txt" ]; then
    cmake -S . -B "$1" "${GENERATOR[@]}" "${COMPILER[@]}" "${LAUNCHER[@]}" -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DCMAKE_C_FLAGS_DEBUG="-g -O1" -DLOGE_SANITIZE="$2" -DLOGE_FUZZ="$3"
  fi
}

# Shared by every instrumented process, including those the tests spawn.
# Leaks are findings; tools/sanitizers/lsan.supp may only name third-party
# process-lifetime allocations (it is empty today).
export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1"
export LSAN_OPTIONS="suppressions=$ROOT/tools/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$ROOT/tools/sanitizers/tsan.supp"

# Tests that are meaningless under ASan. Keep the reason next to each entry,
# and the list short: every test excluded here is a test the sanitizers
# never see.
# - capi.install_and_embed installs libloge and builds outside consumers
#   with the system compiler and their own flags: an instrumented package
#   needs the sanitizer runtime, which such a consumer does not link. The
#   library itself runs under ASan in every other capi.* test.
ASAN_EXCLUDE="^capi\.install_and_embed$"

run_asan() {
  local start=$SECONDS
  configure build-asan address,undefined "$FUZZ"
  cmake --build build-asan -j "$JOBS"
  local built=$SECONDS
  if [ -n "$ASAN_EXCLUDE" ]; then
    ctest --test-dir build-asan --output-on-failure -j "$JOBS" -E "$ASAN_EXCLUDE"
  else
    ctest --test-dir build-asan --output-on-failure -j "$JOBS"
  fi
  echo "sanitizers: ASan+UBSan construction $((built - start)) s, tests $((SECONDS - built)) s"
}

run_tsan() {
  # The ASan build tells which tests are concurrency tests without a
  # ThreadSanitizer build; configure one only if there are any.
  local probe=build-asan
  [ -f "$probe/CTestTestfile.cmake" ] || probe=build
  if [ ! -f "$probe/CTestTestfile.cmake" ] ||
     ! ctest --test-dir "$probe" -N -L concurrency | grep -q "Total Tests: [1-9]"; then
    echo "sanitizers: aucun test étiqueté « concurrency » : ThreadSanitizer non lancé"
    return 0
  fi
  configure build-tsan thread OFF
  cmake --build build-tsan -j "$JOBS" --target concurrency_tests
  ctest --test-dir build-tsan --output-on-failure -j "$JOBS" -L concurrency
}

run_fuzz() {
  [ -f tools/fuzz.sh ] || return 0
  if ! command -v clang++-14 >/dev/null 2>&1; then
    echo "sanitizers: clang-14 absent : cibles de fuzzing non lancées (tools/setup-debian.sh l'installe)"
    return 0
  fi
  # Each target starts from its seed corpus and fuzzes briefly; a finding
  # fails the step (tools/fuzz.sh prints how to keep it as a regression).
  for target in $(bash tools/fuzz.sh --list); do
    bash tools/fuzz.sh "$target" "${FUZZ_SECONDS:-60}"
  done
}

for step in "${STEPS[@]}"; do
  case "$step" in
    configure) configure build-asan address,undefined "$FUZZ" ;; # for tools/fuzz.sh
    asan) run_asan ;;
    tsan) run_tsan ;;
    fuzz) run_fuzz ;;
    *) echo "usage: $0 [asan|tsan|fuzz]..." >&2; exit 64 ;;
  esac
done
