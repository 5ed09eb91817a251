/* SPDX-License-Identifier: Apache-2.0 */
/* UTF-8 decoding, validation and encoding (libunistring), display width (wcwidth) and sanitizing.
 * Wrapping is in linebreak.c. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "utf8.h"

#include <locale.h>
#include <stdint.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwidth.h>
#include <wchar.h>

#include "strbuf.h"

size_t utf8_decode(const char *s, size_t avail, unsigned long *cp, bool *valid)
{
	ucs4_t uc;
	int n = avail ? u8_mbtoucr(&uc, (const uint8_t *)s, avail) : -1;

	if (valid)
		*valid = n > 0;
	if (n <= 0) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	*cp = uc;
	return (size_t)n;
}

bool utf8_incomplete(const char *s, size_t avail)
{
	ucs4_t uc;

	return avail > 0 && u8_mbtoucr(&uc, (const uint8_t *)s, avail) == -2;
}

void utf8_encode(struct strbuf *sb, unsigned long cp)
{
	uint8_t b[6];
	int n = cp <= 0x10ffff ? u8_uctomb(b, (ucs4_t)cp, (ptrdiff_t)sizeof(b)) : -1;

	if (n <= 0)
		n = u8_uctomb(b, (ucs4_t)UTF8_REPLACEMENT, (ptrdiff_t)sizeof(b));
	sb_append_len(sb, (const char *)b, (size_t)n);
}

bool utf8_is_unsafe(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

/* --- display width -------------------------------------------------------------------------- */

/* The locale wcwidth runs in for printed text: C.UTF-8 (built into glibc since 2.35), made once
 * and kept for the life of the process. (locale_t)0 when the C library has none. */
static locale_t print_locale(void)
{
	static locale_t loc;
	static bool tried;

	if (!tried) {
		tried = true;
		loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	}
	return loc;
}

/* Measuring switches the thread to the print locale once per call, not once per code point. */
struct measure {
	enum utf8_columns how;
	bool switched;
	locale_t saved;
};

static struct measure measure_begin(enum utf8_columns how)
{
	struct measure m = { how, false, (locale_t)0 };

	if (how == UTF8_PRINT && print_locale()) {
		m.saved = uselocale(print_locale());
		m.switched = true;
	}
	return m;
}

static void measure_end(struct measure *m)
{
	if (m->switched)
		uselocale(m->saved);
}

static int cp_columns(const struct measure *m, unsigned long cp)
{
	int w;

	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return 0;
	if (cp < 0x7f)
		return 1;
	if (m->how == UTF8_PRINT && !m->switched)
		w = uc_width((ucs4_t)cp, "UTF-8");
	else
		w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* Columns of s[0, len): each code point by cp_columns, each invalid byte 1. */
static size_t span_columns(const struct measure *m, const char *s, size_t len)
{
	size_t w = 0;

	for (size_t i = 0; i < len;) {
		unsigned long cp;
		bool valid;

		i += utf8_decode(s + i, len - i, &cp, &valid);
		w += valid ? (size_t)cp_columns(m, cp) : 1;
	}
	return w;
}

int utf8_cp_columns(unsigned long cp, enum utf8_columns how)
{
	struct measure m = measure_begin(how);
	int w = cp_columns(&m, cp);

	measure_end(&m);
	return w;
}

/* Whether s[0, len) is printable ASCII only: one column a byte however it is measured. */
static bool printable_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < ' ' || s[i] >= 0x7f)
			return false;
	return true;
}

size_t utf8_columns(const char *s, size_t len, enum utf8_columns how)
{
	struct measure m;
	size_t w;

	if (printable_ascii(s, len))
		return len; /* no locale switch nor width lookup: the wrapper measures text a cluster at a time */
	m = measure_begin(how);
	w = span_columns(&m, s, len);

	measure_end(&m);
	return w;
}

size_t utf8_cluster(const char *s, size_t len)
{
	const uint8_t *start = (const uint8_t *)s, *end = start + len, *next = start;

	/* A printable ASCII byte before ASCII (or the end) is a cluster alone: no extending, joining
	 * or prepended mark is ASCII. Spares libunistring's grapheme search for most of the text. */
	if (len > 0 && s[0] >= ' ' && s[0] < 0x7f && (len == 1 || start[1] < 0x80))
		return 1;

	do
		next = u8_grapheme_next(next, end);
	while (next < end && next - start >= 3 && memcmp(next - 3, "\xe2\x80\x8d", 3) == 0);
	return (size_t)(next - start);
}

size_t utf8_cluster_before(const char *s, size_t at)
{
	size_t start = 0;

	for (size_t i = 0; i < at; i += utf8_cluster(s + i, at - i))
		start = i;
	return start;
}

size_t utf8_fit(const char *s, size_t len, size_t width, enum utf8_columns how, size_t *used)
{
	struct measure m = measure_begin(how);
	size_t at = 0, cols = 0;

	while (at < len) {
		size_t n = utf8_cluster(s + at, len - at), w = span_columns(&m, s + at, n);

		if (cols + w > width)
			break;
		cols += w;
		at += n;
	}
	measure_end(&m);
	if (used)
		*used = cols;
	return at;
}

int utf8_cp_width(unsigned long cp)
{
	return utf8_cp_columns(cp, UTF8_PRINT);
}

size_t utf8_width(const char *s, size_t len)
{
	return utf8_columns(s, len, UTF8_PRINT);
}

size_t utf8_count(const char *s)
{
	return u8_mbsnlen((const uint8_t *)s, strlen(s));
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
