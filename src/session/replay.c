/* SPDX-License-Identifier: Apache-2.0 */
/* Headless replay: answers come from a case file (or the variable's default), decisions take the
 * recommendation unless the case overrides them. It drives exactly the session API the screens use. */
#include "replay.h"

#include <stdlib.h>
#include <string.h>

#include "explain_words.h"
#include "strbuf.h"
#include "whatif.h"
#include "xalloc.h"

static void print_node(const struct session *s, FILE *f, bool ids)
{
	const struct pathway *pw = session_pathway(s);
	const struct pw_node *n = &pw->nodes[session_node(s)];
	size_t nw;
	const int *w = session_warnings(s, &nw);

	size_t ne;
	const int *e = session_evidence(s, &ne);

	fprintf(f, "\n[%s] %s", pw->stages[n->stage].label, n->title);
	fprintf(f, ids ? "  (%s)\n" : "\n", n->id);
	for (size_t i = 0; i < nw; i++) {
		const struct pw_warning *pw_w = &pw->warnings[w[i]];

		fprintf(f, "  %s %s", pathway_severity_label(pw_w->severity), pw_w->title);
		fprintf(f, ids ? "  (%s)\n" : "\n", pw_w->id);
	}
	for (size_t i = 0; i < ne; i++) {
		const struct pw_evidence *ev = &n->evidence[e[i]];

		fprintf(f, "  Evidence: %s\n", ev->note);
		for (size_t k = 0; k < ev->nrefs; k++)
			fprintf(f, "    [%s] %s\n", pw->refs[ev->refs[k]].id, pw->refs[ev->refs[k]].citation);
	}
}

static void print_candidates(const struct session *s, FILE *f, bool ids)
{
	struct session_candidate *c;
	size_t n = session_candidates(s, &c);

	for (size_t i = 0; i < n; i++) {
		fprintf(f, "  %s %s%s\n", c[i].recommended ? "*" : "-", c[i].label,
			c[i].recommended ? "  [recommended]" : "");
		if (!c[i].when)
			fprintf(f, "      (otherwise)\n");
		else if (ids)
			fprintf(f, "      condition: %s\n", c[i].when);
		explain_print(f, &c[i].why, 6, EXPLAIN_ALL_DEPTHS, ids);
	}
	session_candidates_free(c, n);
}

void replay_print_endpoint(const struct session *s, FILE *f)
{
	const struct pathway *pw = session_pathway(s);
	const struct pw_node *n = &pw->nodes[session_node(s)];
	size_t nw;
	const int *w = session_warnings_shown(s, &nw);

	struct whatif_change *c;
	size_t nc = session_would_change(s, &c);

	fprintf(f, "\nEndpoint: %s\n", n->title);
	session_print_plan(s, f, "  ");
	whatif_changes_print(f, pw, c, nc, "  ");
	whatif_changes_free(c, nc);
	if (nw > 0)
		fprintf(f, "Warnings shown on this path:\n");
	for (size_t i = 0; i < nw; i++)
		fprintf(f, "  %s %s: %s\n", pathway_severity_label(pw->warnings[w[i]].severity),
			pw->warnings[w[i]].title, session_shown_text(s, w[i])->text);
	fprintf(f, "\n%s\n", pw->disclaimer);
}

static const struct case_override *override_at(const struct casefile *c, int node)
{
	for (size_t i = 0; i < c->noverrides; i++)
		if (c->overrides[i].node == node)
			return &c->overrides[i];
	return NULL;
}

enum replay_status replay_answer_screen(struct session *s, const struct casefile *c, FILE *human,
					struct replay_result *out)
{
	const struct pathway *pw = session_pathway(s);
	const struct pw_node *n = &pw->nodes[session_node(s)];

	for (size_t i = 0; i < n->nask; i++) {
		int var = n->ask[i];
		struct value v = c->answers[var].type != TYPE_NONE ? c->answers[var] : session_initial_value(s, var);

		if (v.type == TYPE_NONE && pw->vars[var].optional)
			v = value_not_recorded(); /* an optional answer the case leaves out */
		if (!value_answered(&v)) {
			out->missing = var;
			out->message = xasprintf("%s: the case has no answer for '%s' (%s), which node '%s' asks, "
						 "and it has no default", c->file, pw->vars[var].id,
						 pw->vars[var].prompt, n->id);
			return REPLAY_STOPPED;
		}
		if (session_set_answer(s, var, v) != SESSION_OK) {
			out->message = xasprintf("%s: %s", c->file, session_message(s));
			return REPLAY_INVALID;
		}
		if (human) {
			char *text = pathway_format_value_unit(pw, var, &v);

			fprintf(human, "  %s: %s%s\n", pw->vars[var].prompt, text,
				c->answers[var].type != TYPE_NONE || v.not_recorded ? "" : " (default)");
			free(text);
		}
	}
	return REPLAY_COMPLETE;
}

static enum replay_status from_session(struct session *s, const struct casefile *c, enum session_status st,
				       struct replay_result *out)
{
	if (st == SESSION_OK)
		return REPLAY_COMPLETE;
	out->message = st == SESSION_JOURNAL ? xstrdup(session_message(s))
					     : xasprintf("%s: %s", c->file, session_message(s));
	return st == SESSION_JOURNAL ? REPLAY_JOURNAL : REPLAY_INVALID;
}

static enum replay_status step(struct session *s, const struct casefile *c, FILE *human, bool ids,
			       struct replay_result *out)
{
	const struct pathway *pw = session_pathway(s);
	int node = session_node(s);
	const struct case_override *o = override_at(c, node);
	enum replay_status rs = replay_answer_screen(s, c, human, out);

	if (rs != REPLAY_COMPLETE)
		return rs;
	if (pw->nodes[node].screen == SCREEN_DECISION && human)
		print_candidates(s, human, ids);
	if (o) {
		if (human)
			fprintf(human, "  -> override: %s (reason: %s)\n", pw->nodes[pw->nodes[node].next[o->transition].target].title,
				o->reason);
		return from_session(s, c, session_override(s, o->transition, o->reason), out);
	}
	return from_session(s, c, session_advance(s), out);
}

enum replay_status replay_run(const struct pathway *pw, const struct casefile *c, struct journal *j,
			      long today, FILE *human, struct replay_result *out)
{
	return replay_run_ids(pw, c, j, today, human, false, out);
}

enum replay_status replay_run_ids(const struct pathway *pw, const struct casefile *c, struct journal *j,
				  long today, FILE *human, bool ids, struct replay_result *out)
{
	struct session_info info = { .mode = "replay", .case_id = c->id };
	struct session *s = session_new(pw, j, &info, today);
	enum replay_status rs;

	memset(out, 0, sizeof(*out));
	out->missing = -1;
	out->session = s;
	out->today = today;
	if (human)
		fprintf(human, "Pathway: %s (%s %s)\nCase: %s%s%s\n", pw->title, pw->id, pw->version, c->id,
			c->title ? " - " : "", c->title ? c->title : "");
	rs = from_session(s, c, session_begin(s), out);
	/* No cycles (checked at load), so every step moves forward and the loop ends at an endpoint. */
	while (rs == REPLAY_COMPLETE && !session_at_endpoint(s)) {
		if (human)
			print_node(s, human, ids);
		rs = step(s, c, human, ids, out);
	}
	if (rs == REPLAY_COMPLETE) {
		if (human) {
			print_node(s, human, ids);
			replay_print_endpoint(s, human);
		}
		rs = from_session(s, c, session_finish(s), out);
	} else if (rs == REPLAY_STOPPED) {
		char *why = xasprintf("missing answer: %s", pw->vars[out->missing].id);

		session_interrupt(s, why);
		free(why);
	} else if (rs == REPLAY_INVALID) {
		session_interrupt(s, "invalid answer");
	}
	out->status = rs;
	return rs;
}

void replay_result_free(struct replay_result *r)
{
	session_free(r->session);
	free(r->message);
	memset(r, 0, sizeof(*r));
}

void replay_write_json(const struct pathway *pw, const struct casefile *c,
		       const struct replay_result *r, FILE *f)
{
	struct strbuf sb = STRBUF_INIT;
	const struct session *s = r->session;
	const struct value *answers = session_answers(s);
	size_t n;
	const int *ids;
	bool first = true;

	sb_append(&sb, "{\"pathway\":{\"id\":");
	sb_append_json_string(&sb, pw->id);
	sb_append(&sb, ",\"version\":");
	sb_append_json_string(&sb, pw->version);
	sb_append(&sb, ",\"sha256\":");
	sb_append_json_string(&sb, pw->sha256);
	sb_append(&sb, "},\"case\":");
	sb_append_json_string(&sb, c->id);
	sb_appendf(&sb, ",\"status\":\"%s\",\"endpoint\":", r->status == REPLAY_COMPLETE ? "complete" : "stopped");
	sb_append_json_string(&sb, r->status == REPLAY_COMPLETE ? pw->nodes[session_node(s)].id : NULL);
	sb_append(&sb, ",\"path\":[");
	ids = session_route(s, &n);
	for (size_t i = 0; i < n; i++) {
		sb_append(&sb, i ? "," : "");
		sb_append_json_string(&sb, pw->nodes[ids[i]].id);
	}
	sb_append(&sb, "],\"answers\":{");
	for (size_t v = 0; v < pw->nvars; v++) {
		char *text;

		if (answers[v].type == TYPE_NONE)
			continue;
		text = pathway_format_value_ids(pw, (int)v, &answers[v]);
		sb_append(&sb, first ? "" : ",");
		sb_append_json_string(&sb, pw->vars[v].id);
		sb_appendf(&sb, ":%s", text);
		free(text);
		first = false;
	}
	sb_append(&sb, "},\"warnings\":[");
	ids = session_warnings_shown(s, &n);
	for (size_t i = 0; i < n; i++) {
		sb_append(&sb, i ? "," : "");
		sb_append_json_string(&sb, pw->warnings[ids[i]].id);
	}
	sb_append(&sb, "],\"overrides\":[");
	for (size_t i = 0; i < session_override_count(s); i++) {
		int node, target;
		const char *reason;

		session_override_get(s, i, &node, &target, &reason);
		sb_append(&sb, i ? ",{\"node\":" : "{\"node\":");
		sb_append_json_string(&sb, pw->nodes[node].id);
		sb_append(&sb, ",\"goto\":");
		sb_append_json_string(&sb, pw->nodes[target].id);
		sb_append(&sb, ",\"reason\":");
		sb_append_json_string(&sb, reason);
		sb_append(&sb, "}");
	}
	sb_append(&sb, "],\"missing\":");
	sb_append_json_string(&sb, r->missing >= 0 ? pw->vars[r->missing].id : NULL);
	sb_append(&sb, ",\"what_if\":");
	if (r->status == REPLAY_COMPLETE) {
		struct whatif *w;
		size_t nw = whatif_compute(pw, c, r->today, session_node(s), &w);

		whatif_append_json(&sb, pw, w, nw);
		free(w);
	} else {
		sb_append(&sb, "[]");
	}
	sb_append(&sb, "}\n");
	fputs(sb_str(&sb), f);
	sb_free(&sb);
}
