/* SPDX-License-Identifier: Apache-2.0 */
/* The line editor's box and cursor column where the terminal is not UTF-8 (issue 14): the text is
 * drawn as its ASCII transliteration, so the box is measured on that and the cursor sits under the
 * character it edits. */
#include <criterion/criterion.h>
#include <string.h>

#include "ascii.h"
#include "doc.h"
#include "lineedit.h"
#include "ui.h"

static struct lineedit le;

static void teardown(void)
{
	lineedit_free(&le);
	doc_set_utf8(true);
}

TestSuite(ui_lineedit, .fini = teardown);

/* Columns that text takes as drawn without UTF-8. */
static size_t drawn(const char *text)
{
	char *ascii = ascii_transliterate(text);
	size_t n = strlen(ascii);

	free(ascii);
	return n;
}

/* The box for width columns and the cursor's column in it. */
static size_t box(size_t width, char **text)
{
	size_t col;

	*text = lineedit_box(&le, width, &col);
	return col;
}

static void key(enum ui_action action)
{
	struct ui_event ev = { action, 0, 0, 0 };

	lineedit_key(&le, &ev);
}

Test(ui_lineedit, measures_the_ascii_drawn_without_utf8)
{
	char *text;
	const char *typed = "a\xc3\x9f" "b\xc2\xb1" "c"; /* aßb±c */

	doc_set_utf8(false);
	lineedit_init(&le, typed, 0);
	cr_assert_eq(box(20, &text), 2 + 8, "after a, ss, b, +/-, c");
	cr_assert_eq(drawn(text), 20, "%s", text);
	free(text);
	key(UI_LEFT);
	key(UI_LEFT);
	cr_assert_eq(box(20, &text), 2 + 4, "under the + of +/-");
	free(text);
	key(UI_LINE_START);
	key(UI_RIGHT);
	cr_assert_eq(box(20, &text), 2 + 1, "under the ss of the sharp s");
	free(text);
	cr_assert_str_eq(lineedit_text(&le), typed, "the text keeps the characters");
}

Test(ui_lineedit, scrolls_by_what_is_drawn)
{
	char *text;
	size_t col;

	doc_set_utf8(false);
	lineedit_init(&le, "\xc2\xbd\xc2\xbd\xc2\xbd\xc2\xbd", 0); /* four ½: 1/2 each, 12 columns */
	col = box(10, &text);
	cr_assert_eq(drawn(text), 10, "%s", text);
	cr_assert(strncmp(text, "[<", 2) == 0, "scrolled: %s", text);
	cr_assert_leq(col, 9);
	free(text);
}

Test(ui_lineedit, measures_utf8_by_display_width)
{
	char *text;

	lineedit_init(&le, "a\xc3\x9f" "b", 0);
	cr_assert_eq(box(20, &text), 2 + 3);
	free(text);
}
