/* SPDX-License-Identifier: Apache-2.0 */
/* The Unicode module (src/util/utf8.c, src/util/linebreak.c): validation, display width in print and on the
 * terminal, and UAX #14 line breaking that never splits a grapheme cluster. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "linebreak.h"
#include "strbuf.h"
#include "utf8.h"

#define E_ACUTE "e\xcc\x81"                   /* e + U+0301 COMBINING ACUTE ACCENT */
#define ZHONG "\xe4\xb8\xad"                  /* U+4E2D, Chinese */
#define WEN "\xe6\x96\x87"                    /* U+6587 */
#define FULL_STOP "\xe3\x80\x82"              /* U+3002 IDEOGRAPHIC FULL STOP */
#define HEX1 "\xe4\xb7\x80"                   /* U+4DC0 HEXAGRAM FOR THE CREATIVE HEAVEN */
#define HEX2 "\xe4\xb7\x81"                   /* U+4DC1 */
#define GRIN "\xf0\x9f\x98\x80"               /* U+1F600 */
#define ZWJ "\xe2\x80\x8d"                    /* U+200D ZERO WIDTH JOINER */
#define MAN "\xf0\x9f\x91\xa8"                /* U+1F468 */
#define WOMAN "\xf0\x9f\x91\xa9"              /* U+1F469 */
#define FAMILY MAN ZWJ WOMAN                  /* one emoji sequence */
#define ZWSP "\xe2\x80\x8b"                   /* U+200B ZERO WIDTH SPACE */
#define HI "\xe0\xa4\xb9\xe0\xa4\xbf"         /* Devanagari HA + VOWEL SIGN I (spacing mark) */
#define HYPHEN "\xe2\x80\x90"                 /* U+2010 HYPHEN */

static size_t w(const char *s)
{
	return utf8_width(s, strlen(s));
}

/* utf8_break_lines in print columns, the lines joined with '|'; every line is checked against the
 * widths the wrapper reports and the limit (a line of one cluster may be wider). */
static char *broken(const char *text, size_t width)
{
	struct utf8_spans sp = { 0 };
	struct strbuf sb = STRBUF_INIT;

	utf8_break_lines(text, strlen(text), width, width, UTF8_PRINT, false, &sp);
	for (size_t i = 0; i < sp.count; i++) {
		const struct utf8_span *l = &sp.spans[i];

		cr_assert_eq(l->width, utf8_width(text + l->start, l->len), "line %zu's width", i);
		cr_assert(l->width <= width || utf8_cluster(text + l->start, l->len) == l->len,
			  "line %zu is %zu columns in %zu", i, l->width, width);
		sb_appendf(&sb, "%s%.*s", i ? "|" : "", (int)l->len, text + l->start);
	}
	utf8_spans_free(&sp);
	return sb_take(&sb);
}

static void expect(const char *text, size_t width, const char *want)
{
	char *got = broken(text, width);

	cr_assert_str_eq(got, want, "wrapping \"%s\" to %zu", text, width);
	free(got);
}

Test(unicode, widths_in_print)
{
	cr_assert_eq(w("abc"), 3);
	cr_assert_eq(w(E_ACUTE), 1, "a combining mark takes no column");
	cr_assert_eq(w(ZHONG WEN), 4, "CJK takes two columns each");
	cr_assert_eq(w(HEX1), 2, "hexagrams are wide, as glibc's wcwidth counts them");
	cr_assert_eq(w(GRIN), 2);
	cr_assert_eq(w(FAMILY), 4, "a ZWJ sequence is the sum of its emoji; the joiner takes none");
	cr_assert_eq(w("a" ZWSP "b"), 2, "zero width space");
	cr_assert_eq(w(HI), 2, "a spacing vowel sign takes its column");
	cr_assert_eq(w("\xe2\x9c\x94"), 1, "U+2714 is narrow");
	cr_assert_eq(w("a\xff" "b"), 3, "an invalid byte takes one column");
}

Test(unicode, print_widths_do_not_depend_on_the_locale)
{
	cr_assert_not_null(setlocale(LC_CTYPE, "C"));
	cr_assert_eq(w(ZHONG), 2);
	cr_assert_eq(w(HEX1), 2);
	cr_assert_eq(w(E_ACUTE), 1);
	/* The terminal measures as curses draws: in the C locale every non-ASCII character is one. */
	cr_assert_eq(utf8_columns(ZHONG, 3, UTF8_TERMINAL), 1);
	cr_assert_not_null(setlocale(LC_CTYPE, "C.UTF-8"), "the C.UTF-8 locale is missing");
	cr_assert_eq(utf8_columns(ZHONG, 3, UTF8_TERMINAL), 2);
	cr_assert_eq(utf8_columns(HEX1, 3, UTF8_TERMINAL), 2);
	cr_assert_eq(utf8_cp_columns(0x0301, UTF8_TERMINAL), 0);
	cr_assert_eq(utf8_cp_columns(0x0301, UTF8_PRINT), 0);
	cr_assert_eq(utf8_cp_columns('\t', UTF8_PRINT), 0, "controls take none");
}

Test(unicode, clusters_keep_marks_and_joined_emoji_whole)
{
	cr_assert_eq(utf8_cluster(E_ACUTE "x", 4), 3);
	cr_assert_eq(utf8_cluster(FAMILY "x", strlen(FAMILY) + 1), strlen(FAMILY));
	cr_assert_eq(utf8_cluster(HI "x", strlen(HI) + 1), strlen(HI));
	cr_assert_eq(utf8_cluster("ab", 2), 1);
	cr_assert_eq(utf8_cluster("\xff" "b", 2), 1);
}

Test(unicode, fit_never_splits_a_cluster)
{
	size_t used;

	cr_assert_eq(utf8_fit("ab" E_ACUTE "c", 6, 3, UTF8_PRINT, &used), 5);
	cr_assert_eq(used, 3);
	cr_assert_eq(utf8_fit(FAMILY, strlen(FAMILY), 3, UTF8_PRINT, &used), 0, "4 columns do not fit in 3");
	cr_assert_eq(used, 0);
	cr_assert_eq(utf8_fit("a" ZHONG, 4, 2, UTF8_PRINT, &used), 1, "a wide character never straddles");
}

Test(unicode, breaks_at_spaces)
{
	expect("the quick brown fox jumps", 10, "the quick|brown fox|jumps");
	expect("abc   def", 4, "abc|def");
}

Test(unicode, breaks_between_cjk_but_not_before_closing_punctuation)
{
	expect(ZHONG WEN ZHONG WEN, 4, ZHONG WEN "|" ZHONG WEN);
	/* 。 may not start a line: the character before it goes with it. */
	expect(ZHONG WEN FULL_STOP ZHONG, 4, ZHONG "|" WEN FULL_STOP "|" ZHONG);
	expect("pain " ZHONG WEN " now", 8, "pain " ZHONG "|" WEN " now");
}

Test(unicode, never_breaks_mid_grapheme)
{
	expect("cafe\xcc\x81" "cafe\xcc\x81", 4, "cafe\xcc\x81|cafe\xcc\x81");
	expect(FAMILY FAMILY FAMILY, 5, FAMILY "|" FAMILY "|" FAMILY);
	expect(HI HI HI, 5, HI HI "|" HI); /* a Devanagari syllable stays whole */
}

Test(unicode, a_word_longer_than_the_width_is_cut_between_clusters)
{
	expect("abcdefghijkl xy", 5, "abcde|fghij|kl xy");
	expect(HEX1 HEX2 HEX1 HEX2 HEX1, 5, HEX1 HEX2 "|" HEX1 HEX2 "|" HEX1);
	expect(ZHONG, 1, ZHONG); /* a wide character alone on a narrow line */
}

Test(unicode, hyphen_minus_joins_ids_but_a_unicode_hyphen_breaks)
{
	expect("see sciatica-after-tpi", 20, "see|sciatica-after-tpi");
	expect("evidence" HYPHEN "based", 10, "evidence" HYPHEN "|based");
}

Test(unicode, zero_width_space_is_a_break_opportunity)
{
	expect("abcd" ZWSP "efgh", 5, "abcd" ZWSP "|efgh");
}

Test(unicode, validation_rejects_overlong_surrogates_and_truncation)
{
	unsigned long cp;
	bool valid;

	cr_assert_eq(utf8_decode("\xc0\x80", 2, &cp, &valid), 1);
	cr_assert(!valid);
	cr_assert_eq(cp, UTF8_REPLACEMENT);
	cr_assert_eq(utf8_decode("\xed\xa0\x80", 3, &cp, &valid), 1);
	cr_assert(!valid);
	cr_assert_eq(utf8_decode("\xf4\x90\x80\x80", 4, &cp, &valid), 1, "past U+10FFFF");
	cr_assert(!valid);
	cr_assert_eq(utf8_decode(ZHONG, 2, &cp, &valid), 1, "truncated");
	cr_assert(!valid);
	cr_assert_eq(utf8_decode(HEX1, 3, &cp, &valid), 3);
	cr_assert(valid);
	cr_assert_eq(cp, 0x4dc0);
	cr_assert_eq(utf8_count("a" ZHONG E_ACUTE), 4);
	/* A stream cut mid-character waits for the rest; an invalid start does not. */
	cr_assert(utf8_incomplete("\xe4", 1));
	cr_assert(utf8_incomplete("\xe4\xb8", 2));
	cr_assert(!utf8_incomplete(ZHONG, 3));
	cr_assert(!utf8_incomplete("\xe4" "a", 2));
	cr_assert(!utf8_incomplete("\xff", 1));
}

Test(unicode, encoding_replaces_what_is_not_a_scalar_value)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_encode(&sb, 0x4dc0);
	utf8_encode(&sb, 0xd800);
	utf8_encode(&sb, 0x110000);
	utf8_encode(&sb, 0x41);
	cr_assert_str_eq(sb_str(&sb), HEX1 "\xef\xbf\xbd\xef\xbf\xbd" "A");
	sb_free(&sb);
}
