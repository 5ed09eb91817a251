#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The plain line mode through a pipe: prompts, re-asking on bad input, decisions with their
# explanation, an override with a reason, going back, quitting, and end of input.
. "$(dirname "$0")/lib.sh" "$@"
mini=$SRC/tests/data/good/mini.cfg
export LANG=C.UTF-8 PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC

plain() { # LOG INPUT: runs the plain walk; output in $TMP/out, status in $status
	printf '%b' "$2" | "$BIN" walk --plain -p "$mini" --log "$1" >"$TMP/out" 2>"$TMP/err"
	status=$?
}
check() { # TEXT DESCRIPTION
	if file_has "$TMP/out" "$1" || file_has "$TMP/err" "$1"; then ok "$2"; else
		failed=$((failed + 1)); echo "FAIL: $2: '$1' not in the output"; sed 's/^/  | /' "$TMP/out" | tail -n 30
	fi
}
status_is() { [ "$status" -eq "$1" ] && ok "$2" || { failed=$((failed + 1)); echo "FAIL: $2: exit $status, expected $1"; }; }

# score 11 (refused), 6; flag maybe (refused), n; kind by id; signs by numbers and id; seen:
# default; last: bad, then a date; accept the recommendation; finish.
plain "$TMP/p1.jsonl" '11\n6\nmaybe\nn\na\n1,z\n\n2025-13-01\n2025-02-10\n\n\n'
status_is 0 "a finished plain walk exits 0"
check "Stage 1 of 2: One" "the stage is printed"
check "Stages: One (current) > Two" "the breadcrumb is printed"
check "Score (whole number 0 to 10)" "the accepted forms are shown"
check "Error: 11 is out of range" "an out-of-range number is refused and re-asked"
check "Error: 'maybe': answer y or n" "a bad yes/no is refused"
check "Error: '2025-13-01' is not a date" "a bad date is refused"
check "[Enter keeps: 2025-02-17]" "the date's default is shown and kept with Enter"
check "1. High road [recommended]" "the decision lists the recommended step"
check "- Score: 6; needs more than 4: met" "the explanation is printed clause by clause in words"
if file_has "$TMP/out" "score = 6"; then failed=$((failed + 1)); echo "FAIL: pathway syntax in the plain walk"; else ok "no pathway syntax without --ids"; fi
check "Endpoint: High" "the endpoint is reached"
check "Repeat on 2025-04-11" "the endpoint text is interpolated"
check "Session log: $TMP/p1.jsonl" "the journal path is printed"
expect_in_file "$TMP/p1.jsonl" '"event":"end"' "the journal has the end"
file_has "$TMP/out" $'\e' && { failed=$((failed + 1)); echo "FAIL: escape sequences in plain output"; } || ok "no escape sequences in plain mode"

# --ids: for pathway authors, each condition and clause in pathway syntax too.
printf '6\nn\na\n1,z\n\n2025-02-10\n\n\n' | "$BIN" walk --plain --ids -p "$mini" --log "$TMP/ids.jsonl" >"$TMP/out" 2>"$TMP/err"
check "condition: score > 4 && kind == \"a\"" "--ids shows the condition"
check "- Score: 6; needs more than 4: met  [score = 6 > 4]" "--ids shows each clause's pathway syntax"

# A file already has the printable log's name: it is never replaced; the log takes the next free
# name (NAME.1.txt, NAME.2.txt, ...).
printf 'an earlier printable log\n' >"$TMP/p1a.txt"
plain "$TMP/p1a.jsonl" '6\nn\na\n1,z\n\n2025-02-10\n\n\n'
status_is 0 "a walk beside an existing printable log"
check "Printable log: $TMP/p1a.1.txt" "the printable log takes the next free name"
file_text "$TMP/p1a.txt"
[ "${TEXT%"${TEXT##*[!$'\n']}"}" = "an earlier printable log" ] && ok "the existing file is left as it was" ||
	{ failed=$((failed + 1)); echo "FAIL: the existing printable log was changed"; }
expect_in_file "$TMP/p1a.1.txt" "Clinician signature:" "the new printable log is whole"

# The printable log cannot be written (its name and every other name tried are taken): the
# journal is whole, the walk says why and exits 5, as for any output it could not write.
mkdir "$TMP/p1b.txt"
mkdir "$TMP"/p1b.{1..99}.txt
plain "$TMP/p1b.jsonl" '6\nn\na\n1,z\n\n2025-02-10\n\n\n'
status_is 5 "a walk whose printable log cannot be written exits 5"
check "p1b.txt: cannot write the printable log: File exists" "and says which file could not be written"
expect_in_file "$TMP/p1b.jsonl" '"event":"end"' "its journal is complete"

# Override with a reason (an empty reason is refused); then b at the endpoint goes back.
plain "$TMP/p2.jsonl" '6\nn\na\nx,y\n\n2025-02-10\n3\n\nno high road today\nb\n\n\n'
status_is 0 "plain walk with an override exits 0"
check "Error: a reason is required" "an empty reason is refused"
expect_in_file "$TMP/p2.jsonl" "no high road today" "the override reason is in the journal"
expect_in_file "$TMP/p2.jsonl" '"event":"back"' "b is journaled as back"
check "Endpoint: Low" "the override reached its endpoint"
check "Endpoint: High" "after going back, accepting reached the recommended endpoint"

# q quits (status 0, interrupted); end of input before the endpoint is status 1.
plain "$TMP/p3.jsonl" '6\nq\n'
status_is 0 "q quits with status 0"
expect_in_file "$TMP/p3.jsonl" '"reason":"quit"' "q is journaled as an interruption"
plain "$TMP/p4.jsonl" '6\n'
status_is 1 "end of input before the endpoint exits 1"
expect_in_file "$TMP/p4.jsonl" '"reason":"eof"' "end of input is journaled as an interruption"
check "input ended before the endpoint" "end of input is explained"
finish
