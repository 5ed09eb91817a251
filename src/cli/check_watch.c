/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk check --watch FILE`: the check again each time the file is saved. inotify watches the
 * file's directory, not the file, so that an editor that saves by writing a new file and renaming
 * it over the old one (vim, sed -i, most IDEs) is seen as well as one that writes in place. */
#define _GNU_SOURCE /* ppoll */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "xalloc.h"

/* Saves come as bursts of events (write, close, rename), a few milliseconds apart at most: this
 * long without one ends a burst. */
#define SETTLE_MS 20

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

/* Blocks SIGINT, SIGTERM and SIGHUP (they are taken only inside ppoll) and sets their handler;
 * *old receives the previous mask. */
static void catch_signals(sigset_t *old)
{
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	sigset_t block;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&block);
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
		sigaction(signals[i], &sa, NULL);
		sigaddset(&block, signals[i]);
	}
	sigprocmask(SIG_BLOCK, &block, old);
}

/* True when the inotify events in buf (n bytes) include one for the file named base. */
static bool names_file(const char *buf, ssize_t n, const char *base)
{
	for (ssize_t at = 0; at + (ssize_t)sizeof(struct inotify_event) <= n;) {
		const struct inotify_event *ev = (const struct inotify_event *)(buf + at);

		if (ev->len > 0 && strcmp(ev->name, base) == 0)
			return true;
		at += (ssize_t)sizeof(*ev) + ev->len;
	}
	return false;
}

/* Reads what the keyboard or standard input sent: true when it asks to quit (q). Sets *open to
 * false at the end of input, after which standard input is no longer read. */
static bool wants_quit(bool terminal, bool *open)
{
	char buf[256];
	ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));

	if (n <= 0) {
		*open = n < 0 && (errno == EINTR || errno == EAGAIN);
		return false;
	}
	for (ssize_t i = 0; i < n; i++)
		if ((buf[i] == 'q' || buf[i] == 'Q') && (terminal || i + 1 == n || buf[i + 1] == '\n'))
			return true;
	return false;
}

/* Runs the check and prints a line that ends its findings, flushing both streams. */
static int check_now(const char *path, bool strict, const char *why)
{
	int status;
	char stamp[16];
	time_t now = time(NULL);

	strftime(stamp, sizeof(stamp), "%H:%M:%S", localtime(&now));
	if (why)
		printf("--- %s %s %s: checking again\n", stamp, path, why);
	fflush(stdout);
	status = cli_check_file(path, strict);
	printf("--- %s: %s; watching for changes (q to stop)\n", path,
	       status == EXIT_OK ? "no errors" : status == EXIT_INPUT ? "cannot be read" : "problems found");
	fflush(stdout);
	fflush(stderr);
	return status;
}

int cli_check_watch(const char *path, bool strict)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	bool terminal = isatty(STDIN_FILENO), input_open = true, quit = false;
	struct termios saved, raw;
	sigset_t old;
	int fd, status;

	xalloc_exit_later(); /* each check frees what it loaded: the process goes on */
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	else
		strcpy(dir, ".");
	fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	if (fd < 0 || inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO) < 0) {
		fprintf(stderr, "pathwalk: %s: cannot watch: %s\n", dir, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(dir);
		return EXIT_INPUT;
	}
	if (terminal && tcgetattr(STDIN_FILENO, &saved) == 0) {
		raw = saved;
		raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	} else {
		terminal = false;
	}
	catch_signals(&old);
	status = check_now(path, strict, NULL);
	while (!quit && !caught) {
		struct pollfd fds[2] = { { fd, POLLIN, 0 }, { STDIN_FILENO, POLLIN, 0 } };
		char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
		bool changed = false;
		ssize_t n;

		if (ppoll(fds, input_open ? 2 : 1, NULL, &old) < 0)
			continue; /* EINTR: a signal, seen by the loop's condition */
		if (input_open && (fds[1].revents & (POLLIN | POLLHUP)))
			quit = wants_quit(terminal, &input_open);
		if (!(fds[0].revents & POLLIN) || quit)
			continue;
		/* Drain the burst: events until none has come for SETTLE_MS. */
		do {
			while ((n = read(fd, buf, sizeof(buf))) > 0)
				changed = changed || names_file(buf, n, base);
		} while (poll(fds, 1, SETTLE_MS) > 0 && !caught);
		if (changed && !caught)
			status = check_now(path, strict, "changed");
	}
	if (terminal)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	sigprocmask(SIG_SETMASK, &old, NULL);
	close(fd);
	free(dir);
	return caught ? 128 + caught : status;
}
