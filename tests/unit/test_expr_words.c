/* SPDX-License-Identifier: Apache-2.0 */
/* Clinical wording of explanation clauses (src/pathway/expr_words.c) and their journal and human forms
 * (src/pathway/explain_words.c): every kind of clause and value, from the pathway's own words. */
#include "expr_fixture.h"

#include "explain_words.h"

/* A bool derived value that uses last_ok, for expansions two levels deep. */
#define ELIGIBLE NDERIVED

static struct value values[NDERIVED + 1];

static void name_everything(void)
{
	expr_fixture_setup();
	pw->vars[PAIN_NRS].short_name = "Pain score";
	pw->vars[PAIN_NRS].unit = "/10";
	pw->vars[RADICULAR_PAIN].short_name = "Nerve root pain";
	pw->vars[LAST_TYPE].short_name = "Last injection";
	pw->vars[SIJ_TESTS].short_name = "Positive SIJ tests";
	pw->vars[ASSESSMENT_DATE].short_name = "Assessment date";
	pw->vars[LAST_DATE].short_name = "Last injection date";
	pw->vars[EVENTS].short_name = "Events since the injection";
	pw->vars[PAIN_WEEKS].short_name = "Pain duration";
	pw->vars[PAIN_WEEKS].unit = "weeks";
	pw->vars[SIDE].prompt = "Which side hurts most?"; /* no short: the prompt names it */
	pw->derived = xrealloc(pw->derived, (NDERIVED + 1) * sizeof(*pw->derived));
	memset(&pw->derived[ELIGIBLE], 0, sizeof(pw->derived[ELIGIBLE]));
	pw->nderived = NDERIVED + 1;
	add_derived(ELIGIBLE, "eligible", TYPE_BOOL, -1);
	pw->derived[SIJ_COUNT].label = "Positive sacroiliac tests";
	pw->derived[DAYS_SINCE_LAST].label = "Days since the last injection";
	pw->derived[LAST_OK].label = "Last injection worked";
	pw->derived[ELIGIBLE].label = "Criteria for an injection met";
	pw->derived[DAYS_SINCE_LAST].expr = parse("assessment_date - last_injection_date", NULL);
	pw->derived[LAST_OK].expr = parse("days_since_last >= 60 && radicular_pain", NULL);
	pw->derived[ELIGIBLE].expr = expr_parse("!last_ok && pain_nrs > 4", pw, NDERIVED, "test.cfg", 1, &diags, NULL);
	cr_assert_not_null(pw->derived[ELIGIBLE].expr);
	pw->nodes[NODE_START].title = "Start";
	pw->nodes[NODE_SIJ].title = "Sacroiliac joint injection";
	pw->nodes[NODE_EPIDURAL].title = "Epidural injection";
	for (int i = 0; i <= NDERIVED; i++)
		values[i] = value_unknown();
	env.derived = values;
}

static void free_everything(void)
{
	for (int i = 0; i <= NDERIVED; i++)
		expr_free(pw->derived[i].expr);
	expr_fixture_teardown();
}

TestSuite(expr_words, .init = name_everything, .fini = free_everything);

static struct expr_explanation explain_words(const char *source)
{
	struct expr_explanation x;
	struct expr *e = expr_parse(source, pw, NDERIVED + 1, "test.cfg", 12, &diags, NULL);

	cr_assert_not_null(e, "\"%s\" should parse", source);
	expr_explain(e, &env, &x);
	expr_free(e);
	return x;
}

/* source has one clause at depth 0 (and no expansion), worded as expected. */
static void assert_words(const char *source, const char *expected)
{
	struct expr_explanation x = explain_words(source);

	cr_assert_eq(x.count, 1, "\"%s\" has %zu clauses", source, x.count);
	cr_assert_str_eq(x.clauses[0].words, expected, "\"%s\"", source);
	cr_assert_eq(x.clauses[0].depth, 0);
	expr_explanation_free(&x);
}

Test(expr_words, comparison_names_the_value_and_the_threshold_in_its_unit)
{
	answers[PAIN_NRS] = value_int(4);
	assert_words("pain_nrs > 4", "Pain score: 4/10; needs more than 4/10: not met");
	assert_words("pain_nrs >= 4", "Pain score: 4/10; needs at least 4/10: met");
	assert_words("pain_nrs == 4", "Pain score: 4/10; needs exactly 4/10: met");
	answers[PAIN_WEEKS] = value_int(1);
	assert_words("pain_weeks < 4", "Pain duration: 1 week; needs less than 4 weeks: met");
	answers[PAIN_NRS] = value_int(6);
	assert_words("4 >= pain_nrs", "Pain score: 6/10; needs 4/10 or less: not met");
	assert_words("pain_nrs > pain_weeks", "Pain score: 6/10; needs more than pain duration (1 week): met");
}

Test(expr_words, negation_is_kept_in_the_requirement)
{
	answers[PAIN_NRS] = value_int(6);
	answers[RADICULAR_PAIN] = value_bool(true);
	assert_words("!(pain_nrs > 4)", "Pain score: 6/10; needs 4/10 or less: not met");
	assert_words("!(pain_nrs == 6)", "Pain score: 6/10; needs other than 6/10: not met");
	assert_words("radicular_pain", "Nerve root pain: yes; needs yes: met");
	assert_words("!radicular_pain", "Nerve root pain: yes; needs no: not met");
	assert_words("!!radicular_pain", "Nerve root pain: yes; needs yes: met");
	answers[RADICULAR_PAIN] = value_bool(false);
	assert_words("!radicular_pain", "Nerve root pain: no; needs no: met");
}

Test(expr_words, unanswered_values_say_so_with_what_is_needed)
{
	assert_words("pain_nrs > 4", "Pain score: not yet answered (needs more than 4/10)");
	assert_words("!radicular_pain", "Nerve root pain: not yet answered (needs no)");
	assert_words("count(sij_tests) > 0", "Positive SIJ tests: not yet answered (needs at least one)");
	assert_words("has(post_injection_events, fever_or_site_infection)",
		     "Events since the injection: not yet answered (needs Fever ticked)");
	assert_words("side == \"left\"", "Which side hurts most?: not yet answered (needs Left)");
	answers[PAIN_NRS] = value_int(6);
	assert_words("pain_nrs > pain_weeks",
		     "Pain score: 6/10; needs more than pain duration (not yet answered): not yet answered");
	answers[PAIN_NRS] = value_not_recorded();
	assert_words("pain_nrs > 4", "Pain score: not recorded (needs more than 4/10)");
}

Test(expr_words, counts_of_a_set_say_how_many_and_which)
{
	answers[SIJ_TESTS] = value_set(0);
	assert_words("count(sij_tests) > 0", "Positive SIJ tests: none ticked; needs at least one: not met");
	assert_words("count(sij_tests) == 0", "Positive SIJ tests: none ticked; needs none: met");
	answers[SIJ_TESTS] = value_set(1u << PATRICK_FABER | 1u << THIGH_THRUST);
	assert_words("count(sij_tests) >= 3",
		     "Positive SIJ tests: 2 ticked (FABER, Thigh thrust); needs at least 3: not met");
	assert_words("count(sij_tests) > 2",
		     "Positive SIJ tests: 2 ticked (FABER, Thigh thrust); needs at least 3: not met");
	values[SIJ_COUNT] = value_int(2);
	assert_words("sij_count >= 3", "Positive sacroiliac tests: 2; needs at least 3: not met");
}

Test(expr_words, has_names_the_options_ticked_and_needed)
{
	answers[EVENTS] = value_set(1u << HEADACHE | 1u << NEW_DEFICIT);
	assert_words("has(post_injection_events, fever_or_site_infection, headache_neck_stiffness)",
		     "Events since the injection: Headache ticked; needs one of Fever or Headache ticked: met");
	assert_words("has(post_injection_events, fever_or_site_infection, headache_neck_stiffness, new_deficit)",
		     "Events since the injection: Headache or New deficit ticked; "
		     "needs one of Fever, Headache or New deficit ticked: met");
	assert_words("!has(post_injection_events, fever_or_site_infection, headache_neck_stiffness)",
		     "Events since the injection: Headache ticked; needs none of Fever or Headache ticked: not met");
	assert_words("!has(post_injection_events, fever_or_site_infection)",
		     "Events since the injection: not ticked; needs Fever not ticked: met");
	answers[EVENTS] = value_set(0);
	assert_words("has(post_injection_events, fever_or_site_infection, nothing)",
		     "Events since the injection: none of these ticked; needs one of Fever or Nothing ticked: not met");
}

Test(expr_words, choice_comparisons_name_both_labels)
{
	answers[LAST_TYPE] = value_choice(SIJ_STEROID);
	assert_words("last_injection_type == \"tpi\"",
		     "Last injection: SIJ steroid injection; needs Trigger point injection: not met");
	assert_words("last_injection_type != \"tpi\"",
		     "Last injection: SIJ steroid injection; needs other than Trigger point injection: met");
	assert_words("!(\"sij_steroid\" == last_injection_type)",
		     "Last injection: SIJ steroid injection; needs other than SIJ steroid injection: not met");
}

Test(expr_words, dates_read_as_dates_and_day_counts_across_month_ends)
{
	answers[ASSESSMENT_DATE] = value_date(day("2025-03-01"));
	answers[LAST_DATE] = value_date(day("2025-01-30"));
	assert_words("assessment_date - last_injection_date >= 30",
		     "Days from last injection date (2025-01-30) to assessment date (2025-03-01): 30 days; "
		     "needs at least 30 days: met");
	assert_words("last_injection_date + 60 <= assessment_date",
		     "Last injection date (2025-01-30) plus 60 days: 2025-03-31; "
		     "needs on or before assessment date (2025-03-01): not met");
	assert_words("assessment_date >= \"2025-01-01\"", "Assessment date: 2025-03-01; needs on or after 2025-01-01: met");
	/* A leap year's February: 31 January to 1 March 2024 is 30 days. */
	answers[ASSESSMENT_DATE] = value_date(day("2024-03-01"));
	answers[LAST_DATE] = value_date(day("2024-01-31"));
	values[DAYS_SINCE_LAST] = value_int(30);
	assert_words("days_since_last < 60",
		     "Days since the last injection: 30 days (2024-01-31 to 2024-03-01); needs less than 60 days: met");
	values[DAYS_SINCE_LAST] = value_int(1);
	assert_words("days_since_last >= 1",
		     "Days since the last injection: 1 day (2024-01-31 to 2024-03-01); needs at least 1 day: met");
}

Test(expr_words, derived_values_expand_clause_by_clause_two_levels_deep)
{
	struct expr_explanation x;
	static const char *const words[] = {
		"Criteria for an injection met: no; needs yes: not met",
		"Last injection worked: yes; needs no: not met",
		"Days since the last injection: 61 days (2025-01-01 to 2025-03-03); needs at least 60 days: met",
		"Nerve root pain: yes; needs yes: met",
		"Pain score: 6/10; needs more than 4/10: met",
	};
	static const int depth[] = { 0, 1, 2, 2, 1 }, truth[] = { 0, 0, 1, 1, 1 };

	answers[PAIN_NRS] = value_int(6);
	answers[RADICULAR_PAIN] = value_bool(true);
	answers[ASSESSMENT_DATE] = value_date(day("2025-03-03"));
	answers[LAST_DATE] = value_date(day("2025-01-01"));
	values[DAYS_SINCE_LAST] = value_int(61);
	values[LAST_OK] = value_bool(true);
	values[ELIGIBLE] = value_bool(false);
	x = explain_words("eligible");
	cr_assert_eq(x.count, 5);
	for (size_t i = 0; i < 5; i++) {
		cr_assert_str_eq(x.clauses[i].words, words[i]);
		cr_assert_eq(x.clauses[i].depth, depth[i], "clause %zu", i);
		cr_assert_eq(x.clauses[i].type, TYPE_BOOL);
		cr_assert_eq(x.clauses[i].truth, truth[i], "clause %zu", i);
	}
	cr_assert_str_eq(x.clauses[0].text, "eligible = no", "the pathway syntax stays for audit");
	cr_assert_str_eq(x.clauses[1].text, "last_ok = yes");
	expr_explanation_free(&x);
}

Test(expr_words, steps_endpoint_and_literals)
{
	env.node = NODE_SIJ;
	assert_words("at(sij_injection, epidural)",
		     "Current step: Sacroiliac joint injection; needs Sacroiliac joint injection or Epidural injection: met");
	assert_words("!at(epidural)", "Current step: Sacroiliac joint injection; needs a step other than Epidural injection: met");
	assert_words("endpoint", "At an endpoint: no; needs yes: not met");
	assert_words("true", "Always holds: met");
	assert_words("!true", "Never holds: not met");
}

Test(expr_words, no_id_or_operator_in_any_words)
{
	static const char *const sources[] = {
		"pain_nrs > 4 && !radicular_pain", "count(sij_tests) > 0 || has(post_injection_events, new_deficit)",
		"last_injection_type == \"tpi\" && eligible", "assessment_date - last_injection_date >= 60",
		"!(days_since_last < 60) && sij_count >= 3 && at(epidural) && endpoint",
	};
	static const char *const forbidden[] = { "_", "==", "!=", "&&", "||", "count(", "has(", "at(", "!" };

	answers[PAIN_NRS] = value_int(6);
	answers[SIJ_TESTS] = value_set(1u << DISTRACTION);
	for (size_t s = 0; s < sizeof(sources) / sizeof(*sources); s++) {
		struct expr_explanation x = explain_words(sources[s]);

		for (size_t i = 0; i < x.count; i++)
			for (size_t f = 0; f < sizeof(forbidden) / sizeof(*forbidden); f++)
				cr_assert_null(strstr(x.clauses[i].words, forbidden[f]), "\"%s\" in \"%s\"", forbidden[f],
					       x.clauses[i].words);
		expr_explanation_free(&x);
	}
}

Test(expr_words, journal_keeps_the_clause_and_adds_words_and_depth)
{
	struct expr_explanation x;
	struct strbuf sb = STRBUF_INIT;
	char *line;

	answers[RADICULAR_PAIN] = value_bool(true);
	values[LAST_OK] = value_bool(true);
	values[ELIGIBLE] = value_unknown();
	x = explain_words("eligible");
	explain_json(&sb, "explanation", &x);
	cr_assert_str_eq(sb_str(&sb),
			 ",\"explanation\":[{\"clause\":\"eligible = ?\",\"truth\":null,"
			 "\"words\":\"Criteria for an injection met: not yet answered (needs yes)\",\"depth\":0},"
			 "{\"clause\":\"last_ok = yes\",\"truth\":false,\"words\":\"Last injection worked: yes; needs no: not met\",\"depth\":1},"
			 "{\"clause\":\"days_since_last = ? >= 60\",\"truth\":null,"
			 "\"words\":\"Days since the last injection: not yet answered (needs at least 60 days)\",\"depth\":2},"
			 "{\"clause\":\"radicular_pain = yes\",\"truth\":true,\"words\":\"Nerve root pain: yes; needs yes: met\",\"depth\":2},"
			 "{\"clause\":\"pain_nrs = ? > 4\",\"truth\":null,"
			 "\"words\":\"Pain score: not yet answered (needs more than 4/10)\",\"depth\":1}]");
	line = explain_clause_line(&x.clauses[1], true);
	cr_assert_str_eq(line, "Last injection worked: yes; needs no: not met  [last_ok = yes]");
	free(line);
	line = explain_clause_line(&x.clauses[1], false);
	cr_assert_str_eq(line, "Last injection worked: yes; needs no: not met");
	free(line);
	sb_free(&sb);
	expr_explanation_free(&x);
}
