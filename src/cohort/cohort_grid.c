/* SPDX-License-Identifier: Apache-2.0 */
/* The trainee x decision grid of each case (see cohort.h): who chose what at every decision, the
 * one model that every format of the training report lays out. */
#include <stdlib.h>
#include <string.h>

#include "cohort.h"
#include "report_model.h"
#include "xalloc.h"

static const char *case_of(const struct cohort_session *s)
{
	return s->report->case_id ? s->report->case_id : "(no case)";
}

void cohort_grid_build(const struct cohort *c, struct cohort_case *k)
{
	struct cohort_grid *g = &k->grid;

	memset(g, 0, sizeof(*g));
	g->ncols = k->nnodes;
	g->rows = xcalloc(k->nsessions + 1, sizeof(*g->rows));
	g->cells = xcalloc(k->nsessions * k->nnodes + 1, sizeof(*g->cells));
	for (size_t i = 0; i < c->nsessions; i++) {
		const struct cohort_session *s = &c->sessions[i];
		const struct report *r = s->report;
		struct cohort_grid_row *row;

		if (strcmp(case_of(s), k->case_id) != 0 || g->nrows == k->nsessions)
			continue;
		row = &g->rows[g->nrows];
		row->session = s;
		/* Sessions are sorted by trainee, case and start: a trainee's attempts are adjacent. */
		if (g->nrows > 0 && strcmp(g->rows[g->nrows - 1].session->trainee, s->trainee) == 0) {
			if (g->rows[g->nrows - 1].attempt == 0)
				g->rows[g->nrows - 1].attempt = 1;
			row->attempt = g->rows[g->nrows - 1].attempt + 1;
		}
		for (size_t d = 0; d < r->ndebrief; d++)
			for (size_t n = 0; n < k->nnodes; n++)
				if (r->debrief[d]->node && strcmp(r->debrief[d]->node, k->nodes[n].node) == 0)
					g->cells[g->nrows * g->ncols + n] = r->debrief[d];
		g->nrows++;
	}
}

void cohort_grid_free(struct cohort_grid *g)
{
	free(g->rows);
	free(g->cells);
	memset(g, 0, sizeof(*g));
}

const struct cohort_glyphs *cohort_glyphs(bool ascii)
{
	static const struct cohort_glyphs utf8 = { "\xe2\x9c\x94", "\xe2\x9c\x98", "?", "\xc2\xb7" };
	static const struct cohort_glyphs plain = { "ok", "NO", "?", "-" };

	return ascii ? &plain : &utf8;
}

char *cohort_cell_text(const struct report_item *choice, const struct cohort_glyphs *g)
{
	const char *mark;

	if (!choice)
		return xstrdup(g->not_reached);
	mark = choice->u.choice.correct > 0 ? g->correct : choice->u.choice.correct == 0 ? g->wrong : g->unscored;
	if (choice->u.choice.seconds < 0)
		return xstrdup(mark);
	return xasprintf("%s %lds", mark, choice->u.choice.seconds);
}

char *cohort_row_label(const struct cohort_grid_row *row)
{
	if (row->attempt == 0)
		return xstrdup(row->session->trainee);
	return xasprintf("%s #%u", row->session->trainee, row->attempt);
}
