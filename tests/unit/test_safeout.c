/* SPDX-License-Identifier: Apache-2.0 */
#include <criterion/criterion.h>
#include <string.h>

#include "safeout.h"
#include "strbuf.h"

static char *filtered(const char *s, size_t len, bool final, size_t *used)
{
	struct strbuf sb = STRBUF_INIT;

	*used = safeout_filter(&sb, s, len, final);
	return sb_take(&sb);
}

static void expect(const char *in, const char *want)
{
	size_t used;
	char *got = filtered(in, strlen(in), true, &used);

	cr_assert_str_eq(got, want);
	cr_assert_eq(used, strlen(in));
	free(got);
}

Test(safeout, keeps_text_newlines_tabs_and_form_feeds)
{
	expect("plain text\n\tindented\fnext page", "plain text\n\tindented\fnext page");
	expect("caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xe2\x80\x94", "caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xe2\x80\x94");
}

Test(safeout, makes_controls_escapes_and_bidi_visible)
{
	expect("a\x1b]0;title\x07z", "a\\u001b]0;title\\u0007z");
	expect("\x1b[2J\r\b\x7f", "\\u001b[2J\\u000d\\u0008\\u007f");
	expect("csi \xc2\x9b" "2J nel \xc2\x85", "csi \\u009b2J nel \\u0085");
	expect("\xe2\x80\xae" "evil\xe2\x81\xa6" "x\xe2\x81\xa9", "\\u202eevil\\u2066x\\u2069");
	expect("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x81\xa7\xe2\x81\xa8",
	       "\\u202a\\u202b\\u202c\\u202d\\u2067\\u2068");
	expect("bad \xff byte \xc3", "bad \\xff byte \\xc3");
}

Test(safeout, holds_back_an_incomplete_sequence_unless_final)
{
	size_t used;
	char *got = filtered("ab\xe2\x80", 4, false, &used);

	cr_assert_str_eq(got, "ab");
	cr_assert_eq(used, 2);
	free(got);
	got = filtered("ab\xe2\x80", 4, true, &used);
	cr_assert_str_eq(got, "ab\\xe2\\x80");
	cr_assert_eq(used, 4);
	free(got);
	got = filtered("ab\xe2x", 4, false, &used); /* not a sequence's beginning: shown at once */
	cr_assert_str_eq(got, "ab\\xe2x");
	free(got);
}
