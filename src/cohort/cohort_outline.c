/* SPDX-License-Identifier: Apache-2.0 */
/* The training report's content, written once as an outline of plain-text lines (see cohort.h),
 * so that every format says the same things in the same words. */
#include <stdlib.h>
#include <string.h>

#include "cohort.h"
#include "report_model.h"
#include "xalloc.h"

static void add(struct cohort_outline *o, enum cohort_line_kind kind, bool emphasis, char *text)
{
	o->lines = xgrow(o->lines, &o->cap, o->count + 1, sizeof(*o->lines));
	o->lines[o->count].kind = kind;
	o->lines[o->count].emphasis = emphasis;
	o->lines[o->count++].text = text;
}

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
static void pathways(struct cohort_outline *o, const struct cohort *c)
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
			add(o, COHORT_PARA, false, xasprintf("Pathway: %s (id %s, version %s, sha256 %.12s)", or(r->title, "?"),
			     or(r->pathway_id, "?"), or(r->version, "?"), or(r->sha256, "not recorded")));
	}
}

static void header(struct cohort_outline *o, const struct cohort *c)
{
	char *range = date_range(c);

	add(o, COHORT_TITLE, false, xstrdup("Training report"));
	pathways(o, c);
	add(o, COHORT_PARA, false, xasprintf("Journals: %zu included, %zu not included%s", c->nsessions, c->nrejects,
	     c->nrejects ? " (listed at the end)" : ""));
	add(o, COHORT_PARA, false, xasprintf("Sessions: %s", range));
	o->running = xasprintf("Training report | Sessions: %s | Journals: %zu", range, c->nsessions);
	free(range);
}

static void session(struct cohort_outline *o, const struct cohort_session *s)
{
	const struct report *r = s->report;
	bool complete = r->status == REPORT_COMPLETE;

	add(o, COHORT_ITEM, !complete, xasprintf("%s%s%s%s: %zu/%zu correct (%u%%), %ld s deciding, %s",
	    or(r->case_id, "(no case)"),
	     r->case_title ? " (" : "", or(r->case_title, ""), r->case_title ? ")" : "", r->decisions_correct,
	     r->ndebrief, percent(r->decisions_correct, r->ndebrief), s->seconds, complete ? "complete" : "INCOMPLETE"));
	add(o, COHORT_DETAIL, false, xasprintf("journal %s, started %s", s->file, or(r->started, "?")));
}

static void trainees(struct cohort_outline *o, const struct cohort *c)
{
	add(o, COHORT_SECTION, false, xstrdup("Trainees"));
	if (c->nsessions == 0)
		add(o, COHORT_PARA, false, xstrdup("No training journal could be used."));
	for (size_t i = 0; i < c->nsessions; i++) {
		if (i == 0 || strcmp(c->sessions[i - 1].trainee, c->sessions[i].trainee) != 0)
			add(o, COHORT_HEADING, false, xstrdup(c->sessions[i].trainee));
		session(o, &c->sessions[i]);
	}
}

static void node(struct cohort_outline *o, const struct cohort_node *n)
{
	char *median = seconds_text(n->median_seconds);

	add(o, COHORT_ITEM, n->correct * 2 < n->reached, xasprintf("Decision %zu: %s", n->order + 1, or(n->title, "?")));
	add(o, COHORT_DETAIL, false, xasprintf("the pathway's step: %s", or(n->pathway_label, "not recorded")));
	add(o, COHORT_DETAIL, false, xasprintf("reached in %zu session%s; correct %zu/%zu (%u%%); median time %s", n->reached,
	     n->reached == 1 ? "" : "s", n->correct, n->reached, percent(n->correct, n->reached), median));
	if (n->wrong)
		add(o, COHORT_DETAIL, false, xasprintf("most common wrong choice: %s, chosen %zu time%s",
		    or(n->wrong_label, "?"), n->wrong_count, n->wrong_count == 1 ? "" : "s"));
	else
		add(o, COHORT_DETAIL, false, xstrdup("most common wrong choice: none"));
	free(median);
}

static void cases(struct cohort_outline *o, const struct cohort *c)
{
	add(o, COHORT_SECTION, false, xstrdup("Cases"));
	if (c->ncases == 0)
		add(o, COHORT_PARA, false, xstrdup("None."));
	for (size_t i = 0; i < c->ncases; i++) {
		const struct cohort_case *k = &c->cases[i];

		add(o, COHORT_HEADING, false, xasprintf("%s%s%s", k->case_id, k->case_title ? ": " : "", or(k->case_title, "")));
		if (k->mean_percent >= 0)
			add(o, COHORT_PARA, false, xasprintf("%zu session%s; mean score %.0f%%", k->nsessions,
			     k->nsessions == 1 ? "" : "s", k->mean_percent));
		else
			add(o, COHORT_PARA, false, xasprintf("%zu session%s; no decision reached", k->nsessions,
			     k->nsessions == 1 ? "" : "s"));
		for (size_t n = 0; n < k->nnodes; n++)
			node(o, &k->nodes[n]);
		if (k->nnodes > 0) {
			add(o, COHORT_PARA, false, xstrdup("Who chose what (columns: the decisions above):"));
			add(o, COHORT_GRID, false, xstrdup(""));
			o->lines[o->count - 1].kase = k;
		}
	}
}

static void weakest(struct cohort_outline *o, const struct cohort *c)
{
	add(o, COHORT_SECTION, false, xstrdup("The decisions the group got wrong"));
	if (c->nweakest == 0) {
		add(o, COHORT_PARA, false, xstrdup("None: no decision was reached."));
		return;
	}
	add(o, COHORT_PARA, false, xstrdup("Every decision reached, the lowest share correct first."));
	for (size_t i = 0; i < c->nweakest; i++) {
		const struct cohort_node *n = c->weakest[i];

		add(o, COHORT_ITEM, n->correct * 2 < n->reached, xasprintf("%u%% correct (%zu/%zu): %s, case %s",
		     percent(n->correct, n->reached), n->correct, n->reached, or(n->title, "?"), n->case_id));
	}
}

/* Every symbol the report uses, in the glyphs of its format. */
static void legend(struct cohort_outline *o, const struct cohort_glyphs *g)
{
	add(o, COHORT_SECTION, false, xstrdup("Key"));
	add(o, COHORT_ITEM, false, xasprintf("%s: the trainee chose the pathway's step", g->correct));
	add(o, COHORT_ITEM, false, xasprintf("%s: the trainee chose another step", g->wrong));
	add(o, COHORT_ITEM, false, xasprintf("%s: the journal did not record whether the choice was the pathway's", g->unscored));
	add(o, COHORT_ITEM, false, xasprintf("%s: the session did not reach this decision", g->not_reached));
	add(o, COHORT_ITEM, false, xstrdup("12s: the seconds the trainee took over the decision"));
	add(o, COHORT_ITEM, false, xstrdup("#2: the trainee's second session of the same case"));
	add(o, COHORT_ITEM, false, xstrdup("! at the start of a line (bold in Markdown and HTML): worth a look: an "
					   "incomplete session, a decision most trainees got wrong, a journal not included"));
	add(o, COHORT_PARA, false, xstrdup("Only each trainee's first choice at a decision is scored; a choice made again "
					   "after going back is not."));
}

static void rejects(struct cohort_outline *o, const struct cohort *c)
{
	add(o, COHORT_SECTION, false, xstrdup("Journals not included"));
	if (c->nrejects == 0)
		add(o, COHORT_PARA, false, xstrdup("None."));
	for (size_t i = 0; i < c->nrejects; i++) {
		const struct cohort_reject *rj = &c->rejects[i];

		if (rj->line > 0)
			add(o, COHORT_ITEM, true, xasprintf("%s, line %d: %s", rj->file, rj->line, rj->reason));
		else
			add(o, COHORT_ITEM, true, xasprintf("%s: %s", rj->file, rj->reason));
	}
}

void cohort_outline_build(const struct cohort *c, const struct cohort_glyphs *g, struct cohort_outline *out)
{
	memset(out, 0, sizeof(*out));
	header(out, c);
	legend(out, g);
	trainees(out, c);
	cases(out, c);
	weakest(out, c);
	rejects(out, c);
}

void cohort_outline_free(struct cohort_outline *o)
{
	for (size_t i = 0; i < o->count; i++)
		free(o->lines[i].text);
	free(o->lines);
	free(o->running);
	memset(o, 0, sizeof(*o));
}
