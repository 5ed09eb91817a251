/* SPDX-License-Identifier: Apache-2.0 */
/* Measuring and wrapping by display width, and where the screen's parts go. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "wrap.h"

#include <stdlib.h>
#include <wchar.h>

#include "../src/xalloc.h"

size_t wrap_decode(const char *s, size_t len, long *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t need;
	long c;

	if (len == 0) {
		*cp = -1;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		need = 2;
		c = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		need = 3;
		c = u[0] & 0x0f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		need = 4;
		c = u[0] & 0x07;
	} else {
		*cp = -1;
		return 1;
	}
	if (len < need) {
		*cp = -1;
		return 1;
	}
	for (size_t i = 1; i < need; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are invalid. */
	if ((need == 3 && c < 0x800) || (need == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff)) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return need;
}

size_t wrap_encode(long cp, char out[4])
{
	if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

int wrap_cp_width(long cp)
{
	int w;

	if (cp < 0)
		return 1;
	if (cp < 0x20 || cp == 0x7f)
		return 0;
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return w;
}

size_t wrap_width(const char *s, size_t len)
{
	size_t width = 0, i = 0;

	while (i < len) {
		long cp;

		i += wrap_decode(s + i, len - i, &cp);
		width += (size_t)wrap_cp_width(cp);
	}
	return width;
}

/* Length of the character at s plus the combining marks (zero-width characters) that follow it:
 * the unit that is never split. *width receives its columns. */
static size_t cluster(const char *s, size_t len, size_t *width)
{
	long cp;
	size_t n = wrap_decode(s, len, &cp);

	*width = (size_t)wrap_cp_width(cp);
	if (cp == '\n' || cp == '\t')
		return n;
	while (n < len) {
		long next;
		size_t m = wrap_decode(s + n, len - n, &next);

		if (next < 0x20 || wrap_cp_width(next) != 0)
			break;
		n += m;
	}
	return n;
}

size_t wrap_fit(const char *s, size_t len, size_t width, size_t *used)
{
	size_t i = 0, cols = 0;

	while (i < len) {
		size_t w, n = cluster(s + i, len - i, &w);

		if (cols + w > width)
			break;
		cols += w;
		i += n;
	}
	if (used)
		*used = cols;
	return i;
}

size_t wrap_fit_items(const char *s, size_t len, size_t width)
{
	size_t fit = wrap_fit(s, len, width, NULL);

	if (fit == len)
		return len;
	for (size_t end = fit; end > 0; end--) /* the last item that ends inside what fits */
		if (s[end - 1] != ' ' && end + 1 < len && s[end] == ' ' && s[end + 1] == ' ')
			return end;
	return fit;
}

static void push_line(struct wrap_lines *out, size_t start, size_t len, size_t width)
{
	out->lines = xgrow(out->lines, &out->cap, out->count + 1, sizeof(*out->lines));
	out->lines[out->count++] = (struct wrap_line){ start, len, width };
}

/* Wraps one paragraph (no '\n') that starts at byte offset base of the whole text. A break is
 * allowed at a run of spaces (dropped), before a wide character and after one. */
static void wrap_paragraph(const char *text, size_t base, size_t plen, size_t width, struct wrap_lines *out)
{
	const char *p = text + base;
	size_t i = 0;

	if (plen == 0) {
		push_line(out, base, 0, 0);
		return;
	}
	while (i < plen) {
		size_t line_start = i, cols = 0;
		size_t brk_keep = line_start, brk_next = line_start, brk_cols = 0;
		bool prev_wide = false, emitted = false;

		while (i < plen && !emitted) {
			size_t w, n = cluster(p + i, plen - i, &w);

			if (p[i] == ' ' || p[i] == '\t') {
				size_t j = i;

				while (j < plen && (p[j] == ' ' || p[j] == '\t'))
					j++;
				if (i > line_start) {
					brk_keep = i;
					brk_next = j;
					brk_cols = cols;
				}
				if (j == plen || cols + (j - i) >= width) {
					/* Trailing spaces, or spaces that fill the line: break here. */
					push_line(out, base + line_start, i - line_start, cols);
					i = j;
					emitted = true;
					break;
				}
				cols += j - i;
				i = j;
				prev_wide = false;
				continue;
			}
			if (i > line_start && (w == 2 || prev_wide)) {
				brk_keep = i;
				brk_next = i;
				brk_cols = cols;
			}
			if (cols + w > width) {
				if (brk_keep > line_start) {
					push_line(out, base + line_start, brk_keep - line_start, brk_cols);
					i = brk_next;
				} else if (i == line_start) {
					/* Not even one character fits (a wide one in one column): take it. */
					push_line(out, base + line_start, n, w);
					i += n;
				} else {
					/* A word longer than the line: cut it here. */
					push_line(out, base + line_start, i - line_start, cols);
				}
				emitted = true;
				break;
			}
			cols += w;
			i += n;
			prev_wide = w == 2;
		}
		if (!emitted) {
			push_line(out, base + line_start, i - line_start, cols);
			break;
		}
		/* Spaces at the start of a continuation line are dropped. */
		while (i < plen && (p[i] == ' ' || p[i] == '\t'))
			i++;
	}
}

void wrap_text(const char *text, size_t width, struct wrap_lines *out)
{
	size_t start = 0, i = 0;

	if (width < 1)
		width = 1;
	for (;; i++) {
		if (text[i] == '\n' || text[i] == '\0') {
			wrap_paragraph(text, start, i - start, width, out);
			if (text[i] == '\0')
				break;
			start = i + 1;
		}
	}
}

void wrap_lines_free(struct wrap_lines *out)
{
	free(out->lines);
	out->lines = NULL;
	out->count = out->cap = 0;
}

struct layout layout_compute(int rows, int cols, bool pane)
{
	struct layout l = { 0 };
	int below;

	l.rows = rows;
	l.cols = cols;
	l.too_small = rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS;
	l.margin = cols >= 100 ? 2 : 1;
	l.top_row = 0;
	l.body_row = 2;
	l.bottom_row = rows - 1;
	l.message_row = rows - 2;
	below = l.message_row - l.body_row; /* rows for body + pane */
	if (below < 1)
		below = 1;
	if (pane && !l.too_small) {
		l.pane_rows = below * 2 / 5;
		if (below - l.pane_rows < 5)
			l.pane_rows = below - 5;
		if (l.pane_rows < 3)
			l.pane_rows = 3;
	}
	l.body_rows = below - l.pane_rows;
	l.pane_row = l.body_row + l.body_rows;
	return l;
}

size_t layout_scroll_clamp(long top, size_t visible, size_t total)
{
	size_t max = total > visible ? total - visible : 0;

	if (top < 0)
		return 0;
	if ((size_t)top > max)
		return max;
	return (size_t)top;
}

size_t layout_scroll_to(size_t top, size_t want, size_t visible, size_t total)
{
	if (visible == 0)
		return layout_scroll_clamp((long)want, 1, total);
	if (want < top)
		top = want;
	else if (want >= top + visible)
		top = want - visible + 1;
	return layout_scroll_clamp((long)top, visible, total);
}
