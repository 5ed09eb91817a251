/* SPDX-License-Identifier: Apache-2.0 */
/* The session state machine. Every state change goes through here, and every change that matters
 * to the record is journaled before the call returns: the events of one call (one user action)
 * are built with record() and written together, with one write and one fdatasync, by commit(). */
#include "session.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "explain_words.h"
#include "journal.h"
#include "json.h"
#include "session_rules.h"
#include "session_state.h"
#include "strbuf.h"
#include "whatif_memo.h"
#include "xalloc.h"

static struct expr_env env_of(const struct session *s)
{
	struct expr_env env = {
		.pw = s->pw,
		.answers = s->answers,
		.derived = s->derived,
		.node = session_node(s),
		.at_endpoint = session_at_endpoint(s),
	};
	return env;
}

static bool is_true(const struct expr *e, const struct expr_env *env)
{
	struct value v = expr_eval(e, env);

	return v.type == TYPE_BOOL && v.u.b;
}

/* Recomputes derived values, and the warnings and evidence that apply at the current node. */
static void refresh(struct session *s)
{
	const struct pathway *pw = s->pw;
	const struct pw_node *n = &pw->nodes[session_node(s)];
	struct expr_env env;

	for (size_t i = 0; i < pw->nderived; i++)
		s->derived[i] = value_unknown();
	env = env_of(s);
	for (size_t i = 0; i < pw->nderived; i++)
		s->derived[i] = expr_eval(pw->derived[i].expr, &env);
	s->nwarnings_now = 0;
	for (int sev = PW_URGENT; sev <= PW_ADVICE; sev++) /* the most severe first, then file order */
		for (size_t i = 0; i < pw->nwarnings; i++)
			if (pw->warnings[i].severity == (enum pw_severity)sev && is_true(pw->warnings[i].when, &env))
				s->warnings_now[s->nwarnings_now++] = (int)i;
	s->nevidence_now = 0;
	for (size_t i = 0; i < n->nevidence; i++)
		if (!n->evidence[i].when || is_true(n->evidence[i].when, &env))
			s->evidence_now[s->nevidence_now++] = (int)i;
}

static void set_message(struct session *s, char *message)
{
	free(s->message);
	s->message = message;
}

/* Adds one event to the action being built; SESSION_JOURNAL with a message when it cannot be. */
static enum session_status record(struct session *s, struct strbuf *event)
{
	enum session_status st = SESSION_OK;

	if (s->journal && journal_stage(s->journal, sb_str(event)) != 0) {
		set_message(s, xasprintf("cannot write the session log %s: %s", journal_path(s->journal),
					 strerror(errno)));
		st = SESSION_JOURNAL;
	}
	sb_free(event);
	return st;
}

/* Writes the action built since the last commit; SESSION_JOURNAL with a message when it cannot be
 * (the journal keeps it in memory). st is what building it returned. */
static enum session_status commit(struct session *s, enum session_status st)
{
	if (s->journal && journal_commit(s->journal) != 0) {
		set_message(s, xasprintf("cannot write the session log %s: %s", journal_path(s->journal),
					 strerror(errno)));
		return SESSION_JOURNAL;
	}
	return st;
}

static enum session_status worst(enum session_status a, enum session_status b)
{
	return a > b ? a : b;
}

static void event_open(struct strbuf *sb, const char *name)
{
	sb_append(sb, "{\"event\":");
	sb_append_json_string(sb, name);
}

static void event_string(struct strbuf *sb, const char *key, const char *value)
{
	sb_appendf(sb, ",\"%s\":", key);
	sb_append_json_string(sb, value);
}

struct session *session_new(const struct pathway *pw, struct journal *journal,
			    const struct session_info *info, long today)
{
	struct session *s = xcalloc(1, sizeof(*s));
	size_t max_evidence = 0;

	s->pw = pw;
	s->journal = journal;
	s->today = today;
	if (info) {
		s->mode = info->mode ? xstrdup(info->mode) : NULL;
		s->case_id = info->case_id ? xstrdup(info->case_id) : NULL;
		s->clinician = info->clinician ? xstrdup(info->clinician) : NULL;
		s->patient = info->patient ? xstrdup(info->patient) : NULL;
		s->trainee = info->trainee ? xstrdup(info->trainee) : NULL;
		s->case_title = info->case_title ? xstrdup(info->case_title) : NULL;
		s->set_title = info->set_title ? xstrdup(info->set_title) : NULL;
		s->set_position = info->set_title ? info->set_position : 0;
		s->set_count = info->set_title ? info->set_count : 0;
	}
	s->answers = xcalloc(pw->nvars + 1, sizeof(*s->answers));
	s->confirmed = xcalloc(pw->nvars + 1, sizeof(*s->confirmed));
	s->derived = xcalloc(pw->nderived + 1, sizeof(*s->derived));
	s->warnings_now = xcalloc(pw->nwarnings + 1, sizeof(*s->warnings_now));
	s->shown = xcalloc(pw->nwarnings + 1, sizeof(*s->shown));
	s->wtext = shown_texts_new(pw);
	s->would_change = whatif_memo_new(pw);
	for (size_t i = 0; i < pw->nnodes; i++)
		if (pw->nodes[i].nevidence > max_evidence)
			max_evidence = pw->nodes[i].nevidence;
	s->evidence_now = xcalloc(max_evidence + 1, sizeof(*s->evidence_now));
	s->route = xgrow(NULL, &s->route_cap, 16, sizeof(*s->route));
	s->route[0] = (struct route_step){ pw->start, 0, 0 };
	s->route_nodes = xgrow(NULL, &s->route_nodes_cap, 16, sizeof(*s->route_nodes));
	s->route_nodes[0] = pw->start;
	s->route_via = xgrow(NULL, &s->route_via_cap, 16, sizeof(*s->route_via));
	s->route_via[0] = -1;
	s->nroute = 1;
	refresh(s);
	return s;
}

/* Journals entering the current node and the warnings first shown there or whose text changed. */
static enum session_status enter_node(struct session *s)
{
	const struct pathway *pw = s->pw;
	const struct pw_node *n = &pw->nodes[session_node(s)];
	enum session_status st;
	struct strbuf sb = STRBUF_INIT;

	refresh(s);
	st = SESSION_OK; /* no journal: no event to build */
	if (s->journal) {
		event_open(&sb, "node");
		event_string(&sb, "node", n->id);
		event_string(&sb, "stage", pw->stages[n->stage].id);
		event_string(&sb, "title", n->title);
		session_evidence_json(s, &sb);
		sb_append(&sb, "}");
		st = record(s, &sb);
	}
	for (size_t i = 0; i < s->nwarnings_now; i++) {
		int w = s->warnings_now[i];
		enum shown_change change = shown_text_update(&s->wtext[w], s, w);

		if (change == SHOWN_FIRST)
			s->shown[s->nshown++] = w;
		if (change == SHOWN_SAME || !s->journal) /* no journal: no event to build */
			continue;
		event_open(&sb, "warning");
		event_string(&sb, "node", n->id);
		session_warning_json(s, w, &sb);
		sb_append(&sb, "}");
		st = worst(st, record(s, &sb));
	}
	return st;
}

enum session_status session_begin(struct session *s)
{
	const struct pathway *pw = s->pw;
	struct strbuf sb = STRBUF_INIT;
	char today[DATE_TEXT_SIZE];
	enum session_status st;

	if (!s->journal) /* nothing to record: skip building the event */
		return commit(s, enter_node(s));
	date_format(s->today, today);
	event_open(&sb, "start");
	event_string(&sb, "mode", s->mode ? s->mode : "walk");
	sb_append(&sb, ",\"pathway\":{\"id\":");
	sb_append_json_string(&sb, pw->id);
	event_string(&sb, "title", pw->title);
	event_string(&sb, "version", pw->version);
	event_string(&sb, "review_date", pw->review_date);
	event_string(&sb, "sha256", pw->sha256);
	event_string(&sb, "file", pw->file);
	sb_append(&sb, "}");
	event_string(&sb, "case", s->case_id);
	event_string(&sb, "clinician", s->clinician);
	event_string(&sb, "patient", s->patient);
	if (s->case_title)
		event_string(&sb, "case_title", s->case_title);
	if (s->trainee)
		event_string(&sb, "trainee", s->trainee);
	if (s->set_title) {
		sb_append(&sb, ",\"set\":{\"title\":");
		sb_append_json_string(&sb, s->set_title);
		sb_appendf(&sb, ",\"position\":%zu,\"count\":%zu}", s->set_position, s->set_count);
	}
	event_string(&sb, "today", today);
	sb_append(&sb, "}");
	st = record(s, &sb);
	return commit(s, worst(st, enter_node(s)));
}

void session_free(struct session *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->noverrides; i++)
		free(s->overrides[i].reason);
	free(s->overrides);
	free(s->mode);
	free(s->case_id);
	free(s->clinician);
	free(s->patient);
	free(s->trainee);
	free(s->case_title);
	free(s->set_title);
	free(s->answers);
	free(s->confirmed);
	free(s->derived);
	free(s->route);
	free(s->route_nodes);
	free(s->route_via);
	free(s->warnings_now);
	free(s->evidence_now);
	free(s->shown);
	shown_texts_free(s->wtext, s->pw->nwarnings);
	whatif_memo_free(s->would_change);
	free(s->message);
	free(s);
}

struct value session_initial_value(const struct session *s, int var)
{
	struct expr_env env = env_of(s);

	return rules_initial_value(&env, var, s->today);
}

enum session_status session_set_answer(struct session *s, int var, struct value v)
{
	char *problem;

	if (var < 0 || (size_t)var >= s->pw->nvars) {
		set_message(s, xstrdup("no such variable"));
		return SESSION_INVALID;
	}
	problem = session_check_value(s->pw, var, &v);
	if (problem) {
		set_message(s, problem);
		return SESSION_INVALID;
	}
	s->answers[var] = v;
	refresh(s);
	return SESSION_OK;
}

void session_clear_answer(struct session *s, int var)
{
	if (var >= 0 && (size_t)var < s->pw->nvars) {
		s->answers[var] = value_unknown();
		refresh(s);
	}
}

/* Describes the values of the variables a constraint reads, for a message naming the fields. */
static char *describe_fields(const struct session *s, const struct pw_constraint *c)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < c->nvars; i++) {
		char *text = pathway_format_value(s->pw, c->vars[i], &s->answers[c->vars[i]]);

		sb_appendf(&sb, "%s%s = %s", i ? ", " : "", s->pw->vars[c->vars[i]].id, text);
		free(text);
	}
	return sb_take(&sb);
}

/* Checks what confirming the current screen requires; sets the message and returns false if not. */
static bool screen_acceptable(struct session *s)
{
	const struct pathway *pw = s->pw;
	const struct pw_node *n = &pw->nodes[session_node(s)];
	struct expr_env env = env_of(s);

	for (size_t i = 0; i < n->nask; i++)
		if (!value_answered(&s->answers[n->ask[i]])) {
			set_message(s, xasprintf("%s: please answer this question (%s)",
						 pw->vars[n->ask[i]].prompt, pw->vars[n->ask[i]].id));
			return false;
		}
	int broken = rules_broken_constraint(&env, 0);

	if (broken >= 0) {
		char *fields = describe_fields(s, &pw->constraints[broken]);

		set_message(s, xasprintf("%s (%s)", pw->constraints[broken].message, fields));
		free(fields);
		return false;
	}
	return true;
}

/* Journals every asked answer that is new or changed since it was last confirmed. */
static enum session_status confirm_answers(struct session *s)
{
	const struct pathway *pw = s->pw;
	const struct pw_node *n = &pw->nodes[session_node(s)];
	enum session_status st = SESSION_OK;

	for (size_t i = 0; i < n->nask; i++) {
		int var = n->ask[i];
		bool revised = value_answered(&s->confirmed[var]);
		struct strbuf sb = STRBUF_INIT;
		char *ids, *text;

		if ((revised && value_equal(&s->confirmed[var], &s->answers[var])) || !s->journal) {
			s->confirmed[var] = s->answers[var]; /* no journal: no event to build */
			continue;
		}
		ids = pathway_format_value_ids(pw, var, &s->answers[var]);
		text = pathway_format_value_unit(pw, var, &s->answers[var]);
		event_open(&sb, "answer");
		event_string(&sb, "node", n->id);
		event_string(&sb, "var", pw->vars[var].id);
		sb_appendf(&sb, ",\"value\":%s", ids);
		if (s->answers[var].not_recorded)
			sb_append(&sb, ",\"not_recorded\":true");
		event_string(&sb, "text", text);
		event_string(&sb, "prompt", pw->vars[var].prompt);
		free(ids);
		free(text);
		if (revised) {
			ids = pathway_format_value_ids(pw, var, &s->confirmed[var]);
			sb_appendf(&sb, ",\"revised\":true,\"previous\":%s", ids);
			free(ids);
		} else {
			sb_append(&sb, ",\"revised\":false");
		}
		sb_append(&sb, "}");
		s->confirmed[var] = s->answers[var];
		st = worst(st, record(s, &sb));
	}
	return st;
}

/* Journals the choice of transition t (recommended or overridden), with explanations. */
static enum session_status record_decision(struct session *s, size_t t, int recommended, const char *reason)
{
	const struct pathway *pw = s->pw;
	const struct pw_node *n = &pw->nodes[session_node(s)];
	const struct pw_transition *tr = &n->next[t];
	struct expr_env env = env_of(s);
	struct strbuf sb = STRBUF_INIT;
	struct expr_explanation x = { 0 };

	if (!s->journal)
		return SESSION_OK; /* nothing to record: skip building the event */
	event_open(&sb, reason ? "override" : "decision");
	event_string(&sb, "node", n->id);
	event_string(&sb, "goto", pw->nodes[tr->target].id);
	event_string(&sb, "label", tr->label ? tr->label : pw->nodes[tr->target].title);
	event_string(&sb, "recommended", recommended >= 0 ? pw->nodes[n->next[recommended].target].id : NULL);
	sb_appendf(&sb, ",\"accepted\":%s", reason ? "false" : "true");
	event_string(&sb, "condition", tr->when_source);
	if (tr->when) {
		expr_explain(tr->when, &env, &x);
		explain_json(&sb, "explanation", &x);
		expr_explanation_free(&x);
	} else {
		sb_append(&sb, ",\"explanation\":[]");
	}
	if (reason) {
		const struct pw_transition *rec = recommended >= 0 ? &n->next[recommended] : NULL;

		event_string(&sb, "reason", reason);
		event_string(&sb, "recommended_condition", rec ? rec->when_source : NULL);
		if (rec && rec->when) {
			expr_explain(rec->when, &env, &x);
			explain_json(&sb, "recommended_explanation", &x);
			expr_explanation_free(&x);
		}
	}
	sb_append(&sb, "}");
	return record(s, &sb);
}

int session_recommended(const struct session *s)
{
	struct expr_env env = env_of(s);

	return rules_recommended(&env);
}

static void push_route(struct session *s, size_t via)
{
	int node = s->pw->nodes[session_node(s)].next[via].target;

	s->route = xgrow(s->route, &s->route_cap, s->nroute + 1, sizeof(*s->route));
	s->route_nodes = xgrow(s->route_nodes, &s->route_nodes_cap, s->nroute + 1, sizeof(*s->route_nodes));
	s->route_via = xgrow(s->route_via, &s->route_via_cap, s->nroute + 1, sizeof(*s->route_via));
	s->route_nodes[s->nroute] = node;
	s->route_via[s->nroute] = (int)via;
	s->route[s->nroute++] = (struct route_step){ node, s->nshown, s->noverrides };
}

/* Shared by advance and override: validates, journals the answers and the decision, moves on. */
static enum session_status take(struct session *s, size_t t, const char *reason)
{
	const struct pw_node *n = &s->pw->nodes[session_node(s)];
	enum session_status st;
	int recommended;

	if (s->closed) {
		set_message(s, xstrdup("the session is closed"));
		return SESSION_INVALID;
	}
	if (n->nnext == 0) {
		set_message(s, xstrdup("this is an endpoint: finish the session instead"));
		return SESSION_INVALID;
	}
	if (!screen_acceptable(s))
		return SESSION_INVALID;
	recommended = session_recommended(s);
	if (recommended < 0) {
		set_message(s, xstrdup("no next step applies here"));
		return SESSION_INVALID;
	}
	if (reason && (size_t)recommended == t)
		reason = NULL;
	st = confirm_answers(s);
	if (reason || n->screen == SCREEN_DECISION || n->nnext > 1)
		st = worst(st, record_decision(s, reason ? t : (size_t)recommended, recommended, reason));
	if (reason) {
		s->overrides = xgrow(s->overrides, &s->overrides_cap, s->noverrides + 1, sizeof(*s->overrides));
		s->overrides[s->noverrides++] = (struct override){ session_node(s), n->next[t].target, recommended,
								   xstrdup(reason) };
	}
	push_route(s, reason ? t : (size_t)recommended);
	return commit(s, worst(st, enter_node(s)));
}

enum session_status session_advance(struct session *s)
{
	return take(s, 0, NULL);
}

enum session_status session_override(struct session *s, size_t transition, const char *reason)
{
	char *refusal = rules_override_refusal(s->pw, session_node(s), transition, session_recommended(s), reason);

	if (refusal) {
		set_message(s, refusal);
		return SESSION_INVALID;
	}
	return take(s, transition, reason);
}

enum session_status session_back(struct session *s)
{
	const struct pathway *pw = s->pw;
	struct route_step popped;
	struct strbuf sb = STRBUF_INIT;

	if (s->closed || s->nroute < 2) {
		set_message(s, xstrdup(s->closed ? "the session is closed" : "this is the first screen"));
		return SESSION_INVALID;
	}
	popped = s->route[--s->nroute];
	for (size_t i = popped.shown_before; i < s->nshown; i++)
		shown_text_forget(&s->wtext[s->shown[i]]);
	s->nshown = popped.shown_before;
	while (s->noverrides > popped.overrides_before)
		free(s->overrides[--s->noverrides].reason);
	/* An override taken at the node we return to is undone too: it will be decided again. */
	while (s->noverrides > s->route[s->nroute - 1].overrides_before &&
	       s->overrides[s->noverrides - 1].node == session_node(s))
		free(s->overrides[--s->noverrides].reason);
	refresh(s);
	event_open(&sb, "back");
	event_string(&sb, "from", pw->nodes[popped.node].id);
	event_string(&sb, "to", pw->nodes[session_node(s)].id);
	sb_append(&sb, "}");
	return commit(s, record(s, &sb));
}

enum session_status session_finish(struct session *s)
{
	const struct pathway *pw = s->pw;
	const struct pw_node *n = &pw->nodes[session_node(s)];
	struct strbuf sb = STRBUF_INIT;
	enum session_status st;
	char *text;

	if (s->closed || !session_at_endpoint(s)) {
		set_message(s, xstrdup(s->closed ? "the session is closed" : "the walk has not reached an endpoint"));
		return SESSION_INVALID;
	}
	st = SESSION_OK; /* no journal: the endpoint event (with its what_if) is not built */
	if (s->journal) {
		event_open(&sb, "endpoint");
		event_string(&sb, "node", n->id);
		event_string(&sb, "title", n->title);
		text = n->recommendation ? session_render_text(s, n->recommendation) : NULL;
		event_string(&sb, "recommendation", text);
		free(text);
		session_plan_json(s, &sb);
		sb_append(&sb, ",\"warnings\":[");
		for (size_t i = 0; i < s->nshown; i++) {
			sb_append(&sb, i ? "," : "");
			sb_append_json_string(&sb, pw->warnings[s->shown[i]].id);
		}
		sb_append(&sb, "]}");
		st = record(s, &sb);
	}
	event_open(&sb, "end");
	sb_append(&sb, "}");
	s->closed = s->finished = true;
	return commit(s, worst(st, record(s, &sb)));
}

void session_attach_journal(struct session *s, struct journal *j)
{
	s->journal = j;
}

enum session_status session_refuse(struct session *s, const char *message)
{
	set_message(s, xstrdup(message));
	return SESSION_INVALID;
}

enum session_status session_stage_event(struct session *s, const char *event_json)
{
	struct strbuf sb = STRBUF_INIT;

	sb_append(&sb, event_json);
	return record(s, &sb);
}

enum session_status session_journal_event(struct session *s, const char *event_json)
{
	return commit(s, session_stage_event(s, event_json));
}

enum session_status session_interrupt(struct session *s, const char *why)
{
	struct strbuf sb = STRBUF_INIT;

	if (s->closed)
		return SESSION_OK;
	event_open(&sb, "interrupted");
	event_string(&sb, "node", s->pw->nodes[session_node(s)].id);
	event_string(&sb, "reason", why);
	sb_append(&sb, "}");
	s->closed = true;
	return commit(s, record(s, &sb));
}

size_t session_candidates(const struct session *s, struct session_candidate **out)
{
	const struct pathway *pw = s->pw;
	const struct pw_node *n = &pw->nodes[session_node(s)];
	struct expr_env env = env_of(s);
	int recommended = session_recommended(s);
	struct session_candidate *c = xcalloc(n->nnext + 1, sizeof(*c));

	for (size_t i = 0; i < n->nnext; i++) {
		const struct pw_transition *t = &n->next[i];

		c[i].transition = i;
		c[i].target = t->target;
		c[i].label = t->label ? t->label : pw->nodes[t->target].title;
		c[i].when = t->when_source;
		if (t->when)
			expr_explain(t->when, &env, &c[i].why);
		else
			c[i].why.result = value_bool(true);
		c[i].recommended = (int)i == recommended;
	}
	*out = c;
	return n->nnext;
}

void session_candidates_free(struct session_candidate *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++)
		expr_explanation_free(&c[i].why);
	free(c);
}

