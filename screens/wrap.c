/* SPDX-License-Identifier: Apache-2.0 */
/* Measuring and wrapping by display width (the Unicode module, src/utf8.h and src/linebreak.h, in
 * terminal columns), and where the screen's parts go. */
#include "wrap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "linebreak.h"
#include "xalloc.h"

size_t wrap_decode(const char *s, size_t len, long *cp)
{
	unsigned long c;
	bool valid;
	size_t n;

	if (len == 0) {
		*cp = -1;
		return 0;
	}
	n = utf8_decode(s, len, &c, &valid);
	*cp = valid ? (long)c : -1;
	return n;
}

size_t wrap_encode(long cp, char out[4])
{
	int n = cp >= 0 && cp <= 0x10ffff ? u8_uctomb((uint8_t *)out, (ucs4_t)cp, 4) : -1;

	return n > 0 ? (size_t)n : 0;
}

int wrap_cp_width(long cp)
{
	return cp < 0 ? 1 : utf8_cp_columns((unsigned long)cp, UTF8_TERMINAL);
}

size_t wrap_width(const char *s, size_t len)
{
	return utf8_columns(s, len, UTF8_TERMINAL);
}

size_t wrap_fit(const char *s, size_t len, size_t width, size_t *used)
{
	return utf8_fit(s, len, width, UTF8_TERMINAL, used);
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

void wrap_text(const char *text, size_t width, struct wrap_lines *out)
{
	struct utf8_spans spans = { 0 };

	utf8_break_lines(text, strlen(text), width, width, UTF8_TERMINAL, true, &spans);
	out->lines = xgrow(out->lines, &out->cap, out->count + spans.count, sizeof(*out->lines));
	for (size_t i = 0; i < spans.count; i++) {
		const struct utf8_span *sp = &spans.spans[i];

		out->lines[out->count++] = (struct wrap_line){ sp->start, sp->len, sp->width };
	}
	utf8_spans_free(&spans);
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
