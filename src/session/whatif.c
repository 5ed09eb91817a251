/* SPDX-License-Identifier: Apache-2.0 */
/* what_if (DESIGN §5): each answer of a case is changed on its own, the others held fixed, and the
 * changed case is walked again (src/session/trial.c, by the session's rules) on the same loaded pathway.
 * Only what can matter is tried: a variable that no condition, check or default reads is never
 * varied, and an int or a date is tried only once per run of values over which no comparison
 * changes (src/pathway/expr_steps.c), or at every value where that cannot be bounded. */
#include "whatif.h"

#include <stdlib.h>

#include "json.h"
#include "session_rules.h"
#include "trial.h"
#include "xalloc.h"

/* How far a date is moved each way. */
#define WHATIF_DATE_SPAN 3650L

struct trials {
	const struct pathway *pw;
	const struct casefile *base;
	struct casefile changed; /* base with answers replaced by the scratch copy below */
	struct value *answers;
	struct value *no_derived; /* all unknown, as the case loader checks constraints */
	struct trial walk;
	const struct expr **conds; /* every distinct transition condition and cross-field check */
	size_t nconds;
	bool *read;                /* per variable: some condition, check or default reads it */
	bool computed_defaults;    /* the case leaves out a variable whose default is computed */
	struct value *held, *held_derived; /* every value as the walk would see it, for expr_steps */
	int endpoint;
	struct whatif *out;
	size_t n, cap;
};

/* The endpoint the case reaches with var answered v, or -1 when the change is refused or stops. */
static int endpoint_with(struct trials *t, int var, struct value v)
{
	int end = -1;

	t->answers[var] = v;
	t->walk.defaulted = false;
	if (casefile_broken_constraint(t->pw, t->answers, t->no_derived, 0) < 0)
		end = trial_endpoint(&t->walk, &t->changed, var);
	t->answers[var] = t->base->answers[var];
	return end;
}

/* Tries var = v; records it and returns true when it leads to another endpoint. */
static bool try_change(struct trials *t, int var, struct value v)
{
	int end = endpoint_with(t, var, v);

	if (end < 0 || end == t->endpoint)
		return false;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 8;
		t->out = xrealloc(t->out, t->cap * sizeof(*t->out));
	}
	t->out[t->n++] = (struct whatif){ .var = var, .value = v, .endpoint = end };
	return true;
}

static struct value make(const struct value *like, long x)
{
	return like->type == TYPE_DATE ? value_date(x) : value_int(x);
}

/* Tries every value from `from` to `to` (inclusive, stepping by step: -1 or 1) until one changes
 * the endpoint; true when one did. */
static bool scan_span(struct trials *t, int var, long from, long to, int step)
{
	for (long x = from; step < 0 ? x >= to : x <= to; x += step)
		if (try_change(t, var, make(&t->base->answers[var], x)))
			return true;
	return false;
}

/* Tries the run of values from..to (from: the nearest to the case's value): its first value and,
 * when that walk reached a computed default (which the runs do not follow), every other one. */
static bool try_run(struct trials *t, int var, long from, long to, int step)
{
	if (try_change(t, var, make(&t->base->answers[var], from)))
		return true;
	return t->walk.defaulted && scan_span(t, var, from + step, to, step);
}

/* Whether the values of at's own run must be tried: the case's walk reached a computed default,
 * or leaves one out and is not known to end at the endpoint (without computed defaults the walk
 * is the case's own, which ends there). */
static bool own_run_open(const struct trials *t)
{
	return t->walk.recorded_defaulted || (t->computed_defaults && t->walk.recorded_end != t->endpoint);
}

/* The far end, going by step (-1 or 1), of the run of values that holds x, between the sorted
 * points p[0..n) (a point starts a run): going down the last point at or below x, going up the
 * value before the first point above it; bound when there is no such point. */
static long run_edge(const long *p, size_t n, long x, int step, long bound)
{
	size_t lo = 0, hi = n; /* the first point above x: p[lo] */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (step < 0)
		return lo ? p[lo - 1] : bound;
	return lo < n ? p[lo] - 1 : bound;
}

/* As scan_span from at to bound (by step: -1 down to lo, 1 up to hi), by runs of values between
 * the sorted points p[0..n). Until a walk reaches a computed default, it is the same over a run,
 * the points being those of the case with that default unknown; a run whose walk reaches one is
 * tried value by value. */
static void runs_from(struct trials *t, int var, const long *p, size_t n, long at, long bound, int step)
{
	long edge = run_edge(p, n, at, step, bound);

	if (own_run_open(t) && scan_span(t, var, at + step, edge, step))
		return;
	while (step < 0 ? edge > bound : edge < bound) {
		long near = edge + step;

		edge = run_edge(p, n, near, step, bound);
		if (try_run(t, var, near, edge, step))
			return;
	}
}

static int by_value(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* As scan_span from `at` both ways, trying one value per run of values over which no comparison
 * changes: the nearest to `at` of each run. False when the runs cannot be bounded. */
static bool by_steps(struct trials *t, int var, long at, long lo, long hi)
{
	struct expr_steps st;
	bool ok;

	expr_steps_init(&st, t->pw, var, t->held, t->held_derived, lo, hi);
	ok = expr_steps_add_derived(&st);
	for (size_t i = 0; ok && i < t->nconds; i++)
		ok = expr_steps_add(&st, t->conds[i]);
	if (ok && st.npoints)
		qsort(st.points, st.npoints, sizeof(*st.points), by_value);
	if (ok) {
		runs_from(t, var, st.points, st.npoints, at, lo, -1);
		runs_from(t, var, st.points, st.npoints, at, hi, 1);
	}
	expr_steps_free(&st);
	return ok;
}

static void vary_scalar(struct trials *t, int var, long at, long lo, long hi)
{
	if ((!t->computed_defaults || (lo <= at && at <= hi)) && by_steps(t, var, at, lo, hi))
		return;
	if (at - 1 <= hi) /* the nearest values first, each way, within lo..hi */
		scan_span(t, var, at - 1, lo, -1);
	if (at + 1 >= lo)
		scan_span(t, var, at + 1, hi, 1);
}

static void vary(struct trials *t, int var)
{
	const struct pw_variable *v = &t->pw->vars[var];
	const struct value *a = &t->base->answers[var];

	if (!t->read[var])
		return; /* nothing reads it: no change of it can change the walk */
	switch (a->type) {
	case TYPE_INT:
		vary_scalar(t, var, a->u.i, v->min, v->max);
		break;
	case TYPE_BOOL:
		try_change(t, var, value_bool(!a->u.b));
		break;
	case TYPE_CHOICE:
		for (size_t o = 0; o < v->noptions; o++)
			if ((int)o != a->u.choice)
				try_change(t, var, value_choice((int)o));
		break;
	case TYPE_SET:
		for (size_t o = 0; o < v->noptions; o++)
			try_change(t, var, value_set(a->u.set ^ ((uint64_t)1 << o)));
		break;
	case TYPE_DATE: {
		/* Within what a case file can hold: years 1900 to 9999 (date_parse). */
		long lo = date_from_ymd(1900, 1, 1), hi = DATE_MAX_DAYS;

		vary_scalar(t, var, a->u.date, a->u.date - WHATIF_DATE_SPAN > lo ? a->u.date - WHATIF_DATE_SPAN : lo,
			    a->u.date + WHATIF_DATE_SPAN < hi ? a->u.date + WHATIF_DATE_SPAN : hi);
		break;
	}
	case TYPE_NONE:
		break;
	}
}

static int by_address(const void *a, const void *b)
{
	const struct expr *x = *(const struct expr *const *)a, *y = *(const struct expr *const *)b;

	return (x > y) - (x < y);
}

/* Every distinct condition of a transition and every cross-field check (shared trees once). */
static void gather_conditions(struct trials *t)
{
	const struct pathway *pw = t->pw;
	size_t n = pw->nconstraints, k = 0;

	for (size_t i = 0; i < pw->nnodes; i++)
		n += pw->nodes[i].nnext;
	t->conds = xcalloc(n + 1, sizeof(*t->conds));
	for (size_t i = 0; i < pw->nconstraints; i++)
		t->conds[t->nconds++] = pw->constraints[i].require;
	for (size_t i = 0; i < pw->nnodes; i++)
		for (size_t j = 0; j < pw->nodes[i].nnext; j++)
			if (pw->nodes[i].next[j].when)
				t->conds[t->nconds++] = pw->nodes[i].next[j].when;
	qsort(t->conds, t->nconds, sizeof(*t->conds), by_address);
	for (size_t i = 0; i < t->nconds; i++)
		if (k == 0 || t->conds[i] != t->conds[k - 1])
			t->conds[k++] = t->conds[i];
	t->nconds = k;
}

struct reads {
	bool *vars, *derived;
};

static void read_var(int var, void *ctx)
{
	((struct reads *)ctx)->vars[var] = true;
}

static void read_derived(int d, void *ctx)
{
	((struct reads *)ctx)->derived[d] = true;
}

static void reads_of(const struct expr *e, struct reads *r)
{
	if (!e)
		return;
	expr_for_each_variable(e, read_var, r);
	expr_for_each_derived(e, read_derived, r);
}

/* Marks every variable a condition, a check or a default reads, directly or through derived values
 * (each reads only earlier ones, so one pass from the last settles them). */
static void mark_read(struct trials *t)
{
	const struct pathway *pw = t->pw;
	struct reads r = { xcalloc(pw->nvars + 1, sizeof(bool)), xcalloc(pw->nderived + 1, sizeof(bool)) };

	for (size_t i = 0; i < t->nconds; i++)
		reads_of(t->conds[i], &r);
	for (size_t v = 0; v < pw->nvars; v++) {
		reads_of(pw->vars[v].default_expr, &r);
		reads_of(pw->vars[v].default_when, &r);
	}
	for (size_t d = pw->nderived; d-- > 0;)
		if (r.derived[d])
			reads_of(pw->derived[d].expr, &r);
	t->read = r.vars;
	free(r.derived);
}

/* The values the walk would see: the case's answers, else the literal default or today, "not
 * recorded" for an optional variable; notes when a left-out variable's default is computed. */
static void hold_values(struct trials *t, long today)
{
	const struct pathway *pw = t->pw;
	struct expr_env env = { pw, t->held, NULL, pw->start, false };

	t->held = xcalloc(pw->nvars + 1, sizeof(*t->held));
	t->held_derived = xcalloc(pw->nderived + 1, sizeof(*t->held_derived));
	env.answers = t->held;
	for (size_t v = 0; v < pw->nvars; v++) {
		t->held[v] = t->base->answers[v];
		if (t->held[v].type != TYPE_NONE)
			continue;
		t->computed_defaults = t->computed_defaults || pw->vars[v].default_expr;
		if (!pw->vars[v].default_expr)
			t->held[v] = rules_initial_value(&env, (int)v, today);
		if (t->held[v].type == TYPE_NONE && pw->vars[v].optional)
			t->held[v] = value_not_recorded();
	}
	trial_derive(&t->walk, t->held, t->held_derived, pw->start);
}

size_t whatif_compute(const struct pathway *pw, const struct casefile *c, long today, int endpoint,
		      struct whatif **out)
{
	struct trials t = { .pw = pw, .base = c, .changed = *c, .endpoint = endpoint };

	t.answers = xcalloc(pw->nvars + 1, sizeof(*t.answers));
	t.no_derived = xcalloc(pw->nderived + 1, sizeof(*t.no_derived));
	for (size_t v = 0; v < pw->nvars; v++)
		t.answers[v] = c->answers[v];
	t.changed.answers = t.answers;
	trial_init(&t.walk, pw, today);
	trial_record(&t.walk, c);
	gather_conditions(&t);
	mark_read(&t);
	hold_values(&t, today);
	for (size_t v = 0; v < pw->nvars; v++)
		vary(&t, (int)v);
	trial_free(&t.walk);
	free(t.answers);
	free(t.no_derived);
	free(t.conds);
	free(t.read);
	free(t.held);
	free(t.held_derived);
	*out = t.out;
	return t.n;
}

void whatif_append_json(struct strbuf *sb, const struct pathway *pw, const struct whatif *w, size_t n)
{
	sb_append(sb, "[");
	for (size_t i = 0; i < n; i++) {
		char *text = pathway_format_value_ids(pw, w[i].var, &w[i].value);

		sb_append(sb, i ? ",{\"variable\":" : "{\"variable\":");
		sb_append_json_string(sb, pw->vars[w[i].var].id);
		sb_appendf(sb, ",\"value\":%s,\"endpoint\":", text);
		sb_append_json_string(sb, pw->nodes[w[i].endpoint].id);
		sb_append(sb, "}");
		free(text);
	}
	sb_append(sb, "]");
}
