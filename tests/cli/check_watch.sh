#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `pathwalk check --watch FILE` through the real binary: the first check, a save in place that
# breaks the pathway, a save by rename (as vim and sed -i do) that fixes it, each seen as new
# findings; "q" on standard input ends it with the last check's status, a signal with 128+N.
# Every wait blocks on the output itself (a fifo), for text (no fixed sleeps, no polls).
# Usage: check_watch.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	exec 7>&- 8<&- 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
export TZ=UTC LANG=C.UTF-8 NO_COLOR=1
bad() { failed=$((failed + 1)); echo "FAIL: $*"; sed 's/^/  | /' "$tmp/out" | tail -n 30; }

# count TEXT: how many times TEXT occurs in the watcher's output read so far ($seen), in occurs
count() {
	local rest=${seen//"$1"/}
	occurs=$(((${#seen} - ${#rest}) / ${#1}))
}
# read_line [SECONDS]: one line of the watcher's output (fd 8, blocking up to SECONDS, or until
# the watcher ends it), added to $seen and to $tmp/out; fails at the end of the output or timeout.
read_line() {
	local line=
	IFS= read -r ${1:+-t "$1"} line <&8
	local status=$?
	[ $status -eq 0 ] || [ -n "$line" ] || return 1
	seen+=$line$'\n'
	printf '%s\n' "$line" >>"$tmp/out"
	return $status
}
# wait_for N TEXT: reads the output until TEXT has occurred at least N times in it (counted in
# bash, each read blocking on the pipe: no poll, no process), for up to 60 s in all.
wait_for() {
	local end=$((SECONDS + 60))
	while :; do
		count "$2"
		[ "$occurs" -ge "$1" ] && return 0
		[ "$SECONDS" -le "$end" ] && read_line $((end - SECONDS + 1)) || return 1
	done
}
# rest_read: after the watcher ended, the rest of its output read and fd 8 closed
rest_read() {
	while read_line; do :; done
	exec 8<&-
}

start_watch() { # starts the watcher on $tmp/p.cfg, its input the fifo on fd 7, its output on fd 8
	rm -f "$tmp/in" "$tmp/out" "$tmp/outfifo"
	mkfifo "$tmp/in" "$tmp/outfifo"
	: >"$tmp/out"
	seen=
	"$bin" check --watch "$tmp/p.cfg" <"$tmp/in" >"$tmp/outfifo" 2>&1 &
	pid=$!
	exec 7>"$tmp/in" 8<"$tmp/outfifo"
}

cp "$src/tests/data/good/mini.cfg" "$tmp/p.cfg"
start_watch
if wait_for 1 "p.cfg: no errors; watching for changes"; then ok; else bad "first check"; fi
if [[ $seen == *"p.cfg: valid: pathway mini"* ]]; then ok; else bad "first check says valid"; fi

# A save in place (the file rewritten, as nano and cp do) with a misspelt goto.
sed 's/goto = "low"/goto = "lwo"/' "$src/tests/data/good/mini.cfg" >"$tmp/broken"
cat "$tmp/broken" >"$tmp/p.cfg"
if wait_for 1 "p.cfg: problems found; watching"; then ok; else bad "save in place not seen"; fi
if [[ $seen == *"error: node 'choose': goto unknown node 'lwo'; did you mean 'low'?"* ]]; then ok
else bad "new finding after save in place"; fi

# A save by rename over the file, fixing it.
cp "$src/tests/data/good/mini.cfg" "$tmp/p.cfg.new"
mv "$tmp/p.cfg.new" "$tmp/p.cfg"
if wait_for 2 "p.cfg: no errors; watching"; then ok; else bad "save by rename not seen"; fi

# Another file of the directory written is not a save of this one: only the save after it counts.
echo x >"$tmp/other.cfg"
cat "$src/tests/data/good/mini.cfg" >"$tmp/p.cfg"
if wait_for 3 "p.cfg: no errors; watching"; then ok; else bad "third save not seen"; fi
echo q >&7
rest_read
wait "$pid"
status=$?
pid=
if [ "$status" = 0 ]; then ok; else bad "q: exit $status, expected 0 (the last check's)"; fi
count "checking again"
if [ "$occurs" = 3 ]; then ok; else bad "checked again for another file"; fi

# Ended by a signal while the pathway has problems: 128+15.
cp "$tmp/broken" "$tmp/p.cfg"
start_watch
if wait_for 1 "p.cfg: problems found; watching"; then ok; else bad "first check of a broken file"; fi
kill -TERM "$pid"
rest_read
wait "$pid"
status=$?
pid=
if [ "$status" = 143 ]; then ok; else bad "SIGTERM: exit $status, expected 143"; fi

# Usage: --watch needs a file.
"$bin" check --watch >"$tmp/out" 2>&1 </dev/null
status=$?
if [ "$status" = 2 ] && file_has "$tmp/out" "--watch needs a pathway FILE"; then ok; else bad "--watch without FILE: exit $status"; fi
if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$tmp/out"; then bad "sanitizer report"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
