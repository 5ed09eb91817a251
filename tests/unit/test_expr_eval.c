/* SPDX-License-Identifier: Apache-2.0 */
/* Evaluation, explanation and traversal of expressions (src/pathway/expr_eval.c). */
#include "expr_fixture.h"

TestSuite(expr_eval, .init = expr_fixture_setup, .fini = expr_fixture_teardown);

/* ---- names ---- */

Test(expr_eval, endpoint_is_true_at_an_endpoint)
{
	assert_false("endpoint");
	env.at_endpoint = true;
	assert_true("endpoint");
	assert_false("!endpoint");
}

Test(expr_eval, at_is_true_at_any_listed_node)
{
	env.node = NODE_EPIDURAL;
	assert_true("at(sij_injection, epidural)");
	assert_true("at(\"epidural\")");
	assert_false("at(start, sij_injection)");
	env.node = -1;
	assert_false("at(start, sij_injection, epidural)");
}

Test(expr_eval, choice_compares_with_quoted_option)
{
	answers[LAST_TYPE] = value_choice(SIJ_STEROID);
	assert_true("last_injection_type == \"sij_steroid\"");
	assert_true("\"sij_steroid\" == last_injection_type");
	assert_false("last_injection_type == \"tpi\"");
	assert_true("last_injection_type != \"tpi\"");
	answers[LAST_TYPE] = value_unknown();
	assert_unknown("last_injection_type == \"tpi\"");
}

Test(expr_eval, count_counts_chosen_options)
{
	answers[SIJ_TESTS] = value_set(1u << PATRICK_FABER | 1u << THIGH_THRUST | 1u << SACRAL_THRUST);
	assert_int("count(sij_tests)", 3);
	assert_true("count(sij_tests) >= 3");
	answers[SIJ_TESTS] = value_set(0);
	assert_int("count(sij_tests)", 0);
	answers[SIJ_TESTS] = value_unknown();
	assert_unknown("count(sij_tests)");
}

Test(expr_eval, has_is_true_when_any_listed_option_is_chosen)
{
	answers[EVENTS] = value_set(1u << NEW_DEFICIT);
	assert_true("has(post_injection_events, fever_or_site_infection, headache_neck_stiffness, new_deficit)");
	assert_true("has(post_injection_events, \"new_deficit\")");
	assert_false("has(post_injection_events, fever_or_site_infection, headache_neck_stiffness)");
	answers[EVENTS] = value_set(0);
	assert_false("has(post_injection_events, fever_or_site_infection, nothing)");
	answers[EVENTS] = value_unknown();
	assert_unknown("has(post_injection_events, fever_or_site_infection)");
}

Test(expr_eval, sets_of_the_same_variable_compare_equal)
{
	answers[SIJ_TESTS] = value_set(0x5);
	answers[EVENTS] = value_set(0x5);
	assert_true("sij_tests == sij_tests");
	cr_assert_str_eq(parse_error("sij_tests == post_injection_events"),
			 "cannot compare options of 'sij_tests' with options of 'post_injection_events' in \"sij_tests == post_injection_events\"");
}

Test(expr_eval, derived_values_are_read_from_the_environment)
{
	derived[DAYS_SINCE_LAST] = value_int(59);
	derived[LAST_OK] = value_bool(true);
	assert_true("last_ok && days_since_last < 60");
	env.derived = NULL;
	assert_unknown("days_since_last < 60");
}

/* ---- dates ---- */

Test(expr_eval, date_plus_days_crosses_leap_day_month_and_year)
{
	answers[ASSESSMENT_DATE] = value_date(day("2024-02-28"));
	assert_date("assessment_date + 1", "2024-02-29");
	assert_date("1 + assessment_date", "2024-02-29");
	assert_date("assessment_date + 2", "2024-03-01");
	answers[ASSESSMENT_DATE] = value_date(day("2023-02-28"));
	assert_date("assessment_date + 1", "2023-03-01");
	answers[ASSESSMENT_DATE] = value_date(day("2025-01-01"));
	assert_date("assessment_date - 1", "2024-12-31");
	assert_date("\"2024-12-31\" + 1", "2025-01-01");
}

Test(expr_eval, date_minus_date_counts_days)
{
	answers[ASSESSMENT_DATE] = value_date(day("2025-03-02"));
	answers[LAST_DATE] = value_date(day("2025-01-01"));
	assert_int("assessment_date - last_injection_date", 60);
	assert_int("last_injection_date - assessment_date", -60);
	answers[ASSESSMENT_DATE] = value_date(day("2024-03-01"));
	answers[LAST_DATE] = value_date(day("2023-12-31"));
	assert_int("assessment_date - last_injection_date", 61);
	assert_int("assessment_date - \"2024-02-28\"", 2);
}

Test(expr_eval, dates_compare_with_dates_and_date_literals)
{
	answers[ASSESSMENT_DATE] = value_date(day("2025-02-17"));
	answers[LAST_DATE] = value_date(day("2025-01-20"));
	assert_true("last_injection_date <= assessment_date");
	assert_true("assessment_date == \"2025-02-17\"");
	assert_true("\"2025-02-18\" > assessment_date");
	assert_false("last_injection_date + 60 <= assessment_date");
	answers[LAST_DATE] = value_unknown();
	assert_unknown("last_injection_date <= assessment_date");
}

/* ---- arithmetic limits ---- */

Test(expr_eval, integer_arithmetic_saturates_instead_of_overflowing)
{
	answers[PAIN_NRS] = value_int(6);
	assert_int("pain_nrs + 9223372036854775807", LONG_MAX);
	assert_int("0 - 9223372036854775807 - 10", LONG_MIN);
	assert_int("0 - 9223372036854775807 - 1 + 1", LONG_MIN + 1);
	answers[PAIN_NRS] = value_int(LONG_MIN);
	assert_int("pain_nrs - 1", LONG_MIN);
	assert_int("9223372036854775807 - pain_nrs", LONG_MAX);
}

Test(expr_eval, date_arithmetic_clamps_to_representable_dates)
{
	answers[ASSESSMENT_DATE] = value_date(day("2025-01-01"));
	assert_date("assessment_date + 9223372036854775807", "9999-12-31");
	assert_date("assessment_date - 9223372036854775807", "0000-01-01");
	assert_int("(assessment_date + 9223372036854775807) - (assessment_date - 9223372036854775807)",
		   DATE_MAX_DAYS - DATE_MIN_DAYS);
}

/* ---- three-valued logic ---- */

Test(expr_eval, unknown_follows_kleene_logic)
{
	/* pain_nrs is unanswered throughout. */
	assert_false("false && pain_nrs > 4");
	assert_false("pain_nrs > 4 && false");
	assert_unknown("true && pain_nrs > 4");
	assert_true("true || pain_nrs > 4");
	assert_true("pain_nrs > 4 || true");
	assert_unknown("false || pain_nrs > 4");
	assert_unknown("!(pain_nrs > 4)");
	assert_unknown("pain_nrs + 1 > 4");
	assert_unknown("pain_nrs == pain_nrs");
	assert_unknown("radicular_pain == true");
	assert_false("pain_nrs > 4 && radicular_pain && false");
}

Test(expr_eval, unknown_environment_arrays_read_as_unknown)
{
	env.answers = NULL;
	assert_unknown("pain_nrs > 4");
	assert_true("true || pain_nrs > 4");
}

/* ---- explanations ---- */

Test(expr_eval, explains_comparison_with_actual_value)
{
	answers[PAIN_NRS] = value_int(6);
	assert_explains_as("pain_nrs > 4", "pain_nrs = 6 > 4", 1);
	assert_explains_as("4 >= pain_nrs", "4 >= pain_nrs = 6", 0);
}

Test(expr_eval, explains_unknown_value_as_question_mark)
{
	assert_explains_as("pain_nrs > 4", "pain_nrs = ? > 4", -1);
	assert_explains_as("radicular_pain", "radicular_pain = ?", -1);
}

Test(expr_eval, explains_choice_with_option_ids)
{
	answers[LAST_TYPE] = value_choice(TPI);
	assert_explains_as("last_injection_type == \"tpi\"", "last_injection_type = tpi == tpi", 1);
	assert_explains_as("last_injection_type != \"epidural_steroid\"",
			   "last_injection_type = tpi != epidural_steroid", 1);
}

Test(expr_eval, explains_count_and_derived_values)
{
	answers[SIJ_TESTS] = value_set(0x7);
	derived[DAYS_SINCE_LAST] = value_int(59);
	derived[SIJ_COUNT] = value_int(3);
	assert_explains_as("count(sij_tests) >= 3", "count(sij_tests) = 3 >= 3", 1);
	assert_explains_as("days_since_last < 60", "days_since_last = 59 < 60", 1);
	assert_explains_as("sij_count >= 3", "sij_count = 3 >= 3", 1);
}

Test(expr_eval, explains_dates_and_sums)
{
	answers[ASSESSMENT_DATE] = value_date(day("2025-02-17"));
	answers[LAST_DATE] = value_date(day("2025-01-20"));
	assert_explains_as("last_injection_date <= assessment_date",
			   "last_injection_date = 2025-01-20 <= assessment_date = 2025-02-17", 1);
	assert_explains_as("last_injection_date + 60 <= assessment_date",
			   "last_injection_date + 60 = 2025-03-21 <= assessment_date = 2025-02-17", 0);
	assert_explains_as("assessment_date >= \"2025-01-01\"", "assessment_date = 2025-02-17 >= 2025-01-01", 1);
	assert_explains_as("assessment_date - last_injection_date < 60",
			   "assessment_date - last_injection_date = 28 < 60", 1);
}

Test(expr_eval, explains_has_as_one_clause)
{
	answers[EVENTS] = value_set(1u << NEW_DEFICIT);
	assert_explains_as("has(post_injection_events, fever_or_site_infection, \"headache_neck_stiffness\")",
			   "has(post_injection_events, fever_or_site_infection, headache_neck_stiffness) = no", 0);
	assert_explains_as("has(post_injection_events, new_deficit, nothing)",
			   "has(post_injection_events, new_deficit, nothing) = yes", 1);
}

Test(expr_eval, explains_bool_variable_and_its_negation)
{
	answers[RADICULAR_PAIN] = value_bool(false);
	assert_explains_as("radicular_pain", "radicular_pain = no", 0);
	assert_explains_as("!radicular_pain", "radicular_pain = no", 1);
	answers[RADICULAR_PAIN] = value_bool(true);
	assert_explains_as("!radicular_pain", "radicular_pain = yes", 0);
	assert_explains_as("!!radicular_pain", "radicular_pain = yes", 1);
}

Test(expr_eval, explains_negated_comparison_with_the_opposite_operator)
{
	answers[PAIN_NRS] = value_int(6);
	assert_explains_as("!(pain_nrs > 4)", "pain_nrs = 6 <= 4", 0);
	assert_explains_as("!(pain_nrs == 6)", "pain_nrs = 6 != 6", 0);
	assert_explains_as("!(pain_nrs < 4)", "pain_nrs = 6 >= 4", 1);
}

Test(expr_eval, explains_negated_group_clause_by_clause)
{
	struct expr_explanation x;

	answers[PAIN_NRS] = value_int(6);
	answers[RADICULAR_PAIN] = value_bool(true);
	x = explain("!(pain_nrs > 4 && radicular_pain)");
	cr_assert_eq(x.count, 2);
	assert_clause(&x, 0, "pain_nrs = 6 <= 4", 0);
	assert_clause(&x, 1, "radicular_pain = yes", 0);
	cr_assert_eq(x.result.type, TYPE_BOOL);
	cr_assert_eq(x.result.u.b, false);
	expr_explanation_free(&x);
}

Test(expr_eval, explains_at_endpoint_and_literals)
{
	env.node = NODE_SIJ;
	assert_explains_as("at(sij_injection, epidural)", "at(sij_injection, epidural) = yes", 1);
	assert_explains_as("endpoint", "endpoint = no", 0);
	assert_explains_as("true", "true", 1);
	assert_explains_as("!false", "false", 1);
}

Test(expr_eval, explains_every_clause_in_source_order)
{
	struct expr_explanation x;

	answers[RADICULAR_PAIN] = value_bool(true);
	answers[PAIN_WEEKS] = value_int(6);
	answers[LAST_TYPE] = value_choice(SIJ_STEROID);
	derived[LAST_OK] = value_bool(false);
	x = explain("radicular_pain && pain_weeks >= 4 && pain_nrs > 4 && "
		    "(last_injection_type == \"tpi\" || !last_ok)");
	cr_assert_eq(x.count, 5);
	assert_clause(&x, 0, "radicular_pain = yes", 1);
	assert_clause(&x, 1, "pain_weeks = 6 >= 4", 1);
	assert_clause(&x, 2, "pain_nrs = ? > 4", -1);
	assert_clause(&x, 3, "last_injection_type = sij_steroid == tpi", 0);
	assert_clause(&x, 4, "last_ok = no", 1);
	cr_assert_eq(x.result.type, TYPE_NONE, "unknown pain makes the whole unknown");
	expr_explanation_free(&x);
	cr_assert_null(x.clauses);
	cr_assert_eq(x.count, 0);
}

Test(expr_eval, explains_non_bool_expression_with_no_clauses)
{
	struct expr_explanation x;

	answers[SIJ_TESTS] = value_set(0x3);
	x = explain("count(sij_tests)");
	cr_assert_eq(x.count, 0);
	cr_assert_eq(x.result.type, TYPE_INT);
	cr_assert_eq(x.result.u.i, 2);
	expr_explanation_free(&x);
}

Test(expr_eval, explains_bool_comparison_operands_in_parentheses)
{
	answers[PAIN_NRS] = value_int(6);
	answers[RADICULAR_PAIN] = value_bool(true);
	assert_explains_as("(pain_nrs > 4) == radicular_pain", "(pain_nrs > 4) = yes == radicular_pain = yes", 1);
	assert_explains_as("radicular_pain != true", "radicular_pain = yes != yes", 0);
}

/* ---- traversal ---- */

struct seen {
	int items[16];
	int count;
};

static void record(int index, void *ctx)
{
	struct seen *s = ctx;

	cr_assert_lt(s->count, 16);
	s->items[s->count++] = index;
}

Test(expr_eval, walks_variables_and_derived_values_once_per_occurrence)
{
	struct seen vars = { { 0 }, 0 }, ders = { { 0 }, 0 };
	struct expr *e = parse("pain_nrs > 4 && !(pain_nrs > 9) && days_since_last > 1 && "
			       "has(sij_tests, patrick_faber) && last_injection_date + 60 <= assessment_date "
			       "&& last_ok", NULL);

	expr_for_each_variable(e, record, &vars);
	expr_for_each_derived(e, record, &ders);
	cr_assert_eq(vars.count, 5);
	cr_assert_eq(vars.items[0], PAIN_NRS);
	cr_assert_eq(vars.items[1], PAIN_NRS);
	cr_assert_eq(vars.items[2], SIJ_TESTS);
	cr_assert_eq(vars.items[3], LAST_DATE);
	cr_assert_eq(vars.items[4], ASSESSMENT_DATE);
	cr_assert_eq(ders.count, 2);
	cr_assert_eq(ders.items[0], DAYS_SINCE_LAST);
	cr_assert_eq(ders.items[1], LAST_OK);
	expr_free(e);
}

Test(expr_eval, free_accepts_null)
{
	expr_free(NULL);
}
