/* SPDX-License-Identifier: Apache-2.0 */
/* Reading training journals and computing the figures of the training report (see cohort.h). */
#include "cohort.h"

#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "report_model.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#define NO_TRAINEE "(not recorded)"

void cohort_init(struct cohort *c, const struct pathway *pw, const char *source)
{
	memset(c, 0, sizeof(*c));
	c->pw = pw;
	c->pathway_source = source;
}

static void reject(struct cohort *c, const char *path, int line, const char *reason, struct diag_list *diags)
{
	struct cohort_reject *rj;
	struct strbuf clean = STRBUF_INIT;

	/* The reason may quote the journal (its mode): never pass its controls on. */
	utf8_append_clean(&clean, reason, false);
	diag_add(diags, path, line, "%s", sb_str(&clean));
	c->rejects = xgrow(c->rejects, &c->rejects_cap, c->nrejects + 1, sizeof(*c->rejects));
	rj = &c->rejects[c->nrejects++];
	rj->file = xstrdup(path);
	rj->line = line;
	rj->reason = sb_take(&clean);
}

bool cohort_add(struct cohort *c, const char *path, struct diag_list *diags)
{
	struct diag_list problems = { 0 };
	struct cohort_session *s;
	struct journal_log *log = xcalloc(1, sizeof(*log));
	struct report *r;
	const char *name = fileio_input_name(path);
	char *why;

	if (journal_read_verified(path, c->force, log, &problems) != 0) {
		reject(c, name, problems.count ? problems.items[0].line : 0,
		       problems.count ? problems.items[0].message : "cannot read the journal", diags);
		diag_clear(&problems);
		journal_log_free(log);
		free(log);
		return false;
	}
	for (size_t i = 0; i < log->notices.count; i++)
		diag_add(diags, name, log->notices.items[i].line, "%s", log->notices.items[i].message);
	r = report_build(log, c->pw, c->pathway_source);
	if (!report_is_training(r)) {
		why = xasprintf("not a training journal (mode %s)", r->mode ? r->mode : "not recorded");
		reject(c, name, log->events[0].line, why, diags);
		free(why);
		report_free(r);
		journal_log_free(log);
		free(log);
		return false;
	}
	c->sessions = xgrow(c->sessions, &c->sessions_cap, c->nsessions + 1, sizeof(*c->sessions));
	s = &c->sessions[c->nsessions];
	memset(s, 0, sizeof(*s));
	s->report = report_digest(r); /* the figures only: one journal's tree in memory at a time */
	report_free(r);
	journal_log_free(log);
	free(log);
	s->file = xstrdup(name);
	s->trainee = s->report->trainee ? s->report->trainee : NO_TRAINEE;
	for (size_t i = 0; i < s->report->ndebrief; i++)
		if (s->report->debrief[i]->u.choice.seconds > 0)
			s->seconds += s->report->debrief[i]->u.choice.seconds;
	c->nsessions++;
	return true;
}

/* qsort, for an array that may be empty (and NULL). */
static void sort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *))
{
	if (count > 1)
		qsort(base, count, size, compare);
}

static int compare_or_empty(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int compare_sessions(const void *pa, const void *pb)
{
	const struct cohort_session *a = pa, *b = pb;
	int d = strcmp(a->trainee, b->trainee);

	if (d == 0)
		d = compare_or_empty(a->report->case_id, b->report->case_id);
	if (d == 0)
		d = compare_or_empty(a->report->started, b->report->started);
	return d ? d : strcmp(a->file, b->file);
}

static int compare_rejects(const void *pa, const void *pb)
{
	const struct cohort_reject *a = pa, *b = pb;

	return strcmp(a->file, b->file);
}

static struct cohort_case *find_case(struct cohort *c, const struct cohort_session *s)
{
	struct cohort_case *k;
	const char *id = s->report->case_id ? s->report->case_id : "(no case)";

	for (size_t i = 0; i < c->ncases; i++)
		if (strcmp(c->cases[i].case_id, id) == 0)
			return &c->cases[i];
	c->cases = xrealloc(c->cases, (c->ncases + 1) * sizeof(*c->cases));
	k = &c->cases[c->ncases++];
	memset(k, 0, sizeof(*k));
	k->case_id = id;
	k->case_title = s->report->case_title;
	return k;
}

static struct cohort_node *find_node(struct cohort_case *k, const struct report_item *choice)
{
	struct cohort_node *n;
	const char *id = choice->node ? choice->node : "?";

	for (size_t i = 0; i < k->nnodes; i++)
		if (strcmp(k->nodes[i].node, id) == 0)
			return &k->nodes[i];
	/* Sessions of one case follow one route (an unfinished one a part of it), so the order in
	 * which nodes first appear is the route's order. */
	k->nodes = xrealloc(k->nodes, (k->nnodes + 1) * sizeof(*k->nodes));
	n = &k->nodes[k->nnodes];
	memset(n, 0, sizeof(*n));
	n->case_id = k->case_id;
	n->node = id;
	n->title = choice->u.choice.title;
	n->order = k->nnodes++;
	return n;
}

/* The scored choices of every session of case k at node n, in session order (caller frees). */
static const struct report_item **choices_at(const struct cohort *c, const struct cohort_node *n, size_t *count)
{
	const struct report_item **out = xcalloc(c->nsessions + 1, sizeof(*out));

	*count = 0;
	for (size_t i = 0; i < c->nsessions; i++) {
		const struct report *r = c->sessions[i].report;

		if (compare_or_empty(r->case_id ? r->case_id : "(no case)", n->case_id) != 0)
			continue;
		for (size_t k = 0; k < r->ndebrief; k++)
			if (r->debrief[k]->node && strcmp(r->debrief[k]->node, n->node) == 0)
				out[(*count)++] = r->debrief[k];
	}
	return out;
}

static int compare_longs(const void *pa, const void *pb)
{
	long a = *(const long *)pa, b = *(const long *)pb;

	return (a > b) - (a < b);
}

static double median(long *values, size_t n)
{
	if (n == 0)
		return -1;
	sort(values, n, sizeof(*values), compare_longs);
	return n % 2 ? (double)values[n / 2] : ((double)values[n / 2 - 1] + (double)values[n / 2]) / 2.0;
}

/* The wrong choice made most often at n; ties go to the smallest node id, for stable output. */
static void most_common_wrong(struct cohort_node *n, const struct report_item **ch, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		size_t times = 0;

		if (ch[i]->u.choice.correct != 0 || !ch[i]->u.choice.chosen)
			continue;
		for (size_t k = 0; k < count; k++)
			times += ch[k]->u.choice.correct == 0 && ch[k]->u.choice.chosen &&
				 strcmp(ch[k]->u.choice.chosen, ch[i]->u.choice.chosen) == 0;
		if (times > n->wrong_count || (times == n->wrong_count && strcmp(ch[i]->u.choice.chosen, n->wrong) < 0)) {
			n->wrong = ch[i]->u.choice.chosen;
			n->wrong_label = ch[i]->u.choice.chosen_label;
			n->wrong_count = times;
		}
	}
}

static void node_figures(const struct cohort *c, struct cohort_node *n)
{
	size_t count, timed = 0;
	const struct report_item **ch = choices_at(c, n, &count);
	long *seconds = xcalloc(count + 1, sizeof(*seconds));

	n->reached = count;
	for (size_t i = 0; i < count; i++) {
		n->correct += ch[i]->u.choice.correct > 0;
		if (ch[i]->u.choice.seconds >= 0)
			seconds[timed++] = ch[i]->u.choice.seconds;
		if (!n->title)
			n->title = ch[i]->u.choice.title;
		if (!n->pathway && ch[i]->u.choice.recommended) {
			n->pathway = ch[i]->u.choice.recommended;
			n->pathway_label = ch[i]->u.choice.recommended_label;
		}
	}
	most_common_wrong(n, ch, count);
	n->median_seconds = median(seconds, timed);
	free(seconds);
	free(ch);
}

static int compare_cases(const void *pa, const void *pb)
{
	return strcmp(((const struct cohort_case *)pa)->case_id, ((const struct cohort_case *)pb)->case_id);
}

/* Lowest share correct first; then by case and route order. */
static int compare_weakest(const void *pa, const void *pb)
{
	const struct cohort_node *a = *(const struct cohort_node *const *)pa, *b = *(const struct cohort_node *const *)pb;
	unsigned long long left = (unsigned long long)a->correct * b->reached;
	unsigned long long right = (unsigned long long)b->correct * a->reached;
	int d;

	if (left != right)
		return left < right ? -1 : 1;
	if ((d = strcmp(a->case_id, b->case_id)) != 0)
		return d;
	return (a->order > b->order) - (a->order < b->order);
}

static void case_figures(struct cohort *c)
{
	for (size_t i = 0; i < c->nsessions; i++) {
		const struct report *r = c->sessions[i].report;
		struct cohort_case *k = find_case(c, &c->sessions[i]);

		k->nsessions++;
		for (size_t n = 0; n < r->ndebrief; n++)
			find_node(k, r->debrief[n]);
	}
	sort(c->cases, c->ncases, sizeof(*c->cases), compare_cases);
	for (size_t i = 0; i < c->ncases; i++) {
		struct cohort_case *k = &c->cases[i];
		double sum = 0;
		size_t scored = 0;

		for (size_t s = 0; s < c->nsessions; s++) {
			const struct report *r = c->sessions[s].report;

			if (strcmp(r->case_id ? r->case_id : "(no case)", k->case_id) != 0 || r->ndebrief == 0)
				continue;
			sum += 100.0 * (double)r->decisions_correct / (double)r->ndebrief;
			scored++;
		}
		k->mean_percent = scored ? sum / (double)scored : -1;
		for (size_t n = 0; n < k->nnodes; n++)
			node_figures(c, &k->nodes[n]);
		cohort_grid_build(c, k);
		c->weakest = xrealloc(c->weakest, (c->nweakest + k->nnodes + 1) * sizeof(*c->weakest));
		for (size_t n = 0; n < k->nnodes; n++)
			c->weakest[c->nweakest++] = &k->nodes[n];
	}
	sort(c->weakest, c->nweakest, sizeof(*c->weakest), compare_weakest);
}

static const char *pathway_of(const struct cohort_session *s)
{
	return s->report->pathway_id ? s->report->pathway_id : "";
}

bool cohort_tie_wins(const char *prefer, const char *id, const char *best)
{
	if (prefer && strcmp(best, prefer) == 0)
		return false;
	return (prefer && strcmp(id, prefer) == 0) || strcmp(id, best) < 0;
}

/* The pathway id most sessions used; a tie goes to the loaded pathway's (the bundled one, or
 * -p's), else to the smallest id, for stable output. */
static const char *common_pathway(const struct cohort *c)
{
	const char *best = NULL;
	size_t best_count = 0;

	for (size_t i = 0; i < c->nsessions; i++) {
		size_t count = 0;

		for (size_t k = 0; k < c->nsessions; k++)
			count += strcmp(pathway_of(&c->sessions[k]), pathway_of(&c->sessions[i])) == 0;
		if (count > best_count ||
		    (count == best_count && cohort_tie_wins(c->pw ? c->pw->id : NULL, pathway_of(&c->sessions[i]), best))) {
			best = pathway_of(&c->sessions[i]);
			best_count = count;
		}
	}
	return best;
}

/* Sets the sessions of another pathway than c->pathway_id aside as not included. */
static bool one_pathway(struct cohort *c, struct diag_list *diags)
{
	size_t kept = 0;
	bool all = true;

	if (!c->pathway_id)
		c->pathway_id = common_pathway(c);
	for (size_t i = 0; i < c->nsessions; i++) {
		struct cohort_session *s = &c->sessions[i];
		char *why;

		if (strcmp(pathway_of(s), c->pathway_id) == 0) {
			c->sessions[kept++] = *s;
			continue;
		}
		why = xasprintf("a journal of another pathway (%s; this report is of %s)",
				*pathway_of(s) ? pathway_of(s) : "not recorded", c->pathway_id);
		reject(c, s->file, 1, why, diags);
		free(why);
		report_free(s->report);
		free(s->file);
		all = false;
	}
	c->nsessions = kept;
	return all;
}

bool cohort_finish(struct cohort *c, struct diag_list *diags)
{
	bool all = c->nsessions == 0 || one_pathway(c, diags);

	sort(c->sessions, c->nsessions, sizeof(*c->sessions), compare_sessions);
	sort(c->rejects, c->nrejects, sizeof(*c->rejects), compare_rejects);
	for (size_t i = 0; i < c->nsessions; i++) {
		const char *t = c->sessions[i].report->started;

		if (t && (!c->first_started || strcmp(t, c->first_started) < 0))
			c->first_started = t;
		if (t && (!c->last_started || strcmp(t, c->last_started) > 0))
			c->last_started = t;
	}
	case_figures(c);
	return all;
}

void cohort_free(struct cohort *c)
{
	for (size_t i = 0; i < c->nsessions; i++) {
		report_free(c->sessions[i].report);
		free(c->sessions[i].file);
	}
	for (size_t i = 0; i < c->nrejects; i++) {
		free(c->rejects[i].file);
		free(c->rejects[i].reason);
	}
	for (size_t i = 0; i < c->ncases; i++) {
		free(c->cases[i].nodes);
		cohort_grid_free(&c->cases[i].grid);
	}
	free(c->sessions);
	free(c->rejects);
	free(c->cases);
	free(c->weakest);
	memset(c, 0, sizeof(*c));
}
