/* SPDX-License-Identifier: Apache-2.0 */
/* The case menu of `pathwalk train`: the case library (or a case set, numbered in its order, each
 * case marked once done, with "N of M done") with each case's title and a one-line summary.
 * Where a case's route ends is its answer, so it is never shown, nor the case ids, which often
 * name it: 's' narrows the list to the cases ending in one stage (as --stage and --endpoint do)
 * and '/' types a new filter over the case id (an instructor can say "type /v5"), title and
 * summary. */
#include "train.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"
#include "ui.h"
#include "lineedit.h"
#include "wrap.h"

/* The mark of a case of the set done in this sitting (ASCII: "[x]"), or blanks as wide. */
static const char *done_mark(bool done)
{
	if (ui_utf8())
		return done ? "\u2714" : " ";
	return done ? "[x]" : "   ";
}

struct menu {
	const struct pathway *pw;
	const struct menu_list *list;
	const char *stage, *endpoint, *done;
	int stage_pick;                     /* 's' cycles: -1 any stage (or --stage), else a stage index */
	struct lineedit filter;
	bool typing;
	size_t *shown;                      /* indexes in list of the entries passing the filters */
	size_t nshown, cursor, top;
};

static void refilter(struct menu *m)
{
	size_t keep = m->list->start; /* the cursor goes back to the top, or a set's next case */

	m->nshown = 0;
	m->cursor = m->top = 0;
	for (size_t i = 0; i < m->list->count; i++) {
		const struct caselib_entry *e = m->list->entries[i];
		const char *stage = m->stage_pick >= 0 ? m->pw->stages[m->stage_pick].id : m->stage;

		/* A set's case is offered even when its route stops: the session says where. */
		if ((e->endpoint >= 0 || m->list->set_title) && caselib_matches(m->pw, e, stage, m->endpoint) &&
		    caselib_matches_text(e, lineedit_text(&m->filter))) {
			if (i <= keep)
				m->cursor = m->nshown;
			m->shown[m->nshown++] = i;
		}
	}
}

static size_t count_done(const struct menu_list *list)
{
	size_t n = 0;

	for (size_t i = 0; list->done && i < list->count; i++)
		n += list->done[i];
	return n;
}

static char *heading(const struct menu *m)
{
	const struct menu_list *list = m->list;
	char *what = list->set_title ? xasprintf("%s: %zu of %zu done", list->set_title, count_done(list), list->count)
				     : xasprintf("Training cases: %zu of %zu", m->nshown, list->count);
	char *text = xasprintf("%s%s%s%s%s%s", what, m->filter.text.len || m->typing ? "  filter: " : "",
			       lineedit_text(&m->filter), m->typing ? (ui_utf8() ? "\u2581" : "_") : "",
			       m->stage_pick >= 0 || m->stage ? "  stage: " : "",
			       m->stage_pick >= 0 ? m->pw->stages[m->stage_pick].label : m->stage ? m->stage : "");

	free(what);
	return text;
}

/* One case: in a set, its number, the done mark and what the sitting left of it. */
static void add_case(struct menu *m, struct ui_doc *body, size_t i, bool here)
{
	const struct menu_list *list = m->list;
	size_t k = m->shown[i];
	const struct caselib_entry *e = list->entries[k];
	const char *title = e->c->title ? e->c->title : "(untitled)";
	const char *note = list->notes ? list->notes[k] : NULL;
	char *prefix = list->set_title ? xasprintf("%s %s %zu. ", here ? doc_glyph(GL_POINTER) : " ",
						   done_mark(list->done && list->done[k]), k + 1)
				       : xasprintf("%s ", here ? doc_glyph(GL_POINTER) : " ");
	char *text = note ? xasprintf("%s  (%s)", title, note) : xstrdup(title);

	doc_blank(body);
	doc_add(body, 0, prefix, here ? ST_FOCUS : list->done && list->done[k] ? ST_OK : ST_NORMAL, text,
		here ? ST_FOCUS : ST_HEADING, (int)i + 1);
	doc_add(body, list->set_title ? wrap_width(prefix, strlen(prefix)) : 2, NULL, ST_NORMAL, e->summary,
		ST_NORMAL, (int)i + 1);
	free(prefix);
	free(text);
}

static void draw(struct menu *m)
{
	struct ui_frame frame = { .title = m->pw->title, .current_stage = -1, .node_id = "cases" };
	struct ui_doc body;
	struct layout l;
	size_t pane_top = 0;
	char *text;

	if (!ui_begin_page(&l, &body))
		return;
	if (m->done)
		doc_add(&body, 0, NULL, ST_OK, m->done, ST_OK, 0);
	text = heading(m);
	doc_add(&body, 0, NULL, ST_HEADING, text, ST_HEADING, 0);
	free(text);
	if (m->list->set_title && m->list->count && count_done(m->list) == m->list->count)
		doc_add(&body, 0, NULL, ST_OK, "Every case of the set is done. q leaves; Enter trains on one again.",
			ST_OK, 0);
	if (m->nshown == 0)
		doc_add(&body, 2, NULL, ST_DIM, "No case matches. Esc clears the filter.", ST_DIM, 0);
	for (size_t i = 0; i < m->nshown; i++)
		add_case(m, &body, i, i == m->cursor);
	body.focus = m->nshown ? (int)m->cursor + 1 : 0;
	if (body.focus) {
		size_t first, last;

		if (doc_find(&body, body.focus, &first, &last)) {
			m->top = layout_scroll_to(m->top, last, (size_t)l.body_rows, body.count);
			m->top = layout_scroll_to(m->top, first, (size_t)l.body_rows, body.count);
		}
	}
	frame.hints = m->typing ? "Typing the filter: Enter keeps it  Esc clears it  Backspace"
				: "Enter:train  Up/Down:move  /:filter  s:stage  Esc:clear  q:quit";
	ui_draw(&l, &frame, &body, &m->top, NULL, &pane_top);
	doc_free(&body);
}

static void clear_filter(struct menu *m)
{
	lineedit_free(&m->filter);
	lineedit_init(&m->filter, NULL, 60);
}

/* A key while typing the filter: Enter keeps it, Esc clears it. */
static void filter_key(struct menu *m, const struct ui_event *ev)
{
	switch (ev->action) {
	case UI_CONFIRM:
		m->typing = false;
		return;
	case UI_CANCEL:
		m->typing = false;
		clear_filter(m);
		break;
	default:
		lineedit_key(&m->filter, ev); /* at most 60 characters */
		break;
	}
	refilter(m);
}

int menu_run(const struct pathway *pw, const struct menu_list *list, const char *stage, const char *endpoint,
	     const char *done, int *signal)
{
	struct menu m = { .pw = pw, .list = list, .stage = stage, .endpoint = endpoint, .done = done, .stage_pick = -1 };
	int picked = -1;
	bool dirty = true;

	*signal = 0;
	m.shown = xcalloc(list->count + 1, sizeof(*m.shown));
	lineedit_init(&m.filter, NULL, 60);
	refilter(&m);
	for (;;) {
		struct ui_event ev;

		if ((*signal = ui_termination_signal()) != 0 || ui_take_interrupt())
			break;
		if (dirty)
			draw(&m);
		ev = ui_read();
		dirty = ev.action != UI_NONE;
		if (ev.action == UI_RESIZE || ev.action == UI_REDRAW) {
			ui_invalidate();
			continue;
		}
		if (ev.action == UI_INTERRUPT)
			break;
		if (m.typing) {
			filter_key(&m, &ev);
			continue;
		}
		if (ev.action == UI_QUIT)
			break;
		if (ev.action == UI_UP && m.cursor > 0)
			m.cursor--;
		else if (ev.action == UI_DOWN && m.cursor + 1 < m.nshown)
			m.cursor++;
		else if (ev.action == UI_CANCEL) {
			clear_filter(&m);
			refilter(&m);
		} else if (ev.ch == '/') {
			/* Always a new filter, not more of the last one. */
			clear_filter(&m);
			m.typing = true;
			refilter(&m);
		} else if (ev.ch == 's') {
			m.stage_pick = m.stage_pick + 1 < (int)pw->nstages ? m.stage_pick + 1 : -1;
			refilter(&m);
		} else if (ev.action == UI_CONFIRM && m.nshown > 0) {
			picked = (int)m.shown[m.cursor];
			break;
		}
	}
	lineedit_free(&m.filter);
	free(m.shown);
	return picked;
}
