/* SPDX-License-Identifier: Apache-2.0 */
/* The JSON log, for other tools: one object with the header, the outcome, the warnings shown (with
 * their text when the pathway is available), the references, the disclaimer and every event as
 * read from the journal. Strings keep their content, but every control character is \u-escaped
 * (json_append_string), so the output is safe to print and always valid JSON. */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "render.h"
#include "report_model.h"
#include "strbuf.h"

static void key(struct strbuf *out, bool *first, const char *name)
{
	if (!*first)
		sb_append_char(out, ',');
	*first = false;
	json_append_string(out, name);
	sb_append_char(out, ':');
}

static void str(struct strbuf *out, bool *first, const char *name, const char *value)
{
	key(out, first, name);
	json_append_string(out, value);
}

static const char *status_id(enum report_status st)
{
	switch (st) {
	case REPORT_COMPLETE: return "complete";
	case REPORT_INTERRUPTED: return "interrupted";
	case REPORT_UNFINISHED: break;
	}
	return "unfinished";
}

/* A plan as recorded: [{"text": ..., "refs": [...]}], or null for a journal without it. */
static void plan(struct strbuf *out, bool *first, const char *name, const struct report_plan *p)
{
	key(out, first, name);
	if (!p->recorded) {
		sb_append(out, "null");
		return;
	}
	sb_append_char(out, '[');
	for (size_t i = 0; i < p->count; i++) {
		bool inner = true;

		sb_append(out, i ? ",{" : "{");
		str(out, &inner, "text", p->items[i].text);
		key(out, &inner, "refs");
		sb_append_char(out, '[');
		for (size_t k = 0; k < p->items[i].nrefs; k++) {
			sb_append(out, k ? "," : "");
			json_append_string(out, p->items[i].refs[k]);
		}
		sb_append(out, "]}");
	}
	sb_append_char(out, ']');
}

static void header(struct strbuf *out, const struct report *r, bool *first)
{
	bool inner = true;

	key(out, first, "pathway");
	sb_append_char(out, '{');
	str(out, &inner, "id", r->pathway_id);
	str(out, &inner, "title", r->title);
	str(out, &inner, "version", r->version);
	str(out, &inner, "review_date", r->review_date);
	str(out, &inner, "sha256", r->sha256);
	str(out, &inner, "file", r->pathway_file);
	key(out, &inner, "available");
	sb_append(out, r->pw ? "true" : "false");
	str(out, &inner, "notice", r->pathway_notice);
	str(out, &inner, "scope", r->pw ? r->pw->scope : NULL);
	key(out, &inner, "choices");
	sb_append_char(out, '[');
	for (size_t i = 0; r->pw && i < r->pw->nchoices; i++) {
		sb_append(out, i ? "," : "");
		json_append_string(out, r->pw->choices[i]);
	}
	sb_append(out, "]}");

	key(out, first, "session");
	sb_append_char(out, '{');
	inner = true;
	str(out, &inner, "journal", r->log->file);
	str(out, &inner, "mode", r->mode);
	str(out, &inner, "case", r->case_id);
	str(out, &inner, "clinician", r->clinician);
	str(out, &inner, "patient", r->patient);
	str(out, &inner, "today", r->today);
	str(out, &inner, "started", r->started);
	str(out, &inner, "ended", r->ended);
	str(out, &inner, "status", status_id(r->status));
	str(out, &inner, "interrupted_node", r->interrupted_node);
	str(out, &inner, "interrupted_reason", r->interrupted_reason);
	sb_append_char(out, '}');

	key(out, first, "notices");
	sb_append_char(out, '[');
	for (size_t i = 0; i < r->log->notices.count; i++) {
		inner = true;
		sb_append(out, i ? ",{" : "{");
		key(out, &inner, "line");
		sb_appendf(out, "%d", r->log->notices.items[i].line);
		str(out, &inner, "message", r->log->notices.items[i].message);
		sb_append_char(out, '}');
	}
	sb_append_char(out, ']');
}

/* The digest of the journal's last line, and why its integrity was not verified (null when it was). */
static void integrity(struct strbuf *out, const struct report *r, bool *first)
{
	char *problem = report_integrity_text(r);

	str(out, first, "journal_digest", r->log->digest);
	str(out, first, "integrity_not_verified", problem);
	free(problem);
}

static void outcome(struct strbuf *out, const struct report *r, bool *first)
{
	bool inner = true, any = false;

	key(out, first, "endpoint");
	for (size_t i = 0; i < r->nitems && !any; i++) {
		const struct report_item *it = &r->items[i];

		if (it->kind != ITEM_ENDPOINT)
			continue;
		any = true;
		sb_append_char(out, '{');
		str(out, &inner, "node", it->node);
		str(out, &inner, "title", it->u.endpoint.title);
		str(out, &inner, "recommendation", it->u.endpoint.recommendation);
		plan(out, &inner, "actions", &it->u.endpoint.actions);
		plan(out, &inner, "document", &it->u.endpoint.document);
		str(out, &inner, "time", it->time);
		sb_append_char(out, '}');
	}
	if (!any)
		sb_append(out, "null");

	key(out, first, "warnings");
	sb_append_char(out, '[');
	any = false;
	for (size_t i = 0; i < r->nitems; i++) {
		const struct report_item *it = &r->items[i];

		if (it->kind != ITEM_WARNING)
			continue;
		sb_append(out, any ? ",{" : "{");
		any = true;
		inner = true;
		str(out, &inner, "id", it->u.warning.id);
		str(out, &inner, "title", it->u.warning.title);
		str(out, &inner, "text", it->u.warning.text);
		str(out, &inner, "node", it->node);
		str(out, &inner, "time", it->time);
		sb_append_char(out, '}');
	}
	sb_append_char(out, ']');

	key(out, first, "references");
	if (!r->pw) {
		sb_append(out, "null");
	} else {
		sb_append_char(out, '[');
		for (size_t i = 0; i < r->nrefs; i++) {
			sb_append(out, i ? ",{" : "{");
			inner = true;
			str(out, &inner, "id", r->refs[i].id);
			str(out, &inner, "citation", r->refs[i].citation);
			sb_append_char(out, '}');
		}
		sb_append_char(out, ']');
	}
	str(out, first, "disclaimer", r->disclaimer);
	integrity(out, r, first);
}

static void num(struct strbuf *out, bool *first, const char *name, long value)
{
	key(out, first, name);
	if (value < 0)
		sb_append(out, "null");
	else
		sb_appendf(out, "%ld", value);
}

/* Training sessions only (other logs keep their format): the debrief the other formats show. */
static void training(struct strbuf *out, const struct report *r, bool *first)
{
	bool inner = true;

	key(out, first, "training");
	sb_append_char(out, '{');
	str(out, &inner, "trainee", r->trainee);
	str(out, &inner, "case_title", r->case_title);
	num(out, &inner, "score_correct", r->score ? r->score->u.score.correct : -1);
	num(out, &inner, "score_total", r->score ? r->score->u.score.total : -1);
	num(out, &inner, "decisions_correct", (long)r->decisions_correct);
	num(out, &inner, "decisions", (long)r->ndebrief);
	num(out, &inner, "findings_matched", (long)r->findings_matched);
	num(out, &inner, "findings", (long)r->nfindings);
	key(out, &inner, "debrief");
	sb_append_char(out, '[');
	for (size_t i = 0; i < r->ndebrief; i++) {
		const struct report_item *it = r->debrief[i];
		bool row = true;

		sb_append(out, i ? ",{" : "{");
		str(out, &row, "node", it->node);
		str(out, &row, "title", it->u.choice.title);
		str(out, &row, "chosen", it->u.choice.chosen);
		str(out, &row, "chosen_label", it->u.choice.chosen_label);
		str(out, &row, "recommended", it->u.choice.recommended);
		str(out, &row, "recommended_label", it->u.choice.recommended_label);
		key(out, &row, "correct");
		sb_append(out, it->u.choice.correct < 0 ? "null" : it->u.choice.correct ? "true" : "false");
		num(out, &row, "seconds", it->u.choice.seconds);
		sb_append_char(out, '}');
	}
	sb_append(out, "]}");
}

void report_render_json(const struct report *r, struct strbuf *out)
{
	bool first = true;

	sb_append_char(out, '{');
	str(out, &first, "format", "pathwalk-log");
	key(out, &first, "format_version");
	sb_append(out, "1");
	header(out, r, &first);
	outcome(out, r, &first);
	if (report_is_training(r))
		training(out, r, &first);
	key(out, &first, "events");
	sb_append(out, "[\n");
	for (size_t i = 0; i < r->log->count; i++) {
		json_write(out, r->log->events[i].object);
		sb_append(out, i + 1 < r->log->count ? ",\n" : "\n");
	}
	sb_append(out, "]}\n");
}
