/* SPDX-License-Identifier: Apache-2.0 */
/* Building, writing and freeing the printable document tree (see rdoc.h). */
#include "rdoc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void rdoc_init(struct rdoc *d)
{
	memset(d, 0, sizeof(*d));
	d->root.kind = RDOC_ROOT;
}

struct rdoc_node *rdoc_add(struct rdoc_node *parent, enum rdoc_kind kind)
{
	struct rdoc_node *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	parent->children = xgrow(parent->children, &parent->children_cap, parent->nchildren + 1,
				 sizeof(*parent->children));
	parent->children[parent->nchildren++] = n;
	return n;
}

struct rdoc_node *rdoc_heading(struct rdoc_node *parent, int level, const char *text)
{
	struct rdoc_node *n = rdoc_add(parent, RDOC_HEADING);

	n->level = level;
	n->text = xstrdup(text ? text : "");
	return n;
}

struct rdoc_node *rdoc_para(struct rdoc_node *parent, bool strong, const char *fmt, ...)
{
	struct rdoc_node *n = rdoc_add(parent, RDOC_PARA);
	va_list ap;

	va_start(ap, fmt);
	n->text = xvasprintf(fmt, ap);
	va_end(ap);
	n->strong = strong;
	return n;
}

struct rdoc_node *rdoc_note(struct rdoc_node *parent, enum rdoc_style style, const char *title)
{
	struct rdoc_node *n = rdoc_add(parent, RDOC_NOTE);

	n->style = style;
	n->text = xstrdup(title ? title : "");
	return n;
}

void rdoc_break(struct rdoc_node *parent)
{
	rdoc_add(parent, RDOC_BREAK);
}

static void add_row(struct rdoc_node *node, const char *label, char *text, int depth)
{
	struct rdoc_row *row;

	node->rows = xgrow(node->rows, &node->rows_cap, node->nrows + 1, sizeof(*node->rows));
	row = &node->rows[node->nrows++];
	row->label = label ? xstrdup(label) : NULL;
	row->text = text;
	row->depth = depth;
	row->strong = false;
}

void rdoc_row(struct rdoc_node *node, const char *label, const char *text)
{
	add_row(node, label, xstrdup(text ? text : ""), 0);
}

void rdoc_rowf(struct rdoc_node *node, const char *label, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_row(node, label, xvasprintf(fmt, ap), 0);
	va_end(ap);
}

void rdoc_item(struct rdoc_node *list, int depth, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_row(list, NULL, xvasprintf(fmt, ap), depth);
	va_end(ap);
}

void rdoc_strong_row(struct rdoc_node *node)
{
	if (node->nrows > 0)
		node->rows[node->nrows - 1].strong = true;
}

struct rdoc_node *rdoc_grid(struct rdoc_node *parent, size_t ncols)
{
	struct rdoc_node *n = rdoc_add(parent, RDOC_GRID);

	n->ncols = ncols > 0 ? ncols : 1;
	return n;
}

void rdoc_write(const struct rdoc *d, enum report_format format, struct strbuf *out)
{
	if (format == REPORT_MARKDOWN)
		rdoc_write_markdown(d, out);
	else if (format == REPORT_HTML)
		rdoc_write_html(d, out);
	else
		rdoc_write_text(d, out);
}

static void free_node(struct rdoc_node *n)
{
	for (size_t i = 0; i < n->nrows; i++) {
		free(n->rows[i].label);
		free(n->rows[i].text);
	}
	free(n->rows);
	for (size_t i = 0; i < n->nchildren; i++) {
		free_node(n->children[i]);
		free(n->children[i]);
	}
	free(n->children);
	free(n->text);
}

void rdoc_free(struct rdoc *d)
{
	free_node(&d->root);
	free(d->title);
	free(d->running[0]);
	free(d->running[1]);
	memset(d, 0, sizeof(*d));
}
