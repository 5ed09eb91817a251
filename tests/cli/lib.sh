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
# in_memory: moves $tmp to /dev/shm when it can (a test whose scratch files are journals, which
# pathwalk syncs to disk event by event, then spends its time waiting on the disk for nothing).
in_memory() {
	local d
	d=$(mktemp -d -p /dev/shm 2>/dev/null) || return 0
	rmdir "$tmp" && tmp=$d
}
