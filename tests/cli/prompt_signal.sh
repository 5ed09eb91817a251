#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A terminating signal that arrives while a plain walk or a plain training writes its prompt, after
# the signal flags were last checked and before the read of the answer, still ends it: exit 143,
# the journal ends with the SIGTERM interruption. strace delivers the signal exactly there (on
# entering the write of the first prompt); before the fix the read blocked until input came.
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

# signal_at_prompt NAME ARGS...: pathwalk ARGS --log $tmp/NAME.jsonl, its input the silent FIFO,
# with SIGTERM delivered on entering its first write to standard output (the write's number found
# by a first run whose input is empty, which writes the same up to that prompt).
signal_at_prompt() {
	local name=$1 n=0 first="" line status
	shift
	strace -o "$tmp/$name.writes" -e trace=write -e signal=none \
		"$bin" "$@" --log "$tmp/$name-count.jsonl" </dev/null >/dev/null 2>&1
	while IFS= read -r line; do
		n=$((n + 1))
		[[ $line == 'write(1, '* ]] && { first=$n; break; }
	done <"$tmp/$name.writes"
	if [ -z "$first" ]; then bad "$name: no write to standard output traced"; return; fi
	timeout 20 strace -o /dev/null -e trace=write -e inject=write:signal=TERM:when=$first \
		"$bin" "$@" --log "$tmp/$name.jsonl" <"$tmp/in" >"$tmp/$name.out" 2>&1
	status=$?
	if [ "$status" = 143 ]; then ok; else bad "$name: SIGTERM at the prompt: exit $status, expected 143 (124: the read blocked)"; fi
	line=
	[ -f "$tmp/$name.jsonl" ] && while IFS= read -r l; do line=$l; done <"$tmp/$name.jsonl"
	if [[ $line == *'"event":"interrupted"'*'"reason":"SIGTERM"'* ]]; then ok
	else bad "$name: the journal's last event is not the SIGTERM interruption: ${line:0:160}"; fi
}

signal_at_prompt walk walk --plain --clinician Tester
signal_at_prompt train train --plain --trainee tester v5-sij-eligible

echo "prompt_signal: $passed passed, $failed failed"
[ "$failed" = 0 ]
