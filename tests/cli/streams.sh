#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Unix conventions of the command line: "-" is standard input for every command that reads one
# file (check, replay, test, log, report, graph), "-o -" and "-o /dev/stdout" are standard output
# (log, report) while an existing file is still never overwritten, a bad option gives one message
# (not getopt's and then ours), and --version names the licence. Usage: streams.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8

. "$src/tests/cli/lib_golden.sh"

# same WHAT FILE FILE: the two outputs are identical
same() {
	if cmp -s "$2" "$3"; then ok; else bad "$1: outputs differ"; diff -u "$2" "$3" | head -20 | sed 's/^/  | /'; fi
}
# one_line WHAT: $tmp/err holds exactly one "pathwalk: " message and the usage hint
one_line() { # (the lines counted in bash)
	local lines=() messages=0 line
	mapfile -t lines <"$tmp/err"
	for line in "${lines[@]}"; do [[ $line == 'pathwalk: '* ]] && messages=$((messages + 1)); done
	if [ "$messages" = 1 ] && [ "${#lines[@]}" = 2 ]; then ok
	else bad "$1: expected one message and the hint"; sed 's/^/  | /' "$tmp/err"; fi
}

pathway=$src/config/sciatica.cfg
case=$src/config/cases/v5-sij-eligible.cfg
trainee=$src/tests/data/train/bob-v5.jsonl

# --- check - ---------------------------------------------------------------------------------
run 0 "check FILE" -- "$bin" check "$pathway"
sed 's/^[^:]*:/X:/' "$tmp/out" >"$tmp/check-file"
run 0 "check -" -- "$bin" check - <"$pathway"
sed 's/^[^:]*:/X:/' "$tmp/out" >"$tmp/check-stdin"
same "check - and check FILE" "$tmp/check-file" "$tmp/check-stdin"
expect_in "$tmp/out" "<stdin>: valid: pathway sciatica-after-tpi" "check - names standard input <stdin>"
printf 'pathway = {\n  id = ;\n};\n' >"$tmp/broken.cfg"
run 1 "check - of a broken pathway" -- "$bin" check - <"$tmp/broken.cfg"
expect_in "$tmp/err" "pathwalk: <stdin>:2:8: error: " "check - error as pathwalk: <stdin>:LINE:COLUMN: error: message"
run 0 "check --strict -" -- "$bin" check --strict - <"$pathway"
expect_in "$tmp/out" "<stdin>: strict: " "check --strict - summary"
sed 's/review_date = "[0-9-]*"/review_date = "2020-01-01"/' "$pathway" >"$tmp/old.cfg"
run 0 "check --strict - of an old pathway" -- "$bin" check --strict - <"$tmp/old.cfg"
line=0
while IFS= read -r text; do line=$((line + 1)); [[ $text == *'review_date = '* ]] && break; done <"$tmp/old.cfg"
expect_in "$tmp/err" "pathwalk: <stdin>:$line:3: warning: the review date 2020-01-01 has passed" "check --strict - names the review date's line"

# --- replay - and test - -----------------------------------------------------------------------
run 0 "replay CASE" -- "$bin" replay --json "$case"
cp "$tmp/out" "$tmp/replay-file"
run 0 "replay -" -- "$bin" replay --json - <"$case"
same "replay - and replay CASE" "$tmp/replay-file" "$tmp/out"
run 0 "replay -p - CASE" -- "$bin" replay --json -p - "$case" <"$pathway"
expect_in "$tmp/out" '"endpoint":"sij_injection"' "replay -p - reads the pathway from standard input"
run 2 "replay -p - -" -- "$bin" replay -p - - </dev/null
expect_in "$tmp/err" "not both" "replay -p - - is refused"
run 2 "replay --log -" -- "$bin" replay --log - "$case"
run 0 "test -" -- "$bin" test - <"$case"
expect_in "$tmp/out" "PASS v5-sij-eligible: sij_injection" "test - passes the case from standard input"
expect_in "$tmp/out" "1 passed, 0 failed" "test - summary"
run 3 "test - of an invalid case" -- sh -c 'echo "case = {" | "$1" test -' sh "$bin"
expect_in "$tmp/err" "pathwalk: <stdin>:" "test - error names <stdin>"

# --- log - and -o - ----------------------------------------------------------------------------
# x.jsonl: a name as long as <stdin>, so that the two renderings wrap alike
run 0 "replay --log" -- "$bin" replay --log "$tmp/x.jsonl" "$case"
cp "$tmp/x.jsonl" "$tmp/j.jsonl"
run 0 "log FILE" -- "$bin" log x.jsonl
sed 's/x\.jsonl/<stdin>/' "$tmp/out" >"$tmp/log-file"
run 0 "log -" -- "$bin" log - <"$tmp/j.jsonl"
same "log - and log FILE" "$tmp/log-file" "$tmp/out"
run 0 "log FILE" -- "$bin" log "$tmp/j.jsonl"
cp "$tmp/out" "$tmp/log-file"
run 0 "log -o -" -- "$bin" log -o - "$tmp/j.jsonl"
same "log -o - and standard output" "$tmp/log-file" "$tmp/out"
run 0 "log -o /dev/stdout" -- "$bin" log -o /dev/stdout "$tmp/j.jsonl"
same "log -o /dev/stdout and standard output" "$tmp/log-file" "$tmp/out"
run 0 "log -o /dev/stdout | cat" -- sh -c '"$1" log -o /dev/stdout "$2" | cat' sh "$bin" "$tmp/j.jsonl"
same "log -o /dev/stdout into a pipe" "$tmp/log-file" "$tmp/out"
run 0 "log -o /dev/null" -- "$bin" log -o /dev/null "$tmp/j.jsonl"
run 0 "log -f json - -o -" -- "$bin" log -f json -o - - <"$tmp/j.jsonl"
expect_in "$tmp/out" '"format":"pathwalk-log"' "log -f json from standard input to standard output"
echo keep >"$tmp/exists.txt"
run 5 "log -o an existing file" -- "$bin" log -o "$tmp/exists.txt" "$tmp/j.jsonl"
ln -s "$tmp/exists.txt" "$tmp/link.txt"
run 5 "log -o a link to an existing file" -- "$bin" log -o "$tmp/link.txt" "$tmp/j.jsonl"
if [ "$(cat "$tmp/exists.txt")" = keep ]; then ok; else bad "an existing file was overwritten"; fi
run 3 "log - of an empty input" -- "$bin" log - </dev/null
expect_in "$tmp/err" "pathwalk: <stdin>:" "log - error names <stdin>"

# --- report - and -o - -------------------------------------------------------------------------
cp "$trainee" "$tmp/x.jsonl"
run 0 "report FILE" -- "$bin" report x.jsonl
sed 's/x\.jsonl/<stdin>/' "$tmp/out" >"$tmp/report-file"
run 0 "report - -o -" -- "$bin" report -o - - <"$trainee"
same "report - -o - and report FILE" "$tmp/report-file" "$tmp/out"
run 0 "report -o /dev/stdout" -- "$bin" report -o /dev/stdout x.jsonl
sed 's/x\.jsonl/<stdin>/' "$tmp/out" >"$tmp/report-dev"
same "report -o /dev/stdout" "$tmp/report-file" "$tmp/report-dev"

# --- graph --case - ----------------------------------------------------------------------------
run 0 "graph --case FILE" -- "$bin" graph --case "$case"
cp "$tmp/out" "$tmp/graph-file"
run 0 "graph --case -" -- "$bin" graph --case - <"$case"
same "graph --case - and --case FILE" "$tmp/graph-file" "$tmp/out"

# --- walk: a journal is a file, standard input the answers -------------------------------------------------------------------
run 2 "walk --log -" -- "$bin" walk --plain --log - </dev/null
run 2 "walk --resume -" -- "$bin" walk --resume - </dev/null
run 2 "walk --case -" -- "$bin" walk --plain --case - </dev/null
expect_in "$tmp/err" "standard input is where the walk reads its answers" "walk --case - is refused"
run 2 "train -p -" -- "$bin" train --plain -p - v5-sij-eligible </dev/null
run 2 "train --log -" -- "$bin" train --plain --log - v5-sij-eligible </dev/null

# --- one message per bad option ------------------------------------------------------------------
for cmd in walk train replay test check log report graph diff; do
	run 2 "$cmd --bogus" -- "$bin" $cmd --bogus
	one_line "$cmd --bogus"
	expect_in "$tmp/err" "pathwalk: unknown option '--bogus'" "$cmd --bogus names the option"
	run 2 "$cmd -Z" -- "$bin" $cmd -Z
	one_line "$cmd -Z"
	expect_in "$tmp/err" "pathwalk: unknown option '-Z'" "$cmd -Z names the option"
	expect_in "$tmp/err" "Try 'pathwalk $cmd --help'." "$cmd: the usage hint"
done
for cmd in walk train replay test log report graph; do
	run 2 "$cmd -p (no argument)" -- "$bin" $cmd -p
	one_line "$cmd -p"
	expect_in "$tmp/err" "pathwalk: option '-p' needs an argument" "$cmd -p"
	run 2 "$cmd --pathway (no argument)" -- "$bin" $cmd --pathway
	expect_in "$tmp/err" "pathwalk: option '--pathway' needs an argument" "$cmd --pathway"
done
run 2 "replay --json=yes" -- "$bin" replay --json=yes "$case"
one_line "replay --json=yes"
expect_in "$tmp/err" "pathwalk: option '--json' takes no argument" "--json=yes"
run 2 "--bogus as the default command" -- "$bin" --bogus
one_line "pathwalk --bogus"

# --- --version ---------------------------------------------------------------------------------
run 0 "--version" -- "$bin" --version
expect_in "$tmp/out" "pathwalk " "version line"
expect_in "$tmp/out" "Apache License, Version 2.0" "the licence"
expect_in "$tmp/out" "NO WARRANTY" "the warranty disclaimer"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
