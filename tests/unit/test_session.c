/* SPDX-License-Identifier: Apache-2.0 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "session_fixture.h"
#include "journal.h"
#include "session.h"

static void setup(void)
{
	session_fixture_open(FIXTURE("mini.cfg"), "2024-03-01");
}

static void teardown(void)
{
	session_fixture_close();
}

/* Answers the first screen so that the decision recommends "high". */
static void answer_high(void)
{
	cr_assert_eq(session_set_answer(s, var("score"), value_int(6)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("flag"), value_bool(true)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("kind"), value_choice(0)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("signs"), value_set(5)), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("seen"), session_initial_value(s, var("seen"))), SESSION_OK);
	cr_assert_eq(session_set_answer(s, var("last"), value_date(day("2024-02-28"))), SESSION_OK);
}

TestSuite(session, .init = setup, .fini = teardown);

Test(session, starts_at_the_start_node)
{
	cr_assert_eq(session_node(s), pathway_find_node(pw, "screen"));
	cr_assert_not(session_at_endpoint(s));
	cr_assert_eq(session_back(s), SESSION_INVALID);
}

Test(session, date_defaults_to_today)
{
	struct value v = session_initial_value(s, var("seen"));

	cr_assert_eq(v.type, TYPE_DATE);
	cr_assert_eq(v.u.date, day("2024-03-01"));
	cr_assert_eq(session_initial_value(s, var("score")).type, TYPE_NONE);
}

Test(session, rejects_out_of_range_and_wrong_type)
{
	cr_assert_eq(session_set_answer(s, var("score"), value_int(11)), SESSION_INVALID);
	cr_assert_str_eq(session_message(s), "score must be between 0 and 10 (got 11)");
	cr_assert_eq(session_set_answer(s, var("score"), value_bool(true)), SESSION_INVALID);
	cr_assert_str_eq(session_message(s), "score must be an int");
	cr_assert_eq(session_set_answer(s, var("kind"), value_choice(2)), SESSION_INVALID);
	cr_assert_eq(session_set_answer(s, var("signs"), value_set(8)), SESSION_INVALID);
	cr_assert_eq(session_answer(s, var("score"))->type, TYPE_NONE);
}

Test(session, refuses_to_advance_with_unanswered_questions)
{
	cr_assert_eq(session_set_answer(s, var("score"), value_int(3)), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_INVALID);
	cr_assert(strstr(session_message(s), "(flag)"));
	cr_assert_eq(session_node(s), pathway_find_node(pw, "screen"));
}

Test(session, constraint_violation_names_both_fields)
{
	answer_high();
	cr_assert_eq(session_set_answer(s, var("last"), value_date(day("2024-03-02"))), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_INVALID);
	cr_assert_str_eq(session_message(s), "The last treatment cannot be after the visit. "
					     "(last = 2024-03-02, seen = 2024-03-01)");
}

Test(session, derived_values_follow_answers_across_leap_day)
{
	answer_high();
	cr_assert_eq(session_derived(s)[pathway_find_derived(pw, "nsigns")].u.i, 2);
	cr_assert_eq(session_derived(s)[pathway_find_derived(pw, "days")].u.i, 2);
	cr_assert_eq(session_derived(s)[pathway_find_derived(pw, "repeat_on")].u.date, day("2024-04-28"));
}

Test(session, decision_recommends_first_true_candidate_with_explanation)
{
	struct session_candidate *c;
	size_t n;

	answer_high();
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(session_node(s), pathway_find_node(pw, "choose"));
	n = session_candidates(s, &c);
	cr_assert_eq(n, 3);
	cr_assert(c[0].recommended);
	cr_assert_not(c[1].recommended);
	cr_assert_str_eq(c[0].label, "High road");
	cr_assert_str_eq(c[1].label, "Many"); /* no label: the target's title */
	cr_assert_eq(c[0].why.count, 2);
	cr_assert_str_eq(c[0].why.clauses[0].text, "score = 6 > 4");
	cr_assert(c[0].why.clauses[0].truth);
	cr_assert_null(c[2].when);
	session_candidates_free(c, n);
	cr_assert_eq(session_recommended(s), 0);
}

Test(session, warnings_apply_where_their_condition_holds)
{
	size_t n;
	const int *w;

	answer_high();
	w = session_warnings(s, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(w[0], pathway_find_warning(pw, "flagged"));
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(session_node(s), pathway_find_node(pw, "high"));
	w = session_warnings(s, &n);
	cr_assert_eq(n, 3);
	w = session_warnings_shown(s, &n);
	cr_assert_eq(n, 3);
	cr_assert_eq(w[0], pathway_find_warning(pw, "flagged"));
	cr_assert_eq(w[1], pathway_find_warning(pw, "always_end"));
	cr_assert_eq(w[2], pathway_find_warning(pw, "at_high"));
}

Test(session, evidence_with_condition_shows_only_when_true)
{
	size_t n;

	session_evidence(s, &n);
	cr_assert_eq(n, 1);
	answer_high(); /* signs x and z */
	session_evidence(s, &n);
	cr_assert_eq(n, 2);
}

Test(session, override_needs_a_reason_and_is_recorded)
{
	int node, target;
	const char *reason;

	answer_high();
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(session_override(s, 2, "  "), SESSION_INVALID);
	cr_assert(strstr(session_message(s), "reason"));
	cr_assert_eq(session_override(s, 2, "patient prefers the low road"), SESSION_OK);
	cr_assert_eq(session_node(s), pathway_find_node(pw, "low"));
	cr_assert_eq(session_override_count(s), 1);
	session_override_get(s, 0, &node, &target, &reason);
	cr_assert_eq(node, pathway_find_node(pw, "choose"));
	cr_assert_eq(target, pathway_find_node(pw, "low"));
	cr_assert_str_eq(reason, "patient prefers the low road");
}

Test(session, override_is_refused_outside_decisions)
{
	answer_high();
	cr_assert_eq(session_override(s, 0, "why not"), SESSION_INVALID);
}

Test(session, back_keeps_answers_and_a_revision_changes_the_path)
{
	answer_high();
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(session_back(s), SESSION_OK);
	cr_assert_eq(session_node(s), pathway_find_node(pw, "screen"));
	cr_assert_eq(session_answer(s, var("score"))->u.i, 6);
	cr_assert_eq(session_set_answer(s, var("score"), value_int(2)), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(session_recommended(s), 1); /* two signs: "many" */
}

Test(session, back_undoes_an_override_and_its_warnings)
{
	size_t n;

	answer_high();
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(session_override(s, 2, "reason"), SESSION_OK);
	session_warnings_shown(s, &n);
	cr_assert_eq(n, 2); /* flagged, always_end */
	cr_assert_eq(session_back(s), SESSION_OK);
	cr_assert_eq(session_override_count(s), 0);
	session_warnings_shown(s, &n);
	cr_assert_eq(n, 1);
}

Test(session, finish_closes_only_at_an_endpoint)
{
	answer_high();
	cr_assert_eq(session_finish(s), SESSION_INVALID);
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert(session_at_endpoint(s));
	cr_assert_eq(session_advance(s), SESSION_INVALID);
	cr_assert(!session_finished(s));
	cr_assert_eq(session_finish(s), SESSION_OK);
	cr_assert(session_closed(s));
	cr_assert(session_finished(s));
	cr_assert_eq(session_back(s), SESSION_INVALID);
}

Test(session, an_interrupted_session_is_closed_not_finished)
{
	answer_high();
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert(session_at_endpoint(s));
	cr_assert_eq(session_interrupt(s, "quit"), SESSION_OK);
	cr_assert(session_closed(s));
	cr_assert(!session_finished(s));
}

Test(session, renders_interpolated_text)
{
	char *text;

	answer_high();
	text = session_render_text(s, "Repeat on {repeat_on}; {{literal}}; {days} days; {nothing}");
	cr_assert_str_eq(text, "Repeat on 2024-04-28; {literal}; 2 days; {nothing}");
	free(text);
	session_clear_answer(s, var("last"));
	text = session_render_text(s, "{repeat_on}");
	cr_assert_str_eq(text, "not yet known");
	free(text);
}

Test(session, route_and_stages_visited)
{
	size_t n;
	const int *route, *via;

	answer_high();
	cr_assert_eq(session_stages_visited(s), 1);
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_OK);
	route = session_route(s, &n);
	cr_assert_eq(n, 3);
	cr_assert_eq(route[2], pathway_find_node(pw, "high"));
	via = session_route_via(s, &n);
	cr_assert_eq(via[0], -1);
	cr_assert_eq(via[2], 0);
	cr_assert_eq(session_stages_visited(s), 3);
}

/* Reads a whole file into a string the caller frees. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 65536);

	cr_assert_not_null(f);
	cr_assert(fread(buf, 1, 65535, f) > 0 || !ferror(f));
	fclose(f);
	return buf;
}

Test(session_journal, records_answers_revisions_decisions_overrides_and_end)
{
	char dir[] = "/tmp/pathwalk-test-XXXXXX", path[64];
	struct journal *j;
	struct session *js;
	char *text;

	pw = load_fixture(FIXTURE("mini.cfg"));
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/j.jsonl", dir);
	setenv("PATHWALK_NOW", "2024-03-01T10:00:00Z", 1);
	j = journal_create(path);
	cr_assert_not_null(j);
	js = session_new(pw, j, &(struct session_info){ .mode = "walk", .clinician = "Dr \"Q\"" }, day("2024-03-01"));
	s = js;
	cr_assert_eq(session_begin(js), SESSION_OK);
	answer_high();
	cr_assert_eq(session_advance(js), SESSION_OK);
	cr_assert_eq(session_back(js), SESSION_OK);
	cr_assert_eq(session_set_answer(js, var("score"), value_int(7)), SESSION_OK);
	cr_assert_eq(session_advance(js), SESSION_OK);
	cr_assert_eq(session_override(js, 2, "frail"), SESSION_OK);
	cr_assert_eq(session_finish(js), SESSION_OK);
	journal_close(j);
	text = slurp(path);
	cr_assert(strstr(text, "\"event\":\"start\""));
	cr_assert(strstr(text, "\"clinician\":\"Dr \\\"Q\\\"\""));
	cr_assert(strstr(text, "\"var\":\"score\",\"value\":6,\"text\":\"6\""));
	cr_assert(strstr(text, "\"var\":\"score\",\"value\":7,\"text\":\"7\",\"prompt\":\"Score\",\"revised\":true,\"previous\":6"));
	cr_assert(strstr(text, "\"event\":\"back\",\"from\":\"choose\",\"to\":\"screen\""));
	cr_assert(strstr(text, "\"event\":\"override\",\"node\":\"choose\",\"goto\":\"low\""));
	cr_assert(strstr(text, "\"reason\":\"frail\""));
	cr_assert(strstr(text, "\"event\":\"endpoint\",\"node\":\"low\""));
	cr_assert(strstr(text, "\"event\":\"end\""));
	free(text);
	session_free(js);
	pathway_free(pw);
	unlink(path);
	rmdir(dir);
}
