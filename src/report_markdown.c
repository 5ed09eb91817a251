/* The Markdown log: plain CommonMark (no tables or other extensions), so any renderer shows it the
 * same. Free text is sanitized and every character with a Markdown meaning is backslash-escaped,
 * so a reason or a name can never become a link, an HTML tag or emphasis. */
#include <stdlib.h>

#include "markup.h"
#include "report_model.h"
#include "strbuf.h"

/* "- **Label:** value"; the label too may come from the journal (an unknown event's keys). */
static void field(struct strbuf *out, const char *label, const char *value, const char *fallback)
{
	sb_append(out, "- **");
	markup_md(out, label, "");
	sb_append(out, ":** ");
	markup_md(out, value, fallback);
	sb_append_char(out, '\n');
}

static void explanation(struct strbuf *out, const struct report_explanation *x)
{
	for (size_t i = 0; i < x->count; i++) {
		sb_append(out, "    - ");
		markup_md(out, x->clauses[i].text, "?");
		sb_appendf(out, ": **%s**\n", report_truth_word(x->clauses[i].truth));
	}
}

static void header(struct strbuf *out, const struct report *r)
{
	char *status = report_status_text(r), *mode = report_mode_text(r);

	sb_append(out, "# Session log: ");
	markup_md(out, r->title, "(untitled pathway)");
	sb_append(out, "\n\n");
	if (r->status != REPORT_COMPLETE) {
		sb_append(out, "> **");
		markup_md(out, status, "");
		sb_append(out, "**\n>\n> This log does not record a finished walk: the clinical picture may be "
			       "incomplete.\n\n");
	}
	sb_append(out, "- **Pathway:** ");
	markup_md(out, r->title, "?");
	sb_append(out, " (id ");
	markup_md(out, r->pathway_id, "?");
	sb_append(out, ", version ");
	markup_md(out, r->version, "?");
	sb_append(out, ", review date ");
	markup_md(out, r->review_date, "?");
	sb_append(out, ")\n");
	field(out, "Source", r->pathway_file, "not recorded");
	field(out, "SHA-256", r->sha256, "not recorded");
	field(out, "Mode", mode, "");
	if (report_is_training(r))
		field(out, "Trainee", r->trainee, "not recorded");
	field(out, "Clinician", r->clinician, "not recorded");
	field(out, "Patient", r->patient, "not recorded");
	field(out, "Started", r->started, "?");
	field(out, "Ended", r->ended, "?");
	field(out, "Status", status, "");
	sb_append(out, "- **Outcome:** ");
	if (r->endpoint_title) {
		markup_md(out, r->endpoint_title, "");
		sb_append(out, " (");
		markup_md(out, r->endpoint_node, "?");
		sb_append(out, ")\n");
	} else {
		sb_append(out, "no endpoint reached\n");
	}
	field(out, "Journal", r->log->file, "");
	if (r->pathway_notice) {
		sb_append(out, "- **Note:** ");
		markup_md(out, r->pathway_notice, "");
		sb_append(out, ": warning texts, references and the disclaimer are not shown.\n");
	}
	for (size_t i = 0; i < r->log->notices.count; i++) {
		sb_appendf(out, "- **Note:** line %d: ", r->log->notices.items[i].line);
		markup_md(out, r->log->notices.items[i].message, "");
		sb_append_char(out, '\n');
	}
	free(status);
	free(mode);
}

/* The first section: who the pathway is for, its version, the disclaimer and its choices. */
static void about(struct strbuf *out, const struct report *r)
{
	sb_append(out, "\n## " REPORT_ABOUT_HEADING "\n\n");
	field(out, "Pathway", r->title, "?");
	field(out, "Version", r->version, "?");
	field(out, "Review date", r->review_date, "?");
	if (!r->pw) {
		sb_append(out, "\nScope, disclaimer and choices: not available (the pathway this session used was "
			  "not loaded).\n");
		return;
	}
	field(out, "Scope", r->pw->scope, REPORT_NO_SCOPE);
	field(out, "Disclaimer", r->pw->disclaimer, "");
	if (r->pw->nchoices == 0)
		return;
	sb_append(out, "\n" REPORT_CHOICES_HEADING "\n\n");
	for (size_t i = 0; i < r->pw->nchoices; i++) {
		sb_appendf(out, "%zu. ", i + 1);
		markup_md(out, r->pw->choices[i], "");
		sb_append_char(out, '\n');
	}
}

/* One plan heading of an endpoint and its items as recorded, each with its citations. */
static void plan(struct strbuf *out, const char *heading, const struct report_plan *p)
{
	sb_appendf(out, "\n### %s\n\n", heading);
	if (!p->recorded)
		sb_append(out, "Not recorded in this journal.\n");
	else if (p->count == 0)
		sb_append(out, "Nothing further.\n");
	for (size_t i = 0; i < p->count; i++) {
		sb_append(out, "- ");
		markup_md(out, p->items[i].text, "");
		for (size_t k = 0; k < p->items[i].nrefs; k++) {
			sb_append(out, " \\[");
			markup_md(out, p->items[i].refs[k], "");
			sb_append(out, "\\]");
		}
		sb_append_char(out, '\n');
	}
}

static void titled(struct strbuf *out, const char *id, const char *title)
{
	markup_md(out, id, "?");
	if (title) {
		sb_append(out, " (");
		markup_md(out, title, "");
		sb_append(out, ")");
	}
}

static void decision(struct strbuf *out, const struct report_item *it)
{
	sb_append(out, "\n**Decision:** ");
	markup_md(out, it->u.decision.label, "?");
	sb_append(out, " → ");
	titled(out, it->u.decision.target, it->u.decision.target_title);
	sb_append(out, "\n\n- **When:** ");
	markup_md(out, it->time, "?");
	sb_append(out, it->u.decision.accepted ? ", the recommended step, accepted\n"
					       : ", **OVERRIDDEN by the clinician**\n");
	sb_append(out, "- **Condition:** ");
	markup_md(out, it->u.decision.condition, "none (the fallback: taken when no earlier step applies)");
	sb_append_char(out, '\n');
	explanation(out, &it->u.decision.explanation);
	if (it->u.decision.accepted)
		return;
	field(out, "Reason", it->u.decision.reason, "none recorded");
	sb_append(out, "- **Recommended was:** ");
	titled(out, it->u.decision.recommended ? it->u.decision.recommended : "none", it->u.decision.recommended_title);
	sb_append_char(out, '\n');
	field(out, "Its condition", it->u.decision.recommended_condition, "none (the fallback)");
	explanation(out, &it->u.decision.recommended_explanation);
}

/* "label (id)" */
static void step_name(struct strbuf *out, const char *label, const char *id)
{
	markup_md(out, label, "?");
	sb_append(out, " (");
	markup_md(out, id, "?");
	sb_append(out, ")");
}

static void choice(struct strbuf *out, const struct report_item *it)
{
	char *seconds = report_seconds_text(it->u.choice.seconds);

	sb_append(out, it->u.choice.repeat ? "\n**Trainee's choice (a repeat, not scored):** " : "\n**Trainee's choice:** ");
	step_name(out, it->u.choice.chosen_label, it->u.choice.chosen);
	sb_appendf(out, "\n\n- **Result:** %s, committed after %s at ",
		   it->u.choice.correct == 0 ? "**incorrect**" : report_correct_word(it->u.choice.correct), seconds);
	markup_md(out, it->time, "?");
	sb_append(out, "\n- **Pathway recommends:** ");
	step_name(out, it->u.choice.recommended_label, it->u.choice.recommended);
	sb_append_char(out, '\n');
	free(seconds);
}

static void finding(struct strbuf *out, const struct report_item *it)
{
	sb_append(out, "\n**Finding:** ");
	step_name(out, it->u.finding.prompt, it->u.finding.var);
	sb_append(out, ": entered ");
	markup_md(out, it->u.finding.entered, "?");
	sb_append(out, "; the case says ");
	markup_md(out, it->u.finding.expected, "?");
	sb_append(out, it->u.finding.match > 0 ? " — matches\n" : it->u.finding.match == 0 ? " — **does not match**\n"
											   : " — not compared\n");
}

/* The trainee's results: the score and, per decision on the route, the choice beside the route. */
static void debrief(struct strbuf *out, const struct report *r)
{
	char *score = report_score_text(r);

	sb_append(out, "\n## Training debrief\n\n**");
	markup_md(out, score, "");
	sb_append(out, "**\n");
	if (r->nfindings > 0)
		sb_appendf(out, "\nFindings entered as in the case: %zu/%zu.\n", r->findings_matched, r->nfindings);
	if (r->ndebrief == 0)
		sb_append(out, "\nNo decision was reached.\n");
	else
		sb_append_char(out, '\n');
	for (size_t i = 0; i < r->ndebrief; i++) {
		const struct report_item *it = r->debrief[i];
		char *seconds = report_seconds_text(it->u.choice.seconds);

		sb_appendf(out, "%zu. ", i + 1);
		step_name(out, it->u.choice.title, it->node);
		sb_appendf(out, ": %s, %s\n    - Trainee chose: ", it->u.choice.correct == 0 ? "**incorrect**"
							   : report_correct_word(it->u.choice.correct), seconds);
		step_name(out, it->u.choice.chosen_label, it->u.choice.chosen);
		sb_append(out, "\n    - Pathway's route: ");
		step_name(out, it->u.choice.recommended_label, it->u.choice.recommended);
		sb_append_char(out, '\n');
		free(seconds);
	}
	free(score);
}

static void item(struct strbuf *out, const struct report *r, const struct report_item *it, int *step,
		 bool *in_list)
{
	/* Consecutive answers form one list under their step; anything else ends it. */
	if (it->kind != ITEM_ANSWER)
		*in_list = false;
	switch (it->kind) {
	case ITEM_NODE:
		sb_appendf(out, "\n### Step %d. ", ++*step);
		markup_md(out, it->u.node.title, "?");
		sb_append(out, " (");
		markup_md(out, it->node, "?");
		sb_append(out, ")\n\nStage: ");
		markup_md(out, it->u.node.stage_label, "?");
		sb_append(out, ". Entered at ");
		markup_md(out, it->time, "?");
		sb_append(out, ".\n");
		break;
	case ITEM_ANSWER:
		if (!*in_list)
			sb_append_char(out, '\n');
		*in_list = true;
		sb_append(out, "- **");
		markup_md(out, it->u.answer.prompt, "?");
		sb_append(out, "** (");
		markup_md(out, it->u.answer.var, "?");
		sb_append(out, "): ");
		markup_md(out, it->u.answer.text, it->u.answer.value ? it->u.answer.value : "?");
		if (it->u.answer.revised) {
			sb_append(out, " — **revised** at ");
			markup_md(out, it->time, "?");
			sb_append(out, "; previously: ");
			markup_md(out, it->u.answer.previous, "?");
			if (it->u.answer.previous_time) {
				sb_append(out, " (given at ");
				markup_md(out, it->u.answer.previous_time, "");
				sb_append(out, ")");
			}
		}
		sb_append_char(out, '\n');
		break;
	case ITEM_WARNING:
		sb_append(out, "\n> **Warning: ");
		markup_md(out, it->u.warning.title, "?");
		sb_append(out, "** (");
		markup_md(out, it->u.warning.id, "?");
		sb_append(out, "), shown at ");
		markup_md(out, it->time, "?");
		sb_append(out, "\n>\n> ");
		markup_md(out, r->pw ? it->u.warning.text : REPORT_NO_PATHWAY_TEXT, "(no text)");
		sb_append_char(out, '\n');
		break;
	case ITEM_DECISION:
		decision(out, it);
		break;
	case ITEM_BACK:
		sb_append(out, "\n**Back** at ");
		markup_md(out, it->time, "?");
		sb_append(out, ": from ");
		titled(out, it->u.back.from, it->u.back.from_title);
		sb_append(out, " to ");
		titled(out, it->u.back.to, it->u.back.to_title);
		sb_append(out, ". Earlier answers stay in the log; changed ones are marked as revised.\n");
		break;
	case ITEM_ENDPOINT:
		sb_append(out, "\n## Endpoint: ");
		markup_md(out, it->u.endpoint.title, "?");
		sb_append(out, " (");
		markup_md(out, it->node, "?");
		sb_append(out, ")\n\n");
		field(out, "Reached at", it->time, "?");
		sb_append(out, "\n### Recommendation\n\n");
		markup_md(out, it->u.endpoint.recommendation, "None recorded.");
		sb_append_char(out, '\n');
		plan(out, "What to do", &it->u.endpoint.actions);
		plan(out, "What to document", &it->u.endpoint.document);
		if (it->u.endpoint.nwarnings > 0) {
			sb_append(out, "\n- **Warnings shown on the path:** ");
			for (size_t i = 0; i < it->u.endpoint.nwarnings; i++) {
				sb_append(out, i ? ", " : "");
				markup_md(out, it->u.endpoint.warnings[i], "");
			}
			sb_append_char(out, '\n');
		}
		break;
	case ITEM_END:
		sb_append(out, "\nSession closed at ");
		markup_md(out, it->time, "?");
		sb_append(out, ".\n");
		break;
	case ITEM_INTERRUPTED:
		sb_append(out, "\n> **SESSION INTERRUPTED** at ");
		markup_md(out, it->time, "?");
		sb_append(out, ", at ");
		markup_md(out, it->node, "?");
		sb_append(out, ": ");
		markup_md(out, it->u.interrupted.reason, "no reason recorded");
		sb_append_char(out, '\n');
		break;
	case ITEM_RESUME:
		sb_append(out, "\nSession resumed at ");
		markup_md(out, it->time, "?");
		sb_append(out, " at ");
		step_name(out, it->u.resume.title, it->node);
		sb_append(out, ".\n");
		if (it->u.resume.notice) {
			sb_append(out, "\n");
			field(out, "Notice", it->u.resume.notice, "");
		}
		break;
	case ITEM_CHOICE:
		choice(out, it);
		break;
	case ITEM_FINDING:
		finding(out, it);
		break;
	case ITEM_SCORE:
		sb_append(out, "\n**Score** recorded at ");
		markup_md(out, it->time, "?");
		sb_appendf(out, ": %ld/%ld decisions correct", it->u.score.correct, it->u.score.total);
		if (it->u.score.findings_total >= 0)
			sb_appendf(out, "; findings entered as in the case: %ld/%ld", it->u.score.findings_matched,
				   it->u.score.findings_total);
		sb_append(out, ".\n");
		break;
	case ITEM_OTHER:
		sb_append(out, "\n**Event ");
		markup_md(out, it->u.other.event, "?");
		sb_append(out, "** at ");
		markup_md(out, it->time, "?");
		sb_append(out, "\n\n");
		for (size_t i = 0; i < it->u.other.nfields; i++)
			field(out, it->u.other.fields[i].key, it->u.other.fields[i].value, "");
		break;
	}
}

/* The signature line, the journal's digest beside it, and the integrity warning of a forced log. */
static void signature(struct strbuf *out, const struct report *r)
{
	char *integrity = report_integrity_text(r);

	sb_append(out, REPORT_SIGNATURE_LINE "\n\n" REPORT_DIGEST_LABEL "`");
	sb_append(out, r->log->digest);
	sb_append(out, "`\n");
	if (integrity) {
		sb_append(out, "\n**");
		markup_md(out, integrity, "");
		sb_append(out, "**\n");
	}
	free(integrity);
}

void report_render_markdown(const struct report *r, struct strbuf *out)
{
	int step = 0;
	bool in_list = false;

	header(out, r);
	about(out, r);
	sb_append(out, "\n## The walk\n");
	for (size_t i = 0; i < r->nitems; i++)
		item(out, r, &r->items[i], &step, &in_list);
	if (report_is_training(r))
		debrief(out, r);
	sb_append(out, "\n## References cited on the path\n\n");
	if (!r->pw)
		sb_append(out, "Not available: the pathway this session used was not loaded.\n");
	else if (r->nrefs == 0)
		sb_append(out, "None.\n");
	for (size_t i = 0; i < r->nrefs; i++) {
		sb_append(out, "- \\[");
		markup_md(out, r->refs[i].id, "");
		sb_append(out, "\\] ");
		markup_md(out, r->refs[i].citation, "");
		sb_append_char(out, '\n');
	}
	sb_append(out, "\n## Disclaimer\n\n");
	markup_md(out, r->disclaimer, "Not available: the pathway this session used was not loaded. This log is a record "
			       "of decision support, not a substitute for clinical judgement.");
	sb_append(out, "\n\n---\n\n");
	/* Constant text: runs of '_' between blanks cannot open emphasis, so they stay readable. */
	signature(out, r);
}
