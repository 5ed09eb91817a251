/* SPDX-License-Identifier: Apache-2.0 */
/* Builds the report model from a journal's events (see report_model.h), and dispatches rendering.
 * Interpretation happens here once: which answer a revision replaces, which pathway texts apply,
 * which references the path cited, whether the session is complete. */
#include "report_model.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

bool report_format_parse(const char *name, enum report_format *out)
{
	static const struct {
		const char *name;
		enum report_format format;
	} formats[] = {
		{ "text", REPORT_TEXT }, { "markdown", REPORT_MARKDOWN }, { "md", REPORT_MARKDOWN },
		{ "html", REPORT_HTML }, { "json", REPORT_JSON },
	};

	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(name, formats[i].name) == 0) {
			*out = formats[i].format;
			return true;
		}
	return false;
}

bool report_is_training(const struct report *r)
{
	return r->mode && strcmp(r->mode, "train") == 0;
}

char *report_mode_text(const struct report *r)
{
	const char *mode = report_is_training(r) ? "training" : r->mode ? r->mode : "?";

	if (!r->case_id)
		return xstrdup(mode);
	if (!r->case_title)
		return xasprintf("%s; case %s", mode, r->case_id);
	return xasprintf("%s; case %s (%s)", mode, r->case_id, r->case_title);
}

char *report_seconds_text(long seconds)
{
	return seconds >= 0 ? xasprintf("%ld s", seconds) : xstrdup("time not recorded");
}

char *report_score_text(const struct report *r)
{
	if (r->score)
		return xasprintf("Score: %ld/%ld decisions correct", r->score->u.score.correct, r->score->u.score.total);
	return xasprintf("Score: %zu/%zu decisions correct so far (the session recorded no score: it did not "
			 "finish)", r->decisions_correct, r->ndebrief);
}

const char *report_correct_word(int correct)
{
	return correct > 0 ? "correct" : correct == 0 ? "incorrect" : "not recorded";
}

const char *report_truth_word(int truth)
{
	return truth > 0 ? "true" : truth == 0 ? "false" : "unknown";
}

static const char *node_title(const struct report *r, const char *id);

char *report_step_name(const struct report *r, const char *node, bool ids)
{
	const char *title = node_title(r, node);

	if (!title)
		return xstrdup(ids || !node ? (node ? node : "?") : "the step on screen");
	return ids && node ? xasprintf("%s (%s)", title, node) : xstrdup(title);
}

char *report_status_text(const struct report *r, bool ids)
{
	char *where, *text;

	switch (r->status) {
	case REPORT_COMPLETE:
		return xstrdup("complete");
	case REPORT_INTERRUPTED:
		where = report_step_name(r, r->interrupted_node, ids);
		text = xasprintf("INCOMPLETE: interrupted at %s (%s)", where,
				 r->interrupted_reason ? r->interrupted_reason : "no reason recorded");
		free(where);
		return text;
	case REPORT_UNFINISHED:
		break;
	}
	return xstrdup("INCOMPLETE: the journal ends without closing the session (the program stopped)");
}

/* The value of member key as text: the string itself, or compact JSON; NULL when absent. */
static char *member_text(const struct json *obj, const char *key)
{
	const struct json *v = json_get(obj, key);
	struct strbuf sb = STRBUF_INIT;

	if (!v)
		return NULL;
	if (v->type == JSON_STRING)
		return xstrdup(v->text);
	json_write(&sb, v);
	return sb_take(&sb);
}

static void read_explanation(const struct json *obj, const char *key, struct report_explanation *x)
{
	const struct json *a = json_get(obj, key);

	x->clauses = NULL;
	x->count = 0;
	if (!a || a->type != JSON_ARRAY || a->count == 0)
		return;
	x->clauses = xcalloc(a->count, sizeof(*x->clauses));
	for (size_t i = 0; i < a->count; i++) {
		const struct json *c = a->items[i];
		const struct json *truth = json_get(c, "truth");
		struct report_clause *out = &x->clauses[x->count];

		long depth = 0;

		out->text = json_get_string(c, "clause");
		if (!out->text)
			continue;
		out->truth = truth && truth->type == JSON_BOOL ? truth->boolean : -1;
		out->words = json_get_string(c, "words");
		out->depth = json_get_long(c, "depth", &depth) && depth > 0 && depth < 16 ? (int)depth : 0;
		x->count++;
	}
}

/* The title of node id: from the pathway when it is used, else from the walk so far. */
static const char *node_title(const struct report *r, const char *id)
{
	int n;

	if (!id)
		return NULL;
	if (r->pw && (n = pathway_find_node(r->pw, id)) >= 0)
		return r->pw->nodes[n].title;
	for (size_t i = r->nitems; i-- > 0;)
		if (r->items[i].kind == ITEM_NODE && r->items[i].node && strcmp(r->items[i].node, id) == 0)
			return r->items[i].u.node.title;
	return NULL;
}

static void build_node(struct report *r, struct report_item *it, const struct json *e)
{
	int stage;

	it->u.node.stage = json_get_string(e, "stage");
	it->u.node.title = json_get_string(e, "title");
	it->u.node.evidence_refs = json_get(e, "evidence_refs");
	it->u.node.stage_label = it->u.node.stage;
	if (r->pw && it->u.node.stage && (stage = strmap_get(&r->pw->stage_index, it->u.node.stage,
							       strlen(it->u.node.stage))) >= 0)
		it->u.node.stage_label = r->pw->stages[stage].label;
}

static void build_answer(struct report *r, struct report_item *it, const struct json *e)
{
	bool revised = false;

	it->u.answer.var = json_get_string(e, "var");
	it->u.answer.prompt = json_get_string(e, "prompt");
	it->u.answer.text = json_get_string(e, "text");
	it->u.answer.value = member_text(e, "value");
	(void)json_get_bool(e, "revised", &revised);
	it->u.answer.revised = revised;
	if (!revised)
		return;
	/* The earlier answer is in the journal too: show it in words, with when it was given. */
	for (size_t i = r->nitems; i-- > 0;) {
		const struct report_item *p = &r->items[i];

		if (p->kind == ITEM_ANSWER && p->u.answer.var && it->u.answer.var &&
		    strcmp(p->u.answer.var, it->u.answer.var) == 0) {
			it->u.answer.previous = xstrdup(p->u.answer.text ? p->u.answer.text : p->u.answer.value);
			it->u.answer.previous_time = p->time;
			return;
		}
	}
	it->u.answer.previous = member_text(e, "previous");
}

static void build_warning(struct report *r, struct report_item *it, const struct json *e)
{
	int w;

	it->u.warning.id = json_get_string(e, "warning");
	it->u.warning.title = json_get_string(e, "title");
	it->u.warning.text = json_get_string(e, "text"); /* as shown; absent in journals before 1.1 */
	it->u.warning.severity = json_get_string(e, "severity");
	if (it->u.warning.severity && strcmp(it->u.warning.severity, "urgent") != 0 &&
	    strcmp(it->u.warning.severity, "caution") != 0 && strcmp(it->u.warning.severity, "advice") != 0)
		it->u.warning.severity = NULL; /* a word this version does not know is not shown */
	if (r->pw && it->u.warning.id && (w = pathway_find_warning(r->pw, it->u.warning.id)) >= 0) {
		const struct pw_plan *text = &r->pw->warnings[w].text;

		if (!it->u.warning.text && text->nitems == 1 && !text->items[0].when)
			it->u.warning.text = text->items[0].text;
		it->u.warning.refs = r->pw->warnings[w].refs;
		it->u.warning.nrefs = r->pw->warnings[w].nrefs;
		if (!it->u.warning.title)
			it->u.warning.title = r->pw->warnings[w].title;
	}
}

static void build_decision(struct report *r, struct report_item *it, const struct json *e)
{
	bool accepted = strcmp(json_get_string(e, "event"), "override") != 0;

	(void)json_get_bool(e, "accepted", &accepted);
	it->u.decision.accepted = accepted;
	it->u.decision.target = json_get_string(e, "goto");
	it->u.decision.label = json_get_string(e, "label");
	it->u.decision.recommended = json_get_string(e, "recommended");
	it->u.decision.condition = json_get_string(e, "condition");
	it->u.decision.reason = json_get_string(e, "reason");
	it->u.decision.recommended_condition = json_get_string(e, "recommended_condition");
	read_explanation(e, "explanation", &it->u.decision.explanation);
	read_explanation(e, "recommended_explanation", &it->u.decision.recommended_explanation);
	it->u.decision.target_title = node_title(r, it->u.decision.target);
	it->u.decision.recommended_title = node_title(r, it->u.decision.recommended);
}

static void build_endpoint(struct report *r, struct report_item *it, const struct json *e)
{
	const struct json *w = json_get(e, "warnings");

	it->u.endpoint.title = json_get_string(e, "title");
	it->u.endpoint.recommendation = json_get_string(e, "recommendation");
	if (w && w->type == JSON_ARRAY) {
		it->u.endpoint.warnings = xcalloc(w->count + 1, sizeof(*it->u.endpoint.warnings));
		for (size_t i = 0; i < w->count; i++)
			if (w->items[i]->type == JSON_STRING)
				it->u.endpoint.warnings[it->u.endpoint.nwarnings++] = w->items[i]->text;
	}
	report_plan_read(e, "actions", &it->u.endpoint.actions);
	report_plan_read(e, "document", &it->u.endpoint.document);
	report_changes_read(e, &it->u.endpoint.changes);
	r->endpoint_node = it->node;
	r->endpoint_title = it->u.endpoint.title;
}

static void build_other(struct report_item *it, const struct json *e)
{
	it->u.other.event = json_get_string(e, "event");
	it->u.other.fields = xcalloc(e->count + 1, sizeof(*it->u.other.fields));
	for (size_t i = 0; i < e->count; i++) {
		const char *key = e->members[i].key;

		if (strcmp(key, "seq") == 0 || strcmp(key, "time") == 0 || strcmp(key, "event") == 0)
			continue;
		it->u.other.fields[it->u.other.nfields].key = key;
		it->u.other.fields[it->u.other.nfields++].value = member_text(e, key);
	}
}

/* The prompt of the latest answer to var, for a finding (which follows its answer). */
static const char *answer_prompt(const struct report *r, const char *var)
{
	for (size_t i = r->nitems; var && i-- > 0;)
		if (r->items[i].kind == ITEM_ANSWER && r->items[i].u.answer.var &&
		    strcmp(r->items[i].u.answer.var, var) == 0)
			return r->items[i].u.answer.prompt;
	return NULL;
}

static int member_bool(const struct json *e, const char *key)
{
	bool b;

	return json_get_bool(e, key, &b) ? b : -1;
}

static long member_long(const struct json *e, const char *key)
{
	long n;

	return json_get_long(e, key, &n) && n >= 0 ? n : -1;
}

static void build_choice(struct report *r, struct report_item *it, const struct json *e)
{
	it->u.choice.title = node_title(r, it->node);
	it->u.choice.chosen = json_get_string(e, "chosen");
	it->u.choice.chosen_label = json_get_string(e, "chosen_label");
	it->u.choice.recommended = json_get_string(e, "recommended");
	it->u.choice.recommended_label = json_get_string(e, "recommended_label");
	it->u.choice.correct = member_bool(e, "correct");
	it->u.choice.seconds = member_long(e, "seconds");
	/* More than 30 years is not a time anyone took: a damaged or forged journal, not a number to
	 * add up (the report's sums would overflow). */
	if (it->u.choice.seconds > REPORT_SECONDS_MAX)
		it->u.choice.seconds = -1;
	/* Only the first choice at a node counts. */
	for (size_t i = 0; i < r->nitems && it->node; i++)
		if (r->items[i].kind == ITEM_CHOICE && r->items[i].node && strcmp(r->items[i].node, it->node) == 0)
			it->u.choice.repeat = true;
}

static void build_finding(struct report *r, struct report_item *it, const struct json *e)
{
	it->u.finding.var = json_get_string(e, "var");
	it->u.finding.prompt = answer_prompt(r, it->u.finding.var);
	it->u.finding.entered = json_get_string(e, "entered_text") ? xstrdup(json_get_string(e, "entered_text"))
								   : member_text(e, "entered");
	it->u.finding.expected = json_get_string(e, "expected_text") ? xstrdup(json_get_string(e, "expected_text"))
								     : member_text(e, "expected");
	it->u.finding.match = member_bool(e, "match");
}

/* A score event with its figures; false for one this version cannot read (rendered generically). */
static bool build_score(struct report_item *it, const struct json *e)
{
	long correct = member_long(e, "correct"), total = member_long(e, "total");

	if (correct < 0 || total < 0)
		return false;
	it->u.score.correct = correct;
	it->u.score.total = total;
	it->u.score.findings_matched = member_long(e, "findings_matched");
	it->u.score.findings_total = member_long(e, "findings_total");
	return true;
}

static void add_item(struct report *r, size_t *cap, const struct journal_event *ev)
{
	const struct json *e = ev->object;
	const char *name = ev->event;
	struct report_item *it;

	r->items = xgrow(r->items, cap, r->nitems + 1, sizeof(*r->items));
	it = &r->items[r->nitems];
	memset(it, 0, sizeof(*it));
	it->time = ev->time;
	it->node = json_get_string(e, "node");
	it->line = ev->line;
	if (strcmp(name, "node") == 0) {
		it->kind = ITEM_NODE;
		build_node(r, it, e);
	} else if (strcmp(name, "answer") == 0) {
		it->kind = ITEM_ANSWER;
		build_answer(r, it, e);
	} else if (strcmp(name, "warning") == 0) {
		it->kind = ITEM_WARNING;
		build_warning(r, it, e);
	} else if (strcmp(name, "decision") == 0 || strcmp(name, "override") == 0) {
		it->kind = ITEM_DECISION;
		build_decision(r, it, e);
	} else if (strcmp(name, "back") == 0) {
		it->kind = ITEM_BACK;
		it->u.back.from = json_get_string(e, "from");
		it->u.back.to = json_get_string(e, "to");
		it->u.back.from_title = node_title(r, it->u.back.from);
		it->u.back.to_title = node_title(r, it->u.back.to);
	} else if (strcmp(name, "endpoint") == 0) {
		it->kind = ITEM_ENDPOINT;
		build_endpoint(r, it, e);
	} else if (strcmp(name, "end") == 0) {
		it->kind = ITEM_END;
	} else if (strcmp(name, "interrupted") == 0) {
		it->kind = ITEM_INTERRUPTED;
		it->u.interrupted.reason = json_get_string(e, "reason");
	} else if (strcmp(name, "resume") == 0) {
		it->kind = ITEM_RESUME;
		it->u.resume.title = node_title(r, it->node);
		it->u.resume.notice = json_get_string(e, "notice");
	} else if (strcmp(name, "choice") == 0) {
		it->kind = ITEM_CHOICE;
		build_choice(r, it, e);
	} else if (strcmp(name, "finding") == 0) {
		it->kind = ITEM_FINDING;
		build_finding(r, it, e);
	} else if (strcmp(name, "score") == 0 && build_score(it, e)) {
		it->kind = ITEM_SCORE;
	} else {
		it->kind = ITEM_OTHER;
		build_other(it, e);
	}
	r->nitems++;
}

static void cite(struct report *r, unsigned char *cited, const int *refs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int k = refs[i];

		if (k < 0 || (size_t)k >= r->pw->nrefs || cited[k])
			continue;
		cited[k] = 1;
		r->refs[r->nrefs].id = r->pw->refs[k].id;
		r->refs[r->nrefs++].citation = r->pw->refs[k].citation;
	}
}

/* Cites the references named by a JSON array of ids (unknown ids are skipped). */
static void cite_ids(struct report *r, unsigned char *cited, const char *const *ids, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int k = ids[i] ? pathway_find_reference(r->pw, ids[i]) : -1;

		if (k >= 0)
			cite(r, cited, &k, 1);
	}
}

/* The references of a screen's evidence: those the node event says were shown; for a journal
 * older than that record, those of the evidence shown unconditionally. */
static void cite_evidence(struct report *r, unsigned char *cited, const struct report_item *it)
{
	const struct json *ids = it->u.node.evidence_refs;
	int n = it->node ? pathway_find_node(r->pw, it->node) : -1;

	if (ids && ids->type == JSON_ARRAY) {
		for (size_t i = 0; i < ids->count; i++)
			if (ids->items[i]->type == JSON_STRING)
				cite_ids(r, cited, (const char *const *)&ids->items[i]->text, 1);
		return;
	}
	for (size_t k = 0; n >= 0 && k < r->pw->nodes[n].nevidence; k++)
		if (!r->pw->nodes[n].evidence[k].when)
			cite(r, cited, r->pw->nodes[n].evidence[k].refs, r->pw->nodes[n].evidence[k].nrefs);
}

/* References of what was shown, first-cited first: the warnings shown, the evidence shown on
 * the screens visited, and the endpoint's plan items shown. */
static void collect_references(struct report *r)
{
	unsigned char *cited;

	if (!r->pw)
		return;
	cited = xcalloc(r->pw->nrefs + 1, 1);
	r->refs = xcalloc(r->pw->nrefs + 1, sizeof(*r->refs));
	for (size_t i = 0; i < r->nitems; i++) {
		const struct report_item *it = &r->items[i];

		if (it->kind == ITEM_WARNING) {
			cite(r, cited, it->u.warning.refs, it->u.warning.nrefs);
		} else if (it->kind == ITEM_NODE) {
			cite_evidence(r, cited, it);
		} else if (it->kind == ITEM_ENDPOINT) {
			for (size_t k = 0; k < it->u.endpoint.actions.count; k++)
				cite_ids(r, cited, it->u.endpoint.actions.items[k].refs, it->u.endpoint.actions.items[k].nrefs);
			for (size_t k = 0; k < it->u.endpoint.document.count; k++)
				cite_ids(r, cited, it->u.endpoint.document.items[k].refs, it->u.endpoint.document.items[k].nrefs);
		}
	}
	free(cited);
}

/* The status follows the last closing event: an interruption followed by a resume and an end is
 * a complete session (the interruption stays in the items). */
static void close_session(struct report *r, const struct report_item *it)
{
	if (it->kind == ITEM_END || it->kind == ITEM_RESUME) {
		r->status = it->kind == ITEM_END ? REPORT_COMPLETE : REPORT_UNFINISHED;
		r->interrupted_node = r->interrupted_reason = NULL;
	} else if (it->kind == ITEM_INTERRUPTED) {
		r->status = REPORT_INTERRUPTED;
		r->interrupted_node = it->node;
		r->interrupted_reason = it->u.interrupted.reason;
	}
}

static void collect_training(struct report *r)
{
	r->debrief = xcalloc(r->nitems + 1, sizeof(*r->debrief));
	for (size_t i = 0; i < r->nitems; i++) {
		const struct report_item *it = &r->items[i];

		if (it->kind == ITEM_CHOICE && !it->u.choice.repeat) {
			r->debrief[r->ndebrief++] = it;
			r->decisions_correct += it->u.choice.correct > 0;
		} else if (it->kind == ITEM_FINDING) {
			r->nfindings++;
			r->findings_matched += it->u.finding.match > 0;
		} else if (it->kind == ITEM_SCORE) {
			r->score = it;
		}
	}
}

static void read_header(struct report *r, const struct json *start, const struct pathway *pw, const char *source)
{
	const struct json *p = json_get(start, "pathway");

	r->pathway_id = json_get_string(p, "id");
	r->title = json_get_string(p, "title");
	r->version = json_get_string(p, "version");
	r->review_date = json_get_string(p, "review_date");
	r->sha256 = json_get_string(p, "sha256");
	r->pathway_file = json_get_string(p, "file");
	r->mode = json_get_string(start, "mode");
	r->case_id = json_get_string(start, "case");
	r->clinician = json_get_string(start, "clinician");
	r->patient = json_get_string(start, "patient");
	r->today = json_get_string(start, "today");
	r->trainee = json_get_string(start, "trainee");
	r->case_title = json_get_string(start, "case_title");
	{
		const struct json *set = json_get(start, "set");
		long position = 0, count = 0;

		r->set_title = set ? json_get_string(set, "title") : NULL;
		if (r->set_title && json_get_long(set, "position", &position) && json_get_long(set, "count", &count) &&
		    position >= 1 && count >= position && count <= 100000) {
			r->set_position = position;
			r->set_count = count;
		} else {
			r->set_title = NULL; /* a set this version cannot read is not shown */
		}
	}
	if (!source)
		source = "the pathway";
	if (!pw)
		r->pathway_notice = xasprintf("%s could not be loaded", source);
	else if (!r->pathway_id || strcmp(pw->id, r->pathway_id) != 0)
		r->pathway_notice = xasprintf("%s is \"%s\", not the pathway this session used", source, pw->id);
	else if (!r->sha256 || strcmp(pw->sha256, r->sha256) != 0)
		r->pathway_notice = xasprintf("%s (version %s) differs from the one this session used (another "
					      "sha256)", source, pw->version);
	else
		r->pw = pw;
	if (r->pw)
		r->disclaimer = r->pw->disclaimer;
}

struct report *report_build(const struct journal_log *log, const struct pathway *pw, const char *pathway_source)
{
	struct report *r = xcalloc(1, sizeof(*r));
	size_t cap = 0;

	r->log = log;
	r->status = REPORT_UNFINISHED;
	if (log->count == 0)
		return r;
	read_header(r, log->events[0].object, pw, pathway_source);
	r->started = log->events[0].time;
	r->ended = log->events[log->count - 1].time;
	for (size_t i = 1; i < log->count; i++) {
		add_item(r, &cap, &log->events[i]);
		close_session(r, &r->items[r->nitems - 1]);
	}
	collect_training(r);
	if (r->today)
		r->session_date = r->today;
	else if (r->started)
		r->session_date = r->session_date_owned = xstrndup(r->started, 10);
	collect_references(r);
	return r;
}

bool report_pathway_matched(const struct report *r)
{
	return r->pw != NULL;
}

const char *report_pathway_notice(const struct report *r)
{
	return r->pathway_notice;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nitems; i++) {
		struct report_item *it = &r->items[i];

		switch (it->kind) {
		case ITEM_ANSWER:
			free(it->u.answer.value);
			free(it->u.answer.previous);
			break;
		case ITEM_DECISION:
			free(it->u.decision.explanation.clauses);
			free(it->u.decision.recommended_explanation.clauses);
			break;
		case ITEM_ENDPOINT:
			free(it->u.endpoint.warnings);
			report_plan_free(&it->u.endpoint.actions);
			report_plan_free(&it->u.endpoint.document);
			report_changes_free(&it->u.endpoint.changes);
			break;
		case ITEM_FINDING:
			free(it->u.finding.entered);
			free(it->u.finding.expected);
			break;
		case ITEM_OTHER:
			for (size_t k = 0; k < it->u.other.nfields; k++)
				free(it->u.other.fields[k].value);
			free(it->u.other.fields);
			break;
		default:
			break;
		}
	}
	free(r->items);
	free(r->debrief);
	free(r->refs);
	free(r->pathway_notice);
	free(r->session_date_owned);
	for (size_t i = 0; i < r->nowned; i++)
		free(r->owned[i]);
	free(r->owned);
	free(r);
}

char *report_integrity_text(const struct report *r)
{
	const struct journal_chain *c = &r->log->chain;

	if (c->integrity == JOURNAL_BROKEN)
		return xasprintf("INTEGRITY NOT VERIFIED: the journal's hash chain is broken at line %d: %s",
				 c->break_line, c->break_message);
	if (c->integrity == JOURNAL_PRECHAIN)
		return xstrdup("INTEGRITY NOT VERIFIED: the journal was written before journals carried a hash chain");
	return NULL;
}
