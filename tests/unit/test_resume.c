#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, setenv */
#endif
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixtures.h"
#include "journal.h"
#include "journal_read.h"
#include "resume.h"
#include "session.h"
#include "xalloc.h"

static char dir[] = "/tmp/pathwalk-resume-XXXXXX";
static char path[sizeof dir + 32];
static struct pathway *pw;
static struct session *orig;  /* the interrupted session, kept to compare with */
static struct session *back_; /* the resumed one */
static struct journal_log log_;
static struct diag_list diags;

static int var(const char *id)
{
	return pathway_find_variable(pw, id);
}

static int node(const char *id)
{
	return pathway_find_node(pw, id);
}

static long day(const char *text)
{
	long d = 0;

	cr_assert_eq(date_parse(text, &d), 0);
	return d;
}

static void setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/session.jsonl", dir);
	setenv("PATHWALK_NOW", "2024-03-01T10:00:00Z", 1);
	pw = load_fixture(FIXTURE("mini.cfg"));
}

static void teardown(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char entry[sizeof dir + 300];

	session_free(orig);
	session_free(back_);
	journal_log_free(&log_);
	diag_clear(&diags);
	pathway_free(pw);
	while (d && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(entry, sizeof entry, "%s/%s", dir, e->d_name);
			unlink(entry);
		}
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

TestSuite(resume, .init = setup, .fini = teardown);

/* Returns the whole file as a string; the caller frees it. */
static char *slurp(const char *name)
{
	FILE *f = fopen(name, "rb");
	char *buf;
	long size;

	cr_assert_not_null(f, "cannot open %s", name);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)size + 1);
	cr_assert_eq(fread(buf, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	return buf;
}

static void append_to_file(const char *name, const char *text)
{
	FILE *f = fopen(name, "a");

	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

/* Starts a journaled session on pw; the caller closes the returned journal. */
static struct journal *start_walk(const char *mode)
{
	struct session_info info = { .mode = mode, .case_id = "c1", .clinician = "Dr Q", .patient = "P-7",
				     .case_title = "A case" };
	struct journal *j = journal_create(path);

	cr_assert_not_null(j);
	orig = session_new(pw, j, &info, day("2024-03-01"));
	cr_assert_eq(session_begin(orig), SESSION_OK);
	return j;
}

/* Answers the first screen so that the decision recommends "high". */
static void answer_screen(void)
{
	cr_assert_eq(session_set_answer(orig, var("score"), value_int(6)), SESSION_OK);
	cr_assert_eq(session_set_answer(orig, var("flag"), value_bool(true)), SESSION_OK);
	cr_assert_eq(session_set_answer(orig, var("kind"), value_choice(0)), SESSION_OK);
	cr_assert_eq(session_set_answer(orig, var("signs"), value_set(5)), SESSION_OK);
	cr_assert_eq(session_set_answer(orig, var("seen"), session_initial_value(orig, var("seen"))), SESSION_OK);
	cr_assert_eq(session_set_answer(orig, var("last"), value_date(day("2024-02-28"))), SESSION_OK);
}

/* Walks to the decision, goes back and revises the score (now recommending "many"), returns to
 * the decision; with override, overrides to "low". Then the walk is interrupted. */
static void walk_and_interrupt(bool override)
{
	struct journal *j = start_walk("walk");

	answer_screen();
	cr_assert_eq(session_advance(orig), SESSION_OK);
	cr_assert_eq(session_back(orig), SESSION_OK);
	cr_assert_eq(session_set_answer(orig, var("score"), value_int(2)), SESSION_OK);
	cr_assert_eq(session_advance(orig), SESSION_OK);
	cr_assert_eq(session_recommended(orig), 1);
	if (override)
		cr_assert_eq(session_override(orig, 2, "patient prefers the low road"), SESSION_OK);
	cr_assert_eq(session_interrupt(orig, "quit"), SESSION_OK);
	cr_assert_eq(journal_close(j), 0);
}

static void read_journal(void)
{
	cr_assert_eq(journal_read_file(path, &log_, &diags), 0);
}

static void resume(void)
{
	read_journal();
	back_ = resume_session(pw, &log_, day("2024-03-02"), &diags);
	dump_diags(&diags);
	cr_assert_not_null(back_);
	cr_assert_eq(diags.count, 0);
}

static void expect_same_ints(const int *a, size_t na, const int *b, size_t nb, const char *what)
{
	cr_assert_eq(na, nb, "%s: %zu vs %zu", what, na, nb);
	for (size_t i = 0; i < na; i++)
		cr_assert_eq(a[i], b[i], "%s[%zu]", what, i);
}

static void expect_same_state(void)
{
	const int *a, *b;
	size_t na, nb;

	cr_assert_eq(session_node(back_), session_node(orig));
	cr_assert_not(session_closed(back_));
	for (size_t v = 0; v < pw->nvars; v++)
		cr_assert(value_equal(session_answer(back_, (int)v), session_answer(orig, (int)v)),
			  "answer of %s", pw->vars[v].id);
	a = session_route(back_, &na);
	b = session_route(orig, &nb);
	expect_same_ints(a, na, b, nb, "route");
	a = session_route_via(back_, &na);
	b = session_route_via(orig, &nb);
	expect_same_ints(a, na, b, nb, "route_via");
	a = session_warnings_shown(back_, &na);
	b = session_warnings_shown(orig, &nb);
	expect_same_ints(a, na, b, nb, "warnings shown");
	cr_assert_eq(session_override_count(back_), session_override_count(orig));
	for (size_t i = 0; i < session_override_count(orig); i++) {
		int n1, t1, n2, t2;
		const char *r1, *r2;

		session_override_get(back_, i, &n1, &t1, &r1);
		session_override_get(orig, i, &n2, &t2, &r2);
		cr_assert_eq(n1, n2);
		cr_assert_eq(t1, t2);
		cr_assert_str_eq(r1, r2);
	}
}

/* Attaches the journal continued from the file and records the resume event. */
static struct journal *continue_journal(const char *notice)
{
	struct journal *j = resume_open_journal(path, &log_);

	cr_assert_not_null(j, "resume_open_journal: %s", strerror(errno));
	session_attach_journal(back_, j);
	cr_assert_eq(resume_record(back_, notice), SESSION_OK);
	return j;
}

/* Rereads the journal and checks seq 1..n without a gap; returns the log in log_. */
static void expect_consecutive_seq(void)
{
	journal_log_free(&log_);
	read_journal();
	cr_assert_eq(log_.notices.count, 0);
	for (size_t i = 0; i < log_.count; i++)
		cr_assert_eq(log_.events[i].seq, (long)i + 1, "line %d", log_.events[i].line);
}

static const struct journal_event *find_event(const char *name)
{
	for (size_t i = 0; i < log_.count; i++)
		if (strcmp(log_.events[i].event, name) == 0)
			return &log_.events[i];
	return NULL;
}

Test(resume, rebuilds_answers_route_override_and_warnings)
{
	size_t n;

	walk_and_interrupt(true);
	resume();
	cr_assert_eq(session_node(back_), node("low"));
	cr_assert_eq(session_override_count(back_), 1);
	cr_assert_eq(session_answer(back_, var("score"))->u.i, 2);
	session_warnings_shown(back_, &n);
	cr_assert_eq(n, 2); /* flagged, always_end */
	expect_same_state();
}

/* The resumed session writes the same start event: it kept who and what the session is about. */
Test(resume, keeps_who_and_what_the_start_event_records)
{
	const struct journal_event *start;
	struct journal *j;

	walk_and_interrupt(false);
	resume();
	journal_log_free(&log_);
	cr_assert_eq(unlink(path), 0);
	j = journal_create(path);
	cr_assert_not_null(j);
	session_attach_journal(back_, j);
	cr_assert_eq(session_begin(back_), SESSION_OK);
	journal_close(j);
	read_journal();
	start = &log_.events[0];
	cr_assert_str_eq(json_get_string(start->object, "mode"), "walk");
	cr_assert_str_eq(json_get_string(start->object, "case"), "c1");
	cr_assert_str_eq(json_get_string(start->object, "clinician"), "Dr Q");
	cr_assert_str_eq(json_get_string(start->object, "patient"), "P-7");
	cr_assert_str_eq(json_get_string(start->object, "case_title"), "A case");
}

Test(resume, continues_to_an_endpoint_in_the_same_file)
{
	const struct journal_event *e;
	struct journal *j;
	char *text;

	walk_and_interrupt(true);
	resume();
	j = continue_journal(NULL);
	cr_assert_eq(session_finish(back_), SESSION_OK);
	cr_assert_eq(journal_close(j), 0);
	expect_consecutive_seq();
	e = find_event("resume");
	cr_assert_not_null(e);
	cr_assert_str_eq(json_get_string(e->object, "node"), "low");
	cr_assert_null(json_get(e->object, "notice"));
	cr_assert_str_eq(log_.events[log_.count - 1].event, "end");
	text = slurp(path);
	cr_assert(strstr(text, "\"event\":\"interrupted\",\"node\":\"low\",\"reason\":\"quit\",\"action_end\":true}\n"
			       "{\"seq\":"), "the resume follows the interruption");
	free(text);
}

/* Confirmed answers are restored too: a change after resuming is journaled as a revision. */
Test(resume, a_change_after_resuming_is_a_revision)
{
	const struct journal_event *e = NULL;
	const struct json *previous;
	bool revised = false;
	struct journal *j;

	walk_and_interrupt(false);
	resume();
	cr_assert_eq(session_node(back_), node("choose"));
	expect_same_state();
	j = continue_journal(NULL);
	cr_assert_eq(session_back(back_), SESSION_OK);
	cr_assert_eq(session_set_answer(back_, var("score"), value_int(9)), SESSION_OK);
	cr_assert_eq(session_advance(back_), SESSION_OK);
	cr_assert_eq(session_advance(back_), SESSION_OK);
	cr_assert_eq(session_node(back_), node("high"));
	cr_assert_eq(session_finish(back_), SESSION_OK);
	journal_close(j);
	expect_consecutive_seq();
	for (size_t i = 0; i < log_.count; i++)
		if (strcmp(log_.events[i].event, "answer") == 0)
			e = &log_.events[i];
	cr_assert_not_null(e);
	cr_assert_str_eq(json_get_string(e->object, "var"), "score");
	cr_assert(json_get_bool(e->object, "revised", &revised));
	cr_assert(revised);
	previous = json_get(e->object, "previous");
	cr_assert_not_null(previous);
	cr_assert_eq(previous->integer, 2);
}

Test(resume, an_override_after_resuming_is_journaled)
{
	const struct journal_event *e;
	struct journal *j;

	walk_and_interrupt(false);
	resume();
	j = continue_journal(NULL);
	cr_assert_eq(session_override(back_, 2, "frail"), SESSION_OK);
	cr_assert_eq(session_finish(back_), SESSION_OK);
	journal_close(j);
	expect_consecutive_seq();
	e = find_event("override");
	cr_assert_not_null(e);
	cr_assert_str_eq(json_get_string(e->object, "reason"), "frail");
	cr_assert_gt(e->seq, find_event("resume")->seq);
}

/* A session interrupted twice resumes twice, each time from the whole file. */
Test(resume, resumes_a_journal_that_was_resumed_before)
{
	struct journal *j;

	walk_and_interrupt(false);
	resume();
	j = continue_journal(NULL);
	cr_assert_eq(session_override(back_, 2, "frail"), SESSION_OK);
	cr_assert_eq(session_interrupt(back_, "SIGHUP"), SESSION_OK);
	journal_close(j);
	session_free(orig);
	orig = back_;
	back_ = NULL;
	journal_log_free(&log_);
	resume();
	expect_same_state();
	cr_assert_eq(session_node(back_), node("low"));
}

Test(resume, refuses_another_version_of_the_pathway_naming_both)
{
	char *text = slurp(FIXTURE("mini.cfg"));
	char *version = strstr(text, "version = \"0.1\"");
	struct pathway *other;
	char sha[65];

	walk_and_interrupt(false);
	cr_assert_not_null(version);
	version[strlen("version = \"0.")] = '2';
	other = pathway_load_text("mini-0.2.cfg", text, strlen(text), &diags);
	free(text);
	cr_assert_not_null(other);
	strcpy(sha, pw->sha256);
	read_journal();
	cr_assert_null(resume_session(other, &log_, day("2024-03-02"), &diags));
	cr_assert_eq(diags.count, 1);
	cr_assert_str_eq(diags.items[0].file, path);
	cr_assert_eq(diags.items[0].line, 1);
	text = xasprintf("this session used pathway mini version 0.1 (sha256 %s) but the pathway loaded "
			 "is mini version 0.2 (sha256 %s)", sha, other->sha256);
	cr_assert_str_eq(diags.items[0].message, text);
	free(text);
	pathway_free(other);
}

Test(resume, refuses_a_finished_session)
{
	struct journal *j = start_walk("walk");

	answer_screen();
	cr_assert_eq(session_advance(orig), SESSION_OK);
	cr_assert_eq(session_advance(orig), SESSION_OK);
	cr_assert_eq(session_finish(orig), SESSION_OK);
	journal_close(j);
	read_journal();
	cr_assert_null(resume_session(pw, &log_, day("2024-03-02"), &diags));
	cr_assert_eq(diags.count, 1);
	cr_assert_eq(diags.items[0].line, log_.events[log_.count - 1].line);
	cr_assert_str_eq(diags.items[0].message, "the session was finished; there is nothing to resume");
}

Test(resume, refuses_a_training_session)
{
	struct journal *j = start_walk("train");

	cr_assert_eq(session_interrupt(orig, "quit"), SESSION_OK);
	journal_close(j);
	read_journal();
	cr_assert_null(resume_session(pw, &log_, day("2024-03-02"), &diags));
	cr_assert_eq(diags.count, 1);
	cr_assert_eq(diags.items[0].line, 1);
	cr_assert(strstr(diags.items[0].message, "training"), "%s", diags.items[0].message);
	cr_assert(strstr(diags.items[0].message, "not supported"), "%s", diags.items[0].message);
}

/* Rewrites the journal with the node id of the nth "node" event replaced (same length, padded
 * with spaces after the closing quote). */
static void edit_node_event(int nth, const char *from, const char *to)
{
	char *text = slurp(path), *at = text, *id;
	size_t len = strlen(from);
	FILE *f;

	for (int i = 0; i < nth; i++) {
		at = strstr(at + 1, "\"event\":\"node\",\"node\":\"");
		cr_assert_not_null(at);
	}
	id = at + strlen("\"event\":\"node\",\"node\":\"");
	cr_assert_eq(strncmp(id, from, len), 0);
	cr_assert_leq(strlen(to), len);
	memset(id, ' ', len + 1);
	memcpy(id, to, strlen(to));
	id[strlen(to)] = '"';
	cr_assert_not_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
	free(text);
}

/* A journal edited to say the walk went where no step leads. */
Test(resume, refuses_a_journal_that_does_not_follow_the_pathway)
{
	walk_and_interrupt(false);
	edit_node_event(3, "choose", "many"); /* screen, choose, then choose again after going back */
	read_journal();
	cr_assert_null(resume_session(pw, &log_, day("2024-03-02"), &diags));
	cr_assert_eq(diags.count, 1);
	cr_assert_str_eq(diags.items[0].message, "the journal does not follow the pathway here "
						 "(no step leads from 'screen' to 'many')");
}

/* A journal edited to say the walk went another way than its recorded answers lead. */
Test(resume, refuses_a_step_that_the_answers_do_not_lead_to)
{
	struct journal *j = start_walk("walk");

	answer_screen();
	cr_assert_eq(session_set_answer(orig, var("score"), value_int(2)), SESSION_OK);
	cr_assert_eq(session_advance(orig), SESSION_OK);
	cr_assert_eq(session_advance(orig), SESSION_OK);
	cr_assert_eq(session_node(orig), node("many"));
	cr_assert_eq(session_interrupt(orig, "quit"), SESSION_OK);
	journal_close(j);
	edit_node_event(3, "many", "low");
	read_journal();
	cr_assert_null(resume_session(pw, &log_, day("2024-03-02"), &diags));
	cr_assert_eq(diags.count, 1);
	cr_assert_str_eq(diags.items[0].message, "the journal does not follow the pathway here "
						 "(from 'choose' it went to 'low', the recorded answers lead to 'many')");
}

Test(resume, a_torn_last_line_is_dropped_with_the_notice)
{
	const struct journal_event *e;
	struct journal *j;
	char *before, *after;
	long last_seq;

	walk_and_interrupt(true);
	before = slurp(path);
	append_to_file(path, "{\"seq\":99,\"time\":\"2024-03-01T10:00:00Z\",\"event\":\"no");
	resume();
	cr_assert_eq(log_.notices.count, 1);
	cr_assert_eq(log_.valid_length, strlen(before));
	last_seq = log_.events[log_.count - 1].seq;
	expect_same_state();
	j = continue_journal(log_.notices.items[0].message);
	after = slurp(path);
	cr_assert_eq(strncmp(after, before, strlen(before)), 0);
	cr_assert_null(strstr(after, "\"seq\":99"));
	journal_close(j);
	free(before);
	free(after);
	expect_consecutive_seq();
	e = &log_.events[log_.count - 1];
	cr_assert_str_eq(e->event, "resume");
	cr_assert_eq(e->seq, last_seq + 1);
	cr_assert_str_eq(json_get_string(e->object, "notice"),
			 "last line is incomplete (the session was interrupted while writing); ignored");
}
