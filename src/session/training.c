/* SPDX-License-Identifier: Apache-2.0 */
/* Training mode: choices committed before the reveal, compared with the pathway, timed, scored. */
#include "training.h"

#include <stdlib.h>

#include "clock.h"
#include "strbuf.h"
#include "xalloc.h"

struct training {
	struct session *s;
	const struct casefile *c;
	bool enter_findings;
	struct training_choice *choice; /* per node; valid where committed[node] */
	unsigned char *committed;
	time_t *shown_at;               /* per node; 0 until shown */
	struct session_candidate **cand; /* per node: the candidates as explained at the commit */
	size_t *ncand;
	unsigned char *compared;        /* per variable: journaled as a finding already */
	size_t findings_matched, findings_total;
};

struct training *training_new(struct session *s, const struct casefile *c, bool enter_findings)
{
	const struct pathway *pw = session_pathway(s);
	struct training *t = xcalloc(1, sizeof(*t));

	t->s = s;
	t->c = c;
	t->enter_findings = enter_findings;
	t->choice = xcalloc(pw->nnodes + 1, sizeof(*t->choice));
	t->committed = xcalloc(pw->nnodes + 1, 1);
	t->shown_at = xcalloc(pw->nnodes + 1, sizeof(*t->shown_at));
	t->cand = xcalloc(pw->nnodes + 1, sizeof(*t->cand));
	t->ncand = xcalloc(pw->nnodes + 1, sizeof(*t->ncand));
	t->compared = xcalloc(pw->nvars + 1, 1);
	return t;
}

void training_free(struct training *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < session_pathway(t->s)->nnodes; i++)
		session_candidates_free(t->cand[i], t->ncand[i]);
	free(t->cand);
	free(t->ncand);
	free(t->choice);
	free(t->committed);
	free(t->shown_at);
	free(t->compared);
	free(t);
}

struct session *training_session(const struct training *t)
{
	return t->s;
}

const struct casefile *training_case(const struct training *t)
{
	return t->c;
}

bool training_enters_findings(const struct training *t)
{
	return t->enter_findings;
}

void training_decision_shown(struct training *t)
{
	int node = session_node(t->s);

	if (!t->shown_at[node])
		t->shown_at[node] = clock_now();
}

const char *training_step_label(const struct pathway *pw, const struct pw_transition *tr)
{
	return tr->label ? tr->label : pw->nodes[tr->target].title;
}

static void append_member(struct strbuf *sb, const char *key, const char *value)
{
	sb_appendf(sb, ",\"%s\":", key);
	sb_append_json_string(sb, value);
}

static enum session_status journal_choice(struct training *t, const struct training_choice *ch)
{
	const struct pathway *pw = session_pathway(t->s);
	const struct pw_node *n = &pw->nodes[ch->node];
	struct strbuf sb = STRBUF_INIT;
	enum session_status st;

	sb_append(&sb, "{\"event\":\"choice\"");
	append_member(&sb, "node", n->id);
	append_member(&sb, "chosen", pw->nodes[n->next[ch->chosen].target].id);
	append_member(&sb, "chosen_label", training_step_label(pw, &n->next[ch->chosen]));
	append_member(&sb, "recommended", pw->nodes[n->next[ch->recommended].target].id);
	append_member(&sb, "recommended_label", training_step_label(pw, &n->next[ch->recommended]));
	sb_appendf(&sb, ",\"correct\":%s,\"seconds\":%ld}", ch->correct ? "true" : "false", ch->seconds);
	st = session_journal_event(t->s, sb_str(&sb));
	sb_free(&sb);
	return st;
}

enum session_status training_commit(struct training *t, size_t transition)
{
	const struct pathway *pw = session_pathway(t->s);
	int node = session_node(t->s);
	int recommended;
	struct training_choice *ch = &t->choice[node];

	if (pw->nodes[node].screen != SCREEN_DECISION || session_closed(t->s))
		return session_refuse(t->s, "there is no decision to commit to here");
	if (t->committed[node])
		return session_refuse(t->s, "you have already committed to a step here");
	if (transition >= pw->nodes[node].nnext)
		return session_refuse(t->s, "no such next step");
	recommended = session_recommended(t->s);
	if (recommended < 0)
		return session_refuse(t->s, "no next step applies here: the findings are incomplete");
	training_decision_shown(t);
	*ch = (struct training_choice){
		.node = node,
		.chosen = transition,
		.recommended = (size_t)recommended,
		.correct = transition == (size_t)recommended,
		.seconds = (long)(clock_now() - t->shown_at[node]),
	};
	if (ch->seconds < 0)
		ch->seconds = 0;
	t->committed[node] = 1;
	t->ncand[node] = session_candidates(t->s, &t->cand[node]);
	return journal_choice(t, ch);
}

const struct session_candidate *training_candidates_at(const struct training *t, int node, size_t *n)
{
	*n = training_choice_at(t, node) ? t->ncand[node] : 0;
	return *n ? t->cand[node] : NULL;
}

const struct training_choice *training_choice_at(const struct training *t, int node)
{
	return node >= 0 && t->committed[node] ? &t->choice[node] : NULL;
}

void training_score(const struct training *t, size_t *correct, size_t *total)
{
	size_t n;
	const int *route = session_route(t->s, &n);

	*correct = *total = 0;
	for (size_t i = 0; i < n; i++) {
		const struct training_choice *ch = training_choice_at(t, route[i]);

		if (!ch)
			continue;
		(*total)++;
		*correct += ch->correct;
	}
}

void training_findings_score(const struct training *t, size_t *matched, size_t *total)
{
	*matched = t->findings_matched;
	*total = t->findings_total;
}

/* Journals the comparison of the trainee's answer to var with the case's, with the screen's confirmation. */
static enum session_status journal_finding(struct training *t, int var, const struct value *entered, bool match)
{
	const struct pathway *pw = session_pathway(t->s);
	const struct value *expected = &t->c->answers[var];
	struct strbuf sb = STRBUF_INIT;
	char *ids[2] = { pathway_format_value_ids(pw, var, entered), pathway_format_value_ids(pw, var, expected) };
	char *text[2] = { pathway_format_value(pw, var, entered), pathway_format_value(pw, var, expected) };
	enum session_status st;

	sb_append(&sb, "{\"event\":\"finding\"");
	append_member(&sb, "node", pw->nodes[session_node(t->s)].id);
	append_member(&sb, "var", pw->vars[var].id);
	sb_appendf(&sb, ",\"entered\":%s", ids[0]);
	append_member(&sb, "entered_text", text[0]);
	sb_appendf(&sb, ",\"expected\":%s", ids[1]);
	append_member(&sb, "expected_text", text[1]);
	sb_appendf(&sb, ",\"match\":%s}", match ? "true" : "false");
	st = session_stage_event(t->s, sb_str(&sb));
	for (int i = 0; i < 2; i++) {
		free(ids[i]);
		free(text[i]);
	}
	sb_free(&sb);
	return st;
}

size_t training_check_findings(struct training *t, char **summary, enum session_status *st)
{
	const struct pathway *pw = session_pathway(t->s);
	const struct pw_node *n = &pw->nodes[session_node(t->s)];
	struct strbuf sb = STRBUF_INIT;
	size_t differ = 0;

	*st = SESSION_OK;
	for (size_t i = 0; i < n->nask; i++) {
		int var = n->ask[i];
		const struct value *expected = &t->c->answers[var];
		struct value entered = *session_answer(t->s, var);
		bool match;

		if (expected->type == TYPE_NONE)
			continue; /* the case does not say: the trainee's answer stands */
		match = value_equal(&entered, expected);
		if (t->enter_findings && !t->compared[var]) {
			t->compared[var] = 1;
			t->findings_total++;
			t->findings_matched += match;
			if (entered.type != TYPE_NONE) {
				enum session_status fs = journal_finding(t, var, &entered, match);

				*st = fs > *st ? fs : *st;
			}
		}
		if (match)
			continue;
		if (entered.type != TYPE_NONE) {
			char *mine = pathway_format_value(pw, var, &entered);
			char *theirs = pathway_format_value(pw, var, expected);

			sb_appendf(&sb, "%s%s: you entered %s, the case says %s", differ ? "; " : "", pw->vars[var].prompt,
				   mine, theirs);
			free(mine);
			free(theirs);
			differ++;
		}
		session_set_answer(t->s, var, *expected);
	}
	*summary = differ ? sb_take(&sb) : NULL;
	sb_free(&sb);
	return differ;
}

enum session_status training_finish(struct training *t)
{
	struct strbuf sb = STRBUF_INIT;
	enum session_status st;
	size_t correct, total;

	if (!session_at_endpoint(t->s) || session_closed(t->s))
		return session_finish(t->s); /* refuses with its own message */
	training_score(t, &correct, &total);
	sb_appendf(&sb, "{\"event\":\"score\",\"correct\":%zu,\"total\":%zu", correct, total);
	if (t->enter_findings)
		sb_appendf(&sb, ",\"findings_matched\":%zu,\"findings_total\":%zu", t->findings_matched,
			   t->findings_total);
	sb_append(&sb, "}");
	st = session_stage_event(t->s, sb_str(&sb));
	sb_free(&sb);
	/* Finish even when the score could not be written: the journal keeps what it could not write. */
	if (session_finish(t->s) == SESSION_JOURNAL)
		st = SESSION_JOURNAL;
	return st;
}
