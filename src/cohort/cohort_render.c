/* SPDX-License-Identifier: Apache-2.0 */
/* Lays the training report's outline out as text (the log's printable pages), Markdown or HTML.
 * Escaping is the log's own (textdoc.h, markup.h), so hostile names come out the same way. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohort.h"
#include "markup.h"
#include "report_model.h"
#include "strbuf.h"
#include "textdoc.h"
#include "utf8.h"
#include "xalloc.h"

#define GRID_LABEL "Trainee"
#define GRID_LABEL_MAX 20 /* columns of the text grid's trainee column */

/* The texts of a grid's cells, row by row (caller frees with free_cells). */
static char **cell_texts(const struct cohort_grid *g, const struct cohort_glyphs *glyphs)
{
	char **t = xcalloc(g->nrows * g->ncols + 1, sizeof(*t));

	for (size_t i = 0; i < g->nrows * g->ncols; i++)
		t[i] = cohort_cell_text(g->cells[i], glyphs);
	return t;
}

static void free_cells(char **t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(t[i]);
	free(t);
}

/* s sanitized and cut to at most width columns. Caller frees. */
static char *fit(const char *s, size_t width)
{
	struct strbuf clean = STRBUF_INIT;
	struct utf8_lines lines = { 0 };
	char *out;

	utf8_append_clean(&clean, s, false);
	if (utf8_width(sb_str(&clean), clean.len) <= width)
		return sb_take(&clean);
	utf8_wrap(sb_str(&clean), width, 0, &lines);
	out = xstrdup(lines.count ? lines.lines[0] : "");
	utf8_lines_free(&lines);
	sb_free(&clean);
	return out;
}

static void pad(struct strbuf *line, const char *s, size_t width)
{
	size_t w = utf8_width(s, strlen(s));

	sb_append(line, s);
	for (; w < width; w++)
		sb_append_char(line, ' ');
}

static void put_trimmed(struct textdoc_block *b, struct strbuf *line)
{
	while (line->len > 0 && sb_str(line)[line->len - 1] == ' ')
		line->len--;
	textdoc_put(b, 2, NULL, sb_str(line));
	sb_reset(line);
}

/* The grid in fixed columns, as many decisions side by side as fit the page, the rest below. */
static void text_grid(struct textdoc *d, const struct cohort_grid *g, const struct cohort_glyphs *glyphs)
{
	char **cells = cell_texts(g, glyphs), **labels = xcalloc(g->nrows + 1, sizeof(*labels));
	size_t label_w = strlen(GRID_LABEL), cell_w = 3, per_chunk;
	struct strbuf line = STRBUF_INIT;
	struct textdoc_block *b = textdoc_block(d, true, 1);

	for (size_t r = 0; r < g->nrows; r++) {
		char *label = cohort_row_label(&g->rows[r]);

		labels[r] = fit(label, GRID_LABEL_MAX);
		free(label);
		if (utf8_width(labels[r], strlen(labels[r])) > label_w)
			label_w = utf8_width(labels[r], strlen(labels[r]));
	}
	for (size_t i = 0; i < g->nrows * g->ncols; i++)
		if (utf8_width(cells[i], strlen(cells[i])) + 2 > cell_w)
			cell_w = utf8_width(cells[i], strlen(cells[i])) + 2;
	per_chunk = (TEXTDOC_WIDTH - 2 - label_w - 2) / cell_w;
	for (size_t from = 0; from < g->ncols; from += per_chunk) {
		size_t to = from + per_chunk < g->ncols ? from + per_chunk : g->ncols;

		if (from > 0)
			textdoc_put(b, 0, NULL, NULL);
		pad(&line, GRID_LABEL, label_w + 2);
		for (size_t col = from; col < to; col++) {
			char number[24];

			snprintf(number, sizeof(number), "%zu", col + 1);
			pad(&line, number, cell_w);
		}
		put_trimmed(b, &line);
		for (size_t r = 0; r < g->nrows; r++) {
			pad(&line, labels[r], label_w + 2);
			for (size_t col = from; col < to; col++)
				pad(&line, cells[r * g->ncols + col], cell_w);
			put_trimmed(b, &line);
		}
	}
	sb_free(&line);
	free_cells(labels, g->nrows);
	free_cells(cells, g->nrows * g->ncols);
}

static void render_text(const struct cohort_outline *o, const struct cohort_glyphs *glyphs, struct strbuf *out)
{
	struct textdoc d = { 0 };
	struct textdoc_block running = { 0 }, *b = NULL;

	for (size_t i = 0; i < o->count; i++) {
		const struct cohort_line *l = &o->lines[i];
		char *upper;

		switch (l->kind) {
		case COHORT_TITLE:
			textdoc_title(&d, l->text);
			b = NULL;
			break;
		case COHORT_SECTION:
			upper = xstrdup(l->text);
			for (char *p = upper; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			textdoc_section(&d, upper);
			free(upper);
			b = NULL;
			break;
		case COHORT_HEADING:
			b = textdoc_block(&d, true, 1);
			b->keep_with_next = true;
			textdoc_put(b, 0, NULL, l->text);
			b = NULL;
			break;
		case COHORT_PARA:
			textdoc_put(textdoc_block(&d, true, i > 0 && o->lines[i - 1].kind == COHORT_PARA ? 0 : 1), 0,
				    NULL, l->text);
			break;
		case COHORT_ITEM:
			b = textdoc_block(&d, true, 0);
			textdoc_put(b, 2, l->emphasis ? "! " : "- ", l->text);
			break;
		case COHORT_DETAIL:
			if (!b)
				b = textdoc_block(&d, true, 0);
			textdoc_put(b, 6, NULL, l->text);
			break;
		case COHORT_GRID:
			text_grid(&d, &l->kase->grid, glyphs);
			b = NULL;
			break;
		}
	}
	textdoc_put(&running, 0, NULL, o->running);
	textdoc_render(&d, &running, out);
}

static void md_line(struct strbuf *out, const struct cohort_line *l)
{
	sb_append(out, l->emphasis ? "**" : "");
	markup_md(out, l->text, "");
	sb_append(out, l->emphasis ? "**\n" : "\n");
}

/* The grid as a pipe table. */
static void md_grid(struct strbuf *out, const struct cohort_grid *g, const struct cohort_glyphs *glyphs)
{
	char **cells = cell_texts(g, glyphs);

	sb_append(out, "\n| " GRID_LABEL " |");
	for (size_t col = 0; col < g->ncols; col++)
		sb_appendf(out, " %zu |", col + 1);
	sb_append(out, "\n|:--|");
	for (size_t col = 0; col < g->ncols; col++)
		sb_append(out, ":--|");
	for (size_t r = 0; r < g->nrows; r++) {
		char *label = cohort_row_label(&g->rows[r]);

		sb_append(out, "\n| ");
		markup_md(out, label, "");
		sb_append(out, " |");
		for (size_t col = 0; col < g->ncols; col++) {
			sb_append_char(out, ' ');
			markup_md(out, cells[r * g->ncols + col], "");
			sb_append(out, " |");
		}
		free(label);
	}
	sb_append_char(out, '\n');
	free_cells(cells, g->nrows * g->ncols);
}

static void render_markdown(const struct cohort_outline *o, const struct cohort_glyphs *glyphs, struct strbuf *out)
{
	static const char *const prefix[] = {
		[COHORT_TITLE] = "# ", [COHORT_SECTION] = "\n## ", [COHORT_HEADING] = "\n### ",
		[COHORT_PARA] = "\n", [COHORT_ITEM] = "- ", [COHORT_DETAIL] = "    - ", [COHORT_GRID] = "",
	};
	bool in_list = false;

	for (size_t i = 0; i < o->count; i++) {
		const struct cohort_line *l = &o->lines[i];
		bool listed = l->kind == COHORT_ITEM || l->kind == COHORT_DETAIL;

		/* A list starts after a blank line; anything else ends it. */
		if (listed && !in_list)
			sb_append_char(out, '\n');
		in_list = listed;
		if (l->kind == COHORT_GRID) {
			md_grid(out, &l->kase->grid, glyphs);
			continue;
		}
		sb_append(out, prefix[l->kind]);
		md_line(out, l);
	}
}

static const char html_style[] =
	"body{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;font-size:11pt;line-height:1.35;"
	"color:#000;background:#fff;max-width:46em;margin:1.5em auto;padding:0 1em}\n"
	"h1{font-size:16pt;margin:0 0 .4em}h2{font-size:13pt;border-bottom:1px solid #444;margin-top:1.4em}\n"
	"h3{font-size:11.5pt;margin:1.1em 0 .2em}p{margin:.3em 0}\n"
	"ul{margin:.3em 0;padding-left:1.2em}li{break-inside:avoid;page-break-inside:avoid;overflow-wrap:anywhere}\n"
	".emphasis{font-weight:bold}\n"
	"table.grid{border-collapse:collapse;margin:.4em 0;break-inside:avoid;page-break-inside:avoid}\n"
	"table.grid th,table.grid td{border:1px solid #888;padding:.1em .5em;text-align:left;white-space:nowrap}\n"
	"table.grid th[scope=row]{font-weight:normal}td.wrong{font-weight:bold;background:#eee}\n"
	"h2,h3{break-after:avoid;page-break-after:avoid}\n"
	"@page{margin:15mm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}}\n";

/* Closes the open lists down to depth (0: none, 1: items, 2: details). */
static void html_close(struct strbuf *out, int *depth, int to)
{
	for (; *depth > to; (*depth)--)
		sb_append(out, *depth == 2 ? "</ul>\n" : "</li>\n</ul>\n");
}

/* The grid as a table; a wrong choice is bold on grey as well as marked, never by colour alone. */
static void html_grid(struct strbuf *out, const struct cohort_case *k, const struct cohort_glyphs *glyphs)
{
	const struct cohort_grid *g = &k->grid;
	char **cells = cell_texts(g, glyphs);

	sb_append(out, "<table class=\"grid\">\n<thead><tr><th scope=\"col\">" GRID_LABEL "</th>");
	for (size_t col = 0; col < g->ncols; col++) {
		sb_append(out, "<th scope=\"col\" title=\"");
		markup_html(out, k->nodes[col].title, "?", false);
		sb_appendf(out, "\">%zu</th>", col + 1);
	}
	sb_append(out, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < g->nrows; r++) {
		char *label = cohort_row_label(&g->rows[r]);

		sb_append(out, "<tr><th scope=\"row\">");
		markup_html(out, label, "", false);
		sb_append(out, "</th>");
		for (size_t col = 0; col < g->ncols; col++) {
			const struct report_item *ch = g->cells[r * g->ncols + col];

			sb_appendf(out, "<td%s>", ch && ch->u.choice.correct == 0 ? " class=\"wrong\"" : "");
			markup_html(out, cells[r * g->ncols + col], "", false);
			sb_append(out, "</td>");
		}
		sb_append(out, "</tr>\n");
		free(label);
	}
	sb_append(out, "</tbody>\n</table>\n");
	free_cells(cells, g->nrows * g->ncols);
}

static void html_line(struct strbuf *out, const struct cohort_line *l, int *depth)
{
	static const char *const tag[] = {
		[COHORT_TITLE] = "h1", [COHORT_SECTION] = "h2", [COHORT_HEADING] = "h3", [COHORT_PARA] = "p",
		[COHORT_ITEM] = "li", [COHORT_DETAIL] = "li", [COHORT_GRID] = "table",
	};

	if (l->kind == COHORT_ITEM) {
		html_close(out, depth, 1);
		sb_append(out, *depth == 1 ? "</li>\n" : "<ul>\n");
		*depth = 1;
	} else if (l->kind == COHORT_DETAIL) {
		if (*depth == 1)
			sb_append(out, "\n<ul>\n");
		*depth = 2;
	} else {
		html_close(out, depth, 0);
	}
	if (l->kind == COHORT_GRID) {
		html_grid(out, l->kase, cohort_glyphs(false));
		return;
	}
	sb_appendf(out, "<%s%s>", tag[l->kind], l->emphasis ? " class=\"emphasis\"" : "");
	markup_html(out, l->text, "", false);
	/* An item stays open: its details nest inside it. */
	if (l->kind != COHORT_ITEM)
		sb_appendf(out, "</%s>\n", tag[l->kind]);
}

static void render_html(const struct cohort_outline *o, struct strbuf *out)
{
	int depth = 0;

	markup_html_head(out, o->running, html_style);
	for (size_t i = 0; i < o->count; i++)
		html_line(out, &o->lines[i], &depth);
	html_close(out, &depth, 0);
	sb_append(out, "</body>\n</html>\n");
}

void cohort_render(const struct cohort *c, enum report_format format, struct strbuf *out)
{
	/* HTML declares its character set; text and Markdown are read in the terminal's. */
	const struct cohort_glyphs *glyphs = cohort_glyphs(format != REPORT_HTML && c->ascii);
	struct cohort_outline o;

	cohort_outline_build(c, glyphs, &o);
	if (format == REPORT_MARKDOWN)
		render_markdown(&o, glyphs, out);
	else if (format == REPORT_HTML)
		render_html(&o, out);
	else
		render_text(&o, glyphs, out);
	cohort_outline_free(&o);
}
