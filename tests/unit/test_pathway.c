/* SPDX-License-Identifier: Apache-2.0 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
#include "fixtures.h"
#include "json.h"
#include "pathway.h"
#include "sha256.h"

/* Five header lines; the text passed to load() starts on line 6. */
#define HEAD \
	"pathway = { id = \"t\"; title = \"T\"; version = \"1\"; review_date = \"2030-01-01\"; start = \"a\"; disclaimer = \"D\";\n" \
	"references = ( { id = \"r\"; citation = \"C\"; } );\n" \
	"stages = ( { id = \"s\"; label = \"S\"; } );\n" \
	"variables = ( { id = \"n\"; type = \"int\"; min = 0; max = 10; prompt = \"N\"; },\n" \
	"  { id = \"f\"; type = \"bool\"; prompt = \"F\"; } );\n"

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
	pathway_free(pw);
	diag_clear(&diags);
}

Test(pathway, loads_the_mini_fixture)
{
	struct pathway *pw = load_fixture(FIXTURE("mini.cfg"));

	cr_assert_str_eq(pw->id, "mini");
	cr_assert_eq(pw->nvars, 6);
	cr_assert_eq(pw->nderived, 3);
	cr_assert_eq(pw->nnodes, 5);
	cr_assert_eq(pw->nwarnings, 3);
	cr_assert_eq(pw->start, pathway_find_node(pw, "screen"));
	cr_assert_eq(pathway_find_option(pw, pathway_find_variable(pw, "kind"), "b", 1), 1);
	cr_assert(pathway_is_endpoint(pw, pathway_find_node(pw, "low")));
	cr_assert_not(pathway_is_endpoint(pw, pathway_find_node(pw, "choose")));
	cr_assert_eq(strlen(pw->sha256), 64);
	pathway_free(pw);
}

Test(pathway, minimal_valid_text_loads)
{
	struct pathway *pw = load(HEAD "nodes = ( { id = \"a\"; stage = \"s\"; screen = \"endpoint\"; title = \"A\"; } ); };");

	dump_diags(&diags);
	cr_assert_not_null(pw);
	pathway_free(pw);
	diag_clear(&diags);
}

Test(pathway, rejects_duplicate_node_ids_with_both_lines)
{
	expect_error(HEAD "nodes = (\n"
		     "{ id = \"a\"; stage = \"s\"; screen = \"info\"; title = \"A\"; next = ( { goto = \"a2\"; } ); },\n"
		     "{ id = \"a\"; stage = \"s\"; screen = \"endpoint\"; title = \"B\"; } ); };",
		     8, "duplicate node id 'a' (first defined at line 7)");
}

Test(pathway, rejects_unknown_goto)
{
	expect_error(HEAD "nodes = (\n"
		     "{ id = \"a\"; stage = \"s\"; screen = \"info\"; title = \"A\"; next = ( { goto = \"nowhere\"; } ); } ); };",
		     7, "goto unknown node 'nowhere'");
}

Test(pathway, rejects_unknown_stage_and_variable_and_reference_together)
{
	struct pathway *pw = load(HEAD "nodes = (\n"
				  "{ id = \"a\"; stage = \"zz\"; screen = \"question\"; title = \"A\"; ask = [ \"nope\" ];\n"
				  "  evidence = ( { refs = [ \"nref\" ]; note = \"x\"; } ); next = ( { goto = \"b\"; } ); },\n"
				  "{ id = \"b\"; stage = \"s\"; screen = \"endpoint\"; title = \"B\"; } ); };");

	dump_diags(&diags);
	cr_assert_null(pw);
	cr_assert(has_diag(&diags, 7, "unknown stage 'zz'"));
	cr_assert(has_diag(&diags, 7, "asks unknown variable 'nope'"));
	cr_assert(has_diag(&diags, 8, "unknown reference 'nref'"));
	diag_clear(&diags);
}

Test(pathway, rejects_unreachable_node)
{
	expect_error(HEAD "nodes = (\n"
		     "{ id = \"a\"; stage = \"s\"; screen = \"endpoint\"; title = \"A\"; },\n"
		     "{ id = \"lost\"; stage = \"s\"; screen = \"endpoint\"; title = \"L\"; } ); };",
		     8, "node 'lost' cannot be reached");
}

Test(pathway, rejects_cycle_and_dead_end)
{
	struct pathway *pw = load(HEAD "nodes = (\n"
				  "{ id = \"a\"; stage = \"s\"; screen = \"info\"; title = \"A\"; next = ( { goto = \"b\"; } ); },\n"
				  "{ id = \"b\"; stage = \"s\"; screen = \"info\"; title = \"B\"; next = ( { goto = \"a\"; } ); } ); };");

	dump_diags(&diags);
	cr_assert_null(pw);
	cr_assert(has_diag(&diags, 8, "cycles are not allowed"));
	cr_assert(has_diag(&diags, 7, "no endpoint can be reached from node 'a'"));
	diag_clear(&diags);
}

Test(pathway, rejects_next_list_without_fallback)
{
	expect_error(HEAD "nodes = (\n"
		     "{ id = \"a\"; stage = \"s\"; screen = \"decision\"; title = \"A\";\n"
		     "  next = ( { when = \"f\"; goto = \"b\"; } ); },\n"
		     "{ id = \"b\"; stage = \"s\"; screen = \"endpoint\"; title = \"B\"; } ); };",
		     8, "no fallback");
}

Test(pathway, rejects_transition_after_fallback)
{
	expect_error(HEAD "nodes = (\n"
		     "{ id = \"a\"; stage = \"s\"; screen = \"decision\"; title = \"A\";\n"
		     "  next = ( { goto = \"b\"; },\n"
		     "           { when = \"f\"; goto = \"b\"; } ); },\n"
		     "{ id = \"b\"; stage = \"s\"; screen = \"endpoint\"; title = \"B\"; } ); };",
		     9, "can never be taken");
}

Test(pathway, rejects_condition_type_error_at_its_line)
{
	expect_error(HEAD "nodes = (\n"
		     "{ id = \"a\"; stage = \"s\"; screen = \"decision\"; title = \"A\";\n"
		     "  next = ( { when = \"n < f\"; goto = \"b\"; }, { goto = \"b\"; } ); },\n"
		     "{ id = \"b\"; stage = \"s\"; screen = \"endpoint\"; title = \"B\"; } ); };",
		     8, "n < f");
}

Test(pathway, rejects_non_bool_condition)
{
	expect_error(HEAD "nodes = (\n"
		     "{ id = \"a\"; stage = \"s\"; screen = \"decision\"; title = \"A\";\n"
		     "  next = ( { when = \"n + 1\"; goto = \"b\"; }, { goto = \"b\"; } ); },\n"
		     "{ id = \"b\"; stage = \"s\"; screen = \"endpoint\"; title = \"B\"; } ); };",
		     8, "not bool");
}

Test(pathway, rejects_integer_libconfig_would_wrap)
{
	expect_error("pathway = {\n  x = 1;\n  y = 99999999999;\n};", 3, "out of range");
}

Test(pathway, rejects_include_before_libconfig_sees_it)
{
	expect_error("# a comment\n@include \".\"\npathway = { };", 2, "@include");
}

Test(pathway, include_inside_a_string_is_only_text)
{
	struct pathway *pw = load(HEAD "nodes = ( { id = \"a\"; stage = \"s\"; screen = \"endpoint\"; title = \"@include \\\"x\\\"\"; } ); };");

	dump_diags(&diags);
	cr_assert_not_null(pw);
	pathway_free(pw);
	diag_clear(&diags);
}

Test(pathway, rejects_invalid_utf8_with_line)
{
	expect_error("pathway = {\n id = \"t\xff\";\n};", 2, "invalid UTF-8");
}

Test(pathway, rejects_control_characters_written_as_escapes)
{
	/* The raw-byte prescan sees only "\\x1b": the check must run on what libconfig decoded. */
	expect_error("pathway = {\n id = \"t\";\n title = \"A\\x1b]0;title\\x07B\";\n};", 3, "U+001B");
	expect_error("pathway = {\n title = \"right-to-left \\xe2\\x80\\xae here\";\n};", 2, "U+202E");
	expect_error("pathway = {\n stages = ( { id = \"s\"; label = \"\\xc2\\x9b2J\"; } );\n};", 2, "U+009B");
	expect_error("pathway = {\n title = \"bad \\xff byte\";\n};", 2, "invalid UTF-8");
}

/* A fuzzing finding: load_text takes (text, len) but libconfig read to the NUL, past len. */
Test(pathway, reads_nothing_past_len)
{
	static const char whole[] = "pathway = { id = \"x\"; };@include \"/etc/passwd\"";
	size_t len = strlen("pathway = { id = \"x\"; };");
	char *exact = malloc(len); /* no NUL: AddressSanitizer catches a read past the end */
	struct pathway *pw;

	memcpy(exact, whole, len);
	diag_clear(&diags);
	pw = pathway_load_text("t.cfg", exact, len, &diags);
	cr_assert_null(pw);
	cr_assert_not(has_diag(&diags, 0, "syntax error"), "text past len was parsed");
	cr_assert_not(has_diag(&diags, 0, "@include"), "text past len was parsed");
	cr_assert(has_diag(&diags, 0, "missing"), "the text up to len was not read");
	free(exact);
	pw = pathway_load_text("t.cfg", whole, len, &diags);
	cr_assert_null(pw);
	cr_assert_not(has_diag(&diags, 0, "syntax error"), "text past len was parsed");
	diag_clear(&diags);
}

Test(pathway, rejects_nul_byte_as_binary)
{
	static const char text[] = "pathway = {\n\0\x01\x02 };";
	struct pathway *pw;

	diag_clear(&diags);
	pw = pathway_load_text("t.cfg", text, sizeof(text) - 1, &diags);
	cr_assert_null(pw);
	cr_assert(has_diag(&diags, 2, "NUL byte"));
	diag_clear(&diags);
}

Test(pathway, rejects_deep_nesting)
{
	char text[512] = "pathway = { a = ";

	for (int i = 0; i < 40; i++)
		strcat(text, "(");
	for (int i = 0; i < 40; i++)
		strcat(text, ")");
	strcat(text, "; };");
	expect_error(text, 1, "nesting is deeper than 32");
}

Test(pathway, rejects_empty_file)
{
	expect_error("", 1, "not a pathway file");
}

Test(pathway, reports_syntax_error_line)
{
	expect_error("pathway = {\n  id = \"t\";\n  title = ;\n};", 3, "syntax error");
}

Test(pathway, rejects_int_variable_without_range_and_unknown_setting)
{
	struct pathway *pw = load("pathway = { id = \"t\"; title = \"T\"; version = \"1\"; review_date = \"2030-01-01\"; start = \"a\"; disclaimer = \"D\";\n"
				  "stages = ( { id = \"s\"; label = \"S\"; } );\n"
				  "variables = ( { id = \"n\"; type = \"int\"; prompt = \"N\"; gotcha = 1; } );\n"
				  "nodes = ( { id = \"a\"; stage = \"s\"; screen = \"endpoint\"; title = \"A\"; } ); };");

	dump_diags(&diags);
	cr_assert_null(pw);
	cr_assert(has_diag(&diags, 3, "missing 'min'"));
	cr_assert(has_diag(&diags, 3, "unknown setting 'gotcha'"));
	diag_clear(&diags);
}

Test(pathway, rejects_bad_review_date_and_unknown_start)
{
	struct pathway *pw = load("pathway = { id = \"t\"; title = \"T\"; version = \"1\";\n review_date = \"2030-02-30\";\n start = \"zz\"; disclaimer = \"D\";\n"
				  "stages = ( { id = \"s\"; label = \"S\"; } );\n"
				  "nodes = ( { id = \"a\"; stage = \"s\"; screen = \"endpoint\"; title = \"A\"; } ); };");

	dump_diags(&diags);
	cr_assert_null(pw);
	cr_assert(has_diag(&diags, 2, "review_date '2030-02-30' is not a date"));
	cr_assert(has_diag(&diags, 3, "start names unknown node 'zz'"));
	diag_clear(&diags);
}

Test(pathway, rejects_unknown_interpolation)
{
	expect_error(HEAD "nodes = (\n"
		     "{ id = \"a\"; stage = \"s\"; screen = \"endpoint\"; title = \"A\"; text = \"Value {nothing}\"; } ); };",
		     7, "{nothing} names no variable");
}

Test(pathway, rejects_endpoint_kind_mismatch)
{
	expect_error(HEAD "nodes = (\n"
		     "{ id = \"a\"; stage = \"s\"; screen = \"info\"; title = \"A\"; } ); };",
		     7, "must be screen = \"endpoint\"");
}

Test(pathway, formats_values_for_people_and_files)
{
	struct pathway *pw = load_fixture(FIXTURE("mini.cfg"));
	int signs = pathway_find_variable(pw, "signs"), kind = pathway_find_variable(pw, "kind");
	struct value set = value_set(5), none = value_set(0), choice = value_choice(1), flag = value_bool(true);
	char *a = pathway_format_value(pw, signs, &set), *b = pathway_format_value_ids(pw, signs, &set);
	char *c = pathway_format_value(pw, signs, &none), *d = pathway_format_value(pw, kind, &choice);
	char *e = pathway_format_value_ids(pw, kind, &choice), *f = pathway_format_value(pw, -1, &flag);

	cr_assert_str_eq(a, "Sign X, Sign Z");
	cr_assert_str_eq(b, "[\"x\", \"z\"]");
	cr_assert_str_eq(c, "none");
	cr_assert_str_eq(d, "Kind B");
	cr_assert_str_eq(e, "\"b\"");
	cr_assert_str_eq(f, "yes");
	free(a), free(b), free(c), free(d), free(e), free(f);
	pathway_free(pw);
}

/* Parses text as JSON and converts it to a value of the named variable. */
static struct value from_ids(const struct pathway *pw, const char *var, const char *text)
{
	struct json *j = json_parse(text, strlen(text), NULL);
	struct value v;

	cr_assert_not_null(j, "%s parses", text);
	v = pathway_value_from_ids(pw, pathway_find_variable(pw, var), j);
	json_free(j);
	return v;
}

Test(pathway, reads_values_back_as_files_write_them)
{
	struct pathway *pw = load_fixture(FIXTURE("mini.cfg"));
	struct value v;
	long day;

	v = from_ids(pw, "signs", "[\"x\", \"z\"]");
	cr_assert(v.type == TYPE_SET && v.u.set == 5);
	cr_assert_eq(from_ids(pw, "signs", "[]").u.set, 0);
	v = from_ids(pw, "kind", "\"b\"");
	cr_assert(v.type == TYPE_CHOICE && v.u.choice == 1);
	cr_assert_eq(from_ids(pw, "score", "7").u.i, 7);
	cr_assert(from_ids(pw, "flag", "true").u.b);
	cr_assert_eq(date_parse("2024-03-01", &day), 0);
	cr_assert_eq(from_ids(pw, "seen", "\"2024-03-01\"").u.date, day);
	/* What does not fit the variable is TYPE_NONE, never a guess. */
	cr_assert_eq(from_ids(pw, "signs", "[\"x\", \"nope\"]").type, TYPE_NONE);
	cr_assert_eq(from_ids(pw, "kind", "1").type, TYPE_NONE);
	cr_assert_eq(from_ids(pw, "score", "\"7\"").type, TYPE_NONE);
	cr_assert_eq(from_ids(pw, "seen", "\"2024-02-30\"").type, TYPE_NONE);
	cr_assert_eq(from_ids(pw, "flag", "null").type, TYPE_NONE);
	pathway_free(pw);
}

Test(pathway, the_bundled_pathway_has_the_digest_of_its_text)
{
	struct pathway *from_build = pathway_load_bundled(&diags);
	struct pathway *from_text = pathway_load_text("sciatica.cfg", (const char *)bundled_pathway.data,
						      bundled_pathway.len, &diags);
	char hex[65];

	dump_diags(&diags);
	cr_assert_not_null(from_build);
	cr_assert_not_null(from_text);
	sha256_hex(bundled_pathway.data, bundled_pathway.len, hex);
	cr_assert_str_eq(from_build->sha256, hex, "the digest computed at build time is the text's");
	cr_assert_str_eq(from_text->sha256, hex);
	cr_assert_eq(from_build->nnodes, from_text->nnodes);
	pathway_free(from_build);
	pathway_free(from_text);
	diag_clear(&diags);
}

Test(pathway, conditions_written_alike_share_a_tree_and_failing_ones_report_each_line)
{
	struct pathway *pw = load(HEAD "nodes = (\n"
				  "{ id = \"a\"; stage = \"s\"; screen = \"info\"; title = \"A\";\n"
				  "  next = ( { when = \"n > 3 && f\"; goto = \"b\"; }, { goto = \"b\"; } ); },\n"
				  "{ id = \"b\"; stage = \"s\"; screen = \"info\"; title = \"B\";\n"
				  "  next = ( { when = \"n > 3 && f\"; goto = \"c\"; }, { when = \"n > 4\"; goto = \"c\"; },\n"
				  "           { goto = \"c\"; } ); },\n"
				  "{ id = \"c\"; stage = \"s\"; screen = \"endpoint\"; title = \"C\"; } ); };");

	dump_diags(&diags);
	cr_assert_not_null(pw);
	cr_assert_not_null(pw->nodes[0].next[0].when);
	cr_assert_eq(pw->nodes[0].next[0].when, pw->nodes[1].next[0].when, "one tree for the same text");
	cr_assert_neq(pw->nodes[1].next[0].when, pw->nodes[1].next[1].when);
	pathway_free(pw); /* the sanitizer build checks that the shared tree is freed once */
	diag_clear(&diags);

	pw = load(HEAD "nodes = (\n"
		  "{ id = \"a\"; stage = \"s\"; screen = \"info\"; title = \"A\";\n"
		  "  next = ( { when = \"n > nope\"; goto = \"b\"; }, { goto = \"b\"; } ); },\n"
		  "{ id = \"b\"; stage = \"s\"; screen = \"info\"; title = \"B\";\n"
		  "  next = ( { when = \"n > nope\"; goto = \"c\"; }, { goto = \"c\"; } ); },\n"
		  "{ id = \"c\"; stage = \"s\"; screen = \"endpoint\"; title = \"C\"; } ); };");
	cr_assert_null(pw);
	cr_assert(has_diag(&diags, 8, "unknown variable 'nope'"));
	cr_assert(has_diag(&diags, 10, "unknown variable 'nope'"), "the second copy reports its own line");
	diag_clear(&diags);
}

Test(pathway, loads_unhashed_without_a_digest)
{
	const char *text = HEAD "nodes = ( { id = \"a\"; stage = \"s\"; screen = \"endpoint\"; title = \"A\"; } ); };";
	struct pathway *pw = pathway_load_text_unhashed("t.cfg", text, strlen(text), &diags);

	dump_diags(&diags);
	cr_assert_not_null(pw);
	cr_assert_str_eq(pw->sha256, "", "pathway check never reads the digest, so it is not computed");
	cr_assert_eq(pw->nnodes, 1);
	pathway_free(pw);
	diag_clear(&diags);
}
