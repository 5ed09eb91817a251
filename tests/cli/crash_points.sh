#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Crash points: a plain walk (with a back and an override, driven by crash_walk.py) is killed at
# every fdatasync, before every write and halfway through every write (the LD_PRELOAD shim of
# tests/shim/crash.c). Each journal left behind renders, resumes and finishes to exactly the events
# of an uninterrupted walk (start, resume and interruption markers, seq, time and prev aside), and
# `pathwalk verify` accepts it. Then an fdatasync that fails with EIO is noticed on that very
# action, and the journal written elsewhere holds everything. The points run CRASH_JOBS (4) at a
# time. Usage: crash_points.sh PATHWALK SRC
. "$(dirname "$0")/lib.sh" "$@"
shim=${PATHWALK_CRASH_SHIM:-}
if ! command -v python3 >/dev/null 2>&1 || [ -z "$shim" ] || [ ! -f "$shim" ]; then
	echo "SKIP: the crash-point test needs python3 and the shim (PATHWALK_CRASH_SHIM, built by CMake)"
	exit 0
fi
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8
# The shim comes first in the library list; a sanitizer build must be told that this is fine.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
case_v5=$src/config/cases/v5-sij-eligible.cfg
# The crash points run concurrently, this many at a time (each its own files); a point's checks
# append "ok" or "FAIL: ..." to its own result file ($res), tallied at the end.
jobs=${CRASH_JOBS:-4}
res=$tmp/result-ref out=$tmp/out err=$tmp/err
ok() { echo ok >>"$res"; }
bad() { echo "FAIL: $*" >>"$res"; }

# walk JOURNAL ARGS...: the driven plain walk; its status is returned.
walk() {
	local journal=$1
	shift
	python3 "$src/tests/cli/crash_walk.py" "$journal" "$bin" walk --plain "$@" >"$out" 2>"$err"
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
if walk "$ref" --case "$case_v5" --clinician T --log "$ref"; then ok; else bad "the uninterrupted walk: $(cat "$err")"; fi
grep -q '"event":"back"' "$ref" && grep -q '"event":"override"' "$ref" && ok || bad "the walk has no back or no override"

# finish JOURNAL: after a crash, resumes JOURNAL to the end (or walks again when nothing whole
# was written) and checks the result against the uninterrupted walk.
finish() {
	local j=$1 what=$2
	if ! "$bin" log "$j" >/dev/null 2>"$j.logerr"; then
		if grep -q "no complete event" "$j.logerr"; then
			rm -f "$j"
			walk "$j" --case "$case_v5" --clinician T --log "$j" || { bad "$what: the walk again: $(cat "$err")"; return; }
		else
			bad "$what: the journal does not render: $(cat "$j.logerr")"
			return
		fi
	elif ! grep -q '"event":"end"' "$j"; then
		walk "$j" --resume "$j" --case "$case_v5" || { bad "$what: resume: exit $?: $(cat "$err")"; return; }
	fi
	if same_events "$ref" "$j" >"$j.diff"; then ok; else bad "$what: not the events of the uninterrupted walk"; cat "$j.diff" >>"$res"; fi
	if "$bin" verify "$j" >/dev/null 2>"$j.verr"; then ok; else bad "$what: verify: $(cat "$j.verr")"; fi
}

# crash_point MODE N: the walk killed at the N-th call of MODE, then finished and checked; its
# exit status is left in $j.status (137 when killed: a point past the last call is not).
crash_point() {
	local mode=$1 n=$2
	local j=$tmp/$mode-$n.jsonl
	res=$j.result out=$j.out err=$j.err
	: >"$res"
	PATHWALK_CRASH=$mode:$n CRASH_WALK_PRELOAD=$shim walk "$j" --case "$case_v5" --clinician T --log "$j"
	echo $? >"$j.status"
	if [ "$(cat "$j.status")" -eq 137 ]; then
		finish "$j" "$mode:$n"
	fi
}

# eio_point N: the N-th fdatasync fails with EIO; noticed on that action (the walk asks at once,
# before another screen), and the journal written to another path holds every event, chain
# intact. $j.status is 0 and nothing is moved past the last sync.
eio_point() {
	local n=$1
	local j=$tmp/eio-$n.jsonl moved=$tmp/eio-$n-moved.jsonl
	res=$j.result out=$j.out err=$j.err
	: >"$res"
	CRASH_WALK_RELOCATE=$moved PATHWALK_CRASH=eio:$n CRASH_WALK_PRELOAD=$shim walk "$j" --case "$case_v5" --clinician T --log "$j"
	echo $? >"$j.status"
	[ -f "$moved" ] || return 0
	[ "$(cat "$j.status")" -eq 0 ] && ok || bad "eio:$n: exit $(cat "$j.status") after relocating: $(cat "$err")"
	grep -q "Input/output error" "$err" && ok || bad "eio:$n: the failed sync was not reported"
	# Noticed on that action: the n-th sync is the n-th action, and each action before it led to
	# one screen; had the walk moved on, it would have shown one more before asking.
	screens=$(sed -n '/Write the session log to another path/q;p' "$out" | grep -c -E '^(Screen|Endpoint): ')
	[ "$screens" -eq $((n - 1)) ] && ok || bad "eio:$n: $screens screens shown before the failed sync was dealt with"
	same_events "$ref" "$moved" >"$j.diff" && ok || { bad "eio:$n: the moved journal lost or repeated events"; cat "$j.diff" >>"$res"; }
	"$bin" verify "$moved" >/dev/null 2>"$j.verr" && ok || bad "eio:$n: verify: $(cat "$j.verr")"
}

# Every point of a mode, $jobs at a time, until the first past the last call (a kill for
# fdatasync, write, tear; a relocation for eio), which must be a whole walk.
for mode in fdatasync write tear eio; do
	n=1 last=
	while [ -z "$last" ] && [ $n -le 200 ]; do
		for k in $(seq $n $((n + jobs - 1))); do
			if [ $mode = eio ]; then eio_point "$k" & else crash_point $mode "$k" & fi
		done
		wait
		for k in $(seq $n $((n + jobs - 1))); do
			j=$tmp/$mode-$k.jsonl
			status=$(cat "$j.status")
			if { [ $mode = eio ] && [ ! -f "$tmp/eio-$k-moved.jsonl" ]; } || { [ $mode != eio ] && [ "$status" -ne 137 ]; }; then
				# Past the last call: the walk ran to its end untouched.
				res=$j.result
				if [ $mode = eio ]; then
					[ "$status" -eq 0 ] && [ "$k" -gt 3 ] && ok || bad "eio:$k: exit $status, nothing moved"
				else
					[ "$status" -eq 0 ] && [ "$k" -gt 3 ] && same_events "$ref" "$j" >/dev/null && ok ||
						bad "$mode:$k: exit $status without a crash: $(cat "$j.err")"
				fi
				echo "$mode: $( [ $mode = eio ] && echo failed || echo killed at) each of $((k - 1)) $( [ $mode = eio ] && echo syncs || echo calls)"
				last=$k
				break
			fi
		done
		n=$((n + jobs))
	done
	res=$tmp/result-ref
	[ -n "$last" ] || bad "$mode: still crashing after 200 points"
	# Results of the points up to the last one, in order.
	for k in $(seq 1 "${last:-200}"); do
		cat "$tmp/$mode-$k.jsonl.result" >>"$tmp/result-all"
	done
done
cat "$tmp/result-ref" >>"$tmp/result-all"
passed=$(grep -c '^ok$' "$tmp/result-all")
failed=$(grep -c '^FAIL' "$tmp/result-all")
grep -v '^ok$' "$tmp/result-all"

echo "crash points: $passed passed, $failed failed"
[ $failed -eq 0 ]
