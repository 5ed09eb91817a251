#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The source tree has no circles (README, Layout): no .c file of src/ or screens/ calls (uses a
# function or data of) a file that calls back into it, no header includes a header that includes
# it back, and no folder depends, by a call or an #include, on a folder that depends back on it.
# Calls are read from the build's own object files (nm), beside PATHWALK; the engine's layers are
# the ones CMakeLists.txt names. Usage: layers.sh PATHWALK SOURCE_DIR
set -u
bin=${1:?pathwalk binary}
src=$(cd "${2:?source dir}" && pwd)
build=$(cd "$(dirname "$bin")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# Every source file and header.
(cd "$src" && find src screens -name '*.[ch]' | sort) >"$tmp/sources"
[ "$(wc -l <"$tmp/sources")" -gt 100 ] && ok || bad "only $(wc -l <"$tmp/sources") sources under $src"

# Include edges: "include FROM TO HEADER", a header named by its base name found in the tree.
(cd "$src" && awk '{ n = $0; sub(/.*\//, "", n); path[n] = $0; file[NR] = $0 }
	END {
		for (i = 1; i <= NR; i++)
			while ((getline line <file[i]) > 0)
				if (line ~ /^#include "/) {
					h = line; sub(/^#include "/, "", h); sub(/".*/, "", h); sub(/.*\//, "", h)
					if (h in path) print "include", file[i], path[h], h
				}
	}' "$tmp/sources") >"$tmp/edges"
[ -s "$tmp/edges" ] && ok || bad "no #include between the sources"

# Call edges: "call FROM TO SYMBOL", from the objects of the engine's layers, the screens and the
# binary (the generated bundled.c is counted as src/pathway/bundled.c). An object whose source is
# gone (a file moved since the build directory was made) is left out.
layers=$(sed -n 's/^set(PATHWALK_LAYERS \(.*\))$/\1/p' "$src/CMakeLists.txt")
[ -n "$layers" ] && ok || bad "no set(PATHWALK_LAYERS ...) in CMakeLists.txt"
dirs=()
for t in pathwalk pathwalk_screens $(printf 'pathwalk_%s ' $layers); do
	if [ -d "$build/CMakeFiles/$t.dir" ]; then dirs+=("$build/CMakeFiles/$t.dir"); else bad "no objects of $t in $build/CMakeFiles"; fi
done
# One find for all the targets' objects.
{ [ ${#dirs[@]} = 0 ] || find "${dirs[@]}" -name '*.c.o'; } | awk 'NR == FNR { source[$0]; next } { s = $0; sub(/.*\.dir\//, "", s); sub(/\.o$/, "", s) }
	s ~ /^generated\// || (s in source)' "$tmp/sources" - | sort >"$tmp/objects"
[ "$(wc -l <"$tmp/objects")" -gt 100 ] && ok || bad "only $(wc -l <"$tmp/objects") object files under $build/CMakeFiles"
xargs nm -A -P <"$tmp/objects" | awk '
	{ f = $1; sub(/:$/, "", f); sub(/.*\.dir\//, "", f); sub(/\.o$/, "", f); sub(/^generated\//, "src/pathway/", f) }
	$3 ~ /^[TDBRCGSV]$/ { def[$2] = f; next }
	$3 == "U" { use[++n] = f " " $2 }
	END { for (i = 1; i <= n; i++) { split(use[i], u, " "); if ((u[2] in def) && def[u[2]] != u[1]) print "call", u[1], def[u[2]], u[2] } }' \
	| sort -u >>"$tmp/edges"
grep -q '^call src/cli/main.c src/cli/cmd_' "$tmp/edges" && ok || bad "no call from main into the commands found"

echo "$(grep -c "^include" "$tmp/edges") includes and $(grep -c "^call" "$tmp/edges") calls between files"
awk -f "$src/tools/layers.awk" "$tmp/edges" >"$tmp/circles"
if grep -qx 'circles 0' "$tmp/circles"; then ok; else bad "circles in the source tree:"; sed '$d' "$tmp/circles"; fi

# The checker itself finds a planted circle, between files and between folders.
printf '%s\n' 'call src/a/x.c src/a/y.c f' 'call src/a/y.c src/a/x.c g' 'include src/a/x.c src/b/z.h z.h' \
	'call src/b/z.c src/a/y.c h' 'include src/a/y.h src/a/x.h x.h' >"$tmp/planted"
awk -f "$src/tools/layers.awk" "$tmp/planted" >"$tmp/found"
grep -q '^file circle: .*src/a/x.c' "$tmp/found" && grep -q '^folder circle: ' "$tmp/found" && grep -qx 'circles 2' "$tmp/found" \
	&& ok || { bad "a planted circle is not found:"; cat "$tmp/found"; }

echo "layers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
