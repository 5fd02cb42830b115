#!/usr/bin/env bash
# libloge's package, as a host sees it: `cmake --install` into a temporary
# prefix, then
#  1. examples/embed-cpp configured apart with find_package(Loge) (shared,
#     then static library), run on the shipped example: its output must be
#     byte-identical to `loge run` on the same inputs;
#  2. tests/capi/consumer.c compiled as pure C11 with -Werror through
#     pkg-config, run on the test policy, compared with `loge run`;
#  3. libloge.so exports only loge_* symbols;
#  4. the installed CMake package names no file of this machine (the static
#     library's dependencies are found on the host's), and libloge.a shares
#     no symbol with the runtime archives of ahead-of-time artifacts;
#  5. examples/embed-c built against an artifact and the installed runtime
#     (pkg-config loge-rt), and a host linking libloge.a, an artifact and
#     its runtime together (tests/capi/mixed-host), compared with `loge run`.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR LOGE_BINARY
set -euo pipefail
build=$1 src=$2 loge=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" > "$work/install.log"
test -f "$prefix/include/loge/loge.h" && test -f "$prefix/include/loge/loge.hpp"
libdir=$(dirname "$(find "$prefix" -name 'libloge.so' | head -1)")
test -f "$libdir/libloge.a" && test -f "$libdir/libloge_rt.a" && test -f "$libdir/libloge_numeric.a"
test -f "$libdir/pkgconfig/loge.pc" && test -f "$libdir/pkgconfig/loge-rt.pc"
test -f "$libdir/cmake/Loge/LogeConfig.cmake" && test -f "$libdir/cmake/Loge/LogeStaticTargets.cmake"
test -f "$prefix/include/loge/rt/aot.h"

# 1. The C++ example against the installed package.
ex=$src/examples
"$loge" run "$ex/grille-exemple.loge" --demandes "$ex/demandes.jsonl" --logement "$ex/logement-t3-plus.json" \
  --date 2025-06-30 > "$work/expected.jsonl"
generator=()
if command -v ninja > /dev/null; then generator=(-G Ninja); fi
for kind in shared static; do
  static=OFF
  if [ $kind = static ]; then static=ON; fi
  cmake -S "$ex/embed-cpp" -B "$work/embed-$kind" "${generator[@]}" -DCMAKE_PREFIX_PATH="$prefix" \
    -DEMBED_STATIC=$static -DCMAKE_BUILD_TYPE=Release > "$work/configure-$kind.log" ||
    { cat "$work/configure-$kind.log"; exit 1; }
  cmake --build "$work/embed-$kind" > "$work/build-$kind.log" || { cat "$work/build-$kind.log"; exit 1; }
  "$work/embed-$kind/embed-cpp" "$ex/grille-exemple.loge" "$ex/demandes.jsonl" "$ex/logement-t3-plus.json" \
    2025-06-30 > "$work/embed-$kind.jsonl"
  cmp "$work/expected.jsonl" "$work/embed-$kind.jsonl"
  echo "embed-cpp ($kind) : $(wc -l < "$work/embed-$kind.jsonl") lignes identiques à loge run"
done
if [ "$(readelf -d "$work/embed-static/embed-cpp" | grep -c 'libloge.so')" != 0 ]; then
  echo "embed-cpp (static) dépend de libloge.so" >&2
  exit 1
fi

# 2. Pure C through pkg-config.
data=$src/tests/capi/data
export PKG_CONFIG_PATH=$libdir/pkgconfig
# shellcheck disable=SC2046
gcc -std=c11 -Wall -Wextra -Werror -pedantic "$src/tests/capi/consumer.c" -o "$work/consumer" \
  $(pkg-config --cflags --libs loge) -Wl,-rpath,"$libdir"
"$work/consumer" "$data/api-test.loge" "$data/demandes.jsonl" "$data/logement.json" 2025-06-30 > "$work/c.txt"
status=0
"$loge" run "$data/api-test.loge" --demandes "$data/demandes.jsonl" --logement "$data/logement.json" \
  --date 2025-06-30 > "$work/c-expected.txt" 2> /dev/null || status=$?
test $status = 3 # demande C overflows
echo "total A : 44" >> "$work/c-expected.txt"
diff "$work/c-expected.txt" "$work/c.txt"
echo "consumer.c (C11, pkg-config) : sortie identique"

# 3. Only the API is exported: exactly the functions loge.h declares.
grep -o 'LOGE_API [^(]*\bloge_[a-z0-9_]*(' "$src/runtime/include/loge/loge.h" | grep -o 'loge_[a-z0-9_]*($' |
  tr -d '(' | sort > "$work/declared.txt"
nm -D --defined-only "$libdir/libloge.so" | awk '{print $3}' |
  grep -v -E '^(_init|_fini|_edata|_end|__bss_start)$' | sort > "$work/exported.txt"
if ! diff "$work/declared.txt" "$work/exported.txt" > "$work/symbols.diff"; then
  echo "libloge.so n'exporte pas exactement l'API de loge.h (< déclaré, > exporté) :" >&2
  head -20 "$work/symbols.diff" >&2
  exit 1
fi
echo "libloge.so : exporte exactement les $(wc -l < "$work/declared.txt") fonctions de loge.h"

# 4. The package as a host machine sees it.
links=$(grep -h 'INTERFACE_LINK_LIBRARIES' "$libdir"/cmake/Loge/Loge*Targets.cmake)
if echo "$links" | grep -q '/'; then
  echo "le paquet CMake installé désigne des fichiers de la machine de construction :" >&2
  echo "$links" >&2
  exit 1
fi
strong() { nm --defined-only "$@" 2> /dev/null | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort -u; }
strong "$libdir/libloge.a" > "$work/libloge.syms"
strong "$libdir/libloge_rt.a" "$libdir/libloge_numeric.a" > "$work/rt.syms"
if [ -n "$(comm -12 "$work/libloge.syms" "$work/rt.syms" | head -5)" ]; then
  echo "libloge.a définit aussi des symboles de libloge_rt.a ou libloge_numeric.a :" >&2
  comm -12 "$work/libloge.syms" "$work/rt.syms" | head -5 >&2
  exit 1
fi
# Without LLVM and the ANTLR runtime on the host (libraries looked up in an
# empty root), the shared library is still found; the static one, when
# required, fails naming what is missing.
mkdir -p "$work/nodeps"
cat > "$work/nodeps/CMakeLists.txt" << 'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(nodeps LANGUAGES CXX)
if(WANT_STATIC)
  find_package(Loge REQUIRED COMPONENTS static)
else()
  find_package(Loge REQUIRED)
endif()
if(NOT TARGET Loge::loge OR NOT TARGET Loge::loge_rt OR TARGET Loge::loge_static)
  message(FATAL_ERROR "cibles inattendues")
endif()
CMAKE
nodeps=(-DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_ROOT_PATH=/nonexistent -DCMAKE_FIND_ROOT_PATH_MODE_LIBRARY=ONLY
  -DLOGE_LLVM_CONFIG=/bin/false)
cmake -S "$work/nodeps" -B "$work/nodeps/shared" "${nodeps[@]}" > "$work/nodeps-shared.log" 2>&1 ||
  { cat "$work/nodeps-shared.log"; exit 1; }
if cmake -S "$work/nodeps" -B "$work/nodeps/static" "${nodeps[@]}" -DWANT_STATIC=ON > "$work/nodeps-static.log" 2>&1 ||
  ! tr -s ' \n' ' ' < "$work/nodeps-static.log" | grep -q 'Loge::loge_static needs LLVM 16'; then
  echo "find_package(Loge COMPONENTS static) sans LLVM : pas l'erreur attendue" >&2
  cat "$work/nodeps-static.log" >&2
  exit 1
fi
echo "paquet : aucun chemin de cette machine, libloge.a et libloge_rt.a disjointes, dépendances cherchées chez l'hôte"

# 5. Ahead-of-time artifacts and the installed runtime.
"$loge" compile "$src/bench/workload.loge" -o "$work/aot" > /dev/null
# shellcheck disable=SC2046
gcc -std=c11 -Wall -Wextra -Werror -pedantic -I "$work/aot" "$src/examples/embed-c/main.c" "$work/aot/workload.o" \
  $(pkg-config --cflags --libs loge-rt) -o "$work/embed-c"
"$work/embed-c" > "$work/embed-c.txt"
diff "$src/examples/embed-c/expected.txt" "$work/embed-c.txt"
echo "embed-c (artefact, pkg-config loge-rt) : sortie attendue"
cmake -S "$src/tests/capi/mixed-host" -B "$work/mixed" "${generator[@]}" -DCMAKE_PREFIX_PATH="$prefix" \
  -DARTIFACT_DIR="$work/aot" -DCMAKE_BUILD_TYPE=Release > "$work/configure-mixed.log" ||
  { cat "$work/configure-mixed.log"; exit 1; }
cmake --build "$work/mixed" > "$work/build-mixed.log" || { cat "$work/build-mixed.log"; exit 1; }
"$loge" run "$src/bench/workload.loge" --demandes "$src/examples/embed-c/demandes.jsonl" \
  --logement "$src/bench/logement_plus.json" --date 2025-06-30 > "$work/mixed-expected.jsonl"
"$work/mixed/mixed-host" "$work/aot/workload.o" "$src/examples/embed-c/demandes.jsonl" \
  "$src/bench/logement_plus.json" 2025-06-30 > "$work/mixed.jsonl"
cmp "$work/mixed-expected.jsonl" "$work/mixed.jsonl"
echo "mixed-host (libloge.a + artefact + libloge_rt.a) : $(wc -l < "$work/mixed.jsonl") lignes identiques à loge run"
