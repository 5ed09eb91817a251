#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Headless training (`pathwalk train --plain`): bundled cases with all-correct, all-wrong and mixed
# choices, checked on the score line, the reveals, the journal's choice and score events and the
# rendered log; choices by node id; bad lines, early end of input, signals while deciding, usage
# errors, --list filters.
# Usage: train_plain.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
in_memory
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8 XDG_STATE_HOME=$tmp/state

expect_in() { # FILE TEXT DESCRIPTION
	if file_has "$1" "$2"; then ok; else bad "$3: '$2' not in $(basename "$1")"; tail -n 15 "$1" | sed 's/^/  | /'; fi
}
expect_not_in() { # FILE TEXT DESCRIPTION
	if file_has "$1" "$2"; then bad "$3: '$2' found in $(basename "$1")"; grep -nF -- "$2" "$1" | head -3; else ok; fi
}
expect_status() { # WANT GOT DESCRIPTION
	if [ "$1" = "$2" ]; then ok; else bad "$3: exit $2, expected $1"; sed 's/^/  | /' "$tmp/err" | head; fi
}

# train NAME CHOICES ARGS...: runs train --plain with the choices (one per line) on stdin, output
# in $tmp/NAME.out, errors in $tmp/err, the journal at $tmp/NAME.jsonl; sets $status.
train() {
	local name=$1 choices=$2
	shift 2
	printf '%s' "$choices" | (cd "$tmp" && "$bin" train --plain --trainee tester --log "$tmp/$name.jsonl" "$@") \
		>"$tmp/$name.out" 2>"$tmp/err"
	status=$?
}

# last_line FILE: sets $last to FILE's last line; count_lines FILE PATTERN: sets $count to the
# number of FILE's lines that PATTERN (a bash glob, for the whole line) matches. Read in bash, so a
# check starts no process.
last_line() {
	local line
	last=
	while IFS= read -r line || [ -n "$line" ]; do last=$line; done <"$1"
}
count_lines() {
	local line
	count=0
	while IFS= read -r line || [ -n "$line" ]; do [[ $line == $2 ]] && count=$((count + 1)); done <"$1"
}

# v5-sij-eligible passes four decisions; the pathway's route takes steps 4, 2, 6, 1.
train v5-right $'4\n2\n6\n1\n' v5-sij-eligible
expect_status 0 $status "all correct"
last_line "$tmp/v5-right.out"; [ "$last" = "score: 4/4" ] && ok || bad "all correct: last line is '$last'"
expect_in "$tmp/v5-right.out" "Correct: you chose the pathway's step." "all correct: reveal"
expect_in "$tmp/v5-right.out" "Debrief: 4 of 4 decisions matched the pathway" "all correct: debrief"
count_lines "$tmp/v5-right.jsonl" '*"event":"choice"*'; [ "$count" = 4 ] && ok || bad "all correct: four choice events"
count_lines "$tmp/v5-right.jsonl" '*"correct":true*'; [ "$count" = 4 ] && ok || bad "all correct: four correct choices"
expect_in "$tmp/v5-right.jsonl" '"event":"score","correct":4,"total":4' "all correct: score event"
expect_in "$tmp/v5-right.jsonl" '"mode":"train"' "journal mode"
expect_in "$tmp/v5-right.jsonl" '"trainee":"tester"' "journal trainee"
expect_in "$tmp/v5-right.jsonl" '"event":"end"' "journal end"
expect_in "$tmp/v5-right.out" "Printable log: $tmp/v5-right.txt" "printable log path"
expect_in "$tmp/v5-right.txt" "page 1 of" "printable log written"

# The printable log cannot be written (its name and every other name tried are taken: an existing
# file is never replaced): the score is still printed, the journal is whole, and the exit status is 5.
mkdir "$tmp/v5-noprint.txt"
mkdir "$tmp"/v5-noprint.{1..99}.txt
train v5-noprint $'4\n2\n6\n1\n' v5-sij-eligible
expect_status 5 $status "printable log not written"
last_line "$tmp/v5-noprint.out"; [ "$last" = "score: 4/4" ] && ok || bad "printable log not written: no score line"
expect_in "$tmp/err" "v5-noprint.txt: cannot write the printable log: File exists" "printable log not written: the reason"
expect_in "$tmp/v5-noprint.jsonl" '"event":"score","correct":4,"total":4' "printable log not written: journal complete"

# Every choice wrong: the walk still follows the pathway's route to the same endpoint.
train v5-wrong $'1\n1\n2\n2\n' v5-sij-eligible
expect_status 0 $status "all wrong"
last_line "$tmp/v5-wrong.out"; [ "$last" = "score: 0/4" ] && ok || bad "all wrong: last line is '$last'"
expect_in "$tmp/v5-wrong.out" "Not the pathway's step." "all wrong: reveal"
expect_in "$tmp/v5-wrong.out" "The pathway recommends: 4. No red flags: continue to the assessment" "all wrong: the recommendation is revealed"
expect_in "$tmp/v5-wrong.out" "Endpoint: Image-guided sacroiliac joint injection" "all wrong: the route is the pathway's"
count_lines "$tmp/v5-wrong.jsonl" '*"correct":false*'; [ "$count" = 4 ] && ok || bad "all wrong: four wrong choices"
expect_in "$tmp/v5-wrong.jsonl" '"chosen":"emergency_ces_referral"' "all wrong: the choice is journaled"
expect_in "$tmp/v5-wrong.jsonl" '"goto":"assessment_pain"' "all wrong: the decision follows the pathway"

# Mixed, with node ids instead of numbers.
train v5-mixed $'assessment_pain\nsurgical_evaluation\nsij_screen\n2\n' v5-sij-eligible
expect_status 0 $status "mixed"
last_line "$tmp/v5-mixed.out"; [ "$last" = "score: 2/4" ] && ok || bad "mixed: last line is '$last'"
expect_in "$tmp/v5-mixed.jsonl" '"event":"score","correct":2,"total":4' "mixed: score event"

# Before each commit the output has no hint of the answer: the part of the output before the
# first "Your choice" line names no recommendation and explains no condition.
sed -n '/Red flag review/,/Your choice/{p;/Your choice/q}' "$tmp/v5-mixed.out" >"$tmp/blind" # the first decision, before its reveal
expect_not_in "$tmp/blind" "recommended" "blind: no recommendation mark"
expect_not_in "$tmp/blind" "count(ces_symptoms)" "blind: no condition"
expect_not_in "$tmp/blind" "otherwise" "blind: no fallback note"
# The case is named by its title, not its id, which can name the answer.
first= && IFS= read -r first <"$tmp/v5-mixed.out"
[[ $first =~ ^Training\ case:\ [^:]*$ ]] && ok || bad "first line names the case by its title only: $first"
expect_not_in "$tmp/blind" "v5-sij-eligible" "blind: no case id"

# The training journal renders with `pathwalk log`, score and choices included.
"$bin" log "$tmp/v5-mixed.jsonl" >"$tmp/v5-mixed.log" 2>"$tmp/err"
expect_status 0 $? "log of a training journal"
expect_in "$tmp/v5-mixed.log" "tester" "log names the trainee"
expect_in "$tmp/v5-mixed.log" "2/4" "log shows the score"

# A one-decision route (cauda equina): one choice, emergency referral.
train v1 $'1\n' v1-cauda-equina
expect_status 0 $status "one decision"
last_line "$tmp/v1.out"; [ "$last" = "score: 1/1" ] && ok || bad "one decision: last line is '$last'"

# A case file path works like a bundled id.
train v5-file $'4\n2\n6\n1\n' "$src/config/cases/v5-sij-eligible.cfg"
last_line "$tmp/v5-file.out"; [ "$last" = "score: 4/4" ] && ok || bad "case file: last line is '$last'"

# Input that names no candidate, and input that ends early.
train bad-line $'4\nseven\n' v5-sij-eligible
expect_status 3 $status "a bad choice line"
expect_in "$tmp/err" "stdin:2: 'seven' is not one of the next steps" "bad line: named with its line"
expect_in "$tmp/bad-line.jsonl" '"reason":"invalid input"' "bad line: interrupted in the journal"
grep -q '^score: ' "$tmp/bad-line.out" && bad "bad line: a score line was printed" || ok
train eof $'4\n' v5-sij-eligible
expect_status 1 $status "input ends early"
expect_in "$tmp/err" "input ended before the decision at trigger_point_decision" "early end: says where"
expect_in "$tmp/eof.jsonl" '"event":"interrupted"' "early end: interrupted in the journal"
train quit $'q\n' v5-sij-eligible
expect_status 0 $status "q quits"
expect_in "$tmp/quit.jsonl" '"reason":"quit"' "q: interrupted in the journal"

# A signal while the trainee is deciding ends the run as a signal (128+N), journaled by name;
# stdin stays open, so the run is waiting on its read when the signal comes.
mkfifo "$tmp/stdin"
exec 7<>"$tmp/stdin" # held open for writing: reads wait instead of ending
# Its output comes through a fifo, read (each read blocking on the pipe, up to the next ':', for
# up to 60 s in all) until the prompt is out; the signal is sent once the run sleeps (its state in
# /proc, read in bash), blocked on its read of stdin, the next thing it does; the rest of the
# output is read to its end.
mkfifo "$tmp/sig.out"
for sig in TERM HUP INT; do
	rm -f "$tmp/sig.jsonl"
	(cd "$tmp" && exec "$bin" train --plain --trainee tester --log "$tmp/sig.jsonl" v5-sij-eligible) \
		<"$tmp/stdin" >"$tmp/sig.out" 2>"$tmp/err" &
	runner=$!
	exec 8<"$tmp/sig.out"
	shown= state= end=$((SECONDS + 60))
	while [[ $shown != *"Your choice"* ]] && [ "$SECONDS" -le "$end" ] &&
		IFS= read -r -d : -t $((end - SECONDS + 1)) -u 8 part; do shown+=$part:; done
	while [ "$state" != S ] && [ "$SECONDS" -le "$end" ] && read -r _ _ state _ <"/proc/$runner/stat"; do :; done
	kill -"$sig" "$runner"
	IFS= read -r -d '' -u 8 part
	exec 8<&-
	wait "$runner"; status=$?
	want=$((128 + $(kill -l "$sig")))
	expect_status "$want" "$status" "SIG$sig while deciding"
	expect_in "$tmp/sig.jsonl" "\"reason\":\"SIG$sig\"" "SIG$sig: the interruption is journaled with the signal's name"
	expect_not_in "$tmp/err" "input ended" "SIG$sig is not taken for the end of input"
done
exec 7>&-

# Usage errors and unknown cases.
(cd "$tmp" && "$bin" train --plain </dev/null >/dev/null 2>"$tmp/err"); expect_status 2 $? "--plain without a case"
(cd "$tmp" && "$bin" train --plain --enter-findings v1-cauda-equina </dev/null >/dev/null 2>"$tmp/err"); expect_status 2 $? "--enter-findings with --plain"
(cd "$tmp" && "$bin" train --plain --log x.jsonl v1-cauda-equina v5-sij-eligible </dev/null >/dev/null 2>"$tmp/err"); expect_status 2 $? "--log with two cases"
(cd "$tmp" && "$bin" train --plain no-such-case </dev/null >/dev/null 2>"$tmp/err"); expect_status 3 $? "an unknown case"
expect_in "$tmp/err" "no-such-case" "unknown case named"
touch "$tmp/exists.jsonl"
printf '1\n' | (cd "$tmp" && "$bin" train --plain --log "$tmp/exists.jsonl" v1-cauda-equina >/dev/null 2>"$tmp/err"); expect_status 5 $? "an existing log file is refused"

# Without --trainee, the login name is recorded and said.
printf '1\n' | (cd "$tmp" && USER=pat "$bin" train --plain --log "$tmp/login.jsonl" v1-cauda-equina >/dev/null 2>"$tmp/err")
expect_in "$tmp/err" "recording the trainee as 'pat'" "login name said"
expect_in "$tmp/login.jsonl" '"trainee":"pat"' "login name recorded"

# Several cases: one journal each, a score line after each.
printf '1\n4\n2\n6\n1\n' | (cd "$tmp" && "$bin" train --plain --trainee tester v1-cauda-equina v5-sij-eligible >"$tmp/two.out" 2>"$tmp/err")
expect_status 0 $? "two cases"
count_lines "$tmp/two.out" 'score: *'; [ "$count" = 2 ] && ok || bad "two cases: two score lines"
journals=("$tmp"/state/pathwalk/sessions/*train-tester-*.jsonl)
[ "${#journals[@]}" = 2 ] && [ -e "${journals[0]}" ] && ok || bad "two cases: two default journals"

# The case library.
"$bin" train --list >"$tmp/list" 2>"$tmp/err"; expect_status 0 $? "--list"
expect_in "$tmp/list" "v5-sij-eligible" "--list names the cases"
"$bin" train --list --stage red_flags >"$tmp/list-rf" 2>"$tmp/err"
expect_in "$tmp/list-rf" "v1-cauda-equina" "--stage keeps a red-flag case"
expect_not_in "$tmp/list-rf" "v5-sij-eligible" "--stage drops other stages"
"$bin" train --list --endpoint sij_injection >"$tmp/list-sij" 2>"$tmp/err"
expect_in "$tmp/list-sij" "v5-sij-eligible" "--endpoint keeps its cases"
expect_not_in "$tmp/list-sij" "v1-cauda-equina" "--endpoint drops others"
"$bin" train --list --stage "Red flags" >"$tmp/list-label" 2>"$tmp/err"
expect_in "$tmp/list-label" "v1-cauda-equina" "--stage also takes the stage's label"
"$bin" train --list --stage bogus >/dev/null 2>"$tmp/err"
expect_status 2 $? "an unknown --stage is a usage error, not an empty list"
expect_in "$tmp/err" "no stage 'bogus' (the stages: red_flags, assessment" "the error lists the stages"
"$bin" train --list --endpoint nope >/dev/null 2>"$tmp/err"
expect_status 2 $? "an unknown --endpoint is a usage error"
expect_in "$tmp/err" "sij_injection" "the error lists the endpoints"

# The instructor's report over real journals of these runs: v5 by three choices, v1 once.
"$bin" report "$tmp/v5-right.jsonl" "$tmp/v5-wrong.jsonl" "$tmp/v5-mixed.jsonl" "$tmp/v1.jsonl" >"$tmp/report" 2>"$tmp/err"
expect_status 0 $? "report over train --plain journals"
expect_in "$tmp/report" "v5-sij-eligible" "report names the case"
expect_in "$tmp/report" "tester" "report names the trainee"
expect_in "$tmp/report" "After conservative care" "report lists the decisions"
"$bin" report "$tmp/v5-right.jsonl" "$tmp/bad-line.jsonl" "$tmp/no-such.jsonl" >"$tmp/report" 2>"$tmp/err"
expect_status 3 $? "report with an unreadable journal among them"
expect_in "$tmp/err" "no-such.jsonl" "the unreadable journal is named"
expect_in "$tmp/report" "v5-sij-eligible" "the rest is still reported"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
