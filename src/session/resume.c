/* SPDX-License-Identifier: Apache-2.0 */
/* Rebuilds a session from its journal. Only the events that change the session's state are
 * replayed (answers, moves, overrides, going back); what the session derives from them (decisions,
 * warnings shown, the endpoint) is recomputed by the session itself, and a move that the pathway
 * would not make from the recorded answers is an error rather than something to paper over. */
#include "resume.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"
#include "strbuf.h"
#include "xalloc.h"

/* The override recorded just before the move it took; node is -1 when there is none. */
struct pending_override {
	int node, target;
	const char *reason; /* owned by the log */
};

struct replay {
	const struct pathway *pw;
	const struct journal_log *log;
	struct diag_list *diags;
	struct session *s;
	bool entered;       /* the first "node" event (the start node) was seen */
	struct pending_override override;
};

static const char *or_unknown(const char *s)
{
	return s ? s : "(unknown)";
}

/* The session was finished when its journal has an "end" event anywhere. */
static bool check_not_finished(const struct journal_log *log, struct diag_list *diags)
{
	for (size_t i = 0; i < log->count; i++)
		if (strcmp(log->events[i].event, "end") == 0) {
			diag_add(diags, log->file, log->events[i].line,
				 "the session was finished; there is nothing to resume");
			return false;
		}
	return true;
}

/* The journal must come from this very pathway file: same id and same sha256. */
static bool check_start(const struct pathway *pw, const struct journal_log *log, struct diag_list *diags)
{
	const struct journal_event *start = &log->events[0];
	const struct json *p = json_get(start->object, "pathway");
	const char *mode = json_get_string(start->object, "mode");
	const char *id = json_get_string(p, "id"), *sha = json_get_string(p, "sha256");

	if (mode && strcmp(mode, "train") == 0) {
		diag_add(diags, log->file, start->line,
			 "this is a training session; resuming training sessions is not supported");
		return false;
	}
	if (!id || !sha || strcmp(id, pw->id) != 0 || strcmp(sha, pw->sha256) != 0) {
		diag_add(diags, log->file, start->line,
			 "this session used pathway %s version %s (sha256 %s) but the pathway loaded is %s "
			 "version %s (sha256 %s)",
			 or_unknown(id), or_unknown(json_get_string(p, "version")), or_unknown(sha), pw->id,
			 or_unknown(pw->version), pw->sha256);
		return false;
	}
	return true;
}

static struct session *session_from_start(const struct pathway *pw, const struct json *start, long today)
{
	struct session_info info = {
		.mode = json_get_string(start, "mode"),
		.case_id = json_get_string(start, "case"),
		.clinician = json_get_string(start, "clinician"),
		.patient = json_get_string(start, "patient"),
		.trainee = json_get_string(start, "trainee"),
		.case_title = json_get_string(start, "case_title"),
	};

	return session_new(pw, NULL, &info, today);
}

/* Appends "FILE:LINE: the journal does not follow the pathway here (detail)"; frees detail. */
static bool off_path(struct replay *r, const struct journal_event *e, char *detail)
{
	diag_add(r->diags, r->log->file, e->line, "the journal does not follow the pathway here (%s)", detail);
	free(detail);
	return false;
}

static bool replay_answer(struct replay *r, const struct journal_event *e)
{
	const char *var_id = json_get_string(e->object, "var");
	const struct json *recorded = json_get(e->object, "value");
	int var = var_id ? pathway_find_variable(r->pw, var_id) : -1;
	struct value v;
	bool not_recorded = false;

	if (var < 0)
		return off_path(r, e, xasprintf("no variable '%s'", or_unknown(var_id)));
	json_get_bool(e->object, "not_recorded", &not_recorded);
	if (recorded && recorded->type == JSON_NULL && not_recorded) {
		if (session_set_answer(r->s, var, value_not_recorded()) != SESSION_OK)
			return off_path(r, e, xstrdup(session_message(r->s)));
		return true;
	}
	if (!recorded || recorded->type == JSON_NULL) {
		session_clear_answer(r->s, var);
		return true;
	}
	v = pathway_value_from_ids(r->pw, var, recorded);
	if (v.type == TYPE_NONE)
		return off_path(r, e, xasprintf("the value of %s is not a %s", var_id,
						value_type_name(r->pw->vars[var].type)));
	if (session_set_answer(r->s, var, v) != SESSION_OK)
		return off_path(r, e, xstrdup(session_message(r->s)));
	return true;
}

static bool replay_override(struct replay *r, const struct journal_event *e)
{
	const char *node_id = json_get_string(e->object, "node");
	const char *goto_id = json_get_string(e->object, "goto");

	r->override.node = node_id ? pathway_find_node(r->pw, node_id) : -1;
	r->override.target = goto_id ? pathway_find_node(r->pw, goto_id) : -1;
	r->override.reason = json_get_string(e->object, "reason");
	if (r->override.node < 0 || r->override.target < 0 || !r->override.reason)
		return off_path(r, e, xasprintf("an override from '%s' to '%s' that this pathway cannot take",
						or_unknown(node_id), or_unknown(goto_id)));
	return true;
}

/* Index of the transition of the current node that leads to target, or -1. */
static int transition_to(const struct replay *r, int target)
{
	const struct pw_node *n = &r->pw->nodes[session_node(r->s)];

	for (size_t i = 0; i < n->nnext; i++)
		if (n->next[i].target == target)
			return (int)i;
	return -1;
}

/* Takes the step the journal recorded: the remembered override if it leads there, else the
 * pathway's own choice, which must lead there too. */
static bool replay_node(struct replay *r, const struct journal_event *e)
{
	const char *node_id = json_get_string(e->object, "node");
	int target = node_id ? pathway_find_node(r->pw, node_id) : -1;
	int from = session_node(r->s), t = target >= 0 ? transition_to(r, target) : -1;
	const char *from_id = r->pw->nodes[from].id;
	bool overridden = r->override.node == from && r->override.target == target && t >= 0;
	enum session_status st;

	if (!r->entered) {
		r->entered = true;
		if (target != from)
			return off_path(r, e, xasprintf("it starts at '%s', the pathway at '%s'",
							or_unknown(node_id), from_id));
		return true;
	}
	if (t < 0)
		return off_path(r, e, xasprintf("no step leads from '%s' to '%s'", from_id, or_unknown(node_id)));
	st = overridden ? session_override(r->s, (size_t)t, r->override.reason) : session_advance(r->s);
	r->override.node = -1;
	if (st != SESSION_OK)
		return off_path(r, e, xasprintf("cannot leave '%s': %s", from_id, session_message(r->s)));
	if (session_node(r->s) != target)
		return off_path(r, e, xasprintf("from '%s' it went to '%s', the recorded answers lead to '%s'",
						from_id, node_id, r->pw->nodes[session_node(r->s)].id));
	return true;
}

static bool replay_back(struct replay *r, const struct journal_event *e)
{
	const char *to_id = json_get_string(e->object, "to");
	const char *from_id = r->pw->nodes[session_node(r->s)].id;

	r->override.node = -1;
	if (session_back(r->s) != SESSION_OK)
		return off_path(r, e, xasprintf("cannot go back from '%s': %s", from_id, session_message(r->s)));
	if (!to_id || pathway_find_node(r->pw, to_id) != session_node(r->s))
		return off_path(r, e, xasprintf("going back from '%s' leads to '%s', not '%s'", from_id,
						r->pw->nodes[session_node(r->s)].id, or_unknown(to_id)));
	return true;
}

/* Replays one event; events that the session derives itself, or that it does not know, are
 * skipped. */
static bool replay_event(struct replay *r, const struct journal_event *e)
{
	if (strcmp(e->event, "answer") == 0)
		return replay_answer(r, e);
	if (strcmp(e->event, "override") == 0)
		return replay_override(r, e);
	if (strcmp(e->event, "node") == 0)
		return replay_node(r, e);
	if (strcmp(e->event, "back") == 0)
		return replay_back(r, e);
	return true;
}

struct session *resume_session(const struct pathway *pw, const struct journal_log *log, long today,
			       struct diag_list *diags)
{
	struct replay r = { .pw = pw, .log = log, .diags = diags, .override = { -1, -1, NULL } };

	if (log->count == 0 || strcmp(log->events[0].event, "start") != 0) {
		diag_add(diags, log->file, 1, "the journal does not begin with a \"start\" event");
		return NULL;
	}
	if (!check_not_finished(log, diags) || !check_start(pw, log, diags))
		return NULL;
	r.s = session_from_start(pw, log->events[0].object, today);
	/* With no journal attached this records nothing; it marks the start node's warnings shown. */
	(void)session_begin(r.s);
	for (size_t i = 1; i < log->count; i++)
		if (!replay_event(&r, &log->events[i])) {
			session_free(r.s);
			return NULL;
		}
	return r.s;
}

struct journal *resume_open_journal(const char *path, const struct journal_log *log)
{
	long last = log->count > 0 ? log->events[log->count - 1].seq : 0;

	/* A journal without seq members was not written by pathwalk; number on from its count. */
	if (last < 0)
		last = (long)log->count;
	return journal_open_append(path, (unsigned long)last, log->valid_length, log->length);
}

enum session_status resume_record(struct session *s, const char *notice)
{
	struct strbuf sb = STRBUF_INIT;
	enum session_status st;

	sb_append(&sb, "{\"event\":\"resume\",\"node\":");
	sb_append_json_string(&sb, session_pathway(s)->nodes[session_node(s)].id);
	if (notice) {
		sb_append(&sb, ",\"notice\":");
		sb_append_json_string(&sb, notice);
	}
	sb_append(&sb, "}");
	st = session_journal_event(s, sb_str(&sb));
	sb_free(&sb);
	return st;
}
