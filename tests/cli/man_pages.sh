#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The manual pages render without a single groff warning and pass mandoc's linter; every option (long and short) that
# `pathwalk --help` or a command's --help prints appears in pathwalk(1), with a section per
# command; and the example pathway of pathwalk-pathway(5) and the example cases of
# pathwalk-case(5) are valid and pass `pathwalk test`.
# Usage: man_pages.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LANG=C.UTF-8

if ! command -v groff >/dev/null; then
	echo "SKIP: groff is not installed; the pages were not rendered"
else
	for page in "$src"/man/*.[15]; do
		out=$(groff -man -ww -z "$page" 2>&1)
		if [ -z "$out" ]; then ok; else bad "$(basename "$page") renders with warnings:"; echo "$out" | sed 's/^/  | /'; fi
	done
fi

# mandoc's linter: no warning or error (its STYLE hints, such as source lines over 80 bytes, are
# not checked).
if ! command -v mandoc >/dev/null; then
	echo "SKIP: mandoc is not installed (apt-get install mandoc); the pages were not linted"
else
	# mandoc reads each page on its own: one run over all of them, and one per page only when
	# that run says something, to tell which page.
	pages=("$src"/man/*.[15])
	if [ -z "$(mandoc -Tlint -Wwarning "${pages[@]}" 2>&1)" ]; then
		for page in "${pages[@]}"; do ok; done
	else
		for page in "${pages[@]}"; do
			out=$(mandoc -Tlint -Wwarning "$page" 2>&1)
			if [ -z "$out" ]; then ok; else bad "${page##*/} has mandoc -Tlint warnings:"; echo "$out" | sed 's/^/  | /'; fi
		done
	fi
fi

# Section 5 pages have a SYNOPSIS; FILES names installed paths, not the source tree's (the lines
# from ".SH FILES" to the next ".SH " line, that one included): one awk reads every page and says,
# per page, whether it has a ".SH SYNOPSIS" line and whether a FILES section names a source path.
while IFS=$'\t' read -r page synopsis named; do
	if [[ $page == *.5 ]]; then
		if [ "$synopsis" = 1 ]; then ok; else bad "${page##*/} has no SYNOPSIS"; fi
	fi
	if [ "$named" = 1 ]; then bad "${page##*/}: FILES names a source-tree path"; else ok; fi
done < <(LC_ALL=C awk -v OFS='\t' 'FNR == 1 { in_files = 0 }
	index($0, ".SH SYNOPSIS") == 1 { synopsis[FILENAME] = 1 }
	{
		if (!in_files) { if (index($0, ".SH FILES") != 1) next; in_files = 1 }
		else if (index($0, ".SH ") == 1) in_files = 0
		if ($0 ~ /(^|[^\/a-z])config\//) named[FILENAME] = 1
	}
	END { for (i = 1; i < ARGC; i++) print ARGV[i], synopsis[ARGV[i]] + 0, named[ARGV[i]] + 0 }' "$src"/man/*.[15])

# groff source escapes '-' as '\-'; compare against the unescaped text.
IFS= read -r -d '' man_text <"$src/man/pathwalk.1"
unescape() { local LC_ALL=C; man_text=${man_text//\\-/-}; } # (bytewise: 30 times faster)
unescape
man_text=${man_text%$'\n'}
# What the page holds, read by one awk (C locale, bytes): each short option written as one (a '-'
# and a letter between characters that are neither letters, digits nor '-', line ends counting as
# such), as "S -x", and each ".SS" heading line, as "H .SS name"; looked up below.
declare -A man_short=() man_heading=()
while read -r kind what; do
	case $kind in S) man_short[$what]=1 ;; H) man_heading[$what]=1 ;; esac
done < <(LC_ALL=C awk '{
		gsub(/\\-/, "-")
		if (/^\.SS /) print "H " $0
		line = " " $0 " "
		while (match(line, /[^a-zA-Z0-9-]-[a-zA-Z][^a-zA-Z0-9-]/)) {
			print "S " substr(line, RSTART + 1, 2)
			line = substr(line, RSTART + 3)
		}
	}' "$src/man/pathwalk.1")
commands=$("$bin" --help | awk '/^commands:/{on=1; next} /^$/{if(on) exit} on && /^  [a-z]/{print $1}')
[ -n "$commands" ] && ok || bad "no commands found in pathwalk --help"
short_option='^ +(-[a-zA-Z]),'
for cmd in "" $commands; do
	help=$("$bin" $cmd --help) || { bad "pathwalk $cmd --help failed"; continue; }
	# The page is matched in bash (no grep per option); a newline around it stands for ^ and $.
	# Its options, found in bash as grep -o would: each long option anywhere, each short one at the
	# head of a line of the option table.
	declare -A long=() short=()
	rest=$help
	while [[ $rest =~ --[a-z][a-z-]* ]]; do long[${BASH_REMATCH[0]}]=1 rest=${rest#*"${BASH_REMATCH[0]}"}; done
	while IFS= read -r line; do [[ $line =~ $short_option ]] && short[${BASH_REMATCH[1]}]=1; done <<<"$help"
	for opt in "${!long[@]}"; do
		if [[ $man_text == *"$opt"* ]]; then ok; else bad "pathwalk $cmd: option $opt is not in man/pathwalk.1"; fi
	done
	# Short options as listed in the option table: "  -p, --pathway FILE".
	for opt in "${!short[@]}"; do
		if [ -n "${man_short[$opt]-}" ]; then ok
		else bad "pathwalk $cmd: option $opt is not in man/pathwalk.1"; fi
	done
	if [ -n "$cmd" ]; then
		if [ -n "${man_heading[.SS $cmd]-}" ]; then ok; else bad "no section for '$cmd' in man/pathwalk.1"; fi
	fi
done

# The examples: each .nf block that starts with "pathway = {" or "case = {", roff escapes undone.
extract() { # PAGE PREFIX: writes PREFIX1.cfg, PREFIX2.cfg, ...
	awk -v prefix="$2" '
		/^\.nf/ { block = 1; n = 0; next }
		/^\.fi/ { block = 0; if (out) close(out); out = ""; next }
		block && n++ == 0 && /^(pathway|case) = \{/ { out = prefix (++count) ".cfg" }
		out {
			gsub(/\\-/, "-"); gsub(/\\\(dq/, "\""); gsub(/\\\(aq/, "\047"); gsub(/\\e/, "\\")
			print > out
		}' "$1"
}
extract "$src/man/pathwalk-pathway.5" "$tmp/pathway"
extract "$src/man/pathwalk-case.5" "$tmp/case"
if [ -f "$tmp/pathway1.cfg" ]; then
	ok
	if "$bin" check --strict "$tmp/pathway1.cfg" >"$tmp/out" 2>&1 && grep -q 'strict: 0 errors, 0 warnings' "$tmp/out"; then ok
	else bad "the example pathway of pathwalk-pathway(5) does not pass check --strict:"; sed 's/^/  | /' "$tmp/out"; fi
	cases=("$tmp"/case*.cfg)
	if [ -f "${cases[0]}" ]; then
		ok
		if "$bin" test -p "$tmp/pathway1.cfg" "${cases[@]}" >"$tmp/out" 2>&1; then ok
		else bad "the example cases of pathwalk-case(5) fail against the example pathway:"; sed 's/^/  | /' "$tmp/out"; fi
	else
		bad "no example case (a .nf block starting with 'case = {') in pathwalk-case(5)"
	fi
else
	bad "no example pathway (a .nf block starting with 'pathway = {') in pathwalk-pathway(5)"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
