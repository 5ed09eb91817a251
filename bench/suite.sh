#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Times the test suite: runs `ctest -j2` in BUILD_DIR (default ./build; builds nothing) with
# every test's CPU time recorded by its launcher (bench/cputime.c: user + system of the test and
# of everything it started, tmux servers included), then prints each test's wall time (ctest's
# own) and CPU time, slowest first, the top CPU consumers, and the totals: the run's wall time,
# its CPU time and the summed test time, and how long only one test (or none) was running: at -j2
# that is time a core had no test to run (a test's own idle waits are inside its wall time). The
# machine's load (uptime) is printed before and after: on a shared machine wall times grow with
# it, CPU times much less.
# Usage: bench/suite.sh [BUILD_DIR] [CTEST_ARGS...]   e.g. bench/suite.sh build -E crash_points
# TOP (default 15) sets how many CPU consumers are listed. Exits with ctest's status.
set -u
build=${1:-./build}
shift $(($# > 0 ? 1 : 0))
top=${TOP:-15}
if [ ! -f "$build/CTestTestfile.cmake" ] || [ ! -x "$build/cputime" ]; then
	echo "suite: $build is not a configured, built tree with tests: cmake -S . -B $build && cmake --build $build" >&2
	exit 2
fi
tmp=$(mktemp -d /tmp/pathwalk-suite.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/times"

echo "load before: $(uptime)"
PATHWALK_SUITE_CPU=$tmp /usr/bin/time -o "$tmp/run" -f '%e %U %S' \
	ctest --test-dir "$build" -j2 --output-on-failure "$@" >"$tmp/ctest.out" 2>&1
status=$?
echo "load after:  $(uptime)"
grep -E '^(The following tests FAILED|[[:space:]]+[0-9]+ - )' "$tmp/ctest.out"

# One table from ctest's result lines ("12/85 Test #12: unit/test_json ...   Passed    0.05 sec")
# and the launcher's lines ("USER SYS WALL LEFTOVER NAME").
awk -v top="$top" -v run="$(tail -n 1 "$tmp/run")" '
FNR == NR { cpu[$5] = $1 + $2; left[$5] = $4; next }
/ Test +#[0-9]+: / {
	name = $4
	wall[name] = $(NF - 1)
	result[name] = $0 ~ /Passed/ ? "" : "  (" ($0 ~ /Timeout/ ? "timeout" : "failed") ")"
	n++
}
END {
	printf "%8s %8s  %s\n", "wall s", "CPU s", "test (slowest first)"
	cmd = "sort -k1,1 -g -r"
	for (t in wall) {
		printf("%8.2f %8.2f  %s%s%s\n", wall[t], cpu[t], t, result[t], left[t] ? "  (left a process running)" : "") | cmd
		sumwall += wall[t]
		sumcpu += cpu[t]
	}
	close(cmd)
	printf "\ntop %d CPU consumers:\n", top
	cmd = "sort -k1,1 -g -r | head -n " top
	for (t in wall)
		printf("%8.2f s CPU %5.1f%%  %s\n", cpu[t], sumcpu > 0 ? 100 * cpu[t] / sumcpu : 0, t) | cmd
	close(cmd)
	split(run, r, " ")
	printf "\n%d tests: %.1f s wall at -j2, %.1f s CPU (%.1f user + %.1f sys), %.1f s of summed test time\n",
		n, r[1], r[2] + r[3], r[2], r[3], sumwall
}' "$tmp/times" "$tmp/ctest.out"

# The launcher's START and END of each test, swept in time order: how long fewer than two ran.
cpu=$(awk '{ c += $1 + $2 } END { print c + 0 }' "$tmp/times")
awk '{ print $6, 1; print $7, -1 }' "$tmp/times" | sort -k1,1 -g | awk -v cpu="$cpu" '
NR == 1 { first = $1 }
{
	if (NR > 1 && running < 2) alone += $1 - at
	running += $2
	at = $1
}
END {
	printf "fewer than two tests running: %.1f s of the %.1f s from the first start to the last end\n", alone, at - first
	printf "cores idle: %.1f core-seconds of the 2 x %.1f s (the tests\x27 own waits included)\n", 2 * (at - first) - cpu, at - first
}'
exit $status
