/* SPDX-License-Identifier: Apache-2.0 */
/* Case sets (src/session/caseset.c) over the bundled pathway and case library: comments, the title line,
 * bundled ids and case files in the file's order, and every error with its FILE:LINE; and the
 * library's order along the pathway (src/session/caselib.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "caselib.h"
#include "caseset.h"
#include "clock.h"
#include "fixtures.h"
#include "value.h"

#define CASES_DIR PATHWALK_SOURCE_DIR "/config/cases"

static struct pathway *pw;
static struct caselib lib;
static struct caseset set;
static struct diag_list diags;
static long today;

static void setup(void)
{
	cr_assert_eq(date_parse("2025-02-17", &today), 0);
	pw = pathway_load_bundled(&diags);
	cr_assert_not_null(pw);
	caselib_load_bundled(pw, today, &lib, &diags);
	cr_assert_eq(diags.count, 0, "the bundled cases load");
}

static void teardown(void)
{
	caseset_free(&set);
	diag_clear(&diags);
	caselib_free(&lib);
	pathway_free(pw);
}

static bool parse(const char *text)
{
	return caseset_parse("group.set", text, strlen(text), CASES_DIR, pw, &lib, today, &set, &diags);
}

/* The message of the only diagnostic that names group.set at line, or NULL. */
static const char *message_at(int line)
{
	for (size_t i = 0; i < diags.count; i++)
		if (diags.items[i].file && strcmp(diags.items[i].file, "group.set") == 0 && diags.items[i].line == line)
			return diags.items[i].message;
	return NULL;
}

TestSuite(caseset, .init = setup, .fini = teardown);

Test(caseset, comments_blank_lines_and_the_title)
{
	cr_assert(parse("# Tuesday's group\n"
			"\n"
			"title:   Sciatica after a failed injection, week 2  \n"
			"  # the red flags first\n"
			"v1-cauda-equina\n"
			"\t v5-sij-eligible \r\n"
			"\n"
			"edge-relief-50-pct"));
	cr_assert_str_eq(set.title, "Sciatica after a failed injection, week 2");
	cr_assert_eq(set.count, 3);
	cr_assert_str_eq(set.items[0].entry->c->id, "v1-cauda-equina");
	cr_assert_eq(set.items[0].line, 5);
	cr_assert_str_eq(set.items[1].entry->c->id, "v5-sij-eligible");
	cr_assert_eq(set.items[1].line, 6);
	cr_assert_str_eq(set.items[2].entry->c->id, "edge-relief-50-pct");
	cr_assert_eq(set.items[2].line, 8);
	cr_assert_eq(set.items[0].entry, caselib_find(&lib, "v1-cauda-equina"), "a bundled id is the library's case");
	cr_assert_eq(diags.count, 0);
}

Test(caseset, the_title_is_optional)
{
	cr_assert(parse("v9-fbss\n"));
	cr_assert_null(set.title);
	cr_assert_eq(set.count, 1);
}

Test(caseset, case_files_are_read_relative_to_the_set)
{
	cr_assert(parse("v1-cauda-equina\nv5-sij-eligible.cfg\n./v9-fbss.cfg\n" CASES_DIR "/v2-serious-pathology.cfg\n"));
	cr_assert_eq(set.count, 4);
	cr_assert_str_eq(set.items[1].entry->c->id, "v5-sij-eligible");
	cr_assert_neq(set.items[1].entry, caselib_find(&lib, "v5-sij-eligible"), "a file is read, not the library's");
	cr_assert_str_eq(set.items[2].entry->c->id, "v9-fbss");
	cr_assert_str_eq(set.items[3].entry->c->id, "v2-serious-pathology");
	cr_assert_eq(set.own.count, 3);
	cr_assert_geq(set.items[1].entry->endpoint, 0, "a case read from a file is routed");
	cr_assert_not_null(set.items[1].entry->summary);
}

Test(caseset, an_unknown_id_names_file_and_line_with_a_suggestion)
{
	cr_assert_not(parse("title: t\nv1-cauda-equina\nv5-sij-eligble\nno-such-case-at-all\n"));
	cr_assert_not_null(message_at(3));
	cr_assert_str_eq(message_at(3), "unknown case 'v5-sij-eligble'; did you mean 'v5-sij-eligible'?");
	cr_assert_str_eq(message_at(4), "unknown case 'no-such-case-at-all'");
	cr_assert_eq(set.count, 0, "a set with errors is left empty");
	cr_assert_null(set.title);
}

Test(caseset, a_case_listed_twice_names_both_lines)
{
	cr_assert_not(parse("v1-cauda-equina\nv5-sij-eligible\n\nv1-cauda-equina\n"));
	cr_assert_str_eq(message_at(4), "case 'v1-cauda-equina' is listed twice: here and on line 1");
	diag_clear(&diags);
	/* By its id, whether named by id or by its file. */
	cr_assert_not(parse("v5-sij-eligible\nv5-sij-eligible.cfg\n"));
	cr_assert_str_eq(message_at(2), "case 'v5-sij-eligible' is listed twice: here and on line 1");
}

Test(caseset, a_case_file_that_does_not_load)
{
	cr_assert_not(parse("v1-cauda-equina\nnot-there.cfg\n"));
	cr_assert_str_eq(message_at(2), "the case file 'not-there.cfg' cannot be read");
}

Test(caseset, title_line_rules)
{
	cr_assert_not(parse("v1-cauda-equina\ntitle: late\n"));
	cr_assert_str_eq(message_at(2), "the title line must come before the first case");
	diag_clear(&diags);
	cr_assert_not(parse("title: one\n# a comment\ntitle: two\nv1-cauda-equina\n"));
	cr_assert_str_eq(message_at(3), "a second title line (the first is on line 1)");
	diag_clear(&diags);
	cr_assert_not(parse("title:   \nv1-cauda-equina\n"));
	cr_assert_str_eq(message_at(1), "the title line has no title");
	diag_clear(&diags);
	char long_title[200] = "title: ";
	memset(long_title + 7, 'x', 121);
	strcat(long_title, "\nv1-cauda-equina\n");
	cr_assert_not(parse(long_title));
	cr_assert_str_eq(message_at(1), "the title is longer than 120 characters");
}

Test(caseset, no_cases_and_not_text)
{
	cr_assert_not(parse("# only a comment\ntitle: empty\n\n"));
	cr_assert_str_eq(message_at(0), "no cases: list one bundled case id or case file per line");
	diag_clear(&diags);
	cr_assert_not(parse("v1-cauda-equina\nv5-\xff\n"));
	cr_assert_str_eq(message_at(2), "not text: invalid UTF-8 or a control character");
	diag_clear(&diags);
	cr_assert_not(parse("v1-cauda-equina\nv9\x1b[2J\n"));
	cr_assert_not_null(message_at(2));
}

Test(caseset, load_reads_the_file_and_its_directory)
{
	char dir[] = "/tmp/pathwalk-caseset-XXXXXX", path[300], cfg[300];
	bool io_error = true;
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(cfg, sizeof(cfg), "%s/mine.cfg", dir);
	snprintf(path, sizeof(path), "%s/group.set", dir);
	f = fopen(cfg, "w");
	fputs("case = { id = \"mine\"; answers = { }; };\n", f);
	fclose(f);
	f = fopen(path, "w");
	fputs("title: Mine\nmine.cfg\nv1-cauda-equina\n", f);
	fclose(f);
	cr_assert(caseset_load(path, pw, &lib, today, &set, &diags, &io_error));
	cr_assert_not(io_error);
	cr_assert_eq(set.count, 2);
	cr_assert_str_eq(set.items[0].entry->c->id, "mine");
	cr_assert_eq(set.items[0].entry->endpoint, -1, "a case whose route stops is kept in a set");
	caseset_free(&set);
	unlink(cfg);
	unlink(path);
	cr_assert_not(caseset_load(path, pw, &lib, today, &set, &diags, &io_error));
	cr_assert(io_error);
	rmdir(dir);
}

Test(caseset, the_library_runs_along_the_pathway)
{
	bool edge = false;
	size_t stage = 0;

	cr_assert_gt(lib.count, 10);
	for (size_t i = 0; i < lib.count; i++) {
		const struct caselib_entry *e = &lib.entries[i];
		bool is_edge = strncmp(e->c->id, "edge-", 5) == 0;
		size_t st = e->endpoint >= 0 ? (size_t)pw->nodes[e->endpoint].stage : pw->nstages;

		cr_assert(!edge || is_edge, "%s: a vignette after an edge case", e->c->id);
		if (is_edge && !edge)
			stage = 0;
		edge = is_edge;
		cr_assert_geq(st, stage, "%s: its stage comes before the case above's", e->c->id);
		if (i > 0 && st == stage && (strncmp(lib.entries[i - 1].c->id, "edge-", 5) == 0) == is_edge)
			cr_assert_leq(strcasecmp(lib.entries[i - 1].c->title, e->c->title), 0, "%s: by title in its stage",
				      e->c->id);
		stage = st;
	}
	cr_assert_str_eq(lib.entries[0].c->id, "r2-inflammatory-pattern", "a red-flag case comes first (by title: 27 M)");
}
