/* The plain-text log, for printers: at most 80 columns by display width, 66-line pages separated
 * by form feeds, a running header (pathway, patient, date) and a "page N of M" footer on every
 * page. The document is first laid out as blocks; pagination then never splits a block marked
 * keep (a decision, a warning, an answer) when it fits on one page. */
#include <stdlib.h>
#include <string.h>

#include "report_model.h"
#include "strbuf.h"
#include "textdoc.h"
#include "utf8.h"
#include "xalloc.h"

#define INDENT 3

static const char *or(const char *s, const char *fallback)
{
	return s ? s : fallback;
}

static void header(struct textdoc *d, const struct report *r)
{
	struct textdoc_block *b;
	char *status = report_status_text(r), *mode = report_mode_text(r);
	char *title = xasprintf("SESSION LOG: %s", or(r->title, "(untitled pathway)"));

	textdoc_title(d, title);
	free(title);
	if (r->status != REPORT_COMPLETE) {
		b = textdoc_block(d, true, 1);
		textdoc_putf(b, 0, NULL, "*** %s ***", status);
		textdoc_put(b, 0, NULL, "This log does not record a finished walk: the clinical picture may be incomplete.");
	}
	b = textdoc_block(d, true, 1);
	textdoc_putf(b, 0, "Pathway:     ", "%s (id %s, version %s, review date %s)", or(r->title, "?"),
	     or(r->pathway_id, "?"), or(r->version, "?"), or(r->review_date, "?"));
	textdoc_put(b, 0, "Source:      ", or(r->pathway_file, "not recorded"));
	textdoc_put(b, 0, "SHA-256:     ", or(r->sha256, "not recorded"));
	textdoc_put(b, 0, "Mode:        ", mode);
	if (report_is_training(r))
		textdoc_put(b, 0, "Trainee:     ", or(r->trainee, "not recorded"));
	textdoc_put(b, 0, "Clinician:   ", or(r->clinician, "not recorded"));
	textdoc_put(b, 0, "Patient:     ", or(r->patient, "not recorded"));
	textdoc_put(b, 0, "Started:     ", or(r->started, "?"));
	textdoc_put(b, 0, "Ended:       ", or(r->ended, "?"));
	textdoc_put(b, 0, "Status:      ", status);
	if (r->endpoint_title)
		textdoc_putf(b, 0, "Outcome:     ", "%s (%s)", r->endpoint_title, or(r->endpoint_node, "?"));
	else
		textdoc_put(b, 0, "Outcome:     ", "no endpoint reached");
	textdoc_put(b, 0, "Journal:     ", r->log->file);
	if (r->pathway_notice)
		textdoc_putf(b, 0, "Note:        ", "%s: warning texts, references and the disclaimer are not shown.",
		     r->pathway_notice);
	for (size_t i = 0; i < r->log->notices.count; i++)
		textdoc_putf(b, 0, "Note:        ", "line %d: %s", r->log->notices.items[i].line,
		     r->log->notices.items[i].message);
	free(status);
	free(mode);
}

/* The first section: who the pathway is for, its version, the disclaimer and its choices. */
static void about(struct textdoc *d, const struct report *r)
{
	struct textdoc_block *b;

	textdoc_section(d, REPORT_ABOUT_HEADING);
	b = textdoc_block(d, true, 0);
	textdoc_putf(b, 0, NULL, "%s, version %s, review date %s.", or(r->title, "?"), or(r->version, "?"),
		     or(r->review_date, "?"));
	if (!r->pw) {
		textdoc_put(b, 0, NULL, "Scope, disclaimer and choices: not available (the pathway this session "
			    "used was not loaded).");
		return;
	}
	textdoc_put(b, 0, "Scope: ", or(r->pw->scope, REPORT_NO_SCOPE));
	textdoc_put(b, 0, "Disclaimer: ", r->pw->disclaimer);
	if (r->pw->nchoices == 0)
		return;
	b = textdoc_block(d, false, 1);
	textdoc_put(b, 0, NULL, REPORT_CHOICES_HEADING);
	for (size_t i = 0; i < r->pw->nchoices; i++) {
		char *num = xasprintf("%zu. ", i + 1);

		textdoc_put(b, INDENT, num, r->pw->choices[i]);
		free(num);
	}
}

/* One plan heading of an endpoint and its items as recorded, each with its citations. */
static void plan(struct textdoc_block *b, const char *heading, const struct report_plan *p)
{
	textdoc_putf(b, INDENT, NULL, "%s:%s", heading, !p->recorded ? " not recorded in this journal"
						       : p->count == 0 ? " nothing further" : "");
	for (size_t i = 0; i < p->count; i++) {
		struct strbuf sb = STRBUF_INIT;

		sb_append(&sb, p->items[i].text);
		for (size_t k = 0; k < p->items[i].nrefs; k++)
			sb_appendf(&sb, " [%s]", p->items[i].refs[k]);
		textdoc_put(b, INDENT + 3, "- ", sb_str(&sb));
		sb_free(&sb);
	}
}

static void explanation(struct textdoc_block *b, const struct report_explanation *x)
{
	for (size_t i = 0; i < x->count; i++)
		textdoc_putf(b, INDENT + 5, "- ", "%s: %s", x->clauses[i].text, report_truth_word(x->clauses[i].truth));
}

static void decision(struct textdoc *d, const struct report_item *it)
{
	struct textdoc_block *b = textdoc_block(d, true, 1);

	textdoc_putf(b, INDENT, "DECISION: ", "%s -> %s%s%s%s", or(it->u.decision.label, "?"), or(it->u.decision.target, "?"),
	     it->u.decision.target_title ? " (" : "", or(it->u.decision.target_title, ""),
	     it->u.decision.target_title ? ")" : "");
	textdoc_putf(b, INDENT + 3, NULL, "at %s, %s", or(it->time, "?"),
	     it->u.decision.accepted ? "the recommended step, accepted" : "OVERRIDDEN by the clinician");
	if (it->u.decision.condition) {
		textdoc_put(b, INDENT + 3, "Condition: ", it->u.decision.condition);
		explanation(b, &it->u.decision.explanation);
	} else {
		textdoc_put(b, INDENT + 3, "Condition: ", "none (the fallback: taken when no earlier step applies)");
	}
	if (it->u.decision.accepted)
		return;
	textdoc_put(b, INDENT + 3, "Reason: ", or(it->u.decision.reason, "none recorded"));
	textdoc_putf(b, INDENT + 3, "Recommended was: ", "%s%s%s%s", or(it->u.decision.recommended, "none"),
	     it->u.decision.recommended_title ? " (" : "", or(it->u.decision.recommended_title, ""),
	     it->u.decision.recommended_title ? ")" : "");
	textdoc_put(b, INDENT + 3, "Its condition: ",
	    or(it->u.decision.recommended_condition, "none (the fallback)"));
	explanation(b, &it->u.decision.recommended_explanation);
}

static void choice(struct textdoc *d, const struct report_item *it)
{
	struct textdoc_block *b = textdoc_block(d, true, 1);
	char *seconds = report_seconds_text(it->u.choice.seconds);

	textdoc_putf(b, INDENT, it->u.choice.repeat ? "TRAINEE'S CHOICE (a repeat, not scored): " : "TRAINEE'S CHOICE: ",
		     "%s (%s)", or(it->u.choice.chosen_label, "?"), or(it->u.choice.chosen, "?"));
	textdoc_putf(b, INDENT + 3, "Pathway recommends: ", "%s (%s)", or(it->u.choice.recommended_label, "?"),
		     or(it->u.choice.recommended, "?"));
	textdoc_putf(b, INDENT + 3, NULL, "%s; committed after %s, at %s", it->u.choice.correct > 0 ? "correct"
		     : it->u.choice.correct == 0 ? "INCORRECT" : "not scored", seconds, or(it->time, "?"));
	free(seconds);
}

/* The trainee's results: the score and, per decision on the route, the choice beside the route. */
static void debrief(struct textdoc *d, const struct report *r)
{
	struct textdoc_block *b;
	char *score = report_score_text(r);

	textdoc_section(d, "TRAINING DEBRIEF");
	b = textdoc_block(d, true, 0);
	textdoc_put(b, 0, NULL, score);
	if (r->nfindings > 0)
		textdoc_putf(b, 0, NULL, "Findings entered as in the case: %zu/%zu.", r->findings_matched, r->nfindings);
	if (r->ndebrief == 0)
		textdoc_put(b, 0, NULL, "No decision was reached.");
	for (size_t i = 0; i < r->ndebrief; i++) {
		const struct report_item *it = r->debrief[i];
		char *seconds = report_seconds_text(it->u.choice.seconds);

		b = textdoc_block(d, true, 1);
		textdoc_putf(b, 0, NULL, "%zu. %s (%s): %s, %s", i + 1, or(it->u.choice.title, "?"), or(it->node, "?"),
			     report_correct_word(it->u.choice.correct), seconds);
		textdoc_putf(b, INDENT, "Trainee chose:   ", "%s (%s)", or(it->u.choice.chosen_label, "?"),
			     or(it->u.choice.chosen, "?"));
		textdoc_putf(b, INDENT, "Pathway's route: ", "%s (%s)", or(it->u.choice.recommended_label, "?"),
			     or(it->u.choice.recommended, "?"));
		free(seconds);
	}
	free(score);
}

static void item(struct textdoc *d, const struct report *r, const struct report_item *it, int *step)
{
	struct textdoc_block *b;

	switch (it->kind) {
	case ITEM_NODE:
		b = textdoc_block(d, true, 1);
		b->keep_with_next = true;
		textdoc_putf(b, 0, NULL, "STEP %d. %s (%s)", ++*step, or(it->u.node.title, "?"), or(it->node, "?"));
		textdoc_putf(b, INDENT, NULL, "Stage: %s. Entered at %s.", or(it->u.node.stage_label, "?"), or(it->time, "?"));
		break;
	case ITEM_ANSWER:
		b = textdoc_block(d, true, 0);
		textdoc_putf(b, INDENT, "Q: ", "%s (%s)", or(it->u.answer.prompt, "?"), or(it->u.answer.var, "?"));
		if (it->u.answer.revised)
			textdoc_putf(b, INDENT + 3, "A: ", "%s -- REVISED at %s; previously: %s%s%s%s", or(it->u.answer.text, "?"),
			     or(it->time, "?"), or(it->u.answer.previous, "?"), it->u.answer.previous_time ? " (given at " : "",
			     or(it->u.answer.previous_time, ""), it->u.answer.previous_time ? ")" : "");
		else
			textdoc_put(b, INDENT + 3, "A: ", or(it->u.answer.text, or(it->u.answer.value, "?")));
		break;
	case ITEM_WARNING:
		b = textdoc_block(d, true, 1);
		textdoc_putf(b, INDENT, "WARNING: ", "%s (%s), shown at %s", or(it->u.warning.title, "?"),
		     or(it->u.warning.id, "?"), or(it->time, "?"));
		textdoc_put(b, INDENT + 3, NULL, r->pw ? or(it->u.warning.text, "(no text)") : REPORT_NO_PATHWAY_TEXT);
		break;
	case ITEM_DECISION:
		decision(d, it);
		break;
	case ITEM_BACK:
		b = textdoc_block(d, true, 1);
		textdoc_putf(b, INDENT, "BACK: ", "at %s, from %s (%s) to %s (%s). Earlier answers stay in the log; "
		     "changed ones are marked as revised.", or(it->time, "?"), or(it->u.back.from_title, "?"),
		     or(it->u.back.from, "?"), or(it->u.back.to_title, "?"), or(it->u.back.to, "?"));
		break;
	case ITEM_ENDPOINT:
		b = textdoc_block(d, true, 1);
		textdoc_putf(b, 0, "ENDPOINT: ", "%s (%s), reached at %s", or(it->u.endpoint.title, "?"), or(it->node, "?"),
		     or(it->time, "?"));
		textdoc_put(b, INDENT, "Recommendation: ", or(it->u.endpoint.recommendation, "none recorded"));
		plan(b, "What to do", &it->u.endpoint.actions);
		plan(b, "What to document", &it->u.endpoint.document);
		if (it->u.endpoint.nwarnings > 0) {
			struct strbuf ids = STRBUF_INIT;

			for (size_t i = 0; i < it->u.endpoint.nwarnings; i++)
				sb_appendf(&ids, "%s%s", i ? ", " : "", it->u.endpoint.warnings[i]);
			textdoc_put(b, INDENT, "Warnings shown on the path: ", sb_str(&ids));
			sb_free(&ids);
		}
		break;
	case ITEM_END:
		b = textdoc_block(d, true, 1);
		textdoc_putf(b, 0, NULL, "Session closed at %s.", or(it->time, "?"));
		break;
	case ITEM_INTERRUPTED:
		b = textdoc_block(d, true, 1);
		textdoc_putf(b, 0, NULL, "*** SESSION INTERRUPTED at %s, at %s: %s ***", or(it->time, "?"), or(it->node, "?"),
		     or(it->u.interrupted.reason, "no reason recorded"));
		break;
	case ITEM_RESUME:
		b = textdoc_block(d, true, 1);
		textdoc_putf(b, 0, NULL, "Session resumed at %s at %s (%s).", or(it->time, "?"),
			     or(it->u.resume.title, "?"), or(it->node, "?"));
		if (it->u.resume.notice)
			textdoc_put(b, INDENT, "Notice: ", it->u.resume.notice);
		break;
	case ITEM_CHOICE:
		choice(d, it);
		break;
	case ITEM_FINDING:
		b = textdoc_block(d, true, 1);
		textdoc_putf(b, INDENT, "FINDING: ", "%s (%s): entered %s; the case says %s -- %s",
			     or(it->u.finding.prompt, "?"), or(it->u.finding.var, "?"), or(it->u.finding.entered, "?"),
			     or(it->u.finding.expected, "?"), it->u.finding.match > 0 ? "matches"
							      : it->u.finding.match == 0 ? "DOES NOT MATCH" : "not compared");
		break;
	case ITEM_SCORE:
		b = textdoc_block(d, true, 1);
		textdoc_putf(b, 0, NULL, "Score recorded at %s: %ld/%ld decisions correct.", or(it->time, "?"),
			     it->u.score.correct, it->u.score.total);
		if (it->u.score.findings_total >= 0)
			textdoc_putf(b, INDENT, NULL, "Findings entered as in the case: %ld/%ld.",
				     it->u.score.findings_matched, it->u.score.findings_total);
		break;
	case ITEM_OTHER:
		b = textdoc_block(d, true, 1);
		textdoc_putf(b, INDENT, "EVENT: ", "%s at %s", or(it->u.other.event, "?"), or(it->time, "?"));
		for (size_t i = 0; i < it->u.other.nfields; i++)
			textdoc_putf(b, INDENT + 3, NULL, "%s: %s", it->u.other.fields[i].key, or(it->u.other.fields[i].value, ""));
		break;
	}
}

static void closing(struct textdoc *d, const struct report *r)
{
	struct textdoc_block *b;
	char *integrity;

	textdoc_section(d, "REFERENCES CITED ON THE PATH");
	b = textdoc_block(d, true, 0);
	if (!r->pw)
		textdoc_put(b, 0, NULL, "Not available: the pathway this session used was not loaded.");
	else if (r->nrefs == 0)
		textdoc_put(b, 0, NULL, "None.");
	for (size_t i = 0; i < r->nrefs; i++) {
		if (i > 0)
			b = textdoc_block(d, true, 0);
		textdoc_putf(b, 0, NULL, "[%s] %s", r->refs[i].id, or(r->refs[i].citation, ""));
	}
	textdoc_section(d, "DISCLAIMER");
	b = textdoc_block(d, false, 0);
	textdoc_put(b, 0, NULL, r->disclaimer ? r->disclaimer
				      : "Not available: the pathway this session used was not loaded. This log is a "
					"record of decision support, not a substitute for clinical judgement.");
	b = textdoc_block(d, true, 3);
	textdoc_put(b, 0, NULL, REPORT_SIGNATURE_LINE);
	textdoc_put(b, 0, REPORT_DIGEST_LABEL, r->log->digest);
	integrity = report_integrity_text(r);
	if (integrity)
		textdoc_put(b, 0, NULL, integrity);
	free(integrity);
}

static void build(struct textdoc *d, const struct report *r)
{
	int step = 0;

	header(d, r);
	about(d, r);
	textdoc_section(d, "THE WALK");
	for (size_t i = 0; i < r->nitems; i++)
		item(d, r, &r->items[i], &step);
	if (report_is_training(r))
		debrief(d, r);
	closing(d, r);
}

void report_render_text(const struct report *r, struct strbuf *out)
{
	struct textdoc d = { 0 };
	struct textdoc_block running = { 0 };
	struct strbuf top = STRBUF_INIT;

	build(&d, r);
	utf8_append_clean(&top, or(r->title, "Session log"), false);
	textdoc_put(&running, 0, NULL, sb_str(&top));
	sb_reset(&top);
	utf8_append_clean(&top, or(r->patient, "not recorded"), false);
	sb_append(&top, " | Date: ");
	utf8_append_clean(&top, or(r->session_date, "unknown"), false);
	textdoc_put(&running, 0, "Patient: ", sb_str(&top));
	textdoc_render(&d, &running, out);
	sb_free(&top);
}
