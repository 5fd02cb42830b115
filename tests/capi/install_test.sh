#!/usr/bin/env bash
# libloge's package, as a host sees it: `cmake --install` into a temporary
# prefix, then
#  1. examples/embed-cpp configured apart with find_package(Loge) (shared,
#     then static library), run on the shipped example: its output must be
#     byte-identical to `loge run` on the same inputs;
#  2. tests/capi/consumer.c compiled as pure C11 with -Werror through
#     pkg-config, run on the test policy, compared with `loge run`;
#  3. libloge.so exports only loge_* symbols.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR LOGE_BINARY
set -euo pipefail
build=$1 src=$2 loge=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" > "$work/install.log"
test -f "$prefix/include/loge/loge.h" && test -f "$prefix/include/loge/loge.hpp"
libdir=$(dirname "$(find "$prefix" -name 'libloge.so' | head -1)")
test -f "$libdir/libloge.a"
test -f "$libdir/pkgconfig/loge.pc"
test -f "$libdir/cmake/Loge/LogeConfig.cmake"

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
