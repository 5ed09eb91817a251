/* SPDX-License-Identifier: Apache-2.0 */
/* The plain-text writer of the printable document, for printers: laid out with textdoc (80
 * columns by display width, numbered pages ended by form feeds, never padded). Content under a
 * level-3 heading is indented; a note, a row of terms or a list is kept on one page. textdoc
 * sanitizes every text it is given. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rdoc.h"
#include "strbuf.h"
#include "textdoc.h"
#include "xalloc.h"

#define INDENT 3

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
		mark = xstrdup("- ");
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
	textdoc_put(&running, 0, NULL, d->running[0]);
	textdoc_put(&running, 0, NULL, d->running[1]);
	textdoc_render(&t, &running, out);
}
