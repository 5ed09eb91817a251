/* SPDX-License-Identifier: Apache-2.0 */
/* The training report's content, built once as a printable document (rdoc.h, see
 * cohort.h), so that every format says the same things in the same words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohort.h"
#include "rdoc.h"
#include "report_model.h"
#include "xalloc.h"

static const char *or(const char *s, const char *fallback)
{
	return s ? s : fallback;
}

static unsigned percent(size_t part, size_t whole)
{
	return whole ? (unsigned)((100 * part + whole / 2) / whole) : 0;
}

/* "12 s", "12.5 s" */
static char *seconds_text(double seconds)
{
	if (seconds < 0)
		return xstrdup("not recorded");
	if (seconds == (double)(long)seconds)
		return xasprintf("%ld s", (long)seconds);
	return xasprintf("%.1f s", seconds);
}

static char *date_range(const struct cohort *c)
{
	if (!c->first_started)
		return xstrdup("no sessions");
	if (strncmp(c->first_started, c->last_started, 10) == 0)
		return xasprintf("%.10s", c->first_started);
	return xasprintf("%.10s to %.10s", c->first_started, c->last_started);
}

/* Each pathway the sessions used, once (the sessions are few: a quadratic scan is fine). */
static void pathways(struct rdoc_node *fields, const struct cohort *c)
{
	for (size_t i = 0; i < c->nsessions; i++) {
		const struct report *r = c->sessions[i].report;
		bool seen = false;

		for (size_t k = 0; k < i && !seen; k++) {
			const struct report *q = c->sessions[k].report;

			seen = strcmp(or(q->pathway_id, ""), or(r->pathway_id, "")) == 0 &&
			       strcmp(or(q->version, ""), or(r->version, "")) == 0 &&
			       strcmp(or(q->sha256, ""), or(r->sha256, "")) == 0;
		}
		if (!seen)
			rdoc_rowf(fields, "Pathway", "%s (id %s, version %s, sha256 %.12s)", or(r->title, "?"),
				  or(r->pathway_id, "?"), or(r->version, "?"), or(r->sha256, "not recorded"));
	}
}

static void header(struct rdoc *d, const struct cohort *c)
{
	char *range = date_range(c);
	struct rdoc_node *fields;

	rdoc_heading(&d->root, 1, "Training report");
	fields = rdoc_add(&d->root, RDOC_FIELDS);
	pathways(fields, c);
	rdoc_rowf(fields, "Journals", "%zu included, %zu not included%s", c->nsessions, c->nrejects,
		  c->nrejects ? " (listed at the end)" : "");
	rdoc_row(fields, "Sessions", range);
	d->title = xasprintf("Training report | Sessions: %s | Journals: %zu", range, c->nsessions);
	d->running[0] = xstrdup(d->title);
	free(range);
}

static void session(struct rdoc_node *list, const struct cohort_session *s)
{
	const struct report *r = s->report;
	bool complete = r->status == REPORT_COMPLETE;

	rdoc_item(list, 0, "%s%s%s%s: %zu/%zu correct (%u%%), %ld s deciding, %s", or(r->case_id, "(no case)"),
		  r->case_title ? " (" : "", or(r->case_title, ""), r->case_title ? ")" : "", r->decisions_correct,
		  r->ndebrief, percent(r->decisions_correct, r->ndebrief), s->seconds, complete ? "complete" : "INCOMPLETE");
	if (!complete)
		rdoc_strong_row(list);
	rdoc_item(list, 1, "journal %s, started %s", s->file, or(r->started, "?"));
}

static void trainees(struct rdoc_node *root, const struct cohort *c)
{
	struct rdoc_node *list = NULL;

	rdoc_heading(root, 2, "Trainees");
	if (c->nsessions == 0)
		rdoc_para(root, false, "No training journal could be used.");
	for (size_t i = 0; i < c->nsessions; i++) {
		if (i == 0 || strcmp(c->sessions[i - 1].trainee, c->sessions[i].trainee) != 0) {
			rdoc_heading(root, 3, c->sessions[i].trainee);
			list = rdoc_add(root, RDOC_LIST);
		}
		session(list, &c->sessions[i]);
	}
}

static void node(struct rdoc_node *list, const struct cohort_node *n)
{
	char *median = seconds_text(n->median_seconds);

	rdoc_item(list, 0, "Decision %zu: %s", n->order + 1, or(n->title, "?"));
	if (n->correct * 2 < n->reached)
		rdoc_strong_row(list);
	rdoc_item(list, 1, "the pathway's step: %s", or(n->pathway_label, "not recorded"));
	rdoc_item(list, 1, "reached in %zu session%s; correct %zu/%zu (%u%%); median time %s", n->reached,
		  n->reached == 1 ? "" : "s", n->correct, n->reached, percent(n->correct, n->reached), median);
	if (n->wrong)
		rdoc_item(list, 1, "most common wrong choice: %s, chosen %zu time%s", or(n->wrong_label, "?"),
			  n->wrong_count, n->wrong_count == 1 ? "" : "s");
	else
		rdoc_item(list, 1, "most common wrong choice: none");
	free(median);
}

/* The case's trainee x decision grid: a line per session, a column per decision (its title the
 * column's longer name), each cell the choice's mark and time in glyphs g. */
static void grid(struct rdoc_node *root, const struct cohort_case *k, const struct cohort_glyphs *g)
{
	const struct cohort_grid *grid = &k->grid;
	struct rdoc_node *n = rdoc_grid(root, grid->ncols + 1);

	rdoc_row(n, NULL, "Trainee");
	for (size_t col = 0; col < grid->ncols; col++) {
		char number[24];

		snprintf(number, sizeof(number), "%zu", col + 1);
		rdoc_row(n, or(k->nodes[col].title, "?"), number);
	}
	for (size_t r = 0; r < grid->nrows; r++) {
		char *label = cohort_row_label(&grid->rows[r]);

		rdoc_row(n, NULL, label);
		free(label);
		for (size_t col = 0; col < grid->ncols; col++) {
			const struct report_item *choice = grid->cells[r * grid->ncols + col];
			char *cell = cohort_cell_text(choice, g);

			rdoc_row(n, NULL, cell);
			if (choice && choice->u.choice.correct == 0)
				rdoc_strong_row(n);
			free(cell);
		}
	}
}

static void cases(struct rdoc_node *root, const struct cohort *c, const struct cohort_glyphs *g)
{
	rdoc_heading(root, 2, "Cases");
	if (c->ncases == 0)
		rdoc_para(root, false, "None.");
	for (size_t i = 0; i < c->ncases; i++) {
		const struct cohort_case *k = &c->cases[i];
		char *title = xasprintf("%s%s%s", k->case_id, k->case_title ? ": " : "", or(k->case_title, ""));
		struct rdoc_node *list;

		rdoc_heading(root, 3, title);
		free(title);
		if (k->mean_percent >= 0)
			rdoc_para(root, false, "%zu session%s; mean score %.0f%%", k->nsessions, k->nsessions == 1 ? "" : "s",
				  k->mean_percent);
		else
			rdoc_para(root, false, "%zu session%s; no decision reached", k->nsessions, k->nsessions == 1 ? "" : "s");
		if (k->nnodes == 0)
			continue;
		list = rdoc_add(root, RDOC_LIST);
		for (size_t n = 0; n < k->nnodes; n++)
			node(list, &k->nodes[n]);
		rdoc_para(root, false, "Who chose what (columns: the decisions above):");
		grid(root, k, g);
	}
}

static void weakest(struct rdoc_node *root, const struct cohort *c)
{
	struct rdoc_node *list;

	rdoc_heading(root, 2, "The decisions the group got wrong");
	if (c->nweakest == 0) {
		rdoc_para(root, false, "None: no decision was reached.");
		return;
	}
	rdoc_para(root, false, "Every decision reached, the lowest share correct first.");
	list = rdoc_add(root, RDOC_LIST);
	for (size_t i = 0; i < c->nweakest; i++) {
		const struct cohort_node *n = c->weakest[i];

		rdoc_item(list, 0, "%u%% correct (%zu/%zu): %s, case %s", percent(n->correct, n->reached), n->correct,
			  n->reached, or(n->title, "?"), n->case_id);
		if (n->correct * 2 < n->reached)
			rdoc_strong_row(list);
	}
}

/* Every symbol the report uses, in the glyphs of its format. */
static void legend(struct rdoc_node *root, const struct cohort_glyphs *g)
{
	struct rdoc_node *list;

	rdoc_heading(root, 2, "Key");
	list = rdoc_add(root, RDOC_LIST);
	rdoc_item(list, 0, "%s: the trainee chose the pathway's step", g->correct);
	rdoc_item(list, 0, "%s: the trainee chose another step", g->wrong);
	rdoc_item(list, 0, "%s: the journal did not record whether the choice was the pathway's", g->unscored);
	rdoc_item(list, 0, "%s: the session did not reach this decision", g->not_reached);
	rdoc_item(list, 0, "12s: the seconds the trainee took over the decision");
	rdoc_item(list, 0, "#2: the trainee's second session of the same case");
	rdoc_item(list, 0, "! at the start of a line (bold in Markdown and HTML): worth a look: an incomplete session, "
			   "a decision most trainees got wrong, a journal not included");
	rdoc_para(root, false, "Only each trainee's first choice at a decision is scored; a choice made again after "
			       "going back is not.");
}

static void rejects(struct rdoc_node *root, const struct cohort *c)
{
	struct rdoc_node *list;

	rdoc_heading(root, 2, "Journals not included");
	if (c->nrejects == 0) {
		rdoc_para(root, false, "None.");
		return;
	}
	list = rdoc_add(root, RDOC_LIST);
	for (size_t i = 0; i < c->nrejects; i++) {
		const struct cohort_reject *rj = &c->rejects[i];

		if (rj->line > 0)
			rdoc_item(list, 0, "%s, line %d: %s", rj->file, rj->line, rj->reason);
		else
			rdoc_item(list, 0, "%s: %s", rj->file, rj->reason);
		rdoc_strong_row(list);
	}
}

void cohort_build(const struct cohort *c, const struct cohort_glyphs *g, struct rdoc *d)
{
	rdoc_init(d);
	header(d, c);
	legend(&d->root, g);
	trainees(&d->root, c);
	cases(&d->root, c, g);
	weakest(&d->root, c);
	rejects(&d->root, c);
}
