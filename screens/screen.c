/* SPDX-License-Identifier: Apache-2.0 */
/* Content shared by the screen modules: the node header with its warnings, evidence with
 * citations, labelled sections, and the message line. */
#include "screen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"

void screen_message(struct screen_ctx *ctx, bool error, const char *fmt, ...)
{
	va_list ap;

	free(ctx->message);
	ctx->message = NULL;
	ctx->message_error = error;
	if (!fmt)
		return;
	va_start(ap, fmt);
	ctx->message = xvasprintf(fmt, ap);
	va_end(ap);
}

void screen_section(struct screen_ctx *ctx, struct ui_doc *d, const char *heading, const char *text,
		    enum ui_style style)
{
	char *rendered;

	if (!text || !text[0])
		return;
	rendered = session_render_text(ctx->s, text);
	doc_blank(d);
	if (heading)
		doc_add(d, 0, NULL, ST_HEADING, heading, ST_HEADING, 0);
	doc_add(d, heading ? 2 : 0, NULL, style, rendered, style, 0);
	free(rendered);
}

static void add_warning(struct screen_ctx *ctx, struct ui_doc *d, int w)
{
	const struct pw_warning *pw_w = &ctx->pw->warnings[w];
	char *rendered = session_warning_text(ctx->s, w, NULL);
	char *head = xasprintf("%s ", doc_severity_label(pw_w->severity, false));
	enum ui_style style = doc_severity_style(pw_w->severity);

	/* Title on its own line after the severity's mark and word (never colour alone), so a long
	 * title cannot squeeze the text into a narrow column. */
	doc_add(d, 0, head, style, pw_w->title, style, 0);
	doc_add(d, 2, NULL, style, rendered, ST_HEADING, 0);
	free(head);
	free(rendered);
}

void screen_node_title(struct screen_ctx *ctx, struct ui_doc *body)
{
	const struct pw_node *n = &ctx->pw->nodes[session_node(ctx->s)];
	size_t nw;
	const int *w = session_warnings(ctx->s, &nw);

	doc_add(body, 0, NULL, ST_HEADING, n->title, ST_HEADING, 0);
	if (nw > 0 && n->screen != SCREEN_ENDPOINT) {
		doc_blank(body);
		for (size_t i = 0; i < nw; i++)
			add_warning(ctx, body, w[i]);
	}
}

void screen_node_header(struct screen_ctx *ctx, struct ui_doc *body)
{
	const struct pw_node *n = &ctx->pw->nodes[session_node(ctx->s)];
	char *text;

	screen_node_title(ctx, body);
	if (n->text && n->text[0]) {
		text = session_render_text(ctx->s, n->text);
		doc_blank(body);
		doc_add(body, 0, NULL, ST_NORMAL, text, ST_NORMAL, 0);
		free(text);
	}
}

/* Warnings of an endpoint: every one that applies here. They sit in the scrolling body, so a
 * small terminal scrolls to them instead of hiding them. */
void screen_warnings(struct screen_ctx *ctx, struct ui_doc *d)
{
	size_t nw;
	const int *w = session_warnings(ctx->s, &nw);

	if (nw == 0)
		return;
	doc_blank(d);
	doc_add(d, 0, NULL, ST_HEADING, nw == 1 ? "Warning" : "Warnings", ST_HEADING, 0);
	for (size_t i = 0; i < nw; i++)
		add_warning(ctx, d, w[i]);
}

static void add_citations(struct screen_ctx *ctx, struct ui_doc *d, const int *refs, size_t nrefs)
{
	for (size_t r = 0; r < nrefs; r++) {
		char *mark = xasprintf("[%s] ", ctx->pw->refs[refs[r]].id);

		doc_add(d, 4, mark, ST_DIM, ctx->pw->refs[refs[r]].citation, ST_DIM, 0);
		free(mark);
	}
}

void screen_plan(struct screen_ctx *ctx, struct ui_doc *d, const char *heading, const struct pw_plan *plan)
{
	int *shown = xcalloc(plan->nitems + 1, sizeof(*shown));
	size_t n = session_plan_shown(ctx->s, plan, shown);

	doc_blank(d);
	doc_add(d, 0, NULL, ST_HEADING, heading, ST_HEADING, 0);
	if (n == 0)
		doc_add(d, 2, NULL, ST_DIM, "nothing further", ST_DIM, 0);
	for (size_t i = 0; i < n; i++) {
		const struct pw_plan_item *it = &plan->items[shown[i]];
		char *text = session_render_text(ctx->s, it->text);

		doc_add(d, 2, "- ", ST_NORMAL, text, ST_NORMAL, 0);
		free(text);
		add_citations(ctx, d, it->refs, it->nrefs);
	}
	free(shown);
}

void screen_evidence(struct screen_ctx *ctx, struct ui_doc *d)
{
	const struct pw_node *n = &ctx->pw->nodes[session_node(ctx->s)];
	size_t ne, nw;
	const int *e = session_evidence(ctx->s, &ne);
	const int *w = session_warnings(ctx->s, &nw);

	if (ne == 0)
		doc_add(d, 0, NULL, ST_DIM, "No evidence notes for this screen.", ST_DIM, 0);
	for (size_t i = 0; i < ne; i++) {
		const struct pw_evidence *ev = &n->evidence[e[i]];
		char *note = session_render_text(ctx->s, ev->note ? ev->note : "");

		doc_add(d, 0, "- ", ST_NORMAL, note, ST_NORMAL, 0);
		free(note);
		add_citations(ctx, d, ev->refs, ev->nrefs);
	}
	/* A warning's sources belong with the evidence too. */
	for (size_t i = 0; i < nw; i++) {
		const struct pw_warning *pw_w = &ctx->pw->warnings[w[i]];

		if (pw_w->nrefs == 0)
			continue;
		doc_add(d, 0, "- ", ST_NORMAL, pw_w->title, ST_NORMAL, 0);
		add_citations(ctx, d, pw_w->refs, pw_w->nrefs);
	}
}

void screen_about(const struct pathway *pw, struct ui_doc *d)
{
	doc_add(d, 0, NULL, ST_HEADING, "About this pathway", ST_HEADING, 0);
	doc_addf(d, 0, ST_NORMAL, "%s, version %s, review date %s.", pw->title, pw->version, pw->review_date);
	doc_add(d, 0, "Scope: ", ST_HEADING, pw->scope ? pw->scope : "not stated by the pathway", ST_NORMAL, 0);
	doc_add(d, 0, "Disclaimer: ", ST_HEADING, pw->disclaimer, ST_NORMAL, 0);
	if (pw->nchoices > 0) {
		doc_blank(d);
		doc_add(d, 0, NULL, ST_HEADING, "Choices made where the sources are ambiguous", ST_HEADING, 0);
	}
	for (size_t i = 0; i < pw->nchoices; i++) {
		char *num = xasprintf("%zu. ", i + 1);

		doc_add(d, 4, num, ST_NORMAL, pw->choices[i], ST_NORMAL, 0);
		free(num);
	}
	if (pw->notes) {
		doc_blank(d);
		doc_add(d, 0, NULL, ST_NORMAL, pw->notes, ST_NORMAL, 0);
	}
}
