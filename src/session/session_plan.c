/* SPDX-License-Identifier: Apache-2.0 */
/* What a screen shows, as the journal records it: which items of an endpoint's `actions` and
 * `document` apply with the answers given (the endpoint event), and which references the
 * evidence shown on a screen cites (the node event), and what a warning showed (the warning event),
 * so that a log cites only what was shown. */
#include <stdlib.h>
#include <string.h>

#include "session.h"
#include "whatif.h"
#include "strbuf.h"
#include "xalloc.h"

size_t session_plan_shown(const struct session *s, const struct pw_plan *plan, int *out)
{
	struct expr_env env = {
		.pw = session_pathway(s),
		.answers = session_answers(s),
		.derived = session_derived(s),
		.node = session_node(s),
		.at_endpoint = session_at_endpoint(s),
	};
	size_t n = 0;

	for (size_t i = 0; i < plan->nitems; i++) {
		struct value v = plan->items[i].when ? expr_eval(plan->items[i].when, &env) : value_bool(true);

		if (v.type == TYPE_BOOL && v.u.b)
			out[n++] = (int)i;
	}
	return n;
}

static void plan_json(const struct session *s, const struct pw_plan *plan, const char *key, struct strbuf *sb)
{
	const struct pathway *pw = session_pathway(s);
	int *shown = xcalloc(plan->nitems + 1, sizeof(*shown));
	size_t n = session_plan_shown(s, plan, shown);

	sb_appendf(sb, ",\"%s\":[", key);
	for (size_t i = 0; i < n; i++) {
		const struct pw_plan_item *it = &plan->items[shown[i]];
		char *text = session_render_text(s, it->text);

		sb_append(sb, i ? ",{\"text\":" : "{\"text\":");
		sb_append_json_string(sb, text);
		sb_append(sb, ",\"refs\":[");
		for (size_t k = 0; k < it->nrefs; k++) {
			sb_append(sb, k ? "," : "");
			sb_append_json_string(sb, pw->refs[it->refs[k]].id);
		}
		sb_append(sb, "]}");
		free(text);
	}
	sb_append(sb, "]");
	free(shown);
}

void session_plan_json(const struct session *s, struct strbuf *sb)
{
	const struct pw_node *n = &session_pathway(s)->nodes[session_node(s)];

	struct whatif_change *c;
	size_t nc = session_would_change(s, &c);

	plan_json(s, &n->actions, "actions", sb);
	plan_json(s, &n->document, "document", sb);
	whatif_changes_json(sb, session_pathway(s), c, nc);
	whatif_changes_free(c, nc);
}

void session_evidence_json(const struct session *s, struct strbuf *sb)
{
	const struct pathway *pw = session_pathway(s);
	const struct pw_node *n = &pw->nodes[session_node(s)];
	unsigned char *cited = xcalloc(pw->nrefs + 1, 1);
	size_t ne, count = 0;
	const int *e = session_evidence(s, &ne);

	sb_append(sb, ",\"evidence_refs\":[");
	for (size_t i = 0; i < ne; i++)
		for (size_t k = 0; k < n->evidence[e[i]].nrefs; k++) {
			int r = n->evidence[e[i]].refs[k];

			if (cited[r])
				continue;
			cited[r] = 1;
			sb_append(sb, count++ ? "," : "");
			sb_append_json_string(sb, pw->refs[r].id);
		}
	sb_append(sb, "]");
	free(cited);
}

void session_warning_json(const struct session *s, int w, struct strbuf *sb)
{
	const struct pw_warning *pw_w = &session_pathway(s)->warnings[w];

	sb_append(sb, ",\"warning\":");
	sb_append_json_string(sb, pw_w->id);
	sb_append(sb, ",\"title\":");
	sb_append_json_string(sb, pw_w->title);
	sb_appendf(sb, ",\"severity\":\"%s\",\"text\":", pathway_severity_name(pw_w->severity));
	sb_append_json_string(sb, session_shown_text(s, w)->text);
}

char *session_warning_text(const struct session *s, int w, unsigned char *seen)
{
	const struct pw_plan *text = &session_pathway(s)->warnings[w].text;
	int *shown = xcalloc(text->nitems + 1, sizeof(*shown));
	size_t n = session_plan_shown(s, text, shown);
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < n; i++) {
		char *item = session_render_text(s, text->items[shown[i]].text);

		sb_append(&sb, i ? " " : "");
		sb_append(&sb, item);
		free(item);
		if (seen)
			seen[shown[i]] = 1;
	}
	free(shown);
	return sb_take(&sb);
}

struct shown_text *shown_texts_new(const struct pathway *pw)
{
	struct shown_text *t = xcalloc(pw->nwarnings + 1, sizeof(*t));

	for (size_t i = 0; i < pw->nwarnings; i++)
		t[i].seen = xcalloc(pw->warnings[i].text.nitems + 1, 1);
	return t;
}

void shown_texts_free(struct shown_text *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(t[i].text);
		free(t[i].seen);
	}
	free(t);
}

enum shown_change shown_text_update(struct shown_text *t, const struct session *s, int w)
{
	char *text = session_warning_text(s, w, t->seen);
	enum shown_change change = !t->text ? SHOWN_FIRST : strcmp(text, t->text) ? SHOWN_CHANGED : SHOWN_SAME;

	if (change == SHOWN_SAME) {
		free(text);
		return change;
	}
	free(t->text);
	t->text = text;
	return change;
}

void shown_text_forget(struct shown_text *t)
{
	free(t->text);
	t->text = NULL;
}
