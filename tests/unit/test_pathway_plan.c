/* SPDX-License-Identifier: Apache-2.0 */
/* Loading the issue-13 additions to the pathway format: optional variables, computed defaults,
 * conditional plan items and the "about" fields, with their errors at the right lines. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "pathway.h"

/* Six header lines; the text passed to load() continues on line 7 (a closing ");" there puts
 * the nodes on line 8 and an endpoint's own settings on line 9). */
#define HEAD \
	"pathway = { id = \"t\"; title = \"T\"; version = \"1\"; review_date = \"2030-01-01\"; start = \"a\"; disclaimer = \"D\";\n" \
	"references = ( { id = \"r\"; citation = \"C\"; } );\n" \
	"stages = ( { id = \"s\"; label = \"S\"; } );\n" \
	"variables = ( { id = \"n\"; type = \"int\"; min = 0; max = 10; prompt = \"N\"; },\n" \
	"  { id = \"f\"; type = \"bool\"; prompt = \"F\"; },\n" \
	"  { id = \"k\"; type = \"choice\"; prompt = \"K\"; options = ( { id = \"a\"; label = \"A\"; } ); }\n"
#define NODES(endpoint) \
	"nodes = ( { id = \"a\"; stage = \"s\"; screen = \"endpoint\"; title = \"A\";\n" endpoint " } ); };"

static struct diag_list diags;

static struct pathway *load(const char *text)
{
	diag_clear(&diags);
	return pathway_load_text("t.cfg", text, strlen(text), &diags);
}

static void expect_error(const char *text, int line, const char *needle)
{
	struct pathway *pw = load(text);

	dump_diags(&diags);
	cr_assert_null(pw);
	cr_assert(has_diag(&diags, line, needle), "no diagnostic at line %d containing \"%s\"", line, needle);
	diag_clear(&diags);
}

Test(pathway_plan, loads_every_addition_of_the_fixture)
{
	struct pathway *pw = load_fixture(FIXTURE("mini-plan.cfg"));
	const struct pw_node *plan = &pw->nodes[pathway_find_node(pw, "plan")];
	const struct pw_node *plain = &pw->nodes[pathway_find_node(pw, "plain")];
	const struct pw_variable *weeks = &pw->vars[pathway_find_variable(pw, "weeks")];

	cr_assert_str_eq(pw->scope, "Adults over 16 in a test.");
	cr_assert_eq(pw->nchoices, 2);
	cr_assert_str_eq(pw->choices[1], "A score above 4 is high.");
	cr_assert(pw->vars[pathway_find_variable(pw, "odi")].optional);
	cr_assert_not(weeks->optional);
	cr_assert_str_eq(weeks->default_expr_source, "(seen - last) / 7");
	cr_assert_not_null(weeks->default_expr);
	cr_assert_not_null(weeks->default_when);
	cr_assert_eq(plan->actions.nitems, 3);
	cr_assert_null(plan->actions.items[0].when);
	cr_assert_str_eq(plan->actions.items[1].when_source, "has(signs, x)");
	cr_assert_eq(plan->actions.items[1].nrefs, 1);
	cr_assert_eq(plan->actions.items[1].refs[0], pathway_find_reference(pw, "ref2"));
	cr_assert_eq(plan->document.nitems, 2);
	/* A string is one item shown always. */
	cr_assert_eq(plain->actions.nitems, 1);
	cr_assert_str_eq(plain->actions.items[0].text, "Nothing more.");
	cr_assert_null(plain->actions.items[0].when);
	cr_assert_eq(plain->actions.items[0].nrefs, 0);
	pathway_free(pw);
}

Test(pathway_plan, without_the_new_keys_nothing_is_set)
{
	struct pathway *pw = load(HEAD ");\n" NODES("actions = \"Do.\";"));

	dump_diags(&diags);
	cr_assert_not_null(pw);
	cr_assert_null(pw->scope);
	cr_assert_eq(pw->nchoices, 0);
	cr_assert_eq(pw->nodes[0].document.nitems, 0);
	cr_assert_not(pw->vars[0].optional);
	cr_assert_null(pw->vars[0].default_expr);
	pathway_free(pw);
	diag_clear(&diags);
}

Test(pathway_plan, plan_item_condition_is_type_checked_at_its_line)
{
	expect_error(HEAD ");\n" NODES("actions = ( { text = \"x\"; },\n { when = \"n + 1\"; text = \"y\"; } );"), 10,
		     "condition \"n + 1\" is int, not bool");
	expect_error(HEAD ");\n" NODES("actions = ( { text = \"x\"; },\n { when = \"m > 1\"; text = \"y\"; } );"), 10,
		     "unknown variable 'm'");
}

Test(pathway_plan, plan_item_errors)
{
	expect_error(HEAD ");\n" NODES("document = ( { when = \"f\"; } );"), 9, "missing 'text'");
	expect_error(HEAD ");\n" NODES("actions = ( { text = \"x\"; refs = [ \"nope\" ]; } );"), 9,
		     "unknown reference 'nope'");
	expect_error(HEAD ");\n" NODES("actions = ( { text = \"x\"; colour = \"red\"; } );"), 9, "colour");
	expect_error(HEAD ");\n" NODES("actions = ( \"x\" );"), 9, "must be a group");
	expect_error(HEAD ");\n" NODES("actions = 3;"), 9, "actions must be a string or a list of items");
	expect_error(HEAD ");\n" NODES("actions = ( );"), 9, "actions is an empty list");
	expect_error(HEAD ");\n" NODES("document = ( { text = \"{nope}\"; } );"), 9, "{nope} names no variable");
}

Test(pathway_plan, optional_must_be_a_bool)
{
	expect_error(HEAD "  , { id = \"o\"; type = \"int\"; min = 0; max = 5; prompt = \"O\"; optional = 1; } );\n"
		     NODES(""), 7, "optional must be true or false");
}

Test(pathway_plan, default_expr_is_type_checked_against_the_variable)
{
	expect_error(HEAD "  , { id = \"d\"; type = \"int\"; min = 0; max = 5; prompt = \"D\"; default_expr = \"f\"; } );\n"
		     NODES(""), 7, "default_expr \"f\" is bool, not int");
	expect_error(HEAD "  , { id = \"d\"; type = \"bool\"; prompt = \"D\"; default_expr = \"n * 2\"; } );\n"
		     NODES(""), 7, "default_expr \"n * 2\" is int, not bool");
	expect_error(HEAD "  , { id = \"d\"; type = \"int\"; min = 0; max = 5; prompt = \"D\"; default_expr = \"n / \"; } );\n"
		     NODES(""), 7, "expected a value at end of");
	expect_error(HEAD "  , { id = \"d\"; type = \"choice\"; prompt = \"D\"; options = ( { id = \"a\"; label = \"A\"; } );\n"
		     " default_expr = \"k\"; } );\n" NODES(""), 8, "default_expr \"k\" is choice of k, not choice of d");
}

Test(pathway_plan, default_when_is_a_condition_and_needs_a_default_expr)
{
	expect_error(HEAD "  , { id = \"d\"; type = \"int\"; min = 0; max = 5; prompt = \"D\"; default_expr = \"n\";\n"
		     "    default_when = \"n\"; } );\n" NODES(""), 8, "condition \"n\" is int, not bool");
	expect_error(HEAD "  , { id = \"d\"; type = \"int\"; min = 0; max = 5; prompt = \"D\"; default_when = \"f\"; } );\n"
		     NODES(""), 7, "default_when needs a default_expr");
}

Test(pathway_plan, default_expr_may_use_derived_values)
{
	struct pathway *pw = load(HEAD "  , { id = \"d\"; type = \"int\"; min = 0; max = 20; prompt = \"D\"; default_expr = \"twice\"; } );\n"
				  "derived = ( { id = \"twice\"; expr = \"n * 2\"; } );\n" NODES(""));

	dump_diags(&diags);
	cr_assert_not_null(pw);
	pathway_free(pw);
	diag_clear(&diags);
}

Test(pathway_plan, choices_are_non_empty_strings)
{
	expect_error("pathway = { scope = \"S\"; choices = ( \"one\", 2 );\n}; ", 1, "choice 2 must be a non-empty string");
	expect_error("pathway = { scope = 3; };", 1, "scope");
}

Test(pathway_plan, optional_is_for_int_and_date_variables)
{
	expect_error(HEAD "  , { id = \"o\"; type = \"bool\"; prompt = \"O\"; optional = true; } );\n" NODES(""), 7,
		     "optional is for int and date variables");
}

Test(pathway_plan, values_carry_their_unit_and_one_is_singular)
{
	struct pathway *pw = load_fixture(FIXTURE("mini-plan.cfg"));
	int weeks = pathway_find_variable(pw, "weeks"), odi = pathway_find_variable(pw, "odi");
	struct value v = value_int(1), nr = value_not_recorded();
	char *text;

	text = pathway_format_value_unit(pw, weeks, &v);
	cr_assert_str_eq(text, "1 week");
	free(text);
	v = value_int(4);
	text = pathway_format_value_unit(pw, weeks, &v);
	cr_assert_str_eq(text, "4 weeks");
	free(text);
	v = value_int(20);
	text = pathway_format_value_unit(pw, odi, &v);
	cr_assert_str_eq(text, "20%");
	free(text);
	text = pathway_format_value_unit(pw, odi, &nr);
	cr_assert_str_eq(text, "not recorded");
	free(text);
	pathway_free(pw);
}
