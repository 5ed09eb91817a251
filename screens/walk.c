/* walk_run: the journal, the session, and the curses event loop that turns the screens' intents
 * into session calls. Screens never move the walk; this file never decides where it goes either:
 * session_advance / session_override / session_back do. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "walk.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/casefile.h"
#include "../src/clock.h"
#include "../src/journal.h"
#include "../src/paths.h"
#include "../src/xalloc.h"
#include "plain.h"
#include "screen.h"

struct walk {
	const struct walk_options *opt;
	struct session *s;
	struct screen_ctx ctx;
	const struct screen_ops *ops; /* the current node's screen */
	bool help;                    /* the help overlay is shown */
	int shown_node;               /* the node ops was opened for; -1 none */
	bool quitting;                /* the quit question is asked */
	size_t body_top, pane_top;
	int last_focus;
	struct ui_doc body, pane;     /* as last drawn: clicks are looked up here */
	struct layout layout;
	const char **stages;
	char *title;
	int status;                   /* exit status once done */
	bool done;
	char *fatal;                  /* printed after the terminal is restored */
};

static const struct screen_ops *ops_for(enum screen_kind kind)
{
	switch (kind) {
	case SCREEN_QUESTION: return &question_screen;
	case SCREEN_DECISION: return &decision_screen;
	case SCREEN_ENDPOINT: return &outcome_screen;
	default: return &info_screen;
	}
}

/* --case: the case's answers become the working answers of the screen's variables, unless the
 * user has already answered them in this walk (going back and forth keeps their revisions). */
void walk_prefill(struct session *s, const struct casefile *c)
{
	const struct pathway *pw = session_pathway(s);
	const struct pw_node *n = &pw->nodes[session_node(s)];

	if (!c)
		return;
	for (size_t i = 0; i < n->nask; i++) {
		int var = n->ask[i];

		if (session_answer(s, var)->type == TYPE_NONE && c->answers[var].type != TYPE_NONE)
			session_set_answer(s, var, c->answers[var]);
	}
}

static void close_screen(struct walk *w)
{
	if (w->ops)
		w->ops->close(w->ctx.state);
	w->ops = NULL;
	w->ctx.state = NULL;
}

static void open_screen(struct walk *w)
{
	int node = session_node(w->s);

	close_screen(w);
	walk_prefill(w->s, w->opt->prefill);
	w->ops = ops_for(w->opt->pw->nodes[node].screen);
	w->ctx.typing = false;
	w->ctx.state = w->ops->open(&w->ctx);
	w->shown_node = node;
	w->body_top = w->pane_top = 0;
	w->last_focus = 0;
	w->help = false;
}

/* Stops the walk because the journal cannot be written: an unrecorded walk is not a walk. */
static void journal_failed(struct walk *w)
{
	free(w->fatal);
	w->fatal = xasprintf("pathwalk: %s", session_message(w->s));
	w->status = 5;
	w->done = true;
}

static void apply(struct walk *w, enum screen_intent intent)
{
	enum session_status st = SESSION_OK;

	switch (intent) {
	case SCREEN_NEXT:
		st = session_advance(w->s);
		break;
	case SCREEN_OVERRIDE:
		st = session_override(w->s, w->ctx.override_transition, w->ctx.override_reason);
		free(w->ctx.override_reason);
		w->ctx.override_reason = NULL;
		break;
	case SCREEN_BACK:
		st = session_back(w->s);
		if (st == SESSION_INVALID) {
			screen_message(&w->ctx, true, "This is the first screen: there is nothing to go back to");
			return;
		}
		break;
	case SCREEN_FINISH:
		st = session_finish(w->s);
		if (st == SESSION_OK) {
			w->done = true;
			w->status = 0;
		}
		break;
	case SCREEN_QUIT:
		w->quitting = true;
		return;
	case SCREEN_CLOSE:
		w->help = false;
		w->body_top = 0;
		w->last_focus = 0;
		return;
	default:
		return;
	}
	if (st == SESSION_JOURNAL)
		journal_failed(w);
	else if (st == SESSION_INVALID)
		screen_message(&w->ctx, true, "%s", session_message(w->s));
	else
		screen_message(&w->ctx, false, NULL);
}

/* Keys no screen used: scrolling, back, quit, help, the pane. */
static void global_key(struct walk *w, const struct ui_event *ev)
{
	long page = w->layout.body_rows > 2 ? w->layout.body_rows - 1 : 1;

	switch (ev->action) {
	case UI_BACK: apply(w, w->help ? SCREEN_IGNORED : SCREEN_BACK); break;
	case UI_QUIT: apply(w, SCREEN_QUIT); break;
	case UI_HELP:
		w->help = !w->help;
		w->body_top = 0;
		w->last_focus = 0;
		break;
	case UI_EVIDENCE: w->ctx.pane = !w->ctx.pane; w->pane_top = 0; break;
	case UI_UP: w->body_top = w->body_top > 0 ? w->body_top - 1 : 0; break;
	case UI_DOWN: w->body_top++; break;
	case UI_PAGE_UP: w->body_top = (long)w->body_top > page ? w->body_top - (size_t)page : 0; break;
	case UI_PAGE_DOWN: w->body_top += (size_t)page; break;
	case UI_HOME: w->body_top = 0; break;
	case UI_END: w->body_top = (size_t)-1 / 2; break;
	case UI_PANE_UP: w->pane_top = w->pane_top > 0 ? w->pane_top - 1 : 0; break;
	case UI_PANE_DOWN: w->pane_top++; break;
	case UI_REDRAW: ui_invalidate(); break;
	default: break;
	}
}

static void click(struct walk *w, const struct ui_event *ev)
{
	const struct layout *l = &w->layout;
	const struct screen_ops *ops = w->help ? &help_screen : w->ops;
	size_t line;

	if (l->too_small || ev->row < l->body_row || ev->row >= l->body_row + l->body_rows)
		return;
	line = w->body_top + (size_t)(ev->row - l->body_row);
	if (line < w->body.count && w->body.lines[line].target != 0)
		apply(w, ops->click(&w->ctx, w->body.lines[line].target));
}

static void quit_answer(struct walk *w, const struct ui_event *ev)
{
	if (ev->action == UI_YES) {
		if (session_interrupt(w->s, "quit") == SESSION_JOURNAL)
			journal_failed(w);
		else
			w->status = 0;
		w->done = true;
	} else if (ev->action == UI_NO || ev->action == UI_CANCEL) {
		w->quitting = false;
	}
}

static void handle(struct walk *w, const struct ui_event *ev)
{
	const struct screen_ops *ops = w->help ? &help_screen : w->ops;
	enum screen_intent intent;

	if (ev->action == UI_RESIZE) {
		ui_invalidate();
		return;
	}
	if (ev->action == UI_INTERRUPT) {
		w->quitting = true;
		return;
	}
	if (w->quitting) {
		quit_answer(w, ev);
		return;
	}
	if (w->layout.too_small) {
		if (ev->action == UI_QUIT)
			w->quitting = true;
		return;
	}
	if (ev->action == UI_MOUSE) {
		click(w, ev);
		return;
	}
	intent = ops->key(&w->ctx, ev);
	if (intent == SCREEN_IGNORED && !w->ctx.typing)
		global_key(w, ev);
	else
		apply(w, intent);
}

/* Scrolls so that the focused lines are visible when the focus has moved. */
static void follow_focus(struct walk *w)
{
	size_t first, last, rows = (size_t)w->layout.body_rows;

	if (w->body.focus == w->last_focus)
		return;
	w->last_focus = w->body.focus;
	if (!doc_find(&w->body, w->body.focus, &first, &last))
		return;
	w->body_top = layout_scroll_to(w->body_top, last, rows, w->body.count);
	w->body_top = layout_scroll_to(w->body_top, first, rows, w->body.count);
}

static void draw(struct walk *w)
{
	const struct pathway *pw = w->opt->pw;
	const struct pw_node *n = &pw->nodes[session_node(w->s)];
	const struct screen_ops *ops = w->help ? &help_screen : w->ops;
	struct ui_frame f = { 0 };
	size_t width;
	int rows, cols;

	ui_size(&rows, &cols);
	w->layout = layout_compute(rows, cols, w->ctx.pane && !w->help);
	if (w->layout.too_small) {
		ui_draw_too_small(rows, cols, w->quitting ? "Quit this walk? y quits (the log is kept), n stays" : NULL);
		return;
	}
	width = (size_t)(cols - 2 * w->layout.margin);
	doc_free(&w->body);
	doc_free(&w->pane);
	doc_init(&w->body, width);
	doc_init(&w->pane, width);
	ops->draw(&w->ctx, &w->body, &w->pane);
	follow_focus(w);
	f.title = w->title;
	f.stages = w->stages;
	f.nstages = pw->nstages;
	f.current_stage = n->stage;
	f.visited = session_stages_visited(w->s);
	f.pane_title = ops->pane_title;
	f.node_id = w->help ? "help" : n->id;
	if (w->quitting) {
		f.hints = "y:quit (the log is kept)  n:stay";
		f.message = "Quit this walk? The session log records it as interrupted. (y/n)";
	} else {
		f.hints = ops->hints(&w->ctx);
		f.message = w->ctx.message;
		f.message_error = w->ctx.message_error;
	}
	ui_draw(&w->layout, &f, &w->body, &w->body_top, w->layout.pane_rows ? &w->pane : NULL, &w->pane_top);
}

static int tui_loop(struct walk *w)
{
	char *error = NULL;
	bool dirty = true;

	if (ui_open(&error) != 0) {
		fprintf(stderr, "pathwalk: %s\n", error);
		free(error);
		session_interrupt(w->s, "no terminal");
		return 2;
	}
	while (!w->done) {
		struct ui_event ev;
		int sig = ui_termination_signal();

		if (sig) {
			if (session_interrupt(w->s, sig == SIGTERM ? "SIGTERM" : sig == SIGHUP ? "SIGHUP" : "signal") ==
			    SESSION_JOURNAL)
				journal_failed(w);
			w->status = 128 + sig;
			break;
		}
		if (ui_take_interrupt()) {
			w->quitting = true;
			dirty = true;
		}
		if (session_node(w->s) != w->shown_node) {
			open_screen(w);
			dirty = true;
		}
		if (dirty)
			draw(w);
		ev = ui_read();
		dirty = ev.action != UI_NONE;
		if (dirty)
			handle(w, &ev);
	}
	ui_close();
	return w->status;
}

/* Creates the journal at the requested or default path; prints why not and returns NULL. */
static struct journal *open_journal(const struct walk_options *opt)
{
	const char *case_id = opt->prefill ? opt->prefill->id : NULL;
	struct journal *j;

	if (opt->log_path) {
		j = journal_create(opt->log_path);
		if (!j && (errno == EEXIST || errno == ELOOP))
			fprintf(stderr, "pathwalk: %s: refusing to overwrite an existing file or follow a link\n",
				opt->log_path);
		else if (!j)
			fprintf(stderr, "pathwalk: %s: cannot create the session log: %s\n", opt->log_path,
				strerror(errno));
		return j;
	}
	/* Another walk may take the same name between choosing and creating it: choose again. */
	for (int attempt = 0; attempt < 5; attempt++) {
		char *error = NULL, *path = paths_default_journal(case_id, clock_now(), &error);

		if (!path) {
			fprintf(stderr, "pathwalk: %s\n", error);
			free(error);
			return NULL;
		}
		j = journal_create(path);
		if (j || errno != EEXIST) {
			if (!j)
				fprintf(stderr, "pathwalk: %s: cannot create the session log: %s\n", path, strerror(errno));
			free(path);
			return j;
		}
		free(path);
	}
	fprintf(stderr, "pathwalk: cannot find a free name for the session log\n");
	return NULL;
}

int walk_run(const struct walk_options *opt)
{
	const struct pathway *pw = opt->pw;
	struct session_info info = { .mode = "walk", .case_id = opt->prefill ? opt->prefill->id : NULL };
	struct walk w = { 0 };
	struct journal *j;
	char *log_path;

	setlocale(LC_CTYPE, "");
	ui_install_signals(); /* before the terminal is touched; ui_open installs them again */
	if (!opt->plain && !ui_usable()) {
		fprintf(stderr, "pathwalk: the walk needs a terminal; use --plain for line-by-line prompts\n");
		return 2;
	}
	j = open_journal(opt);
	if (!j)
		return 5;
	log_path = xstrdup(journal_path(j));
	w.opt = opt;
	w.shown_node = -1;
	w.s = session_new(pw, j, &info, clock_today());
	w.ctx.s = w.s;
	w.ctx.pw = pw;
	if (session_begin(w.s) == SESSION_JOURNAL) {
		fprintf(stderr, "pathwalk: %s\n", session_message(w.s));
		w.status = 5;
	} else if (opt->plain) {
		w.status = plain_run(w.s, opt->prefill);
	} else {
		w.stages = xcalloc(pw->nstages + 1, sizeof(*w.stages));
		for (size_t i = 0; i < pw->nstages; i++)
			w.stages[i] = pw->stages[i].label;
		w.title = opt->prefill ? xasprintf("%s  [case %s]", pw->title, opt->prefill->id) : xstrdup(pw->title);
		w.status = tui_loop(&w);
		close_screen(&w);
		if (w.fatal)
			fprintf(stderr, "%s\n", w.fatal);
	}
	session_free(w.s);
	if (journal_close(j) != 0 && w.status == 0) {
		fprintf(stderr, "pathwalk: %s: %s\n", log_path, strerror(errno));
		w.status = 5;
	}
	printf("Session log: %s\n", log_path);
	fflush(stdout);
	doc_free(&w.body);
	doc_free(&w.pane);
	free(w.ctx.message);
	free(w.ctx.override_reason);
	free(w.stages);
	free(w.title);
	free(w.fatal);
	free(log_path);
	return w.status;
}
