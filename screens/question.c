/* SPDX-License-Identifier: Apache-2.0 */
/* A question screen: a form with one widget per asked variable. Enter confirms the focused field
 * and moves to the next unanswered one; once all are answered, Enter confirms the screen. */
#include "screen.h"

#include <stdlib.h>

#include "xalloc.h"
#include "widgets.h"

struct question {
	struct widget *fields;
	size_t count;
	size_t focus;
};

/* Targets: (field + 1) << 8 for the prompt and box, plus 1 + option for an option line. */
#define FIELD_TARGET(i) ((int)((i) + 1) << 8)

static void *question_open(struct screen_ctx *ctx)
{
	const struct pw_node *n = &ctx->pw->nodes[session_node(ctx->s)];
	struct question *q = xcalloc(1, sizeof(*q));

	q->count = n->nask;
	q->fields = xcalloc(n->nask + 1, sizeof(*q->fields));
	for (size_t i = 0; i < n->nask; i++)
		widget_open(&q->fields[i], ctx->s, n->ask[i]);
	/* Start at the first unanswered field (a pre-filled screen starts at the top). */
	for (size_t i = 0; i < q->count; i++)
		if (!widget_answered(&q->fields[i], ctx->s)) {
			q->focus = i;
			break;
		}
	if (q->count > 0)
		widget_focus(&q->fields[q->focus], ctx->s, 0);
	return q;
}

static void question_close(void *state)
{
	struct question *q = state;

	if (!q)
		return;
	for (size_t i = 0; i < q->count; i++)
		widget_close(&q->fields[i]);
	free(q->fields);
	free(q);
}

static void question_draw(struct screen_ctx *ctx, struct ui_doc *body, struct ui_doc *pane)
{
	struct question *q = ctx->state;

	screen_node_header(ctx, body);
	for (size_t i = 0; i < q->count; i++) {
		doc_blank(body);
		widget_draw(&q->fields[i], ctx, i == q->focus, FIELD_TARGET(i), body);
	}
	if (q->count > 0) {
		widget_describe(&q->fields[q->focus], ctx, pane);
		doc_blank(pane);
	}
	screen_evidence(ctx, pane);
}

static void move_focus(struct screen_ctx *ctx, struct question *q, size_t to, int dir)
{
	q->focus = to;
	widget_focus(&q->fields[to], ctx->s, dir);
}

/* After a field is done: the screen is confirmed when every field is answered, else the focus
 * goes to the next unanswered field (wrapping). */
static enum screen_intent field_done(struct screen_ctx *ctx, struct question *q)
{
	for (size_t k = 1; k <= q->count; k++) {
		size_t i = (q->focus + k) % q->count;

		if (!widget_answered(&q->fields[i], ctx->s)) {
			move_focus(ctx, q, i, 0);
			return SCREEN_STAY;
		}
	}
	return SCREEN_NEXT;
}

static enum screen_intent question_key(struct screen_ctx *ctx, const struct ui_event *ev)
{
	struct question *q = ctx->state;
	enum widget_result r;
	int dir;

	if (q->count == 0)
		return ev->action == UI_CONFIRM ? SCREEN_NEXT : SCREEN_IGNORED;
	if (ev->action == UI_INTERRUPT)
		return SCREEN_IGNORED;
	r = widget_key(&q->fields[q->focus], ctx, ev);
	ctx->typing = q->fields[q->focus].typing;
	dir = ev->action == UI_NEXT_FIELD || ev->action == UI_PREV_FIELD ? 0 : 1;
	switch (r) {
	case WIDGET_HANDLED:
		return SCREEN_STAY;
	case WIDGET_DONE:
		return field_done(ctx, q);
	case WIDGET_NEXT:
		if (q->focus + 1 < q->count)
			move_focus(ctx, q, q->focus + 1, dir);
		else if (ev->action == UI_NEXT_FIELD)
			move_focus(ctx, q, 0, 0);
		return SCREEN_STAY;
	case WIDGET_PREV:
		if (q->focus > 0)
			move_focus(ctx, q, q->focus - 1, -dir);
		else if (ev->action == UI_PREV_FIELD)
			move_focus(ctx, q, q->count - 1, 0);
		return SCREEN_STAY;
	default:
		return SCREEN_IGNORED;
	}
}

static enum screen_intent question_click(struct screen_ctx *ctx, int target)
{
	struct question *q = ctx->state;
	size_t field = (size_t)(target >> 8);
	int option = (target & 0xff) - 1;

	if (field == 0 || field > q->count || q->fields[q->focus].typing)
		return SCREEN_IGNORED;
	field--;
	if (field != q->focus)
		move_focus(ctx, q, field, 0);
	if (option >= 0)
		q->fields[field].cursor = option;
	widget_click(&q->fields[field], ctx, option);
	return SCREEN_STAY;
}

static const char *question_hints(const struct screen_ctx *ctx)
{
	const struct question *q = ctx->state;
	const char *typing = q->count ? widget_hints(&q->fields[q->focus]) : NULL;

	if (typing)
		return typing;
	if (q->count == 0)
		return "?:help  Enter:continue  b:back  e:evidence  q:quit";
	switch (ctx->pw->vars[q->fields[q->focus].var].type) {
	case TYPE_INT:
		return "?:help  0-9:type  Enter:next  Tab:field  b:back  e:evidence  q:quit";
	case TYPE_DATE:
		return "?:help  0-9,-:type date  Enter:next  Tab:field  b:back  q:quit";
	case TYPE_BOOL:
		return "?:help  y/n:answer  Enter:next  Tab:field  b:back  e:evidence  q:quit";
	case TYPE_SET:
		return "?:help  Space/1-9:tick  Enter:next  Tab:field  b:back  e:evidence  q:quit";
	default:
		return "?:help  1-9:choose  Up/Down:move  Enter:next  Tab:field  b:back  q:quit";
	}
}

const struct screen_ops question_screen = {
	.name = "question",
	.open = question_open,
	.close = question_close,
	.draw = question_draw,
	.key = question_key,
	.click = question_click,
	.hints = question_hints,
	.pane_title = "About this field and evidence",
};
