/* SPDX-License-Identifier: Apache-2.0 */
/* Printable plain-text documents: wrapping into blocks, then pagination (see textdoc.h). */
#include "textdoc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

struct textdoc_block *textdoc_block(struct textdoc *d, bool keep, int space_before)
{
	struct textdoc_block *b;

	d->blocks = xgrow(d->blocks, &d->cap, d->count + 1, sizeof(*d->blocks));
	b = &d->blocks[d->count++];
	memset(b, 0, sizeof(*b));
	b->keep = keep;
	b->space_before = space_before;
	return b;
}

static void add_line(struct textdoc_block *b, char *line)
{
	b->lines.lines = xgrow(b->lines.lines, &b->lines.cap, b->lines.count + 1, sizeof(char *));
	b->lines.lines[b->lines.count++] = line;
}

void textdoc_put(struct textdoc_block *b, size_t indent, const char *label, const char *text)
{
	struct strbuf clean = STRBUF_INIT, line = STRBUF_INIT;
	struct utf8_lines wrapped = { 0 };
	size_t hang = label ? strlen(label) : 0;

	if (label)
		sb_append(&clean, label);
	utf8_append_clean(&clean, text, true);
	utf8_wrap(sb_str(&clean), TEXTDOC_WIDTH - indent, hang, &wrapped);
	for (size_t i = 0; i < wrapped.count; i++) {
		sb_reset(&line);
		/* No indent on an empty line: printed documents carry no trailing blanks. */
		for (size_t k = 0; wrapped.lines[i][0] && k < indent + (i > 0 ? hang : 0); k++)
			sb_append_char(&line, ' ');
		sb_append(&line, wrapped.lines[i]);
		add_line(b, sb_take(&line));
	}
	utf8_lines_free(&wrapped);
	sb_free(&clean);
	sb_free(&line);
}

void textdoc_putf(struct textdoc_block *b, size_t indent, const char *label, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	textdoc_put(b, indent, label, text);
	free(text);
}

void textdoc_rule(struct textdoc_block *b, char c, size_t width)
{
	char *rule;

	if (width > TEXTDOC_WIDTH)
		width = TEXTDOC_WIDTH;
	rule = xmalloc(width + 1);
	memset(rule, c, width);
	rule[width] = '\0';
	add_line(b, rule);
}

void textdoc_section(struct textdoc *d, const char *title)
{
	struct textdoc_block *b = textdoc_block(d, true, 2);

	b->keep_with_next = true;
	textdoc_put(b, 0, NULL, title);
	textdoc_rule(b, '-', utf8_width(title, strlen(title)));
}

void textdoc_title(struct textdoc *d, const char *title)
{
	struct textdoc_block *b = textdoc_block(d, true, 0);
	struct strbuf clean = STRBUF_INIT;

	utf8_append_clean(&clean, title, false);
	textdoc_put(b, 0, NULL, sb_str(&clean));
	textdoc_rule(b, '=', utf8_width(clean.data, clean.len));
	sb_free(&clean);
}

/* --- pagination ---------------------------------------------------------------------------- */

struct page_list {
	const char ***pages; /* each a NULL-free array of borrowed lines ("" for blank) */
	size_t *lengths;
	size_t count, cap, lengths_cap;
};

static void page_add_line(struct page_list *p, const char *line)
{
	size_t k = p->count - 1;

	p->pages[k] = xrealloc(p->pages[k], (p->lengths[k] + 1) * sizeof(char *));
	p->pages[k][p->lengths[k]++] = line;
}

static void page_new(struct page_list *p)
{
	p->pages = xgrow(p->pages, &p->cap, p->count + 1, sizeof(*p->pages));
	p->lengths = xgrow(p->lengths, &p->lengths_cap, p->count + 1, sizeof(*p->lengths));
	p->pages[p->count] = NULL;
	p->lengths[p->count++] = 0;
}

static void paginate(const struct textdoc *d, size_t body, struct page_list *p)
{
	page_new(p);
	for (size_t i = 0; i < d->count; i++) {
		const struct textdoc_block *b = &d->blocks[i];
		size_t used = p->lengths[p->count - 1];
		size_t space = used > 0 ? (size_t)b->space_before : 0;
		size_t need = b->lines.count;

		/* A heading takes the first lines of what follows with it. */
		if (b->keep_with_next && i + 1 < d->count)
			need += d->blocks[i + 1].keep ? d->blocks[i + 1].lines.count : 2;
		if (!b->keep && !b->keep_with_next)
			need = b->lines.count < 2 ? b->lines.count : 2;
		if (used > 0 && (b->new_page || (used + space + need > body && need <= body))) {
			page_new(p);
			space = 0;
		}
		for (size_t k = 0; k < space && p->lengths[p->count - 1] < body; k++)
			page_add_line(p, "");
		for (size_t k = 0; k < b->lines.count; k++) {
			if (p->lengths[p->count - 1] >= body)
				page_new(p);
			page_add_line(p, b->lines.lines[k]);
		}
	}
}

/* The running header repeats on every page, so an absurdly long one is cut (visibly, with "...")
 * rather than pushing the page body off the page; the full text stays on page 1. */
static void limit_running_header(struct utf8_lines *l)
{
	const size_t max = 4;
	char *last;
	size_t len;

	if (l->count <= max)
		return;
	while (l->count > max)
		free(l->lines[--l->count]);
	last = l->lines[max - 1];
	len = utf8_fit(last, strlen(last), TEXTDOC_WIDTH - 3, UTF8_PRINT, NULL);
	l->lines[max - 1] = xasprintf("%.*s...", (int)len, last);
	free(last);
}

static void free_doc(struct textdoc *d, struct textdoc_block *running)
{
	utf8_lines_free(&running->lines);
	for (size_t i = 0; i < d->count; i++)
		utf8_lines_free(&d->blocks[i].lines);
	free(d->blocks);
	memset(d, 0, sizeof(*d));
}

void textdoc_render(struct textdoc *d, struct textdoc_block *running, struct strbuf *out)
{
	struct page_list p = { 0 };
	size_t body;

	limit_running_header(&running->lines);
	/* Running header, its rule and a blank line on top; a blank line and the footer below. */
	body = TEXTDOC_PAGE_LINES > running->lines.count + 4 + 10 ? TEXTDOC_PAGE_LINES - running->lines.count - 4
								  : 10;
	paginate(d, body, &p);
	for (size_t n = 0; n < p.count; n++) {
		char *footer = xasprintf("page %zu of %zu", n + 1, p.count);
		size_t pad = TEXTDOC_WIDTH - strlen(footer);

		for (size_t k = 0; k < running->lines.count; k++)
			sb_appendf(out, "%s\n", running->lines.lines[k]);
		for (size_t k = 0; k < TEXTDOC_WIDTH; k++)
			sb_append_char(out, '-');
		sb_append(out, "\n\n");
		for (size_t k = 0; k < p.lengths[n]; k++)
			sb_appendf(out, "%s\n", p.pages[n][k]);
		sb_appendf(out, "\n%*s%s\n\f", (int)pad, "", footer);
		free(footer);
		free(p.pages[n]);
	}
	free(p.pages);
	free(p.lengths);
	free_doc(d, running);
}
