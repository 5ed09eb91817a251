#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A terminating signal that arrives while a plain walk or a plain training writes its prompt (after
# the signal flags were last checked, before the read of the answer), or while an answer's line is
# half read, still ends it: exit 143, the journal ends with the SIGTERM interruption. strace
# delivers the signal exactly there (on entering the write of the first prompt, or the read of
# the line's first byte); before the fix the read blocked until more input came.
# Skipped, with a notice, without strace or where it may not trace. Usage: prompt_signal.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
in_memory
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8 XDG_STATE_HOME=$tmp/state HOME=$tmp
if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
	echo "SKIP: strace is missing or may not trace here (apt-get install strace)"
	exit 0
fi
# LeakSanitizer cannot run under ptrace (the sanitizer build): its leak check is left out here.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
mkfifo "$tmp/in"
exec 7<>"$tmp/in" # a writer that never writes: the answer never comes

# signal_at NAME CALL MATCH INPUT ARGS...: pathwalk ARGS --log $tmp/NAME.jsonl, its input the
# bytes INPUT in the silent FIFO (then nothing more), with SIGTERM delivered on entering its first
# CALL (write or read) whose trace line starts with MATCH; that call's number is found by a first
# run whose input is INPUT alone, which makes the same calls up to it.
signal_at() {
	local name=$1 call=$2 match=$3 input=$4 n=0 first="" line l status
	shift 4
	printf '%s' "$input" >"$tmp/$name.input"
	strace -o "$tmp/$name.calls" -e trace="$call" -e signal=none \
		"$bin" "$@" --log "$tmp/$name-count.jsonl" <"$tmp/$name.input" >/dev/null 2>&1
	while IFS= read -r line; do
		n=$((n + 1))
		[[ $line == "$match"* ]] && { first=$n; break; }
	done <"$tmp/$name.calls"
	if [ -z "$first" ]; then bad "$name: no call '$match' traced"; return; fi
	printf '%s' "$input" >&7
	timeout 20 strace -o /dev/null -e trace="$call" -e inject="$call":signal=TERM:when=$first \
		"$bin" "$@" --log "$tmp/$name.jsonl" <"$tmp/in" >"$tmp/$name.out" 2>&1
	status=$?
	if [ "$status" = 143 ]; then ok; else bad "$name: SIGTERM at '$match': exit $status, expected 143 (124: the read blocked)"; fi
	line=
	[ -f "$tmp/$name.jsonl" ] && while IFS= read -r l; do line=$l; done <"$tmp/$name.jsonl"
	if [[ $line == *'"event":"interrupted"'*'"reason":"SIGTERM"'* ]]; then ok
	else bad "$name: the journal's last event is not the SIGTERM interruption: ${line:0:160}"; fi
}

# While the first prompt is written (after the flags were last checked, before the read).
signal_at walk write 'write(1, ' '' walk --plain --clinician Tester
signal_at train write 'write(1, ' '' train --plain --trainee tester v5-sij-eligible
# While an answer's line is half read: the pipe has brought "2" and no newline yet.
signal_at walk-half read 'read(0, "2"' 2 walk --plain --clinician Tester

echo "prompt_signal: $passed passed, $failed failed"
[ "$failed" = 0 ]
