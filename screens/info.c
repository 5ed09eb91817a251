/* SPDX-License-Identifier: Apache-2.0 */
/* An information screen: the node's text; Enter continues. */
#include "screen.h"

static void *info_open(struct screen_ctx *ctx)
{
	(void)ctx;
	return NULL;
}

static void info_close(void *state)
{
	(void)state;
}

static void info_draw(struct screen_ctx *ctx, struct ui_doc *body, struct ui_doc *pane)
{
	screen_node_header(ctx, body);
	screen_evidence(ctx, pane);
}

static enum screen_intent info_key(struct screen_ctx *ctx, const struct ui_event *ev)
{
	(void)ctx;
	return ev->action == UI_CONFIRM ? SCREEN_NEXT : SCREEN_IGNORED;
}

static enum screen_intent info_click(struct screen_ctx *ctx, int target)
{
	(void)ctx;
	(void)target;
	return SCREEN_IGNORED;
}

static const char *info_hints(const struct screen_ctx *ctx)
{
	(void)ctx;
	return "?:help  Enter:continue  b:back  e:evidence  q:quit";
}

const struct screen_ops info_screen = {
	.name = "info",
	.open = info_open,
	.close = info_close,
	.draw = info_draw,
	.key = info_key,
	.click = info_click,
	.hints = info_hints,
	.pane_title = "Evidence",
};
