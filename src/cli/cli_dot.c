/* SPDX-License-Identifier: Apache-2.0 */
/* `graph --format svg`: the DOT text piped through Graphviz's `dot -Tsvg`, found on PATH, whose
 * output goes straight to pathwalk's standard output. */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

extern char **environ;

int cli_dot_to_svg(const char *dot, size_t len)
{
	char *argv[] = { "dot", "-Tsvg", NULL };
	posix_spawn_file_actions_t actions;
	struct sigaction ignore = { 0 }, old;
	int fds[2], status = 0, err;
	size_t done = 0;
	pid_t pid;

	fflush(stdout);
	if (pipe(fds) != 0) {
		fprintf(stderr, "pathwalk: cannot run dot: %s\n", strerror(errno));
		return EXIT_OUTPUT;
	}
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
	posix_spawn_file_actions_addclose(&actions, fds[0]);
	posix_spawn_file_actions_addclose(&actions, fds[1]);
	err = posix_spawnp(&pid, "dot", &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	close(fds[0]);
	if (err != 0) {
		close(fds[1]);
		fprintf(stderr, "pathwalk: cannot run dot (%s): --format svg needs Graphviz's dot on PATH "
			"(Debian package graphviz); --format dot writes the DOT text instead\n", strerror(err));
		return EXIT_OUTPUT;
	}
	/* dot may stop reading early (it failed): a closed pipe is an error to report, not a signal. */
	ignore.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ignore, &old);
	while (done < len) {
		ssize_t n = write(fds[1], dot + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	close(fds[1]);
	sigaction(SIGPIPE, &old, NULL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (done < len || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "pathwalk: dot -Tsvg failed (%s); the DOT text is what `graph --format dot` "
			"writes\n", WIFEXITED(status) && WEXITSTATUS(status) == 127 ? "dot not found" : "see above");
		return EXIT_OUTPUT;
	}
	return EXIT_OK;
}
