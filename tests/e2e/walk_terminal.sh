#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Terminal behaviour: resize (larger, below the minimum, back), quit with q then n (stays) and y
# (leaves; journal interrupted), Ctrl-C as q, letters typed into a number field are not shortcuts,
# help and the evidence pane, NO_COLOR on a vt100, SIGTERM (journal, restored terminal, 143),
# refusing to overwrite a log, and the default log location.
. "$(dirname "$0")/lib.sh" "$@"
mini=$SRC/tests/data/good/mini.cfg

# resize_walk: a walk resized larger, below the minimum and back. tmux holds back a resize that
# follows another within 250 ms (its pane resize timer), so this waits half a second: it runs in
# a window of its own (spawn, lib.sh) beside the rest of the test.
resize_walk() {
	start -- walk -p "$mini" --log "$TMP/resize.jsonl"
	expect "Score (0" "the walk starts at 80x24"
	tmx resize-window -t pw -x 100 -y 30
	expect "Score (0" "still laid out at 100x30"
	tmx resize-window -t pw -x 50 -y 12
	expect "Terminal too small: 50x12" "below the minimum a notice replaces the layout"
	expect "at least 60x16" "the notice states the minimum"
	tmx resize-window -t pw -x 80 -y 24
	expect "Score (0" "the walk resumes when the terminal grows"
	expect_not "too small" "the notice is gone"
	keys q y
	expect "EXIT=0" "the resized walk quits"
}
spawn resize resize_walk

start -- walk -p "$mini" --log "$TMP/quit.jsonl"
expect "Score (0" "a walk for the keys"
type_text 5q; keys Enter
expect "is not a whole number" "letters typed into a number field are text, not shortcuts"
expect_not "Quit this walk" "q while typing did not ask to quit"
keys Escape
keys '?'
expect "Keys  (Esc, q, ? or Enter closes this help)" "? shows the help"
keys End
expect "mouse click" "End scrolls the help to its last key"
keys Escape
expect "Score (0" "Esc closes the help"
keys e
expect "About this field" "e opens the evidence pane"
expect "ref1" "the pane cites the references"
keys e
wait_gone "About this field" && ok "e closes the pane" || bad "e closes the pane"

keys q
expect "Quit this walk?" "q asks before quitting"
keys n
wait_gone "Quit this walk?" && ok "n stays" || bad "n stays"
keys C-c
expect "Quit this walk?" "Ctrl-C asks like q"
keys n
wait_gone "Quit this walk?" && ok "n stays after Ctrl-C" || bad "n stays after Ctrl-C"
keys q y
expect "EXIT=0" "y leaves with status 0"
expect_line "icanon echo" "the terminal modes are restored"
expect_in_file "$TMP/quit.jsonl" '"event":"interrupted"' "the journal records the interruption"
expect_in_file "$TMP/quit.jsonl" '"reason":"quit"' "... as a quit"

# Monochrome: NO_COLOR on a vt100 still draws and works.
PW_TERM=vt100 start -e NO_COLOR=1 -- walk -p "$mini" --log "$TMP/vt100.jsonl"
expect "Score (0" "NO_COLOR on a vt100 shows the walk"
type_text 7; keys Enter
expect "Flag (y/n)" "and takes input"
keys q y
expect "EXIT=0" "and quits"

# SIGTERM: journaled, terminal restored, 128+15.
start -- walk -p "$mini" --log "$TMP/term.jsonl"
expect "Score (0" "walk for SIGTERM"
pathwalk_pid
[ -n "$PID" ] && kill -TERM "$PID"
expect "EXIT=143" "SIGTERM ends the walk with status 143"
expect_line "icanon echo" "the terminal is restored after SIGTERM"
expect "Session log: $TMP/term.jsonl" "the journal path is printed after SIGTERM"
expect_in_file "$TMP/term.jsonl" '"reason":"SIGTERM"' "the journal records SIGTERM"

# SIGHUP (the terminal went away): 128+1.
start -- walk -p "$mini" --log "$TMP/hup.jsonl"
expect "Score (0" "walk for SIGHUP"
pathwalk_pid
[ -n "$PID" ] && kill -HUP "$PID"
expect "EXIT=129" "SIGHUP ends the walk with status 129"
expect_in_file "$TMP/hup.jsonl" '"reason":"SIGHUP"' "the journal records SIGHUP"

# --log never overwrites nor follows a link.
: >"$TMP/exists.jsonl"
out=$("$BIN" walk -p "$mini" --plain --log "$TMP/exists.jsonl" </dev/null 2>&1 >/dev/null); status=$?
[ $status -eq 5 ] && ok "an existing log file: exit 5" || { failed=$((failed + 1)); echo "FAIL: existing log: exit $status"; }
case $out in *"refusing to overwrite an existing file or follow a link"*) ok "the message says why" ;;
*) failed=$((failed + 1)); echo "FAIL: existing log message: $out" ;; esac
ln -s "$TMP/nowhere" "$TMP/link.jsonl"
"$BIN" walk -p "$mini" --plain --log "$TMP/link.jsonl" </dev/null >/dev/null 2>&1; status=$?
[ $status -eq 5 ] && [ ! -e "$TMP/nowhere" ] && ok "a symbolic link: exit 5, nothing created" ||
	{ failed=$((failed + 1)); echo "FAIL: symlink log: exit $status"; }

# Without --log: the default location, named by time and case.
start -- walk -p "$mini"
expect "Score (0" "walk without --log"
keys q y
expect "Session log: $XDG_STATE_HOME/pathwalk/sessions/20250217T090000Z-walk.jsonl" \
	"the default journal is under XDG_STATE_HOME, named by the start time"
collect
finish
