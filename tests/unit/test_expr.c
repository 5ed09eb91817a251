#include <criterion/criterion.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "expr.h"
#include "pathway.h"
#include "strbuf.h"
#include "xalloc.h"

/* A hand-built pathway: no file loading, so these tests exercise expr alone. */
enum { PAIN_NRS, RADICULAR_PAIN, LAST_TYPE, SIJ_TESTS, ASSESSMENT_DATE, LAST_DATE, EVENTS, PAIN_WEEKS,
       SIDE, NVARS };
enum { SIJ_COUNT, DAYS_SINCE_LAST, LAST_OK, EARLIEST_REPEAT, NDERIVED };
enum { NODE_START, NODE_SIJ, NODE_EPIDURAL, NNODES };
enum { TPI, SIJ_STEROID, EPIDURAL_STEROID };
enum { PATRICK_FABER, THIGH_THRUST, SACRAL_THRUST, DISTRACTION };
enum { FEVER, HEADACHE, NEW_DEFICIT, NO_EVENT };

static struct pw_option injection_types[] = {
	{ "tpi", "Trigger point injection" },
	{ "sij_steroid", "SIJ steroid injection" },
	{ "epidural_steroid", "Epidural steroid injection" },
};
static struct pw_option sij_options[] = {
	{ "patrick_faber", "FABER" }, { "thigh_thrust", "Thigh thrust" },
	{ "sacral_thrust", "Sacral thrust" }, { "distraction", "Distraction" },
};
static struct pw_option event_options[] = {
	{ "fever_or_site_infection", "Fever" }, { "headache_neck_stiffness", "Headache" },
	{ "new_deficit", "New deficit" }, { "nothing", "Nothing" },
};
static struct pw_option sides[] = { { "left", "Left" }, { "right", "Right" } };

static struct pathway *pw;
static struct diag_list diags;
static struct value answers[NVARS];
static struct value derived[NDERIVED];
static struct expr_env env;

static void add_var(int i, const char *id, enum value_type type, struct pw_option *options, size_t n)
{
	pw->vars[i].id = (char *)id;
	pw->vars[i].type = type;
	pw->vars[i].options = options;
	pw->vars[i].noptions = n;
	cr_assert_eq(strmap_put(&pw->var_index, id, i), 0);
}

static void add_derived(int i, const char *id, enum value_type type, int domain)
{
	pw->derived[i].id = (char *)id;
	pw->derived[i].type = type;
	pw->derived[i].domain = domain;
	cr_assert_eq(strmap_put(&pw->derived_index, id, i), 0);
}

static void add_node(int i, const char *id)
{
	pw->nodes[i].id = (char *)id;
	cr_assert_eq(strmap_put(&pw->node_index, id, i), 0);
}

static void setup(void)
{
	pw = xcalloc(1, sizeof(*pw));
	pw->vars = xcalloc(NVARS, sizeof(*pw->vars));
	pw->nvars = NVARS;
	pw->derived = xcalloc(NDERIVED, sizeof(*pw->derived));
	pw->nderived = NDERIVED;
	pw->nodes = xcalloc(NNODES, sizeof(*pw->nodes));
	pw->nnodes = NNODES;
	add_var(PAIN_NRS, "pain_nrs", TYPE_INT, NULL, 0);
	add_var(RADICULAR_PAIN, "radicular_pain", TYPE_BOOL, NULL, 0);
	add_var(LAST_TYPE, "last_injection_type", TYPE_CHOICE, injection_types, 3);
	add_var(SIJ_TESTS, "sij_tests", TYPE_SET, sij_options, 4);
	add_var(ASSESSMENT_DATE, "assessment_date", TYPE_DATE, NULL, 0);
	add_var(LAST_DATE, "last_injection_date", TYPE_DATE, NULL, 0);
	add_var(EVENTS, "post_injection_events", TYPE_SET, event_options, 4);
	add_var(PAIN_WEEKS, "pain_weeks", TYPE_INT, NULL, 0);
	add_var(SIDE, "side", TYPE_CHOICE, sides, 2);
	add_derived(SIJ_COUNT, "sij_count", TYPE_INT, -1);
	add_derived(DAYS_SINCE_LAST, "days_since_last", TYPE_INT, -1);
	add_derived(LAST_OK, "last_ok", TYPE_BOOL, -1);
	add_derived(EARLIEST_REPEAT, "earliest_repeat", TYPE_DATE, -1);
	add_node(NODE_START, "start");
	add_node(NODE_SIJ, "sij_injection");
	add_node(NODE_EPIDURAL, "epidural");

	memset(&diags, 0, sizeof(diags));
	for (int i = 0; i < NVARS; i++)
		answers[i] = value_unknown();
	for (int i = 0; i < NDERIVED; i++)
		derived[i] = value_unknown();
	env = (struct expr_env){ pw, answers, derived, NODE_START, false };
}

static void teardown(void)
{
	strmap_free(&pw->var_index);
	strmap_free(&pw->derived_index);
	strmap_free(&pw->node_index);
	free(pw->vars);
	free(pw->derived);
	free(pw->nodes);
	free(pw);
	diag_clear(&diags);
}

TestSuite(expr, .init = setup, .fini = teardown);

static long day(const char *text)
{
	long days = 0;

	cr_assert_eq(date_parse(text, &days), 0);
	return days;
}

/* Parses source with every derived value visible, failing the test on any diagnostic. */
static struct expr *parse(const char *source, struct expr_type *type)
{
	struct expr *e = expr_parse(source, pw, NDERIVED, "test.cfg", 12, &diags, type);

	for (size_t i = 0; i < diags.count; i++)
		cr_log_error("%s", diags.items[i].message);
	cr_assert_not_null(e, "\"%s\" should parse", source);
	cr_assert_eq(diags.count, 0);
	return e;
}

/* Parses source expecting exactly one diagnostic at test.cfg:12, and returns its message. */
static const char *parse_error_visible(const char *source, int derived_visible)
{
	struct expr_type type = { TYPE_INT, 99 };
	struct expr *e = expr_parse(source, pw, derived_visible, "test.cfg", 12, &diags, &type);

	cr_assert_null(e, "\"%s\" should not parse", source);
	cr_assert_eq(diags.count, 1, "\"%s\" gave %zu diagnostics", source, diags.count);
	cr_assert_str_eq(diags.items[0].file, "test.cfg");
	cr_assert_eq(diags.items[0].line, 12);
	cr_assert_eq(type.type, TYPE_INT, "*type is untouched on error");
	return diags.items[0].message;
}

static const char *parse_error(const char *source)
{
	return parse_error_visible(source, NDERIVED);
}

static struct value eval(const char *source)
{
	struct expr *e = parse(source, NULL);
	struct value v = expr_eval(e, &env);

	expr_free(e);
	return v;
}

static void assert_true(const char *source)
{
	struct value v = eval(source);

	cr_assert_eq(v.type, TYPE_BOOL, "\"%s\" is %s", source, value_type_name(v.type));
	cr_assert(v.u.b, "\"%s\" should be true", source);
}

static void assert_false(const char *source)
{
	struct value v = eval(source);

	cr_assert_eq(v.type, TYPE_BOOL, "\"%s\" is %s", source, value_type_name(v.type));
	cr_assert_not(v.u.b, "\"%s\" should be false", source);
}

static void assert_unknown(const char *source)
{
	cr_assert_eq(eval(source).type, TYPE_NONE, "\"%s\" should be unknown", source);
}

static void assert_int(const char *source, long expected)
{
	struct value v = eval(source);

	cr_assert_eq(v.type, TYPE_INT, "\"%s\" is %s", source, value_type_name(v.type));
	cr_assert_eq(v.u.i, expected, "\"%s\" = %ld, expected %ld", source, v.u.i, expected);
}

static void assert_date(const char *source, const char *expected)
{
	struct value v = eval(source);
	char text[DATE_TEXT_SIZE];

	cr_assert_eq(v.type, TYPE_DATE, "\"%s\" is %s", source, value_type_name(v.type));
	date_format(v.u.date, text);
	cr_assert_str_eq(text, expected, "\"%s\"", source);
}

static void assert_type(const char *source, enum value_type type, int domain)
{
	struct expr_type t = { TYPE_NONE, -2 };

	expr_free(parse(source, &t));
	cr_assert_eq(t.type, type, "\"%s\" is %s", source, value_type_name(t.type));
	cr_assert_eq(t.domain, domain, "\"%s\" has domain %d", source, t.domain);
}

/* Explains source; the caller frees with expr_explanation_free. */
static struct expr_explanation explain(const char *source)
{
	struct expr *e = parse(source, NULL);
	struct expr_explanation x;

	expr_explain(e, &env, &x);
	expr_free(e);
	return x;
}

static void assert_clause(const struct expr_explanation *x, size_t i, const char *text, int truth)
{
	cr_assert_lt(i, x->count, "no clause %zu", i);
	cr_assert_str_eq(x->clauses[i].text, text);
	if (truth < 0) {
		cr_assert_eq(x->clauses[i].type, TYPE_NONE, "\"%s\" should be unknown", text);
	} else {
		cr_assert_eq(x->clauses[i].type, TYPE_BOOL, "\"%s\" should be known", text);
		cr_assert_eq(x->clauses[i].truth, truth != 0, "\"%s\" truth", text);
	}
}

/* Explains a single-clause expression and checks that clause. */
static void assert_explains_as(const char *source, const char *text, int truth)
{
	struct expr_explanation x = explain(source);

	cr_assert_eq(x.count, 1, "\"%s\" has %zu clauses", source, x.count);
	assert_clause(&x, 0, text, truth);
	expr_explanation_free(&x);
}

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
	cr_assert_str_eq(parse_error("pain_nsr > 4"), "unknown variable 'pain_nsr' in \"pain_nsr > 4\"");
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
	cr_assert_str_eq(diags.items[1].message, "unknown variable 'pain_nsr' in \"pain_nsr > 4 && foo\"");
}

/* ---- names ---- */

Test(expr, endpoint_is_true_at_an_endpoint)
{
	assert_false("endpoint");
	env.at_endpoint = true;
	assert_true("endpoint");
	assert_false("!endpoint");
}

Test(expr, at_is_true_at_any_listed_node)
{
	env.node = NODE_EPIDURAL;
	assert_true("at(sij_injection, epidural)");
	assert_true("at(\"epidural\")");
	assert_false("at(start, sij_injection)");
	env.node = -1;
	assert_false("at(start, sij_injection, epidural)");
}

Test(expr, choice_compares_with_quoted_option)
{
	answers[LAST_TYPE] = value_choice(SIJ_STEROID);
	assert_true("last_injection_type == \"sij_steroid\"");
	assert_true("\"sij_steroid\" == last_injection_type");
	assert_false("last_injection_type == \"tpi\"");
	assert_true("last_injection_type != \"tpi\"");
	answers[LAST_TYPE] = value_unknown();
	assert_unknown("last_injection_type == \"tpi\"");
}

Test(expr, count_counts_chosen_options)
{
	answers[SIJ_TESTS] = value_set(1u << PATRICK_FABER | 1u << THIGH_THRUST | 1u << SACRAL_THRUST);
	assert_int("count(sij_tests)", 3);
	assert_true("count(sij_tests) >= 3");
	answers[SIJ_TESTS] = value_set(0);
	assert_int("count(sij_tests)", 0);
	answers[SIJ_TESTS] = value_unknown();
	assert_unknown("count(sij_tests)");
}

Test(expr, has_is_true_when_any_listed_option_is_chosen)
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

Test(expr, sets_of_the_same_variable_compare_equal)
{
	answers[SIJ_TESTS] = value_set(0x5);
	answers[EVENTS] = value_set(0x5);
	assert_true("sij_tests == sij_tests");
	cr_assert_str_eq(parse_error("sij_tests == post_injection_events"),
			 "cannot compare options of 'sij_tests' with options of 'post_injection_events' in \"sij_tests == post_injection_events\"");
}

Test(expr, derived_values_are_read_from_the_environment)
{
	derived[DAYS_SINCE_LAST] = value_int(59);
	derived[LAST_OK] = value_bool(true);
	assert_true("last_ok && days_since_last < 60");
	env.derived = NULL;
	assert_unknown("days_since_last < 60");
}

/* ---- dates ---- */

Test(expr, date_plus_days_crosses_leap_day_month_and_year)
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

Test(expr, date_minus_date_counts_days)
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

Test(expr, dates_compare_with_dates_and_date_literals)
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

Test(expr, integer_arithmetic_saturates_instead_of_overflowing)
{
	answers[PAIN_NRS] = value_int(6);
	assert_int("pain_nrs + 9223372036854775807", LONG_MAX);
	assert_int("0 - 9223372036854775807 - 10", LONG_MIN);
	assert_int("0 - 9223372036854775807 - 1 + 1", LONG_MIN + 1);
	answers[PAIN_NRS] = value_int(LONG_MIN);
	assert_int("pain_nrs - 1", LONG_MIN);
	assert_int("9223372036854775807 - pain_nrs", LONG_MAX);
}

Test(expr, date_arithmetic_clamps_to_representable_dates)
{
	answers[ASSESSMENT_DATE] = value_date(day("2025-01-01"));
	assert_date("assessment_date + 9223372036854775807", "9999-12-31");
	assert_date("assessment_date - 9223372036854775807", "0000-01-01");
	assert_int("(assessment_date + 9223372036854775807) - (assessment_date - 9223372036854775807)",
		   DATE_MAX_DAYS - DATE_MIN_DAYS);
}

/* ---- three-valued logic ---- */

Test(expr, unknown_follows_kleene_logic)
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

Test(expr, unknown_environment_arrays_read_as_unknown)
{
	env.answers = NULL;
	assert_unknown("pain_nrs > 4");
	assert_true("true || pain_nrs > 4");
}

/* ---- explanations ---- */

Test(expr, explains_comparison_with_actual_value)
{
	answers[PAIN_NRS] = value_int(6);
	assert_explains_as("pain_nrs > 4", "pain_nrs = 6 > 4", 1);
	assert_explains_as("4 >= pain_nrs", "4 >= pain_nrs = 6", 0);
}

Test(expr, explains_unknown_value_as_question_mark)
{
	assert_explains_as("pain_nrs > 4", "pain_nrs = ? > 4", -1);
	assert_explains_as("radicular_pain", "radicular_pain = ?", -1);
}

Test(expr, explains_choice_with_option_ids)
{
	answers[LAST_TYPE] = value_choice(TPI);
	assert_explains_as("last_injection_type == \"tpi\"", "last_injection_type = tpi == tpi", 1);
	assert_explains_as("last_injection_type != \"epidural_steroid\"",
			   "last_injection_type = tpi != epidural_steroid", 1);
}

Test(expr, explains_count_and_derived_values)
{
	answers[SIJ_TESTS] = value_set(0x7);
	derived[DAYS_SINCE_LAST] = value_int(59);
	derived[SIJ_COUNT] = value_int(3);
	assert_explains_as("count(sij_tests) >= 3", "count(sij_tests) = 3 >= 3", 1);
	assert_explains_as("days_since_last < 60", "days_since_last = 59 < 60", 1);
	assert_explains_as("sij_count >= 3", "sij_count = 3 >= 3", 1);
}

Test(expr, explains_dates_and_sums)
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

Test(expr, explains_has_as_one_clause)
{
	answers[EVENTS] = value_set(1u << NEW_DEFICIT);
	assert_explains_as("has(post_injection_events, fever_or_site_infection, \"headache_neck_stiffness\")",
			   "has(post_injection_events, fever_or_site_infection, headache_neck_stiffness) = no", 0);
	assert_explains_as("has(post_injection_events, new_deficit, nothing)",
			   "has(post_injection_events, new_deficit, nothing) = yes", 1);
}

Test(expr, explains_bool_variable_and_its_negation)
{
	answers[RADICULAR_PAIN] = value_bool(false);
	assert_explains_as("radicular_pain", "radicular_pain = no", 0);
	assert_explains_as("!radicular_pain", "radicular_pain = no", 1);
	answers[RADICULAR_PAIN] = value_bool(true);
	assert_explains_as("!radicular_pain", "radicular_pain = yes", 0);
	assert_explains_as("!!radicular_pain", "radicular_pain = yes", 1);
}

Test(expr, explains_negated_comparison_with_the_opposite_operator)
{
	answers[PAIN_NRS] = value_int(6);
	assert_explains_as("!(pain_nrs > 4)", "pain_nrs = 6 <= 4", 0);
	assert_explains_as("!(pain_nrs == 6)", "pain_nrs = 6 != 6", 0);
	assert_explains_as("!(pain_nrs < 4)", "pain_nrs = 6 >= 4", 1);
}

Test(expr, explains_negated_group_clause_by_clause)
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

Test(expr, explains_at_endpoint_and_literals)
{
	env.node = NODE_SIJ;
	assert_explains_as("at(sij_injection, epidural)", "at(sij_injection, epidural) = yes", 1);
	assert_explains_as("endpoint", "endpoint = no", 0);
	assert_explains_as("true", "true", 1);
	assert_explains_as("!false", "false", 1);
}

Test(expr, explains_every_clause_in_source_order)
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

Test(expr, explains_non_bool_expression_with_no_clauses)
{
	struct expr_explanation x;

	answers[SIJ_TESTS] = value_set(0x3);
	x = explain("count(sij_tests)");
	cr_assert_eq(x.count, 0);
	cr_assert_eq(x.result.type, TYPE_INT);
	cr_assert_eq(x.result.u.i, 2);
	expr_explanation_free(&x);
}

Test(expr, explains_bool_comparison_operands_in_parentheses)
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

Test(expr, walks_variables_and_derived_values_once_per_occurrence)
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

Test(expr, free_accepts_null)
{
	expr_free(NULL);
}
