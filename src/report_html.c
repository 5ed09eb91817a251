/* The HTML log: one self-contained file (inline CSS, no scripts, nothing fetched from the network)
 * with print styles, so it can be opened and printed anywhere, including offline. Every piece of
 * text is sanitized and HTML-escaped. */
#include <stdlib.h>

#include "markup.h"
#include "report_model.h"
#include "strbuf.h"
#include "xalloc.h"

static const char style[] =
	"body{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;font-size:11pt;line-height:1.35;"
	"color:#000;background:#fff;max-width:46em;margin:1.5em auto;padding:0 1em}\n"
	"h1{font-size:16pt;margin:0 0 .4em}h2{font-size:13pt;border-bottom:1px solid #444;margin-top:1.4em}\n"
	"h3{font-size:11.5pt;margin:1.1em 0 .2em}\n"
	".meta{border-collapse:collapse;width:100%}.meta th{text-align:left;vertical-align:top;width:9em;"
	"padding:1px 6px 1px 0}.meta td{padding:1px 0;overflow-wrap:anywhere}\n"
	".incomplete{border:3px solid #000;padding:.4em .8em;font-weight:bold;margin:.8em 0}\n"
	".note{font-style:italic}.stage{margin:0;color:#333}\n"
	".answers{margin:.3em 0;padding-left:1.2em}.revised{font-weight:bold}\n"
	".warning{border-left:4px solid #000;padding:.2em .7em;margin:.6em 0;break-inside:avoid;"
	"page-break-inside:avoid}\n"
	".decision{border:1px solid #444;padding:.3em .7em;margin:.6em 0;break-inside:avoid;"
	"page-break-inside:avoid}\n"
	".decision p{margin:.2em 0}.override{font-weight:bold}.true{font-weight:bold}.false{font-style:italic}\n"
	".endpoint{border:2px solid #000;padding:.3em .8em;margin:1em 0;break-inside:avoid;"
	"page-break-inside:avoid}\n"
	".back,.closed{margin:.5em 0}.signature{margin-top:3em;break-inside:avoid;page-break-inside:avoid}\n"
	"h2,h3{break-after:avoid;page-break-after:avoid}\n"
	"@page{margin:15mm}\n"
	"@page a4{size:A4}@page letter{size:Letter}body.a4{page:a4}body.letter{page:letter}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}a{color:#000}}\n";

/* Only training logs carry the debrief table: other logs keep their exact styles. */
static const char training_style[] =
	".debrief{border-collapse:collapse;width:100%}.debrief th,.debrief td{border:1px solid #444;"
	"padding:2px 4px;text-align:left;vertical-align:top;overflow-wrap:anywhere}.debrief tr{break-inside:avoid;"
	"page-break-inside:avoid}.incorrect{font-weight:bold}\n";

static void h(struct strbuf *out, const char *text, const char *fallback)
{
	markup_html(out, text, fallback, false);
}

static void row(struct strbuf *out, const char *label, const char *value, const char *fallback)
{
	sb_appendf(out, "<tr><th>%s</th><td>", label);
	h(out, value, fallback);
	sb_append(out, "</td></tr>\n");
}

static void titled(struct strbuf *out, const char *id, const char *title)
{
	h(out, id, "?");
	if (title) {
		sb_append(out, " (");
		h(out, title, "");
		sb_append(out, ")");
	}
}

static void header(struct strbuf *out, const struct report *r)
{
	char *status = report_status_text(r), *mode = report_mode_text(r);

	sb_append(out, "<h1>Session log: ");
	h(out, r->title, "(untitled pathway)");
	sb_append(out, "</h1>\n");
	if (r->status != REPORT_COMPLETE) {
		sb_append(out, "<div class=\"incomplete\">");
		h(out, status, "");
		sb_append(out, "<br>This log does not record a finished walk: the clinical picture may be "
			       "incomplete.</div>\n");
	}
	sb_append(out, "<table class=\"meta\">\n<tr><th>Pathway</th><td>");
	h(out, r->title, "?");
	sb_append(out, " (id ");
	h(out, r->pathway_id, "?");
	sb_append(out, ", version ");
	h(out, r->version, "?");
	sb_append(out, ", review date ");
	h(out, r->review_date, "?");
	sb_append(out, ")</td></tr>\n");
	row(out, "Source", r->pathway_file, "not recorded");
	row(out, "SHA-256", r->sha256, "not recorded");
	row(out, "Mode", mode, "");
	if (report_is_training(r))
		row(out, "Trainee", r->trainee, "not recorded");
	row(out, "Clinician", r->clinician, "not recorded");
	row(out, "Patient", r->patient, "not recorded");
	row(out, "Started", r->started, "?");
	row(out, "Ended", r->ended, "?");
	row(out, "Status", status, "");
	sb_append(out, "<tr><th>Outcome</th><td>");
	if (r->endpoint_title) {
		h(out, r->endpoint_title, "");
		sb_append(out, " (");
		h(out, r->endpoint_node, "?");
		sb_append(out, ")");
	} else {
		sb_append(out, "no endpoint reached");
	}
	sb_append(out, "</td></tr>\n");
	row(out, "Journal", r->log->file, "");
	sb_append(out, "</table>\n");
	if (r->pathway_notice) {
		sb_append(out, "<p class=\"note\">Note: ");
		h(out, r->pathway_notice, "");
		sb_append(out, ": warning texts, references and the disclaimer are not shown.</p>\n");
	}
	for (size_t i = 0; i < r->log->notices.count; i++) {
		sb_appendf(out, "<p class=\"note\">Note: line %d: ", r->log->notices.items[i].line);
		h(out, r->log->notices.items[i].message, "");
		sb_append(out, "</p>\n");
	}
	free(status);
	free(mode);
}

/* The first section: who the pathway is for, its version, the disclaimer and its choices. */
static void about(struct strbuf *out, const struct report *r)
{
	sb_append(out, "<h2>" REPORT_ABOUT_HEADING "</h2>\n<table class=\"meta\">\n");
	row(out, "Pathway", r->title, "?");
	row(out, "Version", r->version, "?");
	row(out, "Review date", r->review_date, "?");
	if (r->pw) {
		row(out, "Scope", r->pw->scope, REPORT_NO_SCOPE);
		row(out, "Disclaimer", r->pw->disclaimer, "");
	}
	sb_append(out, "</table>\n");
	if (!r->pw) {
		sb_append(out, "<p>Scope, disclaimer and choices: not available (the pathway this session used was "
			  "not loaded).</p>\n");
		return;
	}
	if (r->pw->nchoices == 0)
		return;
	sb_append(out, "<p>" REPORT_CHOICES_HEADING "</p>\n<ol>\n");
	for (size_t i = 0; i < r->pw->nchoices; i++) {
		sb_append(out, "<li>");
		h(out, r->pw->choices[i], "");
		sb_append(out, "</li>\n");
	}
	sb_append(out, "</ol>\n");
}

/* One plan heading of an endpoint and its items as recorded, each with its citations. */
static void plan(struct strbuf *out, const char *heading, const struct report_plan *p)
{
	sb_appendf(out, "<h3>%s</h3>\n", heading);
	if (!p->recorded)
		sb_append(out, "<p>Not recorded in this journal.</p>\n");
	else if (p->count == 0)
		sb_append(out, "<p>Nothing further.</p>\n");
	if (p->count == 0)
		return;
	sb_append(out, "<ul>\n");
	for (size_t i = 0; i < p->count; i++) {
		sb_append(out, "<li>");
		markup_html(out, p->items[i].text, "", true);
		for (size_t k = 0; k < p->items[i].nrefs; k++) {
			sb_append(out, " [");
			h(out, p->items[i].refs[k], "");
			sb_append(out, "]");
		}
		sb_append(out, "</li>\n");
	}
	sb_append(out, "</ul>\n");
}

static void explanation(struct strbuf *out, const struct report_explanation *x)
{
	if (x->count == 0)
		return;
	sb_append(out, "<ul>\n");
	for (size_t i = 0; i < x->count; i++) {
		const char *word = report_truth_word(x->clauses[i].truth);

		sb_append(out, "<li>");
		h(out, x->clauses[i].text, "?");
		sb_appendf(out, ": <span class=\"%s\">%s</span></li>\n", word, word);
	}
	sb_append(out, "</ul>\n");
}

static void decision(struct strbuf *out, const struct report_item *it)
{
	sb_appendf(out, "<div class=\"decision%s\">\n<p><strong>Decision:</strong> ",
		   it->u.decision.accepted ? "" : " overridden");
	h(out, it->u.decision.label, "?");
	sb_append(out, " &rarr; ");
	titled(out, it->u.decision.target, it->u.decision.target_title);
	sb_append(out, "</p>\n<p>At ");
	h(out, it->time, "?");
	sb_append(out, it->u.decision.accepted ? ", the recommended step, accepted.</p>\n"
					       : ", <span class=\"override\">OVERRIDDEN by the clinician</span>.</p>\n");
	sb_append(out, "<p>Condition: ");
	h(out, it->u.decision.condition, "none (the fallback: taken when no earlier step applies)");
	sb_append(out, "</p>\n");
	explanation(out, &it->u.decision.explanation);
	if (!it->u.decision.accepted) {
		sb_append(out, "<p><strong>Reason:</strong> ");
		h(out, it->u.decision.reason, "none recorded");
		sb_append(out, "</p>\n<p>Recommended was: ");
		titled(out, it->u.decision.recommended ? it->u.decision.recommended : "none",
		       it->u.decision.recommended_title);
		sb_append(out, "</p>\n<p>Its condition: ");
		h(out, it->u.decision.recommended_condition, "none (the fallback)");
		sb_append(out, "</p>\n");
		explanation(out, &it->u.decision.recommended_explanation);
	}
	sb_append(out, "</div>\n");
}

static void close_answers(struct strbuf *out, bool *in_list)
{
	if (*in_list)
		sb_append(out, "</ul>\n");
	*in_list = false;
}

static void answer(struct strbuf *out, const struct report_item *it, bool *in_list)
{
	if (!*in_list)
		sb_append(out, "<ul class=\"answers\">\n");
	*in_list = true;
	sb_append(out, "<li><strong>");
	h(out, it->u.answer.prompt, "?");
	sb_append(out, "</strong> (");
	h(out, it->u.answer.var, "?");
	sb_append(out, "): ");
	h(out, it->u.answer.text, it->u.answer.value ? it->u.answer.value : "?");
	if (it->u.answer.revised) {
		sb_append(out, " <span class=\"revised\">revised</span> at ");
		h(out, it->time, "?");
		sb_append(out, "; previously: ");
		h(out, it->u.answer.previous, "?");
		if (it->u.answer.previous_time) {
			sb_append(out, " (given at ");
			h(out, it->u.answer.previous_time, "");
			sb_append(out, ")");
		}
	}
	sb_append(out, "</li>\n");
}

static void choice(struct strbuf *out, const struct report_item *it)
{
	char *seconds = report_seconds_text(it->u.choice.seconds);
	const char *word = report_correct_word(it->u.choice.correct);

	sb_append(out, "<div class=\"decision\">\n<p><strong>Trainee&#39;s choice");
	sb_append(out, it->u.choice.repeat ? " (a repeat, not scored)" : "");
	sb_append(out, ":</strong> ");
	titled(out, it->u.choice.chosen_label ? it->u.choice.chosen_label : "?", it->u.choice.chosen);
	sb_appendf(out, "</p>\n<p><span class=\"%s\">%s</span>, committed after %s at ",
		   it->u.choice.correct == 0 ? "incorrect" : "result", word, seconds);
	h(out, it->time, "?");
	sb_append(out, ".</p>\n<p>Pathway recommends: ");
	titled(out, it->u.choice.recommended_label ? it->u.choice.recommended_label : "?", it->u.choice.recommended);
	sb_append(out, "</p>\n</div>\n");
	free(seconds);
}

static void finding(struct strbuf *out, const struct report_item *it)
{
	sb_append(out, "<p class=\"back\"><strong>Finding:</strong> ");
	titled(out, it->u.finding.prompt ? it->u.finding.prompt : "?", it->u.finding.var);
	sb_append(out, ": entered ");
	h(out, it->u.finding.entered, "?");
	sb_append(out, "; the case says ");
	h(out, it->u.finding.expected, "?");
	sb_append(out, it->u.finding.match > 0 ? " &mdash; matches</p>\n"
		       : it->u.finding.match == 0 ? " &mdash; <span class=\"incorrect\">does not match</span></p>\n"
						  : " &mdash; not compared</p>\n");
}

static void cell(struct strbuf *out, const char *text, const char *id)
{
	sb_append(out, "<td>");
	titled(out, text ? text : "?", id);
	sb_append(out, "</td>");
}

/* The trainee's results: the score and, per decision on the route, the choice beside the route. */
static void debrief(struct strbuf *out, const struct report *r)
{
	char *score = report_score_text(r);

	sb_append(out, "<h2>Training debrief</h2>\n<p><strong>");
	h(out, score, "");
	sb_append(out, "</strong></p>\n");
	if (r->nfindings > 0)
		sb_appendf(out, "<p>Findings entered as in the case: %zu/%zu.</p>\n", r->findings_matched, r->nfindings);
	if (r->ndebrief == 0)
		sb_append(out, "<p>No decision was reached.</p>\n");
	else
		sb_append(out, "<table class=\"debrief\">\n<tr><th>#</th><th>Decision</th><th>Trainee chose</th>"
			       "<th>Pathway&#39;s route</th><th>Result</th><th>Time</th></tr>\n");
	for (size_t i = 0; i < r->ndebrief; i++) {
		const struct report_item *it = r->debrief[i];
		char *seconds = report_seconds_text(it->u.choice.seconds);

		sb_appendf(out, "<tr><td>%zu</td>", i + 1);
		cell(out, it->u.choice.title, it->node);
		cell(out, it->u.choice.chosen_label, it->u.choice.chosen);
		cell(out, it->u.choice.recommended_label, it->u.choice.recommended);
		sb_appendf(out, "<td class=\"%s\">%s</td><td>%s</td></tr>\n", it->u.choice.correct == 0 ? "incorrect"
			   : "result", report_correct_word(it->u.choice.correct), seconds);
		free(seconds);
	}
	if (r->ndebrief > 0)
		sb_append(out, "</table>\n");
	free(score);
}

static void item(struct strbuf *out, const struct report *r, const struct report_item *it, int *step,
		 bool *in_list)
{
	if (it->kind != ITEM_ANSWER)
		close_answers(out, in_list);
	switch (it->kind) {
	case ITEM_NODE:
		sb_appendf(out, "<h3>Step %d. ", ++*step);
		h(out, it->u.node.title, "?");
		sb_append(out, " (");
		h(out, it->node, "?");
		sb_append(out, ")</h3>\n<p class=\"stage\">Stage: ");
		h(out, it->u.node.stage_label, "?");
		sb_append(out, ". Entered at ");
		h(out, it->time, "?");
		sb_append(out, ".</p>\n");
		break;
	case ITEM_ANSWER:
		answer(out, it, in_list);
		break;
	case ITEM_WARNING:
		sb_append(out, "<div class=\"warning\"><p><strong>Warning: ");
		h(out, it->u.warning.title, "?");
		sb_append(out, "</strong> (");
		h(out, it->u.warning.id, "?");
		sb_append(out, "), shown at ");
		h(out, it->time, "?");
		sb_append(out, "</p>\n<p>");
		markup_html(out, r->pw ? it->u.warning.text : REPORT_NO_PATHWAY_TEXT, "(no text)", true);
		sb_append(out, "</p></div>\n");
		break;
	case ITEM_DECISION:
		decision(out, it);
		break;
	case ITEM_BACK:
		sb_append(out, "<p class=\"back\"><strong>Back</strong> at ");
		h(out, it->time, "?");
		sb_append(out, ": from ");
		titled(out, it->u.back.from, it->u.back.from_title);
		sb_append(out, " to ");
		titled(out, it->u.back.to, it->u.back.to_title);
		sb_append(out, ". Earlier answers stay in the log; changed ones are marked as revised.</p>\n");
		break;
	case ITEM_ENDPOINT:
		sb_append(out, "<div class=\"endpoint\">\n<h2>Endpoint: ");
		h(out, it->u.endpoint.title, "?");
		sb_append(out, " (");
		h(out, it->node, "?");
		sb_append(out, ")</h2>\n<p>Reached at ");
		h(out, it->time, "?");
		sb_append(out, ".</p>\n<h3>Recommendation</h3>\n<p>");
		markup_html(out, it->u.endpoint.recommendation, "None recorded.", true);
		sb_append(out, "</p>\n");
		plan(out, "What to do", &it->u.endpoint.actions);
		plan(out, "What to document", &it->u.endpoint.document);
		if (it->u.endpoint.nwarnings > 0) {
			sb_append(out, "<p>Warnings shown on the path: ");
			for (size_t i = 0; i < it->u.endpoint.nwarnings; i++) {
				sb_append(out, i ? ", " : "");
				h(out, it->u.endpoint.warnings[i], "");
			}
			sb_append(out, "</p>\n");
		}
		sb_append(out, "</div>\n");
		break;
	case ITEM_END:
		sb_append(out, "<p class=\"closed\">Session closed at ");
		h(out, it->time, "?");
		sb_append(out, ".</p>\n");
		break;
	case ITEM_INTERRUPTED:
		sb_append(out, "<div class=\"incomplete\">SESSION INTERRUPTED at ");
		h(out, it->time, "?");
		sb_append(out, ", at ");
		h(out, it->node, "?");
		sb_append(out, ": ");
		h(out, it->u.interrupted.reason, "no reason recorded");
		sb_append(out, "</div>\n");
		break;
	case ITEM_RESUME:
		sb_append(out, "<p class=\"closed\">Session resumed at ");
		h(out, it->time, "?");
		sb_append(out, " at ");
		titled(out, it->u.resume.title ? it->u.resume.title : "?", it->node);
		sb_append(out, ".</p>\n");
		if (it->u.resume.notice) {
			sb_append(out, "<p class=\"note\">Notice: ");
			h(out, it->u.resume.notice, "");
			sb_append(out, "</p>\n");
		}
		break;
	case ITEM_CHOICE:
		choice(out, it);
		break;
	case ITEM_FINDING:
		finding(out, it);
		break;
	case ITEM_SCORE:
		sb_append(out, "<p class=\"closed\"><strong>Score</strong> recorded at ");
		h(out, it->time, "?");
		sb_appendf(out, ": %ld/%ld decisions correct", it->u.score.correct, it->u.score.total);
		if (it->u.score.findings_total >= 0)
			sb_appendf(out, "; findings entered as in the case: %ld/%ld", it->u.score.findings_matched,
				   it->u.score.findings_total);
		sb_append(out, ".</p>\n");
		break;
	case ITEM_OTHER:
		sb_append(out, "<div class=\"decision\"><p><strong>Event ");
		h(out, it->u.other.event, "?");
		sb_append(out, "</strong> at ");
		h(out, it->time, "?");
		sb_append(out, "</p>\n<ul>\n");
		for (size_t i = 0; i < it->u.other.nfields; i++) {
			sb_append(out, "<li>");
			h(out, it->u.other.fields[i].key, "");
			sb_append(out, ": ");
			h(out, it->u.other.fields[i].value, "");
			sb_append(out, "</li>\n");
		}
		sb_append(out, "</ul></div>\n");
		break;
	}
}

/* The signature line, the journal's digest beside it, and the integrity warning of a forced log. */
static void signature(struct strbuf *out, const struct report *r)
{
	char *integrity = report_integrity_text(r);

	h(out, REPORT_SIGNATURE_LINE, "");
	sb_append(out, "<br>\n" REPORT_DIGEST_LABEL "<code>");
	h(out, r->log->digest, "");
	sb_append(out, "</code>");
	if (integrity) {
		sb_append(out, "<br>\n<strong>");
		h(out, integrity, "");
		sb_append(out, "</strong>");
	}
	free(integrity);
}

void report_render_html(const struct report *r, struct strbuf *out)
{
	int step = 0;
	bool in_list = false;

	char *title = xasprintf("Session log: %s | %s | %s", r->title ? r->title : "pathway",
				r->patient ? r->patient : "patient not recorded", r->session_date ? r->session_date : "");
	char *css = xasprintf("%s%s", style, report_is_training(r) ? training_style : "");

	markup_html_head(out, title, css);
	free(title);
	free(css);
	header(out, r);
	about(out, r);
	sb_append(out, "<h2>The walk</h2>\n");
	for (size_t i = 0; i < r->nitems; i++)
		item(out, r, &r->items[i], &step, &in_list);
	close_answers(out, &in_list);
	if (report_is_training(r))
		debrief(out, r);
	sb_append(out, "<h2>References cited on the path</h2>\n");
	if (!r->pw)
		sb_append(out, "<p>Not available: the pathway this session used was not loaded.</p>\n");
	else if (r->nrefs == 0)
		sb_append(out, "<p>None.</p>\n");
	if (r->nrefs > 0) {
		sb_append(out, "<ul>\n");
		for (size_t i = 0; i < r->nrefs; i++) {
			sb_append(out, "<li>[");
			h(out, r->refs[i].id, "");
			sb_append(out, "] ");
			h(out, r->refs[i].citation, "");
			sb_append(out, "</li>\n");
		}
		sb_append(out, "</ul>\n");
	}
	sb_append(out, "<h2>Disclaimer</h2>\n<p>");
	markup_html(out, r->disclaimer, "Not available: the pathway this session used was not loaded. This log is a "
				      "record of decision support, not a substitute for clinical judgement.", true);
	sb_append(out, "</p>\n<p class=\"signature\">");
	signature(out, r);
	sb_append(out, "</p>\n</body>\n</html>\n");
}
