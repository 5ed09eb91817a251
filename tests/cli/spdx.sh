#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Licensing: LICENSE holds the Apache License 2.0, and every source, header, script, CMake file,
# man page and the bundled pathway (config/*.cfg) of the tree names it in an SPDX line at its head (the first three
# lines, after any #! line). Usage: spdx.sh PATHWALK SOURCE_DIR
set -u
src=${2:?source dir}
src=$(cd "$src" && pwd)
tag='SPDX-License-Identifier: Apache-2.0'
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

if grep -q 'Apache License' "$src/LICENSE" 2>/dev/null && grep -q 'Version 2.0, January 2004' "$src/LICENSE"; then ok
else bad "LICENSE does not hold the Apache License 2.0"; fi

checked=0
# Read with bash's own read: about 300 files, no process each.
while IFS= read -r -d '' f; do
	rel=${f#"$src"/}
	case $rel in
	config/cases/*) continue ;; # case vignettes are data (debian/copyright covers them)
	*.c | *.h | *.sh | *.bash | *.cmake | CMakeLists.txt | man/*.[1-8] | config/*.cfg) ;;
	*) magic=; LC_ALL=C IFS= read -r -n 2 magic <"$f" 2>/dev/null; [ "$magic" = '#!' ] || continue ;;
	esac
	checked=$((checked + 1))
	l1= l2= l3=
	{ IFS= read -r l1; IFS= read -r l2; IFS= read -r l3; } <"$f"
	if [[ $l1$'\n'$l2$'\n'$l3 == *"$tag"* ]]; then ok; else bad "$rel: no '$tag' in its first lines"; fi
done < <(find "$src" \( -name .git -o -type d \( -name 'build*' -o -name 'obj-*' \) -o -path "$src/tests/data" \
	-o -path "$src/debian/.debhelper" -o -path "$src/debian/pathwalk" -o -path "$src/debian/tmp" \) -prune \
	-o -type f -print0)
# Not vacuous: the tree has well over a hundred such files.
if [ "$checked" -gt 100 ]; then ok; else bad "only $checked files were checked"; fi

echo "$passed passed, $failed failed ($checked files checked)"
[ "$failed" = 0 ]
