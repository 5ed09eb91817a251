/* SPDX-License-Identifier: Apache-2.0 */
/* A warning's severity (issue 14, point 8): loading it (caution when absent, an unknown word an
 * error at the word), the session's order (urgent first, the journal in the order shown) and the
 * journal's "severity" key, and the strict check of a warning that does not say. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixtures.h"
#include "journal.h"
#include "lint.h"
#include "session.h"
#include "warning_fixture.h"

/* The warnings start on line 5 (warning_fixture.h), one a line. */
#define WARN(id, severity) \
	"{ id = \"" id "\"; title = \"" id "\"; " severity "when = \"endpoint\"; text = \"x\"; refs = [ \"r\" ]; }"

/* Advice, caution (unsaid), urgent, caution: in file order, so the session must reorder them. */
#define FOUR \
	"warnings = (\n" WARN("tip", "severity = \"advice\"; ") ",\n" WARN("plain", "") ",\n" \
	WARN("now", "severity = \"urgent\"; ") ",\n" WARN("careful", "severity = \"caution\"; ") " );"

static struct diag_list diags;
static struct pathway *pw;

static struct pathway *load(const char *text)
{
	diag_clear(&diags);
	pw = pathway_load_text("t.cfg", text, strlen(text), &diags);
	dump_diags(&diags);
	return pw;
}

static void teardown(void)
{
	pathway_free(pw);
	diag_clear(&diags);
	pw = NULL;
}

TestSuite(warning_severity, .fini = teardown);

Test(warning_severity, each_word_loads_and_an_absent_one_is_caution)
{
	cr_assert_not_null(load(HEAD FOUR TAIL));
	cr_assert_eq(pw->warnings[0].severity, PW_ADVICE);
	cr_assert_eq(pw->warnings[1].severity, PW_CAUTION);
	cr_assert(!pw->warnings[1].severity_given);
	cr_assert_eq(pw->warnings[2].severity, PW_URGENT);
	cr_assert(pw->warnings[2].severity_given);
	cr_assert_eq(pw->warnings[3].severity, PW_CAUTION);
	cr_assert(pw->warnings[3].severity_given);
	cr_assert_str_eq(pathway_severity_name(PW_URGENT), "urgent");
	cr_assert_str_eq(pathway_severity_name(PW_CAUTION), "caution");
	cr_assert_str_eq(pathway_severity_name(PW_ADVICE), "advice");
}

Test(warning_severity, an_unknown_word_is_an_error_at_the_word_with_a_suggestion)
{
	const char *text = HEAD "warnings = (\n" WARN("w", "severity = \"Urgent\"; ") " );" TAIL;
	const struct diag *d;

	cr_assert_null(load(text));
	cr_assert_eq(diags.count, 1);
	d = &diags.items[0];
	cr_assert_eq(d->line, 6);
	cr_assert_str_eq(d->message, "warning 'w': unknown severity 'Urgent' (urgent, caution or advice); "
			 "did you mean 'urgent'?");
	cr_assert_eq(d->column, (int)(strstr("{ id = \"w\"; title = \"w\"; severity = \"Urgent\"", "Urgent") -
				    "{ id = \"w\"; title = \"w\"; severity = \"Urgent\"") + 1);
	cr_assert_eq(d->width, 6);
	cr_assert_null(load(HEAD "warnings = (\n" WARN("w", "severity = 2; ") " );" TAIL));
	cr_assert(has_diag(&diags, 6, "'severity' must be a string"));
}

Test(warning_severity, the_session_shows_and_journals_urgent_first)
{
	char dir[] = "/tmp/pathwalk-wsev-XXXXXX", path[64], line[512];
	const char *want[] = { "now", "plain", "careful", "tip" };
	const char *want_sev[] = { "urgent", "caution", "caution", "advice" };
	struct journal *jr;
	struct session *s;
	const int *w;
	size_t nw, k = 0;
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/j.jsonl", dir);
	setenv("PATHWALK_NOW", "2025-03-06T10:00:00Z", 1);
	cr_assert_not_null(load(HEAD FOUR TAIL));
	jr = journal_create(path);
	cr_assert_not_null(jr);
	s = session_new(pw, jr, &(struct session_info){ .mode = "walk" }, 0);
	cr_assert_eq(session_begin(s), SESSION_OK, "%s", session_message(s));
	w = session_warnings(s, &nw);
	cr_assert_eq(nw, 4);
	for (size_t i = 0; i < nw; i++)
		cr_assert_str_eq(pw->warnings[w[i]].id, want[i]);
	session_free(s);
	journal_close(jr);
	f = fopen(path, "r");
	cr_assert_not_null(f);
	while (fgets(line, sizeof(line), f))
		if (strstr(line, "\"event\":\"warning\"")) {
			char id[64], sev[64];

			cr_assert_lt(k, 4);
			snprintf(id, sizeof(id), "\"warning\":\"%s\"", want[k]);
			snprintf(sev, sizeof(sev), "\"severity\":\"%s\"", want_sev[k]);
			cr_assert(strstr(line, id) && strstr(line, sev), "warning event %zu: %s", k, line);
			k++;
		}
	fclose(f);
	cr_assert_eq(k, 4);
	unlink(path);
	rmdir(dir);
}

Test(warning_severity, strict_check_asks_for_a_severity_where_none_is_given)
{
	const char *text = HEAD FOUR TAIL;
	struct lint_report report = { 0 };
	size_t found = 0;

	cr_assert_not_null(load(text));
	lint_pathway(pw, 0, text, strlen(text), &report);
	for (size_t i = 0; i < report.count; i++)
		if (strstr(report.items[i].message, "has no severity")) {
			cr_assert_eq(report.items[i].severity, LINT_WARNING);
			cr_assert_eq(report.items[i].line, 7);
			cr_assert(strstr(report.items[i].message, "warning 'plain' has no severity, so it is shown as a caution"));
			found++;
		}
	lint_report_free(&report);
	cr_assert_eq(found, 1);
}
