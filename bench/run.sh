#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Measures pathwalk against its floor, as ratios in one run (the machine may be noisy: only ratios
# count, never absolute times). For synthetic pathways of 1k, 10k and 100k nodes and the largest
# one `pathwalk check` accepts, it runs `pathwalk check FILE` and `bareparse FILE` (libconfig's own
# parse, nothing else) alternately and prints the ratio of their CPU time (median and range over
# the pairs), the CPU time per node (flat when growth is linear), and the ratio of peak RSS; the
# same against `bareparse --visit` (a parse that also reads every setting once). Then the ratio of
# `pathwalk replay --json` of a bundled case (with its what_if) to a bare parse of the bundled pathway
# (below 1x since the bundled tree is made at build time), that and a bundled `check` against
# `pathwalk --version` (the start-up floor), and replay on the synthetic 10k-node pathway.
# Last, bench/idle_syscalls.sh: the system calls of an idle walk in 5 s (strace -c -p) and the CPU
# time per key of a walk (skipped, with a note, when strace or tmux is missing).
# Goals (issue 20): check <= 1.3x at 100k nodes, peak RSS <= 1.5x, replay --json <= 1.5x, no
# system call in an idle walk, under 1 ms of CPU per key.
# Usage: bench/run.sh [BUILD_DIR]   (default ./build; builds nothing)
# RUNS_SMALL (default 21), RUNS_LARGE (11) and RUNS_REPLAY (51) set the pairs per measurement.
# Exit 0 when every goal is met, 1 when one is missed or a run failed, 2 when tools are missing.
set -u
build=${1:-./build}
src=$(cd "$(dirname "$0")/.." && pwd)
bin=$build/pathwalk
runs_small=${RUNS_SMALL:-21}
runs_large=${RUNS_LARGE:-11}
runs_replay=${RUNS_REPLAY:-51}
max_bytes=$((64 * 1024 * 1024)) # PATHWAY_MAX_BYTES in src/pathway/pathway.h

for tool in pathwalk genpathway bareparse pairs; do
	if [ ! -x "$build/$tool" ]; then
		echo "bench: $build/$tool not found; build first: cmake -S . -B $build && cmake --build $build" >&2
		exit 2
	fi
done

tmp=$(mktemp -d /tmp/pathwalk-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC
status=0

# goal NAME VALUE LIMIT: prints whether VALUE <= LIMIT and clears status when not.
goal() {
	if awk -v v="$2" -v l="$3" 'BEGIN { exit !(v <= l) }'; then
		printf '  goal %-40s %6.2fx <= %.2fx: met\n' "$1" "$2" "$3"
	else
		printf '  goal %-40s %6.2fx <= %.2fx: NOT MET\n' "$1" "$2" "$3"
		status=1
	fi
}

# field NAME LINE: the value after NAME in a line printed by pairs.
field() {
	awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }' <<<"$2"
}

# compare RUNS A... -- B...: runs pairs and leaves its line in $line (empty on failure).
compare() {
	line=$("$build/pairs" "$@" 2>"$tmp/pairs.err") || {
		echo "bench: a run failed or changed its exit status:" >&2
		sed 's/^/  | /' "$tmp/pairs.err" >&2
		status=1
	}
}

# The largest node count whose synthetic pathway still fits in PATHWAY_MAX_BYTES.
largest_nodes() {
	local bytes n
	bytes=$(wc -c <"$tmp/synthetic-100000.cfg")
	n=$((100000 * max_bytes / bytes))
	while [ "$n" -gt 100000 ] && [ "$("$build/genpathway" "$n" | wc -c)" -gt "$max_bytes" ]; do
		n=$((n - n / 100))
	done
	echo "$n"
}

printf '%-9s %9s %7s %7s %23s %9s %7s %9s\n' nodes bytes runs "check" "check/parse (range)" "µs/node" "RSS" "/visit"
ratio_100k=
rss_100k=
for n in 1000 10000 100000 largest; do
	[ "$n" = largest ] && n=$(largest_nodes)
	file=$tmp/synthetic-$n.cfg
	if ! "$build/genpathway" "$n" >"$file"; then
		echo "bench: genpathway $n failed" >&2
		status=1
		continue
	fi
	if ! "$bin" check "$file" >/dev/null 2>"$tmp/check.err"; then
		echo "bench: pathwalk check refuses synthetic-$n:" >&2
		head -n 5 "$tmp/check.err" | sed 's/^/  | /' >&2
		status=1
		continue
	fi
	runs=$runs_small
	[ "$n" -ge 100000 ] && runs=$runs_large
	compare "$runs" "$bin" check "$file" -- "$build/bareparse" "$file"
	[ -n "$line" ] || continue
	parse=$line
	compare "$runs" "$bin" check "$file" -- "$build/bareparse" --visit "$file"
	visit=${line:-"ratio ?"}
	printf '%-9s %9d %7d %6.0fms %6.2fx (%.2f..%.2f) %9.2f %6.2fx %8sx\n' "$n" "$(wc -c <"$file")" "$runs" \
		"$(field a_ms "$parse")" "$(field ratio "$parse")" "$(echo "$parse" | awk '{ print $3 }')" \
		"$(echo "$parse" | awk '{ print $4 }')" \
		"$(awk -v ms="$(field a_ms "$parse")" -v n="$n" 'BEGIN { printf "%.2f", ms * 1000 / n }')" \
		"$(field rss_ratio "$parse")" "$(field ratio "$visit")"
	if [ "$n" = 100000 ]; then
		ratio_100k=$(field ratio "$parse")
		rss_100k=$(field rss_ratio "$parse")
	fi
	rss_last=$(field rss_ratio "$parse")
done

case_file=$src/config/cases/v5-sij-eligible.cfg
[ -f "$case_file" ] || case_file=$(ls "$src"/config/cases/*.cfg 2>/dev/null | head -n 1)
if [ -z "$case_file" ]; then
	echo "bench: no bundled case in $src/config/cases" >&2
	exit 1
fi
compare "$runs_replay" "$bin" replay --json "$case_file" -- "$build/bareparse" "$src/config/sciatica.cfg"
replay=$line
if [ -n "$replay" ]; then
	printf '\nreplay --json %s vs a bare parse of the bundled pathway, %d pairs:\n' "$(basename "$case_file")" "$runs_replay"
	printf '  %.2fms vs %.2fms: %.2fx (range %s..%s), peak RSS %.2fx\n' "$(field a_ms "$replay")" \
		"$(field b_ms "$replay")" "$(field ratio "$replay")" "$(echo "$replay" | awk '{ print $3 }')" \
		"$(echo "$replay" | awk '{ print $4 }')" "$(field rss_ratio "$replay")"
	printf '  (below 1x: pathwalk does not parse the bundled pathway at run time, it rebuilds the tree\n'
	printf '  libconfig parsed at build time; the start-up floor, pathwalk --version, is below)\n'
fi
compare "$runs_replay" "$bin" replay --json "$case_file" -- "$bin" --version
startup=$line
compare "$runs_replay" "$bin" check -- "$bin" --version
if [ -n "$startup" ] && [ -n "$line" ]; then
	printf 'the bundled pathway against pathwalk --version (start-up alone), %d pairs:\n' "$runs_replay"
	printf '  replay --json %s: %.2fms vs %.2fms: %.2fx (range %s..%s)\n' "$(basename "$case_file")" \
		"$(field a_ms "$startup")" "$(field b_ms "$startup")" "$(field ratio "$startup")" \
		"$(echo "$startup" | awk '{ print $3 }')" "$(echo "$startup" | awk '{ print $4 }')"
	printf '  check: %.2fms vs %.2fms: %.2fx (range %s..%s)\n' "$(field a_ms "$line")" "$(field b_ms "$line")" \
		"$(field ratio "$line")" "$(echo "$line" | awk '{ print $3 }')" "$(echo "$line" | awk '{ print $4 }')"
fi

# replay --json with its what_if (every single-answer change replayed) on a synthetic 10k-node
# pathway, against a bare parse of that file; every variable answered so every one is varied.
cat >"$tmp/synthetic-case.cfg" <<'CASE'
case = { id = "synthetic"; answers = { pain_nrs = 6; pain_weeks = 12; age = 50; bmi = 27; sessions = 4;
  depression_score = 5; radicular_pain = true; prior_surgery = false; smoker = false; night_pain = true;
  last_injection_type = "tpi"; setting = "primary"; sex = "f"; flags = [ "a", "b" ];
  sij_tests = [ "patrick_faber", "thigh_thrust", "sacral_thrust" ]; mri_findings = [ "disc" ];
  assessment_date = "2025-02-17"; last_injection_date = "2024-11-01"; onset_date = "2024-06-01"; }; };
CASE
if [ -f "$tmp/synthetic-10000.cfg" ]; then
	compare 5 "$bin" replay --json -p "$tmp/synthetic-10000.cfg" "$tmp/synthetic-case.cfg" -- \
		"$build/bareparse" "$tmp/synthetic-10000.cfg"
	if [ -n "$line" ]; then
		printf '\nreplay --json (with what_if, %s entries) on synthetic-10000 vs its bare parse, 5 pairs:\n' \
			"$("$bin" replay --json -p "$tmp/synthetic-10000.cfg" "$tmp/synthetic-case.cfg" | grep -o '"variable"' | wc -l)"
		printf '  %.2fms vs %.2fms: %.2fx (range %s..%s)\n' "$(field a_ms "$line")" "$(field b_ms "$line")" \
			"$(field ratio "$line")" "$(echo "$line" | awk '{ print $3 }')" "$(echo "$line" | awk '{ print $4 }')"
	fi
fi

idle=
per_key=
if command -v strace >/dev/null && command -v tmux >/dev/null; then
	printf '\nan idle walk (bench/idle_syscalls.sh, 5 s) and its CPU time per key:\n'
	bash "$src/bench/idle_syscalls.sh" "$build" 5 >"$tmp/idle.out" 2>&1
	idle=$(awk '/^idle system calls:/ { print $4 }' "$tmp/idle.out")
	per_key=$(awk '/^CPU per key:/ { print $4 }' "$tmp/idle.out")
	printf '  system calls while idle: %s; CPU per key: %s ms\n' "${idle:-?}" "${per_key:-?}"
	if [ -z "$idle" ] || [ -z "$per_key" ]; then
		echo "bench: bench/idle_syscalls.sh failed:" >&2
		sed 's/^/  | /' "$tmp/idle.out" >&2
		status=1
	fi
else
	printf '\nan idle walk: skipped (bench/idle_syscalls.sh needs strace and tmux)\n'
fi

echo
[ -n "$ratio_100k" ] && goal "check / bare parse at 100k nodes (CPU)" "$ratio_100k" 1.3
[ -n "$rss_100k" ] && goal "check / bare parse at 100k nodes (peak RSS)" "$rss_100k" 1.5
[ -n "${rss_last:-}" ] && goal "check / bare parse, largest file (peak RSS)" "$rss_last" 1.5
[ -n "$replay" ] && goal "replay --json / bare parse of the pathway" "$(field ratio "$replay")" 1.5
# limit NAME VALUE LIMIT UNIT: as goal, for a figure that is not a ratio.
limit() {
	if awk -v v="$2" -v l="$3" 'BEGIN { exit !(v <= l) }'; then
		printf '  goal %-40s %6s %s <= %s: met\n' "$1" "$2" "$4" "$3"
	else
		printf '  goal %-40s %6s %s <= %s: NOT MET\n' "$1" "$2" "$4" "$3"
		status=1
	fi
}
[ -n "$idle" ] && limit "system calls of an idle walk in 5 s" "$idle" 0 calls
[ -n "$per_key" ] && limit "CPU per key of a walk" "$per_key" 1 ms
exit $status
