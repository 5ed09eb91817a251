/* SPDX-License-Identifier: Apache-2.0 */
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

#include "casefile.h"
#include "clock.h"
#include "journal.h"
#include "logfile.h"
#include "paths.h"
#include "resume.h"
#include "training.h"
#include "xalloc.h"
#include "form.h"
#include "plain.h"
#include "screen.h"
#include "search.h"

struct walk {
	const struct walk_options *opt;
	struct session *s;
	struct screen_ctx ctx;
	const struct screen_ops *ops; /* the current node's screen */
	const struct screen_ops *overlay; /* help, vignette or debrief over it; NULL none */
	struct training *training;    /* NULL in a walk */
	struct journal *journal;
	int shown_node;               /* the node ops was opened for; -1 none */
	bool quitting;                /* the quit question is asked */
	struct search search;         /* `/` on the body's text */
	size_t body_top, pane_top;
	int last_focus;
	struct ui_doc body, pane;     /* as last drawn: clicks are looked up here */
	struct layout layout;
	const char **stages;
	char *title;
	int status;                   /* exit status once done */
	bool done;
	bool finished;                /* training: the debrief is shown, closing it ends */
	bool pane_forced;             /* training: the reveal opened the pane; the next screen closes it */
	char *fatal;                  /* printed after the terminal is restored */
};

static const struct screen_ops *ops_for(enum screen_kind kind, bool training)
{
	switch (kind) {
	case SCREEN_QUESTION: return &question_screen;
	case SCREEN_DECISION: return training ? &train_decision_screen : &decision_screen;
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
	if (!w->training || !training_enters_findings(w->training))
		walk_prefill(w->s, w->opt->prefill);
	w->ops = ops_for(w->opt->pw->nodes[node].screen, w->training != NULL);
	w->ctx.typing = false;
	w->ctx.state = w->ops->open(&w->ctx);
	w->shown_node = node;
	w->body_top = w->pane_top = 0;
	search_hide(&w->search);
	w->last_focus = 0;
	if (w->overlay == &help_screen)
		w->overlay = NULL;
	if (w->pane_forced)
		w->ctx.pane = w->pane_forced = false;
	if (w->training && w->opt->pw->nodes[node].screen == SCREEN_DECISION)
		training_decision_shown(w->training);
}

static void show_overlay(struct walk *w, const struct screen_ops *overlay)
{
	w->overlay = w->overlay == overlay ? NULL : overlay;
	w->body_top = 0;
	search_hide(&w->search);
	w->last_focus = 0;
}

/* The session's message about its journal, for the screen. In training the file's name is left out
 * (it names the case, and case ids can name the answer): only its directory is shown. */
static char *journal_problem(const struct walk *w)
{
	const char *message = session_message(w->s), *path = journal_path(w->journal);
	const char *at = w->training ? strstr(message, path) : NULL, *slash = strrchr(path, '/');

	if (!at)
		return xstrdup(message);
	if (!slash)
		return xasprintf("%.*s(in the current directory)%s", (int)(at - message), message, at + strlen(path));
	return xasprintf("%.*s(in %.*s)%s", (int)(at - message), message, (int)(slash - path + (slash == path)), path,
			 at + strlen(path));
}

/* The journal cannot be written (a full disk, a removed directory): the events are kept in memory
 * and the user is asked for another path to write the whole journal to. An unrecorded walk is not
 * a walk: declining ends it with status 5, saying how many events were not saved. */
static void journal_failed(struct walk *w)
{
	char *problem = journal_problem(w);
	struct form_field field = { .label = "Write the session log to", .required = true, .max_chars = 4096,
				    .hint = "A new file on a disk with space, e.g. /tmp/session.jsonl. Esc gives up." };
	char *retry = NULL;

	for (;;) {
		enum form_result r = form_run("The session log cannot be written", problem, retry, &field, 1);

		free(retry);
		retry = NULL;
		if (r != FORM_DONE)
			break;
		if (journal_relocate(w->journal, field.value) == 0) {
			screen_message(&w->ctx, false, "The session log is now written to %s", field.value);
			form_free(&field, 1);
			free(problem);
			ui_invalidate();
			return;
		}
		retry = xasprintf("%s: %s", field.value, strerror(errno));
	}
	free(w->fatal);
	w->fatal = xasprintf("pathwalk: %s; %zu event(s) could not be saved", session_message(w->s),
			     journal_pending(w->journal));
	form_free(&field, 1);
	free(problem);
	w->status = ui_exit_status(5);
	w->done = true;
}

/* Training: compares (or restores) the findings before a question screen is confirmed. Returns
 * false when the trainee should look at the differences first. */
static bool findings_checked(struct walk *w)
{
	enum session_status st;
	char *summary = NULL;

	if (!w->training || w->opt->pw->nodes[session_node(w->s)].screen != SCREEN_QUESTION)
		return true;
	if (training_check_findings(w->training, &summary, &st) > 0) {
		free(w->ctx.differences);
		w->ctx.differences = summary;
		show_overlay(w, &findings_screen);
		if (st == SESSION_JOURNAL)
			journal_failed(w);
		return false;
	}
	if (st == SESSION_JOURNAL)
		journal_failed(w);
	return true;
}

static void apply(struct walk *w, enum screen_intent intent)
{
	enum session_status st = SESSION_OK;

	switch (intent) {
	case SCREEN_NEXT:
		if (!findings_checked(w))
			return;
		st = session_advance(w->s);
		break;
	case SCREEN_COMMIT:
		st = training_commit(w->training, w->ctx.commit_transition);
		w->body_top = 0;
		if (st == SESSION_OK && !w->ctx.pane) /* the explanation and the evidence are the point */
			w->ctx.pane = w->pane_forced = true;
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
		st = w->training ? training_finish(w->training) : session_finish(w->s);
		if (st != SESSION_INVALID && w->training) {
			w->finished = true;
			show_overlay(w, &debrief_screen);
		} else if (st != SESSION_INVALID) {
			w->done = true;
		}
		w->status = 0;
		break;
	case SCREEN_QUIT:
		w->quitting = true;
		return;
	case SCREEN_CLOSE:
		w->overlay = NULL;
		w->body_top = 0;
		w->last_focus = 0;
		w->done = w->finished;
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
	case UI_BACK: apply(w, w->overlay ? SCREEN_IGNORED : SCREEN_BACK); break;
	case UI_QUIT: apply(w, SCREEN_QUIT); break;
	case UI_HELP: show_overlay(w, &help_screen); break;
	case UI_SEARCH: search_begin(&w->search); break;
	case UI_VIGNETTE:
		if (w->training)
			show_overlay(w, &vignette_screen);
		break;
	case UI_EVIDENCE:
		w->ctx.pane = !w->ctx.pane;
		w->pane_forced = false;
		w->pane_top = 0;
		break;
	case UI_UP: w->body_top = w->body_top > 0 ? w->body_top - 1 : 0; break;
	case UI_DOWN: w->body_top++; break;
	case UI_PAGE_UP: w->body_top = (long)w->body_top > page ? w->body_top - (size_t)page : 0; break;
	case UI_TOGGLE: /* Space pages where nothing can be marked, as in less */
	case UI_PAGE_DOWN: w->body_top += (size_t)page; break;
	case UI_TOP: w->body_top = 0; break;
	case UI_BOTTOM: w->body_top = (size_t)-1 / 2; break;
	case UI_PANE_UP: w->pane_top = w->pane_top > 0 ? w->pane_top - 1 : 0; break;
	case UI_PANE_DOWN: w->pane_top++; break;
	case UI_REDRAW: ui_invalidate(); break;
	default: break;
	}
}

static void click(struct walk *w, const struct ui_event *ev)
{
	const struct layout *l = &w->layout;
	const struct screen_ops *ops = w->overlay ? w->overlay : w->ops;
	size_t line;

	if (l->too_small || ev->row < l->body_row || ev->row >= l->body_row + l->body_rows)
		return;
	line = w->body_top + (size_t)(ev->row - l->body_row);
	if (line < w->body.count && w->body.lines[line].target != 0)
		apply(w, ops->click(&w->ctx, w->body.lines[line].target));
}

/* The quit question. At an endpoint nothing reached is lost by reflex: y finishes and records
 * the endpoint, r leaves it unfinished (to resume), n stays. Elsewhere y leaves, n stays. */
static bool at_endpoint(const struct walk *w)
{
	return !w->finished && session_at_endpoint(w->s);
}

static const char *quit_question(const struct walk *w)
{
	return at_endpoint(w) ? "Finish and record this endpoint? (y = finish, n = stay, r = leave unfinished)"
			      : "Quit this walk? The session log records it as unfinished, to resume later. (y/n)";
}

static void quit_answer(struct walk *w, const struct ui_event *ev)
{
	bool endpoint = at_endpoint(w);

	if (endpoint && ev->action == UI_YES) {
		w->quitting = false;
		apply(w, SCREEN_FINISH);
	} else if (ev->action == (endpoint ? UI_LEAVE : UI_YES)) {
		if (session_interrupt(w->s, "quit") == SESSION_JOURNAL)
			journal_failed(w);
		else
			w->status = 0;
		w->done = true;
	} else if (ev->action == UI_NO || ev->action == UI_CANCEL) {
		w->quitting = false;
	}
}

/* The message line after a search key: which match is shown, that there is none, or nothing. */
static void search_said(struct walk *w)
{
	char *status = search_text(&w->search) ? search_status(&w->search, &w->body) : NULL;

	screen_message(&w->ctx, status && !search_showing(&w->search), status ? "%s" : NULL, status);
	free(status);
}

/* A key while the search text is typed: Enter scrolls to the first match from the top line. */
static void search_typed(struct walk *w, const struct ui_event *ev)
{
	if (search_key(&w->search, ev) != SEARCH_GO)
		return;
	search_go(&w->search, &w->body, &w->body_top, (size_t)w->layout.body_rows);
	search_said(w);
}

static void handle(struct walk *w, const struct ui_event *ev)
{
	const struct screen_ops *ops = w->overlay ? w->overlay : w->ops;
	enum screen_intent intent;

	if (ev->action == UI_RESIZE) {
		ui_invalidate();
		return;
	}
	if (ev->action == UI_INTERRUPT || (w->finished && ev->action == UI_QUIT)) {
		/* Once the session is closed there is nothing to confirm: quitting just leaves. */
		w->quitting = !w->finished;
		w->done = w->finished;
		return;
	}
	if (w->quitting) {
		quit_answer(w, ev);
		return;
	}
	if (w->search.typing) {
		search_typed(w, ev);
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
	if (!w->ctx.typing && search_showing(&w->search)) {
		if (search_step(&w->search, ev, &w->body, &w->body_top, (size_t)w->layout.body_rows)) {
			search_said(w);
			return;
		}
		if (!search_showing(&w->search)) /* Esc: the matches and their message go */
			screen_message(&w->ctx, false, NULL);
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
	const struct screen_ops *ops = w->overlay ? w->overlay : w->ops;
	struct ui_frame f = { 0 };
	size_t width;
	int rows, cols;

	ui_size(&rows, &cols);
	w->layout = layout_compute(rows, cols, w->ctx.pane && !w->overlay);
	if (w->layout.too_small) {
		ui_draw_too_small(rows, cols, w->quitting ? quit_question(w) : NULL);
		return;
	}
	width = (size_t)(cols - 2 * w->layout.margin);
	doc_free(&w->body);
	doc_free(&w->pane);
	doc_init(&w->body, width);
	doc_init(&w->pane, width);
	ops->draw(&w->ctx, &w->body, &w->pane);
	search_mark(&w->search, &w->body);
	if (!w->overlay && w->ctx.ids) { /* for authors: the bottom bar drops the id first; here it always is */
		doc_blank(&w->pane);
		doc_addf(&w->pane, 0, ST_DIM, "Screen id: %s", n->id);
	}
	follow_focus(w);
	f.title = w->title;
	f.stages = w->stages;
	f.nstages = pw->nstages;
	f.current_stage = n->stage;
	f.visited = session_stages_visited(w->s);
	f.pane_title = ops->pane_title;
	f.node_id = w->overlay ? w->overlay->name : w->ctx.ids ? n->id : NULL; /* ids: for authors */
	if (w->search.typing) {
		f.hints = "Enter:find  Esc:cancel";
		f.message = search_prompt(&w->search);
	} else if (w->quitting) {
		f.hints = at_endpoint(w) ? "y:finish  n:stay  r:leave unfinished" : "y:quit (the log is kept)  n:stay";
		f.message = quit_question(w);
	} else {
		f.hints = ops->hints(&w->ctx);
		f.message = w->ctx.message;
		f.message_error = w->ctx.message_error;
	}
	ui_draw(&w->layout, &f, &w->body, &w->body_top, w->layout.pane_rows ? &w->pane : NULL, &w->pane_top);
}

static void tui_loop(struct walk *w)
{
	bool dirty = true;

	while (!w->done) {
		struct ui_event ev;
		int sig = ui_termination_signal();

		if (sig) {
			if (session_interrupt(w->s, ui_signal_name(sig)) ==
			    SESSION_JOURNAL) {
				free(w->fatal);
				w->fatal = xasprintf("pathwalk: %s", session_message(w->s));
			}
			w->status = 128 + sig;
			break;
		}
		if (ui_take_interrupt()) {
			w->quitting = !w->finished;
			w->done = w->finished;
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
}

int walk_screens(const struct walk_options *opt, struct session *s, struct training *t, struct journal *j,
		 const char *notice, char **fatal)
{
	const struct pathway *pw = opt->pw;
	struct walk w = { .opt = opt, .s = s, .training = t, .journal = j, .shown_node = -1 };
	const struct casefile *c = t ? training_case(t) : opt->prefill;

	w.ctx.s = s;
	w.ctx.pw = pw;
	w.ctx.training = t;
	w.ctx.ids = opt->ids;
	w.stages = xcalloc(pw->nstages + 1, sizeof(*w.stages));
	for (size_t i = 0; i < pw->nstages; i++)
		w.stages[i] = pw->stages[i].label;
	if (t)
		w.title = xasprintf("%s  [training]", pw->title); /* case ids can name the answer */
	else
		w.title = c ? xasprintf("%s  [case %s]", pw->title, c->id) : xstrdup(pw->title);
	if (t)
		w.overlay = &vignette_screen;
	if (notice)
		screen_message(&w.ctx, false, "%s", notice);
	/* The first action (the start, or the resume) could not be written: the same screen as later. */
	if (journal_pending(j) > 0)
		journal_failed(&w);
	tui_loop(&w);
	close_screen(&w);
	doc_free(&w.body);
	doc_free(&w.pane);
	search_free(&w.search);
	free(w.ctx.message);
	free(w.ctx.override_reason);
	free(w.ctx.differences);
	free(w.stages);
	free(w.title);
	*fatal = w.fatal;
	return w.status;
}

static char *create_error(const char *path, int err)
{
	if (err == EEXIST || err == ELOOP)
		return xasprintf("%s: refusing to overwrite an existing file or follow a link", path);
	return xasprintf("%s: cannot create the session log: %s", path, strerror(err));
}

struct journal *walk_create_journal(const char *log_path, const char *name, char **error)
{
	struct journal *j;

	if (log_path) {
		j = journal_create(log_path);
		if (!j)
			*error = create_error(log_path, errno);
		return j;
	}
	/* Another walk may take the same name between choosing and creating it: choose again. */
	for (int attempt = 0; attempt < 5; attempt++) {
		char *path = paths_default_journal(name, clock_now(), error);

		if (!path)
			return NULL;
		j = journal_create(path);
		if (j || errno != EEXIST) {
			if (!j)
				*error = create_error(path, errno);
			free(path);
			return j;
		}
		free(path);
	}
	*error = xstrdup("cannot find a free name for the session log");
	return NULL;
}

void walk_print_paths(const char *journal_path, const char *printable, const char *error)
{
	printf("Session log: %s\n", journal_path);
	if (printable)
		printf("Printable log: %s\n", printable);
	fflush(stdout);
	if (!printable)
		fprintf(stderr, "pathwalk: %s\n", error ? error : "the printable log was not written");
}

bool walk_report_paths(const char *journal_path, const struct pathway *pw)
{
	char *error = NULL, *text = logfile_render_text_beside(journal_path, pw, &error);
	bool written = text != NULL;

	walk_print_paths(journal_path, text, error);
	free(error);
	free(text);
	return written;
}

/* Asks for the clinician's name and the patient reference, both optional. false: the user left. */
static bool ask_who(const struct walk_options *opt, char **clinician, char **patient, int *status)
{
	struct form_field f[2] = {
		{ .label = "Clinician's name", .max_chars = 80, .hint = "Printed in the session log's header." },
		{ .label = "Patient reference", .max_chars = 40,
		  .hint = "A reference your records use, not the patient's name. Enter on an empty field skips it." },
	};
	enum form_result r;

	*clinician = *patient = NULL;
	if (opt->clinician || opt->patient || opt->resume_path)
		return true;
	r = form_run_about(opt->pw->title, "Before the walk: who is recording it, and for which patient? "
			   "F1 shows what this pathway is for and the choices it made.", NULL, f, 2, opt->pw);
	if (r != FORM_DONE) {
		*status = r == FORM_SIGNAL ? 128 + ui_termination_signal() : 0;
		return false;
	}
	*clinician = f[0].value;
	*patient = f[1].value;
	return true;
}

/* --resume: rebuilds the session from its journal and reopens the journal to append to it.
 * Returns the session (and *j), or NULL after printing why, with *status set. */
static struct session *resume(const struct walk_options *opt, struct journal **j, char **notice, int *status)
{
	struct diag_list diags = { 0 };
	struct journal_log log;
	struct session *s = NULL;

	*j = NULL;
	*notice = NULL;
	*status = 3;
	if (journal_read_verified(opt->resume_path, opt->force, &log, &diags) == 0)
		s = resume_session(opt->pw, &log, clock_today(), &diags);
	diag_print(&diags, stderr);
	diag_clear(&diags);
	if (s && !(*j = resume_open_journal(opt->resume_path, &log))) {
		int saved = errno;

		fprintf(stderr, "pathwalk: %s: cannot reopen the session log: %s\n", opt->resume_path,
			saved == EBUSY	 ? "another pathwalk is still writing it; close that session first"
			: saved == ESTALE ? "it changed while it was being read (another pathwalk was writing "
					    "it); nothing was cut, resume again"
					  : strerror(saved));
		*status = saved == ELOOP ? 3 : 5;
		session_free(s);
		s = NULL;
	}
	if (s) {
		diag_print(&log.notices, stderr);
		if (log.notices.count)
			*notice = xstrdup(log.notices.items[0].message);
		session_attach_journal(s, *j);
		/* A resume event the disk refused stays pending: the walk asks where to write it. */
		(void)resume_record(s, *notice);
		*status = 0;
		if (!*notice)
			*notice = xstrdup("Session resumed where it stopped; every earlier answer is kept (b goes back)");
	}
	journal_log_free(&log);
	return s;
}

/* A new session: who records it (asked on the terminal), a new journal, the start event. */
static struct session *begin(const struct walk_options *opt, struct journal **j, char **fatal, int *status)
{
	struct session_info info = { .mode = "walk", .case_id = opt->prefill ? opt->prefill->id : NULL,
				     .case_title = opt->prefill ? opt->prefill->title : NULL,
				     .clinician = opt->clinician, .patient = opt->patient };
	char *clinician = NULL, *patient = NULL, *error = NULL;
	struct session *s;

	if (!opt->plain && !ask_who(opt, &clinician, &patient, status))
		return NULL;
	if (clinician || patient) {
		info.clinician = clinician;
		info.patient = patient;
	}
	*j = walk_create_journal(opt->log_path, info.case_id, &error);
	if (!*j) {
		*fatal = xasprintf("pathwalk: %s", error);
		free(error);
		free(clinician);
		free(patient);
		*status = 5;
		return NULL;
	}
	s = session_new(opt->pw, *j, &info, clock_today());
	free(clinician);
	free(patient);
	/* A start the disk refused stays pending: the walk asks where to write it, as for later ones. */
	(void)session_begin(s);
	return s;
}

int walk_run(const struct walk_options *opt)
{
	char *error = NULL, *fatal = NULL, *notice = NULL, *log_path = NULL;
	struct journal *j = NULL;
	struct session *s = NULL;
	struct walk_options local;
	int status = 0, opened = 0;
	bool unfinished;

	setlocale(LC_CTYPE, "");
	ui_install_signals(); /* before the terminal is touched; ui_open installs them again */
	if (!opt->plain && !ui_usable()) {
		fprintf(stderr, "pathwalk: the walk needs a terminal; use --plain for line-by-line prompts\n");
		return 2;
	}
	if (opt->resume_path && !(s = resume(opt, &j, &notice, &status)))
		return status;
	if (!opt->plain && (opened = ui_open(&error)) == UI_OPEN_NO_CURSOR) {
		/* A terminal that cannot draw screens still takes a walk, line by line. */
		fprintf(stderr, "pathwalk: %s; walking line by line instead (as with --plain)\n", error);
		free(error);
		local = *opt;
		local.plain = true;
		opt = &local;
	}
	if (!opt->plain && opened != 0) {
		fprintf(stderr, "pathwalk: %s\n", error);
		free(error);
		status = 2;
	} else if (!s) {
		s = begin(opt, &j, &fatal, &status);
	}
	if (s && status == 0) {
		if (opt->plain)
			status = plain_run(s, opt->prefill, j, opt->ids);
		else
			status = walk_screens(opt, s, NULL, j, notice, &fatal);
	}
	ui_close();
	if (fatal)
		fprintf(stderr, "%s\n", fatal);
	if (s && !session_closed(s) && status != 0)
		session_interrupt(s, "error"); /* nothing else left a closing event */
	unfinished = s && !session_finished(s) && status != 5 && status != 3;
	session_free(s);
	if (j) /* after the session: a full disk may have moved the journal */
		log_path = xstrdup(journal_path(j));
	if (journal_close(j) != 0 && status == 0) {
		fprintf(stderr, "pathwalk: %s: %s\n", log_path, strerror(errno));
		status = 5;
	}
	if (log_path && !walk_report_paths(log_path, opt->pw) && status == 0)
		status = 5;
	if (log_path && unfinished)
		walk_print_resume_command(opt, log_path);
	free(fatal);
	free(notice);
	free(log_path);
	return status;
}
