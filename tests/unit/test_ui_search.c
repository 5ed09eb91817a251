/* SPDX-License-Identifier: Apache-2.0 */
/* The `/` search of a screen (issue 14, point 10): a phrase that wrapping broke over two lines is
 * found and marked on both, ASCII letters match either case, paragraphs are not joined, and n and
 * N go round the matches. */
#include <criterion/criterion.h>
#include <string.h>

#include "search.h"
#include "ui.h"

static struct ui_doc d;
static struct search s;

static void teardown(void)
{
	doc_free(&d);
	search_free(&s);
	memset(&s, 0, sizeof(s));
}

TestSuite(ui_search, .fini = teardown);

/* Types text (UTF-8, one character a key) into the search and presses Enter, as the walk does; returns search_go's answer. */
static bool search_for(const char *text, size_t *top, size_t rows)
{
	struct ui_event enter = { UI_CONFIRM, 0, 0, 0 };

	search_begin(&s);
	for (const char *p = text; *p;) {
		struct ui_event ev = { UI_CHAR, 0, 0, 0 };

		p += wrap_decode(p, strlen(p), &ev.ch);
		search_key(&s, &ev);
	}
	cr_assert_eq(search_key(&s, &enter), SEARCH_GO);
	return search_go(&s, &d, top, rows);
}

/* The marks search_mark puts on a fresh copy of the document, as "line:start-end" words. */
static void marks(char *out, size_t size)
{
	out[0] = '\0';
	d.nmarks = 0;
	search_mark(&s, &d);
	for (size_t i = 0; i < d.nmarks; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s%zu:%zu-%zu%s", i ? " " : "", d.marks[i].line,
			 d.marks[i].start, d.marks[i].end, d.marks[i].current ? "*" : "");
}

Test(ui_search, finds_a_phrase_broken_by_wrapping_and_marks_both_lines)
{
	size_t top = 0;
	char got[256];

	doc_init(&d, 20);
	doc_add(&d, 2, "- ", ST_NORMAL, "the quick brown fox jumps over the lazy dog", ST_NORMAL, 0);
	cr_assert_str_eq(d.lines[0].text, "  - the quick brown");
	cr_assert_str_eq(d.lines[1].text, "    fox jumps over");
	cr_assert_eq(d.lines[1].join, DOC_SPACE);
	cr_assert(search_for("Brown  FOX jumps", &top, 10));
	cr_assert_eq(search_count(&s, &d), 1);
	marks(got, sizeof(got));
	cr_assert_str_eq(got, "0:14-19* 1:4-13*");
	cr_assert(search_showing(&s));
}

Test(ui_search, joins_a_word_cut_by_the_width_without_a_space)
{
	size_t top = 0;
	char got[256];

	doc_init(&d, 8);
	doc_add(&d, 0, NULL, ST_NORMAL, "abcdefghijkl", ST_NORMAL, 0);
	cr_assert_eq(d.count, 2);
	cr_assert_eq(d.lines[1].join, DOC_TIGHT);
	cr_assert(search_for("efghij", &top, 10));
	marks(got, sizeof(got));
	cr_assert_str_eq(got, "0:4-8* 1:0-2*");
}

Test(ui_search, does_not_join_paragraphs_and_keeps_non_ascii_exact)
{
	size_t top = 0;

	doc_init(&d, 40);
	doc_add(&d, 0, NULL, ST_NORMAL, "The end.", ST_NORMAL, 0);
	doc_add(&d, 0, NULL, ST_NORMAL, "Next caf\xc3\xa9 here", ST_NORMAL, 0);
	cr_assert_eq(d.lines[1].join, DOC_NEW);
	cr_assert(!search_for("end. Next", &top, 10));
	cr_assert(!search_showing(&s));
	cr_assert(search_for("CAF\xc3\xa9", &top, 10));
	cr_assert(!search_for("caf\xc3\x89", &top, 10), "only ASCII letters fold");
}

Test(ui_search, n_and_N_go_round_the_matches_from_the_top_line)
{
	struct ui_event n = { UI_NO, 'n', 0, 0 }, N = { UI_NO, 'N', 0, 0 }, y = { UI_YES, 'y', 0, 0 };
	size_t top = 0;
	char got[256];

	doc_init(&d, 30);
	for (int i = 0; i < 12; i++)
		doc_add(&d, 0, NULL, ST_NORMAL, i % 4 == 1 ? "a red flag here" : "nothing", ST_NORMAL, 0);
	/* From top line 3, the first match at or after it is the one on line 5. */
	top = 3;
	cr_assert(search_for("RED FLAG", &top, 4));
	cr_assert_eq(s.current, 1);
	cr_assert_eq(top, 3, "line 5 is already in view");
	marks(got, sizeof(got));
	cr_assert_str_eq(got, "1:2-10 5:2-10* 9:2-10");
	cr_assert(search_step(&s, &n, &d, &top, 4));
	cr_assert_eq(s.current, 2);
	cr_assert_eq(top, 9, "scrolled to put line 9 on top, as less does");
	cr_assert(search_step(&s, &n, &d, &top, 4));
	cr_assert_eq(s.current, 0, "n wraps to the first match");
	cr_assert_eq(top, 1);
	cr_assert(search_step(&s, &N, &d, &top, 4));
	cr_assert_eq(s.current, 2, "N wraps to the last");
	cr_assert(!search_step(&s, &y, &d, &top, 4), "other keys are the screen's");
	/* / then an empty Enter: the next match. */
	cr_assert(search_for("", &top, 4));
	cr_assert_eq(s.current, 0);
}

Test(ui_search, esc_stops_showing_and_n_is_the_screens_again)
{
	struct ui_event esc = { UI_CANCEL, 0, 0, 0 }, n = { UI_NO, 'n', 0, 0 };
	size_t top = 0;

	doc_init(&d, 30);
	doc_add(&d, 0, NULL, ST_NORMAL, "one flag", ST_NORMAL, 0);
	cr_assert(search_for("flag", &top, 4));
	cr_assert(!search_step(&s, &esc, &d, &top, 4), "Esc still reaches the screen");
	cr_assert(!search_showing(&s));
	cr_assert(!search_step(&s, &n, &d, &top, 4));
	d.nmarks = 0;
	search_mark(&s, &d);
	cr_assert_eq(d.nmarks, 0);
}
