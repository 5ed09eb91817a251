/* SPDX-License-Identifier: Apache-2.0 */
/* The pathway drawn as a Graphviz digraph or as an outline, with an optional route highlighted. */
#include "graph.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "utf8.h"
#include "xalloc.h"

#define ROUTE_COLOUR "#1f5fbf"
#define ROUTE_FILL "#dde8fa"
#define WARNING_COLOUR "#b35900"
#define WARNING_FILL "#fff1d6"
#define LABEL_WIDTH 30 /* columns per line of a node or edge label */
#define MAX_TIES 2     /* a warning naming more nodes in at() goes to the legend */

/* What the route went through, as flags per node, transition and warning. */
struct marks {
	unsigned char *node;
	unsigned char **transition; /* per node, per transition */
	unsigned char *warning;
	bool any;
};

static void marks_init(struct marks *m, const struct pathway *pw, const struct graph_route *route)
{
	m->node = xcalloc(pw->nnodes + 1, 1);
	m->transition = xcalloc(pw->nnodes + 1, sizeof(*m->transition));
	m->warning = xcalloc(pw->nwarnings + 1, 1);
	for (size_t u = 0; u < pw->nnodes; u++)
		m->transition[u] = xcalloc(pw->nodes[u].nnext + 1, 1);
	m->any = route && route->nnodes > 0;
	if (!route)
		return;
	for (size_t i = 0; i < route->nnodes; i++) {
		int to = route->nodes[i], from, via = route->via ? route->via[i] : -1;

		m->node[to] = 1;
		if (i == 0)
			continue;
		from = route->nodes[i - 1];
		if (via < 0 || (size_t)via >= pw->nodes[from].nnext || pw->nodes[from].next[via].target != to)
			for (size_t t = 0; t < pw->nodes[from].nnext && via < 0; t++)
				if (pw->nodes[from].next[t].target == to)
					via = (int)t;
		if (via >= 0 && (size_t)via < pw->nodes[from].nnext)
			m->transition[from][via] = 1;
	}
	for (size_t i = 0; i < route->nwarnings; i++)
		m->warning[route->warnings[i]] = 1;
}

static void marks_free(struct marks *m, const struct pathway *pw)
{
	for (size_t u = 0; u < pw->nnodes; u++)
		free(m->transition[u]);
	free(m->transition);
	free(m->node);
	free(m->warning);
}

const char *graph_screen_name(enum screen_kind kind)
{
	switch (kind) {
	case SCREEN_INFO: return "info";
	case SCREEN_QUESTION: return "question";
	case SCREEN_DECISION: return "decision";
	case SCREEN_ENDPOINT: return "endpoint";
	}
	return "?";
}

/* --- DOT ------------------------------------------------------------------------------------ */

/* Appends s inside a DOT double-quoted string: quotes and backslashes escaped, so no text can end
 * the string or start an escape such as \N. */
static void dot_escape(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sb_append_char(sb, '\\');
		sb_append_char(sb, *s);
	}
}

/* Appends s inside an HTML-like label (between < and >). */
static void html_escape(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sb_append(sb, "&amp;"); break;
		case '<': sb_append(sb, "&lt;"); break;
		case '>': sb_append(sb, "&gt;"); break;
		case '"': sb_append(sb, "&quot;"); break;
		default: sb_append_char(sb, *s);
		}
	}
}

/* Appends text cleaned of unsafe characters and wrapped to LABEL_WIDTH, each line escaped by
 * escape and lines joined by line_break. */
static void append_wrapped(struct strbuf *sb, const char *text, void (*escape)(struct strbuf *, const char *),
			   const char *line_break)
{
	struct strbuf clean = STRBUF_INIT;
	struct utf8_lines lines = { 0 };

	utf8_append_clean(&clean, text, false);
	utf8_wrap(sb_str(&clean), LABEL_WIDTH, 0, &lines);
	for (size_t i = 0; i < lines.count; i++) {
		if (i > 0)
			sb_append(sb, line_break);
		escape(sb, lines.lines[i]);
	}
	utf8_lines_free(&lines);
	sb_free(&clean);
}

static void dot_id(struct strbuf *sb, const char *prefix, const char *id)
{
	sb_append_char(sb, '"');
	sb_append(sb, prefix);
	dot_escape(sb, id);
	sb_append_char(sb, '"');
}

static const char *dot_shape(enum screen_kind kind)
{
	switch (kind) {
	case SCREEN_INFO: return "shape=box, style=\"rounded\"";
	case SCREEN_QUESTION: return "shape=box";
	case SCREEN_DECISION: return "shape=diamond";
	case SCREEN_ENDPOINT: return "shape=doubleoctagon";
	}
	return "shape=box";
}

static void dot_node(struct strbuf *sb, const struct pathway *pw, int u, const struct marks *m)
{
	const struct pw_node *n = &pw->nodes[u];

	sb_append(sb, "\t\t");
	dot_id(sb, "n:", n->id);
	sb_append(sb, " [label=<");
	append_wrapped(sb, n->title, html_escape, "<BR/>");
	sb_append(sb, "<BR/><FONT POINT-SIZE=\"8\">");
	html_escape(sb, n->id);
	if (u == pw->start)
		sb_append(sb, " (start)");
	sb_appendf(sb, "</FONT>>, %s", dot_shape(n->screen));
	/* A later style replaces the shape's, so an info node keeps its rounded corners here. */
	if (m->node[u])
		sb_appendf(sb, ", penwidth=3, color=\"" ROUTE_COLOUR "\", fillcolor=\"" ROUTE_FILL "\", "
			   "style=\"filled,bold%s\"", n->screen == SCREEN_INFO ? ",rounded" : "");
	sb_append(sb, "];\n");
}

static void dot_edges(struct strbuf *sb, const struct pathway *pw, int u, const struct marks *m)
{
	const struct pw_node *n = &pw->nodes[u];

	for (size_t t = 0; t < n->nnext; t++) {
		const struct pw_transition *tr = &n->next[t];
		bool labelled = tr->when_source || n->nnext > 1;

		sb_append_char(sb, '\t');
		dot_id(sb, "n:", n->id);
		sb_append(sb, " -> ");
		dot_id(sb, "n:", pw->nodes[tr->target].id);
		sb_append(sb, " [");
		if (labelled) {
			sb_append(sb, "label=\"");
			if (tr->when_source)
				append_wrapped(sb, tr->when_source, dot_escape, "\\n");
			else
				sb_append(sb, "otherwise");
			sb_append(sb, "\"");
		}
		if (m->transition[u][t])
			sb_appendf(sb, "%spenwidth=3, color=\"" ROUTE_COLOUR "\", fontcolor=\"" ROUTE_COLOUR "\"",
				   labelled ? ", " : "");
		sb_append(sb, "];\n");
	}
}

struct tie_ctx {
	struct strbuf *sb;
	const struct pathway *pw;
	const char *warning;
};

static void tie_warning(int node, void *ctx)
{
	struct tie_ctx *c = ctx;

	sb_append_char(c->sb, '\t');
	dot_id(c->sb, "w:", c->warning);
	sb_append(c->sb, " -> ");
	dot_id(c->sb, "n:", c->pw->nodes[node].id);
	sb_append(c->sb, " [style=dashed, arrowhead=none, color=\"" WARNING_COLOUR "\", constraint=false];\n");
}

static void dot_warning(struct strbuf *sb, const struct pathway *pw, int w, const struct marks *m,
			const char *indent)
{
	const struct pw_warning *pw_w = &pw->warnings[w];

	sb_append(sb, indent);
	dot_id(sb, "w:", pw_w->id);
	sb_append(sb, " [shape=note, style=filled, fillcolor=\"" WARNING_FILL "\", color=\"" WARNING_COLOUR
		  "\", label=<");
	append_wrapped(sb, pw_w->title, html_escape, "<BR/>");
	sb_append(sb, "<BR/><FONT POINT-SIZE=\"8\">when: ");
	append_wrapped(sb, pw_w->when_source ? pw_w->when_source : "", html_escape, "<BR/>");
	sb_append(sb, "</FONT>>");
	if (m->warning[w])
		sb_append(sb, ", penwidth=3");
	sb_append(sb, "];\n");
}

static void count_node(int node, void *ctx)
{
	(void)node;
	(*(size_t *)ctx)++;
}

void graph_write_dot(const struct pathway *pw, const struct graph_route *route, struct strbuf *out)
{
	struct marks m;
	bool legend = false;

	marks_init(&m, pw, route);
	sb_append(out, "digraph \"");
	dot_escape(out, pw->id);
	sb_append(out, "\" {\n\tgraph [fontname=\"Helvetica\", labelloc=t, fontsize=16, newrank=true, label=\"");
	dot_escape(out, pw->title);
	sb_append(out, "\\n");
	dot_escape(out, pw->id);
	sb_append(out, " ");
	dot_escape(out, pw->version);
	sb_append(out, ", review ");
	dot_escape(out, pw->review_date);
	sb_append(out, "\"];\n\tnode [fontname=\"Helvetica\", fontsize=11];\n"
		  "\tedge [fontname=\"Helvetica\", fontsize=9];\n");
	for (size_t s = 0; s < pw->nstages; s++) {
		sb_appendf(out, "\tsubgraph \"cluster_%zu\" {\n\t\tlabel=\"%zu. ", s, s + 1);
		dot_escape(out, pw->stages[s].label);
		sb_append(out, "\";\n\t\tstyle=rounded;\n\t\tcolor=\"#999999\";\n\t\tfontsize=13;\n");
		for (size_t u = 0; u < pw->nnodes; u++)
			if (pw->nodes[u].stage == (int)s)
				dot_node(out, pw, (int)u, &m);
		sb_append(out, "\t}\n");
	}
	for (size_t u = 0; u < pw->nnodes; u++)
		dot_edges(out, pw, (int)u, &m);
	for (size_t w = 0; w < pw->nwarnings; w++) {
		size_t named = 0;

		expr_for_each_node(pw->warnings[w].when, count_node, &named);
		/* Tied to the few nodes its at() names; ties to many would cross the whole drawing, so
		 * such warnings and those without at() go to the legend, their condition in the label. */
		if (named == 0 || named > MAX_TIES) {
			legend = true;
			continue;
		}
		dot_warning(out, pw, (int)w, &m, "\t");
		{
			struct tie_ctx c = { out, pw, pw->warnings[w].id };

			expr_for_each_node(pw->warnings[w].when, tie_warning, &c);
		}
	}
	if (legend) {
		sb_append(out, "\tsubgraph \"cluster_warnings\" {\n\t\tlabel=\"Warnings (shown where their "
			  "condition is true)\";\n\t\tstyle=dashed;\n\t\tcolor=\"" WARNING_COLOUR "\";\n");
		for (size_t w = 0; w < pw->nwarnings; w++) {
			size_t named = 0;

			expr_for_each_node(pw->warnings[w].when, count_node, &named);
			if (named == 0 || named > MAX_TIES)
				dot_warning(out, pw, (int)w, &m, "\t\t");
		}
		sb_append(out, "\t}\n");
	}
	sb_append(out, "}\n");
	marks_free(&m, pw);
}

/* --- text outline --------------------------------------------------------------------------- */

static void text_line(struct strbuf *sb, bool marked, const char *indent)
{
	sb_append(sb, marked ? "*" : " ");
	sb_append(sb, indent);
}

void graph_write_text(const struct pathway *pw, const struct graph_route *route, struct strbuf *out)
{
	struct marks m;

	marks_init(&m, pw, route);
	sb_append(out, "Pathway: ");
	utf8_append_clean(out, pw->title, false);
	sb_appendf(out, " (%s %s, review %s)\n", pw->id, pw->version, pw->review_date);
	if (m.any)
		sb_append(out, "* marks the route taken\n");
	for (size_t s = 0; s < pw->nstages; s++) {
		sb_appendf(out, "\nStage %zu: ", s + 1);
		utf8_append_clean(out, pw->stages[s].label, false);
		sb_appendf(out, " (%s)\n", pw->stages[s].id);
		for (size_t u = 0; u < pw->nnodes; u++) {
			const struct pw_node *n = &pw->nodes[u];

			if (n->stage != (int)s)
				continue;
			text_line(out, m.node[u], " ");
			sb_appendf(out, "%s [%s%s] ", n->id, graph_screen_name(n->screen),
				   (int)u == pw->start ? ", start" : "");
			utf8_append_clean(out, n->title, false);
			sb_append_char(out, '\n');
			for (size_t t = 0; t < n->nnext; t++) {
				const struct pw_transition *tr = &n->next[t];

				text_line(out, m.transition[u][t], "     ");
				if (tr->when_source) {
					sb_append(out, "if ");
					utf8_append_clean(out, tr->when_source, false);
				} else {
					sb_append(out, n->nnext > 1 ? "otherwise" : "then");
				}
				sb_appendf(out, " -> %s\n", pw->nodes[tr->target].id);
			}
		}
	}
	if (pw->nwarnings > 0)
		sb_append(out, "\nWarnings\n");
	for (size_t w = 0; w < pw->nwarnings; w++) {
		text_line(out, m.warning[w], " ");
		sb_appendf(out, "%s: ", pw->warnings[w].id);
		utf8_append_clean(out, pw->warnings[w].title, false);
		sb_append(out, " (when ");
		utf8_append_clean(out, pw->warnings[w].when_source ? pw->warnings[w].when_source : "", false);
		sb_append(out, ")\n");
	}
	marks_free(&m, pw);
}
