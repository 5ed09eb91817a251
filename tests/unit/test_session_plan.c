/* SPDX-License-Identifier: Apache-2.0 */
/* The session's side of the issue-13 format additions: "not recorded" answers, defaults computed
 * from earlier answers, conditional plan items and how the endpoint records them. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, setenv */
#endif
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "session_fixture.h"
#include "journal.h"
#include "journal_read.h"
#include "resume.h"
#include "session.h"
#include "strbuf.h"
#include "xalloc.h"

static void setup(void)
{
	session_fixture_open(FIXTURE("mini-plan.cfg"), "2025-03-06");
}

static void teardown(void)
{
	session_fixture_close();
}

TestSuite(session_plan, .init = setup, .fini = teardown);

/* Answers the first screen: kind (option index), last treated on `last`; seen is today. */
static void answer_dates(int kind, const char *last)
{
	cr_assert_eq(session_set_answer(s, var("seen"), session_initial_value(s, var("seen"))), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("kind"), value_choice(kind)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("last"), value_date(day(last))), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_OK, "%s", session_message(s));
}

Test(session_plan, default_expr_prefills_from_earlier_answers_when_its_condition_holds)
{
	struct value v;

	answer_dates(0, "2025-01-20"); /* kind a, 45 days */
	v = session_initial_value(s, var("weeks"));
	cr_assert_eq(v.type, TYPE_INT);
	cr_assert_eq(v.u.i, 6);
	/* A working answer wins over the computed default. */
	cr_assert_eq(session_set_answer(s, var("weeks"), value_int(7)), SESSION_OK);
	cr_assert_eq(session_initial_value(s, var("weeks")).u.i, 7);
}

Test(session_plan, no_computed_default_when_its_condition_is_false_or_out_of_range)
{
	answer_dates(1, "2025-01-20"); /* kind b: default_when is false */
	cr_assert_eq(session_initial_value(s, var("weeks")).type, TYPE_NONE);
	cr_assert_eq(session_back(s), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("kind"), value_choice(0)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("last"), value_date(day("2023-01-01"))), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_OK);
	/* 114 weeks is outside 0..52: no default rather than one the field refuses. */
	cr_assert_eq(session_initial_value(s, var("weeks")).type, TYPE_NONE);
}

Test(session_plan, not_recorded_is_an_answer_for_an_optional_variable_only)
{
	struct value nr = value_not_recorded();
	char *text;

	answer_dates(0, "2025-01-20");
	cr_assert_eq(session_set_answer(s, var("weeks"), value_int(6)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("signs"), value_set(0)), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_INVALID, "odi is still unanswered");
	cr_assert(strstr(session_message(s), "(odi)"));
	cr_assert_eq(session_set_answer(s, var("signs"), nr), SESSION_INVALID);
	cr_assert_str_eq(session_message(s), "signs is not optional: it needs an answer");
	cr_assert_eq(session_set_answer(s, var("odi"), nr), SESSION_OK);
	cr_assert(value_answered(session_answer(s, var("odi"))));
	text = pathway_format_value(pw, var("odi"), session_answer(s, var("odi")));
	cr_assert_str_eq(text, "not recorded");
	free(text);
	text = session_render_text(s, "ODI {odi}");
	cr_assert_str_eq(text, "ODI not recorded");
	free(text);
	cr_assert_eq(session_advance(s), SESSION_OK, "%s", session_message(s));
	cr_assert_str_eq(pw->nodes[session_node(s)].id, "plain");
}

Test(session_plan, conditional_items_show_only_when_true)
{
	const struct pw_node *plan;
	int shown[8];
	size_t n;

	answer_dates(0, "2025-01-20");
	cr_assert_eq(session_set_answer(s, var("weeks"), value_int(6)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("odi"), value_not_recorded()), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("signs"), value_set(2)), SESSION_OK); /* y */
	cr_assert_eq(session_advance(s), SESSION_OK, "%s", session_message(s));
	plan = &pw->nodes[session_node(s)];
	cr_assert_str_eq(plan->id, "plan");
	n = session_plan_shown(s, &plan->actions, shown);
	cr_assert_eq(n, 2);
	cr_assert_eq(shown[0], 0);
	cr_assert_eq(shown[1], 2);
	/* odi > 50 is unknown when not recorded: the item is not shown. */
	n = session_plan_shown(s, &plan->document, shown);
	cr_assert_eq(n, 1);
	cr_assert_eq(shown[0], 0);
}

Test(session_plan, plain_faces_print_the_plan_under_its_headings)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	answer_dates(0, "2025-01-20");
	cr_assert_eq(session_set_answer(s, var("weeks"), value_int(6)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("odi"), value_int(60)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("signs"), value_set(3)), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_OK);
	session_print_plan(s, f, "  ");
	fclose(f);
	cr_assert_str_eq(buf,
			 "  Recommendation: Consider this.\n"
			 "  What to do:\n"
			 "    - Always do this.\n"
			 "    - Sign X: act on it.\n"
			 "        [ref2] Other B. Another study. J Test 2021;2:3-4.\n"
			 "    - Sign Y: 6 weeks.\n"
			 "  What to document:\n"
			 "    - Record the signs.\n"
			 "        [ref1] Someone A. A study. J Test 2020;1:1-2.\n"
			 "    - Record the disability.\n");
	free(buf);
}

Test(session_plan, endpoint_event_records_the_items_shown_and_not_recorded_answers)
{
	char dir[] = "/tmp/pathwalk-plan-XXXXXX", path[64];
	struct journal *j;
	struct journal_log log = { 0 };
	struct diag_list diags = { 0 };
	struct session *back;
	char text[8192] = { 0 };
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/j.jsonl", dir);
	setenv("PATHWALK_NOW", "2025-03-06T10:00:00Z", 1);
	session_free(s);
	j = journal_create(path);
	s = session_new(pw, j, &(struct session_info){ .mode = "walk" }, day("2025-03-06"));
	cr_assert_eq(session_begin(s), SESSION_OK);
	answer_dates(0, "2025-01-20");
	cr_assert_eq(session_set_answer(s, var("weeks"), value_int(6)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("odi"), value_not_recorded()), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("signs"), value_set(1)), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_OK);
	/* Resuming rebuilds "not recorded" as an answer, not as a gap. */
	cr_assert_eq(journal_read_file(path, &log, &diags), 0);
	back = resume_session(pw, &log, day("2025-03-06"), &diags);
	cr_assert_not_null(back);
	cr_assert(session_answer(back, var("odi"))->not_recorded);
	session_free(back);
	journal_log_free(&log);
	diag_clear(&diags);
	cr_assert_eq(session_finish(s), SESSION_OK);
	journal_close(j);
	f = fopen(path, "r");
	cr_assert_not_null(f);
	cr_assert_gt(fread(text, 1, sizeof(text) - 1, f), 0);
	fclose(f);
	cr_assert(strstr(text, "\"var\":\"odi\",\"value\":null,\"not_recorded\":true,\"text\":\"not recorded\""));
	cr_assert(strstr(text, "\"actions\":[{\"text\":\"Always do this.\",\"refs\":[]},"
			       "{\"text\":\"Sign X: act on it.\",\"refs\":[\"ref2\"]}],"
			       "\"document\":[{\"text\":\"Record the signs.\",\"refs\":[\"ref1\"]}]"), "%s", text);
	unlink(path);
	rmdir(dir);
}
