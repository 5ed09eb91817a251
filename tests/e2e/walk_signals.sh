#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Signals (issue 15): every signal whose default ends a process restores the terminal (the tmux
# pane leaves the alternate screen, stty shows icanon and echo), journals the interruption by the
# signal's name, writes the printable log and exits 128+N, in the curses walk and in the plain
# walk; SIGTERM on the full-disk screen exits 143. Hostile text written with libconfig escapes in
# a pathway or a case never reaches the terminal as a control sequence (capture-pane -e).
. "$(dirname "$0")/lib.sh" "$@"

mini=$SRC/tests/data/good/mini.cfg
case_v5=$SRC/config/cases/v5-sij-eligible.cfg

# alternate 1|0: the window is (1) or is not (0) on the alternate screen.
alternate() { tmx_get '#{alternate_on}'; [ "$VALUE" = "$1" ]; }
# The signals' numbers, from one `kill -l` (a $(kill -l SIG) each would be a fork each).
declare -A signum
for sig in $(kill -l); do
	case $sig in [0-9]*\)) n=${sig%)} ;; SIG*) signum[${sig#SIG}]=$n ;; esac
done

# The signals' walks (a few signals a sub-case, one after another in its window), the training,
# the full-disk screen and the hostile text are sub-cases run side by side (spawn, collect:
# tests/e2e/lib.sh), each in a tmux server of its own.

# curses_signal SIG: a curses walk ended by SIG.
curses_signal() {
	local sig=$1 n=${signum[$1]} log text=""
	log=$TMP/sig-$sig.jsonl
	start -- walk -p "$mini" --log "$log"
	expect "Score (0" "walk for SIG$sig"
	alternate 1 && ok "the walk uses the alternate screen" || bad "alternate screen not on before SIG$sig"
	pathwalk_pid
	[ -n "$PID" ] && kill -s "$sig" "$PID"
	if [ "$sig" = INT ]; then
		# In the curses walk Ctrl-C (SIGINT) asks whether to quit, like q.
		expect "Quit this walk?" "SIGINT asks whether to quit"
		keys y
		n=-128 # the walk quits with status 0
	fi
	expect "EXIT=$((128 + n))" "SIG$sig ends the walk with status $((128 + n))"
	alternate 0 && ok "SIG$sig: the alternate screen is left" || bad "SIG$sig: still on the alternate screen"
	expect_line "icanon echo" "SIG$sig: the terminal modes are restored (stty)"
	if [ "$sig" = INT ]; then
		expect_in_file "$log" '"reason":"quit"' "SIGINT: the journal records the quit"
	else
		expect_in_file "$log" "\"reason\":\"SIG$sig\"" "SIG$sig: the journal records the signal"
	fi
	expect "Printable log: $TMP/sig-$sig.txt" "SIG$sig: the printable log path is printed"
	[ -s "$TMP/sig-$sig.txt" ] && IFS= read -r -d '' text <"$TMP/sig-$sig.txt"
	[[ $text == *INCOMPLETE* || $text == *interrupted* || $text == *quit* ]] &&
		ok "SIG$sig: the printable log is written" || bad "SIG$sig: no printable log"
}

# The plain walk: the same signals end it with 128+N and the journal names them.
plain_signal() { # SIG
	local sig=$1 n=${signum[$1]} log
	log=$TMP/plain-$sig.jsonl
	start -- walk --plain -p "$mini" --log "$log"
	expect "Score (" "plain walk for SIG$sig"
	pathwalk_pid
	[ -n "$PID" ] && kill -s "$sig" "$PID"
	expect "EXIT=$((128 + n))" "plain walk: SIG$sig ends it with status $((128 + n))"
	expect_line "icanon echo" "plain walk: SIG$sig leaves the terminal modes alone"
	expect_in_file "$log" "\"reason\":\"SIG$sig\"" "plain walk: the journal records SIG$sig"
	[ -s "$TMP/plain-$sig.txt" ] && ok "plain walk: SIG$sig writes the printable log" || bad "plain walk: no printable log after SIG$sig"
}

# Training (curses): SIGUSR1 while a case runs.
training_signal() {
	local log
	log=$TMP/train-usr1.jsonl
	start -- train --trainee T --log "$log" v1-cauda-equina
	wait_for "Enter" && ok "training starts" || bad "training did not start"
	pathwalk_pid
	[ -n "$PID" ] && kill -s USR1 "$PID"
	expect "EXIT=$((128 + ${signum[USR1]}))" "training: SIGUSR1 ends it with 128+N"
	alternate 0 && ok "training: the alternate screen is left" || bad "training: still on the alternate screen"
	expect_line "icanon echo" "training: the terminal modes are restored"
	expect_in_file "$log" '"reason":"SIGUSR1"' "training: the journal records SIGUSR1"
}

# SIGTERM on the full-disk screen: 143, not 5.
full_disk_signal() {
	local i
	if full_disk_walk "the full-disk signal test" "$STTY_MODES"; then
		expect "Red flags" "a walk whose journal is on a nearly full disk"
		# Each screen looked at once drawn whole (press): Enter on a half-drawn full-disk screen
		# would answer its question.
		wait_settled
		for ((i = 1; i <= 40; i++)); do
			on_screen "The session log cannot be written" && break
			press Enter || { unsettled; break; }
		done
		expect "The session log cannot be written" "the full-disk screen"
		pathwalk_pid
		[ -n "$PID" ] && kill -TERM "$PID"
		expect "EXIT=143" "SIGTERM on the full-disk screen exits 143"
		expect_line "icanon echo" "and restores the terminal"
	fi
}

# Hostile text: a pathway and a case with escapes in their strings are refused, and the message
# shows the escapes as text: the pane's title is not set, no colour or bidi control arrives (the
# hostile colour is blue, which pathwalk's own coloured diagnostics never use).
hostile_text() {
	sed 's/title = "Mini pathway";/title = "Mini\\x1b]0;pwned\\x07\\x1b[34m red \\xe2\\x80\\xae pathway";/' "$mini" >"$TMP/hostile.cfg"
	# PW_FORM=1: a refused pathway shows no start form, so start does not wait for one.
	PW_FORM=1 start -- walk -p "$TMP/hostile.cfg" --log "$TMP/hostile.jsonl"
	expect "EXIT=3" "a hostile pathway is refused (exit 3)"
	expect 'U+001B' "the message names the control character"
	capture -e
	[[ $SCREEN_E == *$'\e[34m'* ]] && bad "a colour sequence reached the terminal" || ok "no colour sequence reached the terminal"
	[[ $SCREEN_E == *$'\u202e'* ]] && bad "a right-to-left override reached the terminal" || ok "no bidi control reached the terminal"
	tmx_get '#{pane_title}'
	[ "$VALUE" != pwned ] && ok "the pane title was not set" || bad "an OSC sequence set the pane title"
	printf 'case = { id = "h"; title = "T\\x1b]0;pwned\\x07\\x1b[34m"; answers = { score = 6; }; };\n' >"$TMP/hostile-case.cfg"
	PW_FORM=1 start -- walk -p "$mini" --case "$TMP/hostile-case.cfg" --log "$TMP/hostile-case.jsonl"
	expect "EXIT=3" "a hostile case is refused (exit 3)"
	capture -e
	[[ $SCREEN_E == *$'\e[34m'* ]] && bad "the case's colour sequence reached the terminal" || ok "the case's escapes are shown as text"
	tmx_get '#{pane_title}'
	[ "$VALUE" != pwned ] && ok "the case did not set the pane title" || bad "the case's OSC sequence set the pane title"
}

# The longest sub-case (the full-disk walk goes through several screens) first, so that it does not
# run alone at the end.
spawn full-disk full_disk_signal
spawn sig-hup in_turn "curses_signal HUP" "curses_signal INT" "curses_signal QUIT" "curses_signal PIPE"
spawn sig-usr1 in_turn "curses_signal USR1" "curses_signal USR2" "curses_signal ALRM" "curses_signal TERM"
spawn sig-xcpu in_turn "curses_signal XCPU" "curses_signal XFSZ" "curses_signal VTALRM" "curses_signal PROF"
spawn plain in_turn "plain_signal QUIT" "plain_signal PIPE" "plain_signal USR1" "plain_signal ALRM" "plain_signal INT"
spawn training training_signal
spawn hostile hostile_text
collect
finish
