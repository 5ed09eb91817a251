/* SPDX-License-Identifier: Apache-2.0 */
/* A warning's text as a list of conditional items (issue 13, PATHWAY.md 5 v1.1): loading and its
 * errors, what shows at each node, what the journal records (again when the text changes), the
 * flags that `test --coverage` reads, and the strict check of an item that can never show. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixtures.h"
#include "journal.h"
#include "lint.h"
#include "session.h"
#include "warning_fixture.h"

/* The warnings given to with_warning() start on line 5 (warning_fixture.h). */
#define WARNING(text) \
	"warnings = ( { id = \"w\"; title = \"W\"; when = \"endpoint\"; refs = [ \"r\" ];\n" text " } );"

static struct diag_list diags;
static struct pathway *pw;
static struct session *s;
static struct journal *jr;

static struct pathway *load(const char *text)
{
	diag_clear(&diags);
	return pathway_load_text("t.cfg", text, strlen(text), &diags);
}

static void expect_error(const char *text, int line, const char *needle)
{
	struct pathway *p = load(text);

	dump_diags(&diags);
	cr_assert_null(p);
	cr_assert(has_diag(&diags, line, needle), "no diagnostic at line %d containing \"%s\"", line, needle);
	diag_clear(&diags);
}

static void teardown(void)
{
	session_free(s);
	pathway_free(pw);
	diag_clear(&diags);
	s = NULL;
	pw = NULL;
}

TestSuite(warning_text, .fini = teardown);

Test(warning_text, a_string_is_one_unconditional_item_and_a_list_keeps_its_conditions)
{
	const struct pw_warning *w;

	pw = load_fixture(FIXTURE("mini-warning.cfg"));
	w = &pw->warnings[pathway_find_warning(pw, "plain")];
	cr_assert_eq(w->text.nitems, 1);
	cr_assert_str_eq(w->text.items[0].text, "Safety net.");
	cr_assert_null(w->text.items[0].when);
	w = &pw->warnings[pathway_find_warning(pw, "fall")];
	cr_assert_eq(w->text.nitems, 3);
	cr_assert_str_eq(w->text.items[0].when_source, "at(inject)");
	cr_assert_str_eq(w->text.items[1].when_source, "numb");
	cr_assert_null(w->text.items[2].when);
	cr_assert_eq(w->text.items[1].line, 22);
}

Test(warning_text, load_errors_name_the_warning_and_the_line)
{
	expect_error(HEAD "warnings = ( { id = \"w\"; title = \"W\"; when = \"endpoint\"; refs = [ \"r\" ]; } );" TAIL, 5,
		     "warning 'w': missing 'text'");
	expect_error(HEAD WARNING("text = 3;") TAIL, 6, "text must be a string or a list of items");
	expect_error(HEAD WARNING("text = ( );") TAIL, 6, "text is an empty list");
	expect_error(HEAD WARNING("text = ( { text = \"x\"; },\n { when = \"n + 1\"; text = \"y\"; } );") TAIL, 7,
		     "condition \"n + 1\" is int, not bool");
	expect_error(HEAD WARNING("text = ( { when = \"n > 1\"; } );") TAIL, 6, "missing 'text'");
	expect_error(HEAD WARNING("text = ( { text = \"x\";\n refs = [ \"r\" ]; } );") TAIL, 6,
		     "text item 1: refs belong to the warning itself");
	expect_error(HEAD WARNING("text = ( { text = \"{nope}\"; } );") TAIL, 6, "{nope} names no variable");
}

/* Loads text into pw and lints it: true when a finding of this severity at line contains needle. */
/* Lints text as plain check (plain) or as check --strict adds to it, and looks for a finding. */
static bool lint_finds(bool plain, const char *text, enum lint_severity severity, int line, const char *needle)
{
	struct lint_report report = { 0 };
	bool found = false;

	pathway_free(pw);
	pw = load(text);
	dump_diags(&diags);
	cr_assert_not_null(pw);
	if (plain)
		lint_plain(pw, &report);
	else
		lint_pathway(pw, 0, text, strlen(text), &report);
	for (size_t i = 0; i < report.count; i++) {
		cr_log_info("lint line %d: %s", report.items[i].line, report.items[i].message);
		found |= report.items[i].severity == severity && report.items[i].line == line &&
			 strstr(report.items[i].message, needle) != NULL;
	}
	lint_report_free(&report);
	return found;
}

/* An impossible condition is an error of plain check (issue 21), for text items as for plan items. */
Test(warning_text, check_flags_an_item_that_can_never_show)
{
	cr_assert(lint_finds(true, HEAD WARNING("text = ( { text = \"x\"; },\n { when = \"n > 10\"; text = \"y\"; } );") TAIL,
			     LINT_ERROR, 7, "text item 2 of 'w' can never be shown"));
}

/* Walks mini-warning with these answers to its endpoint, journaling to path (NULL: no journal). */
static void walk(const char *path, bool numb, int score)
{
	jr = path ? journal_create(path) : NULL;
	pw = load_fixture(FIXTURE("mini-warning.cfg"));
	s = session_new(pw, jr, &(struct session_info){ .mode = "walk" }, 0);
	cr_assert_eq(session_begin(s), SESSION_OK);
	cr_assert_eq(session_set_answer(s, pathway_find_variable(pw, "numb"), value_bool(numb)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, pathway_find_variable(pw, "score"), value_int(score)), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_OK, "%s", session_message(s));
}

static void expect_text(const char *want)
{
	char *got = session_warning_text(s, pathway_find_warning(pw, "fall"), NULL);

	cr_assert_str_eq(got, want);
	free(got);
}

Test(warning_text, shows_only_the_items_true_at_the_node)
{
	const unsigned char *seen;
	int fall;

	walk(NULL, true, 7);
	fall = pathway_find_warning(pw, "fall");
	expect_text("The leg was numb after the last one (score 7). Advise care when walking.");
	cr_assert_str_eq(session_shown_text(s, fall)->text, "The leg was numb after the last one (score 7). "
				 "Advise care when walking.");
	seen = session_shown_text(s, fall)->seen;
	cr_assert(!seen[0] && seen[1] && seen[2]);
	cr_assert_eq(session_advance(s), SESSION_OK, "%s", session_message(s));
	cr_assert_str_eq(pw->nodes[session_node(s)].id, "inject");
	expect_text("This injection can numb the leg. The leg was numb after the last one (score 7). "
		    "Advise care when walking.");
	seen = session_shown_text(s, fall)->seen;
	cr_assert(seen[0] && seen[1] && seen[2]);
	/* Going back forgets the warning shown after the step; the items stay seen for coverage. */
	cr_assert_eq(session_back(s), SESSION_OK);
	cr_assert_not_null(session_shown_text(s, fall)->text);
	seen = session_shown_text(s, fall)->seen;
	cr_assert(seen[0]);
}

Test(warning_text, a_warning_not_shown_has_no_shown_text)
{
	const unsigned char *seen;

	walk(NULL, false, 2);
	cr_assert_null(session_shown_text(s, pathway_find_warning(pw, "fall"))->text);
	cr_assert_eq(session_advance(s), SESSION_OK, "%s", session_message(s));
	cr_assert_str_eq(pw->nodes[session_node(s)].id, "rest");
	cr_assert_null(session_shown_text(s, pathway_find_warning(pw, "fall"))->text);
	seen = session_shown_text(s, pathway_find_warning(pw, "fall"))->seen;
	cr_assert(!seen[0] && !seen[1] && !seen[2]);
}

/* Counts the occurrences of needle in haystack. */
static int count(const char *haystack, const char *needle)
{
	int n = 0;

	for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

Test(warning_text, the_journal_records_the_text_shown_and_again_when_it_changes)
{
	char dir[] = "/tmp/pathwalk-wtext-XXXXXX", path[64];
	char text[16384] = { 0 };
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/j.jsonl", dir);
	setenv("PATHWALK_NOW", "2025-03-06T10:00:00Z", 1);
	walk(path, true, 7);
	cr_assert_eq(session_advance(s), SESSION_OK, "%s", session_message(s));
	cr_assert_eq(session_finish(s), SESSION_OK);
	journal_close(jr);
	jr = NULL;
	f = fopen(path, "r");
	cr_assert_not_null(f);
	cr_assert_gt(fread(text, 1, sizeof(text) - 1, f), 0);
	fclose(f);
	cr_assert(strstr(text, "\"event\":\"warning\",\"node\":\"choose\",\"warning\":\"fall\",\"title\":\"Fall risk\","
			       "\"severity\":\"caution\",\"text\":\"The leg was numb after the last one (score 7). Advise care when walking.\""),
		  "%s", text);
	cr_assert(strstr(text, "\"event\":\"warning\",\"node\":\"inject\",\"warning\":\"fall\",\"title\":\"Fall risk\","
			       "\"severity\":\"caution\",\"text\":\"This injection can numb the leg. The leg was numb after the last one "
			       "(score 7). Advise care when walking.\""), "%s", text);
	/* Unchanged text is not journaled again: "plain" shows once, at the endpoint. */
	cr_assert_eq(count(text, "\"warning\":\"fall\""), 2);
	cr_assert_eq(count(text, "\"warning\":\"plain\",\"title\":\"Plain\",\"severity\":\"caution\",\"text\":\"Safety net.\""),
		     1);
	/* The endpoint event lists each warning once. */
	cr_assert(strstr(text, "\"warnings\":[\"fall\",\"plain\"]"), "%s", text);
	unlink(path);
	rmdir(dir);
}

Test(warning_text, strict_check_warns_when_no_text_item_may_hold_where_the_warning_shows)
{
	const char *needle = "every text item of warning 'w' has a condition";

	/* n > 5 || n < 2 leaves a gap; n >= 0 always holds given the range; an item without when. */
	cr_assert(lint_finds(false, HEAD WARNING("text = ( { when = \"n > 5\"; text = \"x\"; },\n"
					  " { when = \"n < 2\"; text = \"y\"; } );") TAIL, LINT_WARNING, 5, needle));
	cr_assert(!lint_finds(false, HEAD WARNING("text = ( { when = \"n > 5\"; text = \"x\"; },\n"
					   " { when = \"n >= 0\"; text = \"y\"; } );") TAIL, LINT_WARNING, 5, needle));
	cr_assert(!lint_finds(false, HEAD WARNING("text = ( { when = \"n > 5\"; text = \"x\"; },\n"
					   " { text = \"y\"; } );") TAIL, LINT_WARNING, 5, needle));
}
