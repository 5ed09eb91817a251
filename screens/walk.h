/* The interactive walk (curses) and its plain line-mode twin: the faces over the session engine.
 * This header does not include curses, so src/main.c can call it. */
#ifndef PATHWALK_WALK_H
#define PATHWALK_WALK_H

#include <stdbool.h>

struct pathway;
struct casefile;

struct walk_options {
	const struct pathway *pw;
	const struct casefile *prefill; /* NULL: nothing pre-filled */
	const char *log_path;           /* NULL: the default location (see paths_default_journal) */
	bool plain;                     /* line-by-line prompts on stdin/stdout, no curses */
};

/* Runs a whole walk: creates the journal, the session, the screens; returns the process exit
 * status (0 finished or quit by the user, 5 journal not writable, 128+N when ended by signal N).
 * Prints the journal's path on stdout when the terminal has been restored. */
int walk_run(const struct walk_options *opt);

#endif
