/* SPDX-License-Identifier: Apache-2.0 */
/* Page 1 of the session log: the visit summary a clinic files. The pathway and its version, the
 * patient, the clinician, the date, the outcome and its plan, the overrides with their reasons,
 * the warnings shown, what would change the recommendation, and the journal's digest beside the
 * signature line. */
#include <stdlib.h>
#include <string.h>

#include "log_build.h"
#include "log_parts.h"
#include "strbuf.h"
#include "xalloc.h"

static const struct report_item *endpoint_item(const struct report *r)
{
	for (size_t i = r->nitems; i-- > 0;)
		if (r->items[i].kind == ITEM_ENDPOINT)
			return &r->items[i];
	return NULL;
}

static void details(const struct report *r, bool ids, struct rdoc_node *root)
{
	struct rdoc_node *f = rdoc_add(root, RDOC_FIELDS);
	char *outcome = log_named(r->endpoint_title, r->endpoint_node, ids);

	rdoc_rowf(f, "Pathway", "%s, version %s (review date %s)%s%s%s", log_or(r->title, "?"), log_or(r->version, "?"),
		 log_or(r->review_date, "?"), ids ? " (id " : "", ids ? log_or(r->pathway_id, "?") : "", ids ? ")" : "");
	rdoc_row(f, "Patient", log_or(r->patient, "not recorded"));
	rdoc_row(f, "Clinician", log_or(r->clinician, "not recorded"));
	if (report_is_training(r))
		rdoc_row(f, "Trainee", log_or(r->trainee, "not recorded"));
	rdoc_row(f, "Date", log_or(r->session_date, "not recorded"));
	rdoc_row(f, "Outcome", r->endpoint_title || r->endpoint_node ? outcome : "no endpoint reached");
	free(outcome);
}

static void overrides(const struct report *r, bool ids, struct rdoc_node *root)
{
	struct rdoc_node *list = NULL;

	for (size_t i = 0; i < r->nitems; i++) {
		const struct report_item *it = &r->items[i];
		char *to, *instead;

		if (it->kind != ITEM_DECISION || it->u.decision.accepted)
			continue;
		if (!list) {
			rdoc_heading(root, 3, "Overrides");
			list = rdoc_add(root, RDOC_LIST);
		}
		to = log_named(it->u.decision.target_title, it->u.decision.target, ids);
		instead = log_named(it->u.decision.recommended_title, it->u.decision.recommended, ids);
		rdoc_item(list, 0, "%s → %s, instead of %s. Reason: %s", log_or(it->u.decision.label, "?"), to,
			 it->u.decision.recommended || it->u.decision.recommended_title ? instead : "none",
			 log_or(it->u.decision.reason, "none recorded"));
		free(to);
		free(instead);
	}
}

/* How soon a warning must be read: urgent first, then caution (and warnings from journals before
 * severities), then advice, as the screens list them. */
static int severity_rank(const char *severity)
{
	if (severity && strcmp(severity, "urgent") == 0)
		return 0;
	return severity && strcmp(severity, "advice") == 0 ? 2 : 1;
}

/* The titles of the warnings shown, each once, with its severity, urgent ones first. */
static void warnings(const struct report *r, bool ids, struct rdoc_node *root)
{
	struct rdoc_node *list = NULL;

	for (int rank = 0; rank < 3; rank++)
		for (size_t i = 0; i < r->nitems; i++) {
			const struct report_item *it = &r->items[i];
			bool seen = false;
			char *name;

			if (it->kind != ITEM_WARNING || severity_rank(it->u.warning.severity) != rank)
				continue;
			for (size_t k = 0; k < i && !seen; k++)
				seen = r->items[k].kind == ITEM_WARNING && it->u.warning.id && r->items[k].u.warning.id &&
				       strcmp(r->items[k].u.warning.id, it->u.warning.id) == 0;
			if (seen)
				continue;
			if (!list) {
				rdoc_heading(root, 3, "Warnings shown");
				list = rdoc_add(root, RDOC_LIST);
			}
			name = log_named(it->u.warning.title, it->u.warning.id, ids);
			rdoc_item(list, 0, "%s: %s", log_severity_word(it->u.warning.severity), name);
			free(name);
		}
}

static void outcome(const struct report_item *ep, struct rdoc_node *root)
{
	rdoc_heading(root, 3, "Recommendation");
	rdoc_para(root, false, "%s", log_or(ep->u.endpoint.recommendation, "None recorded."));
	log_plan(root, "What to do", &ep->u.endpoint.actions);
	log_plan(root, "What to document", &ep->u.endpoint.document);
}

/* What would change the recommendation, when the endpoint event recorded it. */
static void changes(const struct report_item *ep, bool ids, struct rdoc_node *root)
{
	const struct report_changes *c = &ep->u.endpoint.changes;
	struct rdoc_node *list;

	if (!c->recorded || c->count == 0)
		return;
	rdoc_heading(root, 3, "What would change the recommendation");
	list = rdoc_add(root, RDOC_LIST);
	for (size_t i = 0; i < c->count; i++) {
		char *to = log_named(c->items[i].endpoint_title, c->items[i].endpoint, ids);

		rdoc_item(list, 0, "%s → %s", c->items[i].text, to);
		free(to);
	}
}

/* The training score, for a trainee's log: the debrief itself is in the record. */
static void training(const struct report *r, struct rdoc_node *root)
{
	char *score = report_score_text(r);

	rdoc_heading(root, 3, "Training result");
	rdoc_para(root, true, "%s", score);
	if (r->nfindings > 0)
		rdoc_para(root, false, "Findings entered as in the case: %zu/%zu.", r->findings_matched, r->nfindings);
	free(score);
}

static void signature(const struct report *r, struct rdoc_node *root)
{
	char *integrity = report_integrity_text(r);
	struct rdoc_node *sig = rdoc_note(root, RDOC_PLAIN, NULL);

	rdoc_para(sig, false, REPORT_DIGEST_LABEL "%s", log_or(r->log->digest, "none"));
	if (integrity)
		rdoc_para(sig, true, "%s", integrity);
	rdoc_para(sig, false, "%s", REPORT_SIGNATURE_LINE);
	free(integrity);
}

void log_build_summary(const struct report *r, bool ids, struct rdoc_node *root)
{
	const struct report_item *ep = endpoint_item(r);
	char *title = xasprintf("Session log: %s", log_or(r->title, "(untitled pathway)"));

	rdoc_heading(root, 1, title);
	free(title);
	if (r->status != REPORT_COMPLETE) {
		char *status = report_status_text(r, ids);
		struct rdoc_node *n = rdoc_note(root, RDOC_ALERT, status);

		rdoc_para(n, false, "This log does not record a finished walk: the clinical picture may be incomplete.");
		free(status);
	}
	details(r, ids, root);
	if (ep)
		outcome(ep, root);
	overrides(r, ids, root);
	warnings(r, ids, root);
	if (ep)
		changes(ep, ids, root);
	if (report_is_training(r))
		training(r, root);
	signature(r, root);
}
