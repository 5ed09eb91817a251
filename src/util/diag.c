/* SPDX-License-Identifier: Apache-2.0 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colour.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* How many lines after a diagnostic's own line diag_point and diag_point_expr look at. */
#define LOOKAHEAD_LINES 40

/* Byte offset where line (1-based) starts in the list's source, or -1. */
static long line_offset(const struct diag_list *list, int line)
{
	int at = 1;

	if (line < 1)
		return -1;
	for (size_t i = 0; i < list->source_len && at < line; i++)
		if (list->source[i] == '\n' && ++at == line)
			return (long)i + 1;
	return at == line ? 0 : -1;
}

static bool is_ident(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The diagnostic that diag_point* refine: the last one, if the source is its file's. */
static struct diag *pointable(struct diag_list *list)
{
	struct diag *d = list->count ? &list->items[list->count - 1] : NULL;

	if (!d || !d->file || !list->source || !list->source_file || strcmp(d->file, list->source_file) != 0)
		return NULL;
	return d->line > 0 ? d : NULL;
}

/* Appends the n bytes at s to out as they can be shown on a terminal: each control character,
 * byte of invalid UTF-8 and text-direction mark becomes one '?'. Returns the characters appended. */
static int append_shown(struct strbuf *out, const char *s, size_t n)
{
	int count = 0;

	for (size_t i = 0; i < n; count++) {
		unsigned long cp;
		bool valid;
		size_t len = utf8_decode(s + i, n - i, &cp, &valid);

		if (!valid || len == 0 || (cp < 0x20 && cp != '\t') || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
		    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029) {
			sb_append_char(out, '?');
			i += len ? len : 1;
		} else {
			sb_append_len(out, s + i, len);
			i += len;
		}
	}
	return count;
}

/* Places d at byte pos (width bytes) of the source, quoting pos's line. */
static void place(struct diag_list *list, struct diag *d, size_t pos, size_t width)
{
	struct strbuf sb = STRBUF_INIT;
	size_t start = pos, end = pos;
	int line = 1;

	while (start > 0 && list->source[start - 1] != '\n')
		start--;
	while (end < list->source_len && list->source[end] != '\n' && list->source[end] != '\r')
		end++;
	for (size_t i = 0; i < start; i++)
		line += list->source[i] == '\n';
	if (pos > end)
		pos = end;
	if (pos + width > end)
		width = end - pos;
	d->column = append_shown(&sb, list->source + start, pos - start) + 1;
	d->width = append_shown(&sb, list->source + pos, width);
	if (d->width == 0)
		d->width = 1;
	append_shown(&sb, list->source + pos + width, end - pos - width);
	free(d->source_line);
	d->source_line = sb_take(&sb);
	d->line = line;
}

/* The end (exclusive) of the range diag_point searches from offset from. */
static size_t lookahead_end(const struct diag_list *list, size_t from)
{
	int lines = 0;

	while (from < list->source_len && lines <= LOOKAHEAD_LINES)
		lines += list->source[from++] == '\n';
	return from;
}

/* First whole occurrence of the n bytes at needle in [from, end), or -1. */
static long find_word(const struct diag_list *list, size_t from, size_t end, const char *needle, size_t n)
{
	const char *s = list->source;

	for (size_t i = from; n > 0 && i + n <= end; i++) {
		if (memcmp(s + i, needle, n) != 0)
			continue;
		if (is_ident(needle[0]) && i > 0 && is_ident(s[i - 1]))
			continue;
		if (is_ident(needle[n - 1]) && i + n < end && is_ident(s[i + n]))
			continue;
		return (long)i;
	}
	return -1;
}

void diag_add(struct diag_list *list, const char *file, int line, const char *fmt, ...)
{
	struct diag *d;
	va_list ap;

	list->items = xgrow(list->items, &list->cap, list->count + 1, sizeof(*list->items));
	d = &list->items[list->count++];
	memset(d, 0, sizeof(*d));
	d->file = file ? xstrdup(file) : NULL;
	d->line = line;
	va_start(ap, fmt);
	d->message = xvasprintf(fmt, ap);
	va_end(ap);
	if (pointable(list)) {
		long at = line_offset(list, line);

		if (at >= 0) {
			size_t pos = (size_t)at;

			while (pos < list->source_len && (list->source[pos] == ' ' || list->source[pos] == '\t'))
				pos++;
			place(list, d, pos, 1);
		}
	}
}

void diag_set_source(struct diag_list *list, const char *file, const char *text, size_t len)
{
	list->source_file = file ? file : NULL;
	list->source = file ? text : NULL;
	list->source_len = file ? len : 0;
}

void diag_point(struct diag_list *list, const char *key, const char *needle, bool quoted)
{
	struct diag *d = pointable(list);
	long at = d ? line_offset(list, d->line) : -1;
	size_t from, end, n;
	char *q;
	long found;

	if (at < 0 || !needle || !*needle)
		return;
	from = (size_t)at;
	end = lookahead_end(list, from);
	if (key) {
		long k = from;

		for (;;) {
			size_t after;

			k = find_word(list, (size_t)k, end, key, strlen(key));
			if (k < 0)
				return;
			after = (size_t)k + strlen(key);
			while (after < end && (list->source[after] == ' ' || list->source[after] == '\t'))
				after++;
			if (after < end && (list->source[after] == '=' || list->source[after] == ':')) {
				from = after;
				break;
			}
			k++;
		}
	}
	q = quoted ? xasprintf("\"%s\"", needle) : xstrdup(needle);
	n = strlen(q);
	found = find_word(list, from, end, q, n);
	free(q);
	if (found >= 0)
		place(list, d, (size_t)found + quoted, strlen(needle));
}

/* A decoded string literal: its bytes, and for each the source offset it was written at. */
struct literal {
	char *text;
	size_t *map;
	size_t n, cap;
};

/* Decodes the libconfig string literal whose opening quote is at s[i] into out (its arrays
 * reused); returns the offset just after its closing quote (or end). */
static size_t decode_literal(const char *s, size_t i, size_t end, struct literal *out)
{
	out->n = 0;
	for (i++; i < end && s[i] != '"' && s[i] != '\n'; i++) {
		size_t at = i;
		char c = s[i];

		if (c == '\\' && i + 1 < end) {
			c = s[++i];
			if (c == 'n')
				c = '\n';
			else if (c == 't')
				c = '\t';
			else if (c == 'r')
				c = '\r';
			else if (c == 'f')
				c = '\f';
			else if (c == 'x' && i + 2 < end) {
				c = (char)strtol((char[]){ s[i + 1], s[i + 2], 0 }, NULL, 16);
				i += 2;
			}
		}
		if (out->n + 1 > out->cap) {
			out->cap = out->cap ? out->cap * 2 : 64;
			out->text = xrealloc(out->text, out->cap);
			out->map = xrealloc(out->map, out->cap * sizeof(*out->map));
		}
		out->text[out->n] = c;
		out->map[out->n++] = at;
	}
	return i < end ? i + 1 : end;
}

void diag_point_expr(struct diag_list *list, const char *expr, size_t offset, size_t width)
{
	struct diag *d = pointable(list);
	long at = d ? line_offset(list, d->line) : -1;
	struct literal lit = { 0 };
	size_t len = strlen(expr), matched = 0, end, i, start_pos = 0, end_pos = 0;
	bool have_start = false;

	if (at < 0)
		return;
	end = lookahead_end(list, (size_t)at);
	for (i = (size_t)at; i < end && matched < len;) {
		size_t after;

		if (list->source[i] != '"') {
			/* Between the pieces of a concatenated string only blanks may stand. */
			if (matched > 0 && list->source[i] != ' ' && list->source[i] != '\t' &&
			    list->source[i] != '\n' && list->source[i] != '\r')
				matched = 0, have_start = false;
			i++;
			continue;
		}
		after = decode_literal(list->source, i, end, &lit);
		if (lit.n <= len - matched && memcmp(lit.text, expr + matched, lit.n) == 0) {
			for (size_t k = 0; k < lit.n; k++) {
				if (matched + k == offset)
					start_pos = lit.map[k], have_start = true;
				if (matched + k < offset + width)
					end_pos = lit.map[k] + 1;
			}
			matched += lit.n;
			if (offset >= len && matched == len)
				start_pos = end_pos = after - 1, have_start = true; /* at the closing quote */
		} else {
			matched = 0;
			have_start = false;
		}
		i = after;
	}
	if (matched == len && have_start)
		place(list, d, start_pos, end_pos > start_pos ? end_pos - start_pos : 1);
	free(lit.text);
	free(lit.map);
}

void diag_point_offset(struct diag_list *list, size_t pos, size_t width)
{
	struct diag *d = pointable(list);

	if (d && pos <= list->source_len)
		place(list, d, pos, width);
}

void diag_suggest(struct diag_list *list, const char *fix)
{
	struct diag *d = list->count ? &list->items[list->count - 1] : NULL;
	char *message;

	if (!d || !fix)
		return;
	message = xasprintf("%s; did you mean '%s'?", d->message, fix);
	free(d->message);
	d->message = message;
	free(d->fix);
	d->fix = xstrdup(fix);
}

void diag_set_kind(struct diag_list *list, size_t from, enum diag_kind kind)
{
	for (size_t i = from; i < list->count; i++)
		list->items[i].kind = kind;
}

/* Columns the character at p takes after column at (a tab goes to the next multiple of 8; a
 * Chinese character takes two, a combining mark none: utf8_cp_width); *len gets its bytes. */
static int char_columns(const char *p, int at, size_t *len)
{
	unsigned long cp;

	if (*p == '\t') {
		*len = 1;
		return 8 - at % 8;
	}
	*len = utf8_decode(p, strlen(p), &cp, NULL);
	return utf8_cp_width(cp);
}

/* Prints the quoted line, the caret under the place and the fix-it under the caret. Tabs are
 * expanded to the next multiple of 8 in all three and wide characters take two columns, so the
 * caret stays under its character and underlines it whole. */
static void print_excerpt(FILE *f, const struct diag *d, bool on)
{
	const char *s = d->source_line, *p = s;
	int col = 1, shown = 0, pad = 0, under = 0, i;
	size_t n;

	fprintf(f, "%5d | ", d->line);
	for (const char *q = s; *q; q++) {
		if (*q == '\t') {
			do
				fputc(' ', f);
			while (++shown % 8);
		} else {
			fputc(*q, f);
			if (((unsigned char)*q & 0xc0) != 0x80)
				shown += char_columns(q, shown, &n);
		}
	}
	fprintf(f, "\n      | ");
	for (; *p && col < d->column; col++, p += n)
		pad += char_columns(p, pad, &n);
	for (i = 0; *p && i < d->width; i++, p += n)
		under += char_columns(p, pad + under, &n);
	under += d->width - i; /* a place past the end of the line: one column a character */
	fprintf(f, "%*s", pad, "");
	colour_put(f, on, COLOUR_CARET);
	fputc('^', f);
	for (i = 1; i < under; i++)
		fputc('~', f);
	colour_put(f, on, COLOUR_RESET);
	fputc('\n', f);
	if (d->fix) {
		fprintf(f, "      | %*s", pad, "");
		colour_put(f, on, COLOUR_FIX);
		fputs(d->fix, f);
		colour_put(f, on, COLOUR_RESET);
		fputc('\n', f);
	}
}

void diag_print(const struct diag_list *list, void *stream)
{
	FILE *f = stream;
	bool on = colour_wanted(colour_fd(f));

	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];
		const char *kind = d->kind == DIAG_ERROR ? "error: " : d->kind == DIAG_WARNING ? "warning: " : "";

		colour_put(f, on, COLOUR_BOLD);
		fputs("pathwalk: ", f);
		if (d->file && d->line > 0 && d->column > 0 && d->kind != DIAG_PLAIN)
			fprintf(f, "%s:%d:%d: ", d->file, d->line, d->column);
		else if (d->file && d->line > 0)
			fprintf(f, "%s:%d: ", d->file, d->line);
		else if (d->file)
			fprintf(f, "%s: ", d->file);
		colour_put(f, on, COLOUR_RESET);
		if (*kind) {
			colour_put(f, on, d->kind == DIAG_ERROR ? COLOUR_ERROR : COLOUR_WARNING);
			fputs(kind, f);
			colour_put(f, on, COLOUR_RESET);
		}
		fprintf(f, "%s\n", d->message);
		if (d->source_line && *d->source_line && d->column > 0 && d->kind != DIAG_PLAIN)
			print_excerpt(f, d, on);
	}
}

void diag_clear(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].file);
		free(list->items[i].message);
		free(list->items[i].source_line);
		free(list->items[i].fix);
	}
	free(list->items);
	memset(list, 0, sizeof(*list));
}
