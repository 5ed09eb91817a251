/* SPDX-License-Identifier: Apache-2.0 */
/* Integer multiplication and division in the condition language: precedence, rounding, unknowns,
 * type errors, rendering and range analysis (src/pathway/expr_parse.c, expr_eval.c, expr_range.c). */
#include "expr_fixture.h"

TestSuite(expr_product, .init = expr_fixture_setup, .fini = expr_fixture_teardown);

Test(expr_product, binds_tighter_than_sum_and_associates_to_the_left)
{
	assert_int("1 + 2 * 3", 7);
	assert_int("2 * 3 + 1", 7);
	assert_int("(1 + 2) * 3", 9);
	assert_int("12 / 2 / 3", 2);
	assert_int("12 / (6 / 3)", 6);
	assert_int("2 * 3 * 4 - 10 / 5", 22);
	assert_true("7 * 2 - 13 < 7");
}

Test(expr_product, division_rounds_toward_zero)
{
	assert_int("45 / 7", 6);
	assert_int("48 / 7", 6);
	assert_int("49 / 7", 7);
	assert_int("(0 - 45) / 7", -6);
	assert_int("45 / (0 - 7)", -6);
}

Test(expr_product, dividing_by_zero_is_unknown)
{
	answers[PAIN_NRS] = value_int(0);
	assert_unknown("10 / pain_nrs");
	assert_unknown("10 / 0 > 1");
	assert_true("10 / 0 > 1 || true");
	assert_false("10 / 0 > 1 && false");
}

Test(expr_product, unknown_and_not_recorded_operands_are_unknown)
{
	assert_unknown("pain_nrs * 2");
	answers[PAIN_NRS] = value_not_recorded();
	assert_unknown("pain_nrs * 2 > 1");
	assert_unknown("pain_nrs == pain_nrs");
	answers[PAIN_NRS] = value_int(3);
	assert_int("pain_nrs * 2", 6);
}

Test(expr_product, saturates_instead_of_overflowing)
{
	assert_int("4611686018427387904 * 4", LONG_MAX);
	assert_int("(0 - 4611686018427387904) * 4", LONG_MIN);
	assert_int("(0 - 9223372036854775807 - 1) / (0 - 1)", LONG_MAX);
}

Test(expr_product, weeks_from_dates_as_in_a_default)
{
	answers[ASSESSMENT_DATE] = value_date(day("2025-03-06"));
	answers[LAST_DATE] = value_date(day("2025-01-20"));
	assert_int("(assessment_date - last_injection_date) / 7", 6);
	/* The cross-field check: 45 days agree with 6 and 7 weeks, not with 5 or 8. */
	for (long w = 5; w <= 8; w++) {
		char *src = xasprintf("7 * %ld - (assessment_date - last_injection_date) < 7 && "
				      "(assessment_date - last_injection_date) - 7 * %ld < 7", w, w);

		if (w == 6 || w == 7)
			assert_true(src);
		else
			assert_false(src);
		free(src);
	}
}

Test(expr_product, rejects_non_int_operands)
{
	cr_assert_str_eq(parse_error("assessment_date * 2"),
			 "'*' and '/' need int operands, not date ('assessment_date') in \"assessment_date * 2\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("2 / radicular_pain"),
			 "'*' and '/' need int operands, not bool ('radicular_pain') in \"2 / radicular_pain\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("\"2025-01-01\" * 2 > 1"),
			 "'*' and '/' need int operands, not a quoted string ('\"2025-01-01\"') in "
			 "\"\\\"2025-01-01\\\" * 2 > 1\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("2 * > 1"), "expected a value before '>' in \"2 * > 1\"");
}

Test(expr_product, result_type_is_int)
{
	struct expr_type type;
	struct expr *e = parse("sij_count * 2", &type);

	cr_assert_eq(type.type, TYPE_INT);
	cr_assert_eq(type.domain, -1);
	expr_free(e);
}

Test(expr_product, explanation_renders_with_the_parentheses_it_needs)
{
	answers[PAIN_NRS] = value_int(6);
	assert_explains_as("(pain_nrs + 1) * 2 > 4", "(pain_nrs + 1) * 2 = 14 > 4", 1);
	assert_explains_as("pain_nrs + 1 * 2 > 4", "pain_nrs + 1 * 2 = 8 > 4", 1);
	assert_explains_as("pain_nrs / (2 * 3) == 1", "pain_nrs / (2 * 3) = 1 == 1", 1);
	assert_explains_as("pain_nrs - (2 - 3) == 7", "pain_nrs - (2 - 3) = 7 == 7", 1);
}

Test(expr_product, range_analysis_multiplies_and_divides_intervals)
{
	struct expr *e;

	pw->vars[PAIN_NRS].min = 0;
	pw->vars[PAIN_NRS].max = 10;
	pw->vars[PAIN_WEEKS].min = 1;
	pw->vars[PAIN_WEEKS].max = 4;
	e = parse("pain_nrs * 3 > 30", NULL);
	cr_assert_eq(expr_static_truth(e, pw), EXPR_NEVER);
	expr_free(e);
	e = parse("pain_nrs * 3 > 29", NULL);
	cr_assert_eq(expr_static_truth(e, pw), EXPR_MAYBE);
	expr_free(e);
	e = parse("pain_nrs / pain_weeks <= 10", NULL);
	cr_assert_eq(expr_static_truth(e, pw), EXPR_ALWAYS);
	expr_free(e);
	/* A divisor that can be 0 gives no verdict (that value is unknown). */
	e = parse("pain_weeks / pain_nrs <= 4", NULL);
	cr_assert_eq(expr_static_truth(e, pw), EXPR_MAYBE);
	expr_free(e);
	e = parse("(0 - pain_nrs) * pain_weeks >= 0 - 40", NULL);
	cr_assert_eq(expr_static_truth(e, pw), EXPR_ALWAYS);
	expr_free(e);
}
