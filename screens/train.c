/* train_run: one journaled session per case, run headless or on the curses screens, the trainee's
 * name asked once, the menu between cases when none were given. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "train.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/clock.h"
#include "../src/journal.h"
#include "../src/logfile.h"
#include "../src/strbuf.h"
#include "../src/xalloc.h"
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

static int run_session(struct trainer *tr, const struct casefile *c)
{
	const struct train_options *o = tr->o;
	struct session_info info = { .mode = "train", .case_id = c->id, .case_title = c->title,
				     .trainee = tr->trainee };
	struct walk_options wopt = { .pw = o->pw, .prefill = c, .log_path = o->log_path, .plain = o->plain };
	char *name = xasprintf("train-%s-%s", tr->trainee, c->id), *error = NULL, *fatal = NULL;
	struct journal *j = walk_create_journal(o->log_path, name, &error);
	struct outcome *out;
	struct session *s;
	struct training *t;
	int status;

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
	int status = 0;

	for (size_t i = 0; i < tr->o->ncases && status == 0; i++) {
		size_t before = tr->ndone;

		status = run_session(tr, tr->o->cases[i]);
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

static int run_curses(struct trainer *tr)
{
	const struct train_options *o = tr->o;
	int status = 0, sig = 0;

	if (!o->ncases) {
		for (;;) {
			char *done = done_summary(tr);
			const struct caselib_entry *e = menu_run(o->pw, o->library, o->stage, o->endpoint, done, &sig);

			free(done);
			if (!e)
				break;
			status = run_session(tr, e->c);
			if (status != 0 && status != 1)
				break;
		}
		return sig ? 128 + sig : status;
	}
	for (size_t i = 0; i < o->ncases && status == 0; i++)
		status = run_session(tr, o->cases[i]);
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
	int status = 0;

	setlocale(LC_CTYPE, "");
	ui_install_signals();
	if (o->plain) {
		status = run_plain(&tr);
	} else if (!ui_usable()) {
		fprintf(stderr, "pathwalk: training needs a terminal; use --plain CASE for headless training\n");
		return 2;
	} else if (ui_open(&error) != 0) {
		fprintf(stderr, "pathwalk: %s\n", error);
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
