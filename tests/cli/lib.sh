# SPDX-License-Identifier: Apache-2.0
# The preamble of the command-line tests, sourced by each as `. "$(dirname "$0")/lib.sh" "$@"`:
# the binary and the source directory from the arguments (PATHWALK SRC, made absolute), a
# temporary directory $tmp removed at exit, and the counters with ok and bad (FAIL: message).
set -u
bin=${1:?pathwalk binary}
src=${2:?source dir}
# abs_dir DIR: sets abs_path to DIR made absolute, as $(cd DIR && pwd) prints it, in this shell (no
# subshell: the working directory and OLDPWD are put back); empty when DIR cannot be entered.
abs_dir() {
	local back=$PWD OLDPWD
	abs_path=
	CDPATH='' cd -- "$1" 2>/dev/null || return 0
	abs_path=$PWD
	cd -- "$back" || exit 2
}
case $bin in
*/*) bin_dir=${bin%/*} && abs_dir "${bin_dir:-/}" ;;
*) abs_dir . ;;
esac
bin=$abs_path/${bin##*/}
abs_dir "$src"
src=$abs_path
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
# order_later FILE DESCRIPTION TEXT...: each TEXT (no newline in it) occurs in FILE, on a later line
# than the one before; checked with the others queued by order_checked (FILE must not change until
# then), where one awk reads each file once and takes, for each TEXT in turn, the first line after
# the last match that holds it. Shared by plan_logs.sh and human_words.sh.
order_later() {
	local text
	order_files+=("$1") order_what+=("$2")
	for text in "${@:3}"; do printf '%d\t%s\n' "${#order_files[@]}" "$text"; done >>"$tmp/order.spec"
}
order_checked() {
	[ "${#order_files[@]}" -gt 0 ] || return 0
	local i=0 result
	while IFS= read -r result; do
		if [ "$result" = ok ]; then ok; else
			result=${result#missing$'\t'}
			bad "${order_what[$i]}: '${result%$'\t'*}' not after line ${result##*$'\t'} of $(basename "${order_files[$i]}")"
		fi
		i=$((i + 1))
	done < <(LC_ALL=C awk -v spec="$tmp/order.spec" 'BEGIN {
		while ((getline line < spec) > 0) {
			t = index(line, "\t"); f = substr(line, 1, t - 1) + 0
			want[f, ++count[f]] = substr(line, t + 1)
		}
		for (f = 1; f < ARGC; f++) {
			k = 1; last = 0; n = 0
			while ((r = (getline line < ARGV[f])) > 0) {
				n++
				if (k <= count[f] && index(line, want[f, k])) { k++; last = n }
			}
			close(ARGV[f])
			if (r < 0) printf "missing\t%s\t0\n", want[f, 1]
			else if (k <= count[f]) printf "missing\t%s\t%d\n", want[f, k], last
			else print "ok"
		}
	}' "${order_files[@]}")
	[ "$i" = "${#order_files[@]}" ] || bad "only $i of the ${#order_files[@]} orders were checked"
	order_files=() order_what=()
	rm -f "$tmp/order.spec"
}
order_files=() order_what=()
