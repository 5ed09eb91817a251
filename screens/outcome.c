/* SPDX-License-Identifier: Apache-2.0 */
/* An endpoint: the recommendation, what to do, what to document, then the warnings (visually distinct,
 * in the scrolling body so they are never cut off), what would change the recommendation (computed
 * once on arrival) and the evidence with citations. Enter
 * finishes the walk. The pane shows the route taken and any overrides, by title (ids with --ids). */
#include "screen.h"

#include <stdlib.h>

#include "whatif.h"
#include "xalloc.h"

/* What would change the recommendation, computed once on arriving at the endpoint. */
struct outcome {
	struct whatif_change *changes;
	size_t n;
};

static void *outcome_open(struct screen_ctx *ctx)
{
	struct outcome *o = xcalloc(1, sizeof(*o));

	o->n = session_would_change(ctx->s, &o->changes);
	return o;
}

static void outcome_close(void *state)
{
	struct outcome *o = state;

	if (o)
		whatif_changes_free(o->changes, o->n);
	free(o);
}

/* Each single answer that would lead elsewhere, "text → endpoint title". */
static void would_change(struct screen_ctx *ctx, struct ui_doc *body)
{
	const struct outcome *o = ctx->state;

	doc_blank(body);
	doc_add(body, 0, NULL, ST_HEADING, "What would change the recommendation", ST_HEADING, 0);
	if (o->n == 0)
		doc_add(body, 2, NULL, ST_NORMAL, "No single different answer would lead to another endpoint.",
			ST_NORMAL, 0);
	for (size_t i = 0; i < o->n; i++) {
		char *line = xasprintf("%s \xe2\x86\x92 %s", o->changes[i].text, ctx->pw->nodes[o->changes[i].endpoint].title);

		doc_add(body, 2, "- ", ST_DIM, line, ST_NORMAL, 0);
		free(line);
	}
}

static void route_pane(struct screen_ctx *ctx, struct ui_doc *pane)
{
	size_t n, nover = session_override_count(ctx->s);
	const int *route = session_route(ctx->s, &n);

	doc_add(pane, 0, NULL, ST_HEADING, "Route taken", ST_HEADING, 0);
	for (size_t i = 0; i < n; i++) {
		const struct pw_node *node = &ctx->pw->nodes[route[i]];
		char *prefix = xasprintf("%2zu. ", i + 1);
		char *line = ctx->ids ? xasprintf("%s (%s)", node->title, node->id) : xstrdup(node->title);

		doc_add(pane, 2, prefix, ST_DIM, line, ST_NORMAL, 0);
		free(prefix);
		free(line);
	}
	for (size_t i = 0; i < nover; i++) {
		int node, target;
		const char *reason;
		char *line;

		session_override_get(ctx->s, i, &node, &target, &reason);
		if (ctx->ids)
			line = xasprintf("at %s chose %s: %s", ctx->pw->nodes[node].id, ctx->pw->nodes[target].id, reason);
		else
			line = xasprintf("at %s chose %s: %s", ctx->pw->nodes[node].title, ctx->pw->nodes[target].title,
					 reason);
		doc_add(pane, 2, "override ", ST_WARNING, line, ST_NORMAL, 0);
		free(line);
	}
}

static void outcome_draw(struct screen_ctx *ctx, struct ui_doc *body, struct ui_doc *pane)
{
	const struct pw_node *n = &ctx->pw->nodes[session_node(ctx->s)];
	size_t nover = session_override_count(ctx->s);

	screen_endpoint_header(ctx, body);
	screen_section(ctx, body, "Recommendation", n->recommendation, ST_CHOSEN);
	/* The plan first, so that at 80x24 the recommendation and what to do fit the first screen. */
	screen_plan(ctx, body, "What to do", &n->actions);
	screen_plan(ctx, body, "What to document", &n->document);
	screen_warnings(ctx, body);
	would_change(ctx, body);
	if (nover > 0) {
		doc_blank(body);
		doc_addf(body, 0, ST_HEADING, "Overrides on this route: %zu (e shows them with their reasons)", nover);
	}
	doc_blank(body);
	doc_add(body, 0, NULL, ST_HEADING, "Evidence", ST_HEADING, 0);
	screen_evidence(ctx, body);
	screen_section(ctx, body, NULL, ctx->pw->disclaimer, ST_DIM);
	route_pane(ctx, pane);
}

static enum screen_intent outcome_key(struct screen_ctx *ctx, const struct ui_event *ev)
{
	(void)ctx;
	return ev->action == UI_CONFIRM ? SCREEN_FINISH : SCREEN_IGNORED;
}

static enum screen_intent outcome_click(struct screen_ctx *ctx, int target)
{
	(void)ctx;
	(void)target;
	return SCREEN_IGNORED;
}

static const char *outcome_hints(const struct screen_ctx *ctx)
{
	(void)ctx;
	return "?:help  Enter:finish  PgDn:more  b:back  e:route  q:quit";
}

const struct screen_ops outcome_screen = {
	.name = "endpoint",
	.open = outcome_open,
	.close = outcome_close,
	.draw = outcome_draw,
	.key = outcome_key,
	.click = outcome_click,
	.hints = outcome_hints,
	.pane_title = "Route and overrides",
};
