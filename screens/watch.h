/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk report --watch DIR`: the live view of a training room (src/cohort/room.h) on the terminal,
 * or as plain lines (--plain), redrawn when a journal in DIR changes (inotify: it sleeps in the
 * kernel between changes, and never opens a journal but read-only). */
#ifndef PATHWALK_WATCH_H
#define PATHWALK_WATCH_H

#include <stdbool.h>

struct watch_options {
	const char *dir;
	const char *pathway_id; /* only journals of this pathway count; NULL: the one most use */
	const char *prefer;     /* the pathway a tie goes to (the bundled one); may be NULL */
	bool force;             /* count journals whose hash chain does not hold */
	bool plain;
};

/* Watches until q (a key on the terminal; a line "q" with --plain) or a terminating signal.
 * Returns 0 after q, 2 when the curses view has no terminal, 3 when DIR cannot be read or
 * watched (the message printed), 128+N after signal N. The terminal is restored on every path. */
int watch_run(const struct watch_options *o);

#endif
