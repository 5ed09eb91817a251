/* SPDX-License-Identifier: Apache-2.0 */
/* The interactive walk (curses) and its plain line-mode twin: the faces over the session engine.
 * This header does not include curses, so src/cli/main.c can call it. */
#ifndef PATHWALK_WALK_H
#define PATHWALK_WALK_H

#include <stdbool.h>

struct pathway;
struct casefile;
struct journal;
struct session;
struct training;

struct walk_options {
	const struct pathway *pw;
	const struct casefile *prefill; /* NULL: nothing pre-filled */
	const char *log_path;           /* NULL: the default location (see paths_default_journal) */
	const char *resume_path;        /* continue the interrupted session of this journal */
	const char *pathway_path;       /* -p as given (NULL: the bundled pathway), for the resume command */
	const char *case_path;          /* --case as given, for the resume command */
	const char *clinician, *patient; /* given on the command line: not asked */
	bool plain;                     /* line-by-line prompts on stdin/stdout, no curses */
	bool force;                     /* resume a journal whose hash chain is broken (--force) */
	bool ids;                       /* explanations also in pathway syntax, for authors (--ids) */
};

/* Runs a whole walk: asks the clinician's name and the patient reference (curses, skippable),
 * creates the journal (or reopens it with resume_path), the session, the screens; writes the
 * printable text log beside the journal at the end; returns the process exit status (0 finished
 * or quit by the user, 3 the journal to resume is unusable, 5 journal not writable, 128+N when
 * ended by signal N). Prints the journal's and the text log's paths on stdout once the terminal
 * has been restored. */
int walk_run(const struct walk_options *opt);

/* Creates a journal at log_path, or when it is NULL at a new default path named by the clock and
 * name (a case id, or NULL). Returns NULL with *error set (caller frees). */
struct journal *walk_create_journal(const char *log_path, const char *name, char **error);

/* The curses screens over session s until it ends: the terminal must be open (ui_open). t, when
 * not NULL, makes it a training session (blind decisions, reveal, vignette, debrief). j is the
 * session's journal, which the walk may move to another path when the disk is full. Returns the
 * exit status as walk_run. *fatal receives a message to print after the terminal is restored. */
int walk_screens(const struct walk_options *opt, struct session *s, struct training *t, struct journal *j,
		 const char *notice, char **fatal);

/* Prints "The walk is not finished. To continue it: pathwalk walk [-p FILE] [--case CASE]
 * [--plain] --resume JOURNAL" on stdout, each path quoted for the shell where needed. */
void walk_print_resume_command(const struct walk_options *opt, const char *journal_path);

/* Prints "Session log: JOURNAL" and "Printable log: PRINTABLE", or, when PRINTABLE is NULL, ERROR
 * (why it could not be written) to stderr. */
void walk_print_paths(const char *journal_path, const char *printable, const char *error);

/* Renders the printable text log beside the journal now and prints both paths as walk_print_paths.
 * Returns false when the printable log could not be written. */
bool walk_report_paths(const char *journal_path, const struct pathway *pw);

#endif
