/* SPDX-License-Identifier: Apache-2.0 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "fixtures.h"
#include "replay.h"

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

TestSuite(replay, .init = setup, .fini = teardown);

static struct casefile *load(const char *text)
{
	struct casefile *c = casefile_load_text("c.cfg", text, strlen(text), pw, &diags);

	dump_diags(&diags);
	cr_assert_not_null(c);
	return c;
}

static char *json_of(const struct casefile *c, struct replay_result *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	replay_write_json(pw, c, r, f);
	fclose(f);
	return buf;
}

Test(replay, completes_and_writes_the_design_json)
{
	struct casefile *c = load("case = { id = \"mini-high\"; answers = { score = 6; flag = false; kind = \"a\"; "
				  "signs = [ \"x\", \"z\" ]; last = \"2024-02-28\"; }; };");
	struct replay_result r;
	char *json, *expected;

	cr_assert_eq(replay_run(pw, c, NULL, 19783 /* 2024-03-01 */, NULL, &r), REPLAY_COMPLETE);
	json = json_of(c, &r);
	expected = malloc(2048);
	snprintf(expected, 2048,
		 "{\"pathway\":{\"id\":\"mini\",\"version\":\"0.1\",\"sha256\":\"%s\"},\"case\":\"mini-high\","
		 "\"status\":\"complete\",\"endpoint\":\"high\",\"path\":[\"screen\",\"choose\",\"high\"],"
		 "\"answers\":{\"score\":6,\"flag\":false,\"kind\":\"a\",\"signs\":[\"x\", \"z\"],"
		 "\"seen\":\"2024-03-01\",\"last\":\"2024-02-28\"},\"warnings\":[\"always_end\",\"at_high\"],"
		 "\"overrides\":[],\"missing\":null,\"what_if\":[{\"variable\":\"score\",\"value\":4,"
		 "\"endpoint\":\"many\"},{\"variable\":\"kind\",\"value\":\"b\",\"endpoint\":\"many\"}]}\n", pw->sha256);
	cr_assert_str_eq(json, expected);
	free(expected);
	free(json);
	replay_result_free(&r);
	casefile_free(c);
}

Test(replay, applies_overrides_from_the_case)
{
	struct casefile *c = load("case = { id = \"o\"; answers = { score = 6; flag = false; kind = \"a\"; "
				  "signs = [ ]; last = \"2024-02-28\"; };\n"
				  "overrides = ( { node = \"choose\"; goto = \"low\"; reason = \"declined\"; } ); };");
	struct replay_result r;
	char *json;

	cr_assert_eq(replay_run(pw, c, NULL, 19783, NULL, &r), REPLAY_COMPLETE);
	cr_assert_eq(session_node(r.session), pathway_find_node(pw, "low"));
	json = json_of(c, &r);
	cr_assert(strstr(json, "\"overrides\":[{\"node\":\"choose\",\"goto\":\"low\",\"reason\":\"declined\"}]"));
	free(json);
	replay_result_free(&r);
	casefile_free(c);
}

Test(replay, stops_on_a_missing_answer_without_default)
{
	struct casefile *c = load("case = { id = \"m\"; answers = { score = 6; kind = \"a\"; }; };");
	struct replay_result r;
	char *json;

	cr_assert_eq(replay_run(pw, c, NULL, 19783, NULL, &r), REPLAY_STOPPED);
	cr_assert_eq(r.missing, pathway_find_variable(pw, "flag"));
	cr_assert(strstr(r.message, "'flag'"));
	json = json_of(c, &r);
	cr_assert(strstr(json, "\"status\":\"stopped\",\"endpoint\":null,\"path\":[\"screen\"]"));
	cr_assert(strstr(json, "\"missing\":\"flag\",\"what_if\":[]}"));
	free(json);
	replay_result_free(&r);
	casefile_free(c);
}

Test(replay, prints_a_readable_walk)
{
	struct casefile *c = load("case = { id = \"h\"; title = \"Human\"; answers = { score = 6; flag = true; kind = \"a\"; "
				  "signs = [ \"x\" ]; last = \"2024-02-28\"; }; };");
	struct replay_result r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	replay_run(pw, c, NULL, 19783, f, &r);
	fclose(f);
	cr_assert(strstr(buf, "Case: h - Human"));
	cr_assert(strstr(buf, "[One] Choose\n"));
	cr_assert(strstr(buf, "* High road  [recommended]"));
	cr_assert(strstr(buf, "      - Score: 6; needs more than 4: met\n"));
	cr_assert(strstr(buf, "Seen on: 2024-03-01 (default)"));
	cr_assert(strstr(buf, "Endpoint: High\n"));
	cr_assert(strstr(buf, "Recommendation: Repeat on 2024-04-28."));
	cr_assert(strstr(buf, "  ! Caution: Flagged: The flag is set."));
	cr_assert_null(strstr(buf, "(choose)"), "no node id for clinicians");
	cr_assert_null(strstr(buf, "score = 6"), "no pathway syntax for clinicians");
	free(buf);
	replay_result_free(&r);
	casefile_free(c);
}

Test(replay, shows_ids_and_pathway_syntax_for_authors)
{
	struct casefile *c = load("case = { id = \"h\"; answers = { score = 6; flag = true; kind = \"a\"; "
				  "signs = [ \"x\" ]; last = \"2024-02-28\"; }; };");
	struct replay_result r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	replay_run_ids(pw, c, NULL, 19783, f, true, &r);
	fclose(f);
	cr_assert(strstr(buf, "[One] Choose  (choose)\n"));
	cr_assert(strstr(buf, "  ! Caution: Flagged  (flagged)\n"));
	cr_assert(strstr(buf, "      - Score: 6; needs more than 4: met  [score = 6 > 4]\n"));
	free(buf);
	replay_result_free(&r);
	casefile_free(c);
}
