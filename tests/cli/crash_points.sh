#!/usr/bin/env bash
# Crash points: a plain walk (with a back and an override, driven by crash_walk.py) is killed at
# every fdatasync, before every write and halfway through every write (the LD_PRELOAD shim of
# tests/shim/crash.c). Each journal left behind renders, resumes and finishes to exactly the events
# of an uninterrupted walk (start, resume and interruption markers, seq, time and prev aside), and
# `pathwalk verify` accepts it. Then an fdatasync that fails with EIO is noticed on that very
# action, and the journal written elsewhere holds everything. Usage: crash_points.sh PATHWALK SRC
set -u
bin=${1:?pathwalk binary}
src=${2:?source dir}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
src=$(cd "$src" && pwd)
shim=${PATHWALK_CRASH_SHIM:-}
if ! command -v python3 >/dev/null 2>&1 || [ -z "$shim" ] || [ ! -f "$shim" ]; then
	echo "SKIP: the crash-point test needs python3 and the shim (PATHWALK_CRASH_SHIM, built by CMake)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8
# The shim comes first in the library list; a sanitizer build must be told that this is fine.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
case_v5=$src/config/cases/v5-sij-eligible.cfg
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# walk JOURNAL ARGS...: the driven plain walk; its status is returned.
walk() {
	local journal=$1
	shift
	python3 "$src/tests/cli/crash_walk.py" "$journal" "$bin" walk --plain "$@" >"$tmp/out" 2>"$tmp/err"
}

# same_events A B: the events of journal B are exactly those of A, markers and chain aside.
same_events() {
	python3 - "$1" "$2" <<'PY'
import json, sys
def events(path):
    out = []
    for line in open(path, encoding="utf-8"):
        e = json.loads(line)
        if e["event"] in ("start", "resume", "interrupted"):
            continue
        for key in ("seq", "time", "prev"):
            e.pop(key, None)
        out.append(e)
    return out
a, b = events(sys.argv[1]), events(sys.argv[2])
if a != b:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            print("  first difference at event %d:\n  %s\n  %s" % (i + 1, x, y))
            break
    else:
        print("  %d events against %d" % (len(a), len(b)))
    sys.exit(1)
PY
}

ref=$tmp/ref.jsonl
if walk "$ref" --case "$case_v5" --clinician T --log "$ref"; then ok; else bad "the uninterrupted walk: $(cat "$tmp/err")"; fi
grep -q '"event":"back"' "$ref" && grep -q '"event":"override"' "$ref" && ok || bad "the walk has no back or no override"

# finish JOURNAL: after a crash, resumes JOURNAL to the end (or walks again when nothing whole
# was written) and checks the result against the uninterrupted walk.
finish() {
	local j=$1 what=$2
	if ! "$bin" log "$j" >/dev/null 2>"$tmp/logerr"; then
		if grep -q "no complete event" "$tmp/logerr"; then
			rm -f "$j"
			walk "$j" --case "$case_v5" --clinician T --log "$j" || { bad "$what: the walk again: $(cat "$tmp/err")"; return; }
		else
			bad "$what: the journal does not render: $(cat "$tmp/logerr")"
			return
		fi
	elif ! grep -q '"event":"end"' "$j"; then
		walk "$j" --resume "$j" --case "$case_v5" || { bad "$what: resume: exit $?: $(cat "$tmp/err")"; return; }
	fi
	if same_events "$ref" "$j" >"$tmp/diff"; then ok; else bad "$what: not the events of the uninterrupted walk"; cat "$tmp/diff"; fi
	if "$bin" verify "$j" >/dev/null 2>"$tmp/verr"; then ok; else bad "$what: verify: $(cat "$tmp/verr")"; fi
	if "$bin" log "$j" >/dev/null 2>"$tmp/logerr"; then ok; else bad "$what: log after: $(cat "$tmp/logerr")"; fi
}

for mode in fdatasync write tear; do
	n=1
	while [ $n -le 200 ]; do
		j=$tmp/$mode-$n.jsonl
		PATHWALK_CRASH=$mode:$n CRASH_WALK_PRELOAD=$shim walk "$j" --case "$case_v5" --clinician T --log "$j"
		status=$?
		if [ $status -ne 137 ]; then
			# Past the last call: the walk ran to its end untouched.
			[ $status -eq 0 ] && [ $n -gt 3 ] && same_events "$ref" "$j" >/dev/null && ok ||
				bad "$mode:$n: exit $status without a crash: $(cat "$tmp/err")"
			echo "$mode: killed at each of $((n - 1)) calls"
			break
		fi
		finish "$j" "$mode:$n"
		n=$((n + 1))
	done
done

# EIO from fdatasync: noticed on that action (the walk asks at once, before another screen), and
# the journal written to another path holds every event, chain intact.
n=1
while [ $n -le 100 ]; do
	j=$tmp/eio-$n.jsonl moved=$tmp/eio-$n-moved.jsonl
	CRASH_WALK_RELOCATE=$moved PATHWALK_CRASH=eio:$n CRASH_WALK_PRELOAD=$shim walk "$j" --case "$case_v5" --clinician T --log "$j"
	status=$?
	[ -f "$moved" ] || { [ $status -eq 0 ] && [ $n -gt 3 ] && ok || bad "eio:$n: exit $status, nothing moved"; echo "eio: failed each of $((n - 1)) syncs"; break; }
	[ $status -eq 0 ] && ok || bad "eio:$n: exit $status after relocating: $(cat "$tmp/err")"
	grep -q "Input/output error" "$tmp/err" && ok || bad "eio:$n: the failed sync was not reported"
	# Noticed on that action: the n-th sync is the n-th action, and each action before it led to
	# one screen; had the walk moved on, it would have shown one more before asking.
	screens=$(sed -n '/Write the session log to another path/q;p' "$tmp/out" | grep -c -E '^(Screen|Endpoint): ')
	[ "$screens" -eq $((n - 1)) ] && ok || bad "eio:$n: $screens screens shown before the failed sync was dealt with"
	same_events "$ref" "$moved" >"$tmp/diff" && ok || { bad "eio:$n: the moved journal lost or repeated events"; cat "$tmp/diff"; }
	"$bin" verify "$moved" >/dev/null 2>"$tmp/verr" && ok || bad "eio:$n: verify: $(cat "$tmp/verr")"
	n=$((n + 1))
done

echo "crash points: $passed passed, $failed failed"
[ $failed -eq 0 ]
