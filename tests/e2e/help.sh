#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The `?` help is generated from the key table; the man page's Keys section must list the same
# keys. Checks every key name the help shows against man/pathwalk.1.
. "$(dirname "$0")/lib.sh" "$@"
man=$SRC/man/pathwalk.1

start -y 80 -- walk -p "$SRC/tests/data/good/mini.cfg" --log "$TMP/help.jsonl"
expect "Score (0" "walk started"
keys '?'
expect "Keys  (Esc, q, ? or Enter closes this help)" "? opens the help"
screen >"$TMP/help.txt"
if [ ! -f "$man" ]; then failed=$((failed + 1)); echo "FAIL: $man is missing"; else
	# key names: "  Down, j   move down ..." -> the first column of the help lines
	# a key line starts with exactly three blanks; the key name ends at the first double blank
	sed -n '/^Keys\|^ Keys/,$p' "$TMP/help.txt" | grep '^   [^ ]' | sed 's/^   //; s/  .*//' >"$TMP/names"
	[ "$(wc -l <"$TMP/names")" -ge 20 ] || { failed=$((failed + 1)); echo "FAIL: only $(wc -l <"$TMP/names") key names parsed"; }
	[ -s "$TMP/names" ] || { failed=$((failed + 1)); echo "FAIL: no key names parsed from the help"; }
	sed -n '/^\.SS Keys/,/^\.S[SH] /p' "$man" | sed 's/\\-/-/g; s/\\e/\\/g' >"$TMP/mankeys"
	while IFS= read -r name; do
		if file_line "$TMP/mankeys" ".B $name"; then ok "man page lists '$name'"; else
			failed=$((failed + 1)); echo "FAIL: the man page's Keys section lacks '$name'"; fi
	done <"$TMP/names"
fi
keys q
wait_gone "closes this help" && ok "q closes the help without quitting" || bad "q closes the help"
keys q y
expect "EXIT=0" "quits"
finish
