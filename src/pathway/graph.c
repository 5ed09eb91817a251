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
#define BROKEN_COLOUR "#d00000"
#define LABEL_WIDTH 30 /* columns per line of a node or edge label */

/* What the route went through, as flags per node, transition and warning. */
struct marks {
	unsigned char *node;
	unsigned char **transition; /* per node, per transition */
	unsigned char *warning;
	bool any;
	const struct diag_list *problems; /* of a draft (NULL or empty when the pathway is valid) */
};

static void marks_init(struct marks *m, const struct pathway *pw, const struct graph_route *route)
{
	m->node = xcalloc(pw->nnodes + 1, 1);
	m->transition = xcalloc(pw->nnodes + 1, sizeof(*m->transition));
	m->warning = xcalloc(pw->nwarnings + 1, 1);
	for (size_t u = 0; u < pw->nnodes; u++)
		m->transition[u] = xcalloc(pw->nodes[u].nnext + 1, 1);
	m->any = route && route->nnodes > 0;
	m->problems = NULL;
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

	utf8_append_clean(&clean, text ? text : "", false);
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

/* A node's DOT id: "n:ID", or "n:#INDEX" for a draft's node whose id could not be read. */
static void dot_node_id(struct strbuf *sb, const struct pathway *pw, int u)
{
	if (pw->nodes[u].id) {
		dot_id(sb, "n:", pw->nodes[u].id);
		return;
	}
	sb_appendf(sb, "\"n:#%d\"", u);
}

/* The first problem of a draft reported in lines [first, end), or NULL. */
static const char *problem_in(const struct marks *m, int first, int end)
{
	for (size_t i = 0; m->problems && i < m->problems->count; i++)
		if (m->problems->items[i].line >= first && m->problems->items[i].line < end)
			return m->problems->items[i].message;
	return NULL;
}

/* The problem of node u's lines (up to the next node's), or NULL. */
static const char *node_problem(const struct pathway *pw, int u, const struct marks *m)
{
	int end = (size_t)u + 1 < pw->nnodes ? pw->nodes[u + 1].line : 1 << 30;

	if (pw->nodes[u].line <= 0)
		return NULL;
	return problem_in(m, pw->nodes[u].line, end > pw->nodes[u].line ? end : pw->nodes[u].line + 1);
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

/* True when warning w may be shown at node u: its condition, with every answer unknown, is not
 * false there (at(), endpoint and the declared ranges decide; answers are unknown). */
static bool warning_can_show(const struct pathway *pw, int w, int u)
{
	struct expr_env env = { pw, NULL, NULL, u, pathway_is_endpoint(pw, u) };
	struct value v;

	if (!pw->warnings[w].when)
		return false;
	v = expr_eval(pw->warnings[w].when, &env);
	return !(v.type == TYPE_BOOL && !v.u.b);
}

/* True when warning w is drawn as a note on the nodes where it may show: when those are not all
 * the nodes (a warning about answers alone may show anywhere and goes to the legend). */
static bool warning_on_nodes(const struct pathway *pw, int w)
{
	size_t where = 0;

	for (size_t u = 0; u < pw->nnodes; u++)
		where += warning_can_show(pw, w, (int)u);
	return where > 0 && where < pw->nnodes;
}

static void dot_node(struct strbuf *sb, const struct pathway *pw, int u, const struct marks *m,
		     const bool *placed, const char *indent)
{
	const struct pw_node *n = &pw->nodes[u];
	const char *problem = node_problem(pw, u, m);

	sb_append(sb, indent);
	dot_node_id(sb, pw, u);
	sb_append(sb, " [label=<");
	append_wrapped(sb, n->title ? n->title : "(no title)", html_escape, "<BR/>");
	sb_append(sb, "<BR/><FONT POINT-SIZE=\"8\">");
	html_escape(sb, n->id ? n->id : "(no id)");
	if (u == pw->start)
		sb_append(sb, " (start)");
	sb_append(sb, "</FONT>");
	/* Warnings as notes on the nodes where they can show, instead of lines across the drawing. */
	for (size_t w = 0; w < pw->nwarnings; w++) {
		if (!placed[w] || !warning_can_show(pw, (int)w, u))
			continue;
		sb_append(sb, "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"" WARNING_COLOUR "\">");
		sb_append(sb, m->warning[w] ? "<B>warning: " : "warning: ");
		append_wrapped(sb, pw->warnings[w].title, html_escape, "<BR/>");
		sb_append(sb, m->warning[w] ? "</B></FONT>" : "</FONT>");
	}
	if (problem) {
		sb_append(sb, "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"" BROKEN_COLOUR "\">");
		append_wrapped(sb, problem, html_escape, "<BR/>");
		sb_append(sb, "</FONT>");
	}
	sb_appendf(sb, ">, %s", dot_shape(n->screen));
	/* A later style replaces the shape's, so an info node keeps its rounded corners here. */
	if (m->node[u])
		sb_appendf(sb, ", penwidth=3, color=\"" ROUTE_COLOUR "\", fillcolor=\"" ROUTE_FILL "\", "
			   "style=\"filled,bold%s\"", n->screen == SCREEN_INFO ? ",rounded" : "");
	if (problem || !n->id || n->stage < 0)
		sb_append(sb, ", penwidth=2, color=\"" BROKEN_COLOUR "\", fontcolor=\"" BROKEN_COLOUR "\"");
	sb_append(sb, "];\n");
}

/* Edges labelled with their place in the node's next list (the first whose condition is true is
 * taken) and their label, or condition, or "otherwise"; a draft's broken ones in red. */
static void dot_edges(struct strbuf *sb, const struct pathway *pw, int u, const struct marks *m)
{
	const struct pw_node *n = &pw->nodes[u];

	for (size_t t = 0; t < n->nnext; t++) {
		const struct pw_transition *tr = &n->next[t];
		bool labelled = tr->when_source || tr->label || n->nnext > 1;
		bool broken = tr->target < 0 || (tr->when_source && !tr->when);
		const char *problem = problem_in(m, tr->line, tr->line + 1);

		if (tr->target < 0) {
			sb_appendf(sb, "\t\"x:%d:%zu\" [shape=box, style=dashed, color=\"" BROKEN_COLOUR "\", "
				   "fontcolor=\"" BROKEN_COLOUR "\", label=\"", u, t);
			append_wrapped(sb, problem ? problem : "no such node", dot_escape, "\\n");
			sb_append(sb, "\"];\n");
		}
		sb_append_char(sb, '\t');
		dot_node_id(sb, pw, u);
		sb_append(sb, " -> ");
		if (tr->target >= 0)
			dot_node_id(sb, pw, tr->target);
		else
			sb_appendf(sb, "\"x:%d:%zu\"", u, t);
		sb_append(sb, " [");
		if (labelled) {
			struct strbuf text = STRBUF_INIT;

			if (n->nnext > 1)
				sb_appendf(&text, "%zu. ", t + 1);
			sb_append(&text, tr->label ? tr->label : tr->when_source ? tr->when_source : "otherwise");
			sb_append(sb, "label=\"");
			append_wrapped(sb, sb_str(&text), dot_escape, "\\n");
			sb_append(sb, "\"");
			sb_free(&text);
		}
		if (m->transition[u][t])
			sb_appendf(sb, "%spenwidth=3, color=\"" ROUTE_COLOUR "\", fontcolor=\"" ROUTE_COLOUR "\"",
				   labelled ? ", " : "");
		if (broken)
			sb_appendf(sb, "%spenwidth=2, color=\"" BROKEN_COLOUR "\", fontcolor=\"" BROKEN_COLOUR "\"",
				   labelled || m->transition[u][t] ? ", " : "");
		sb_append(sb, "];\n");
	}
}

static void dot_warning(struct strbuf *sb, const struct pathway *pw, int w, const struct marks *m,
			const char *indent)
{
	const struct pw_warning *pw_w = &pw->warnings[w];
	bool broken = !pw_w->id || (pw_w->when_source && !pw_w->when);

	sb_append(sb, indent);
	if (pw_w->id)
		dot_id(sb, "w:", pw_w->id);
	else
		sb_appendf(sb, "\"w:#%d\"", w);
	sb_append(sb, " [shape=note, style=filled, fillcolor=\"" WARNING_FILL "\", color=\"");
	sb_append(sb, broken ? BROKEN_COLOUR : WARNING_COLOUR);
	sb_append(sb, "\", label=<");
	append_wrapped(sb, pw_w->title, html_escape, "<BR/>");
	sb_append(sb, "<BR/><FONT POINT-SIZE=\"8\">when: ");
	append_wrapped(sb, pw_w->when_source ? pw_w->when_source : "", html_escape, "<BR/>");
	sb_append(sb, "</FONT>>");
	if (m->warning[w])
		sb_append(sb, ", penwidth=3");
	sb_append(sb, "];\n");
}

/* Invisible edges from the last node of each stage to the first of the next, so that the
 * clusters are laid out in breadcrumb order, top to bottom. */
static void dot_stage_order(struct strbuf *sb, const struct pathway *pw)
{
	int last = -1;

	for (size_t s = 0; s < pw->nstages; s++) {
		int first = -1, end = -1;

		for (size_t u = 0; u < pw->nnodes; u++)
			if (pw->nodes[u].stage == (int)s) {
				if (first < 0)
					first = (int)u;
				end = (int)u;
			}
		if (first < 0)
			continue;
		if (last >= 0) {
			sb_append_char(sb, '\t');
			dot_node_id(sb, pw, last);
			sb_append(sb, " -> ");
			dot_node_id(sb, pw, first);
			sb_append(sb, " [style=invis];\n");
		}
		last = end;
	}
}

void graph_write_dot(const struct pathway *pw, const struct graph_route *route,
		     const struct diag_list *problems, struct strbuf *out)
{
	struct marks m;
	bool legend = false, *placed = xcalloc(pw->nwarnings + 1, sizeof(bool));

	marks_init(&m, pw, route);
	m.problems = problems;
	for (size_t w = 0; w < pw->nwarnings; w++)
		legend |= !(placed[w] = warning_on_nodes(pw, (int)w));
	sb_append(out, "digraph \"");
	dot_escape(out, pw->id ? pw->id : "pathway");
	sb_append(out, "\" {\n\tgraph [fontname=\"Helvetica\", labelloc=t, fontsize=16, newrank=true, label=\"");
	dot_escape(out, pw->title ? pw->title : "(no title)");
	sb_append(out, "\\n");
	dot_escape(out, pw->id ? pw->id : "(no id)");
	sb_append(out, " ");
	dot_escape(out, pw->version ? pw->version : "");
	sb_append(out, ", review ");
	dot_escape(out, pw->review_date ? pw->review_date : "");
	if (problems && problems->count)
		sb_appendf(out, "\\n%zu problem%s: drawn in red", problems->count, problems->count == 1 ? "" : "s");
	sb_append(out, "\"");
	if (problems && problems->count)
		sb_append(out, ", fontcolor=\"" BROKEN_COLOUR "\"");
	sb_append(out, "];\n\tnode [fontname=\"Helvetica\", fontsize=11];\n"
		  "\tedge [fontname=\"Helvetica\", fontsize=9];\n");
	for (size_t s = 0; s < pw->nstages; s++) {
		sb_appendf(out, "\tsubgraph \"cluster_%zu\" {\n\t\tlabel=\"%zu. ", s, s + 1);
		dot_escape(out, pw->stages[s].label ? pw->stages[s].label : "");
		sb_append(out, "\";\n\t\tstyle=rounded;\n\t\tcolor=\"#999999\";\n\t\tfontcolor=black;\n\t\tfontsize=13;\n");
		for (size_t u = 0; u < pw->nnodes; u++)
			if (pw->nodes[u].stage == (int)s)
				dot_node(out, pw, (int)u, &m, placed, "\t\t");
		sb_append(out, "\t}\n");
	}
	for (size_t u = 0; u < pw->nnodes; u++)
		if (pw->nodes[u].stage < 0 || (size_t)pw->nodes[u].stage >= pw->nstages)
			dot_node(out, pw, (int)u, &m, placed, "\t"); /* a draft's node without a stage */
	dot_stage_order(out, pw);
	for (size_t u = 0; u < pw->nnodes; u++)
		dot_edges(out, pw, (int)u, &m);
	if (legend) {
		sb_append(out, "\tsubgraph \"cluster_warnings\" {\n\t\tlabel=\"Warnings (shown where their "
			  "condition is true)\";\n\t\tstyle=dashed;\n\t\tcolor=\"" WARNING_COLOUR "\";\n");
		for (size_t w = 0; w < pw->nwarnings; w++)
			if (!placed[w])
				dot_warning(out, pw, (int)w, &m, "\t\t");
		sb_append(out, "\t}\n");
	}
	sb_append(out, "}\n");
	free(placed);
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
	utf8_append_clean(out, pw->title ? pw->title : "(no title)", false);
	sb_appendf(out, " (%s %s, review %s)\n", pw->id ? pw->id : "?", pw->version ? pw->version : "?",
		   pw->review_date ? pw->review_date : "?");
	if (m.any)
		sb_append(out, "* marks the route taken\n");
	for (size_t s = 0; s < pw->nstages; s++) {
		sb_appendf(out, "\nStage %zu: ", s + 1);
		utf8_append_clean(out, pw->stages[s].label ? pw->stages[s].label : "", false);
		sb_appendf(out, " (%s)\n", pw->stages[s].id);
		for (size_t u = 0; u < pw->nnodes; u++) {
			const struct pw_node *n = &pw->nodes[u];

			if (n->stage != (int)s)
				continue;
			text_line(out, m.node[u], " ");
			sb_appendf(out, "%s [%s%s] ", n->id ? n->id : "?", graph_screen_name(n->screen),
				   (int)u == pw->start ? ", start" : "");
			utf8_append_clean(out, n->title ? n->title : "", false);
			sb_append_char(out, '\n');
			for (size_t t = 0; t < n->nnext; t++) {
				const struct pw_transition *tr = &n->next[t];

				text_line(out, m.transition[u][t], "     ");
				if (n->nnext > 1)
					sb_appendf(out, "%zu. ", t + 1);
				if (tr->when_source) {
					sb_append(out, "if ");
					utf8_append_clean(out, tr->when_source, false);
				} else {
					sb_append(out, n->nnext > 1 ? "otherwise" : "then");
				}
				sb_appendf(out, " -> %s\n", tr->target >= 0 && pw->nodes[tr->target].id ?
					   pw->nodes[tr->target].id : "? (no such node)");
			}
		}
	}
	if (pw->nwarnings > 0)
		sb_append(out, "\nWarnings\n");
	for (size_t w = 0; w < pw->nwarnings; w++) {
		text_line(out, m.warning[w], " ");
		sb_appendf(out, "%s: ", pw->warnings[w].id ? pw->warnings[w].id : "?");
		utf8_append_clean(out, pw->warnings[w].title ? pw->warnings[w].title : "", false);
		sb_append(out, " (when ");
		utf8_append_clean(out, pw->warnings[w].when_source ? pw->warnings[w].when_source : "", false);
		sb_append(out, ")\n");
	}
	marks_free(&m, pw);
}
