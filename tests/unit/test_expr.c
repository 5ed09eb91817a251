/* SPDX-License-Identifier: Apache-2.0 */
/* Parsing and type-checking of the condition language (src/pathway/expr_parse.c). */
#include "expr_fixture.h"

TestSuite(expr, .init = expr_fixture_setup, .fini = expr_fixture_teardown);

/* ---- grammar and precedence ---- */

Test(expr, and_binds_tighter_than_or)
{
	assert_true("true || false && false");
	assert_true("false && true || true");
	assert_false("(true || false) && false");
}

Test(expr, not_applies_to_its_operand_before_and)
{
	assert_false("!false && false");
	assert_true("!(false && false)");
	assert_true("!!true");
}

Test(expr, not_binds_looser_than_comparison)
{
	/* unary := "!" unary | compare, so "!pain_nrs > 4" is "!(pain_nrs > 4)" and type-checks. */
	answers[PAIN_NRS] = value_int(6);
	assert_false("!pain_nrs > 4");
}

Test(expr, comparison_binds_tighter_than_and)
{
	answers[PAIN_NRS] = value_int(6);
	answers[PAIN_WEEKS] = value_int(3);
	assert_false("pain_nrs > 4 && pain_weeks > 4");
	assert_true("pain_nrs > 4 || pain_weeks > 4");
}

Test(expr, sums_associate_to_the_left)
{
	assert_int("1 + 2 - 3", 0);
	assert_int("10 - 2 - 3", 5);
	assert_int("10 - (2 - 3)", 11);
	assert_true("1 + 2 == 3");
}

Test(expr, long_chains_parse_and_evaluate_without_deep_recursion)
{
	enum { TERMS = 100000 };
	struct strbuf sb = STRBUF_INIT;
	struct expr *e;

	sb_append(&sb, "pain_nrs > 4");
	for (int i = 1; i < TERMS; i++)
		sb_append(&sb, " && pain_nrs > 4");
	answers[PAIN_NRS] = value_int(5);
	e = parse(sb_str(&sb), NULL);
	cr_assert_eq(expr_eval(e, &env).u.b, true);
	expr_free(e);
	sb_reset(&sb);
	sb_append(&sb, "0");
	for (int i = 0; i < TERMS; i++)
		sb_append(&sb, " + 1");
	assert_int(sb_str(&sb), TERMS);
	sb_free(&sb);
}

Test(expr, whitespace_and_newlines_are_ignored)
{
	answers[LAST_TYPE] = value_choice(TPI);
	assert_true("  last_injection_type\n==\t\"tpi\"  ");
	assert_true("has( sij_tests , patrick_faber ) || true");
}

Test(expr, reports_result_type_and_option_domain)
{
	assert_type("pain_nrs > 4", TYPE_BOOL, -1);
	assert_type("pain_nrs + 1", TYPE_INT, -1);
	assert_type("last_injection_type", TYPE_CHOICE, LAST_TYPE);
	assert_type("sij_tests", TYPE_SET, SIJ_TESTS);
	assert_type("count(sij_tests)", TYPE_INT, -1);
	assert_type("assessment_date + 1", TYPE_DATE, -1);
	assert_type("1 + assessment_date", TYPE_DATE, -1);
	assert_type("assessment_date - 1", TYPE_DATE, -1);
	assert_type("assessment_date - last_injection_date", TYPE_INT, -1);
	assert_type("\"2025-01-01\" + 60", TYPE_DATE, -1);
	assert_type("earliest_repeat", TYPE_DATE, -1);
	assert_type("endpoint", TYPE_BOOL, -1);
}

/* ---- errors: one diagnostic each, naming the offending text ---- */

Test(expr, rejects_unknown_variable)
{
	cr_assert_str_eq(parse_error("pain_nsr > 4"), "unknown variable 'pain_nsr' in \"pain_nsr > 4\"; did you mean 'pain_nrs'?");
}

Test(expr, suggests_quotes_for_a_bare_option_id)
{
	cr_assert_str_eq(parse_error("last_injection_type == tpi"),
			 "unknown variable 'tpi' (an option id must be quoted: \"tpi\") in \"last_injection_type == tpi\"");
}

Test(expr, rejects_unknown_option_in_comparison)
{
	cr_assert_str_eq(parse_error("last_injection_type == \"foo\""),
			 "option 'foo' is not an option of 'last_injection_type' in \"last_injection_type == \\\"foo\\\"\"");
}

Test(expr, rejects_option_of_another_variable)
{
	cr_assert_str_eq(parse_error("\"left\" != last_injection_type"),
			 "option 'left' is not an option of 'last_injection_type' in \"\\\"left\\\" != last_injection_type\"");
}

Test(expr, rejects_unknown_option_in_has)
{
	cr_assert_str_eq(parse_error("has(sij_tests, patrick_faber, foo)"),
			 "option 'foo' is not an option of 'sij_tests' in \"has(sij_tests, patrick_faber, foo)\"");
}

Test(expr, rejects_unknown_quoted_option_in_has)
{
	cr_assert_str_eq(parse_error("has(sij_tests, \"tpi\")"),
			 "option 'tpi' is not an option of 'sij_tests' in \"has(sij_tests, \\\"tpi\\\")\"");
}

Test(expr, rejects_comparing_int_with_bool)
{
	cr_assert_str_eq(parse_error("pain_nrs < radicular_pain"),
			 "cannot compare int with bool in \"pain_nrs < radicular_pain\"");
}

Test(expr, rejects_comparing_choices_of_different_variables)
{
	cr_assert_str_eq(parse_error("side == last_injection_type"),
			 "cannot compare options of 'side' with options of 'last_injection_type' in \"side == last_injection_type\"");
}

Test(expr, rejects_ordering_of_choices_bools_and_sets)
{
	cr_assert_str_eq(parse_error("last_injection_type < \"tpi\""),
			 "'<' needs int or date operands, not choice in \"last_injection_type < \\\"tpi\\\"\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("radicular_pain >= true"),
			 "'>=' needs int or date operands, not bool in \"radicular_pain >= true\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("sij_tests > sij_tests"),
			 "'>' needs int or date operands, not set in \"sij_tests > sij_tests\"");
}

Test(expr, rejects_missing_close_paren)
{
	cr_assert_str_eq(parse_error("count(sij_tests"), "expected ')' at end of \"count(sij_tests\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("(pain_nrs > 4 4"), "expected ')' before '4' in \"(pain_nrs > 4 4\"");
}

Test(expr, rejects_missing_operand)
{
	cr_assert_str_eq(parse_error("pain_nrs >"), "expected a value at end of \"pain_nrs >\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("pain_nrs > )"), "expected a value before ')' in \"pain_nrs > )\"");
}

Test(expr, rejects_and_with_non_bool_operand)
{
	cr_assert_str_eq(parse_error("pain_nrs && radicular_pain"),
			 "'&&' needs bool operands, not int ('pain_nrs') in \"pain_nrs && radicular_pain\"");
}

Test(expr, rejects_or_with_non_bool_operand)
{
	cr_assert_str_eq(parse_error("radicular_pain || sij_tests"),
			 "'||' needs bool operands, not set ('sij_tests') in \"radicular_pain || sij_tests\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("radicular_pain || \"tpi\""),
			 "'||' needs bool operands, not a quoted string ('\"tpi\"') in \"radicular_pain || \\\"tpi\\\"\"");
}

Test(expr, rejects_not_of_non_bool)
{
	cr_assert_str_eq(parse_error("!count(sij_tests) > 1 && !pain_weeks"),
			 "'!' needs a bool operand, not int ('pain_weeks') in \"!count(sij_tests) > 1 && !pain_weeks\"");
}

Test(expr, rejects_arithmetic_on_wrong_types)
{
	cr_assert_str_eq(parse_error("assessment_date + last_injection_date"),
			 "cannot compute date + date in \"assessment_date + last_injection_date\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("1 - assessment_date"), "cannot compute int - date in \"1 - assessment_date\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("radicular_pain + 1"), "cannot compute bool + int in \"radicular_pain + 1\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("pain_nrs + 1 - sij_tests > 0"),
			 "cannot compute int - set in \"pain_nrs + 1 - sij_tests > 0\"");
}

Test(expr, rejects_invalid_date_literal)
{
	cr_assert_str_eq(parse_error("assessment_date > \"2023-02-29\""),
			 "\"2023-02-29\" is not a valid date (YYYY-MM-DD) in \"assessment_date > \\\"2023-02-29\\\"\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("\"tomorrow\" + 1 > assessment_date"),
			 "\"tomorrow\" is not a valid date (YYYY-MM-DD) in \"\\\"tomorrow\\\" + 1 > assessment_date\"");
}

Test(expr, rejects_quoted_string_compared_with_int)
{
	cr_assert_str_eq(parse_error("pain_nrs == \"4\""),
			 "a quoted string can only be compared with a choice or a date, not int ('pain_nrs') in \"pain_nrs == \\\"4\\\"\"");
}

Test(expr, rejects_two_quoted_strings_and_a_bare_one)
{
	cr_assert_str_eq(parse_error("\"a\" == \"a\""), "cannot compare two quoted strings in \"\\\"a\\\" == \\\"a\\\"\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("\"tpi\""),
			 "a quoted string must be compared with a choice or a date in \"\\\"tpi\\\"\"");
}

Test(expr, rejects_count_of_non_set)
{
	cr_assert_str_eq(parse_error("count(pain_nrs) > 1"),
			 "count() needs a set, not int ('pain_nrs') in \"count(pain_nrs) > 1\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("count(sij_tests, post_injection_events) > 1"),
			 "count() takes exactly one argument in \"count(sij_tests, post_injection_events) > 1\"");
}

Test(expr, rejects_has_without_set_or_options)
{
	cr_assert_str_eq(parse_error("has(last_injection_type, tpi)"),
			 "has() needs a set as its first argument, not choice ('last_injection_type') in \"has(last_injection_type, tpi)\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("has(sij_tests)"), "has() needs at least one option after the set in \"has(sij_tests)\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("has(sij_tests, 3)"), "expected an option id before '3' in \"has(sij_tests, 3)\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("has(sij_tests, patrick_faber"),
			 "expected ')' at end of \"has(sij_tests, patrick_faber\"");
}

Test(expr, rejects_unknown_node_in_at)
{
	cr_assert_str_eq(parse_error("at(start, nowhere)"), "unknown node 'nowhere' in \"at(start, nowhere)\"");
	diag_clear(&diags);
	cr_assert_str_eq(parse_error("at()"), "expected a node id before ')' in \"at()\"");
}

Test(expr, rejects_unknown_function)
{
	cr_assert_str_eq(parse_error("max(pain_nrs, 3) > 1"), "unknown function 'max' in \"max(pain_nrs, 3) > 1\"");
}

Test(expr, rejects_derived_value_used_before_it_is_declared)
{
	cr_assert_str_eq(parse_error_visible("days_since_last < 60", DAYS_SINCE_LAST),
			 "derived value 'days_since_last' is used before it is declared in \"days_since_last < 60\"");
}

Test(expr, rejects_derived_value_whose_own_expression_failed)
{
	pw->derived[LAST_OK].type = TYPE_NONE;
	cr_assert_str_eq(parse_error("last_ok"), "derived value 'last_ok' has no valid expression in \"last_ok\"");
}

Test(expr, rejects_bad_tokens)
{
	static const struct {
		const char *source, *message;
	} cases[] = {
		{ "pain_nrs = 4", "'=' is not an operator (use '==' to compare) in \"pain_nrs = 4\"" },
		{ "true & false", "'&' is not an operator (use '&&') in \"true & false\"" },
		{ "true | false", "'|' is not an operator (use '||') in \"true | false\"" },
		{ "pain_nrs > 4;", "unexpected character ';' in \"pain_nrs > 4;\"" },
		{ "pain_nrs > \x01", "unexpected byte 0x01 in \"pain_nrs > \\x01\"" },
		{ "last_injection_type == \"tpi", "unterminated quoted string in \"last_injection_type == \\\"tpi\"" },
		{ "pain_nrs >\n\\", "unexpected character '\\' in \"pain_nrs >\\n\\\\\"" },
		{ "pain_nrs > 99999999999999999999", "integer 99999999999999999999 is too large in \"pain_nrs > 99999999999999999999\"" },
		{ "", "empty expression in \"\"" },
		{ "   ", "empty expression in \"   \"" },
		{ "pain_nrs > 4 radicular_pain", "unexpected 'radicular_pain' after the end of the expression in \"pain_nrs > 4 radicular_pain\"" },
		{ "1 < pain_nrs < 5", "comparisons cannot be chained ('<') in \"1 < pain_nrs < 5\"" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cr_assert_str_eq(parse_error(cases[i].source), cases[i].message);
		diag_clear(&diags);
	}
}

Test(expr, rejects_nesting_deeper_than_the_limit)
{
	struct strbuf sb = STRBUF_INIT;
	struct expr *e;

	for (int i = 0; i < 63; i++)
		sb_append(&sb, "(");
	sb_append(&sb, "true");
	for (int i = 0; i < 63; i++)
		sb_append(&sb, ")");
	e = parse(sb_str(&sb), NULL);
	expr_free(e);
	sb_reset(&sb);
	for (int i = 0; i < 64; i++)
		sb_append(&sb, "(");
	sb_append(&sb, "true");
	for (int i = 0; i < 64; i++)
		sb_append(&sb, ")");
	cr_assert(strstr(parse_error(sb_str(&sb)), "expression nested too deeply (more than 64 levels) in \"((((") ==
		  diags.items[0].message);
	sb_free(&sb);
}

Test(expr, hostile_nesting_is_rejected_without_exhausting_the_stack)
{
	enum { DEPTH = 200000 };
	char *source = xmalloc(2 * DEPTH + 5);

	memset(source, '(', DEPTH);
	strcpy(source + DEPTH, "true");
	memset(source + DEPTH + 4, ')', DEPTH);
	source[2 * DEPTH + 4] = '\0';
	cr_assert(strncmp(parse_error(source), "expression nested too deeply", 28) == 0);
	diag_clear(&diags);
	memset(source, '!', 2 * DEPTH + 4);
	strcpy(source + 2 * DEPTH, "true");
	cr_assert(strncmp(parse_error(source), "expression nested too deeply", 28) == 0);
	free(source);
}

Test(expr, each_error_appends_exactly_one_diagnostic_after_earlier_ones)
{
	struct expr *e;

	diag_add(&diags, "other.cfg", 3, "an earlier problem");
	e = expr_parse("pain_nsr > 4 && foo", pw, NDERIVED, "test.cfg", 40, &diags, NULL);
	cr_assert_null(e);
	cr_assert_eq(diags.count, 2);
	cr_assert_str_eq(diags.items[1].file, "test.cfg");
	cr_assert_eq(diags.items[1].line, 40);
	cr_assert_str_eq(diags.items[1].message, "unknown variable 'pain_nsr' in \"pain_nsr > 4 && foo\"; did you mean 'pain_nrs'?");
}
