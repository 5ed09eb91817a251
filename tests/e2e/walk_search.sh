#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 14, point 10: `/` on a screen of the bundled walk finds a phrase that the wrap broke over
# two lines, ignoring ASCII case, and highlights it on both; n and N go round the matches, Esc
# clears them, and another screen starts without them. At 80 and at 60 columns.
. "$(dirname "$0")/lib.sh" "$@"

# reversed_count: how many reverse-video runs are on the screen (SGR with a 7), in COUNT.
reversed_count() {
	local rest sgr re=$'\e''\[[0-9;]*m'
	COUNT=0
	capture -e
	rest=$SCREEN_E
	while [[ $rest =~ $re ]]; do
		sgr=${BASH_REMATCH[0]}
		[[ $sgr == *[[\;]7[\;m]* ]] && COUNT=$((COUNT + 1))
		rest=${rest#*"$sgr"}
	done
}
# e_line N: line N (1-based) of the screen captured with its attributes, ESC shown as "ESC".
e_line() {
	local e_lines
	split_lines e_lines "$SCREEN_E"
	LINE=${e_lines[$1 - 1]:-}
	LINE=${LINE//$'\e'/ESC}
}

# COLS PHRASE-TYPED PHRASE-SHOWN FIRST-WORD LAST-WORD: the red flags text wraps between the two words.
while read -r cols typed shown word1 word2; do
	typed=${typed//_/ } shown=${shown//_/ }
	start -x "$cols" -y 24 -- walk --clinician x --patient y --log "$TMP/s$cols.jsonl"
	wait_for "Red flags" || bad "$cols columns: the walk did not start"
	reversed_count
	before=$COUNT
	keys / ; type_text "$typed"; keys Enter
	expect "Found \"$shown\": 1 of 1" "$cols columns: the phrase broken by wrapping is found"
	line_of "$word1"
	first=$LINE_NO
	second=${SCREEN_LINES[first]}
	case $second in *"$word2"*) ok "$cols columns: the phrase spans two lines" ;;
	*) bad "$cols columns: the phrase is not broken by the wrap here ('$second')" ;; esac
	capture -e
	e_line $((first + 1))
	line2=$LINE
	case $line2 in *'7m'*"$word2"*) ok "$cols columns: its second line is highlighted" ;;
	*) bad "$cols columns: no highlight on the second line: $line2" ;; esac
	capture -e
	e_line "$first"
	line1=$LINE
	case $line1 in *'7m'*"$word1"*) ok "$cols columns: its first line is highlighted" ;;
	*) bad "$cols columns: no highlight on the first line: $line1" ;; esac
	keys / ; type_text "none of"; keys Enter
	expect 'Found "none of": 1 of ' "$cols columns: a second search counts its matches"
	capture
	total=""
	[[ $SCREEN =~ Found\ \"none\ of\":\ 1\ of\ ([0-9]*) ]] && total=${BASH_REMATCH[1]}
	keys n
	expect "Found \"none of\": 2 of $total" "$cols columns: n goes to the next match"
	keys N N
	expect "Found \"none of\": $total of $total" "$cols columns: N goes back, wrapping to the last"
	keys Escape
	wait_gone 'Found "none of"' && ok "$cols columns: Esc clears the message" || bad "$cols columns: Esc left the message"
	reversed_count
	if [ "$COUNT" -le "$before" ]; then ok "$cols columns: Esc clears the highlight"
	else bad "$cols columns: highlights remain after Esc"; fi
	keys / ; type_text "no such words"; keys Enter
	expect '"no such words" is not on this screen' "$cols columns: a search with no match says so"
	keys q y
	expect "EXIT=0" "$cols columns: quits"
done <<'WIDTHS'
80 EACH_ITEM__and_examine EACH_ITEM_and_examine each examine
60 where_NOTHING_in_a_list where_NOTHING_in_a_list Where list
WIDTHS

finish
