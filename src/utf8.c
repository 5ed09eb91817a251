/* SPDX-License-Identifier: Apache-2.0 */
/* UTF-8 decoding, display width, sanitizing and wrapping for rendered logs. The width table is a
 * compact approximation of Unicode's East Asian Width and combining classes: printed logs must not
 * depend on the locale or the C library of the machine that renders them. */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

size_t utf8_decode(const char *str, size_t avail, unsigned long *cp, bool *valid)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned long c;
	size_t n;

	if (valid)
		*valid = true;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, c = s[0] & 0x07;
	else
		goto invalid;
	if (n > avail)
		goto invalid;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto invalid;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff))
		goto invalid;
	*cp = c;
	return n;
invalid:
	if (valid)
		*valid = false;
	*cp = UTF8_REPLACEMENT;
	return 1;
}

void utf8_encode(struct strbuf *sb, unsigned long cp)
{
	char b[4];

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		sb_append_char(sb, (char)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		sb_append_len(sb, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		sb_append_len(sb, b, 3);
	} else {
		b[0] = (char)(0xf0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		sb_append_len(sb, b, 4);
	}
}

bool utf8_is_unsafe(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

struct range {
	unsigned long first, last;
};

static const struct range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd }, { 0x05bf, 0x05bf }, { 0x05c1, 0x05c2 },
	{ 0x05c4, 0x05c5 }, { 0x05c7, 0x05c7 }, { 0x0610, 0x061a }, { 0x064b, 0x065f }, { 0x0670, 0x0670 },
	{ 0x06d6, 0x06dc }, { 0x06df, 0x06e4 }, { 0x06e7, 0x06e8 }, { 0x06ea, 0x06ed }, { 0x0900, 0x0902 },
	{ 0x093a, 0x093a }, { 0x093c, 0x093c }, { 0x0941, 0x0948 }, { 0x094d, 0x094d }, { 0x0951, 0x0957 },
	{ 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a }, { 0x0e47, 0x0e4e }, { 0x1160, 0x11ff }, { 0x1ab0, 0x1aff },
	{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x20d0, 0x20ff }, { 0x302a, 0x302d }, { 0x3099, 0x309a },
	{ 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff }, { 0x1f3fb, 0x1f3ff }, { 0xe0000, 0xe0fff },
};

static const struct range wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a }, { 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 },
	{ 0x23f3, 0x23f3 }, { 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 }, { 0x267f, 0x267f },
	{ 0x2693, 0x2693 }, { 0x26a1, 0x26a1 }, { 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 },
	{ 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea }, { 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 },
	{ 0x26fa, 0x26fa }, { 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b }, { 0x2728, 0x2728 },
	{ 0x274c, 0x274c }, { 0x274e, 0x274e }, { 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c }, { 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 },
	{ 0x2e80, 0x3029 }, { 0x302e, 0x303e }, { 0x3041, 0x3098 }, { 0x309b, 0x33ff }, { 0x3400, 0x4dbf },
	{ 0x4e00, 0x9fff }, { 0xa000, 0xa4cf }, { 0xa960, 0xa97f }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff },
	{ 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6f }, { 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe4 },
	{ 0x17000, 0x18aff }, { 0x1b000, 0x1b2ff }, { 0x1f004, 0x1f004 }, { 0x1f0cf, 0x1f0cf },
	{ 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a }, { 0x1f200, 0x1f251 }, { 0x1f300, 0x1f3fa },
	{ 0x1f400, 0x1f64f }, { 0x1f680, 0x1f6ff }, { 0x1f900, 0x1f9ff }, { 0x1fa70, 0x1faff },
	{ 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

static bool in_table(unsigned long cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < t[mid].first)
			hi = mid;
		else if (cp > t[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

int utf8_cp_width(unsigned long cp)
{
	if (cp < 0x300)
		return 1;
	if (in_table(cp, zero_width, sizeof(zero_width) / sizeof(zero_width[0])))
		return 0;
	if (in_table(cp, wide, sizeof(wide) / sizeof(wide[0])))
		return 2;
	return 1;
}

size_t utf8_width(const char *s, size_t len)
{
	size_t w = 0;

	for (size_t i = 0; i < len;) {
		unsigned long cp;

		i += utf8_decode(s + i, len - i, &cp, NULL);
		w += (size_t)utf8_cp_width(cp);
	}
	return w;
}

void utf8_append_clean(struct strbuf *sb, const char *s, bool keep_newlines)
{
	size_t len = s ? strlen(s) : 0;

	for (size_t i = 0; i < len;) {
		unsigned long cp;
		bool valid;
		size_t n = utf8_decode(s + i, len - i, &cp, &valid);

		if (cp == '\t' || (cp == '\n' && !keep_newlines))
			sb_append_char(sb, ' ');
		else if (cp == '\n')
			sb_append_char(sb, '\n');
		else if (!valid || utf8_is_unsafe(cp))
			utf8_encode(sb, UTF8_REPLACEMENT);
		else
			sb_append_len(sb, s + i, n);
		i += n;
	}
}

static void push_line(struct utf8_lines *out, const char *s, size_t len)
{
	out->lines = xgrow(out->lines, &out->cap, out->count + 1, sizeof(*out->lines));
	out->lines[out->count++] = xstrndup(s, len);
}

/* Wraps one paragraph (no newline in it). */
static void wrap_paragraph(const char *s, size_t len, size_t first_width, size_t width, struct utf8_lines *out)
{
	struct strbuf line = STRBUF_INIT;
	size_t line_width = 0, i = 0;
	size_t limit = first_width;

	while (i < len) {
		size_t start, end, word_width, gap = i;

		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		gap = i - gap;
		start = i;
		while (i < len && s[i] != ' ')
			i++;
		end = i;
		word_width = utf8_width(s + start, end - start);
		/* Spaces inside a line are kept as written (aligned columns, "Date:" after a blank);
		 * at a break they go. */
		if (line.len > 0 && line_width + gap + word_width <= limit) {
			sb_append_len(&line, s + start - gap, gap);
			sb_append_len(&line, s + start, end - start);
			line_width += gap + word_width;
			continue;
		}
		if (line.len > 0) {
			push_line(out, line.data, line.len);
			sb_reset(&line);
			line_width = 0;
			limit = width;
		}
		/* A word wider than a line is cut between characters; at least one per line. */
		for (size_t k = start; k < end;) {
			unsigned long cp;
			size_t n = utf8_decode(s + k, end - k, &cp, NULL);
			size_t w = (size_t)utf8_cp_width(cp);

			if (line.len > 0 && line_width + w > limit) {
				push_line(out, line.data, line.len);
				sb_reset(&line);
				line_width = 0;
				limit = width;
			}
			sb_append_len(&line, s + k, n);
			line_width += w;
			k += n;
		}
	}
	push_line(out, line.len ? line.data : "", line.len);
	sb_free(&line);
}

void utf8_wrap(const char *s, size_t width, size_t hang, struct utf8_lines *out)
{
	const char *p = s ? s : "";
	size_t rest = width > hang + 2 ? width - hang : 2;
	size_t first = out->count;

	if (width < 2)
		width = 2;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		wrap_paragraph(p, len, out->count == first ? width : rest, rest, out);
		if (!nl)
			break;
		p = nl + 1;
	}
}

void utf8_lines_free(struct utf8_lines *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->lines[i]);
	free(l->lines);
	l->lines = NULL;
	l->count = l->cap = 0;
}

size_t utf8_count(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}
