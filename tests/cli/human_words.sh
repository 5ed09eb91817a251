#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# What a clinician reads has no ids and no operators (issue 16): for every bundled case, replay's
# human output, train --plain and the plain walk (pre-filled from the case, every screen confirmed) contain no
# variable, derived, node or warning id of the bundled pathway and no operator of the condition
# language; nor do the printed logs of their journals (text, Markdown, HTML); with --ids they do
# show the pathway syntax, for pathway authors.
# Usage: human_words.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8 XDG_STATE_HOME=$tmp/state

# The ids a clinician must not read: the entries of the pathway's variables, derived, nodes and
# warnings lists (one entry a line at four spaces, as the bundled file is written).
awk '/^  [a-z_]+ = \(/ { section = $1 }
     /^    \{ id = "/ && section ~ /^(variables|derived|nodes|warnings)$/ {
	     match($0, /id = "[^"]+"/); print substr($0, RSTART + 6, RLENGTH - 7) }' \
	"$src/config/sciatica.cfg" >"$tmp/ids"
nids=$(wc -l <"$tmp/ids")
[ "$nids" -ge 60 ] && ok || bad "only $nids ids read from the bundled pathway"
# The operators of the condition language, as written between operands (a text log underlines
# its headings with ====), and "!x": a ! before a letter.
printf '%s\n' ' == ' ' != ' ' && ' ' || ' ' <= ' ' >= ' 'count(' 'has(' 'at(' >"$tmp/operators"

# no_ids FILE WHAT: FILE shows none of the ids (as whole words) and none of the operators.
no_ids() {
	local hit
	if hit=$(grep -owFf "$tmp/ids" "$1" | sort -u | head -5 | tr '\n' ' ') && [ -n "$hit" ]; then
		bad "$2: ids shown: $hit"
		grep -nwFf "$tmp/ids" "$1" | head -3 | sed 's/^/  | /'
	else
		ok
	fi
	if grep -qFf "$tmp/operators" "$1" || grep -qE '![a-z(]' "$1"; then
		bad "$2: an operator shown"
		{ grep -nFf "$tmp/operators" "$1"; grep -nE '![a-z(]' "$1"; } | head -3 | sed 's/^/  | /'
	else
		ok
	fi
}

# human_outputs CASE NAME: runs both human outputs of one case into $tmp/NAME.replay, .plain.
human_outputs() {
	"$bin" replay "$1" >"$tmp/$2.replay" 2>"$tmp/$2.replay.err"
	case $? in 0 | 4) ok ;; *) bad "$2: replay exit $?" ;; esac
	yes '' | head -n 400 | "$bin" walk --plain --case "$1" --log "$tmp/$2.jsonl" --clinician C --patient P \
		>"$tmp/$2.plain" 2>"$tmp/$2.plain.err"
	grep -q "^Screen: \|^Endpoint: " "$tmp/$2.plain" && ok || bad "$2: the plain walk showed no screen"
}

ncases=0
for case in "$src"/config/cases/*.cfg; do
	name=$(basename "$case" .cfg)
	ncases=$((ncases + 1))
	human_outputs "$case" "$name"
	no_ids "$tmp/$name.replay" "replay $name"
	no_ids "$tmp/$name.plain" "walk --plain $name"
	# The trainee's headless face: the first candidate at every decision, reveals and debrief.
	yes 1 | head -n 60 | "$bin" train --plain --trainee T --log "$tmp/$name.train" "$case" >"$tmp/$name.trainout" 2>/dev/null
	no_ids "$tmp/$name.trainout" "train --plain $name"
	# Every decision replay printed is explained in words ending with a verdict.
	if grep -q '^  \* ' "$tmp/$name.replay" && ! grep -qE '^ +- .*: (met|not met|not yet answered)$|\(needs .*\)$' \
		"$tmp/$name.replay"; then
		bad "replay $name: no clause in words"
	else
		ok
	fi
done
[ "$ncases" -ge 40 ] && ok || bad "only $ncases bundled cases"

# The printed log of every plain walk's journal, in every format a person reads (JSON keeps ids).
for journal in "$tmp"/*.jsonl; do
	for format in text markdown html; do
		"$bin" log -f "$format" -o "$tmp/log.$format" "$journal" 2>/dev/null || bad "log -f $format $journal"
		no_ids "$tmp/log.$format" "log -f $format $(basename "$journal")"
		rm -f "$tmp/log.$format"
	done
done

# For pathway authors, --ids shows what the clinician's output leaves out.
case=$src/config/cases/v5-sij-eligible.cfg
"$bin" replay --ids "$case" >"$tmp/ids.replay" 2>&1
grep -qF "  (sij_decision)" "$tmp/ids.replay" && ok || bad "replay --ids: no node id"
grep -qF "condition: last_injection_type == \"tpi\" && sij_eligible" "$tmp/ids.replay" && ok ||
	bad "replay --ids: no condition"
grep -qF "  [sij_eligible = yes]" "$tmp/ids.replay" && ok || bad "replay --ids: no clause in pathway syntax"
yes '' | head -n 400 | "$bin" walk --plain --ids --case "$case" --log "$tmp/ids.jsonl" --clinician C --patient P \
	>"$tmp/ids.plain" 2>&1
grep -qF "  [sij_eligible = yes]" "$tmp/ids.plain" && ok || bad "walk --plain --ids: no clause in pathway syntax"

# The journal keeps the clause in pathway syntax beside its words and depth.
grep -qF '"clause":"sij_eligible = yes","truth":true,"words":"Criteria for a sacroiliac joint injection met: yes; needs yes: met","depth":0' \
	"$tmp/v5-sij-eligible.jsonl" && ok || bad "journal: the clause, its words and depth"
grep -qF '"clause":"sij_count = 3 >= 3","truth":true,"words":"Positive sacroiliac provocation tests (of 6): 3; needs at least 3: met","depth":1' \
	"$tmp/v5-sij-eligible.jsonl" && ok || bad "journal: a derived value's clause one level deeper"

echo "human_words: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
