#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `cmake --install` into a temporary prefix, then the installed binary, man pages, bundled
# pathway, case library and bash completion. Usage: install.sh PATHWALK SOURCE_DIR (the build
# directory is the one holding PATHWALK).
. "$(dirname "$0")/lib.sh" "$@"
build=$(cd "$(dirname "$bin")" && pwd)
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LANG=C.UTF-8

check() { # DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then ok; else bad "$what"; sed 's/^/  | /' "$tmp/out" | head -20; fi
}

if [ ! -f "$build/CMakeCache.txt" ]; then
	echo "NOTICE: $build is not a CMake build directory: skipping the install test"
	echo "0 passed, 0 failed"
	exit 0
fi
prefix=$tmp/prefix
check "cmake --install" cmake --install "$build" --prefix "$prefix"
for f in bin/pathwalk share/man/man1/pathwalk.1 share/man/man5/pathwalk-pathway.5 share/man/man5/pathwalk-case.5 \
	share/pathwalk/sciatica.cfg share/bash-completion/completions/pathwalk; do
	check "installed $f" test -s "$prefix/$f"
done
cases=$(find "$prefix/share/pathwalk/cases" -name '*.cfg' | wc -l)
want=$(find "$src/config/cases" -name '*.cfg' | wc -l)
check "installed $want cases (found $cases)" test "$cases" -eq "$want" -a "$cases" -gt 0

# Run from an unrelated directory: the installed binary must not need the source tree.
cd "$tmp" || exit 2
check "installed --version" "$prefix/bin/pathwalk" --version
grep -q '^pathwalk [0-9]' "$tmp/out" && ok || bad "--version output: $(cat "$tmp/out")"
check "installed check (bundled)" "$prefix/bin/pathwalk" check
check "installed check share/pathwalk/sciatica.cfg" "$prefix/bin/pathwalk" check "$prefix/share/pathwalk/sciatica.cfg"
check "installed test of the installed cases" "$prefix/bin/pathwalk" test -p "$prefix/share/pathwalk/sciatica.cfg" \
	"$prefix/share/pathwalk/cases"
check "bash completion parses" bash -n "$prefix/share/bash-completion/completions/pathwalk"
if command -v groff >/dev/null 2>&1; then
	check "installed man page renders" groff -man -ww -z "$prefix/share/man/man1/pathwalk.1"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
