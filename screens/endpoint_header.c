/* SPDX-License-Identifier: Apache-2.0 */
/* The first lines of an endpoint. After an override they say so before anything else: which step
 * the clinician chose instead of which, and why. The node's text states the pathway's own
 * criteria for this endpoint; after an override they were not established on this route, so the
 * text is shown as the pathway's criteria, not as findings. */
#include "screen.h"

#include <stdlib.h>

#include "training.h"
#include "xalloc.h"

void screen_endpoint_header(struct screen_ctx *ctx, struct ui_doc *body)
{
	const struct pw_node *n = &ctx->pw->nodes[session_node(ctx->s)];
	size_t nover = session_override_count(ctx->s);
	char *head = xasprintf("%s ", doc_glyph(GL_WARN)), *text;

	screen_node_title(ctx, body);
	for (size_t i = 0; i < nover; i++) {
		const struct pw_node *at;
		const char *reason;
		int node, target;
		char *line;

		session_override_get(ctx->s, i, &node, &target, &reason);
		at = &ctx->pw->nodes[node];
		line = xasprintf("Chosen by the clinician instead of \"%s\" (at %s), reason: %s",
				 training_step_label(ctx->pw, &at->next[session_override_recommended(ctx->s, i)]),
				 at->title, reason);
		doc_blank(body);
		doc_add(body, 0, head, ST_WARNING, line, ST_HEADING, 0);
		free(line);
	}
	free(head);
	if (!n->text || !n->text[0])
		return;
	text = session_render_text(ctx->s, n->text);
	doc_blank(body);
	if (nover > 0)
		doc_add(body, 0, NULL, ST_HEADING,
			"The pathway's own criteria for this endpoint (not established on this route, which has "
			"an override):", ST_HEADING, 0);
	doc_add(body, nover > 0 ? 2 : 0, NULL, ST_NORMAL, text, ST_NORMAL, 0);
	free(text);
}
