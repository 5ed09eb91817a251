# SPDX-License-Identifier: Apache-2.0
# The preamble of the command-line tests, sourced by each as `. "$(dirname "$0")/lib.sh" "$@"`:
# the binary and the source directory from the arguments (PATHWALK SRC, made absolute), a
# temporary directory $tmp removed at exit, and the counters with ok and bad (FAIL: message).
set -u
bin=${1:?pathwalk binary}
src=${2:?source dir}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
src=$(cd "$src" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
# python3: the interpreter CMake found (PATHWALK_PYTHON), without the site module (-S): the
# tests use the standard library only, and site-packages may hold start-up hooks (.pth files;
# pyenv's imports certifi, 0.08 s a start). Run by hand, without PATHWALK_PYTHON, python3 is PATH's.
# python_cmd: the same command as an array, for commands that start it themselves (timeout).
python_cmd=(python3)
if [ -n "${PATHWALK_PYTHON:-}" ] && [ -x "$PATHWALK_PYTHON" ]; then
	python_cmd=("$PATHWALK_PYTHON" -S)
	python3() { "${python_cmd[@]}" "$@"; }
fi
# file_has FILE TEXT: FILE exists and holds TEXT (a fixed string), read and matched in bash, so a
# check starts no process (a grep each cost a few ms of CPU).
file_has() {
	local text=
	[ -f "$1" ] && IFS= read -r -d '' text <"$1"
	[ -f "$1" ] && [[ $text == *"$2"* ]]
}
# in_memory: moves $tmp to /dev/shm when it can and TMPDIR does not say where (a test whose scratch
# files are journals, which pathwalk syncs to disk event by event, then waits on the disk for
# nothing).
in_memory() {
	local d
	[ -z "${TMPDIR:-}" ] || return 0
	d=$(mktemp -d -p /dev/shm 2>/dev/null) || return 0
	rmdir "$tmp" && tmp=$d
}
# in_two EACH LAST ITEM...: EACH ITEM for every ITEM, in two shells at once (one takes the odd
# ITEMs, the other the even ones, each in order, then runs LAST), each with a scratch directory of
# its own as $tmp ($tmp/twoN/part0, $tmp/twoN/part1 for the Nth call); their counts are added to
# these, and what they print follows, the first shell's first. Only counts and files come back.
in_two() {
	local each=$1 last=$2 dir part pids=() p f
	shift 2
	in_two_calls=$((${in_two_calls:-0} + 1))
	dir=$tmp/two$in_two_calls
	mkdir "$dir" || { bad "in_two: cannot make $dir"; return; }
	for part in 0 1; do
		(
			tmp=$dir/part$part passed=0 failed=0
			mkdir "$tmp" || exit 1
			set -- "${@:$((part + 1))}"
			while [ $# -gt 0 ]; do
				"$each" "$1"
				shift 2 2>/dev/null || shift
			done
			"$last"
			echo "$passed $failed" >"$tmp/counts"
		) >"$dir/part$part.log" 2>&1 &
		pids+=($!)
	done
	wait "${pids[@]}"
	for part in 0 1; do
		cat "$dir/part$part.log"
		if read -r p f 2>/dev/null <"$dir/part$part/counts"; then
			passed=$((passed + p)) failed=$((failed + f))
		else
			bad "the shell of part $part of $each stopped before its end"
		fi
	done
}
