#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `pathwalk check --watch FILE` through the real binary: the first check, a save in place that
# breaks the pathway, a save by rename (as vim and sed -i do) that fixes it, each seen as new
# findings; "q" on standard input ends it with the last check's status, a signal with 128+N.
# Every wait polls the output for text (no fixed sleeps). Usage: check_watch.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	exec 7>&- 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
export TZ=UTC LANG=C.UTF-8 NO_COLOR=1
bad() { failed=$((failed + 1)); echo "FAIL: $*"; sed 's/^/  | /' "$tmp/out" | tail -n 30; }

# wait_for N TEXT: polls (up to 60 s) until TEXT occurs at least N times in the output (counted
# in bash: a poll starts no process but the sleep).
wait_for() {
	local i text rest
	for ((i = 0; i < 600; i++)); do
		text=
		IFS= read -r -d '' text <"$tmp/out"
		rest=${text//"$2"/}
		[ $(((${#text} - ${#rest}) / ${#2})) -ge "$1" ] && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	return 1
}

start_watch() { # starts the watcher on $tmp/p.cfg, its input the fifo on fd 7
	rm -f "$tmp/in" "$tmp/out"
	mkfifo "$tmp/in"
	: >"$tmp/out"
	"$bin" check --watch "$tmp/p.cfg" <"$tmp/in" >"$tmp/out" 2>&1 &
	pid=$!
	exec 7>"$tmp/in"
}

cp "$src/tests/data/good/mini.cfg" "$tmp/p.cfg"
start_watch
if wait_for 1 "p.cfg: no errors; watching for changes"; then ok; else bad "first check"; fi
if grep -qF "p.cfg: valid: pathway mini" "$tmp/out"; then ok; else bad "first check says valid"; fi

# A save in place (the file rewritten, as nano and cp do) with a misspelt goto.
sed 's/goto = "low"/goto = "lwo"/' "$src/tests/data/good/mini.cfg" >"$tmp/broken"
cat "$tmp/broken" >"$tmp/p.cfg"
if wait_for 1 "p.cfg: problems found; watching"; then ok; else bad "save in place not seen"; fi
if grep -qF "error: node 'choose': goto unknown node 'lwo'; did you mean 'low'?" "$tmp/out"; then ok
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
wait "$pid"
status=$?
pid=
if [ "$status" = 0 ]; then ok; else bad "q: exit $status, expected 0 (the last check's)"; fi
if [ "$(grep -c "checking again" "$tmp/out")" = 3 ]; then ok; else bad "checked again for another file"; fi

# Ended by a signal while the pathway has problems: 128+15.
cp "$tmp/broken" "$tmp/p.cfg"
start_watch
if wait_for 1 "p.cfg: problems found; watching"; then ok; else bad "first check of a broken file"; fi
kill -TERM "$pid"
wait "$pid"
status=$?
pid=
if [ "$status" = 143 ]; then ok; else bad "SIGTERM: exit $status, expected 143"; fi

# Usage: --watch needs a file.
"$bin" check --watch >"$tmp/out" 2>&1 </dev/null
status=$?
if [ "$status" = 2 ] && grep -qF -- "--watch needs a pathway FILE" "$tmp/out"; then ok; else bad "--watch without FILE: exit $status"; fi
if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$tmp/out"; then bad "sanitizer report"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
