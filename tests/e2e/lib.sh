# SPDX-License-Identifier: Apache-2.0
# Shared helpers for the end-to-end tests: drive the real binary in tmux on a private socket at a
# fixed size and poll the screen for expected text instead of sleeping.
# Usage in a test: . "$(dirname "$0")/lib.sh" "$@"   (arguments: BINARY SRCDIR)
set -u
BIN=${1:?usage: $0 PATHWALK_BINARY SOURCE_DIR}
SRC=${2:?usage: $0 PATHWALK_BINARY SOURCE_DIR}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
case $SRC in /*) ;; *) SRC=$PWD/$SRC ;; esac
NAME=${0##*/}
NAME=${NAME%.sh}
SOCK=pw-$$-$NAME
SOCKETS=""
runs=0
# Scratch in /dev/shm unless TMPDIR says where (as tests/cli/lib.sh's in_memory): the journals,
# which pathwalk syncs event by event, the FIFOs and every capture's file cost no disk work there
# (walk_signals: 1.7-2.0 s of CPU with /tmp, 1.4-1.5 s there). Its name is short: the paths show
# on screens of 80 columns.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && TMP=$(mktemp -d /dev/shm/pw.XXXXXX 2>/dev/null); then :
else TMP=$(mktemp -d "${TMPDIR:-/tmp}/pathwalk-e2e.XXXXXX"); fi
export XDG_STATE_HOME=$TMP/state
TIMEOUT=${PATHWALK_E2E_TIMEOUT:-10}
passed=0
failed=0
# The waits below start no process: the window is driven through one tmux control client
# (lib-control.sh), the screen is matched in bash, and nap waits on a FIFO that nothing writes,
# in bash's own read.
mkfifo "$TMP/nap"
exec {NAP_FD}<>"$TMP/nap"
# python3: the interpreter CMake found (PATHWALK_PYTHON), without the site module (-S): the
# tests use the standard library only, and site-packages may hold start-up hooks (.pth files;
# pyenv's imports certifi, 0.08 s a start). Run by hand, without PATHWALK_PYTHON, python3 is PATH's.
if [ -n "${PATHWALK_PYTHON:-}" ] && [ -x "$PATHWALK_PYTHON" ]; then
	python3() { "$PATHWALK_PYTHON" -S "$@"; }
fi
# nap SECONDS: sleeps without starting a process.
nap() { read -r -t "$1" -u "$NAP_FD" _ || true; }
# on_screen TEXT: the screen (now) shows TEXT (a fixed string); the screen is left in SCREEN.
on_screen() { capture; [[ $SCREEN == *"$1"* ]]; }

# Executed directly (ctest runs every tests/e2e/*.sh): this file only defines helpers.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then echo "0 passed, 0 failed"; exit 0; fi

command -v tmux >/dev/null || { echo "tmux is needed for $NAME"; echo "0 passed, 1 failed"; exit 1; }
. "${BASH_SOURCE[0]%/*}/lib-control.sh"

# cleanup: ends the test's spawned sub-cases still running and the tmux server of its window
# (each window before it was ended when the next one started, a sub-case's by the sub-case), then
# removes $TMP and the socket files of all the windows, which tmux 3.3 leaves behind in its
# socket directory, with one rm.
cleanup() {
	local j s files=("$TMP")
	for j in $(jobs -p); do kill "$j" 2>/dev/null; done # spawned sub-cases still running
	wait
	ctl_close
	# A test that did not reach finish (a signal, the watchdog) may have left the servers of
	# sub-cases cut short while they started one: every server of this test's sockets is ended.
	if [ -z "${FINISHED:-}" ]; then
		for s in "${TMUX_TMPDIR:-/tmp}/tmux-$EUID/pw-$$-"*; do
			[ -S "$s" ] && tmux -S "$s" kill-server 2>/dev/null
		done
	fi
	for s in $SOCKETS; do files+=("${TMUX_TMPDIR:-/tmp}/tmux-$EUID/$s"); done
	# A walk that the end of its window interrupted may still be writing its printable log here.
	rm -rf "${files[@]}" 2>/dev/null || { nap 0.5; rm -rf "${files[@]}"; }
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The watchdog: every wait here has a deadline, so a test still running after WATCHDOG_S seconds
# (PATHWALK_E2E_WATCHDOG, default 300; ctest's limit is 600) is stuck in something that has none.
# It then lists what the test's shell has running, and the shell, interrupted (SIGUSR1), fails
# naming the functions it was in and its control client's state, instead of being killed by
# ctest without a trace. A child that keeps the shell from taking the signal (it runs traps
# between commands) is ended 10 s later. A background subshell: one fork, asleep in bash's read.
WATCHDOG_S=${PATHWALK_E2E_WATCHDOG:-300}
watchdog_fired() {
	local i IFS=' '
	failed=$((failed + 1))
	echo "FAIL: $NAME: still running after $WATCHDOG_S s (the watchdog); the shell was in:"
	for ((i = 1; i < ${#FUNCNAME[@]}; i++)); do echo "  ${FUNCNAME[i]} (${BASH_SOURCE[i]##*/}:${BASH_LINENO[i - 1]})"; done
	echo "  (control client: fd ${CTL_R:-none} of shell ${CTL_OWNER:-none}, last line read: ${CTL_LINE:0:60})"
	echo "$passed passed, $failed failed"
	exit 1
}
trap watchdog_fired USR1
(
	trap - EXIT INT TERM
	nap "$WATCHDOG_S"
	echo "watchdog: $NAME: what its shell ($$) runs after $WATCHDOG_S s:"
	ps -o pid=,stat=,wchan:24=,etimes=,args= --ppid $$ 2>&1 | cut -c1-160
	kill -USR1 $$ 2>/dev/null
	nap 10
	pkill -TERM -P $$ 2>/dev/null
) &

ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() {
	# The control client's state, for a failure that its waits could explain.
	local state="control client: fd ${CTL_R:-none} of shell ${CTL_OWNER:-none} (this one $BASHPID), last reply ${#CTL_OUT[@]} lines, last line read: ${CTL_LINE:0:60}"
	local line
	failed=$((failed + 1))
	echo "FAIL: $*"
	echo "  ($state)"
	capture
	while IFS= read -r line; do printf '  | %s\n' "$line"; done <<<"$SCREEN"
}

# run_env [VAR=value...]: the environment every walk runs with, as assignments to put in front
# of a shell command (no env process), in RUN_ENV; the extra assignments follow.
run_env() {
	printf -v RUN_ENV '%s ' LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM="${PW_TERM:-tmux-256color}" ESCDELAY=25 \
		PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC XDG_STATE_HOME="$XDG_STATE_HOME" HOME="$TMP/home" "$@"
}

# start_window COLS ROWS COMMAND: runs the shell COMMAND in a fresh tmux window of that size, driven
# through its control client (lib-control.sh); what the window before ran ends first. The pane of
# this shell's window is respawned where it has that size (ctl_respawn); otherwise the window is on
# a new server of its own (restarting one on the same socket races with its shutdown).
start_window() {
	KEYS_PID="" KEYS_SENT=0
	ctl_respawn "$1" "$2" "$3" && return 0
	ctl_close
	runs=$((runs + 1))
	SOCK=pw-$$-$NAME-$runs
	SOCKETS="$SOCKETS $SOCK"
	ctl_open "$1" "$2" "$3"
}

# full_disk_walk WHAT [LINE...]: in the window, a walk of case_v5 whose journal ($fs/full.jsonl)
# is on a 16k tmpfs of which 12k are taken (in its own mount namespace: the journal gets one page
# and the disk fills a few screens in), then `echo EXIT=$?` and each shell LINE. Returns 1, after
# a SKIP line naming WHAT, where such a mount is not permitted.
full_disk_walk() {
	local what=$1
	shift
	fs=$TMP/fs
	mkdir -p "$fs"
	if ! unshare -m sh -c "mount -t tmpfs -o size=16k tmpfs '$fs'" 2>/dev/null; then
		echo "SKIP: $what needs a tmpfs mount in a mount namespace (unshare -m), not permitted here"
		return 1
	fi
	{
		echo "mount -t tmpfs -o size=16k tmpfs '$fs' || exit 99"
		echo "dd if=/dev/zero of='$fs/filler' bs=4096 count=3 2>/dev/null"
		run_env
		echo "$RUN_ENV'$BIN' walk --case '$case_v5' --clinician Tester --log '$fs/full.jsonl'"
		echo 'echo EXIT=$?'
		printf '%s\n' "$@"
	} >"$TMP/fullwalk.sh"
	start_window 80 24 "unshare -m sh '$TMP/fullwalk.sh'; sleep 600"
}

# STTY_MODES: a shell command printing which of icanon, -icanon, echo and -echo `stty -a` shows,
# in its order, on one line (one process: stty; split at the shell's own blanks and newlines, and
# matched in the shell). It sets the shell's -f: it comes last but for a sleep. It holds no newline,
# so that a window's command is one line for the control client (ctl_respawn).
STTY_MODES="set -f; for m in \$(stty -a); do case \$m in icanon | -icanon | echo | -echo) printf '%s ' \$m ;; esac; done; echo"

# start [-x COLS -y ROWS] -- ARGS...: runs pathwalk ARGS in a fresh tmux window; afterwards the
# window shows "EXIT=<status>" and the terminal modes (stty) so restoring can be checked.
start() {
	local cols=80 rows=24 extra=""
	while [ "$1" != "--" ]; do
		case $1 in
		-x) cols=$2; shift 2 ;;
		-y) rows=$2; shift 2 ;;
		-e) extra="$extra $2"; shift 2 ;;
		esac
	done
	shift
	local args="" a
	for a in "$@"; do args="$args '$a'"; done
	run_env $extra
	start_window "$cols" "$rows" "$RUN_ENV'$BIN' $args; echo EXIT=\$?; $STTY_MODES; exec sleep 600"
	# A curses walk first asks for the clinician's name and the patient reference: skip both,
	# unless the test wants the form (PW_FORM=1) or the walk does not ask.
	case " $* " in
	*" walk "*)
		case " $* " in *" --plain "* | *" --resume "* | *" --clinician "* | *" --patient "* | *" --help "*) ;;
		*) [ "${PW_FORM:-0}" = 1 ] || skip_form ;;
		esac ;;
	esac
}

# skip_form: leaves the walk's start form empty (Enter on each field).
skip_form() {
	wait_for "Clinician's name" || return 0
	keys Enter
	keys Enter
	wait_gone "Patient reference" || true
}

# screen: prints the screen (capture's SCREEN), for a file or a pipe; drawn whole first (drawn)
# where a pathwalk runs: the text a wait saw may be the top of a screen still being drawn.
screen() {
	drawn $((${EPOCHREALTIME//[!0-9]/} + TIMEOUT * 1000000))
	capture
	printf '%s\n' "$SCREEN"
}

# split_lines ARRAY TEXT: the lines of TEXT (empty ones too) in the array named ARRAY; split in
# bash (a here-string would go through a pipe, read a byte at a time).
split_lines() {
	local -n lines=$1
	local rest=$2$'\n'
	lines=()
	while [ -n "$rest" ]; do
		lines+=("${rest%%$'\n'*}")
		rest=${rest#*$'\n'}
	done
}
# screen_lines: the screen now, a line an element, in SCREEN_LINES.
screen_lines() { capture; split_lines SCREEN_LINES "$SCREEN"; }
# line_of TEXT: the first screen line (1-based) holding TEXT, in LINE_NO; empty if none does.
line_of() {
	local i
	LINE_NO=""
	screen_lines
	for ((i = 0; i < ${#SCREEN_LINES[@]}; i++)); do
		[[ ${SCREEN_LINES[i]} == *"$1"* ]] && { LINE_NO=$((i + 1)); return 0; }
	done
}
# high_bytes: the screen (now) holds a byte above 0x7f (matched in the C locale, a byte at a time).
high_bytes() {
	local LC_ALL=C
	capture
	[[ $SCREEN == *[$'\x80'-$'\xff']* ]]
}
# last_line: the screen's last line that is not blank (spaces only), in LAST.
last_line() {
	local i
	LAST=""
	screen_lines
	for ((i = ${#SCREEN_LINES[@]} - 1; i >= 0; i--)); do
		[[ ${SCREEN_LINES[i]} == *[!\ ]* ]] && { LAST=${SCREEN_LINES[i]}; return 0; }
	done
}

# window_pid: the pid of the innermost process of the current window (the program its shell runs,
# e.g. pathwalk), in WINDOW_PID, following each process's first child in /proc (pgrep -P where
# the kernel does not list children): no scan of every process on the machine, as pgrep -f does.
window_pid() {
	local pid kids
	tmx_get '#{pane_pid}'
	pid=$VALUE
	while [ -n "$pid" ]; do
		if [ -r "/proc/$pid/task/$pid/children" ]; then
			read -r kids <"/proc/$pid/task/$pid/children"
		else
			kids=$(pgrep -P "$pid")
		fi
		[ -n "$kids" ] || break
		pid=${kids%%[ $'\n']*}
	done
	WINDOW_PID=$pid
}

# pathwalk_pid: the pid of the pathwalk that the current window runs, in PID; empty when the
# window's innermost process is not a pathwalk (it has not started yet, or it has ended).
pathwalk_pid() {
	local comm=""
	window_pid
	PID=$WINDOW_PID
	[ -n "$PID" ] && read -r comm 2>/dev/null <"/proc/$PID/comm"
	[ "$comm" = pathwalk ] || PID=""
}

# poll SECONDS TEST [ARG...]: runs TEST ARG... every 20 ms until it is true; false when SECONDS
# pass first. For what the window does not draw (a file, /proc); until_true waits on its output.
poll() {
	local i
	for ((i = 0; i < $1 * 50; i++)); do
		"${@:2}" && return 0
		nap 0.02
	done
	return 1
}

# rchar PID: the bytes process PID has read so far (rchar in /proc/PID/io), in RCHAR; false, and
# RCHAR empty, when that cannot be read (no such process).
# The file is read whole, never a line of it: bash's read takes a file in blocks into one buffer
# that all its descriptors share, and gives back what a read left over by seeking back. When the
# process has just ended that seek fails, and the rest of its io file stayed in the buffer, to be
# returned by the next read -N from any descriptor: the control client's (ctl_line), whose line
# then came out mixed with /proc text and its read waited for a newline that never came
# (walk_faults hung so twice in about twenty runs of the e2e set, until ctest's 600 s limit).
rchar() {
	local text=
	RCHAR=""
	IFS= read -r -d '' text 2>/dev/null <"/proc/$1/io"
	[[ $text == *"rchar: "* ]] || return 1
	text=${text#*rchar: }
	RCHAR=${text%%$'\n'*}
}
# read_count: the bytes the window's pathwalk has read so far (rchar), in READ; empty when no
# pathwalk runs there.
read_count() {
	READ=""
	pathwalk_pid
	[ -n "$PID" ] && rchar "$PID" && READ=$RCHAR
	return 0
}
# type_taken TEXT: types TEXT, then waits (at most TIMEOUT) until the window's pathwalk has read
# it, for a key that changes nothing on the screen: the next key then comes in a read of its own,
# as a person's keys do (curses in the C locale can drop a key read together with a byte it
# cannot decode). Idle, a walk reads nothing else.
type_taken() {
	local LC_ALL=C # ${#1} in bytes
	read_count
	type_text "$1"
	poll "$TIMEOUT" read_at_least $((${READ:-0} + ${#1}))
}
# read_at_least N: the window's pathwalk has read at least N bytes (read_count).
read_at_least() { read_count; [ "${READ:-0}" -ge "$1" ]; }

# keys KEY...: tmux key names (Enter, Space, Down, BTab, C-c, Escape...) or literal text with -l.
keys() { note_keys "$@"; tmx send-keys -t pw "$@"; }
type_text() { local LC_ALL=C; note_keys -N "${#1}" x; tmx send-keys -t pw -l "$1"; }

# What the window's pathwalk has been sent: KEYS_PID is that pathwalk, KEYS_MARK the bytes it had
# read (rchar) before the first key, KEYS_SENT the keys since (each at least a byte). Empty
# KEYS_PID: no pathwalk was found when a key was sent; start_window forgets them. The bytes it
# reads from files count too, so a mark taken long before (reads of files since) only bounds
# the keys loosely: press marks afresh before its keys.
KEYS_PID="" KEYS_MARK=0 KEYS_SENT=0
# note_keys [-N COUNT] [-H|-l] KEY...: counts the keys that send-keys is about to send (all of
# them, or COUNT times them with -N), noting the pathwalk and what it has read before the first.
note_keys() {
	local n=0 times=1
	while [ $# -gt 0 ]; do
		case $1 in
		-N) times=$2; shift 2; continue ;;
		-*) ;;
		*) n=$((n + 1)) ;;
		esac
		shift
	done
	[ -n "$KEYS_PID" ] && [ -d "/proc/$KEYS_PID" ] || mark_read 0
	KEYS_SENT=$((KEYS_SENT + n * times))
}
# mark_read [N]: notes what the window's pathwalk has read so far, as if N keys (default 1) were
# sent since: then wait_settled waits until it has read that much more (what a file it watches
# brings, for N=1) and drawn it.
mark_read() {
	if [ -n "$KEYS_PID" ] && [ -d "/proc/$KEYS_PID" ]; then
		rchar "$KEYS_PID"
		KEYS_MARK=${RCHAR:-0}
	else
		read_count
		KEYS_PID=$PID KEYS_MARK=${READ:-0}
	fi
	KEYS_SENT=${1:-1}
}
# PPOLL_NR: ppoll's number in /proc/PID/syscall on this architecture ($HOSTTYPE: no process);
# empty where it is not known here, and then keys_taken gives up (2) and the waits that use it
# fall back to the window's quiet.
case $HOSTTYPE in
x86_64) PPOLL_NR=271 ;;
aarch64 | riscv64) PPOLL_NR=73 ;; # the generic system call table
i?86) PPOLL_NR=309 ;;
*) PPOLL_NR="" ;;
esac
# keys_taken: 0 when the window's pathwalk has read every key noted (KEYS_MARK + KEYS_SENT bytes)
# and sleeps in ppoll for the next (ui_wait, screens/ui.c; /proc/PID/syscall: PPOLL_NR): it reads a
# key, draws what it brings and only then waits, so its screen is all written to the terminal;
# 1 when not yet; 2 when there is no such pathwalk (not found, or it has ended).
keys_taken() {
	local call
	[ -n "$KEYS_PID" ] && [ -n "$PPOLL_NR" ] || return 2
	# rchar first: a pathwalk seen asleep after it had read them all has drawn what they brought.
	rchar "$KEYS_PID" || return 2
	[ "$RCHAR" -ge $((KEYS_MARK + KEYS_SENT)) ] || return 1
	read -r call _ 2>/dev/null <"/proc/$KEYS_PID/syscall" || return 2
	[ "$call" = "$PPOLL_NR" ] && return 0
	[ -d "/proc/$KEYS_PID" ] && return 1
	return 2
}

# until_true SECONDS TEST [ARG...]: runs TEST ARG... (which looks at the window: a capture, a
# query) until it is true, again each time the window has written something since; false when
# SECONDS pass first.
until_true() {
	local end=$((${EPOCHREALTIME//[!0-9]/} + $1 * 1000000))
	shift
	until "$@"; do ctl_wait "$end" || return 1; done
}
shows() { capture; [[ $SCREEN == *"$1"* ]]; }
hides() { capture; [[ $SCREEN != *"$1"* ]]; }
# has_line LINE: a screen line is exactly LINE (trailing blanks ignored).
has_line() {
	local nl=$'\n'
	capture
	[[ $nl$SCREEN$nl == *"$nl$1"*( )"$nl"* ]]
}

# wait_for TEXT [SECONDS]: waits until the screen contains TEXT (fixed string).
wait_for() { until_true "${2:-$TIMEOUT}" shows "$1"; }

# wait_gone TEXT [SECONDS]: waits until the screen no longer shows TEXT.
wait_gone() { until_true "${2:-$TIMEOUT}" hides "$1"; }

# drawn DEADLINE: waits (until DEADLINE, µs since the epoch) until the window's pathwalk has taken
# every key sent and waits for the next (keys_taken), then until two captures in a row are the
# same; 0 then, 1 at the deadline, 2 at once when there is no such pathwalk or control client.
drawn() {
	local last="" taken
	ctl_usable || return 2
	while [ "${EPOCHREALTIME//[!0-9]/}" -lt "$1" ]; do
		keys_taken
		taken=$?
		[ $taken = 2 ] && return 2
		[ $taken = 1 ] && { nap 0.002; continue; }
		capture
		[ "$SCREEN" = "$last" ] && return 0
		last=$SCREEN
	done
	return 1
}

# wait_settled [SECONDS]: waits until curses has drawn the whole of the screen that the keys sent
# bring, for when its text is not known: until the window's pathwalk has taken them all and waits
# for the next (keys_taken), then until two captures in a row are the same (tmux has read all
# it wrote: each capture is a turn of tmux's loop, which reads the pane whenever it has output).
# Without such a pathwalk: until the window has written nothing for CTL_QUIET_US; without a
# control client, until three captures 20 ms apart are the same.
wait_settled() {
	local end=$((${EPOCHREALTIME//[!0-9]/} + ${1:-$TIMEOUT} * 1000000)) same=0 last="" now
	drawn "$end"
	case $? in 0) return 0 ;; 1) return 1 ;; esac
	while [ "${EPOCHREALTIME//[!0-9]/}" -lt $end ]; do
		if ctl_usable; then
			ctl_quiet "$CTL_QUIET_US" && return 0
			continue
		fi
		capture
		if [ "$SCREEN" = "$last" ]; then
			same=$((same + 1))
			[ $same -ge 2 ] && return 0
		else
			same=0
			last=$SCREEN
		fi
		nap 0.02
	done
	return 1
}

# expect TEXT DESCRIPTION: waits for TEXT and counts a pass or a failure.
expect() {
	if wait_for "$1"; then ok "$2"; else bad "$2: '$1' not on the screen"; fi
}
# expect_line LINE DESCRIPTION: waits for a screen line that is exactly LINE (trailing blanks
# ignored).
expect_line() {
	if until_true "$TIMEOUT" has_line "$1"; then ok "$2"; else bad "$2: no line '$1'"; fi
}
expect_not() { # TEXT DESCRIPTION: the screen, drawn whole (drawn) where a pathwalk runs, does not show TEXT
	drawn $((${EPOCHREALTIME//[!0-9]/} + TIMEOUT * 1000000))
	if on_screen "$1"; then bad "$2: '$1' is on the screen"; else ok "$2"; fi
}

# journal: the journal of the walk that just ran (the last in the state directory), in JOURNAL.
journal() {
	local files=("$XDG_STATE_HOME"/pathwalk/sessions/*.jsonl)
	JOURNAL=${files[-1]}
	[ -e "$JOURNAL" ] || JOURNAL=""
}

# file_text FILE: FILE's text, in TEXT (empty when there is no such file), read in bash.
file_text() {
	TEXT=""
	[ -f "$1" ] && IFS= read -r -d "" TEXT <"$1"
	return 0
}
# file_has FILE TEXT: FILE exists and holds TEXT (a fixed string); its text is left in TEXT.
file_has() { file_text "$1"; [ -f "$1" ] && [[ $TEXT == *"$2"* ]]; }
# file_line FILE LINE: a line of FILE is exactly LINE (as grep -qxF), matched in bash.
file_line() {
	local nl=$'\n'
	file_has "$1" "$2" && [[ $nl$TEXT$nl == *"$nl$2$nl"* ]]
}

# expect_in_file FILE TEXT DESCRIPTION: polls until FILE holds TEXT (the program may write it just
# after the screen that the test saw).
expect_in_file() {
	poll "$TIMEOUT" file_has "$1" "$2" && { ok "$3"; return 0; }
	failed=$((failed + 1))
	echo "FAIL: $3: '$2' not in ${1:-<no file>}"
	[ -f "$1" ] && sed 's/^/  | /' "$1" | tail -n 20
	return 0
}

# cursor_at X DESCRIPTION: polls until the terminal's cursor is in column X (0-based); ok or bad.
cursor_at() {
	if until_true "$TIMEOUT" cursor_in "$1"; then ok "$2"; else bad "$2: the cursor is in column $VALUE, not $1"; fi
}
cursor_in() { tmx_get '#{cursor_x}'; [ "$VALUE" = "$1" ]; }

# press KEY...: sends the keys, then waits until the screen they bring is drawn (wait_settled),
# so that the next key reaches the screen this one brought: a slow redraw (under ASan) never lets
# two keys meant for two screens reach one. Without a pathwalk to ask (keys_taken), it waits
# first until the screen changes (at most 5 s). Called once the screen shows what the keys before
# it brought (it marks what the pathwalk has read afresh).
press() {
	local before
	capture
	before=$SCREEN
	mark_read 0
	keys "$@"
	keys_taken
	[ $? = 2 ] && until_true 5 changed_from "$before"
	wait_settled
}
changed_from() { capture; [ "$SCREEN" != "$1" ]; }
# unsettled: says that a press's screen did not settle within TIMEOUT, for a loop of presses that
# then stops (ten more presses each waiting TIMEOUT would only hide what went wrong for minutes).
unsettled() { echo "  (the screen a key brought did not settle within $TIMEOUT s: the keys stop there)"; }

# enter_until TEXT: presses Enter, one screen at a time (see press), until a screen shows TEXT;
# at most 10 screens, and none after one that did not settle. The screen at the call is checked
# first, once it has settled.
enter_until() {
	local i
	wait_settled
	for ((i = 1; i <= 10; i++)); do
		on_screen "$1" && return 0
		press Enter || { unsettled; break; }
	done
	on_screen "$1" && return 0
	bad "no screen with '$1'"
}

# node_id JOURNAL: the current node's id, from the journal's last node event (the screen shows
# no ids without --ids; the node event is written before the screen is drawn), in NODE.
# Read and cut in bash, from the last line back: it is polled (cutting the whole journal after
# its last node event with ${text##*TAG} costs bash time in the square of its length).
node_id() {
	local lines=() line i tag='"event":"node","node":"'
	NODE=""
	[ -f "$1" ] && mapfile -t lines <"$1"
	for ((i = ${#lines[@]} - 1; i >= 0; i--)); do
		line=${lines[i]}
		[[ $line == *"$tag"* ]] || continue
		line=${line##*"$tag"}
		NODE=${line%%\"*}
		return 0
	done
}

# node_is_not JOURNAL ID: the journal's current node (node_id) is not ID.
node_is_not() { node_id "$1"; [ "$NODE" != "$2" ]; }

# enter_until_node ID JOURNAL: Enter through every pre-filled screen of a case until the walk
# journaling to JOURNAL is at node ID (at most 40 screens); false when it never is.
enter_until_node() {
	local n=0 id
	poll 5 node_is_not "$2" ""
	while node_id "$2"; id=$NODE; [ "$id" != "$1" ] && [ $n -lt 40 ]; do
		keys Enter
		n=$((n + 1))
		poll 5 node_is_not "$2" "$id"
	done
	wait_settled
	[ "$id" = "$1" ]
}

# Sub-cases that do not depend on each other (each drives walks in windows of its own) can run
# side by side. spawn TAG FUNCTION [ARG...]: runs FUNCTION ARGS in a background subshell with
# tmux servers of its own (named after TAG), at most $PATHWALK_E2E_JOBS (default 4) at a time.
# collect: waits for them all, then prints each one's output in the order they were spawned and
# adds its passes and failures to the test's; a sub-case that did not return is a failure. A
# sub-case ends its own tmux server; the test removes their socket files with its own.
E2E_JOBS=${PATHWALK_E2E_JOBS:-4}
spawned=0
collected=0
running=0
spawned_tags=() spawned_pids=()
spawn() {
	local tag=$1 out
	shift
	while [ "$running" -ge "$E2E_JOBS" ]; do wait -n; running=$((running - 1)); done
	spawned=$((spawned + 1))
	out=$TMP/job-$spawned
	spawned_tags[spawned]=$tag
	(
		NAME=$NAME-$tag SOCKETS="" runs=0 passed=0 failed=0 CTL_W="" CTL_R="" CTL_LIVE=0
		trap "ctl_close; echo \"\$SOCKETS\" >'$out.sockets'" EXIT
		# A signal ends the sub-case once the command under way (a server being started) is done.
		trap "exit 130" INT
		trap "exit 143" TERM
		"$@"
		echo "$passed $failed" >"$out.count"
	) >"$out.out" 2>&1 &
	spawned_pids[spawned]=$!
	running=$((running + 1))
}
# in_turn COMMAND...: runs each COMMAND (a function and its arguments, one word split at blanks)
# in turn: sections that share one sub-case, and so one tmux server, whose window each starts
# afresh (start_window, ctl_respawn). A server started and stopped costs about 30 ms of CPU.
in_turn() {
	local command
	for command; do $command; done
}
collect() {
	local i p f line
	# The sub-cases since the last collect, by pid: a bare wait would wait for the watchdog too.
	[ "$spawned" -gt "$collected" ] && wait "${spawned_pids[@]:collected+1}"
	running=0
	for ((i = collected + 1; i <= spawned; i++)); do
		while IFS= read -r line || [ -n "$line" ]; do printf '%s\n' "$line"; done <"$TMP/job-$i.out"
		[ -f "$TMP/job-$i.sockets" ] && read -r line <"$TMP/job-$i.sockets" && SOCKETS="$SOCKETS $line"
		if [ -f "$TMP/job-$i.count" ] && read -r p f <"$TMP/job-$i.count"; then
			passed=$((passed + p))
			failed=$((failed + f))
		else
			failed=$((failed + 1))
			echo "FAIL: the sub-case ${spawned_tags[i]} ended before it returned"
		fi
	done
	collected=$spawned
}

finish() {
	FINISHED=1
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}
