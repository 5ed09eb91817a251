/* SPDX-License-Identifier: Apache-2.0 */
/* The report model, the printed log's document and its writers, and the JSON log, from
 * hand-written journals (no pathway: the parts that need one are covered by
 * tests/cli/log_golden.sh). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal_read.h"
#include "render.h"
#include "report.h"
#include "strbuf.h"
#include "utf8.h"

#define START "{\"seq\":1,\"time\":\"2025-02-17T09:00:00Z\",\"event\":\"start\",\"mode\":\"walk\",\"pathway\":" \
	"{\"id\":\"mini\",\"title\":\"Mini pathway\",\"version\":\"0.1\",\"review_date\":\"2030-01-01\"," \
	"\"sha256\":\"00ff\",\"file\":\"mini.cfg\"},\"case\":null,\"clinician\":\"Dr A\",\"patient\":\"P-1\"," \
	"\"today\":\"2025-02-17\"}\n"
#define NODE(seq, id, title) "{\"seq\":" #seq ",\"time\":\"2025-02-17T09:00:0" #seq "Z\",\"event\":\"node\"," \
	"\"node\":\"" id "\",\"stage\":\"one\",\"title\":\"" title "\"}\n"

static struct journal_log log_;
static struct diag_list diags;
static struct report *report;
static struct strbuf out = STRBUF_INIT;

static void cleanup(void)
{
	report_free(report);
	report = NULL;
	journal_log_free(&log_);
	diag_clear(&diags);
	sb_free(&out);
}

TestSuite(report, .fini = cleanup);

static const char *render_ids(const char *journal, enum report_format format, bool ids)
{
	cleanup();
	cr_assert_eq(journal_read_text("J.jsonl", journal, strlen(journal), &log_, &diags), 0,
		     "%s", diags.count ? diags.items[0].message : "?");
	report = report_build(&log_, NULL, "the bundled pathway");
	report_render_ids(report, format, ids, &out);
	return sb_str(&out);
}

static const char *render(const char *journal, enum report_format format)
{
	return render_ids(journal, format, false);
}

static void assert_contains(const char *text, const char *what)
{
	cr_assert(strstr(text, what) != NULL, "\"%s\" not in:\n%s", what, text);
}

static void assert_lacks(const char *text, const char *what)
{
	cr_assert(strstr(text, what) == NULL, "\"%s\" found in:\n%s", what, text);
}

static const char walk[] =
	START NODE(2, "screen", "Screen")
	"{\"seq\":3,\"time\":\"2025-02-17T09:00:03Z\",\"event\":\"answer\",\"node\":\"screen\",\"var\":\"score\","
	"\"value\":6,\"text\":\"6\",\"prompt\":\"Score\",\"revised\":false}\n"
	"{\"seq\":4,\"time\":\"2025-02-17T09:00:04Z\",\"event\":\"decision\",\"node\":\"screen\",\"goto\":\"choose\","
	"\"label\":\"Go on\",\"recommended\":\"choose\",\"accepted\":true,\"condition\":\"score > 4\","
	"\"explanation\":[{\"clause\":\"score = 6 > 4\",\"truth\":true}]}\n"
	NODE(5, "choose", "Choose")
	"{\"seq\":6,\"time\":\"2025-02-17T09:00:06Z\",\"event\":\"back\",\"from\":\"choose\",\"to\":\"screen\"}\n"
	"{\"seq\":7,\"time\":\"2025-02-17T09:00:07Z\",\"event\":\"answer\",\"node\":\"screen\",\"var\":\"score\","
	"\"value\":3,\"text\":\"3\",\"prompt\":\"Score\",\"revised\":true,\"previous\":6}\n"
	"{\"seq\":8,\"time\":\"2025-02-17T09:00:08Z\",\"event\":\"override\",\"node\":\"screen\",\"goto\":\"low\","
	"\"label\":\"Low road\",\"recommended\":\"choose\",\"accepted\":false,\"condition\":null,\"explanation\":[],"
	"\"reason\":\"patient declines\",\"recommended_condition\":\"score > 2\","
	"\"recommended_explanation\":[{\"clause\":\"score = 3 > 2\",\"truth\":true},{\"clause\":\"x\",\"truth\":null}]}\n"
	NODE(9, "low", "Low")
	"{\"seq\":10,\"time\":\"2025-02-17T09:00:10Z\",\"event\":\"warning\",\"node\":\"low\",\"warning\":\"w1\","
	"\"title\":\"Watch out\"}\n"
	"{\"seq\":11,\"time\":\"2025-02-17T09:00:11Z\",\"event\":\"score\",\"points\":3,\"detail\":{\"a\":[1]}}\n"
	"{\"seq\":12,\"time\":\"2025-02-17T09:00:12Z\",\"event\":\"endpoint\",\"node\":\"low\",\"title\":\"Low\","
	"\"recommendation\":\"Rest.\",\"warnings\":[\"w1\"]}\n"
	"{\"seq\":13,\"time\":\"2025-02-17T09:00:13Z\",\"event\":\"end\"}\n";

Test(report, text_shows_every_part_of_the_walk)
{
	const char *t = render(walk, REPORT_TEXT);

	assert_contains(t, "Session log: Mini pathway\n=====");
	assert_contains(t, "Mini pathway\nPatient: P-1 | Date: 2025-02-17\n---");
	assert_contains(t, "Clinician: Dr A");
	assert_contains(t, "Status:  complete");
	assert_contains(t, "Outcome:   Low\n");
	assert_contains(t, "Step 1. Screen\n");
	assert_contains(t, "A: 3 (REVISED at 2025-02-17T09:00:07Z; previously: 6, given at");
	assert_contains(t, "A: 6\n");
	assert_contains(t, "Condition: met (recorded in the pathway's syntax only");
	assert_contains(t, "OVERRIDDEN by the clinician");
	assert_contains(t, "Reason:          patient declines");
	assert_contains(t, "Recommended was: Choose\n");
	assert_contains(t, "Back at 2025-02-17T09:00:06Z: from Choose to Screen.");
	assert_contains(t, "Warning: Watch out, shown at 2025-02-17T09:00:10Z");
	assert_contains(t, "(text not available: the pathway this session used was not loaded)");
	assert_contains(t, "Event score at 2025-02-17T09:00:11Z");
	assert_contains(t, "- points: 3");
	assert_contains(t, "- detail: {\"a\":[1]}");
	assert_contains(t, "Endpoint: Low, reached at 2025-02-17T09:00:12Z");
	assert_contains(t, "Recommendation\n   Rest.\n");
	assert_contains(t, "Overrides\n   - Low road → low, instead of Choose. Reason: patient declines\n");
	assert_contains(t, "Warnings shown\n   - Warning: Watch out\n");
	assert_contains(t, "Session closed at 2025-02-17T09:00:13Z.");
	assert_contains(t, "the bundled pathway could not be loaded");
	assert_contains(t, "Clinician signature: ___");
	assert_contains(t, "page 1 of ");
	/* No ids and no conditions in the pathway's syntax in the body of any printed format. */
	for (int f = REPORT_TEXT; f <= REPORT_HTML; f++) {
		t = render(walk, (enum report_format)f);
		assert_lacks(t, "(screen)");
		assert_lacks(t, "(w1)");
		assert_lacks(t, "(score)");
		assert_lacks(t, "score = 6 > 4");
		assert_lacks(t, "score > 2");
		assert_lacks(t, "id mini");
	}
}

Test(report, ids_add_the_ids_and_the_conditions)
{
	const char *t = render_ids(walk, REPORT_TEXT, true);

	assert_contains(t, "(id mini)");
	assert_contains(t, "Step 1. Screen (screen)");
	assert_contains(t, "Q: Score (score)");
	assert_contains(t, "Condition: score > 4");
	assert_contains(t, "- score = 6 > 4: true");
	assert_contains(t, "Its condition:   score > 2");
	assert_contains(t, "- x: unknown");
	assert_contains(t, "Warning: Watch out (w1), shown at");
	assert_contains(t, "Recommended was: Choose (choose)");
	assert_contains(render_ids(walk, REPORT_MARKDOWN, true), "score = 6 &gt; 4: true");
	assert_contains(render_ids(walk, REPORT_HTML, true), "score = 6 &gt; 4: true");
}

/* The keys that the explanations, what-would-change and severity work write into the journal. */
static const char worded[] =
	START NODE(2, "screen", "Screen")
	"{\"seq\":3,\"time\":\"2025-02-17T09:00:03Z\",\"event\":\"warning\",\"node\":\"screen\",\"warning\":\"w9\","
	"\"title\":\"Cauda equina\",\"severity\":\"urgent\"}\n"
	"{\"seq\":4,\"time\":\"2025-02-17T09:00:04Z\",\"event\":\"decision\",\"node\":\"screen\",\"goto\":\"low\","
	"\"label\":\"Go low\",\"recommended\":\"low\",\"accepted\":true,\"condition\":\"pain_nrs > 4 && ok\","
	"\"explanation\":[{\"clause\":\"pain_nrs = 6 > 4\",\"truth\":true,\"words\":\"Pain 6/10; needs more than 4/10: met\",\"depth\":0},"
	"{\"clause\":\"ok\",\"truth\":true,\"words\":\"Eligible: yes; needs yes: met\",\"depth\":0},"
	"{\"clause\":\"weeks = 5 >= 4\",\"truth\":true,\"words\":\"Pain for 5 weeks; needs at least 4: met\",\"depth\":1}]}\n"
	NODE(5, "low", "Low")
	"{\"seq\":6,\"time\":\"2025-02-17T09:00:06Z\",\"event\":\"endpoint\",\"node\":\"low\",\"title\":\"Low\","
	"\"recommendation\":\"Rest.\",\"warnings\":[\"w9\"],\"would_change\":[{\"text\":\"Pain 4/10 or less\","
	"\"endpoint\":\"high\",\"title\":\"Watchful waiting\"}]}\n"
	"{\"seq\":7,\"time\":\"2025-02-17T09:00:07Z\",\"event\":\"end\"}\n";

Test(report, the_words_of_a_clause_its_depth_severity_and_what_would_change)
{
	const char *t = render(worded, REPORT_TEXT);

	assert_contains(t, "Condition, clause by clause:\n");
	assert_contains(t, "      - Pain 6/10; needs more than 4/10: met\n      - Eligible: yes; needs yes: met\n"
			   "         - Pain for 5 weeks; needs at least 4: met\n");
	assert_lacks(t, "pain_nrs");
	assert_contains(t, "Urgent: Cauda equina, shown at");
	assert_contains(t, "Warnings shown\n   - Urgent: Cauda equina\n");
	assert_contains(t, "What would change the recommendation\n   - Pain 4/10 or less → Watchful waiting\n");
	/* All of page 1 comes before the first form feed: the summary. */
	cr_assert(strstr(t, "What would change the recommendation") < strchr(t, '\f'));
	cr_assert(strstr(t, "Clinician signature:") < strchr(t, '\f'));
	cr_assert(strstr(t, "ABOUT THIS PATHWAY") > strchr(t, '\f'));
	t = render(worded, REPORT_MARKDOWN);
	assert_contains(t, "- Eligible: yes; needs yes: met\n    - Pain for 5 weeks; needs at least 4: met\n");
	assert_contains(t, "### What would change the recommendation\n\n- Pain 4/10 or less → Watchful waiting\n");
	assert_contains(t, "> **Urgent: Cauda equina, shown at");
	t = render(worded, REPORT_HTML);
	assert_contains(t, "<li>Eligible: yes; needs yes: met\n<ul>\n<li>Pain for 5 weeks; needs at least 4: met</li>\n"
			   "</ul>\n</li>\n</ul>");
	assert_contains(t, "<div class=\"note warning urgent\">");
	t = render_ids(worded, REPORT_TEXT, true);
	assert_contains(t, "- Pain 6/10; needs more than 4/10: met [pain_nrs = 6 > 4]");
	assert_contains(t, "- Pain 4/10 or less → Watchful waiting (high)");
}

/* Every page ends with a form feed and holds at most 65 lines (a 66-line printer page never
 * reaches its own end before the form feed), with no padding: the footer follows the text. */
Test(report, text_pages_end_with_form_feeds_and_are_never_padded)
{
	struct strbuf j = STRBUF_INIT;
	const char *t, *p;
	size_t lines = 0, pages = 0;
	char footer[64];

	sb_append(&j, START);
	/* Enough screens for several pages, with long free text to wrap. */
	for (int i = 0; i < 60; i++)
		sb_appendf(&j, "{\"event\":\"node\",\"node\":\"n%d\",\"stage\":\"s\",\"title\":\"A rather long screen title "
			   "that goes on and on about the number %d and wraps over the right margin\"}\n", i, i);
	t = render(sb_str(&j), REPORT_TEXT);
	for (p = t; *p;) {
		const char *nl = strchr(p, '\n');

		if (*p == '\f') {
			cr_assert_leq(lines, 65, "page %zu has %zu lines", pages + 1, lines);
			cr_assert_neq(lines, 0);
			cr_assert(strncmp(p - 2, "\n\n", 2) != 0, "page %zu ends with blank lines", pages + 1);
			pages++;
			lines = 0;
			p++;
			continue;
		}
		cr_assert_not_null(nl, "the text ends without a newline");
		cr_assert_leq(utf8_width(p, (size_t)(nl - p)), 80, "line too wide");
		lines++;
		p = nl + 1;
	}
	cr_assert_eq(lines, 0, "the last page does not end with a form feed");
	cr_assert_geq(pages, 3);
	snprintf(footer, sizeof(footer), "page %zu of %zu\n\f", pages, pages);
	assert_contains(t, footer);
	sb_free(&j);
}

Test(report, a_decision_is_not_split_across_pages)
{
	struct strbuf j = STRBUF_INIT;
	const char *t;
	char *page2_end;

	sb_append(&j, START);
	for (int i = 0; i < 14; i++)
		sb_appendf(&j, "{\"event\":\"node\",\"node\":\"n%d\",\"stage\":\"s\",\"title\":\"T\"}\n", i);
	sb_append(&j, "{\"event\":\"decision\",\"node\":\"n\",\"goto\":\"x\",\"label\":\"L\",\"accepted\":true,"
		      "\"condition\":\"a && b && c\",\"explanation\":[{\"clause\":\"a\",\"words\":\"A\",\"truth\":true},"
		      "{\"clause\":\"b\",\"words\":\"B\",\"truth\":true},{\"clause\":\"c\",\"words\":\"C\",\"truth\":true},"
		      "{\"clause\":\"d\",\"words\":\"LAST CLAUSE\",\"truth\":true}]}\n");
	t = render(sb_str(&j), REPORT_TEXT);
	page2_end = strchr(strchr(t, '\f') + 1, '\f');
	cr_assert_not_null(page2_end);
	/* Whichever page it lands on, the block's first and last lines are on the same one. */
	cr_assert_eq(strstr(t, "Decision: L") < page2_end, strstr(t, "LAST CLAUSE") < page2_end);
	sb_free(&j);
}

static const char hostile[] =
	"{\"seq\":1,\"time\":\"2025-02-17T09:00:00Z\",\"event\":\"start\",\"mode\":\"walk\",\"pathway\":{\"id\":\"m\","
	"\"title\":\"<b>T</b>\"},\"clinician\":\"Dr \\\"Q\\\" O'Neil & *Co* [x](y)\","
	"\"patient\":\"\\u001b[2J\\u009bP\xff\xfe<script>alert(1)</script>\"}\n"
	"{\"event\":\"override\",\"node\":\"n\",\"goto\":\"x\",\"label\":\"L\",\"accepted\":false,"
	"\"reason\":\"\\u001b]0;pwn\\u0007 \\u202e<script>alert(1)</script> \xc3\x28 _it_ `code` #h\"}\n";

Test(report, hostile_text_never_reaches_any_format_raw)
{
	static const enum report_format formats[] = { REPORT_TEXT, REPORT_MARKDOWN, REPORT_HTML, REPORT_JSON };

	for (size_t f = 0; f < 4; f++) {
		const char *t = render(hostile, formats[f]);

		for (const unsigned char *p = (const unsigned char *)t; *p; p++)
			cr_assert(*p >= 0x20 || *p == '\n' || *p == '\f', "format %zu: control byte 0x%02x", f, *p);
		assert_lacks(t, "\xc2\x9b");
		assert_lacks(t, "\xe2\x80\xae");
		assert_lacks(t, "\x7f");
		if (formats[f] != REPORT_TEXT)
			assert_lacks(t, "<script");
	}
}

Test(report, html_escapes_and_markdown_escapes_free_text)
{
	const char *t = render(hostile, REPORT_HTML);

	assert_contains(t, "&lt;script&gt;alert(1)&lt;/script&gt;");
	assert_contains(t, "Dr &quot;Q&quot; O&#39;Neil &amp; *Co*");
	assert_contains(t, "&lt;b&gt;T&lt;/b&gt;");
	assert_lacks(t, "<script");
	assert_lacks(t, "http://");
	assert_lacks(t, "https://");
	t = render(hostile, REPORT_MARKDOWN);
	assert_contains(t, "Dr \"Q\" O'Neil \\& \\*Co\\* \\[x\\](y)");
	assert_contains(t, "&lt;script&gt;alert(1)&lt;/script&gt;");
	assert_contains(t, "\\_it\\_ \\`code\\` \\#h");
}

Test(report, text_replaces_controls_with_a_visible_placeholder)
{
	const char *t = render(hostile, REPORT_TEXT);

	assert_contains(t, "Patient:   \xef\xbf\xbd[2J\xef\xbf\xbdP\xef\xbf\xbd\xef\xbf\xbd<script>alert(1)</script>");
	assert_contains(t, "Reason: \xef\xbf\xbd]0;pwn\xef\xbf\xbd \xef\xbf\xbd<script>");
}

Test(report, json_keeps_content_with_controls_escaped)
{
	const char *t = render(hostile, REPORT_JSON);

	assert_contains(t, "\"patient\":\"\\u001b[2J\\u009bP\xef\xbf\xbd\xef\xbf\xbd\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\"");
	assert_contains(t, "\"format\":\"pathwalk-log\"");
	assert_contains(t, "\"status\":\"unfinished\"");
}

Test(report, an_interrupted_session_is_marked_incomplete_in_every_format)
{
	static const char j[] = START NODE(2, "screen", "Screen")
		"{\"seq\":3,\"time\":\"2025-02-17T09:00:03Z\",\"event\":\"interrupted\",\"node\":\"screen\","
		"\"reason\":\"SIGTERM\"}\n";

	assert_contains(render(j, REPORT_TEXT), "*** INCOMPLETE: interrupted at Screen (SIGTERM) ***");
	assert_contains(render(j, REPORT_TEXT), "*** SESSION INTERRUPTED at 2025-02-17T09:00:03Z, at Screen: SIGTERM ***");
	assert_contains(render(j, REPORT_MARKDOWN), "> **INCOMPLETE: interrupted at Screen (SIGTERM)**");
	assert_contains(render(j, REPORT_HTML), "<div class=\"note incomplete\">\n<p><strong>INCOMPLETE: interrupted at "
			"Screen (SIGTERM)");
	assert_contains(render_ids(j, REPORT_TEXT, true), "*** INCOMPLETE: interrupted at Screen (screen) (SIGTERM) ***");
	assert_contains(render(j, REPORT_JSON), "\"status\":\"interrupted\"");
}

Test(report, a_journal_that_just_stops_is_marked_incomplete)
{
	assert_contains(render(START NODE(2, "screen", "Screen"), REPORT_TEXT),
			"*** INCOMPLETE: the journal ends without closing the session");
}

Test(report, parses_format_names)
{
	enum report_format f;

	cr_assert(report_format_parse("text", &f) && f == REPORT_TEXT);
	cr_assert(report_format_parse("markdown", &f) && f == REPORT_MARKDOWN);
	cr_assert(report_format_parse("md", &f) && f == REPORT_MARKDOWN);
	cr_assert(report_format_parse("html", &f) && f == REPORT_HTML);
	cr_assert(report_format_parse("json", &f) && f == REPORT_JSON);
	cr_assert(!report_format_parse("pdf", &f));
}

/* --- utf8 ---------------------------------------------------------------------------------- */

static char *wrapped(const char *text, size_t width, size_t hang)
{
	struct utf8_lines l = { 0 };
	struct strbuf sb = STRBUF_INIT;

	utf8_wrap(text, width, hang, &l);
	for (size_t i = 0; i < l.count; i++)
		sb_appendf(&sb, "%s%s", i ? "|" : "", l.lines[i]);
	utf8_lines_free(&l);
	return sb_take(&sb);
}

static void expect_wrap(const char *text, size_t width, size_t hang, const char *want)
{
	char *got = wrapped(text, width, hang);

	cr_assert_str_eq(got, want);
	free(got);
}

Test(utf8, wraps_at_spaces_by_display_width)
{
	expect_wrap("the quick brown fox jumps", 10, 0, "the quick|brown fox|jumps");
	expect_wrap("abcde fghij", 11, 0, "abcde fghij");
	expect_wrap("abcdefghijkl xy", 5, 0, "abcde|fghij|kl xy");
	expect_wrap("one\n\ntwo", 20, 0, "one||two");
	expect_wrap("a    b", 20, 0, "a    b");
	expect_wrap("aaa    bbb", 5, 0, "aaa|bbb");
	expect_wrap("  lead", 20, 0, "lead");
	/* Chinese takes two columns a character. */
	expect_wrap("\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87 ab", 5, 0,
		    "\xe4\xb8\xad\xe6\x96\x87|\xe4\xb8\xad\xe6\x96\x87|ab");
}

Test(utf8, hanging_indent_narrows_every_line_after_the_first)
{
	expect_wrap("aaa bbb ccc ddd", 8, 2, "aaa bbb|ccc|ddd");
	expect_wrap("aaa\nbbb ccc", 8, 2, "aaa|bbb|ccc");
}

Test(utf8, measures_width)
{
	cr_assert_eq(utf8_width("abc", 3), 3);
	cr_assert_eq(utf8_width("\xe4\xb8\xad", 3), 2);
	cr_assert_eq(utf8_width("e\xcc\x81", 3), 1, "a combining accent takes no column");
	cr_assert_eq(utf8_width("\xe2\x9c\x94", 3), 1);
}

Test(utf8, cleans_controls_and_invalid_bytes)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_append_clean(&sb, "a\x1b[1m\tb\nc\x7f\xc2\x9b\xff\xe2\x80\xae\xe4\xb8\xad", false);
	cr_assert_str_eq(sb_str(&sb), "a\xef\xbf\xbd[1m b c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xe4\xb8\xad");
	sb_reset(&sb);
	utf8_append_clean(&sb, "b\nc", true);
	cr_assert_str_eq(sb_str(&sb), "b\nc");
	sb_free(&sb);
}

Test(report, a_huge_patient_reference_cannot_push_the_page_off_the_paper)
{
	struct strbuf j = STRBUF_INIT;
	const char *t, *ff;
	size_t lines = 0;

	sb_append(&j, "{\"event\":\"start\",\"pathway\":{\"title\":\"T\"},\"patient\":\"");
	for (int i = 0; i < 400; i++)
		sb_append(&j, "word ");
	sb_append(&j, "\"}\n");
	t = render(sb_str(&j), REPORT_TEXT);
	ff = strchr(t, '\f');
	for (const char *p = t; *p && (!ff || p < ff); p++)
		lines += *p == '\n';
	cr_assert_leq(lines, 65);
	assert_contains(t, "...\n---");
	sb_free(&j);
}
