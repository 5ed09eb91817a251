# SPDX-License-Identifier: Apache-2.0
# The e2e tests' one tmux client per window: a control-mode client (tmux -C) on two FIFOs, read
# and written by the test's shell itself, so that a capture, a key or a query starts no process
# (a tmux client and a bash fork for $(...) cost ~4 ms of CPU each time), and a wait blocks on the
# window's next output (a %output notification) instead of capturing every 20 ms.
# Sourced by lib.sh; uses its $TMP, $SOCK and nap. If the client cannot be used (it ended, a
# reply did not come), that window is driven with a tmux process per command, as before.
#
# The protocol (tmux(1), CONTROL MODE): each command line written gets one reply, `%begin TIME
# NUMBER 1`, its output lines, then `%end` (or `%error`) with the same three fields; between
# replies come notifications, among them `%output %PANE DATA` whenever the program wrote to the
# terminal. tmux keeps them in order: output read from the pane before a command ran is notified
# before the command's %begin, output read after it after its %end; so output that arrives while
# the test looks at a capture waits in the FIFO for the next wait, and is never lost.

CTL_W="" CTL_R="" CTL_OWNER="" CTL_LIVE=0 CTL_NEW=0 CTL_LINE="" CTL_OUT=() CTL_GEN=0 CTL_SEQ=0
# A wait captures again at least this often (µs) even without output: output is what changes the
# screen, but a check every second costs nothing and covers what tmux draws by itself.
CTL_TICK_US=${PATHWALK_E2E_TICK_US:-1000000}
# wait_settled: the screen is settled once the window has written nothing for this long (µs). A
# pathwalk screen is one doupdate, written in one burst; 50 ms covers a writer preempted in the
# middle of it on a loaded machine, as the three captures 20 ms apart before it did.
CTL_QUIET_US=${PATHWALK_E2E_QUIET_US:-50000}
# A command's reply comes within a millisecond; one that has not come in this long (µs) never
# does: tmux 3.3 sometimes leaves a command without a reply (walk_signals, 2 runs side by side
# under load: 3 of 6 pairs before this round, in a capture-pane early in a window), and the
# window is then driven with a tmux process a command (ctl_drop). It was 30 s.
CTL_REPLY_US=${PATHWALK_E2E_REPLY_US:-5000000}

# ctl_usable: the current window has a control client that this shell reads (a subshell, e.g.
# of a pipeline, must not: what it read would be missing from the shell's stream).
ctl_usable() { [ -n "$CTL_R" ] && [ "$CTL_OWNER" = "$BASHPID" ]; }

# CTL_FILTER: the perl program between the client and the shell (ctl_open): every line the shell
# reads costs it a dozen system calls and a read(2) a byte, so the lines are few and short.
# `%output %PANE DATA` becomes `%o` (only that the window wrote counts), and a run of them one
# `%o`: nothing came between them, so the shell learns the same from one. A reply, `%begin TIME
# NUMBER FLAGS`, its output lines and `%end` (or `%error`) with the same three fields, becomes
# `%b NUMBER FLAGS`, its lines and `%e NUMBER FLAGS` (`%x ...`); one without output lines is the
# one line `%e NUMBER FLAGS` (`%x ...`). tmux writes a reply whole, with no notification inside.
CTL_FILTER='BEGIN { $| = 1 }
if (/^%begin \d+ (\d+ \d+)$/) { # the line after it decides: its own end makes the reply one line
	my $n = $1;
	defined($_ = <>) or last;
	print "%b $n\n" unless /^%(end|error) \d+ \Q$n\E$/;
}
if (/^%output /) { print "%o\n" unless $o; $o = 1; next }
$o = 0;
if (/^%(end|error) \d+ (\d+ \d+)$/) { print $1 eq "end" ? "%e" : "%x", " $2\n"; next }
print;'

# ctl_open COLS ROWS COMMAND: starts this window's tmux server from a control client, with one
# session pw of COLS x ROWS running the shell COMMAND, kept on the screen when it ends. The FIFOs
# are this shell's own (a sub-case has its own); they are used again by the next window once the
# last one's server and client are gone (ctl_close saw them end). The client's lines pass through
# one perl (CTL_FILTER), which leaves out the data of every redraw: that cost more CPU than the
# rest of the test's shell (e2e set: 9.0 s of CPU before, 8.0 s after).
ctl_open() {
	local fifo=$TMP/ctl-$BASHPID-$CTL_GEN
	[ -p "$fifo.in" ] || mkfifo "$fifo.in" "$fifo.out"
	tmux -L "$SOCK" -u -f /dev/null -C new-session -s pw -x "$1" -y "$2" "$3" \; \
		set-option -t pw remain-on-exit on <"$fifo.in" 2>/dev/null |
		perl -ne "$CTL_FILTER" >"$fifo.out" &
	disown $!
	exec {CTL_W}>"$fifo.in" {CTL_R}<"$fifo.out"
	CTL_OWNER=$BASHPID CTL_LIVE=1 CTL_NEW=1 CTL_FILE=$fifo.screen
	# The first command goes once the client is attached to the session (%session-changed): one
	# written before could go without a reply.
	local end=$((${EPOCHREALTIME//[!0-9]/} + CTL_REPLY_US))
	while ctl_line "$end"; do [[ $CTL_LINE == "%session-changed "* ]] && return 0; done
	ctl_drop "it was not attached to the session within $((CTL_REPLY_US / 1000000)) s"
}

# ctl_respawn COLS ROWS COMMAND: runs the shell COMMAND in this shell's window in place of what it
# ran (respawn-pane -k: the old process gets SIGHUP, as when its server was killed, and the pane's
# screen, modes and title start afresh), when the window is COLS x ROWS; false, doing nothing,
# when there is no such window or it has another size (a resize reaches a pane only after tmux's
# resize timer, so such a window starts on a server of its own). A server, its control client and
# its filter cost about 30 ms of CPU to start and stop; this, one command.
ctl_respawn() {
	[ "$CTL_LIVE" = 1 ] && ctl_usable || return 1
	tmx_get '#{window_width}x#{window_height}'
	[ "$VALUE" = "$1x$2" ] || return 1
	tmx respawn-pane -k -t pw "$3"
}

# ctl_close: ends the server of this shell's window, if it has one: kill-server through its
# client, then a wait (at most 10 s) until the client's output ends; then neither it nor the
# server holds the FIFOs. Without a client, or without that end, a tmux process kills the server.
ctl_close() {
	[ "$CTL_LIVE" = 1 ] && [ "$CTL_OWNER" = "$BASHPID" ] || return 0
	CTL_LIVE=0
	local end=$((${EPOCHREALTIME//[!0-9]/} + 10000000)) status=1
	if ctl_usable && ctl_send kill-server; then
		while :; do ctl_line "$end" || { status=$?; break; }; done
	fi
	if [ $status -eq 2 ]; then
		exec {CTL_W}>&- {CTL_R}<&-
		CTL_W="" CTL_R=""
		return 0
	fi
	ctl_usable && ctl_drop
	tmux -L "$SOCK" kill-server 2>/dev/null
}

# ctl_drop [WHY]: stops using the window's control client, which failed (closes this shell's ends
# of its FIFOs; the next window takes new ones); the window is then driven with a tmux process a
# command. The note on standard error says why, and the last line read from the client.
ctl_drop() {
	exec {CTL_W}>&- {CTL_R}<&-
	CTL_W="" CTL_R=""
	CTL_GEN=$((CTL_GEN + 1))
	echo "note: $NAME: the control client of $SOCK is not used any more (${1:-it ended}; last line read: ${CTL_LINE:0:60}); a tmux process a command" >&2
}

# ctl_send LINE: writes one command line to the client; false if it cannot be written. SIGPIPE is
# ignored around the write, so that a client gone away fails the write instead of ending the test.
ctl_send() {
	local status
	trap '' PIPE
	printf '%s\n' "$1" >&"$CTL_W" 2>/dev/null
	status=$?
	trap - PIPE
	return $status
}

# ctl_line DEADLINE: reads the client's next line into CTL_LINE, waiting until DEADLINE (µs since
# the epoch) for it to start; 1 at the deadline, 2 at the end of the client's output. Only its
# first character is read with a timeout (bash's read -t costs five system calls a byte); the
# rest of the line, which tmux writes whole, is read as it comes.
ctl_line() {
	local left=$(($1 - ${EPOCHREALTIME//[!0-9]/})) first rest
	[ $left -gt 0 ] || return 1
	printf -v left '%d.%06d' $((left / 1000000)) $((left % 1000000))
	IFS= read -r -t "$left" -N 1 -u "$CTL_R" first
	case $? in
	0) ;;
	1) return 2 ;;
	*) [ -z "$first" ] && return 1 ;;
	esac
	CTL_LINE=""
	[ "$first" = $'\n' ] && return 0
	IFS= read -r -u "$CTL_R" rest
	CTL_LINE=$first$rest
}

# ctl_cmd LINE [sample [REPLIES]]: runs the tmux commands of LINE (REPLIES of them, default 1,
# each with its reply) through the client; their output lines in CTL_OUT; false if one failed.
# With `sample` the commands look at the window (a capture, a query): output notified before them
# is in what they saw, so only output after them counts as new (CTL_NEW). A reply that does not
# come within CTL_REPLY_US gives the client up.
ctl_cmd() {
	local begin="" end replies=${3:-1} status=0 read_status=0
	CTL_OUT=()
	ctl_send "$1" || { ctl_drop "cannot write '${1:0:40}'"; return 1; }
	end=$((${EPOCHREALTIME//[!0-9]/} + CTL_REPLY_US))
	while ctl_line "$end" || { read_status=$?; false; }; do
		if [ -z "$begin" ]; then
			case $CTL_LINE in
			%o) CTL_NEW=1 ;;
			"%b "*" 1" | "%e "*" 1" | "%x "*" 1") # a reply's start, or all of one without output lines
				begin=${CTL_LINE#* }
				[ "${2:-}" = sample ] && CTL_NEW=0
				;;
			esac
			[[ -n $begin && $CTL_LINE != %b* ]] || continue # a whole reply ends below, as any other
		fi
		case $CTL_LINE in
		"%e $begin" | "%x $begin")
			[ "${CTL_LINE%% *}" = %e ] || status=1
			replies=$((replies - 1))
			[ $replies -eq 0 ] && return $status
			begin=""
			continue
			;;
		esac
		CTL_OUT+=("$CTL_LINE")
	done
	if [ $read_status -eq 1 ]; then
		ctl_drop "no reply to '${1:0:40}' within $((CTL_REPLY_US / 1000000)) s${begin:+ (its %begin came)}"
	else
		ctl_drop "its output ended during '${1:0:40}'"
	fi
	return 1
}

# ctl_quote ARG...: the words quoted for tmux's command parser, in CTL_QUOTED (single quotes, a
# quote inside as '\''): the command gets the same arguments as from a command line.
ctl_quote() {
	local a
	CTL_QUOTED=""
	for a in "$@"; do CTL_QUOTED="$CTL_QUOTED '${a//\'/\'\\\'\'}'"; done
}

# tmx [-s] ARG...: runs the tmux command ARG... on the window's server, through the control client
# when there is one (-s: the command looks at the window, see ctl_cmd); its output lines in
# CTL_OUT. A word holding a newline cannot be sent on a command line: then a tmux process runs it.
tmx() {
	local sample=""
	[ "$1" = -s ] && { sample=sample; shift; }
	if ctl_usable && [[ $* != *$'\n'* ]]; then
		ctl_quote "$@"
		ctl_cmd "$CTL_QUOTED" $sample && return 0
		ctl_usable && return 1
	fi
	local out
	out=$(tmux -L "$SOCK" "$@" 2>/dev/null)
	local status=$?
	CTL_OUT=()
	[ -n "$out" ] && mapfile -t CTL_OUT <<<"$out"
	return $status
}

# tmx_get FORMAT: the window's FORMAT (e.g. '#{pane_pid}'), in VALUE; empty if it cannot be read.
tmx_get() {
	VALUE=""
	tmx -s display-message -p -t pw "$1" && VALUE=${CTL_OUT[0]:-}
}

# capture [-e]: the screen now, in SCREEN (as $(tmux capture-pane -p -J) gives it: trailing
# newlines dropped); with -e its text with the escape sequences of its attributes (capture-pane
# -p -e), in SCREEN_E. Through the control client the capture goes to a paste buffer that the
# client saves to a file: bash reads a file in blocks, a pipe a byte at a time. The client
# writes the file after tmux has replied, so a mark of this capture's own is appended to the
# buffer, and the file is read until it ends with it (whole, and not an earlier capture's).
capture() {
	local text="" how=-J mark i saved=""
	[ "${1:-}" = -e ] && how=-e
	if ctl_usable; then
		CTL_SEQ=$((CTL_SEQ + 1))
		mark="@pw-screen-$CTL_SEQ@"
		ctl_quote "$CTL_FILE"
		if ctl_cmd "capture-pane $how -t pw -b pwscreen ; set-buffer -a -b pwscreen '$mark' ; save-buffer -b pwscreen$CTL_QUOTED" sample 3; then
			for ((i = 0; i < 5000; i++)); do
				IFS= read -r -d '' text 2>/dev/null <"$CTL_FILE"
				[[ $text == *"$mark" ]] && { saved=yes; break; }
				nap 0.002
			done
		fi
		text=${text%"$mark"}
	fi
	ctl_usable && [ -n "$saved" ] || text=$(tmux -L "$SOCK" capture-pane -p $how -t pw 2>/dev/null)
	text=${text%"${text##*[!$'\n']}"}
	if [ $how = -e ]; then SCREEN_E=$text; else SCREEN=$text; fi
}

# ctl_wait DEADLINE: waits until the window writes something it had not when last looked at
# (capture, tmx -s): 0 then, and also after CTL_TICK_US without output (the caller looks again);
# 1 once DEADLINE (µs since the epoch) has passed. Without a control client: a 20 ms nap.
ctl_wait() {
	local now=${EPOCHREALTIME//[!0-9]/} until=$1 status
	[ "$now" -lt "$1" ] || return 1
	if ! ctl_usable; then
		nap 0.02
		return 0
	fi
	[ "$CTL_NEW" = 1 ] && return 0
	[ $((until - now)) -gt "$CTL_TICK_US" ] && until=$((now + CTL_TICK_US))
	while ctl_line "$until" || { status=$?; false; }; do
		[ "$CTL_LINE" = %o ] && { CTL_NEW=1; return 0; }
	done
	[ $status -eq 2 ] && ctl_drop
	return 0
}

# ctl_quiet MICROSECONDS: true once the window has written nothing for that long (output already
# notified and not yet seen is forgotten first); false if it writes, or if there is no client.
ctl_quiet() {
	ctl_usable || return 1
	local until=$((${EPOCHREALTIME//[!0-9]/} + $1)) status
	CTL_NEW=0
	while ctl_line "$until" || { status=$?; false; }; do
		[ "$CTL_LINE" = %o ] && { CTL_NEW=1; return 1; }
	done
	[ $status -eq 1 ] && return 0
	ctl_drop
	return 1
}
