#!/usr/bin/env bash
# Times `pathwalk check` on synthetic pathways of 1k, 10k and 100k nodes and `pathwalk replay` of a
# bundled case over 100 runs, and prints a small table. Builds nothing: point it at a build dir.
# Usage: bench/run.sh [BUILD_DIR]   (default ./build; run from the source tree)
# GENPATHWAY=/path/to/genpathway overrides where the generator is looked for.
set -u
build=${1:-./build}
src=$(cd "$(dirname "$0")/.." && pwd)
bin=$build/pathwalk
runs=100

gen=${GENPATHWAY:-}
if [ -z "$gen" ]; then
	for g in "$build/genpathway" "$build/bench/genpathway"; do
		[ -x "$g" ] && gen=$g && break
	done
fi
if [ ! -x "$bin" ]; then
	echo "bench: $bin not found; build first: cmake -S . -B $build && cmake --build $build" >&2
	exit 2
fi
if [ -z "$gen" ] || [ ! -x "$gen" ]; then
	echo "bench: genpathway not found in $build; build it (cmake --build $build --target genpathway," >&2
	echo "       or cc -O2 -o /tmp/genpathway $src/bench/genpathway.c) and set GENPATHWAY" >&2
	exit 2
fi

tmp=$(mktemp -d /tmp/pathwalk-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC
have_gnu_time=false
/usr/bin/time -f %e true >/dev/null 2>&1 && have_gnu_time=true
status=0

# measure OUT_PREFIX CMD...: one timed run; leaves seconds, peak KB and the exit code in files.
measure() {
	local out=$1
	shift
	if $have_gnu_time; then
		/usr/bin/time -f "%e %M" -o "$out.time" "$@" >"$out.stdout" 2>"$out.stderr"
		echo $? >"$out.rc"
	else
		local t0 t1
		t0=$(date +%s.%N)
		"$@" >"$out.stdout" 2>"$out.stderr"
		echo $? >"$out.rc"
		t1=$(date +%s.%N)
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f ?\n", b - a }' >"$out.time"
	fi
	# GNU time prepends "Command exited with non-zero status N" on failure: keep the last line.
	tail -n 1 "$out.time" >"$out.time.last"
}

printf '%-34s %9s %11s %10s %12s\n' "benchmark" "nodes" "bytes" "seconds" "peak RSS KB"
for n in 1000 10000 100000; do
	file=$tmp/synthetic-$n.cfg
	if ! "$gen" "$n" >"$file"; then
		echo "bench: genpathway $n failed" >&2
		status=1
		continue
	fi
	measure "$tmp/check-$n" "$bin" check "$file"
	read -r secs kb <"$tmp/check-$n.time.last"
	rc=$(cat "$tmp/check-$n.rc")
	printf '%-34s %9d %11d %10s %12s\n' "check synthetic-$n" "$n" "$(wc -c <"$file")" "$secs" "$kb"
	if [ "$rc" != 0 ]; then
		echo "  ! pathwalk check exited $rc:" >&2
		head -n 10 "$tmp/check-$n.stderr" | sed 's/^/  | /' >&2
		status=1
	fi
done

# A typical walk through several decisions; any bundled case will do when it is gone.
case_file=
for c in "$src"/config/cases/v5-sij-eligible.cfg "$src"/config/cases/*.cfg; do
	[ -f "$c" ] && case_file=$c && break
done
if [ -z "$case_file" ]; then
	echo "bench: no bundled case in $src/config/cases; replay not timed" >&2
	exit 1
fi
name=$(basename "$case_file" .cfg)

measure "$tmp/replay" "$bin" replay "$case_file"
read -r secs kb <"$tmp/replay.time.last"
rc=$(cat "$tmp/replay.rc")
if [ "$rc" != 0 ] && [ "$rc" != 4 ]; then
	echo "  ! pathwalk replay $name exited $rc:" >&2
	head -n 10 "$tmp/replay.stderr" | sed 's/^/  | /' >&2
	status=1
fi
printf '%-34s %9s %11d %10s %12s\n' "replay $name (1 run)" "-" "$(wc -c <"$case_file")" "$secs" "$kb"

if command -v hyperfine >/dev/null 2>&1; then
	hyperfine -N -i --warmup 3 --runs "$runs" --export-json "$tmp/h.json" \
		"$bin replay $case_file" >/dev/null 2>&1
	mean=$(sed -n 's/.*"mean": *\([0-9.e-]*\).*/\1/p' "$tmp/h.json" | head -n 1)
	total=$(awk -v m="$mean" -v r="$runs" 'BEGIN { printf "%.3f", m * r }')
	tool=hyperfine
else
	t0=$(date +%s.%N)
	for ((i = 0; i < runs; i++)); do
		"$bin" replay "$case_file" >/dev/null 2>&1
	done
	t1=$(date +%s.%N)
	total=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
	tool=loop
fi
mean_ms=$(awk -v t="$total" -v r="$runs" 'BEGIN { printf "%.2f", t * 1000 / r }')
printf '%-34s %9s %11s %10s %12s\n' "replay $name ($runs runs, $tool)" "-" "-" "$total" "-"
printf '%-34s %9s %11s %10s %12s\n' "  mean per replay (ms)" "-" "-" "$mean_ms" "-"
exit $status
