#!/usr/bin/env bash
# The manual pages render without a single groff warning, and every long option that
# `pathwalk --help` or a subcommand's --help prints appears in pathwalk(1).
# Usage: man_pages.sh PATHWALK SOURCE_DIR
set -u
bin=${1:?pathwalk binary}
src=${2:?source dir}
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

if ! command -v groff >/dev/null; then
	echo "SKIP: groff is not installed; the pages were not rendered"
else
	for page in "$src"/man/*.[15]; do
		out=$(groff -man -ww -z "$page" 2>&1)
		if [ -z "$out" ]; then ok; else bad "$(basename "$page") renders with warnings:"; echo "$out" | sed 's/^/  | /'; fi
	done
fi

# groff source escapes '-' as '\-'; compare against the unescaped text.
man_text=$(sed 's/\\-/-/g' "$src/man/pathwalk.1")
commands=$("$bin" --help | awk '/^commands:/{on=1; next} /^$/{if(on) exit} on && /^  [a-z]/{print $1}')
[ -n "$commands" ] && ok || bad "no commands found in pathwalk --help"
for cmd in "" $commands; do
	help=$("$bin" $cmd --help) || { bad "pathwalk $cmd --help failed"; continue; }
	for opt in $(printf '%s\n' "$help" | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
		if printf '%s\n' "$man_text" | grep -qF -- "$opt"; then ok; else bad "pathwalk $cmd: option $opt is not in man/pathwalk.1"; fi
	done
	if [ -n "$cmd" ]; then
		if printf '%s\n' "$man_text" | grep -qE "^\.SS $cmd\$"; then ok; else bad "no section for '$cmd' in man/pathwalk.1"; fi
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
