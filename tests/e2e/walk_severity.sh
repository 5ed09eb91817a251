#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 14, point 8: warnings differ by severity by more than colour. At 80x24 every warning on a
# decision and an endpoint screen starts with its mark and word ("⚠ Urgent:", "! Caution:",
# "ℹ Advice:"), urgent first whatever the file order, and the journal records the severity in the
# order shown; under NO_COLOR the three differ by attribute (bold and reverse, reverse, bold);
# with LC_ALL=C the marks are ASCII; the plain walk and headless training print the words too.
. "$(dirname "$0")/lib.sh" "$@"

# The mini fixture with its severities swapped: in file order advice, caution, urgent.
sed -e '/id = "always_end"/s/severity = "urgent"/severity = "advice"/' \
	-e '/id = "at_high"/s/severity = "advice"/severity = "urgent"/' \
	"$SRC/tests/data/good/mini.cfg" >"$TMP/sev.cfg"
cat >"$TMP/case.cfg" <<'CASE'
case = { id = "sev"; answers = { score = 6; flag = true; kind = "a"; signs = [ "x" ]; seen = "2025-02-17";
  last = "2025-01-03"; }; expect = { endpoint = "high"; }; };
CASE

# in_order DESCRIPTION TEXT...: each TEXT is on the screen, on a line below the one before
in_order() {
	local what=$1 prev=0 n
	shift
	for t in "$@"; do
		line_of "$t"
		n=$LINE_NO
		if [ -z "$n" ] || [ "$n" -le "$prev" ]; then bad "$what: '$t' is not below the line before (line ${n:-none})"; return; fi
		prev=$n
	done
	ok "$what"
}
# attr_of TEXT: the SGR sequences in front of TEXT on the first screen line holding it (captured
# with its attributes), in ATTR: the line is cut at each SGR sequence; the sequences (and any
# piece starting with ESC [) before the piece that holds TEXT are joined.
attr_of() {
	local line="" rest piece re=$'\e''\[[0-9;]*m'
	ATTR=""
	capture -e
	rest=$SCREEN_E$'\n'
	while [ -n "$rest" ]; do
		line=${rest%%$'\n'*}
		rest=${rest#*$'\n'}
		[[ $line == *"$1"* ]] && break
		line=""
	done
	[ -n "$line" ] || return 0
	rest=$line
	while [[ $rest =~ $re ]]; do
		piece=${rest%%"${BASH_REMATCH[0]}"*}
		[[ $piece == *"$1"* ]] && return 0
		[[ $piece == $'\e['* ]] && ATTR=$ATTR$piece
		ATTR=$ATTR${BASH_REMATCH[0]}
		rest=${rest#*"${BASH_REMATCH[0]}"}
	done
	[[ $rest == *"$1"* ]] || [[ $rest != $'\e['* ]] || ATTR=$ATTR$rest
}

start -- walk -p "$TMP/sev.cfg" --case "$TMP/case.cfg" --log "$TMP/j.jsonl"
wait_for "[case sev]" || bad "the walk did not start"
keys Enter
expect "! Caution: Flagged" "the decision screen marks its warning with a mark and a word"
keys Enter
expect "Warnings" "the endpoint is reached"
in_order "the endpoint's warnings are urgent first, then caution, then advice" \
	"⚠ Urgent: High" "! Caution: Flagged" "ℹ Advice: At the end"
keys Enter
expect "EXIT=0" "the walk finishes"
grep '"event":"warning"' "$TMP/j.jsonl" | grep -o '"warning":"[a-z_]*","title":"[^"]*","severity":"[a-z]*"' \
	>"$TMP/order"
if [ "$(cat "$TMP/order")" = '"warning":"flagged","title":"Flagged","severity":"caution"
"warning":"at_high","title":"High","severity":"urgent"
"warning":"always_end","title":"At the end","severity":"advice"' ]; then
	ok "the journal records each warning's severity, where first shown, in the order shown"
else bad "the journal's warning events: $(cat "$TMP/order")"; fi

# NO_COLOR: the severities differ by attribute, not by colour.
start -e NO_COLOR=1 -- walk -p "$TMP/sev.cfg" --case "$TMP/case.cfg" --log "$TMP/nc.jsonl"
wait_for "[case sev]" || bad "the NO_COLOR walk did not start"
keys Enter
wait_for "Choose" && keys Enter
wait_for "Warnings" || bad "the NO_COLOR endpoint is not reached"
attr_of "Urgent: High"; urgent=$ATTR
attr_of "Caution: Flagged"; caution=$ATTR
attr_of "Advice: At the end"; advice=$ATTR
case $urgent in *'[1m'*'[7m'* | *'[7m'*'[1m'* | *'[1;7m'*) ok "NO_COLOR: urgent is bold and reverse" ;;
*) bad "NO_COLOR: urgent is drawn with '$(printf %s "$urgent" | cat -v)'" ;; esac
case $caution in *'[7m'*) case $caution in *'[1m'*) bad "NO_COLOR: caution is bold too" ;; *) ok "NO_COLOR: caution is reverse, not bold" ;; esac ;;
*) bad "NO_COLOR: caution is drawn with '$(printf %s "$caution" | cat -v)'" ;; esac
case $advice in *'[7m'*) bad "NO_COLOR: advice is reverse" ;; *'[1m'*) ok "NO_COLOR: advice is bold, not reverse" ;;
*) bad "NO_COLOR: advice is drawn with '$(printf %s "$advice" | cat -v)'" ;; esac
capture -e
re=$'\e''\[[34][0-7]m'
if [[ $SCREEN_E =~ $re ]]; then bad "NO_COLOR: a colour is drawn"
else ok "NO_COLOR: no colour is drawn"; fi

# Colour: urgent white on red, caution black on yellow (a background of their own, readable on a
# light or a dark terminal), advice in the terminal's own colours.
start -- walk -p "$TMP/sev.cfg" --case "$TMP/case.cfg" --log "$TMP/col.jsonl"
wait_for "[case sev]" || bad "the colour walk did not start"
keys Enter
wait_for "Choose" && keys Enter
wait_for "Warnings" || bad "the colour endpoint is not reached"
attr_of "Urgent: High"
case $ATTR in *'[37m'*'[41m'*) ok "colour: urgent is white on red" ;; *) bad "colour: urgent is not white on red" ;; esac
attr_of "Caution: Flagged"
case $ATTR in *'[30m'*'[43m'*) ok "colour: caution is black on yellow" ;; *) bad "colour: caution is not black on yellow" ;; esac
attr_of "Advice: At the end"
case $ATTR in *'[3'[0-7]'m'* | *'[4'[0-7]'m'*) bad "colour: advice has a colour" ;; *) ok "colour: advice keeps the terminal's colours" ;; esac

# LC_ALL=C: ASCII marks, and no byte above 0x7f on the screen.
start -e LC_ALL=C -- walk -p "$TMP/sev.cfg" --case "$TMP/case.cfg" --log "$TMP/c.jsonl"
wait_for "[case sev]" || bad "the LC_ALL=C walk did not start"
keys Enter
wait_for "Choose" && keys Enter
wait_for "Warnings" || bad "the LC_ALL=C endpoint is not reached"
in_order "LC_ALL=C: the marks are ASCII" "!! Urgent: High" "! Caution: Flagged" "i Advice: At the end"
if high_bytes; then bad "LC_ALL=C: a byte above 0x7f is on the screen"
else ok "LC_ALL=C: no byte above 0x7f on the screen"; fi
keys Enter
expect "EXIT=0" "the LC_ALL=C walk finishes"

# The plain walk: one line per warning, its ASCII mark and word first, urgent first.
printf '6\ny\na\n1\n\n2025-01-03\n\n\n' |
	env LANG=C.UTF-8 PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC "$BIN" walk --plain -p "$TMP/sev.cfg" \
		--log "$TMP/plain.jsonl" >"$TMP/plain.out" 2>&1
if file_line "$TMP/plain.out" '! Caution: Flagged: The flag is set.'; then ok "plain: the decision's warning has its word"
else bad "plain: no '! Caution: Flagged' line"; sed 's/^/  | /' "$TMP/plain.out" | tail -n 30; fi
grep -E '^(!!|!|i) (Urgent|Caution|Advice): ' "$TMP/plain.out" | tail -n 3 >"$TMP/plain.w"
if [ "$(cat "$TMP/plain.w")" = '!! Urgent: High: High score.
! Caution: Flagged: The flag is set.
i Advice: At the end: Safety net.' ]; then ok "plain: the endpoint's warnings, urgent first"
else bad "plain: the endpoint's warnings: $(cat "$TMP/plain.w")"; fi

# Headless training lists the warnings of each screen with their words.
printf '1\n' | env LANG=C.UTF-8 PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC "$BIN" train --plain -t T \
	-p "$TMP/sev.cfg" --log "$TMP/train.jsonl" "$TMP/case.cfg" >"$TMP/train.out" 2>&1
if file_line "$TMP/train.out" "  ! Caution: Flagged" && [[ $TEXT == *"  !! Urgent: High: High score."* ]]; then
	ok "headless training marks the warnings with their words"
else bad "headless training: no severity words"; sed 's/^/  | /' "$TMP/train.out" | tail -n 30; fi

finish
