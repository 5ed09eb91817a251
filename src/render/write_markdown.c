/* SPDX-License-Identifier: Apache-2.0 */
/* The Markdown writer of the printable document: plain CommonMark, so any renderer shows it the
 * same, but for a grid, which is a pipe table (GitHub's extension; elsewhere it still reads as
 * aligned rows). Every text goes through markup_md (sanitized, every character with a Markdown
 * meaning escaped), so no field can become a link, a tag or emphasis; warnings and alerts are
 * block quotes. */
#include <stdbool.h>
#include <string.h>

#include "rdoc.h"
#include "markup.h"
#include "strbuf.h"

static void rows(struct strbuf *out, const struct rdoc_node *n)
{
	size_t number = 0;

	for (size_t i = 0; i < n->nrows; i++) {
		const struct rdoc_row *row = &n->rows[i];

		for (int k = 0; k < row->depth; k++)
			sb_append(out, "    ");
		if (n->ordered && row->depth == 0)
			sb_appendf(out, "%zu. ", ++number);
		else
			sb_append(out, "- ");
		if (row->label) {
			sb_append(out, "**");
			markup_md(out, row->label, "");
			sb_append(out, n->kind == RDOC_TERMS ? "**: " : ":** ");
		}
		sb_append(out, row->strong ? "**" : "");
		markup_md(out, row->text, "");
		sb_append(out, row->strong ? "**\n" : "\n");
	}
}

/* A grid as a pipe table, its first line the header; a cell's text carries its meaning. */
static void grid(struct strbuf *out, const struct rdoc_node *n)
{
	if (n->nrows == 0)
		return;
	for (size_t i = 0; i < n->nrows; i++) {
		sb_append(out, i % n->ncols == 0 ? "\n| " : " ");
		markup_md(out, n->rows[i].text, "");
		sb_append(out, " |");
		if (i + 1 == n->ncols) {
			sb_append(out, "\n|");
			for (size_t col = 0; col < n->ncols; col++)
				sb_append(out, ":--|");
		}
	}
	sb_append_char(out, '\n');
}

static void node(struct strbuf *out, const struct rdoc_node *n);

/* A note: its title in bold, then its content; warnings and alerts quoted ("> " on every line). */
static void note(struct strbuf *out, const struct rdoc_node *n)
{
	struct strbuf body = STRBUF_INIT;
	bool quote = n->style == RDOC_ALERT || n->style == RDOC_WARNING || n->style == RDOC_URGENT;

	if (n->text[0]) {
		sb_append(&body, "\n**");
		markup_md(&body, n->text, "");
		sb_append(&body, "**\n");
	}
	for (size_t i = 0; i < n->nchildren; i++)
		node(&body, n->children[i]);
	if (!quote) {
		sb_append(out, sb_str(&body));
	} else {
		/* The body starts with a newline: the first line of the quote is the title. */
		sb_append_char(out, '\n');
		for (const char *p = sb_str(&body) + 1; *p;) {
			const char *end = strchr(p, '\n');

			if (!end)
				end = p + strlen(p) - 1;
			sb_append(out, end == p ? ">" : "> ");
			sb_append_len(out, p, (size_t)(end - p) + 1);
			p = end + 1;
		}
	}
	sb_free(&body);
}

static void node(struct strbuf *out, const struct rdoc_node *n)
{
	switch (n->kind) {
	case RDOC_HEADING:
		sb_appendf(out, "%s%.*s ", n->level == 1 ? "" : "\n", n->level, "###");
		markup_md(out, n->text, "");
		sb_append_char(out, '\n');
		break;
	case RDOC_PARA:
		sb_append(out, n->strong ? "\n**" : "\n");
		markup_md(out, n->text, "");
		sb_append(out, n->strong ? "**\n" : "\n");
		break;
	case RDOC_FIELDS:
	case RDOC_TERMS:
	case RDOC_LIST:
		sb_append_char(out, '\n');
		rows(out, n);
		break;
	case RDOC_GRID: grid(out, n); break;
	case RDOC_NOTE: note(out, n); break;
	case RDOC_BREAK: sb_append(out, "\n---\n"); break;
	case RDOC_ROOT: break;
	}
}

void rdoc_write_markdown(const struct rdoc *d, struct strbuf *out)
{
	for (size_t i = 0; i < d->root.nchildren; i++)
		node(out, d->root.children[i]);
}
