/* SPDX-License-Identifier: Apache-2.0 */
#include <criterion/criterion.h>
#include <locale.h>
#include <string.h>

#include "../../screens/wrap.h"

static void utf8_locale(void)
{
	/* wcwidth() needs a UTF-8 LC_CTYPE; C.UTF-8 exists on every glibc since 2.35 and on Debian. */
	cr_assert_not_null(setlocale(LC_CTYPE, "C.UTF-8"), "the C.UTF-8 locale is missing");
}

TestSuite(wrap, .init = utf8_locale);

/* The wrapped lines as separate strings, joined with '|' for one exact comparison. */
static char *wrapped(const char *text, size_t width)
{
	struct wrap_lines w = { 0 };
	static char buf[4096];
	size_t at = 0;

	wrap_text(text, width, &w);
	for (size_t i = 0; i < w.count; i++) {
		if (i)
			buf[at++] = '|';
		memcpy(buf + at, text + w.lines[i].start, w.lines[i].len);
		at += w.lines[i].len;
		cr_assert_leq(w.lines[i].width, width > 1 ? width : 2, "line %zu is %zu columns", i, w.lines[i].width);
		cr_assert_eq(w.lines[i].width, wrap_width(text + w.lines[i].start, w.lines[i].len));
	}
	buf[at] = '\0';
	wrap_lines_free(&w);
	return buf;
}

Test(wrap, fit_items_keeps_whole_items)
{
	const char *hints = "?:help  Enter:next  q:quit";
	size_t len = strlen(hints);

	cr_assert_eq(wrap_fit_items(hints, len, 40), len, "the whole list fits");
	cr_assert_eq(wrap_fit_items(hints, len, len), len);
	cr_assert_eq(wrap_fit_items(hints, len, len - 1), strlen("?:help  Enter:next"), "q:qu is dropped whole");
	cr_assert_eq(wrap_fit_items(hints, len, 19), strlen("?:help  Enter:next"), "the gap after an item is not kept");
	cr_assert_eq(wrap_fit_items(hints, len, 17), strlen("?:help"));
	cr_assert_eq(wrap_fit_items(hints, len, 3), 3, "a first item that does not fit is cut");
	cr_assert_eq(wrap_fit_items("a b  c", 6, 4), 3, "one space is inside an item");
}

Test(wrap, ascii_breaks_at_spaces_and_drops_them)
{
	cr_assert_str_eq(wrapped("the quick brown fox jumps", 10), "the quick|brown fox|jumps");
}

Test(wrap, line_of_exactly_the_width_is_not_broken)
{
	cr_assert_str_eq(wrapped("abcde fghij", 11), "abcde fghij");
	cr_assert_str_eq(wrapped("abcde fghij", 10), "abcde|fghij");
	cr_assert_str_eq(wrapped("abcde fghij", 5), "abcde|fghij");
}

Test(wrap, long_word_is_cut_at_the_width)
{
	cr_assert_str_eq(wrapped("abcdefghijkl xy", 5), "abcde|fghij|kl xy");
}

Test(wrap, newline_forces_a_break_and_empty_paragraphs_stay)
{
	cr_assert_str_eq(wrapped("one\n\ntwo", 20), "one||two");
	cr_assert_str_eq(wrapped("", 20), "");
}

Test(wrap, runs_of_spaces_collapse_at_a_break)
{
	cr_assert_str_eq(wrapped("aaaa     bbbb", 6), "aaaa|bbbb");
	cr_assert_str_eq(wrapped("aa  bb", 20), "aa  bb");
}

Test(wrap, trailing_spaces_are_not_kept)
{
	cr_assert_str_eq(wrapped("abc   ", 20), "abc");
}

Test(wrap, leading_indent_of_a_paragraph_is_kept)
{
	cr_assert_str_eq(wrapped("  indented text", 20), "  indented text");
}

Test(wrap, cjk_counts_two_columns)
{
	cr_assert_eq(wrap_width("坐骨神经痛", strlen("坐骨神经痛")), 10);
	cr_assert_eq(wrap_width("abc", 3), 3);
}

Test(wrap, cjk_breaks_between_characters_without_spaces)
{
	/* 5 characters of 2 columns in 6 columns: 3 then 2. */
	cr_assert_str_eq(wrapped("坐骨神经痛", 6), "坐骨神|经痛");
	/* odd width: a wide character never straddles the edge */
	cr_assert_str_eq(wrapped("坐骨神经痛", 5), "坐骨|神经|痛");
}

Test(wrap, mixed_latin_and_cjk)
{
	cr_assert_str_eq(wrapped("pain 坐骨神经痛 now", 10), "pain 坐骨|神经痛 now");
}

Test(wrap, combining_marks_take_no_column_and_stay_with_their_letter)
{
	const char *e_acute = "e\xcc\x81"; /* e + COMBINING ACUTE ACCENT */

	cr_assert_eq(wrap_width(e_acute, strlen(e_acute)), 1);
	/* "cafe\u0301" is 4 columns and never splits the accent from its e */
	cr_assert_str_eq(wrapped("cafe\xcc\x81 cafe\xcc\x81", 4), "cafe\xcc\x81|cafe\xcc\x81");
	cr_assert_str_eq(wrapped("abce\xcc\x81xyz", 4), "abce\xcc\x81|xyz");
}

Test(wrap, fit_counts_columns_and_respects_wide_characters)
{
	size_t used = 99;
	const char *s = "ab坐骨";

	cr_assert_eq(wrap_fit(s, strlen(s), 3, &used), 2);
	cr_assert_eq(used, 2);
	cr_assert_eq(wrap_fit(s, strlen(s), 4, &used), 5);
	cr_assert_eq(used, 4);
	cr_assert_eq(wrap_fit(s, strlen(s), 100, &used), strlen(s));
	cr_assert_eq(used, 6);
}

Test(wrap, invalid_utf8_counts_one_column_per_byte)
{
	const char bad[] = "a\xff\xfe" "b";

	cr_assert_eq(wrap_width(bad, 4), 4);
	cr_assert_str_eq(wrapped(bad, 2), "a\xff|\xfe" "b");
}

Test(wrap, decode_rejects_overlong_and_surrogates)
{
	long cp;

	cr_assert_eq(wrap_decode("\xc0\x80", 2, &cp), 1);
	cr_assert_eq(cp, -1);
	cr_assert_eq(wrap_decode("\xed\xa0\x80", 3, &cp), 1);
	cr_assert_eq(cp, -1);
	cr_assert_eq(wrap_decode("\xe2\x9c\x94", 3, &cp), 3);
	cr_assert_eq(cp, 0x2714);
}

Test(wrap, width_one_still_makes_progress_with_wide_characters)
{
	cr_assert_str_eq(wrapped("坐骨", 1), "坐|骨");
}

Test(layout, minimum_size_is_not_too_small_and_one_less_is)
{
	struct layout l = layout_compute(LAYOUT_MIN_ROWS, LAYOUT_MIN_COLS, false);

	cr_assert_not(l.too_small);
	cr_assert(layout_compute(LAYOUT_MIN_ROWS - 1, 80, false).too_small);
	cr_assert(layout_compute(24, LAYOUT_MIN_COLS - 1, false).too_small);
}

Test(layout, rows_add_up_at_80x24)
{
	struct layout l = layout_compute(24, 80, false);

	cr_assert_eq(l.body_row, 2);
	cr_assert_eq(l.body_rows, 20);
	cr_assert_eq(l.pane_rows, 0);
	cr_assert_eq(l.message_row, 22);
	cr_assert_eq(l.bottom_row, 23);
	l = layout_compute(24, 80, true);
	cr_assert_eq(l.body_rows + l.pane_rows, 20);
	cr_assert_eq(l.pane_rows, 8);
	cr_assert_eq(l.pane_row, l.body_row + l.body_rows);
}

Test(layout, pane_leaves_the_body_five_rows_at_the_minimum)
{
	struct layout l = layout_compute(LAYOUT_MIN_ROWS, LAYOUT_MIN_COLS, true);

	cr_assert_geq(l.body_rows, 5);
	cr_assert_geq(l.pane_rows, 3);
	cr_assert_eq(l.body_rows + l.pane_rows, LAYOUT_MIN_ROWS - 4);
}

Test(layout, scroll_keeps_the_wanted_line_visible)
{
	cr_assert_eq(layout_scroll_to(0, 3, 5, 20), 0);
	cr_assert_eq(layout_scroll_to(0, 7, 5, 20), 3);
	cr_assert_eq(layout_scroll_to(10, 4, 5, 20), 4);
	cr_assert_eq(layout_scroll_clamp(-3, 5, 20), 0);
	cr_assert_eq(layout_scroll_clamp(30, 5, 20), 15);
	cr_assert_eq(layout_scroll_clamp(2, 5, 3), 0);
}
