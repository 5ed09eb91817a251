#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# What a clinician reads has no ids and no operators (issue 16): for every bundled case, replay's
# human output, train --plain and the plain walk (pre-filled from the case, every screen confirmed) contain no
# variable, derived, node or warning id of the bundled pathway and no operator of the condition
# language; nor do the printed logs of their journals (text, Markdown, HTML); with --ids they do
# show the pathway syntax, for pathway authors. Those printed logs also carry, for every case, the
# plan of its endpoint (issue 13: "About this pathway" first, then the headings Recommendation,
# What to do, What to document), and each plain walk's journal records the path of the case's
# replay --log journal (a walk stopped before its endpoint: the replay's journal is printed too).
# Their text logs are printer-safe as log_widths.sh measures it: no line wider than 80 columns by
# glibc's wcwidth, and printed one after another (two shells' halves, two jobs) they take as many
# sheets as their footers count pages, under enscript and CUPS' text filter (lib_golden.sh).
# Usage: human_words.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
. "$src/tests/cli/lib_golden.sh"
in_memory
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8 XDG_STATE_HOME=$tmp/state

# The inputs of the headless faces: Enter on every screen of a walk (the case's answers
# confirmed), the first candidate at every decision of a training (reveals and debrief too):
# 60 a case, for as many cases as there are (one training works through many).
bundled=("$src"/config/cases/*.cfg)
ncases=${#bundled[@]}
yes '' | head -n 400 >"$tmp/enters"
yes 1 | head -n $((60 * ncases)) >"$tmp/ones"

# run_case NAME: every output of the bundled case NAME a person reads, in $out/NAME.*: replay's
# human output (.replay, its exit status in .replay.status, its journal .replay.jsonl), the plain
# walk (.plain, its exit status in .plain.status, its journal .jsonl) and the printed logs of the
# walk's journal in every format a person reads (each exit status in .status; JSON keeps ids): the
# text log the walk printed beside its journal (.txt; whether it did in .log.text.status; the same
# as log -f text, compared below), .log.markdown and .log.html by log -f, and the replay journal's
# (.replay.log.FORMAT) too when the walk stopped before the endpoint; NAME is added to the shell's
# list of cases to train on ($tmp/trainees, for train_cases).
out=$tmp
# log_file JOURNAL FORMAT: sets log_path to the printed log of $out/JOURNAL.jsonl in FORMAT (a
# plain walk's journal's text log: the one the walk printed beside it, JOURNAL.txt)
log_file() {
	log_path=$out/$1.log.$2
	[[ $1 != *.replay && $2 == text ]] && log_path=$out/$1.txt
}
run_case() {
	local case=$src/config/cases/$1.cfg format journal walked
	"$bin" replay --log "$out/$1.replay.jsonl" "$case" >"$out/$1.replay" 2>"$out/$1.replay.err"
	echo $? >"$out/$1.replay.status"
	"$bin" walk --plain --case "$case" --log "$out/$1.jsonl" --clinician C --patient P \
		<"$out/enters" >"$out/$1.plain" 2>"$out/$1.plain.err"
	walked=$?
	echo $walked >"$out/$1.plain.status"
	for journal in "$1" "$1.replay"; do
		for format in text markdown html; do
			log_file "$journal" $format
			if [ "$log_path" = "$out/$1.txt" ]; then
				[ -f "$log_path" ]
			else
				"$bin" log -f "$format" -o "$log_path" "$out/$journal.jsonl" 2>/dev/null
			fi
			echo $? >"$out/$journal.log.$format.status"
		done
		log_file "$journal" text
		texts+=("$log_path")
		queue_check widths "$log_path" "the text log of the bundled case $journal is wider than 80 columns"
		[ "$walked" = 0 ] && break
	done
	echo "$1" >>"$tmp/trainees"
}
texts=()

# train_cases: train --plain on every case of the shell's list, in one training (each case a
# session of its own, its output ending with its "score: C/T" line), each case's output cut out
# into $out/NAME.trainout by one awk; a case the training did not reach has no .trainout.
train_cases() {
	[ -f "$tmp/trainees" ] || return 0
	local cases=() name
	while IFS= read -r name; do cases+=("$src/config/cases/$name.cfg"); done <"$tmp/trainees"
	XDG_STATE_HOME=$tmp/state "$bin" train --plain --trainee T "${cases[@]}" <"$out/ones" 2>/dev/null |
		awk -v out="$out" 'FNR == NR { name[NR] = $0; next }
			{ file = out "/" name[n + 1] ".trainout"; print >file }
			/^score: [0-9]+\/[0-9]+$/ { close(file); if (++n == length(name)) exit }' "$tmp/trainees" -
}

# shell_end: the end of a shell's half of the cases: its training (train_cases), then the checks
# of its text logs, their widths and the sheets they take printed one after another (each shell
# makes its own, in one python3, while the other does).
shell_end() {
	train_cases
	[ "${#texts[@]}" -eq 0 ] || queue_sheets "the bundled cases' text logs" "${texts[@]}"
	run_queued_checks
}

# The bundled cases, by name; they are independent, and run in two shells at once (in_two).
names=()
for case in "$src"/config/cases/*.cfg; do
	case=${case##*/}
	names+=("${case%.cfg}")
done
in_two run_case shell_end "${names[@]}"

# The ids a clinician must not read: the entries of the pathway's variables, derived, nodes and
# warnings lists (one entry a line at four spaces, as the bundled file is written).
awk '/^  [a-z_]+ = \(/ { section = $1 }
     /^    \{ id = "/ && section ~ /^(variables|derived|nodes|warnings)$/ {
	     match($0, /id = "[^"]+"/); print substr($0, RSTART + 6, RLENGTH - 7) }' \
	"$src/config/sciatica.cfg" >"$tmp/ids"
nids=$(wc -l <"$tmp/ids")
[ "$nids" -ge 60 ] && ok || bad "only $nids ids read from the bundled pathway"
# The operators of the condition language, as written between operands (a text log underlines
# its headings with ====), and "!x": a ! before a letter; one extended expression, so that one
# grep finds them all.
operators=' == | != | && | \|\| | <= | >= |count\(|has\(|at\(|![a-z(]'

# Every output a person reads; each search below is one grep over all of them, and each file's
# checks read what it found: the ids shown (whole words, sorted) and whether an operator is. The
# greps match bytes (C locale: twice as fast; the patterns are ASCII, and a byte of a non-ASCII
# letter beside an id makes a whole word there, so that the search is the stricter).
files=()
for name in "${names[@]}"; do
	files+=("$tmp/$name.replay" "$tmp/$name.plain" "$tmp/$name.trainout")
	for format in text markdown html; do
		log_file "$name" $format
		files+=("$log_path")
		[ -f "$tmp/$name.replay.log.$format" ] && files+=("$tmp/$name.replay.log.$format")
	done
done
declare -A ids_shown operator_shown screen_shown star_shown verdict_shown
while IFS= read -r hit; do
	file=${hit%%:*}
	ids_shown[$file]+="${hit#*:} "
done < <(LC_ALL=C grep -oHwFf "$tmp/ids" "${files[@]}" 2>/dev/null | LC_ALL=C sort -u)
while IFS= read -r file; do operator_shown[$file]=1; done < <(LC_ALL=C grep -lE "$operators" "${files[@]}" 2>/dev/null)
while IFS= read -r file; do screen_shown[$file]=1; done < <(LC_ALL=C grep -l "^Screen: \|^Endpoint: " "$tmp"/*.plain)
while IFS= read -r file; do star_shown[$file]=1; done < <(LC_ALL=C grep -l '^  \* ' "$tmp"/*.replay)
while IFS= read -r file; do verdict_shown[$file]=1; done < <(
	LC_ALL=C grep -lE '^ +- .*: (met|not met|not yet answered)$|\(needs .*\)$' "$tmp"/*.replay)

# no_ids FILE WHAT: FILE shows none of the ids (as whole words) and none of the operators.
no_ids() {
	local hit
	if [ ! -f "$1" ]; then
		bad "$2: no output"
		bad "$2: no output"
		return
	fi
	if [ -n "${ids_shown[$1]-}" ]; then
		read -ra hit <<<"${ids_shown[$1]}"
		bad "$2: ids shown: ${hit[*]:0:5} "
		grep -nwFf "$tmp/ids" "$1" | head -3 | sed 's/^/  | /'
	else
		ok
	fi
	if [ -n "${operator_shown[$1]-}" ]; then
		bad "$2: an operator shown"
		grep -nE "$operators" "$1" | head -3 | sed 's/^/  | /'
	else
		ok
	fi
}

for name in "${names[@]}"; do
	status=none
	read -r status <"$tmp/$name.replay.status"
	case $status in 0 | 4) ok ;; *) bad "$name: replay exit $status" ;; esac
	[ -n "${screen_shown[$tmp/$name.plain]-}" ] && ok || bad "$name: the plain walk showed no screen"
	no_ids "$tmp/$name.replay" "replay $name"
	no_ids "$tmp/$name.plain" "walk --plain $name"
	no_ids "$tmp/$name.trainout" "train --plain $name"
	# Every decision replay printed is explained in words ending with a verdict.
	if [ -n "${star_shown[$tmp/$name.replay]-}" ] && [ -z "${verdict_shown[$tmp/$name.replay]-}" ]; then
		bad "replay $name: no clause in words"
	else
		ok
	fi
done
[ "${#names[@]}" -ge 40 ] && ok || bad "only ${#names[@]} bundled cases"

# The printed log of every plain walk's journal, in every format a person reads (JSON keeps ids),
# and of the replay's journal where the walk stopped before the endpoint; the plan of the endpoint
# in each log that reaches one (the walk's, or else the replay's), queued for order_checked.
reached=0
for name in "${names[@]}"; do
	walked=none
	read -r walked <"$tmp/$name.plain.status"
	for journal in "$name" "$name.replay"; do
		for format in text markdown html; do
			status=none
			read -r status <"$tmp/$journal.log.$format.status"
			[ "$status" = 0 ] || bad "log -f $format $journal.jsonl"
			log_file "$journal" $format
			no_ids "$log_path" "log -f $format $journal.jsonl"
		done
		[ "$walked" = 0 ] && break
	done
	[ "$walked" = 0 ] || { read -r status <"$tmp/$name.replay.status"; [ "$status" = 0 ]; } || continue
	reached=$((reached + 1))
	log_file "$journal" text
	order_later "$log_path" "$journal text" "Recommendation" "What to do" "What to document" $'\f' \
		"ABOUT THIS PATHWAY" "THE WALK" "Endpoint: " "Recommendation: "
	order_later "$tmp/$journal.log.markdown" "$journal markdown" "### Recommendation" "### What to do" \
		"### What to document" "## About this pathway" "## The walk" "**Endpoint: "
	order_later "$tmp/$journal.log.html" "$journal html" "<h3>Recommendation</h3>" "<h3>What to do</h3>" \
		"<h3>What to document</h3>" "<h2>About this pathway</h2>" "<h2>The walk</h2>" '<div class="note endpoint">'
done
order_checked
[ "$reached" -ge 20 ] && ok || bad "only $reached bundled cases reached an endpoint"

# The text log a plain walk printed is the one log -f text prints of its journal: compared for the
# first walk that reached its endpoint and for every one that did not.
compared=0 finished=
for name in "${names[@]}"; do
	read -r walked <"$tmp/$name.plain.status"
	if [ "$walked" = 0 ]; then [ -z "$finished" ] || continue; finished=$name; fi
	compared=$((compared + 1))
	"$bin" log -f text -o "$tmp/$name.text" "$tmp/$name.jsonl" 2>"$tmp/$name.text.err"
	status=$? printed= rendered=
	[ -f "$tmp/$name.txt" ] && IFS= read -r -d '' printed <"$tmp/$name.txt"
	[ -f "$tmp/$name.text" ] && IFS= read -r -d '' rendered <"$tmp/$name.text"
	if [ "$status" = 0 ] && [ -n "$printed" ] && [ "$printed" = "$rendered" ]; then ok
	else bad "walk --plain $name: its printed log is not log -f text's (exit $status)"; fi
done
[ -n "$finished" ] && ok || bad "no printed log of a finished walk compared with log -f text"

# Each plain walk's journal records the path of the case's replay --log journal: after the start
# event (mode, clinician, patient and case title differ) the same events but for the hash chain's
# links; a walk stopped before the endpoint, the replay's first events, then "interrupted". One awk
# reads every pair.
pairs=()
for name in "${names[@]}"; do pairs+=("$tmp/$name.replay.jsonl" "$tmp/$name.jsonl"); done
while IFS=$'\t' read -r verdict name line; do
	if [ "$verdict" = same ]; then ok; else bad "walk --plain $name: event $line differs from replay --log's"; fi
done < <(LC_ALL=C awk 'function events(file, into,   n, line, r) {
		n = 0
		while ((r = (getline line < file)) > 0)
			if (++n > 1) { sub(/"prev":"[0-9a-f]*",/, "", line); into[n] = line }
		close(file)
		return r < 0 ? -1 : n
	}
	BEGIN {
		for (f = 1; f + 1 < ARGC; f += 2) {
			name = ARGV[f + 1]; sub(/.*\//, "", name); sub(/\.jsonl$/, "", name)
			delete r; delete w
			nr = events(ARGV[f], r); nw = events(ARGV[f + 1], w)
			if (nr < 2 || nw < 2) { printf "missing\t%s\t1\n", name; continue }
			last = nw
			if (nw < nr && w[nw] ~ /"event":"interrupted"/) last = nw - 1
			else if (nw != nr) { printf "length\t%s\t%d\n", name, (nw < nr ? nw : nr) + 1; continue }
			for (i = 2; i <= last && r[i] == w[i]; i++) ;
			if (i <= last) printf "differs\t%s\t%d\n", name, i
			else printf "same\t%s\t0\n", name
		}
	}' "${pairs[@]}")

# For pathway authors, --ids shows what the clinician's output leaves out.
case=$src/config/cases/v5-sij-eligible.cfg
"$bin" replay --ids "$case" >"$tmp/ids.replay" 2>&1
file_has "$tmp/ids.replay" "  (sij_decision)" && ok || bad "replay --ids: no node id"
file_has "$tmp/ids.replay" "condition: last_injection_type == \"tpi\" && sij_eligible" && ok ||
	bad "replay --ids: no condition"
file_has "$tmp/ids.replay" "  [sij_eligible = yes]" && ok || bad "replay --ids: no clause in pathway syntax"
"$bin" walk --plain --ids --case "$case" --log "$tmp/ids.jsonl" --clinician C --patient P \
	<"$tmp/enters" >"$tmp/ids.plain" 2>&1
file_has "$tmp/ids.plain" "  [sij_eligible = yes]" && ok || bad "walk --plain --ids: no clause in pathway syntax"

# The journal keeps the clause in pathway syntax beside its words and depth.
file_has "$tmp/v5-sij-eligible.jsonl" \
	'"clause":"sij_eligible = yes","truth":true,"words":"Criteria for a sacroiliac joint injection met: yes; needs yes: met","depth":0' &&
	ok || bad "journal: the clause, its words and depth"
file_has "$tmp/v5-sij-eligible.jsonl" \
	'"clause":"sij_count = 3 >= 3","truth":true,"words":"Positive sacroiliac provocation tests (of 6): 3; needs at least 3: met","depth":1' &&
	ok || bad "journal: a derived value's clause one level deeper"

echo "human_words: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
