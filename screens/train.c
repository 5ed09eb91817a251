/* SPDX-License-Identifier: Apache-2.0 */
/* train_run: one journaled session per case, run headless or on the curses screens, the trainee's
 * name asked once, the menu between cases when none were given (the library, or a case set's
 * cases in order with the done marks). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "train.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "journal.h"
#include "logfile.h"
#include "strbuf.h"
#include "xalloc.h"
#include "form.h"
#include "ui.h"
#include "walk.h"

/* What one session left for the summary printed once the terminal is restored. */
struct outcome {
	char *journal;
	char *printable;       /* the text log rendered beside the journal when the session ended */
	char *printable_error; /* why it was not, when printable is NULL */
	const char *title;     /* the case's title (the casefile outlives the run) */
	size_t correct, total;
	bool finished;
};

struct trainer {
	const struct train_options *o;
	const char *trainee;
	struct outcome *done;
	size_t ndone, cap;
	char *fatal;
};

/* The heading of a set: its title, or "Case set". */
static const char *set_title(const struct caseset *set)
{
	return set->title ? set->title : "Case set";
}

/* Runs case c, the position'th case (1-based) of the set when there is one (0: not from a set,
 * which the start event then does not name). */
static int run_session(struct trainer *tr, const struct casefile *c, size_t position)
{
	const struct train_options *o = tr->o;
	struct session_info info = { .mode = "train", .case_id = c->id, .case_title = c->title,
				     .trainee = tr->trainee };
	struct walk_options wopt = { .pw = o->pw, .prefill = c, .log_path = o->log_path, .plain = o->plain };
	char *name = xasprintf("train-%s-%s", tr->trainee, c->id), *error = NULL, *fatal = NULL;
	struct journal *j;
	struct outcome *out;
	struct session *s;
	struct training *t;
	int status;

	if (o->set && position > 0) {
		info.set_title = set_title(o->set);
		info.set_position = position;
		info.set_count = o->set->count;
	}
	j = walk_create_journal(o->log_path, name, &error);

	free(name);
	if (!j) {
		free(tr->fatal);
		tr->fatal = xasprintf("pathwalk: %s", error);
		free(error);
		return 5;
	}
	s = session_new(o->pw, j, &info, clock_today());
	t = training_new(s, c, o->enter_findings);
	/* A start the disk refused stays pending: both faces deal with it as with a later action. */
	(void)session_begin(s);
	status = o->plain ? train_plain_run(t, j) : walk_screens(&wopt, s, t, j, NULL, &fatal);
	if (!session_closed(s) && status != 0)
		session_interrupt(s, "error"); /* nothing else left a closing event */
	tr->done = xgrow(tr->done, &tr->cap, tr->ndone + 1, sizeof(*tr->done));
	out = &tr->done[tr->ndone++];
	*out = (struct outcome){ .journal = xstrdup(journal_path(j)), .title = c->title ? c->title : c->id,
				 .finished = session_closed(s) && session_at_endpoint(s) };
	training_score(t, &out->correct, &out->total);
	training_free(t);
	session_free(s);
	if (journal_close(j) != 0 && status == 0) {
		fatal = xasprintf("pathwalk: %s: %s", out->journal, strerror(errno));
		status = 5;
	}
	/* Rendered now, not at the end of the sitting: a terminal closed in the menu keeps it. */
	out->printable = logfile_render_text_beside(out->journal, o->pw, &out->printable_error);
	if (fatal) {
		free(tr->fatal);
		tr->fatal = fatal;
	}
	return status;
}

/* Prints what a session left: the paths, and its score line when it finished. */
static void print_outcome(const struct outcome *out)
{
	walk_print_paths(out->journal, out->printable, out->printable_error);
	if (out->finished)
		printf("score: %zu/%zu\n", out->correct, out->total);
	fflush(stdout);
}

static int run_plain(struct trainer *tr)
{
	const struct caseset *set = tr->o->set;
	size_t n = set ? set->count : tr->o->ncases;
	int status = 0;

	for (size_t i = 0; i < n && status == 0; i++) {
		size_t before = tr->ndone;

		if (set)
			printf("%s%s: case %zu of %zu\n", i ? "\n" : "", set_title(set), i + 1, n);
		status = run_session(tr, set ? set->items[i].entry->c : tr->o->cases[i], set ? i + 1 : 0);
		if (tr->fatal) {
			fprintf(stderr, "%s\n", tr->fatal);
			free(tr->fatal);
			tr->fatal = NULL;
		}
		if (tr->ndone > before)
			print_outcome(&tr->done[before]);
	}
	return status;
}

static char *done_summary(const struct trainer *tr)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < tr->ndone; i++) {
		const struct outcome *out = &tr->done[i];

		if (out->finished)
			sb_appendf(&sb, "%s%s (%zu/%zu correct)", i ? "; " : "Done in this sitting: ", out->title, out->correct,
				   out->total);
		else
			sb_appendf(&sb, "%s%s (not finished)", i ? "; " : "Done in this sitting: ", out->title);
	}
	return sb.len ? sb_take(&sb) : (sb_free(&sb), NULL);
}

/* The next case of the set after k not yet done, else the first not done, else k. */
static size_t next_to_do(const bool *done, size_t n, size_t k)
{
	for (size_t step = 1; step <= n; step++)
		if (!done[(k + step) % n])
			return (k + step) % n;
	return k;
}

/* The menu between sessions until the trainee leaves: over the library, or over a set, whose
 * cases are marked once finished, the cursor on the next one to do. */
static int run_menu(struct trainer *tr)
{
	const struct train_options *o = tr->o;
	const struct caseset *set = o->set;
	size_t n = set ? set->count : o->library->count;
	const struct caselib_entry **entries = xcalloc(n + 1, sizeof(*entries));
	bool *done = xcalloc(n + 1, sizeof(*done));
	char **notes = xcalloc(n + 1, sizeof(*notes));
	struct menu_list list = { .entries = entries, .count = n };
	int status = 0, sig = 0, k;

	for (size_t i = 0; i < n; i++)
		entries[i] = set ? set->items[i].entry : &o->library->entries[i];
	if (set) {
		list.set_title = set_title(set);
		list.done = done;
		list.notes = (const char *const *)notes;
	}
	for (;;) {
		char *summary = set ? NULL : done_summary(tr);
		const struct outcome *out;

		k = menu_run(o->pw, &list, o->stage, o->endpoint, summary, &sig);
		free(summary);
		if (k < 0)
			break;
		status = run_session(tr, entries[k]->c, set ? (size_t)k + 1 : 0);
		if (status != 0 && status != 1)
			break;
		out = &tr->done[tr->ndone - 1];
		free(notes[k]);
		notes[k] = out->finished ? xasprintf("done: %zu of %zu correct", out->correct, out->total)
					 : xstrdup("not finished");
		done[k] = done[k] || out->finished;
		if (set)
			list.start = out->finished ? next_to_do(done, n, (size_t)k) : (size_t)k;
	}
	for (size_t i = 0; i < n; i++)
		free(notes[i]);
	free(notes);
	free(done);
	free(entries);
	return sig ? 128 + sig : status;
}

static int run_curses(struct trainer *tr)
{
	const struct train_options *o = tr->o;
	int status = 0;

	if (!o->ncases)
		return run_menu(tr);
	for (size_t i = 0; i < o->ncases && status == 0; i++)
		status = run_session(tr, o->cases[i], 0);
	return status;
}

/* The trainee's name, required. NULL when the trainee left instead (status set). */
static char *ask_trainee(const struct train_options *o, int *status)
{
	struct form_field f = { .label = "Your name or trainee id", .required = true, .max_chars = 60,
				.hint = "Recorded in each session's journal, so your instructor can collect the results." };

	if (form_run(o->pw->title, "Training: you decide at each step before the pathway's answer is shown.", NULL,
		     &f, 1) != FORM_DONE) {
		*status = ui_termination_signal() ? 128 + ui_termination_signal() : 0;
		return NULL;
	}
	return f.value;
}

int train_run(const struct train_options *o)
{
	struct trainer tr = { .o = o, .trainee = o->trainee };
	char *asked = NULL, *error = NULL;
	int status = 0, opened;

	setlocale(LC_CTYPE, "");
	ui_install_signals();
	if (o->plain) {
		status = run_plain(&tr);
	} else if (!ui_usable()) {
		fprintf(stderr, "pathwalk: training needs a terminal; use --plain CASE for headless training\n");
		return 2;
	} else if ((opened = ui_open(&error)) != 0) {
		fprintf(stderr, "pathwalk: %s%s\n", error,
			opened == UI_OPEN_NO_CURSOR ? "; use --plain CASE to train line by line" : "");
		free(error);
		return 2;
	} else {
		if (!tr.trainee)
			tr.trainee = asked = ask_trainee(o, &status);
		if (tr.trainee)
			status = run_curses(&tr);
		ui_close();
		if (tr.fatal)
			fprintf(stderr, "%s\n", tr.fatal);
		for (size_t i = 0; i < tr.ndone; i++)
			print_outcome(&tr.done[i]);
	}
	for (size_t i = 0; i < tr.ndone; i++) {
		if (!tr.done[i].printable && status == 0)
			status = 5; /* the journal is whole, but an output could not be written */
		free(tr.done[i].journal);
		free(tr.done[i].printable);
		free(tr.done[i].printable_error);
	}
	free(tr.done);
	free(tr.fatal);
	free(asked);
	return status;
}
