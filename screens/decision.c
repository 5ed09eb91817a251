/* SPDX-License-Identifier: Apache-2.0 */
/* A decision screen: the candidate next steps, each with its condition explained clause by clause
 * (actual values, true/false), the recommended one marked and highlighted. Enter accepts the
 * highlighted step: the recommendation continues; any other asks for a reason first. */
#include "screen.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "lineedit.h"

struct decision {
	struct session_candidate *cand;
	size_t count;
	size_t cursor;
	bool prompting;        /* typing the reason for choosing cand[cursor] */
	struct lineedit reason;
};

#define REASON_TARGET 0x7fff

static void *decision_open(struct screen_ctx *ctx)
{
	struct decision *d = xcalloc(1, sizeof(*d));

	d->count = session_candidates(ctx->s, &d->cand);
	for (size_t i = 0; i < d->count; i++)
		if (d->cand[i].recommended)
			d->cursor = i;
	return d;
}

static void decision_close(void *state)
{
	struct decision *d = state;

	if (!d)
		return;
	session_candidates_free(d->cand, d->count);
	lineedit_free(&d->reason);
	free(d);
}

static const char *recommended_label(const struct decision *d)
{
	for (size_t i = 0; i < d->count; i++)
		if (d->cand[i].recommended)
			return d->cand[i].label;
	return NULL;
}

void screen_candidate_clauses(struct ui_doc *doc, const struct session_candidate *c, size_t indent, int target,
			      int max_depth, bool ids)
{
	if (!c->when) {
		doc_add(doc, indent, NULL, ST_DIM, "otherwise: taken when no condition above holds", ST_DIM, target);
		return;
	}
	for (size_t k = 0; k < c->why.count; k++) {
		const struct expr_clause *cl = &c->why.clauses[k];
		bool unknown = cl->type == TYPE_NONE;
		const char *mark = doc_glyph(unknown ? GL_UNKNOWN : cl->truth ? GL_TRUE : GL_FALSE);
		char *prefix, *line;

		if (cl->depth > max_depth)
			continue;
		prefix = xasprintf("%s ", mark);
		line = explain_clause_line(cl, ids);
		doc_add(doc, indent + 2 * (size_t)cl->depth, prefix, unknown ? ST_DIM : cl->truth ? ST_OK : ST_FAIL, line,
			ST_NORMAL, target);
		free(prefix);
		free(line);
	}
}

static void decision_draw(struct screen_ctx *ctx, struct ui_doc *body, struct ui_doc *pane)
{
	struct decision *d = ctx->state;
	const char *pointer = doc_glyph(GL_POINTER), *star = doc_glyph(GL_STAR);

	screen_node_header(ctx, body);
	doc_blank(body);
	doc_add(body, 0, NULL, ST_HEADING, "Next steps (the first whose condition holds is recommended):",
		ST_HEADING, 0);
	for (size_t i = 0; i < d->count; i++) {
		const struct session_candidate *c = &d->cand[i];
		bool here = i == d->cursor;
		char *prefix = xasprintf("%s %s %zu. ", here ? pointer : " ", c->recommended ? star : " ", i + 1);
		char *label = c->recommended ? xasprintf("%s  [recommended]", c->label) : xstrdup(c->label);
		enum ui_style st = here ? ST_FOCUS : c->recommended ? ST_RECOMMENDED : ST_NORMAL;

		doc_add(body, 0, prefix, st, label, st, (int)i + 1);
		screen_candidate_clauses(body, c, 9, (int)i + 1, EXPLAIN_SCREEN_DEPTH, ctx->ids);
		free(prefix);
		free(label);
	}
	body->focus = (int)d->cursor + 1;
	if (d->prompting) {
		char *what = xasprintf("Choose \"%s\" instead of the recommendation \"%s\"?", d->cand[d->cursor].label,
				       recommended_label(d) ? recommended_label(d) : "none");
		size_t col;
		char *box = lineedit_box(&d->reason, body->width > 2 ? body->width - 2 : 1, &col);

		doc_blank(body);
		doc_add(body, 0, NULL, ST_HEADING, what, ST_HEADING, REASON_TARGET);
		doc_add(body, 0, NULL, ST_NORMAL,
			"Reason (required; it goes in the session log). Enter records it, Esc cancels:",
			ST_NORMAL, REASON_TARGET);
		doc_add(body, 2, NULL, ST_FOCUS, box, ST_FOCUS, REASON_TARGET);
		doc_set_cursor(body, 2 + col);
		body->focus = REASON_TARGET;
		free(what);
		free(box);
	}
	if (d->count > 0) {
		const struct session_candidate *c = &d->cand[d->cursor];

		doc_add(pane, 0, NULL, ST_HEADING, c->label, ST_HEADING, 0);
		if (ctx->ids)
			doc_add(pane, 2, "condition: ", ST_DIM, c->when ? c->when : "(none: the fallback)", ST_NORMAL, 0);
		screen_candidate_clauses(pane, c, 2, 0, EXPLAIN_ALL_DEPTHS, ctx->ids);
		doc_blank(pane);
	}
	screen_evidence(ctx, pane);
}

static enum screen_intent prompt_key(struct screen_ctx *ctx, struct decision *d, const struct ui_event *ev)
{
	switch (ev->action) {
	case UI_CONFIRM: {
		const char *r = lineedit_text(&d->reason);
		size_t lead = strspn(r, " ");

		if (r[lead] == '\0') {
			screen_message(ctx, true, "A reason is required to choose another step (Esc cancels)");
			return SCREEN_STAY;
		}
		free(ctx->override_reason);
		ctx->override_reason = xstrdup(r + lead);
		ctx->override_transition = d->cand[d->cursor].transition;
		d->prompting = false;
		ctx->typing = false;
		return SCREEN_OVERRIDE;
	}
	case UI_CANCEL:
		d->prompting = false;
		ctx->typing = false;
		lineedit_free(&d->reason);
		screen_message(ctx, false, NULL);
		return SCREEN_STAY;
	case UI_INTERRUPT:
		return SCREEN_IGNORED;
	default:
		break;
	}
	/* Free text: every printable key is typed, letters are not shortcuts here. */
	if (lineedit_key(&d->reason, ev) == LINEEDIT_FULL)
		screen_message(ctx, true, "The reason can have at most %d characters", SESSION_REASON_MAX);
	return SCREEN_STAY; /* Up, Down and the like do nothing while typing */
}

static enum screen_intent decision_key(struct screen_ctx *ctx, const struct ui_event *ev)
{
	struct decision *d = ctx->state;

	if (d->prompting)
		return prompt_key(ctx, d, ev);
	switch (ev->action) {
	case UI_UP:
		if (d->cursor > 0)
			d->cursor--;
		return SCREEN_STAY;
	case UI_DOWN:
		if (d->cursor + 1 < d->count)
			d->cursor++;
		return SCREEN_STAY;
	case UI_PICK:
		if ((size_t)(ev->ch - '1') < d->count)
			d->cursor = (size_t)(ev->ch - '1');
		else
			screen_message(ctx, true, "There is no step %ld here", ev->ch - '0');
		return SCREEN_STAY;
	case UI_CONFIRM:
		if (d->count == 0 || d->cand[d->cursor].recommended)
			return SCREEN_NEXT;
		d->prompting = true;
		ctx->typing = true;
		lineedit_init(&d->reason, NULL, SESSION_REASON_MAX);
		screen_message(ctx, false, "Type the reason for choosing another step, then Enter");
		return SCREEN_STAY;
	default:
		return SCREEN_IGNORED;
	}
}

static enum screen_intent decision_click(struct screen_ctx *ctx, int target)
{
	struct decision *d = ctx->state;

	if (d->prompting || target < 1 || (size_t)target > d->count)
		return SCREEN_IGNORED;
	d->cursor = (size_t)target - 1;
	screen_message(ctx, false, NULL);
	return SCREEN_STAY;
}

static const char *decision_hints(const struct screen_ctx *ctx)
{
	const struct decision *d = ctx->state;

	if (d->prompting)
		return "Typing the reason: Enter record  Esc cancel  Left/Right/Home/End  Ctrl-C quit";
	if (d->count > 0 && !d->cand[d->cursor].recommended)
		return "?:help  Enter:choose this (asks why)  Up/Down:move  b:back  e:why  q:quit";
	return "?:help  Enter:accept  Up/Down:another step  b:back  e:why  q:quit";
}

const struct screen_ops decision_screen = {
	.name = "decision",
	.open = decision_open,
	.close = decision_close,
	.draw = decision_draw,
	.key = decision_key,
	.click = decision_click,
	.hints = decision_hints,
	.pane_title = "Why: the highlighted step",
};
