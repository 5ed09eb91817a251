/* SPDX-License-Identifier: Apache-2.0 */
/* A fault-injection shim for the crash-point test (tests/cli/crash_points.sh), loaded with
 * LD_PRELOAD: PATHWALK_CRASH="CALL:N" kills the process with SIGKILL at the N-th call of CALL,
 * where CALL is
 *   write      before the N-th write() writes anything
 *   tear       after the N-th write() has written the first half of its buffer (a torn write)
 *   fdatasync  before the N-th fdatasync() (the lines written are in the page cache, not synced)
 *   eio        the N-th fdatasync() fails with EIO instead (nothing is killed)
 * Only the program's own calls are seen (stdio writes through libc's internal calls are not).
 * PATHWALK_CRASH_COUNT=FILE writes "write W fdatasync S" there at exit: how many calls of each a
 * run made, so the test knows every point to kill at from one uninterrupted run. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long calls_write, calls_sync;

/* The N of PATHWALK_CRASH when its CALL is name, else 0. */
static long target(const char *name)
{
	const char *spec = getenv("PATHWALK_CRASH");
	size_t len = strlen(name);

	if (!spec || strncmp(spec, name, len) != 0 || spec[len] != ':')
		return 0;
	return strtol(spec + len + 1, NULL, 10);
}

ssize_t write(int fd, const void *buf, size_t count)
{
	static ssize_t (*real)(int, const void *, size_t);
	long n;

	if (!real)
		real = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	calls_write++;
	if ((n = target("write")) == calls_write)
		raise(SIGKILL);
	if ((n = target("tear")) == calls_write) {
		if (count > 1)
			(void)real(fd, buf, count / 2);
		raise(SIGKILL);
	}
	return real(fd, buf, count);
}

int fdatasync(int fd)
{
	static int (*real)(int);

	if (!real)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
	calls_sync++;
	if (target("fdatasync") == calls_sync)
		raise(SIGKILL);
	if (target("eio") == calls_sync) {
		errno = EIO;
		return -1;
	}
	return real(fd);
}

/* With PATHWALK_CRASH_COUNT set, writes the counts of the calls seen to that file at exit. */
__attribute__((destructor)) static void write_counts(void)
{
	const char *path = getenv("PATHWALK_CRASH_COUNT");
	FILE *f;

	if (!path || !(f = fopen(path, "w")))
		return;
	fprintf(f, "write %ld fdatasync %ld\n", calls_write, calls_sync);
	fclose(f);
}
