/* SPDX-License-Identifier: Apache-2.0 */
/* The plain-text writer of the printable document, for printers: laid out with textdoc (80
 * columns by display width, numbered pages ended by form feeds, never padded). Content under a
 * level-3 heading is indented; a note, a row of terms, a list or a grid is kept on one page; a
 * grid is laid out in fixed columns. textdoc sanitizes every text it is given. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rdoc.h"
#include "strbuf.h"
#include "textdoc.h"
#include "utf8.h"
#include "xalloc.h"

#define INDENT 3
#define GRID_LABEL_MAX 20 /* columns of a grid's label column */
#define GRID_GAP 2        /* columns between a grid's columns */

struct writer {
	struct textdoc *d;
	size_t indent;        /* of the current top-level content */
	enum rdoc_kind last;  /* the kind of the node before */
	bool after_title;     /* the node before is the document's title */
};

/* "Label:" padded to the widest label of the table (labels are the builder's ASCII words). */
static char *padded(const char *label, size_t width)
{
	return xasprintf("%s:%*s", label, (int)(width - strlen(label)), " ");
}

static void fields(const struct rdoc_node *n, struct textdoc_block *b, size_t indent)
{
	size_t width = 0;

	for (size_t i = 0; i < n->nrows; i++)
		if (strlen(n->rows[i].label) > width)
			width = strlen(n->rows[i].label);
	for (size_t i = 0; i < n->nrows; i++) {
		char *label = padded(n->rows[i].label, width + 1);

		textdoc_put(b, indent, label, n->rows[i].text);
		free(label);
	}
}

static void list_row(const struct rdoc_node *n, size_t i, size_t *number, struct textdoc_block *b, size_t indent)
{
	const struct rdoc_row *row = &n->rows[i];
	char *mark;

	if (n->ordered && row->depth == 0)
		mark = xasprintf("%zu. ", ++*number);
	else
		mark = xstrdup(row->strong ? "! " : "- ");
	textdoc_put(b, indent + (size_t)row->depth * INDENT, mark, row->text);
	free(mark);
}

static void term(const struct rdoc_node *n, size_t i, struct textdoc_block *b, size_t indent)
{
	textdoc_put(b, indent, "Q: ", n->rows[i].label);
	textdoc_put(b, indent + INDENT, "A: ", n->rows[i].text);
}

/* Appends n (a paragraph, a table or a list inside a note) to b. */
static void put(const struct rdoc_node *n, struct textdoc_block *b, size_t indent)
{
	size_t number = 0;

	switch (n->kind) {
	case RDOC_PARA: textdoc_put(b, indent, NULL, n->text); break;
	case RDOC_FIELDS: fields(n, b, indent); break;
	case RDOC_LIST:
		for (size_t i = 0; i < n->nrows; i++)
			list_row(n, i, &number, b, indent);
		break;
	case RDOC_TERMS:
		for (size_t i = 0; i < n->nrows; i++)
			term(n, i, b, indent);
		break;
	default: break;
	}
}

/* s sanitized and cut to at most width columns (at a break, as wrapping would). Caller frees. */
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

static size_t width_of(const char *s)
{
	return utf8_width(s, strlen(s));
}

/* Appends s to line, padded with spaces to width columns. */
static void pad(struct strbuf *line, const char *s, size_t width)
{
	sb_append(line, s);
	for (size_t w = width_of(s); w < width; w++)
		sb_append_char(line, ' ');
}

/* Puts line, without its trailing spaces, into b at indent, and empties it. */
static void put_trimmed(struct textdoc_block *b, size_t indent, struct strbuf *line)
{
	while (line->len > 0 && sb_str(line)[line->len - 1] == ' ')
		line->len--;
	textdoc_put(b, indent, NULL, sb_str(line));
	sb_reset(line);
}

/* A grid in fixed columns: its labels (cut to GRID_LABEL_MAX columns), then as many columns side
 * by side as fit the page, the rest below them under the header line again; one block. */
static void grid(const struct writer *w, const struct rdoc_node *n, int space)
{
	size_t ncols = n->ncols, nlines = (n->nrows + ncols - 1) / ncols, label_w = 0, cell_w = 3, per_part;
	size_t cell_max = TEXTDOC_WIDTH - w->indent - GRID_LABEL_MAX - 2 * GRID_GAP;
	char **cells;
	struct strbuf line = STRBUF_INIT;
	struct textdoc_block *b;

	if (nlines == 0)
		return;
	cells = xcalloc(nlines * ncols + 1, sizeof(*cells));
	b = textdoc_block(w->d, true, space);

	for (size_t i = 0; i < nlines * ncols; i++) {
		cells[i] = fit(i < n->nrows ? n->rows[i].text : "", i % ncols == 0 ? GRID_LABEL_MAX : cell_max);
		if (i % ncols == 0 && width_of(cells[i]) > label_w)
			label_w = width_of(cells[i]);
		else if (i % ncols != 0 && width_of(cells[i]) + GRID_GAP > cell_w)
			cell_w = width_of(cells[i]) + GRID_GAP;
	}
	per_part = (TEXTDOC_WIDTH - w->indent - label_w - GRID_GAP) / cell_w;
	if (per_part == 0)
		per_part = 1;
	for (size_t from = 1; from < ncols || from == 1; from += per_part) {
		size_t to = from + per_part < ncols ? from + per_part : ncols;

		if (from > 1)
			textdoc_put(b, 0, NULL, NULL);
		for (size_t l = 0; l < nlines; l++) {
			pad(&line, cells[l * ncols], label_w + GRID_GAP);
			for (size_t col = from; col < to; col++)
				pad(&line, cells[l * ncols + col], cell_w);
			put_trimmed(b, w->indent, &line);
		}
	}
	sb_free(&line);
	for (size_t i = 0; i < nlines * ncols; i++)
		free(cells[i]);
	free(cells);
}

static void heading(struct writer *w, const struct rdoc_node *n)
{
	struct textdoc_block *b;

	if (n->level == 1) {
		textdoc_title(w->d, n->text);
		w->indent = 0;
	} else if (n->level == 2) {
		char *upper = xstrdup(n->text);

		for (char *p = upper; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		textdoc_section(w->d, upper);
		free(upper);
		w->indent = 0;
	} else {
		b = textdoc_block(w->d, true, 1);
		b->keep_with_next = true;
		textdoc_put(b, 0, NULL, n->text);
		w->indent = INDENT;
	}
}

/* A note with a title is indented content under it; one without stands apart at the margin. */
static void note(struct writer *w, const struct rdoc_node *n)
{
	struct textdoc_block *b = textdoc_block(w->d, true, n->text[0] ? 1 : 2);

	if (!n->text[0])
		w->indent = 0;
	if (n->style == RDOC_ALERT)
		textdoc_putf(b, w->indent, NULL, "*** %s ***", n->text);
	else if (n->text[0])
		textdoc_put(b, w->indent, NULL, n->text);
	for (size_t i = 0; i < n->nchildren; i++)
		put(n->children[i], b, w->indent + (n->text[0] ? INDENT : 0));
}

static void node(struct writer *w, const struct rdoc_node *n)
{
	/* Right under a heading, or introduced by a paragraph, a table or a list follows closely. */
	int space = (w->last == RDOC_HEADING && !w->after_title) || (w->last == RDOC_PARA && n->kind != RDOC_PARA) ? 0 : 1;
	size_t number = 0;

	switch (n->kind) {
	case RDOC_HEADING: heading(w, n); break;
	case RDOC_NOTE: note(w, n); break;
	case RDOC_GRID: grid(w, n, space); break;
	case RDOC_BREAK: textdoc_block(w->d, true, 0)->new_page = true; break;
	case RDOC_TERMS:
		/* One block per question, so a page break falls between answers. */
		for (size_t i = 0; i < n->nrows; i++)
			term(n, i, textdoc_block(w->d, true, i == 0 ? space : 0), w->indent);
		break;
	case RDOC_LIST:
		/* One block per top-level row and the rows under it. */
		for (size_t i = 0; i < n->nrows; i++) {
			struct textdoc_block *b = textdoc_block(w->d, true, i == 0 ? space : 0);

			list_row(n, i, &number, b, w->indent);
			while (i + 1 < n->nrows && n->rows[i + 1].depth > 0)
				list_row(n, ++i, &number, b, w->indent);
		}
		break;
	default: put(n, textdoc_block(w->d, true, space), w->indent); break;
	}
	w->last = n->kind;
	w->after_title = n->kind == RDOC_HEADING && n->level == 1;
}

void rdoc_write_text(const struct rdoc *d, struct strbuf *out)
{
	struct textdoc t = { 0 };
	struct textdoc_block running = { 0 };
	struct writer w = { &t, 0, RDOC_HEADING, false };

	for (size_t i = 0; i < d->root.nchildren; i++)
		node(&w, d->root.children[i]);
	for (size_t i = 0; i < 2; i++)
		if (d->running[i])
			textdoc_put(&running, 0, NULL, d->running[i]);
	textdoc_render(&t, &running, out);
}
