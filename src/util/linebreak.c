/* SPDX-License-Identifier: Apache-2.0 */
/* Greedy line filling over libunistring's UAX #14 break opportunities and grapheme clusters. One
 * tailoring: no break after U+002D HYPHEN-MINUS, '/' or a '.' inside a word, which join
 * identifiers, case names, file names and paths ("sciatica-after-tpi", "/tmp/e2e.x/sessions",
 * "v5.jsonl") that a reader copies whole (libunistring 1.0 breaks "e2e.|DVSbot"); U+2010 HYPHEN
 * still breaks. */
#include "linebreak.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

#include "xalloc.h"

static void push_span(struct utf8_spans *out, size_t start, size_t len, size_t width)
{
	out->spans = xgrow(out->spans, &out->cap, out->count + 1, sizeof(*out->spans));
	out->spans[out->count++] = (struct utf8_span){ start, len, width };
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Where the line being filled can end. */
struct line_state {
	size_t start, cols;       /* its first byte; columns so far, blanks included */
	size_t ink_end, ink_cols; /* after its last non-blank cluster, and the columns up to there */
	size_t brk_end, brk_cols, brk_next; /* the last break opportunity: end, columns, next start */
};

static void line_begin(struct line_state *l, size_t at)
{
	memset(l, 0, sizeof(*l));
	l->start = l->ink_end = l->brk_end = at;
}

/* Wraps one paragraph p[0, plen) (no '\n'), whose bytes start at base in the text. */
static void wrap_paragraph(const char *text, size_t base, size_t plen, size_t *limit, size_t width,
			   enum utf8_columns how, bool keep_indent, struct utf8_spans *out)
{
	const char *p = text + base;
	const uint8_t *u = (const uint8_t *)p;
	char *breaks = plen ? xmalloc(plen) : NULL;
	struct line_state l;
	size_t i = 0, first = out->count;

	if (plen)
		u8_possible_linebreaks(u, plen, "UTF-8", breaks);
	while (!keep_indent && i < plen && is_blank(p[i]))
		i++;
	line_begin(&l, i);
	while (i < plen) {
		size_t next = i + utf8_cluster(p + i, plen - i);
		size_t w = utf8_columns(p + i, next - i, how);
		bool blank = is_blank(p[i]);

		if (i > l.start && !blank && (breaks[i] == UC_BREAK_POSSIBLE || breaks[i] == UC_BREAK_HYPHENATION) &&
		    p[i - 1] != '-' && p[i - 1] != '/' && p[i - 1] != '.') {
			l.brk_end = l.ink_end;
			l.brk_cols = l.ink_cols;
			l.brk_next = i;
		}
		if (!blank && l.ink_end > l.start && l.cols + w > *limit) {
			size_t resume;

			if (l.brk_end > l.start) {
				push_span(out, base + l.start, l.brk_end - l.start, l.brk_cols);
				resume = l.brk_next;
			} else { /* a word wider than the line: cut after its last cluster that fits */
				push_span(out, base + l.start, l.ink_end - l.start, l.ink_cols);
				resume = l.ink_end;
			}
			*limit = width;
			while (resume < plen && is_blank(p[resume]))
				resume++;
			line_begin(&l, resume);
			i = resume;
			continue;
		}
		l.cols += w;
		if (!blank) {
			l.ink_end = next;
			l.ink_cols = l.cols;
		}
		i = next;
	}
	if (l.ink_end > l.start || out->count == first)
		push_span(out, base + l.start, l.ink_end - l.start, l.ink_cols);
	*limit = width;
	free(breaks);
}

void utf8_break_lines(const char *text, size_t len, size_t first_width, size_t width, enum utf8_columns how,
		      bool keep_indent, struct utf8_spans *out)
{
	size_t start = 0, limit = first_width ? first_width : 1;

	if (width < 1)
		width = 1;
	for (size_t i = 0;; i++) {
		if (i == len || text[i] == '\n') {
			wrap_paragraph(text, start, i - start, &limit, width, how, keep_indent, out);
			if (i == len)
				break;
			start = i + 1;
		}
	}
}

void utf8_spans_free(struct utf8_spans *out)
{
	free(out->spans);
	out->spans = NULL;
	out->count = out->cap = 0;
}

static void push_line(struct utf8_lines *out, const char *s, size_t len)
{
	out->lines = xgrow(out->lines, &out->cap, out->count + 1, sizeof(*out->lines));
	out->lines[out->count++] = xstrndup(s, len);
}

void utf8_wrap(const char *s, size_t width, size_t hang, struct utf8_lines *out)
{
	struct utf8_spans spans = { 0 };
	const char *text = s ? s : "";
	size_t first = width > 2 ? width : 2, rest = width > hang + 2 ? width - hang : 2;

	utf8_break_lines(text, strlen(text), first, rest, UTF8_PRINT, false, &spans);
	for (size_t i = 0; i < spans.count; i++)
		push_line(out, text + spans.spans[i].start, spans.spans[i].len);
	utf8_spans_free(&spans);
}

void utf8_lines_free(struct utf8_lines *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->lines[i]);
	free(l->lines);
	l->lines = NULL;
	l->count = l->cap = 0;
}
