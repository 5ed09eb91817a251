#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 14, point 4 in a locale without UTF-8: the line editor's cursor sits under the character
# it edits although the text is drawn as ASCII. With LC_ALL=C the reason field takes ASCII, edits
# it with Left/Home, and no byte above 0x7f reaches the screen (a non-ASCII key cannot be decoded
# there and is not taken). In an ISO-8859-1 locale (built with localedef when it is installed)
# typed ß and ± are drawn as "ss" and "+/-", and the cursor is measured on what is drawn; the
# journal records the characters typed.
. "$(dirname "$0")/lib.sh" "$@"
mini=$SRC/tests/data/good/mini.cfg
cat >"$TMP/case.cfg" <<'CASE'
case = { id = "le"; answers = { score = 6; flag = true; kind = "a"; signs = [ "x" ]; seen = "2025-02-17";
  last = "2025-01-03"; }; };
CASE

# box_lines TEXT: the screen lines holding TEXT, in BOX (an array).
box_lines() {
	local line
	BOX=()
	screen_lines
	for line in "${SCREEN_LINES[@]}"; do [[ $line == *"$1"* ]] && BOX+=("$line"); done
}
# box_col TEXT: the column (0-based, in bytes as awk counts them) where TEXT starts on the reason
# box's line (the last with "[ "), in COL; -1 if it is not on it, empty if there is no box.
box_col() {
	local LC_ALL=C line
	box_lines "[ "
	COL=""
	[ ${#BOX[@]} -gt 0 ] || return 0
	line=${BOX[-1]}
	COL=-1
	[[ $line == *"$1"* ]] && { line=${line%%"$1"*}; COL=${#line}; }
}
# box_width TEXT: the width (in bytes, trailing blanks dropped) of each screen line holding TEXT,
# a line each, in WIDTH; ENDS is yes when one of them ends with "]".
box_width() {
	local LC_ALL=C line
	box_lines "$1"
	WIDTH="" ENDS=no
	for line in "${BOX[@]}"; do
		[[ $line == *']' ]] && ENDS=yes
		line=${line%"${line##*[! ]}"}
		WIDTH=${WIDTH:+$WIDTH$'\n'}${#line}
	done
}
# to_reason LOG LOCALE-ENV...: starts the walk there and opens the override reason at the decision
to_reason() {
	local log=$1
	shift
	start "$@" -- walk -p "$mini" --case "$TMP/case.cfg" --log "$log"
	wait_for "[case le]" || bad "the walk did not start"
	keys Enter
	wait_for "High road" || bad "the decision is not shown"
	keys 2
	keys Enter
	wait_for "Reason (required" || bad "the reason prompt is not shown"
}

# ------------------------------------------------------------------ LC_ALL=C
to_reason "$TMP/c.jsonl" -e LC_ALL=C
type_text "abc"
expect "[ abc " "LC_ALL=C: the reason takes ASCII"
box_width "[ abc"
box_width=$WIDTH
box_col "abc"
start_col=$COL
cursor_at $((start_col + 3)) "LC_ALL=C: the cursor is after the text"
keys Left Left
cursor_at $((start_col + 1)) "LC_ALL=C: Left moves the cursor under b"
type_taken "é" || bad "LC_ALL=C: the walk did not read the typed é"
keys Home
cursor_at "$start_col" "LC_ALL=C: Home moves the cursor under a"
type_text "X"
expect "[ Xabc " "LC_ALL=C: typing at the cursor inserts there; the undecodable key was not taken"
if high_bytes; then bad "LC_ALL=C: a byte above 0x7f is on the screen"
else ok "LC_ALL=C: no byte above 0x7f on the screen"; fi
keys Enter
expect_in_file "$TMP/c.jsonl" '"reason":"Xabc"' "LC_ALL=C: the journal records the reason typed"
keys Enter
expect "EXIT=0" "LC_ALL=C: the walk finishes"

# ------------------------------------------------------------------ ISO-8859-1
# The locale compiled at build time (PATHWALK_E2E_LOCPATH, CMakeLists.txt) when the C library
# loads it, else one compiled here.
latin1_locale() {
	locpath=${PATHWALK_E2E_LOCPATH:-}
	if [ -n "$locpath" ] && [ -f "$locpath/en_US.ISO-8859-1/LC_CTYPE" ] &&
		[ "$(LOCPATH=$locpath LC_ALL=en_US.ISO-8859-1 locale charmap 2>/dev/null)" = ISO-8859-1 ]; then
		return 0
	fi
	locpath=$TMP/locale
	command -v localedef >/dev/null && mkdir -p "$locpath" && localedef -i en_US -f ISO-8859-1 "$locpath/en_US.ISO-8859-1" 2>/dev/null
}
if latin1_locale; then
	to_reason "$TMP/latin1.jsonl" -e LOCPATH="$locpath" -e LANG=en_US.ISO-8859-1 -e LC_ALL=en_US.ISO-8859-1 \
		-e LSAN_OPTIONS="suppressions=$SRC/tests/e2e/lsan-locpath.supp:print_suppressions=0"
	type_text "a"
	keys -H df # ß in ISO-8859-1
	type_text "b"
	keys -H b1 # ±
	type_text "c"
	expect "[ assb+/-c " "ISO-8859-1: ß and ± are drawn as ss and +/-"
	box_col "assb"
	start_col=$COL
	cursor_at $((start_col + 8)) "ISO-8859-1: the cursor is after the drawn text"
	keys Left Left
	cursor_at $((start_col + 4)) "ISO-8859-1: Left twice puts the cursor under the + of +/-"
	keys Home Right
	cursor_at $((start_col + 1)) "ISO-8859-1: Home then Right puts it under the ss of ß"
	keys Right
	cursor_at $((start_col + 3)) "ISO-8859-1: Right steps over both columns of ss"
	box_width "[ assb"
	if [ "$WIDTH" = "$box_width" ] && [ $ENDS = yes ]; then ok "ISO-8859-1: the box keeps its width"
	else bad "ISO-8859-1: the box is not $box_width columns wide"; fi
	keys Delete
	expect "[ ass+/-c " "ISO-8859-1: Delete removes the b under the cursor"
	keys Enter
	expect_in_file "$TMP/latin1.jsonl" '"reason":"aß±c"' "ISO-8859-1: the journal records the characters typed"
	keys Enter
	expect "EXIT=0" "ISO-8859-1: the walk finishes"
else
	echo "note: localedef cannot build an ISO-8859-1 locale here; that part is not run"
fi

finish
