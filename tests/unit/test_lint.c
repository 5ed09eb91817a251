/* SPDX-License-Identifier: Apache-2.0 */
#include <criterion/criterion.h>
#include <string.h>

#include "fixtures.h"
#include "lint.h"
#include "pathway.h"
#include "strbuf.h"
#include "value.h"

/* lint_text runs plain check's lint_plain and then the --strict lint_pathway, as `check --strict` does.
 * A clean pathway, one setting group per line so findings have predictable line numbers:
 *  1 header (review 2030-01-01)   2 references   3 stages   4-6 variables   7 derived
 *  8 warnings   9 screen   10 decide   11 high   12 low   13 close */
#define HEAD(review, start) \
	"pathway = { id = \"t\"; title = \"T\"; version = \"1\"; review_date = \"" review "\"; start = \"" start "\"; disclaimer = \"D\";\n"
#define REFS "references = ( { id = \"r\"; citation = \"C\"; } );\n"
#define STAGES "stages = ( { id = \"red\"; label = \"Red flags\"; }, { id = \"care\"; label = \"Care\"; } );\n"
#define VARS \
	"variables = ( { id = \"pain\"; type = \"int\"; min = 0; max = 10; prompt = \"Pain\"; short = \"Pain\"; },\n" \
	"  { id = \"signs\"; type = \"set\"; prompt = \"Signs\"; short = \"Signs\"; options = ( { id = \"x\"; label = \"X\"; }, { id = \"y\"; label = \"Y\"; } ); },\n" \
	"  { id = \"flag\"; type = \"bool\"; prompt = \"Flag\"; short = \"Flag\"; } );\n"
#define DERIVED "derived = ( { id = \"nsigns\"; expr = \"count(signs)\"; label = \"Signs ticked\"; } );\n"
#define WARNINGS "warnings = ( { id = \"net\"; title = \"Net\"; severity = \"urgent\"; when = \"endpoint\"; text = \"Signs: {nsigns}.\"; refs = [ \"r\" ]; } );\n"
#define SCREEN "nodes = ( { id = \"screen\"; stage = \"red\"; screen = \"question\"; title = \"S\"; text = \"Answer.\"; ask = [ \"pain\", \"signs\", \"flag\" ]; next = ( { goto = \"decide\"; } ); },\n"
#define DECIDE(cond) \
	"  { id = \"decide\"; stage = \"care\"; screen = \"decision\"; title = \"D\"; text = \"Choose.\"; next = ( { when = \"" cond "\"; goto = \"high\"; }, { goto = \"low\"; } ); },\n"
#define HIGH "  { id = \"high\"; stage = \"care\"; screen = \"endpoint\"; title = \"H\"; recommendation = \"Do H.\"; actions = \"H.\"; },\n"
#define LOW "  { id = \"low\"; stage = \"care\"; screen = \"endpoint\"; title = \"L\"; recommendation = \"Do L.\"; actions = \"L.\"; } );\n"
#define CLOSE "};\n"

#define CLEAN_DECIDE DECIDE("pain > 4 && nsigns >= 1 || flag")
#define TODAY_2025 date_from_ymd(2025, 6, 1)

static struct lint_report report;

static void lint_text(const char *text, long today)
{
	struct diag_list diags = { 0 };
	struct pathway *pw = pathway_load_text("t.cfg", text, strlen(text), &diags);

	dump_diags(&diags);
	cr_assert_not_null(pw, "the test pathway did not load");
	diag_clear(&diags);
	lint_report_free(&report);
	lint_plain(pw, &report);
	lint_pathway(pw, today, text, strlen(text), &report);
	for (size_t i = 0; i < report.count; i++)
		cr_log_info("line %d: %s: %s", report.items[i].line,
			    report.items[i].severity == LINT_ERROR ? "error" : "warning", report.items[i].message);
	pathway_free(pw);
}

/* True when a finding of this severity at line (0: any) contains needle. */
static bool found(enum lint_severity severity, int line, const char *needle)
{
	for (size_t i = 0; i < report.count; i++)
		if (report.items[i].severity == severity && (line == 0 || report.items[i].line == line)
		    && strstr(report.items[i].message, needle))
			return true;
	return false;
}

static void teardown(void)
{
	lint_report_free(&report);
}

TestSuite(lint, .fini = teardown);

Test(lint, finds_nothing_in_a_clean_pathway)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED WARNINGS SCREEN CLEAN_DECIDE HIGH LOW CLOSE,
		  TODAY_2025);
	cr_assert_eq(report.count, 0);
}

Test(lint, finds_nothing_in_the_mini_fixture_but_its_uncited_notes)
{
	struct pathway *pw = load_fixture(FIXTURE("mini.cfg"));

	lint_pathway(pw, TODAY_2025, NULL, 0, &report);
	cr_assert_eq(report.errors, 4);
	cr_assert_eq(report.warnings, 4, "three variables without a short name and a derived value without a label");
	cr_assert(found(LINT_ERROR, 34, "warning 'flagged' cites no reference"));
	cr_assert(found(LINT_WARNING, 14, "variable 'score' is read by a decision but has no short name"));
	cr_assert(found(LINT_WARNING, 25, "derived value 'nsigns' is read by a decision but has no label"));
	cr_assert_not(found(LINT_WARNING, 0, "variable 'flag'"), "flag is read by a warning only, never explained");
	cr_assert(found(LINT_ERROR, 49, "endpoint 'many' has no recommendation"));
	pathway_free(pw);
}

Test(lint, reports_an_endpoint_that_cites_nothing)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED
		  "warnings = ( { id = \"net\"; title = \"Net\"; severity = \"urgent\"; when = \"at(high)\"; text = \"T\"; refs = [ \"r\" ]; } );\n"
		  SCREEN CLEAN_DECIDE HIGH LOW CLOSE, TODAY_2025);
	cr_assert(found(LINT_ERROR, 12, "endpoint 'low' cites no reference"));
	cr_assert_not(found(LINT_ERROR, 11, "cites no reference"), "high is cited by the warning at(high)");
	cr_assert_eq(report.errors, 1);
}

Test(lint, conditional_evidence_does_not_cite_an_endpoint)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED "warnings = ( );\n" SCREEN CLEAN_DECIDE
		  "  { id = \"high\"; stage = \"care\"; screen = \"endpoint\"; title = \"H\"; recommendation = \"Do H.\"; "
		  "evidence = ( { refs = [ \"r\" ]; note = \"N\"; when = \"flag\"; } ); },\n"
		  "  { id = \"low\"; stage = \"care\"; screen = \"endpoint\"; title = \"L\"; recommendation = \"Do L.\"; "
		  "evidence = ( { refs = [ \"r\" ]; note = \"N\"; } ); } );\n" CLOSE, TODAY_2025);
	cr_assert(found(LINT_ERROR, 11, "endpoint 'high' cites no reference unconditionally"));
	cr_assert_not(found(LINT_ERROR, 12, "cites no reference"));
}

Test(lint, reports_warnings_and_evidence_without_references)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED
		  "warnings = ( { id = \"net\"; title = \"Net\"; severity = \"urgent\"; when = \"endpoint\"; text = \"T\"; refs = [ \"r\" ]; },"
		  " { id = \"bare\"; title = \"B\"; when = \"flag\"; text = \"T\"; } );\n"
		  "nodes = ( { id = \"screen\"; stage = \"red\"; screen = \"question\"; title = \"S\"; text = \"A.\"; "
		  "ask = [ \"pain\", \"signs\", \"flag\" ]; evidence = ( { note = \"Because.\"; } ); next = ( { goto = \"decide\"; } ); },\n"
		  CLEAN_DECIDE HIGH LOW CLOSE, TODAY_2025);
	cr_assert(found(LINT_ERROR, 8, "warning 'bare' cites no reference"));
	cr_assert(found(LINT_ERROR, 9, "evidence note 1 of node 'screen' cites no reference"));
	cr_assert_eq(report.errors, 2);
}

Test(lint, requires_red_flag_screening_to_come_first)
{
	lint_text(HEAD("2030-01-01", "screen") REFS
		  "stages = ( { id = \"care\"; label = \"Care\"; }, { id = \"red\"; label = \"Red flags\"; } );\n"
		  VARS DERIVED WARNINGS SCREEN CLEAN_DECIDE HIGH LOW CLOSE, TODAY_2025);
	cr_assert(found(LINT_ERROR, 9, "start node 'screen' is in stage 'red', not in the first stage 'care'"));
}

Test(lint, warns_when_the_review_date_has_passed)
{
	const char *text = HEAD("2024-12-31", "screen") REFS STAGES VARS DERIVED WARNINGS SCREEN CLEAN_DECIDE HIGH LOW
		CLOSE;

	lint_text(text, TODAY_2025);
	cr_assert(found(LINT_WARNING, 1, "the review date 2024-12-31 has passed (today is 2025-06-01)"));
	cr_assert_eq(report.count, 1);
	lint_text(text, date_from_ymd(2024, 12, 31));
	cr_assert_eq(report.count, 0, "the review date itself has not passed");
}

Test(lint, reports_unused_variables_and_uncited_references)
{
	lint_text(HEAD("2030-01-01", "screen")
		  "references = ( { id = \"r\"; citation = \"C\"; }, { id = \"lonely\"; citation = \"L\"; } );\n"
		  STAGES
		  "variables = ( { id = \"pain\"; type = \"int\"; min = 0; max = 10; prompt = \"Pain\"; short = \"Pain\"; },\n"
		  "  { id = \"signs\"; type = \"set\"; prompt = \"Signs\"; short = \"Signs\"; options = ( { id = \"x\"; label = \"X\"; }, { id = \"y\"; label = \"Y\"; } ); },\n"
		  "  { id = \"flag\"; type = \"bool\"; prompt = \"Flag\"; short = \"Flag\"; }, { id = \"spare\"; type = \"bool\"; prompt = \"Spare\"; } );\n"
		  DERIVED WARNINGS SCREEN CLEAN_DECIDE HIGH LOW CLOSE, TODAY_2025);
	cr_assert(found(LINT_WARNING, 6, "variable 'spare' is never asked and never used"));
	cr_assert(found(LINT_WARNING, 2, "reference 'lonely' is never cited"));
	cr_assert_eq(report.count, 2);
}

Test(lint, a_variable_shown_in_text_is_used)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED WARNINGS SCREEN DECIDE("flag")
		  "  { id = \"high\"; stage = \"care\"; screen = \"endpoint\"; title = \"H\"; recommendation = \"Pain {pain}, {{literal}}, {nsigns}.\"; actions = \"A.\"; },\n"
		  LOW CLOSE, TODAY_2025);
	cr_assert_eq(report.count, 0);
}

Test(lint, reports_a_comparison_above_the_declared_maximum_as_never_true)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED WARNINGS SCREEN DECIDE("pain > 10") HIGH LOW CLOSE,
		  TODAY_2025);
	cr_assert(found(LINT_ERROR, 10, "condition 'pain > 10' of 'decide' can never be true"));
	cr_assert_eq(report.count, 1);
}

Test(lint, reports_an_always_true_condition_that_hides_later_entries)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED WARNINGS SCREEN DECIDE("pain >= 0") HIGH LOW CLOSE,
		  TODAY_2025);
	cr_assert(found(LINT_ERROR, 10, "condition 'pain >= 0' of 'decide' is always true"));
}

Test(lint, reports_count_above_the_number_of_options)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED WARNINGS SCREEN DECIDE("count(signs) > 2") HIGH LOW
		  CLOSE, TODAY_2025);
	cr_assert(found(LINT_ERROR, 10, "can never be true"));
}

Test(lint, sees_count_through_a_derived_value_and_arithmetic)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED WARNINGS SCREEN
		  DECIDE("nsigns + pain > 12 || flag") HIGH LOW CLOSE, TODAY_2025);
	cr_assert(found(LINT_WARNING, 10, "'nsigns + pain > 12' in the condition of 'decide' -> 'high' is never true"));
	cr_assert_eq(report.errors, 0, "the whole condition can still be true through flag");
}

Test(lint, leaves_reachable_comparisons_alone)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED WARNINGS SCREEN
		  DECIDE("pain >= 10 && count(signs) == 2 || pain - 10 < 0 && !flag") HIGH LOW CLOSE, TODAY_2025);
	cr_assert_eq(report.count, 0);
}

Test(lint, reports_a_warning_that_can_never_be_shown)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED
		  "warnings = ( { id = \"net\"; title = \"Net\"; severity = \"urgent\"; when = \"endpoint\"; text = \"T\"; refs = [ \"r\" ]; },"
		  " { id = \"never\"; title = \"N\"; when = \"pain < 0 && flag\"; text = \"T\"; refs = [ \"r\" ]; } );\n"
		  SCREEN CLEAN_DECIDE HIGH LOW CLOSE, TODAY_2025);
	cr_assert(found(LINT_ERROR, 8, "warning 'never' can never be shown"));
}

Test(lint, plain_check_reports_repeated_labels_empty_stages_and_endpoints_without_actions)
{
	lint_text(HEAD("2030-01-01", "screen") REFS
		  "stages = ( { id = \"red\"; label = \"Red flags\"; }, { id = \"care\"; label = \"Care\"; }, { id = \"spare\"; label = \"S\"; } );\n"
		  "variables = ( { id = \"pain\"; type = \"int\"; min = 0; max = 10; prompt = \"Pain\"; },\n"
		  "  { id = \"signs\"; type = \"set\"; prompt = \"Signs\"; options = ( { id = \"x\"; label = \"X\"; }, { id = \"y\"; label = \"X\"; } ); },\n"
		  "  { id = \"flag\"; type = \"bool\"; prompt = \"Flag\"; } );\n"
		  DERIVED WARNINGS SCREEN
		  "  { id = \"decide\"; stage = \"care\"; screen = \"decision\"; title = \"D\"; text = \"C.\"; next = ( { when = \"flag\"; goto = \"high\"; label = \"Go\"; }, { goto = \"low\"; label = \"Go\"; } ); },\n"
		  "  { id = \"high\"; stage = \"care\"; screen = \"endpoint\"; title = \"H\"; recommendation = \"Do H.\"; },\n"
		  LOW CLOSE, TODAY_2025);
	cr_assert(found(LINT_ERROR, 3, "stage 'spare' has no node"));
	cr_assert(found(LINT_ERROR, 5, "variable 'signs': options 'x' and 'y' have the same label \"X\""));
	cr_assert(found(LINT_ERROR, 10, "node 'decide': next steps 1 and 2 have the same label \"Go\""));
	cr_assert(found(LINT_WARNING, 11, "endpoint 'high' has no actions"));
	cr_assert_not(found(LINT_WARNING, 12, "endpoint 'low' has no actions"));
}

Test(lint, reports_missing_recommendation_and_missing_text)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED WARNINGS
		  "nodes = ( { id = \"screen\"; stage = \"red\"; screen = \"question\"; title = \"S\"; text = \" \"; ask = [ \"pain\", \"signs\", \"flag\" ]; next = ( { goto = \"decide\"; } ); },\n"
		  CLEAN_DECIDE HIGH
		  "  { id = \"low\"; stage = \"care\"; screen = \"endpoint\"; title = \"L\"; } );\n" CLOSE, TODAY_2025);
	cr_assert(found(LINT_WARNING, 9, "node 'screen' has no text"));
	cr_assert(found(LINT_ERROR, 12, "endpoint 'low' has no recommendation"));
}

/* A fuzzing finding: each derived value of a chain d_i = d_(i-1) + d_(i-1) was walked again at every
 * use, 2^60 walks for this chain. Each derived value is now analysed once: this returns, and the
 * interval is still exact (d60 lies within 0..10 * 2^60, which saturates to the 64-bit range). */
Test(lint, analyses_a_chain_of_derived_values_once_each)
{
	struct strbuf text = STRBUF_INIT;

	sb_append(&text, HEAD("2030-01-01", "screen") REFS STAGES VARS "derived = ( { id = \"d0\"; expr = \"pain\"; }");
	for (int i = 1; i <= 60; i++)
		sb_appendf(&text, ", { id = \"d%d\"; expr = \"d%d + d%d\"; }", i, i - 1, i - 1);
	sb_append(&text, ", { id = \"nsigns\"; expr = \"count(signs)\"; } );\n" WARNINGS SCREEN
			 DECIDE("d20 > 10485760 || nsigns >= 1 || flag") HIGH LOW CLOSE);
	lint_text(sb_str(&text), TODAY_2025);
	cr_assert(found(LINT_WARNING, 10, "'d20 > 10485760' in the condition of 'decide' -> 'high' is never true"));
	sb_free(&text);
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS
		  "derived = ( { id = \"d0\"; expr = \"pain\"; }, { id = \"d1\"; expr = \"d0 + d0\"; },"
		  " { id = \"nsigns\"; expr = \"count(signs)\"; } );\n" WARNINGS SCREEN
		  DECIDE("d1 > 19 || nsigns >= 1 || flag") HIGH LOW CLOSE, TODAY_2025);
	cr_assert_not(found(LINT_WARNING, 10, "'d1 > 19'"), "d1 = 20 is possible");
}

Test(lint, plan_items_cite_an_endpoint_and_impossible_ones_are_reported)
{
	lint_text(HEAD("2030-01-01", "screen") REFS STAGES VARS DERIVED "warnings = ( );\n" SCREEN CLEAN_DECIDE
		  "  { id = \"high\"; stage = \"care\"; screen = \"endpoint\"; title = \"H\"; recommendation = \"Do H.\"; "
		  "actions = ( { text = \"A\"; refs = [ \"r\" ]; }, { when = \"pain > 10\"; text = \"Never.\"; } ); },\n"
		  "  { id = \"low\"; stage = \"care\"; screen = \"endpoint\"; title = \"L\"; recommendation = \"Do L.\"; "
		  "document = ( { when = \"flag\"; text = \"B\"; refs = [ \"r\" ]; } ); } );\n" CLOSE, TODAY_2025);
	cr_assert_not(found(LINT_ERROR, 11, "cites no reference"), "an unconditional plan item cites high");
	cr_assert(found(LINT_ERROR, 11, "actions item 2 of 'high' can never be shown: 'pain > 10'"));
	cr_assert(found(LINT_ERROR, 12, "endpoint 'low' cites no reference unconditionally"));
}
