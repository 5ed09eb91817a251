/* SPDX-License-Identifier: Apache-2.0 */
/* Training sessions (`pathwalk train`): the faces over src/training.[ch]. The curses trainer asks
 * the trainee's name, offers the case library (a menu, filtered by stage, endpoint or text) or
 * runs the given cases, each as its own journaled session with the vignette, blind decisions,
 * reveals and a debrief; the headless trainer reads one choice per decision from stdin. */
#ifndef PATHWALK_TRAIN_H
#define PATHWALK_TRAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "caselib.h"
#include "caseset.h"
#include "training.h"

struct train_options {
	const struct pathway *pw;
	struct casefile *const *cases; /* given on the command line, in order; none: the menu */
	size_t ncases;
	const struct caseset *set;      /* --set: the menu offers its cases in its order; NULL none */
	const struct caselib *library;  /* the menu's cases */
	const char *stage, *endpoint;   /* menu filters; NULL: any */
	const char *trainee;            /* NULL: asked (curses) */
	const char *log_path;           /* with exactly one case; NULL: the default location */
	bool enter_findings;            /* the trainee types the findings (curses only) */
	bool plain;
};

/* Runs the training sessions. Returns the exit status: 0 when every session finished or the
 * trainee quit, 1 input ended early (--plain), 3 a bad choice line (--plain, not a terminal) or a
 * case that does not fit, 4 a case lacks an answer the route needs, 5 a journal not writable,
 * 128+N on signal N. Prints each journal's and printable log's paths once the terminal is
 * restored; with --plain each session's output ends with "score: C/T". */
int train_run(const struct train_options *o);

/* The headless session of t (already begun, writing to journal): prints the walk, reads choices,
 * prints reveals and the debrief. When the journal cannot be written and stdin is a terminal, asks
 * for another path to write all of it to (a script's stdin holds choices, not paths: it ends with
 * 5). Returns the exit status as train_run. */
int train_plain_run(struct training *t, struct journal *journal);

/* What the case menu offers: the library along the pathway, or a case set in its order. */
struct menu_list {
	const struct caselib_entry *const *entries; /* in the order shown */
	size_t count;
	const char *set_title;    /* a set's heading (its title, or "Case set"); NULL: the library */
	const bool *done;         /* a set's cases finished in this sitting, per entry; or NULL */
	const char *const *notes; /* per entry, what the sitting left of it ("1 of 2 correct"); or NULL */
	size_t start;             /* the entry the cursor starts on */
};

/* The case menu over list on the open terminal. Returns the index of the picked entry, or -1 when
 * the trainee quits (or *signal is set to the SIGTERM/SIGHUP that arrived). done lists what was
 * finished in this sitting, shown at the top (may be NULL). */
int menu_run(const struct pathway *pw, const struct menu_list *list, const char *stage, const char *endpoint,
	     const char *done, int *signal);

#endif
