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
if [ -n "${PATHWALK_PYTHON:-}" ] && [ -x "$PATHWALK_PYTHON" ]; then
	python3() { "$PATHWALK_PYTHON" -S "$@"; }
fi
# file_has FILE TEXT: FILE exists and holds TEXT (a fixed string), read and matched in bash, so a
# check starts no process (a grep each cost a few ms of CPU).
file_has() {
	local text=
	[ -f "$1" ] && IFS= read -r -d '' text <"$1"
	[ -f "$1" ] && [[ $text == *"$2"* ]]
}
