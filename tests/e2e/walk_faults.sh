#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Faults lose nothing: a walk killed with SIGKILL leaves a journal that renders and resumes (also
# with a torn last line), but cannot be resumed while it still runs; a resumed walk finishes in the same journal; a journal of another
# pathway version is refused naming both; a full disk (a real ENOSPC on a tiny tmpfs) stops the
# walk on a screen that writes the whole journal, kept in memory, to another path and goes on.
. "$(dirname "$0")/lib.sh" "$@"

case_v5=$SRC/config/cases/v5-sij-eligible.cfg
mini=$SRC/tests/data/good/mini.cfg

# enter_until TEXT: presses Enter until the screen shows TEXT (at most 40 times), each time until
# the screen it brings is drawn (press, lib.sh); none after one that did not settle.
enter_until() {
	local i
	wait_settled
	for ((i = 1; i <= 40; i++)); do
		capture
		[[ $SCREEN == *"$1"* ]] && return 0
		# A training decision commits only to a step picked and confirmed: the first one.
		if [[ $SCREEN == *"Which next step? Commit to one"* ]]; then press 1 y; else press Enter; fi ||
			{ unsettled; break; }
	done
	on_screen "$1"
}

# ---------------------------------------------------------------- SIGKILL, render, resume
log=$TMP/kill.jsonl
start -- walk --case "$case_v5" --log "$log"
expect "Red flags" "walk to be killed"
enter_until "Examination, history and imaging" && ok "walked three screens" || bad "did not reach the third screen"
# While the walk runs, its journal is locked: a second pathwalk cannot resume it.
file_text "$log"
before=$TEXT
"$BIN" walk --plain --resume "$log" </dev/null >/dev/null 2>"$TMP/err"; status=$?
[ $status -eq 5 ] && file_has "$TMP/err" "another pathwalk is still writing it" &&
	ok "a session still being walked is not resumed elsewhere (exit 5)" || bad "live resume: exit $status: $(cat "$TMP/err")"
file_text "$log"
[ "$TEXT" = "$before" ] && ok "the refused resume left the journal alone" || bad "the refused resume changed the journal"
pathwalk_pid
[ -n "$PID" ] && kill -KILL "$PID"
expect "EXIT=137" "SIGKILL ends the walk"
file_text "$log"
lines=${TEXT//[!$'\n']/}
lines=${#lines}
[ "$lines" -ge 10 ] && ok "the journal kept the $lines events written before the kill" || bad "journal has $lines lines"
[[ $TEXT == *$'\n' ]] && ok "the journal ends with a complete line" || bad "the journal ends mid-line"
"$BIN" log "$log" >"$TMP/kill.txt" 2>"$TMP/kill.err"
[ $? -eq 0 ] && ok "the killed session's journal renders" || bad "log of the killed journal failed: $(cat "$TMP/kill.err")"
expect_in_file "$TMP/kill.txt" "INCOMPLETE" "the rendered log says the session is incomplete"
expect_in_file "$TMP/kill.txt" "Average pain over the past week" "the rendered log has the answers given before the kill"

# A process killed while writing leaves a torn last line: resume drops it with a notice.
printf '{"seq":%d,"time":"2025-02-17T09:00:00Z","event":"ans' $((lines + 1)) >>"$log"
start -- walk --resume "$log" --case "$case_v5"
expect "Examination, history and imaging" "resume continues at the screen where the walk stopped"
expect "last line is incomplete" "resume says the torn last line was dropped"
keys b
expect "[ 5 ]" "going back shows the answers given before the kill"
enter_until "Image-guided sacroiliac joint injection" && ok "the resumed walk reaches the endpoint" || bad "no endpoint"
enter_until "EXIT=0" && ok "the resumed walk finishes" || bad "the resumed walk did not finish"
# kill.txt holds the log rendered above: it is never replaced, the next free name is taken.
expect "Printable log: $TMP/kill.1.txt" "the printable log is written beside the journal, under the next free name"
expect_in_file "$log" '"event":"resume"' "the journal records the resume"
expect_in_file "$log" '"event":"end"' "the journal records the end"
if python3 - "$log" <<'PY'; then ok "every line is a complete event, seq consecutive"; else bad "journal lines or seq"; fi
import json, sys
seqs = [json.loads(line)["seq"] for line in open(sys.argv[1], encoding="utf-8")]
sys.exit(0 if seqs == list(range(1, len(seqs) + 1)) else 1)
PY
"$BIN" log "$log" >"$TMP/resumed.txt" 2>/dev/null
expect_in_file "$TMP/resumed.txt" "resumed" "the log shows the resume"
file_has "$TMP/resumed.txt" "INCOMPLETE" && bad "the resumed and finished session is still incomplete" || ok "the finished session is complete"

# Resuming is refused for a finished session and for another pathway version.
"$BIN" walk --plain --resume "$log" </dev/null >/dev/null 2>"$TMP/err"; status=$?
[ $status -eq 3 ] && file_has "$TMP/err" "finished" && ok "a finished session is not resumed (exit 3)" ||
	bad "finished session: exit $status: $(cat "$TMP/err")"
"$BIN" walk --plain --log "$TMP/mini.jsonl" -p "$mini" </dev/null >/dev/null 2>&1
"$BIN" walk --plain --resume "$TMP/mini.jsonl" </dev/null >/dev/null 2>"$TMP/err"; status=$?
[ $status -eq 3 ] && file_has "$TMP/err" "mini" && [[ $TEXT == *sciatica* ]] &&
	ok "another pathway is refused naming both (exit 3)" || bad "pathway mismatch: exit $status: $(cat "$TMP/err")"

# ---------------------------------------------------------------- a full disk
if full_disk_walk "the ENOSPC walk test" \
	"cp '$TMP/fs/full.jsonl' '$TMP/on-full-disk.jsonl'"; then
	expect "Red flags" "a walk whose journal is on a nearly full disk"
	enter_until "The session log cannot be written" && ok "a full disk stops the walk on a clear screen" ||
		bad "no full-disk screen"
	expect "No space" "the screen says the disk is full"
	type_text "$fs/still-full.jsonl"
	keys Enter
	expect "still-full.jsonl: No space" "a path on the same full disk is refused and asked again"
	keys -N 100 BSpace
	type_text "$TMP/saved.jsonl"
	keys Enter
	expect "The session log is now written to $TMP/saved.jsonl" "the journal is written to the new path"
	enter_until "Image-guided sacroiliac joint injection" && ok "the walk goes on to the endpoint" || bad "no endpoint after relocating"
	enter_until "EXIT=0" && ok "the walk finishes after a full disk" || bad "did not finish"
	expect "Session log: $TMP/saved.jsonl" "the new journal's path is printed"
	if python3 - "$TMP/saved.jsonl" "$TMP/on-full-disk.jsonl" <<'PY'; then ok "no event lost: the new journal has every event once, seq 1..N, and the full disk's file is its prefix"; else bad "events lost or repeated"; fi
import json, sys
new = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
old = open(sys.argv[2], encoding="utf-8").read().splitlines()
seqs = [e["seq"] for e in new]
ok = seqs == list(range(1, len(new) + 1)) and new[0]["event"] == "start" and new[-1]["event"] == "end"
ok = ok and [json.loads(l) for l in old] == new[:len(old)] and len(old) < len(new)
sys.exit(0 if ok else 1)
PY
	expect_in_file "$TMP/saved.jsonl" '"clinician":"Tester"' "the start event is in the new journal"
	"$BIN" verify "$TMP/saved.jsonl" >/dev/null 2>"$TMP/err" && ok "the moved journal's chain holds" ||
		bad "verify of the moved journal: $(cat "$TMP/err")"

	# A disk full from the start: the very first action (the start and the first screen) gets the
	# same screen, before any question; the walk then goes on in the new file.
	run_env
	cat >"$TMP/firstfull.sh" <<EOF
mount -t tmpfs -o size=16k tmpfs '$fs' || exit 99
dd if=/dev/zero of='$fs/filler' bs=4096 count=4 2>/dev/null
$RUN_ENV'$BIN' walk --case '$case_v5' --clinician Tester --log '$fs/first.jsonl'
echo EXIT=\$?
EOF
	start_window 80 24 "unshare -m sh '$TMP/firstfull.sh'; sleep 600"
	expect "The session log cannot be written" "a disk full at the first event stops on the full-disk screen"
	expect "No space" "which says the disk is full"
	type_text "$TMP/first.jsonl"
	keys Enter
	expect "Red flags" "after writing the journal elsewhere the walk starts"
	keys q
	expect "quit" "asked to confirm quitting"
	keys y
	expect "EXIT=0" "the walk quit"
	expect_in_file "$TMP/first.jsonl" '"event":"start"' "the start event is in the new journal"
	expect_in_file "$TMP/first.jsonl" '"event":"interrupted"' "and the quit"
	"$BIN" verify "$TMP/first.jsonl" >/dev/null 2>"$TMP/err" && ok "its chain holds" || bad "verify: $(cat "$TMP/err")"

	# In training the journal's name holds the case id, which can name the answer: the full-disk
	# screen shows only the directory. Giving up ends with 5 and the full path, the case being over.
	XDG_STATE_HOME=$fs/state run_env
	cat >"$TMP/fulltrain.sh" <<EOF
mount -t tmpfs -o size=16k tmpfs '$fs' || exit 99
dd if=/dev/zero of='$fs/filler' bs=4096 count=3 2>/dev/null
$RUN_ENV'$BIN' train --trainee Bo
echo EXIT=\$?
EOF
	start_window 80 24 "unshare -m sh '$TMP/fulltrain.sh'; sleep 600"
	expect "Training cases: " "a training sitting whose journals go to a nearly full disk"
	type_text "/v5-sij"
	keys Enter Enter
	enter_until "The session log cannot be written" && ok "a full disk stops the training case on a clear screen" ||
		bad "no full-disk screen in training"
	expect "$fs/state/pathwalk/sessions): No space" "the screen names the directory and the problem"
	expect_not "v5-sij" "but not the journal's name, which holds the case id"
	keys Escape
	expect "Leave without going on?" "Esc asks before giving up"
	keys y
	expect "EXIT=5" "giving up ends the sitting with 5"
	expect "train-Bo-v5-sij-eligible.jsonl: No space left on device; " "then the full path is printed"

	# Headless training from a script: its stdin holds choices, not paths, so a full disk ends
	# the run with 5 and says how many events were not saved; what was written stays readable.
	run_env
	unshare -m sh -c "mount -t tmpfs -o size=16k tmpfs '$fs' && dd if=/dev/zero of='$fs/filler' bs=4096 count=3 2>/dev/null &&
		printf '4\n2\n6\n1\n' | $RUN_ENV'$BIN' train --plain --trainee Bo --log '$fs/t.jsonl' v5-sij-eligible \
			>'$TMP/fullplain.out' 2>'$TMP/fullplain.err'; echo \$? >'$TMP/fullplain.rc'; cp '$fs/t.jsonl' '$TMP/fullplain.jsonl'"
	read -r rc <"$TMP/fullplain.rc"
	[ "$rc" = 5 ] && ok "headless training on a full disk exits 5" ||
		bad "headless training on a full disk: exit $rc: $(cat "$TMP/fullplain.err")"
	expect_in_file "$TMP/fullplain.err" "No space left on device; " "it says the disk is full"
	expect_in_file "$TMP/fullplain.err" "event(s) could not be saved" "and how many events were not saved"
	"$BIN" log "$TMP/fullplain.jsonl" >/dev/null 2>"$TMP/err" && ok "the part written renders" || bad "the part written does not render: $(cat "$TMP/err")"

	# Headless training at a terminal: the trainee is asked for another path and goes on.
	run_env
	cat >"$TMP/fullplaintty.sh" <<EOF
mount -t tmpfs -o size=16k tmpfs '$fs' || exit 99
dd if=/dev/zero of='$fs/filler' bs=4096 count=3 2>/dev/null
$RUN_ENV'$BIN' train --plain --trainee Bo --log '$fs/t.jsonl' v5-sij-eligible
echo EXIT=\$?
EOF
	start_window 80 24 "unshare -m sh '$TMP/fullplaintty.sh'; sleep 600"
	choices="4 2 6 1"
	asked=0
	# typed_shows TEXT: the last line ends with TEXT (its echo is on the screen).
	typed_shows() { last_line; [[ $LAST == *"$1"*( ) ]]; }
	# answered LINE: the last line is no longer LINE (the answer's own newline may scroll it up).
	answered() { last_line; [ "$LAST" != "$1" ]; }
	for ((k = 1; k <= 20; k++)); do
		wait_for ": " || break
		last_line
		case "$LAST" in
		*EXIT=*) break ;;
		*"Write the session log to another path"*) typed=$TMP/trainsaved.jsonl; asked=$((asked + 1)) ;;
		"Your choice"*) typed=${choices%% *}; choices=${choices#* } ;;
		*) nap 0.05; continue ;;
		esac
		# Enter once what was typed is on the screen; then wait for what comes after that line.
		type_text "$typed"
		until_true 5 typed_shows "$typed"
		before=$LAST
		keys Enter
		until_true 5 answered "$before"
	done
	[ $asked = 1 ] && ok "a full disk asks the trainee at the terminal for another path" || bad "asked $asked times for another path"
	expect "EXIT=0" "the training finishes after the journal moved"
	expect "score: 4/4" "with its score"
	if python3 - "$TMP/trainsaved.jsonl" <<'PY'; then ok "the moved training journal has every event once, start to end, the score included"; else bad "events lost or repeated"; fi
import json, sys
ev = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
ok = [e["seq"] for e in ev] == list(range(1, len(ev) + 1)) and ev[0]["event"] == "start" and ev[-1]["event"] == "end"
ok = ok and sum(e["event"] == "choice" for e in ev) == 4 and any(e["event"] == "score" for e in ev)
sys.exit(0 if ok else 1)
PY
fi

finish
