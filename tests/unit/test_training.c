/* Training over the session engine: commit, verdict, score, findings compared, journal events. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casefile.h"
#include "clock.h"
#include "fixtures.h"
#include "journal.h"
#include "session.h"
#include "training.h"

static struct pathway *pw;
static struct casefile *c;
static struct journal *j;
static struct session *s;
static char dir[] = "/tmp/pathwalk-training-XXXXXX";
static char path[256];

static int var(const char *id)
{
	return pathway_find_variable(pw, id);
}

static long day(const char *text)
{
	long d = 0;

	cr_assert_eq(date_parse(text, &d), 0);
	return d;
}

/* A case whose route recommends "high": score 6, kind a. */
static void setup(void)
{
	struct session_info info = { .mode = "train", .case_id = "c1", .trainee = "ada" };

	pw = load_fixture(FIXTURE("mini.cfg"));
	c = casefile_new(pw, "c1.cfg", "c1");
	c->answers[var("score")] = value_int(6);
	c->answers[var("flag")] = value_bool(false);
	c->answers[var("kind")] = value_choice(0);
	c->answers[var("signs")] = value_set(0);
	c->answers[var("seen")] = value_date(day("2024-03-01"));
	c->answers[var("last")] = value_date(day("2024-02-01"));
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.jsonl", dir);
	j = journal_create(path);
	cr_assert_not_null(j);
	s = session_new(pw, j, &info, day("2024-03-01"));
	cr_assert_eq(session_begin(s), SESSION_OK);
}

static void teardown(void)
{
	session_free(s);
	journal_close(j);
	unlink(path);
	rmdir(dir);
	casefile_free(c);
	pathway_free(pw);
}

static char *journal_text(void)
{
	FILE *f = fopen(path, "r");
	char *text = calloc(1, 65536);

	cr_assert_not_null(f);
	cr_assert(fread(text, 1, 65535, f) > 0 || !ferror(f));
	fclose(f);
	return text;
}

static void fill_from_case(void)
{
	const struct pw_node *n = &pw->nodes[session_node(s)];

	for (size_t i = 0; i < n->nask; i++)
		cr_assert_eq(session_set_answer(s, n->ask[i], c->answers[n->ask[i]]), SESSION_OK);
}

TestSuite(training, .init = setup, .fini = teardown);

Test(training, a_wrong_choice_is_scored_and_the_route_stays_the_pathways)
{
	struct training *t = training_new(s, c, false);
	size_t correct, total;

	fill_from_case();
	cr_assert_eq(training_commit(t, 0), SESSION_INVALID, "no decision on a question screen");
	cr_assert_eq(session_advance(s), SESSION_OK);
	training_decision_shown(t);
	cr_assert_eq(training_commit(t, 2), SESSION_OK);
	cr_assert_eq(training_commit(t, 0), SESSION_INVALID, "one commit per decision");
	cr_assert_not(training_choice_at(t, session_node(s))->correct);
	cr_assert_eq(training_choice_at(t, session_node(s))->recommended, 0);
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(session_node(s), pathway_find_node(pw, "high"), "the walk follows the pathway");
	training_score(t, &correct, &total);
	cr_assert_eq(correct, 0);
	cr_assert_eq(total, 1);
	cr_assert_eq(training_finish(t), SESSION_OK);
	cr_assert(session_closed(s));
	char *text = journal_text();
	cr_assert(strstr(text, "\"event\":\"choice\",\"node\":\"choose\",\"chosen\":\"low\",\"chosen_label\":\"Low road\","
			       "\"recommended\":\"high\",\"recommended_label\":\"High road\",\"correct\":false"));
	cr_assert(strstr(text, "\"event\":\"score\",\"correct\":0,\"total\":1}"));
	cr_assert(strstr(text, "\"trainee\":\"ada\""));
	cr_assert(strstr(text, "\"event\":\"score\"") < strstr(text, "\"event\":\"endpoint\""), "score before the end");
	free(text);
	training_free(t);
}

Test(training, a_right_choice_scores_and_going_back_does_not_ask_again)
{
	struct training *t = training_new(s, c, false);
	size_t correct, total;

	fill_from_case();
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_eq(training_commit(t, 0), SESSION_OK);
	cr_assert(training_choice_at(t, session_node(s))->correct);
	cr_assert_eq(session_back(s), SESSION_OK);
	cr_assert_eq(session_advance(s), SESSION_OK);
	cr_assert_not_null(training_choice_at(t, session_node(s)), "the choice is kept");
	cr_assert_eq(training_commit(t, 1), SESSION_INVALID);
	training_score(t, &correct, &total);
	cr_assert_eq(correct, 1);
	cr_assert_eq(total, 1);
	training_free(t);
}

Test(training, entered_findings_are_compared_once_and_replaced_by_the_case)
{
	struct training *t = training_new(s, c, true);
	enum session_status st;
	char *summary = NULL;
	size_t matched, total;

	fill_from_case();
	cr_assert_eq(session_set_answer(s, var("score"), value_int(2)), SESSION_OK);
	cr_assert_eq(training_check_findings(t, &summary, &st), 1);
	cr_assert_eq(st, SESSION_OK);
	cr_assert_str_eq(summary, "Score: you entered 2, the case says 6");
	free(summary);
	cr_assert_eq(session_answer(s, var("score"))->u.i, 6, "the case's value is filled in");
	cr_assert_eq(training_check_findings(t, &summary, &st), 0, "a second look finds nothing new");
	cr_assert_null(summary);
	training_findings_score(t, &matched, &total);
	cr_assert_eq(total, 6);
	cr_assert_eq(matched, 5);
	char *text = journal_text();
	cr_assert_null(strstr(text, "\"event\":\"finding\""), "a finding waits for the screen's confirmation");
	free(text);
	cr_assert_eq(session_advance(s), SESSION_OK);
	text = journal_text();
	/* Written with the confirmation, in the same action: not the action's last line. */
	cr_assert(strstr(text, "\"event\":\"finding\",\"node\":\"screen\",\"var\":\"score\",\"entered\":2,"
			       "\"entered_text\":\"2\",\"expected\":6,\"expected_text\":\"6\",\"match\":false}\n"));
	free(text);
	training_free(t);
}

Test(training, prefilled_answers_changed_by_the_trainee_are_put_back)
{
	struct training *t = training_new(s, c, false);
	enum session_status st;
	char *summary = NULL;
	size_t matched, total;

	fill_from_case();
	cr_assert_eq(session_set_answer(s, var("kind"), value_choice(1)), SESSION_OK);
	cr_assert_eq(training_check_findings(t, &summary, &st), 1);
	cr_assert_not_null(strstr(summary, "you entered Kind B, the case says Kind A"));
	free(summary);
	cr_assert_eq(session_answer(s, var("kind"))->u.choice, 0);
	training_findings_score(t, &matched, &total);
	cr_assert_eq(total, 0, "no findings are scored when they were pre-filled");
	char *text = journal_text();
	cr_assert_null(strstr(text, "\"event\":\"finding\""));
	free(text);
	training_free(t);
}

Test(training, the_time_to_commit_is_measured_from_the_first_showing)
{
	struct training *t = training_new(s, c, false);

	fill_from_case();
	cr_assert_eq(session_advance(s), SESSION_OK);
	setenv("PATHWALK_NOW", "2024-03-01T10:00:00Z", 1);
	cr_assert_eq(clock_init(), 0);
	training_decision_shown(t);
	setenv("PATHWALK_NOW", "2024-03-01T10:00:30Z", 1);
	cr_assert_eq(clock_init(), 0);
	training_decision_shown(t); /* shown again (a redraw, a return): the first showing counts */
	setenv("PATHWALK_NOW", "2024-03-01T10:01:12Z", 1);
	cr_assert_eq(clock_init(), 0);
	cr_assert_eq(training_commit(t, 0), SESSION_OK);
	cr_assert_eq(training_choice_at(t, session_node(s))->seconds, 72);
	char *text = journal_text();
	cr_assert(strstr(text, "\"correct\":true,\"seconds\":72,\"action_end\":true}"));
	free(text);
	training_free(t);
}
