#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Crash points: a plain walk (with a back and an override, driven by crash_walk.py) is killed at
# every fdatasync, before every write and halfway through every write (the LD_PRELOAD shim of
# tests/shim/crash.c, which also counts the calls of the uninterrupted walk). Each journal left
# behind renders, resumes and finishes to exactly the events of an uninterrupted walk (start,
# resume and interruption markers, seq, time and prev aside), and `pathwalk verify` accepts it.
# Then an fdatasync that fails with EIO is noticed on that very action, and the journal written
# elsewhere holds everything. One python3 process (crash_points.py) runs the points, CRASH_JOBS
# (default 4) at a time, and finishes each journal a kill left once, for every point that left it
# byte for byte. Usage: crash_points.sh PATHWALK SRC
# The journals are written under /dev/shm when it is there and TMPDIR is not set: each walk syncs
# 17 times, and a disk's flushes cost wall time while checking nothing here (a SIGKILL loses no
# write the kernel has taken; what a crash leaves behind is the shim's doing).
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	export TMPDIR=/dev/shm
fi
. "$(dirname "$0")/lib.sh" "$@"
shim=${PATHWALK_CRASH_SHIM:-}
if ! command -v python3 >/dev/null 2>&1 || [ -z "$shim" ] || [ ! -f "$shim" ]; then
	echo "SKIP: the crash-point test needs python3 and the shim (PATHWALK_CRASH_SHIM, built by CMake)"
	exit 0
fi
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8
# The shim comes first in the library list; a sanitizer build must be told that this is fine.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
python3 -B "$src/tests/cli/crash_points.py" "$bin" "$src" "$shim" "$tmp" "${CRASH_JOBS:-4}"
