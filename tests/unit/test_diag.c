/* SPDX-License-Identifier: Apache-2.0 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgsyntax.h"
#include "colour.h"
#include "diag.h"
#include "suggest.h"

Test(suggest, distance_counts_swaps_as_one)
{
	cr_assert_eq(suggest_distance("score", 5, "scroe", 5), 1);
	cr_assert_eq(suggest_distance("kitten", 6, "sitting", 7), 3);
	cr_assert_eq(suggest_distance("", 0, "abc", 3), 3);
}

Test(suggest, picks_the_closest_and_the_first_of_equals)
{
	struct suggest s;

	suggest_init(&s, "progresive_neuro_deficit", 24);
	suggest_consider(&s, "pain_nrs");
	suggest_consider(&s, "progressive_neuro_deficit");
	suggest_consider(&s, "progressive_neuro_deficits");
	cr_assert_str_eq(s.best, "progressive_neuro_deficit");
	suggest_init(&s, "hihg", 4);
	suggest_consider(&s, "high");
	suggest_consider(&s, "sigh");
	cr_assert_str_eq(s.best, "high");
}

Test(suggest, never_suggests_what_shares_nothing_or_is_far)
{
	struct suggest s;

	suggest_init(&s, "c", 1);
	suggest_consider(&s, "a");
	cr_assert_null(s.best);
	suggest_init(&s, "pain", 4);
	suggest_consider(&s, "pain_nrs");
	suggest_consider(&s, "pain");
	cr_assert_null(s.best);
}

Test(colour, no_color_wins_and_clicolor_force_forces)
{
	setenv("NO_COLOR", "1", 1);
	setenv("CLICOLOR_FORCE", "1", 1);
	cr_assert_not(colour_wanted(-1));
	unsetenv("NO_COLOR");
	cr_assert(colour_wanted(-1));
	setenv("CLICOLOR_FORCE", "0", 1);
	cr_assert_not(colour_wanted(-1));
	unsetenv("CLICOLOR_FORCE");
	cr_assert_not(colour_wanted(-1));
}

/* What diag_print writes for list, without colour. */
static char *printed(const struct diag_list *list)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	setenv("NO_COLOR", "1", 1);
	diag_print(list, f);
	fclose(f);
	return buf;
}

Test(diag, points_into_an_expression_through_escapes_and_tabs)
{
	const char *src = "a = 1;\n\twhen = \"kind == \\\"c\\\" && scroe > 1\";\n";
	struct diag_list list = { 0 };
	char *out;

	diag_set_source(&list, "f.cfg", src, strlen(src));
	diag_add(&list, "f.cfg", 2, "unknown variable 'scroe'");
	diag_point_expr(&list, "kind == \"c\" && scroe > 1", 15, 5);
	diag_suggest(&list, "score");
	diag_set_kind(&list, 0, DIAG_ERROR);
	cr_assert_eq(list.items[0].line, 2);
	cr_assert_eq(list.items[0].column, 27);
	cr_assert_eq(list.items[0].width, 5);
	out = printed(&list);
	cr_assert_str_eq(out,
			 "pathwalk: f.cfg:2:27: error: unknown variable 'scroe'; did you mean 'score'?\n"
			 "    2 |         when = \"kind == \\\"c\\\" && scroe > 1\";\n"
			 "      |                                  ^~~~~\n"
			 "      |                                  score\n");
	free(out);
	diag_clear(&list);
}

Test(diag, the_caret_counts_wide_characters_as_two_columns)
{
	const char *src = "t = \"\xe5\x9d\x90\xe9\xaa\xa8\"; x = scroe;\n"; /* t = "坐骨"; x = scroe; */
	struct diag_list list = { 0 };
	char *out;

	diag_set_source(&list, "f.cfg", src, strlen(src));
	diag_add(&list, "f.cfg", 1, "unknown variable 'scroe'");
	diag_point_offset(&list, (size_t)(strstr(src, "scroe") - src), 5);
	diag_add(&list, "f.cfg", 1, "wide");
	diag_point_offset(&list, 5, 6); /* the two Chinese characters */
	diag_set_kind(&list, 0, DIAG_ERROR);
	out = printed(&list);
	cr_assert_str_eq(out,
			 "pathwalk: f.cfg:1:15: error: unknown variable 'scroe'\n"
			 "    1 | t = \"\xe5\x9d\x90\xe9\xaa\xa8\"; x = scroe;\n"
			 "      |                 ^~~~~\n"
			 "pathwalk: f.cfg:1:6: error: wide\n"
			 "    1 | t = \"\xe5\x9d\x90\xe9\xaa\xa8\"; x = scroe;\n"
			 "      |      ^~~~\n");
	free(out);
	diag_clear(&list);
}

Test(diag, plain_diagnostics_keep_the_old_form)
{
	struct diag_list list = { 0 };
	char *out;

	diag_add(&list, "j.jsonl", 5, "last line is incomplete");
	diag_add(&list, NULL, 0, "no file");
	out = printed(&list);
	cr_assert_str_eq(out, "pathwalk: j.jsonl:5: last line is incomplete\npathwalk: no file\n");
	free(out);
	diag_clear(&list);
}

Test(diag, quoted_lines_show_control_bytes_as_question_marks)
{
	const char *src = "t = \"a\033[31mb\";\n";
	struct diag_list list = { 0 };

	diag_set_source(&list, "f.cfg", src, strlen(src));
	diag_add(&list, "f.cfg", 1, "control character");
	diag_point_offset(&list, 6, 1);
	cr_assert_str_eq(list.items[0].source_line, "t = \"a?[31mb\";");
	cr_assert_eq(list.items[0].column, 7);
	diag_clear(&list);
}

/* The one finding cfg_syntax_check makes of text, as "LINE:COLUMN: message". */
static char *syntax(const char *text, bool warnings, size_t index)
{
	struct diag_list list = { 0 };
	char *s;

	diag_set_source(&list, "f.cfg", text, strlen(text));
	cfg_syntax_check("f.cfg", text, strlen(text), warnings, &list);
	cr_assert_gt(list.count, index, "no finding %zu for %s", index, text);
	s = malloc(512);
	snprintf(s, 512, "%d:%d: %s", list.items[index].line, list.items[index].column, list.items[index].message);
	diag_clear(&list);
	return s;
}

Test(cfgsyntax, says_what_was_expected)
{
	static const char *const cases[][2] = {
		{ "l = ( { a = 1; }\n  { b = 2; } );", "1:17: missing ',' before '{' in 'l'" },
		{ "l = ( 1, 2, );", "1:11: a ',' after the last element of 'l': libconfig allows none before ')'" },
		{ "g = {\n  a = 1;\n", "1:5: unclosed '{': expected '}' before the end of the file" },
		{ "g = ( 1 ];", "1:9: expected ')' to close the '(' at line 1, found ']'" },
		{ "version \"1\";", "1:8: missing '=' between 'version' and \"1\"" },
		{ "t = \"abc;\n", "1:5: unterminated string: this '\"' has no closing '\"'" },
		{ "a = [ { x = 1; } ];", "1:7: an array [ ] of 'a' holds only strings, numbers or true/false (use a list ( )), found '{'" },
		{ "a = 1;;", "1:7: expected a setting name, found ';'" },
		{ "a = ( x = 1; );", "1:7: missing '{' before 'x': a group of settings in 'a' starts with '{'" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = syntax(cases[i][0], false, 0);

		cr_expect_str_eq(got, cases[i][1], "for %s", cases[i][0]);
		free(got);
	}
}

Test(cfgsyntax, warns_of_a_missing_semicolon_only_when_asked)
{
	const char *text = "g = { id = \"assessment_date\" ces_symptoms = 1; };\n";
	struct diag_list list = { 0 };
	char *got;

	cr_assert_not(cfg_syntax_check("f.cfg", text, strlen(text), false, &list));
	cr_assert_eq(list.count, 0);
	got = syntax(text, true, 0);
	cr_assert_str_eq(got, "1:29: missing ';' before 'ces_symptoms' (libconfig lets it pass; the setting 'id' ends here)");
	free(got);
}
