/* SPDX-License-Identifier: Apache-2.0 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "fixtures.h"

static struct pathway *pw;
static struct diag_list diags;

static void setup(void)
{
	pw = load_fixture(FIXTURE("mini.cfg"));
}

static void teardown(void)
{
	diag_clear(&diags);
	pathway_free(pw);
}

TestSuite(casefile, .init = setup, .fini = teardown);

#define ANSWERS "  score = 6; flag = true; kind = \"a\"; signs = [ \"x\" ]; seen = \"2024-03-01\"; last = \"2024-02-28\";\n"

static struct casefile *load(const char *text)
{
	diag_clear(&diags);
	return casefile_load_text("c.cfg", text, strlen(text), pw, &diags);
}

static void expect_error(const char *text, int line, const char *needle)
{
	struct casefile *c = load(text);

	dump_diags(&diags);
	cr_assert_null(c);
	cr_assert(has_diag(&diags, line, needle), "no diagnostic at line %d containing \"%s\"", line, needle);
}

Test(casefile, loads_answers_overrides_and_expect)
{
	struct casefile *c = load("case = { id = \"c1\"; title = \"T\"; vignette = \"V\";\n answers = {\n" ANSWERS " };\n"
				  " overrides = ( { node = \"choose\"; goto = \"low\"; reason = \"because\"; } );\n"
				  " expect = { endpoint = \"low\"; warnings = [ \"always_end\" ]; absent_warnings = [ \"at_high\" ];\n"
				  "   path = [ \"screen\", \"choose\", \"low\" ]; }; };");

	dump_diags(&diags);
	cr_assert_not_null(c);
	cr_assert_str_eq(c->id, "c1");
	cr_assert_eq(c->answers[pathway_find_variable(pw, "score")].u.i, 6);
	cr_assert_eq(c->answers[pathway_find_variable(pw, "signs")].u.set, 1);
	cr_assert_eq(c->answer_lines[pathway_find_variable(pw, "score")], 3);
	cr_assert_eq(c->noverrides, 1);
	cr_assert_eq(c->overrides[0].transition, 2);
	cr_assert_eq(c->expect.endpoint, pathway_find_node(pw, "low"));
	cr_assert_eq(c->expect.nwarnings, 1);
	cr_assert_eq(c->expect.nabsent, 1);
	cr_assert_eq(c->expect.npath, 3);
	casefile_free(c);
}

Test(casefile, empty_set_means_none)
{
	struct casefile *c = load("case = { id = \"c\"; answers = { signs = [ ]; }; };");

	cr_assert_not_null(c);
	cr_assert_eq(c->answers[pathway_find_variable(pw, "signs")].type, TYPE_SET);
	cr_assert_eq(c->answers[pathway_find_variable(pw, "signs")].u.set, 0);
	casefile_free(c);
}

Test(casefile, rejects_unknown_variable)
{
	expect_error("case = { id = \"c\";\n answers = {\n  scroe = 6; }; };", 3, "unknown variable 'scroe'");
}

Test(casefile, rejects_wrong_type)
{
	expect_error("case = { id = \"c\";\n answers = {\n  score = \"six\"; }; };", 3, "score: expected an integer, got a string");
}

Test(casefile, rejects_out_of_range)
{
	expect_error("case = { id = \"c\";\n answers = {\n  score = 11; }; };", 3, "score must be between 0 and 10 (got 11)");
}

Test(casefile, rejects_unknown_option_listing_the_options)
{
	expect_error("case = { id = \"c\";\n answers = {\n  kind = \"c\"; }; };", 3, "kind: unknown option 'c' (options: a, b)");
	expect_error("case = { id = \"c\";\n answers = {\n  signs = [ \"x\",\n \"w\" ]; }; };", 4, "signs: unknown option 'w'");
}

Test(casefile, rejects_malformed_date)
{
	expect_error("case = { id = \"c\";\n answers = {\n  seen = \"2025-02-30\"; }; };", 3, "seen: '2025-02-30' is not a real date");
	expect_error("case = { id = \"c\";\n answers = {\n  seen = \"17/02/2025\"; }; };", 3, "is not a real date");
}

Test(casefile, cross_field_violation_names_both_fields)
{
	expect_error("case = { id = \"c\";\n answers = {\n  seen = \"2024-03-01\";\n  last = \"2024-03-05\"; }; };", 4,
		     "The last treatment cannot be after the visit. (last = \"2024-03-05\", seen = \"2024-03-01\")");
}

Test(casefile, rejects_bad_overrides)
{
	expect_error("case = { id = \"c\"; answers = { };\n overrides = ( { node = \"nope\"; goto = \"low\"; reason = \"r\"; } ); };", 2,
		     "unknown node 'nope'");
	expect_error("case = { id = \"c\"; answers = { };\n overrides = ( { node = \"screen\"; goto = \"choose\"; reason = \"r\"; } ); };", 2,
		     "not a decision");
	expect_error("case = { id = \"c\"; answers = { };\n overrides = ( { node = \"choose\"; goto = \"screen\"; reason = \"r\"; } ); };", 2,
		     "not one of the next steps");
}

Test(casefile, rejects_unknown_ids_in_expect)
{
	expect_error("case = { id = \"c\"; answers = { };\n expect = { endpoint = \"choose\"; }; };", 2, "'choose' is not an endpoint");
	expect_error("case = { id = \"c\"; answers = { };\n expect = { warnings = [\n \"nope\" ]; }; };", 3, "unknown warning 'nope'");
}

Test(casefile, rejects_file_without_case_group)
{
	expect_error("pathway = { };", 1, "not a case file");
}

Test(casefile, reports_every_problem_not_just_the_first)
{
	struct casefile *c = load("case = { id = \"c\";\n answers = {\n  score = 11;\n  kind = \"zz\";\n  nope = 1; }; };");

	cr_assert_null(c);
	cr_assert_eq(diags.count, 3);
}

Test(casefile, rejects_control_characters_written_as_escapes)
{
	expect_error("case = { id = \"c\";\n title = \"T\\x1b]0;title\\x07\";\n answers = {\n" ANSWERS " }; };", 2,
		     "U+001B");
	expect_error("case = { id = \"c\"; answers = {\n kind = \"a\\xe2\\x80\\xae\"; }; };", 2, "U+202E");
}

/* A fuzzing finding: load_text read to the NUL, past len. */
Test(casefile, reads_nothing_past_len)
{
	static const char whole[] = "case = { id = \"c\"; answers = { score = 6; }; };@include \"x\"";
	size_t len = strlen("case = { id = \"c\"; answers = { score = 6; }; };");
	char *exact = malloc(len);
	struct casefile *c;

	memcpy(exact, whole, len);
	diag_clear(&diags);
	c = casefile_load_text("c.cfg", exact, len, pw, &diags);
	dump_diags(&diags);
	cr_assert_not_null(c, "the case up to len did not load");
	cr_assert_eq(diags.count, 0);
	casefile_free(c);
	free(exact);
}
