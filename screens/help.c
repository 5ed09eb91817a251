/* SPDX-License-Identifier: Apache-2.0 */
/* The `?` help: generated from the key table (keys.c), so it cannot drift from the bindings. */
#include "screen.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "wrap.h"

static void *help_open(struct screen_ctx *ctx)
{
	(void)ctx;
	return NULL;
}

static void help_close(void *state)
{
	(void)state;
}

static void help_draw(struct screen_ctx *ctx, struct ui_doc *body, struct ui_doc *pane)
{
	size_t n, keyw = 0;
	const struct key_binding *k = keys_table(&n);

	doc_add(body, 0, NULL, ST_HEADING, "Keys  (Esc, q, ? or Enter closes this help)", ST_HEADING, 0);
	doc_blank(body);
	doc_add(body, 0, "Input rule: ", ST_HEADING, keys_input_rule(), ST_NORMAL, 0);
	doc_blank(body);
	doc_addf(body, 0, ST_DIM, "This screen's id: %s", ctx->pw->nodes[session_node(ctx->s)].id);
	doc_blank(body);
	for (size_t i = 0; i < n; i++) {
		size_t w = wrap_width(k[i].keys, strlen(k[i].keys));

		if (w > keyw)
			keyw = w;
	}
	for (size_t i = 0; i < n; i++) {
		size_t w = wrap_width(k[i].keys, strlen(k[i].keys));
		char *prefix = xasprintf("%s%*s  ", k[i].keys, (int)(keyw - w), "");
		char *text = xasprintf("%s [%s]", k[i].description, k[i].context);

		doc_add(body, 2, prefix, ST_HEADING, text, ST_NORMAL, 0);
		free(prefix);
		free(text);
	}
	doc_blank(body);
	doc_addf(body, 0, ST_NORMAL,
		 "The screen needs at least %dx%d; a smaller terminal shows a notice until it grows. "
		 "Every answer, decision, override and going back is recorded in the session log.",
		 LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	doc_blank(body);
	screen_about(ctx->pw, body);
	(void)pane;
}

static enum screen_intent help_key(struct screen_ctx *ctx, const struct ui_event *ev)
{
	(void)ctx;
	switch (ev->action) {
	case UI_CANCEL:
	case UI_QUIT:
	case UI_HELP:
	case UI_CONFIRM:
		return SCREEN_CLOSE;
	default:
		return SCREEN_IGNORED;
	}
}

static enum screen_intent help_click(struct screen_ctx *ctx, int target)
{
	(void)ctx;
	(void)target;
	return SCREEN_IGNORED;
}

static const char *help_hints(const struct screen_ctx *ctx)
{
	(void)ctx;
	return "Esc/q/?:close help  Up/Down/PgUp/PgDn:scroll";
}

const struct screen_ops help_screen = {
	.name = "help",
	.open = help_open,
	.close = help_close,
	.draw = help_draw,
	.key = help_key,
	.click = help_click,
	.hints = help_hints,
	.pane_title = "Evidence",
};
