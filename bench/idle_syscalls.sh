#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Counts the system calls an idle walk makes: starts the walk in a private tmux server (80x24),
# waits for its first question, attaches `strace -c -f -p PID` for SECONDS (default 5) with no key
# pressed, and prints strace's summary and the total. The walk sleeps in ppoll until a key or a
# signal arrives, so the expected total is 0 (a 100 ms curses timeout made about 10 per second).
# Then one key is sent while strace watches, to show that the count is not 0 for want of tracing.
# Last, the CPU time a key costs the walk: KEYS (default 100) keystrokes into the first field, a
# digit then Backspace, each sent once the screen shows the one before, with the walk's own CPU
# time (/proc/PID/schedstat, nanoseconds) read before and after. Its last two lines are
# "idle system calls: N" and "CPU per key: X ms" (bench/run.sh reads them).
# Usage: bench/idle_syscalls.sh [BUILD_DIR] [SECONDS]   (run from the source tree; needs strace
# with permission to trace a child of this shell: kernel.yama.ptrace_scope 0 or 1)
set -u
build=${1:-./build}
seconds=${2:-5}
keys=${KEYS:-100}
bin=$(cd "$build" && pwd)/pathwalk
src=$(cd "$(dirname "$0")/.." && pwd)
sock=pw-bench-idle-$$
tmp=$(mktemp -d /tmp/pathwalk-bench.XXXXXX)
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
command -v strace >/dev/null || { echo "bench: strace is needed" >&2; exit 2; }
[ -x "$bin" ] || { echo "bench: $bin not found; build first" >&2; exit 2; }

tmux -L "$sock" -f /dev/null new-session -d -s pw -x 80 -y 24 \
	"env LANG=C.UTF-8 TERM=tmux-256color PATHWALK_NOW=2025-02-17T09:00:00Z XDG_STATE_HOME=$tmp \
	 '$bin' walk -p '$src/tests/data/good/mini.cfg' --clinician Bench --log '$tmp/idle.jsonl'"
for _ in $(seq 1 500); do
	tmux -L "$sock" capture-pane -p -t pw | grep -qF "Score (0" && break
	sleep 0.02
done
pid=$(tmux -L "$sock" list-panes -t pw -F '#{pane_pid}')
# The pane runs env, which execs pathwalk: the pane's pid is the walk's.
count() { # SECONDS [KEY]: strace -c for that long; a key is sent midway when given
	strace -c -f -p "$pid" -o "$tmp/strace.txt" &
	local tracer=$!
	sleep 0.5 # strace attaches
	[ -n "${2:-}" ] && tmux -L "$sock" send-keys -t pw "$2"
	sleep "$1"
	kill -INT "$tracer"
	wait "$tracer" 2>/dev/null
	grep -v '^strace: Process' "$tmp/strace.txt"
	# strace prints no table at all when nothing was called
	awk '$NF == "total" { n = $4 } END { print "total system calls:", n + 0 }' "$tmp/strace.txt"
}
screen() { tmux -L "$sock" capture-pane -p -t pw; }
# type_key KEY: sends KEY and waits (at most 5 s) until the screen changes.
type_key() {
	local before i=0
	before=$(screen)
	tmux -L "$sock" send-keys -t pw "$1"
	while [ "$(screen)" = "$before" ] && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
}
cpu_ns() { awk '{ print $1 }' "/proc/$pid/schedstat"; }

echo "== idle for ${seconds}s (no key pressed)"
count "$seconds" | tee "$tmp/idle.txt"
idle=$(awk '/^total system calls:/ { print $4 }' "$tmp/idle.txt")
echo "== the same with one key (Tab) pressed"
count 1 Tab
echo "== $keys keys typed into the first field (a digit, then Backspace)"
type_key BTab # back to the first field (the Tab above moved on)
before=$(cpu_ns)
for i in $(seq 1 $((keys / 2))); do
	type_key 7
	type_key BSpace
done
after=$(cpu_ns)
echo "idle system calls: $idle"
awk -v b="$before" -v a="$after" -v k="$keys" 'BEGIN { printf "CPU per key: %.3f ms\n", (a - b) / 1e6 / k }'
