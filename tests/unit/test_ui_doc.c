/* SPDX-License-Identifier: Apache-2.0 */
/* The screens' second line of defence: text added to a screen's document passes the output filter
 * (safeout_filter), so an escape sequence or a text-direction control that got past the loaders
 * is drawn as text, never sent to the terminal. */
#include <criterion/criterion.h>
#include <string.h>

#include "doc.h"

Test(ui_doc, shows_controls_escapes_and_bidi_as_text)
{
	struct ui_doc d;

	doc_init(&d, 200);
	doc_add(&d, 0, NULL, ST_NORMAL, "a\x1b]0;title\x07 b\xe2\x80\xae c\xc2\x9b" "2J\td\fe", ST_NORMAL, 0);
	cr_assert_eq(d.count, 1);
	cr_assert_str_eq(d.lines[0].text, "a\\u001b]0;title\\u0007 b\\u202e c\\u009b2J d e");
	doc_free(&d);
}

Test(ui_doc, keeps_ordinary_text_and_line_breaks)
{
	struct ui_doc d;

	doc_init(&d, 200);
	doc_add(&d, 2, "- ", ST_NORMAL, "caf\xc3\xa9 \xe4\xb8\xad\nnext", ST_NORMAL, 0);
	cr_assert_eq(d.count, 2);
	cr_assert_str_eq(d.lines[0].text, "  - caf\xc3\xa9 \xe4\xb8\xad");
	cr_assert_str_eq(d.lines[1].text, "    next");
	doc_free(&d);
}
