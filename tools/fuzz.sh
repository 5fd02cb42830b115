#!/usr/bin/env bash
# Runs one fuzz target of tests/fuzz for a chosen time (docs/reliability.md).
#
#   tools/fuzz.sh TARGET SECONDS [libFuzzer options...]
#   tools/fuzz.sh --list
#
# TARGET: parse_check (parser and checker), ingest (JSON/JSON Lines reading
# against the standard schema), engines (interpreter versus JIT).
# Builds build-asan/tests/fuzz/fuzz_TARGET if needed (clang-14, ASan+UBSan,
# libFuzzer; the build tools/test-sanitizers.sh uses), assembles the seed
# corpus from the repository into build-asan/fuzz/TARGET/seeds, keeps the
# growing corpus in build-asan/fuzz/TARGET/corpus (reused by the next run),
# and writes findings to build-asan/fuzz/TARGET/findings/. Exit status: 0 no
# finding, 1 a finding (crash, sanitizer report, engines disagreement, leak
# or timeout), 64 usage.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGETS=(parse_check ingest engines)
if [ "${1:-}" = "--list" ]; then printf '%s\n' "${TARGETS[@]}"; exit 0; fi
if [ $# -lt 2 ] || [[ ! " ${TARGETS[*]} " == *" $1 "* ]] || ! [[ $2 =~ ^[0-9]+$ ]]; then
  echo "usage : tools/fuzz.sh CIBLE SECONDES [options libFuzzer…] ; cibles : ${TARGETS[*]}" >&2
  exit 64
fi
TARGET=$1
SECONDS_TO_RUN=$2
shift 2
BUILD=${LOGE_FUZZ_BUILD:-build-asan}
JOBS=${JOBS:-$(nproc)}

if ! command -v clang++-14 >/dev/null 2>&1; then
  echo "fuzz : clang-14 est nécessaire (tools/setup-debian.sh l'installe)" >&2
  exit 64
fi
[ -f "$BUILD/CMakeCache.txt" ] || bash tools/test-sanitizers.sh configure
if ! grep -q "^LOGE_FUZZ:BOOL=ON" "$BUILD/CMakeCache.txt"; then
  echo "fuzz : $BUILD n'est pas configuré avec -DLOGE_FUZZ=ON" >&2
  exit 64
fi
# LOGE_FUZZ_NO_BUILD=1: fuzz the binary as it is (e.g. while the tree moves).
[ -n "${LOGE_FUZZ_NO_BUILD:-}" ] || cmake --build "$BUILD" -j "$JOBS" --target "fuzz_$TARGET"

WORK=$BUILD/fuzz/$TARGET
SEEDS=$WORK/seeds
rm -rf "$SEEDS"
mkdir -p "$SEEDS" "$WORK/corpus" "$WORK/findings"
REGRESSIONS=tests/fuzz/regressions/$TARGET
DICT=()
case "$TARGET" in
  parse_check)
    # Every policy, example, test policy and golden of the repository.
    find policies examples bench tests/lang tests/diagnostics tests/differential -name '*.loge' -print0 |
      while IFS= read -r -d '' f; do cp "$f" "$SEEDS/$(echo "$f" | tr '/' '_')"; done
    DICT=(-dict=tests/fuzz/loge.dict)
    ;;
  ingest)
    # Byte 0 chooses the reader and the record type (ingest_fuzz.cpp):
    # 0x00 a demande object, 0x01 a logement object, 0x20 demandes as JSON
    # Lines, 0x40 CSV, 0x60 SNE XML (0x70: with the test defaults).
    python3 - "$SEEDS" <<'PY'
import pathlib, sys
out = pathlib.Path(sys.argv[1])
lines = [l for l in pathlib.Path("examples/demandes.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
for i, l in enumerate(lines[:40]):
    (out / f"demande-{i}").write_bytes(b"\x00" + l.encode())
for i in range(0, min(len(lines), 40), 4):
    (out / f"lignes-{i}").write_bytes(b"\x20" + "\n".join(lines[i:i + 4]).encode() + b"\n")
for prefix, files in ((b"\x01", ["examples/logement-t3-plus.json"]),
                      (b"\x40", sorted(pathlib.Path("tests").rglob("*.csv"))),
                      (b"\x70", sorted(pathlib.Path("tests").rglob("*.xml")))):
    for f in files:
        f = pathlib.Path(f)
        if f.stat().st_size < 200_000:
            (out / f"{prefix.hex()}-{f.name}").write_bytes(prefix + f.read_bytes())
PY
    DICT=(-dict=tests/fuzz/json.dict)
    ;;
  engines)
    # One seed per policy (byte 0) and per logement/candidature choice.
    python3 - "$SEEDS" <<'PY'
import pathlib, sys
out = pathlib.Path(sys.argv[1])
for policy in range(48):
    for flags in (0x07, 0x1F):
        (out / f"seed-{policy}-{flags}").write_bytes(bytes([policy, policy % 3, flags, 80, 50, 8]) + b"loge" + bytes([policy]))
PY
    ;;
esac
[ -d "$REGRESSIONS" ] && cp "$REGRESSIONS"/* "$SEEDS"/ 2>/dev/null && rm -f "$SEEDS/README.md"

echo "fuzz : $TARGET pendant $SECONDS_TO_RUN s ($(ls "$SEEDS" | wc -l) graines, $(ls "$WORK/corpus" | wc -l) entrées de corpus)"
export ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=0:${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$ROOT/tools/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
set +e
"$BUILD/tests/fuzz/fuzz_$TARGET" -max_total_time="$SECONDS_TO_RUN" -timeout=60 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix="$WORK/findings/" "${DICT[@]}" "$@" "$WORK/corpus" "$SEEDS" \
  >"$WORK/last-run.log" 2>&1
status=$?
set -e
grep -E "^(#[0-9]+ +(INITED|DONE)|stat::(number_of_executed_units|peak_rss)|==[0-9]+==ERROR|SUMMARY|==== LOGE|engines_fuzz)" \
  "$WORK/last-run.log" || true
if [ "$status" -ne 0 ]; then
  echo "fuzz : DÉCOUVERTE dans $TARGET (journal : $WORK/last-run.log, entrées : $WORK/findings/)." >&2
  echo "  minimiser : $BUILD/tests/fuzz/fuzz_$TARGET -minimize_crash=1 -max_total_time=120 FICHIER" >&2
  echo "  garder : copier l'entrée minimisée dans $REGRESSIONS/ (rejouée par ctest -R fuzz.replay_$TARGET)" >&2
  exit 1
fi
echo "fuzz : $TARGET sans découverte en $SECONDS_TO_RUN s"
