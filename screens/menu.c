/* SPDX-License-Identifier: Apache-2.0 */
/* The case menu of `pathwalk train`: the case library with each case's title and a one-line
 * summary. Where a case's route ends is its answer, so it is never shown, nor the case ids, which
 * often name it: 's' narrows the list to the cases ending in one stage (as --stage and --endpoint
 * do) and '/' types a filter over the case id (an instructor can say "type /v5"), title and
 * summary. */
#include "train.h"

#include <stdlib.h>

#include "../src/strbuf.h"
#include "../src/xalloc.h"
#include "ui.h"
#include "lineedit.h"

struct menu {
	const struct pathway *pw;
	const struct caselib *lib;
	const char *stage, *endpoint, *done;
	int stage_pick;                     /* 's' cycles: -1 any stage (or --stage), else a stage index */
	struct lineedit filter;
	bool typing;
	const struct caselib_entry **shown; /* entries passing the filters */
	size_t nshown, cursor, top;
};

static void refilter(struct menu *m)
{
	m->nshown = 0;
	for (size_t i = 0; i < m->lib->count; i++) {
		const struct caselib_entry *e = &m->lib->entries[i];

		const char *stage = m->stage_pick >= 0 ? m->pw->stages[m->stage_pick].id : m->stage;

		if (e->endpoint >= 0 && caselib_matches(m->pw, e, stage, m->endpoint) &&
		    caselib_matches_text(e, lineedit_text(&m->filter)))
			m->shown[m->nshown++] = e;
	}
	if (m->cursor >= m->nshown)
		m->cursor = m->nshown ? m->nshown - 1 : 0;
}

static void draw(struct menu *m)
{
	struct ui_frame frame = { .title = m->pw->title, .current_stage = -1, .node_id = "cases" };
	struct ui_doc body;
	struct layout l;
	size_t pane_top = 0;
	char *heading;

	if (!ui_begin_page(&l, &body))
		return;
	if (m->done)
		doc_add(&body, 0, NULL, ST_OK, m->done, ST_OK, 0);
	heading = xasprintf("Training cases: %zu of %zu%s%s%s%s%s", m->nshown, m->lib->count,
			    m->filter.text.len || m->typing ? "  filter: " : "", lineedit_text(&m->filter),
			    m->typing ? (ui_utf8() ? "\u2581" : "_") : "", m->stage_pick >= 0 || m->stage ? "  stage: " : "",
			    m->stage_pick >= 0 ? m->pw->stages[m->stage_pick].label : m->stage ? m->stage : "");
	doc_add(&body, 0, NULL, ST_HEADING, heading, ST_HEADING, 0);
	free(heading);
	if (m->nshown == 0)
		doc_add(&body, 2, NULL, ST_DIM, "No case matches. Esc clears the filter.", ST_DIM, 0);
	for (size_t i = 0; i < m->nshown; i++) {
		const struct caselib_entry *e = m->shown[i];
		bool here = i == m->cursor;
		char *prefix = xasprintf("%s ", here ? doc_glyph(GL_POINTER) : " ");

		doc_blank(&body);
		doc_add(&body, 0, prefix, here ? ST_FOCUS : ST_NORMAL, e->c->title ? e->c->title : "(untitled)",
			here ? ST_FOCUS : ST_HEADING, (int)i + 1);
		doc_add(&body, 2, NULL, ST_NORMAL, e->summary, ST_NORMAL, (int)i + 1);
		free(prefix);
	}
	body.focus = m->nshown ? (int)m->cursor + 1 : 0;
	if (body.focus) {
		size_t first, last;

		if (doc_find(&body, body.focus, &first, &last)) {
			m->top = layout_scroll_to(m->top, last, (size_t)l.body_rows, body.count);
			m->top = layout_scroll_to(m->top, first, (size_t)l.body_rows, body.count);
		}
	}
	frame.hints = m->typing ? "Typing the filter: Enter/Esc done  Backspace"
				: "Enter:train  Up/Down:move  /:filter  s:stage  Esc:clear  q:quit";
	ui_draw(&l, &frame, &body, &m->top, NULL, &pane_top);
	doc_free(&body);
}

/* A key while typing the filter. */
static void filter_key(struct menu *m, const struct ui_event *ev)
{
	switch (ev->action) {
	case UI_CONFIRM:
	case UI_CANCEL:
		m->typing = false;
		return;
	default:
		lineedit_key(&m->filter, ev); /* at most 60 characters */
		break;
	}
	refilter(m);
}

const struct caselib_entry *menu_run(const struct pathway *pw, const struct caselib *lib, const char *stage,
				     const char *endpoint, const char *done, int *signal)
{
	struct menu m = { .pw = pw, .lib = lib, .stage = stage, .endpoint = endpoint, .done = done, .stage_pick = -1 };
	const struct caselib_entry *picked = NULL;
	bool dirty = true;

	*signal = 0;
	m.shown = xcalloc(lib->count + 1, sizeof(*m.shown));
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
			lineedit_free(&m.filter);
			lineedit_init(&m.filter, NULL, 60);
			refilter(&m);
		} else if (ev.ch == '/') {
			m.typing = true;
		} else if (ev.ch == 's') {
			m.stage_pick = m.stage_pick + 1 < (int)pw->nstages ? m.stage_pick + 1 : -1;
			refilter(&m);
		} else if (ev.action == UI_CONFIRM && m.nshown > 0) {
			picked = m.shown[m.cursor];
			break;
		}
	}
	lineedit_free(&m.filter);
	free(m.shown);
	return picked;
}
