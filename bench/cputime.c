/* SPDX-License-Identifier: Apache-2.0 */
/* cputime NAME COMMAND...: ctest's launcher of every test. It runs COMMAND and exits with its
 * status. When PATHWALK_SUITE_CPU names a directory, it also becomes a child subreaper (so the
 * daemons a test starts, tmux servers, are reaped here and their CPU counted), waits for every
 * descendant (at most 5 s after COMMAND ends) and appends one line "USER SYS WALL LEFTOVER NAME
 * START END" (seconds; LEFTOVER 1 when a descendant outlived the wait; START and END on the
 * monotonic clock, when COMMAND started and ended) to DIR/times, which bench/suite.sh reads.
 * Otherwise it only execs COMMAND. Standalone: no project code. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval tv) { return (double)tv.tv_sec + (double)tv.tv_usec / 1e6; }

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reaps descendants until none is left or LIMIT seconds have passed; returns how many remain
 * (1 when some do, 0 when none). */
static int reap_rest(double limit)
{
	double end = now() + limit;

	for (;;) {
		pid_t pid = waitpid(-1, NULL, WNOHANG);

		if (pid < 0 && errno == ECHILD)
			return 0;
		if (pid > 0)
			continue;
		if (now() > end)
			return 1;
		usleep(2000);
	}
}

int main(int argc, char **argv)
{
	const char *dir = getenv("PATHWALK_SUITE_CPU");
	char path[4096], line[512];
	int wstatus, status, leftover, fd, len;
	struct rusage ru;
	double start, end;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: cputime NAME COMMAND...\n");
		return 2;
	}
	if (!dir || !*dir) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "cputime: %s: %s\n", argv[2], strerror(errno));
		return 127;
	}
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	start = now();
	pid = fork();
	if (pid < 0) {
		perror("cputime: fork");
		return 127;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "cputime: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	/* Reap whatever ends meanwhile too: an orphan that exited stays no zombie while the test runs. */
	for (;;) {
		pid_t done = waitpid(-1, &wstatus, 0);

		if (done == pid || (done < 0 && errno != EINTR))
			break;
	}
	end = now();
	status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
	leftover = reap_rest(5.0);
	getrusage(RUSAGE_CHILDREN, &ru);
	/* One write to an O_APPEND file: lines of tests ending at once do not interleave. */
	snprintf(path, sizeof path, "%s/times", dir);
	len = snprintf(line, sizeof line, "%.3f %.3f %.3f %d %s %.3f %.3f\n", seconds(ru.ru_utime),
		       seconds(ru.ru_stime), now() - start, leftover, argv[1], start, end);
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0644);
	if (fd >= 0) {
		if (write(fd, line, (size_t)len) != len)
			perror("cputime: write");
		close(fd);
	}
	return status;
}
