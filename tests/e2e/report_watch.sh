#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `pathwalk report --watch DIR` in a real terminal: the room shows each trainee's sessions, case in
# progress and running score, and names the journals it does not count (another pathway, not
# training); journals written while it runs (appended line by line as a trainee's session does,
# with a torn last line on the way) show on the screen without a key being pressed; q leaves,
# restores the terminal and -o writes the report; SIGTERM restores the terminal too (exit 143).
# Then --plain: the room in lines, a line per change, a line "q" to leave.
. "$(dirname "$0")/lib.sh" "$@"

room=$TMP/room
data=$SRC/tests/data/train
mkdir -p "$room"
cp "$data/alice-v1.jsonl" "$data/gina-knee.jsonl" "$data/walk-session.jsonl" "$room/"

# write_session NAME FILE: appends FILE to the room's NAME a line at a time, as a session does.
write_session() {
	local line
	while IFS= read -r line; do printf '%s\n' "$line" >>"$room/$1"; done <"$2"
}

start -- report --watch "$room" -o "$TMP/final.txt"
expect "Training room $room: 1 trainee, 3 journals" "the room's heading"
expect "alice: 1 session, 1 finished; no case open; score 1/1 (100%)" "a finished trainee"
expect "gina-knee.jsonl: a journal of another pathway (knee-pain)" "another pathway named"
expect "walk-session.jsonl: line 1: not a training journal" "a walk journal named"
expect "q:leave" "the key hint"

# A session starts: its first lines, up to the first choice.
head -9 "$data/carol-v5.jsonl" >"$TMP/part1"
sed -n '10,$p' "$data/carol-v5.jsonl" >"$TMP/part2"
write_session carol.jsonl "$TMP/part1"
expect "carol: 1 session, 0 finished; now 52 F after physical therapy" "a session in progress shows"
expect "(1 decision made); score 0/1 (0%)" "the decisions made so far and the running score"
expect "Training room $room: 2 trainees, 4 journals" "the heading counts it"
# Half a line, as a trainee's process writes it: the room keeps what is whole.
mark_read
head -c 60 "$TMP/part2" >>"$room/carol.jsonl"
# The screen must not change: wait until the watch has read the torn line and drawn what it
# brings (wait_settled after mark_read, lib.sh).
wait_settled || bad "the watch did not take the torn line"
expect "carol: 1 session, 0 finished; now 52 F" "a torn last line is tolerated"
expect_not "carol.jsonl:" "the torn journal is not set aside"
# The rest of the session (the torn start of the line is completed by the rest of it).
tail -c +61 "$TMP/part2" >>"$room/carol.jsonl"
expect "carol: 1 session, 0 finished; no case open; score 1/2 (50%)" "the session's end shows"
cp "$data/bob-v5.jsonl" "$room/.bob.tmp" && mv "$room/.bob.tmp" "$room/bob.jsonl"
expect "bob: 1 session, 1 finished; no case open; score 3/4 (75%)" "a journal renamed into the room"
rm "$room/bob.jsonl"
expect_not_wait() { if wait_gone "$1"; then ok "$2"; else bad "$2: '$1' still shown"; fi; }
expect_not_wait "bob: 1 session" "a journal deleted leaves the room"
keys q
expect "EXIT=3" "q leaves (3: the report written with -o names journals it could not use)"
expect "icanon echo" "the terminal is restored"
expect_in_file "$TMP/final.txt" "carol" "-o: the report of the room at the end"
expect_in_file "$TMP/final.txt" "gina-knee.jsonl, line 1: a journal of another" "-o: the foreign journal named"

# SIGTERM: the terminal is restored and the exit says so.
start -- report --watch "$room"
expect "carol: 1 session" "watching again"
pathwalk_pid
if [ -n "$PID" ]; then kill -TERM "$PID"; ok "the watch's process found"; else bad "no pathwalk process under the pane"; fi
expect "EXIT=143" "SIGTERM ends the watch with 128+15"
expect "icanon echo" "the terminal is restored after SIGTERM"

# --plain: the room, then a line per change.
start -- report --watch "$room" --plain
expect "--- watching $room for changes (a line q to stop)" "plain: the room, then watching"
expect "carol: 1 session, 0 finished; no case open; score 1/2 (50%)" "plain: a trainee's line"
write_session bob.jsonl "$data/bob-v1.jsonl"
expect "bob: 1 session, 1 finished; no case open; score 0/1 (0%)" "plain: a change printed"
keys q Enter
expect "EXIT=0" "plain: a line q leaves (exit 0)"
finish
