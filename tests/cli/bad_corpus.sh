#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every file of the bad-input corpus (tests/data/bad/MANIFEST) through the real binary:
# each must fail with the listed exit code and a FILE:LINE: diagnostic containing the listed
# text, and must never crash or trip a sanitizer. Usage: bad_corpus.sh PATHWALK SOURCE_DIR
#
# MANIFEST lines: FILE<TAB>COMMAND<TAB>EXIT<TAB>MESSAGE-SUBSTRING[<TAB>CARET]; COMMAND is check
# (a pathway), strict (check --strict) or replay (a case against the bundled pathway). CARET,
# when given, is "COLUMN WIDTH": the caret drawn under the quoted line after the message must
# start at that column and underline that many characters (^ then ~). Blank lines and lines
# starting with # are ignored.
. "$(dirname "$0")/lib.sh" "$@"
src=$(cd "$src" && pwd) || exit 2
dir=$src/tests/data/bad
manifest=$dir/MANIFEST
case $bin in
/*) ;;
*/*) bin=$PWD/$bin ;;
esac
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LANG=C.UTF-8
# libconfig 1.5 itself leaks the string token it was scanning when a syntax error follows it
# (e.g. `version "1";`): its parser has no destructor for tokens. The frame is libconfig's
# internal strbuf_append (pathwalk's string buffer is sb_*), so nothing of ours is hidden.
printf 'leak:strbuf_append\n' >"$tmp/lsan.supp"
export LSAN_OPTIONS="suppressions=$tmp/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

bad() {
	failed=$((failed + 1))
	echo "FAIL: $*"
}
show() { sed 's/^/  | /' "$1" | head -n 15; }

if [ ! -f "$manifest" ]; then
	echo "bad_corpus: no manifest at $manifest" >&2
	exit 2
fi
# Run from the corpus directory so that diagnostics name files exactly as the manifest does.
cd "$dir" || exit 2

declare -A listed=()
# caret_of FILE TEXT: the caret under the first diagnostic line of FILE containing TEXT, as
# "COLUMN WIDTH" in $caret_got (empty if none); read in bash, byte by byte (no awk per file).
caret_re='^      \| *\^' quoted_re='^ *[0-9]* \|'
caret_of() {
	local LC_ALL=C line found= pre
	caret_got=
	while IFS= read -r line; do
		if [ -z "$found" ]; then
			[[ $line == *"$2"* ]] && found=1
			continue
		fi
		if [[ $line =~ $caret_re ]]; then
			line=${line:8} pre=${line%%^*}
			[[ ${line:${#pre}} =~ ^\^~* ]]
			caret_got="$((${#pre} + 1)) ${#BASH_REMATCH[0]}"
			return
		fi
		[[ $line =~ $quoted_re ]] || return 0
	done <"$1"
	return 0
}

while IFS=$'\t' read -r file command want message caret extra; do
	case $file in '' | '#'*) continue ;; esac
	if [ -z "$message" ] || [ -n "${extra:-}" ]; then
		bad "MANIFEST: malformed line for '$file' (want 4 or 5 tab-separated fields)"
		continue
	fi
	listed[$file]=1
	if [ ! -f "$file" ]; then
		bad "$file: listed in MANIFEST but missing"
		continue
	fi
	args=("$command" "$file")
	case $command in
	check | replay) ;;
	strict) args=(check --strict "$file") ;;
	*)
		bad "$file: unknown command '$command' in MANIFEST"
		continue
		;;
	esac
	# No timeout(1) per run: a run that hangs is caught by ctest's TIMEOUT on the whole test.
	"$bin" "${args[@]}" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	# The outputs are matched in bash (no grep per check).
	err= out=
	IFS= read -r -d '' err <"$tmp/err"
	IFS= read -r -d '' out <"$tmp/out"
	if [ "$got" != "$want" ]; then
		bad "$file: $command exited $got, expected $want"
		show "$tmp/err"
	elif [[ $err != *"$message"* ]]; then
		bad "$file: stderr lacks \"$message\""
		show "$tmp/err"
	elif [ -n "${caret:-}" ] && caret_of "$tmp/err" "$message" && [ "$caret_got" != "$caret" ]; then
		bad "$file: caret at \"$caret_got\", expected \"$caret\" (column width)"
		show "$tmp/err"
	else
		ok
	fi
	if [[ $err == *'syntax error: syntax error'* ]]; then
		bad "$file: libconfig's bare \"syntax error\" passed through"
	fi
	if [[ $out$'\n'$err =~ AddressSanitizer|LeakSanitizer|runtime\ error|Segmentation ]]; then
		bad "$file: sanitizer report or crash"
		show "$tmp/err"
	fi
done <"$manifest"

# Every corpus file is listed, so that a new file cannot be silently skipped.
for f in *; do
	[ "$f" = MANIFEST ] && continue
	[ -n "${listed[$f]:-}" ] || bad "$f: in tests/data/bad but not in MANIFEST"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
