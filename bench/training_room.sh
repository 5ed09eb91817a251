#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A training room at scale (issue 18): TRAINEES trainees (default 40) at once, each in a tmux
# window of its own on a private socket, each driven by a script through a case (`train --plain`,
# one choice every THINK seconds, as a trainee who thinks), journals in one directory, while the
# instructor's `report --watch DIR --plain` watches the room. It measures:
#   1. per trainee: CPU time (user + system) and peak memory (RSS) of the session, from GNU time;
#   2. `report` over TRAINEES x CASES journals (default 40 x 8 = 320, generated first with
#      `train --plain`), text and CSV, wall time (median of RUNS, default 5) and peak RSS;
#   3. `--watch` keeping up: while the room trains, PROBES journals (default 40) are written into
#      the directory one at a time and the time from the write to the watch printing the new
#      trainee's line is taken (median, 95th percentile, maximum), and the watch's own CPU and RSS.
# Usage: bench/training_room.sh [BUILD_DIR]   (default ./build; builds nothing)
# A benchmark: nothing here is a pass/fail test. Exit 2 when a tool is missing, 1 when a run failed.
set -u
build=${1:-./build}
bin=$(cd "$build" && pwd)/pathwalk
trainees=${TRAINEES:-40}
ncases=${CASES:-8}
think=${THINK:-1}
runs=${RUNS:-5}
probes=${PROBES:-40}

for tool in tmux python3 /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "bench: $bin not found; build first" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pathwalk-room.XXXXXX")
sock=pathwalk-room-$$
watch_pid=""
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null
	[ -n "$watch_pid" ] && kill "$watch_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
export TZ=UTC HOME=$work/home XDG_STATE_HOME=$work/state LC_ALL=C.UTF-8
mkdir -p "$work/gen" "$work/live" "$work/times" "$HOME"

# The vignettes (the edge cases are for authors), as many as asked for.
mapfile -t cases < <("$bin" train --list | awk '/^[^ ]/ {print $1}' | grep -v '^edge-' | head -n "$ncases")
[ "${#cases[@]}" -eq "$ncases" ] || { echo "bench: only ${#cases[@]} cases in the library" >&2; exit 1; }

# --- the journals of a whole course: TRAINEES x CASES sessions, one after the other ------------
start=$(date +%s.%N)
for ((t = 1; t <= trainees; t++)); do
	for c in "${cases[@]}"; do
		yes 1 | head -n 40 | "$bin" train --plain --trainee "$(printf 'g%02d' "$t")" \
			--log "$work/gen/g$t-$c.jsonl" "$c" >/dev/null 2>&1 || { echo "bench: train $c failed" >&2; exit 1; }
	done
done
gen_s=$(echo "$(date +%s.%N) - $start" | bc)
njournals=$(ls "$work/gen"/*.jsonl | wc -l)
gen_bytes=$(cat "$work/gen"/*.jsonl | wc -c)

# --- report over them: wall time and peak RSS ---------------------------------------------------
measure_report() { # FORMAT: prints "median_seconds max_rss_kb"
	local i out=() rss=0 r
	for ((i = 0; i < runs; i++)); do
		/usr/bin/time -f '%e %M' -o "$work/times/report" "$bin" report -f "$1" "$work/gen"/*.jsonl >/dev/null 2>&1
		read -r s r <"$work/times/report"
		out+=("$s")
		[ "$r" -gt "$rss" ] && rss=$r
	done
	printf '%s\n' "${out[@]}" | sort -n | awk -v rss="$rss" '{a[NR] = $1} END {print a[int((NR + 1) / 2)], rss}'
}
read -r report_text_s report_text_rss < <(measure_report text)
read -r report_csv_s report_csv_rss < <(measure_report csv)

# --- the room: TRAINEES at once, the watch on, probes written --------------------------------------
mkfifo "$work/watch.in"
exec 3<>"$work/watch.in" # holds the watch's input open; "q" on it ends the watch
/usr/bin/time -f '%e %U %S %M' -o "$work/times/watch" "$bin" report --watch "$work/live" --plain \
	<"$work/watch.in" >"$work/watch.out" 2>"$work/watch.err" &
watch_pid=$!
python3 - "$work/watch.out" <<'PY' || { echo "bench: the watch did not start" >&2; exit 1; }
import sys, time
end = time.monotonic() + 30
while time.monotonic() < end:
    if "--- watching" in open(sys.argv[1]).read():
        sys.exit(0)
    time.sleep(0.01)
sys.exit(1)
PY

cat >"$work/trainee.sh" <<EOF
#!/usr/bin/env bash
# trainee.sh N CASE: one trainee's session, a choice every $think s
(for i in \$(seq 40); do sleep $think; echo 1; done) |
	/usr/bin/time -f '%e %U %S %M' -o "$work/times/t\$1" "$bin" train --plain --trainee "t\$1" \\
		--log "$work/live/t\$1.jsonl" "\$2" >"$work/times/t\$1.out" 2>&1
echo \$? >"$work/times/t\$1.done"
EOF
tmux -L "$sock" -f /dev/null new-session -d -s room -x 80 -y 24
room_start=$(date +%s.%N)
for ((t = 1; t <= trainees; t++)); do
	tmux -L "$sock" new-window -t room "bash '$work/trainee.sh' $t '${cases[$(((t - 1) % ncases))]}'"
done

# While they train: write a probe journal (a course journal of another trainee) and time how long
# until the watch prints that trainee's line.
python3 - "$work" "$probes" "${cases[0]}" <<'PY' >"$work/latency"
import os, sys, time
work, probes, case = sys.argv[1], int(sys.argv[2]), sys.argv[3]
out = open(os.path.join(work, "watch.out"))
seen = out.read()
for n in range(1, probes + 1):
    src = os.path.join(work, "gen", "g%d-%s.jsonl" % (n, case))
    if not os.path.exists(src):
        break
    data = open(src, "rb").read()
    want = "g%02d: 1 session" % n
    t0 = time.monotonic()
    with open(os.path.join(work, "live", "probe-%d.jsonl" % n), "wb") as f:
        f.write(data)
    while want not in seen:
        chunk = out.read()
        if chunk:
            seen += chunk
        elif time.monotonic() - t0 > 10:
            print("timeout")
            break
        else:
            time.sleep(0.0005)
    print("%.4f" % (time.monotonic() - t0))
    time.sleep(0.1)
PY

# Every trainee done (a generous limit: the sessions take about 10 x THINK seconds).
limit=$(echo "$think * 60 + 60" | bc | cut -d. -f1)
for ((i = 0; i < limit * 10; i++)); do
	[ "$(ls "$work/times"/t*.done 2>/dev/null | wc -l)" -ge "$trainees" ] && break
	sleep 0.1
done
room_s=$(echo "$(date +%s.%N) - $room_start" | bc)
echo q >&3
wait "$watch_pid"
watch_pid=""
tmux -L "$sock" kill-server 2>/dev/null

done_ok=$(cat "$work/times"/t*.done 2>/dev/null | grep -cx 0)
# --- figures ---------------------------------------------------------------------------------------
python3 - "$work" "$trainees" "$done_ok" <<PY
import glob, os, statistics, sys
work, trainees, done_ok = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cpu, rss = [], []
for path in glob.glob(os.path.join(work, "times", "t*")):
    if path.endswith((".done", ".out")):
        continue
    fields = open(path).read().split()[-4:]
    cpu.append(float(fields[1]) + float(fields[2]))
    rss.append(int(fields[3]))
lat = [l.strip() for l in open(os.path.join(work, "latency"))]
timeouts = lat.count("timeout")
lat = sorted(float(l) for l in lat if l != "timeout")
w = open(os.path.join(work, "times", "watch")).read().split()[-4:]
def ms(x): return "%.1f ms" % (1000 * x)
print("training room: %d trainees at once, %d finished their session (exit 0); %.1f s wall" % (trainees, done_ok, $room_s))
if cpu:
    print("  per trainee: CPU %s mean, %s max; peak RSS %.1f MB mean, %.1f MB max" % (
        ms(statistics.mean(cpu)), ms(max(cpu)), statistics.mean(rss) / 1024, max(rss) / 1024))
print("report over %d journals (%.1f MB, generated in %.1f s): text %.2f s, csv %.2f s (median of $runs); peak RSS %.1f MB" % (
    $njournals, $gen_bytes / 1e6, $gen_s, $report_text_s, $report_csv_s, max($report_text_rss, $report_csv_rss) / 1024))
if lat:
    p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
    print("--watch: %d probes, write to line printed: median %s, p95 %s, max %s%s" % (
        len(lat), ms(statistics.median(lat)), ms(p95), ms(lat[-1]), ", %d timed out" % timeouts if timeouts else ""))
print("--watch itself: CPU %s over %.1f s; peak RSS %.1f MB" % (ms(float(w[1]) + float(w[2])), float(w[0]), int(w[3]) / 1024))
PY
[ "$done_ok" -eq "$trainees" ]
