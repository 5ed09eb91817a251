/* SPDX-License-Identifier: Apache-2.0 */
/* The step-by-step record of the session log, from page 2: about the pathway, the session's
 * details, every step with its answers, decisions (explained), overrides and warnings, the
 * training debrief, the references cited and the disclaimer. */
#include <stdlib.h>
#include <string.h>

#include "log_build.h"
#include "log_parts.h"
#include "strbuf.h"
#include "xalloc.h"

#define NO_PATHWAY "Not available: the pathway this session used was not loaded."

/* Who the pathway is for, its version, the disclaimer and the choices it made. */
static void about(const struct report *r, struct rdoc_node *root)
{
	struct rdoc_node *f, *list;

	rdoc_heading(root, 2, REPORT_ABOUT_HEADING);
	rdoc_para(root, false, "%s, version %s, review date %s.", log_or(r->title, "?"), log_or(r->version, "?"),
		 log_or(r->review_date, "?"));
	if (!r->pw) {
		rdoc_para(root, false, "Scope, disclaimer and choices: not available (the pathway this session used was "
			 "not loaded).");
		return;
	}
	f = rdoc_add(root, RDOC_FIELDS);
	rdoc_row(f, "Scope", log_or(r->pw->scope, REPORT_NO_SCOPE));
	rdoc_row(f, "Disclaimer", r->pw->disclaimer);
	if (r->pw->nchoices == 0)
		return;
	rdoc_para(root, false, REPORT_CHOICES_HEADING);
	list = rdoc_add(root, RDOC_LIST);
	list->ordered = true;
	for (size_t i = 0; i < r->pw->nchoices; i++)
		rdoc_row(list, NULL, r->pw->choices[i]);
}

static void session(const struct report *r, bool ids, struct rdoc_node *root)
{
	struct rdoc_node *f;
	char *status = report_status_text(r, ids), *mode = report_mode_text(r);

	rdoc_heading(root, 2, "Session details");
	f = rdoc_add(root, RDOC_FIELDS);
	if (ids)
		rdoc_row(f, "Pathway id", log_or(r->pathway_id, "?"));
	rdoc_row(f, "Source", log_or(r->pathway_file, "not recorded"));
	rdoc_row(f, "SHA-256", log_or(r->sha256, "not recorded"));
	rdoc_row(f, "Mode", mode);
	rdoc_row(f, "Started", log_or(r->started, "?"));
	rdoc_row(f, "Ended", log_or(r->ended, "?"));
	rdoc_row(f, "Status", status);
	rdoc_row(f, "Journal", r->log->file);
	if (r->pathway_notice)
		rdoc_rowf(f, "Note", "%s: warning texts, references and the disclaimer are not shown.", r->pathway_notice);
	for (size_t i = 0; i < r->log->notices.count; i++)
		rdoc_rowf(f, "Note", "line %d: %s", r->log->notices.items[i].line, r->log->notices.items[i].message);
	free(status);
	free(mode);
}

/* A condition and its clauses: the syntax only with ids, the clauses in words always. Its row goes
 * into fields when given (a table the note already has), else into a table of its own. */
static void condition(struct rdoc_node *n, struct rdoc_node *fields, const char *label, const char *cond,
		      const char *none, const struct report_explanation *x, bool ids)
{
	size_t shown = ids ? x->count : log_worded(x);

	if (!fields && (!cond || ids || shown == 0))
		fields = rdoc_add(n, RDOC_FIELDS);
	if (!cond)
		rdoc_row(fields, label, none);
	else if (ids)
		rdoc_row(fields, label, cond);
	else if (shown > 0)
		rdoc_para(n, false, "%s, clause by clause:", label);
	else
		rdoc_row(fields, label, "met (recorded in the pathway's syntax only: pathwalk log --ids shows it)");
	if (shown > 0)
		log_clauses(rdoc_add(n, RDOC_LIST), x, ids);
}

static void decision(const struct report_item *it, bool ids, struct rdoc_node *root)
{
	char *to = log_named(it->u.decision.target_title, it->u.decision.target, ids), *title, *rec;
	struct rdoc_node *n;
	struct rdoc_node *f;

	title = xasprintf("Decision: %s → %s", log_or(it->u.decision.label, "?"), to);
	n = rdoc_note(root, it->u.decision.accepted ? RDOC_DECISION : RDOC_OVERRIDE, title);
	rdoc_para(n, false, "At %s, %s.", log_or(it->time, "?"),
		 it->u.decision.accepted ? "the recommended step, accepted" : "OVERRIDDEN by the clinician");
	condition(n, NULL, "Condition", it->u.decision.condition, "none (the fallback: taken when no earlier step applies)",
		  &it->u.decision.explanation, ids);
	free(to);
	free(title);
	if (it->u.decision.accepted)
		return;
	f = rdoc_add(n, RDOC_FIELDS);
	rdoc_row(f, "Reason", log_or(it->u.decision.reason, "none recorded"));
	rec = log_named(it->u.decision.recommended_title, it->u.decision.recommended, ids);
	rdoc_row(f, "Recommended was", it->u.decision.recommended || it->u.decision.recommended_title ? rec : "none");
	free(rec);
	condition(n, f, "Its condition", it->u.decision.recommended_condition, "none (the fallback)",
		  &it->u.decision.recommended_explanation, ids);
}

static void warning(const struct report *r, const struct report_item *it, bool ids, struct rdoc_node *root)
{
	char *name = log_named(it->u.warning.title, it->u.warning.id, ids);
	char *title = xasprintf("%s: %s, shown at %s", log_severity_word(it->u.warning.severity), name,
				log_or(it->time, "?"));
	bool urgent = it->u.warning.severity && strcmp(it->u.warning.severity, "urgent") == 0;
	struct rdoc_node *n = rdoc_note(root, urgent ? RDOC_URGENT : RDOC_WARNING, title);

	rdoc_para(n, false, "%s", r->pw ? log_or(it->u.warning.text, "(no text)") : REPORT_NO_PATHWAY_TEXT);
	free(title);
	free(name);
}

/* An answer, with its revision; consecutive answers share one list of questions. */
static void answer(const struct report_item *it, bool ids, struct rdoc_node *root, struct rdoc_node **terms)
{
	char *q = log_named(it->u.answer.prompt, it->u.answer.var, ids);
	const char *a = log_or(it->u.answer.text, log_or(it->u.answer.value, "?"));

	if (!*terms)
		*terms = rdoc_add(root, RDOC_TERMS);
	if (it->u.answer.revised)
		rdoc_rowf(*terms, q, "%s (REVISED at %s; previously: %s%s%s)", a, log_or(it->time, "?"),
			 log_or(it->u.answer.previous, "?"), it->u.answer.previous_time ? ", given at " : "",
			 log_or(it->u.answer.previous_time, ""));
	else
		rdoc_row(*terms, q, a);
	free(q);
}

static void choice(const struct report_item *it, bool ids, struct rdoc_node *root)
{
	char *chosen = log_named(it->u.choice.chosen_label, it->u.choice.chosen, ids);
	char *rec = log_named(it->u.choice.recommended_label, it->u.choice.recommended, ids);
	char *seconds = report_seconds_text(it->u.choice.seconds);
	char *title = xasprintf("Trainee's choice%s: %s", it->u.choice.repeat ? " (a repeat, not scored)" : "", chosen);
	struct rdoc_node *n = rdoc_note(root, RDOC_DECISION, title);

	rdoc_rowf(rdoc_add(n, RDOC_FIELDS), "Pathway recommends", "%s", rec);
	rdoc_para(n, it->u.choice.correct == 0, "%s; committed after %s, at %s", it->u.choice.correct > 0 ? "Correct"
		 : it->u.choice.correct == 0 ? "INCORRECT" : "Not scored", seconds, log_or(it->time, "?"));
	free(title);
	free(seconds);
	free(rec);
	free(chosen);
}

static void other(const struct report_item *it, struct rdoc_node *root)
{
	char *title = xasprintf("Event %s at %s", log_or(it->u.other.event, "?"), log_or(it->time, "?"));
	struct rdoc_node *n = rdoc_note(root, RDOC_PLAIN, title), *list = rdoc_add(n, RDOC_LIST);

	for (size_t i = 0; i < it->u.other.nfields; i++)
		rdoc_item(list, 0, "%s: %s", it->u.other.fields[i].key, log_or(it->u.other.fields[i].value, ""));
	free(title);
}

static void item(const struct report *r, const struct report_item *it, bool ids, struct rdoc_node *root, int *step,
		 struct rdoc_node **terms)
{
	char *a, *b;

	if (it->kind != ITEM_ANSWER)
		*terms = NULL;
	switch (it->kind) {
	case ITEM_NODE:
		a = log_named(it->u.node.title, it->node, ids);
		b = xasprintf("Step %d. %s", ++*step, a);
		rdoc_heading(root, 3, b);
		rdoc_para(root, false, "Stage: %s. Entered at %s.", log_or(it->u.node.stage_label, "?"), log_or(it->time, "?"));
		free(a);
		free(b);
		break;
	case ITEM_ANSWER: answer(it, ids, root, terms); break;
	case ITEM_WARNING: warning(r, it, ids, root); break;
	case ITEM_DECISION: decision(it, ids, root); break;
	case ITEM_BACK:
		a = log_named(it->u.back.from_title, it->u.back.from, ids);
		b = log_named(it->u.back.to_title, it->u.back.to, ids);
		rdoc_para(root, false, "Back at %s: from %s to %s. Earlier answers stay in the log; changed ones are "
			 "marked as revised.", log_or(it->time, "?"), a, b);
		free(a);
		free(b);
		break;
	case ITEM_ENDPOINT:
		a = log_named(it->u.endpoint.title, it->node, ids);
		b = xasprintf("Endpoint: %s, reached at %s", a, log_or(it->time, "?"));
		rdoc_para(rdoc_note(root, RDOC_OUTCOME, b), false, "Recommendation: %s (what to do and what to document: "
			 "in the visit summary)", log_or(it->u.endpoint.recommendation, "none recorded"));
		free(a);
		free(b);
		break;
	case ITEM_END: rdoc_para(root, false, "Session closed at %s.", log_or(it->time, "?")); break;
	case ITEM_INTERRUPTED:
		a = report_step_name(r, it->node, ids);
		b = xasprintf("SESSION INTERRUPTED at %s, at %s: %s", log_or(it->time, "?"), a,
			      log_or(it->u.interrupted.reason, "no reason recorded"));
		rdoc_note(root, RDOC_ALERT, b);
		free(a);
		free(b);
		break;
	case ITEM_RESUME:
		a = log_named(it->u.resume.title, it->node, ids);
		rdoc_para(root, false, "Session resumed at %s at %s.", log_or(it->time, "?"), a);
		if (it->u.resume.notice)
			rdoc_row(rdoc_add(root, RDOC_FIELDS), "Notice", it->u.resume.notice);
		free(a);
		break;
	case ITEM_CHOICE: choice(it, ids, root); break;
	case ITEM_FINDING:
		a = log_named(it->u.finding.prompt, it->u.finding.var, ids);
		rdoc_para(root, it->u.finding.match == 0, "Finding: %s: entered %s; the case says %s -- %s", a,
			 log_or(it->u.finding.entered, "?"), log_or(it->u.finding.expected, "?"),
			 it->u.finding.match > 0 ? "matches" : it->u.finding.match == 0 ? "DOES NOT MATCH" : "not compared");
		free(a);
		break;
	case ITEM_SCORE:
		if (it->u.score.findings_total >= 0)
			rdoc_para(root, false, "Score recorded at %s: %ld/%ld decisions correct; findings entered as in the "
				 "case: %ld/%ld.", log_or(it->time, "?"), it->u.score.correct, it->u.score.total,
				 it->u.score.findings_matched, it->u.score.findings_total);
		else
			rdoc_para(root, false, "Score recorded at %s: %ld/%ld decisions correct.", log_or(it->time, "?"),
				 it->u.score.correct, it->u.score.total);
		break;
	case ITEM_OTHER: other(it, root); break;
	}
}

/* The trainee's results: per decision on the route, the choice beside the route. */
static void debrief(const struct report *r, bool ids, struct rdoc_node *root)
{
	struct rdoc_node *list;
	char *score = report_score_text(r);

	rdoc_heading(root, 2, "Training debrief");
	rdoc_para(root, true, "%s", score);
	free(score);
	if (r->nfindings > 0)
		rdoc_para(root, false, "Findings entered as in the case: %zu/%zu.", r->findings_matched, r->nfindings);
	if (r->ndebrief == 0) {
		rdoc_para(root, false, "No decision was reached.");
		return;
	}
	list = rdoc_add(root, RDOC_LIST);
	list->ordered = true;
	for (size_t i = 0; i < r->ndebrief; i++) {
		const struct report_item *it = r->debrief[i];
		char *seconds = report_seconds_text(it->u.choice.seconds);
		char *title = log_named(it->u.choice.title, it->node, ids);
		char *chosen = log_named(it->u.choice.chosen_label, it->u.choice.chosen, ids);
		char *route = log_named(it->u.choice.recommended_label, it->u.choice.recommended, ids);

		rdoc_item(list, 0, "%s: %s, %s", title, report_correct_word(it->u.choice.correct), seconds);
		rdoc_item(list, 1, "Trainee chose: %s", chosen);
		rdoc_item(list, 1, "Pathway's route: %s", route);
		free(seconds);
		free(title);
		free(chosen);
		free(route);
	}
}

static void closing(const struct report *r, struct rdoc_node *root)
{
	struct rdoc_node *list;

	rdoc_heading(root, 2, "References cited on the path");
	if (!r->pw)
		rdoc_para(root, false, NO_PATHWAY);
	else if (r->nrefs == 0)
		rdoc_para(root, false, "None.");
	if (r->nrefs > 0) {
		list = rdoc_add(root, RDOC_LIST);
		for (size_t i = 0; i < r->nrefs; i++)
			rdoc_item(list, 0, "[%s] %s", r->refs[i].id, log_or(r->refs[i].citation, ""));
	}
	rdoc_heading(root, 2, "Disclaimer");
	rdoc_para(root, false, "%s", r->disclaimer ? r->disclaimer : NO_PATHWAY " This log is a record of decision "
		 "support, not a substitute for clinical judgement.");
}

void log_build_record(const struct report *r, bool ids, struct rdoc_node *root)
{
	struct rdoc_node *terms = NULL;
	int step = 0;

	about(r, root);
	session(r, ids, root);
	rdoc_heading(root, 2, "The walk");
	for (size_t i = 0; i < r->nitems; i++)
		item(r, &r->items[i], ids, root, &step, &terms);
	if (report_is_training(r))
		debrief(r, ids, root);
	closing(r, root);
}
