/* SPDX-License-Identifier: Apache-2.0 */
/* Where a comparison can change as one int or date variable moves, the others held (expr.h).
 * Every operator moves one way in each operand (sums and differences, products and divisions by
 * a held value, saturating and clamped as expr_eval computes them), so a side of a comparison that
 * reads var only through such operators moves one way with it: comparing two sides that move
 * apart, the sign of their difference changes at most twice, and a binary search finds where. */
#include <stdlib.h>
#include <string.h>

#include "expr_internal.h"
#include "pathway.h"
#include "xalloc.h"

/* How a value moves as var rises: not at all, up, down, or either way (unknown). */
enum { MOVE_NONE = 0, MOVE_UP = 1, MOVE_DOWN = -1, MOVE_ANY = 2 };

static int flip(int m)
{
	return m == MOVE_UP || m == MOVE_DOWN ? -m : m;
}

static int both(int a, int b)
{
	if (a == MOVE_NONE)
		return b;
	if (b == MOVE_NONE || a == b)
		return a;
	return MOVE_ANY;
}

static struct expr_env env_of(const struct expr_steps *st)
{
	struct expr_env env = { st->pw, st->answers, st->derived, -1, false };

	return env;
}

/* The sign of a held int value: -1, 0 or 1, or 2 when it is unknown. */
static int sign_of(const struct expr *e, const struct expr_steps *st)
{
	struct expr_env env = env_of(st);
	struct value v = expr_eval(e, &env);

	if (v.type != TYPE_INT)
		return 2;
	return (v.u.i > 0) - (v.u.i < 0);
}

static int move_of(const struct expr *e, const struct expr_steps *st);

/* A product moves one way when var is read by one factor only, every factor after it is held (its
 * sign gives the way), and only multiplications come before it. An unknown held factor makes the
 * whole product unknown, for every value of var. */
static int product_move(const struct expr *e, const struct expr_steps *st)
{
	int m = move_of(e->kids[0], st), prefix = m == MOVE_NONE ? sign_of(e->kids[0], st) : 1;
	bool only_mul = true;

	for (size_t i = 1; i < e->nkids; i++) {
		int k = move_of(e->kids[i], st), s;

		if (m == MOVE_ANY || k == MOVE_ANY || (m != MOVE_NONE && k != MOVE_NONE))
			return MOVE_ANY;
		if (k == MOVE_NONE) {
			s = sign_of(e->kids[i], st);
			if (s == 2 || (s == 0 && e->ops[i] == OP_DIV))
				return MOVE_NONE;
			if (m == MOVE_NONE) {
				only_mul = only_mul && e->ops[i] == OP_MUL;
				prefix = prefix == 2 ? 2 : prefix * s;
			} else {
				m = s == 0 ? MOVE_NONE : s > 0 ? m : flip(m);
			}
			continue;
		}
		if (e->ops[i] == OP_DIV || !only_mul)
			return MOVE_ANY;
		if (prefix == 2)
			return MOVE_NONE;
		m = prefix == 0 ? MOVE_NONE : prefix > 0 ? k : flip(k);
	}
	return m;
}

static int move_of(const struct expr *e, const struct expr_steps *st)
{
	int m = MOVE_NONE;

	switch (e->kind) {
	case EXPR_VAR:
		return e->index == st->var ? MOVE_UP : MOVE_NONE;
	case EXPR_DERIVED:
		return st->dir[e->index];
	case EXPR_SUM:
		for (size_t i = 0; i < e->nkids; i++) {
			int k = move_of(e->kids[i], st);

			m = both(m, i > 0 && e->ops[i] == OP_SUB ? flip(k) : k);
		}
		return m;
	case EXPR_PRODUCT:
		return product_move(e, st);
	case EXPR_NOT:
	case EXPR_AND:
	case EXPR_OR:
	case EXPR_CMP:
		/* A truth value that reads var can change either way. */
		for (size_t i = 0; i < e->nkids; i++)
			if (move_of(e->kids[i], st) != MOVE_NONE)
				return MOVE_ANY;
		return MOVE_NONE;
	default:
		/* Literals, sets (never computed from an int or a date), at() and endpoint. */
		return MOVE_NONE;
	}
}

void expr_steps_init(struct expr_steps *st, const struct pathway *pw, int var, struct value *answers,
		     struct value *derived, long lo, long hi)
{
	*st = (struct expr_steps){ .pw = pw, .var = var, .answers = answers, .derived = derived, .lo = lo, .hi = hi };
	st->dir = xcalloc(pw->nderived + 1, sizeof(*st->dir));
	st->need = xcalloc(pw->nderived + 1, sizeof(*st->need));
	/* In declaration order: a derived value reads only earlier ones. */
	for (size_t i = 0; i < pw->nderived; i++)
		st->dir[i] = (signed char)move_of(pw->derived[i].expr, st);
}

void expr_steps_free(struct expr_steps *st)
{
	free(st->points);
	free(st->dir);
	free(st->need);
	st->points = NULL;
	st->dir = NULL;
	st->need = NULL;
}

/* Sets var to x and recomputes the derived values that read it and that the comparison being
 * searched reads (st->need); every one that reads var when all is true. */
static void set_var(struct expr_steps *st, long x, bool all)
{
	struct expr_env env = env_of(st);

	st->answers[st->var] = st->answers[st->var].type == TYPE_DATE ? value_date(x) : value_int(x);
	for (size_t i = 0; i < st->pw->nderived; i++)
		if (st->dir[i] != MOVE_NONE && (all || st->need[i]))
			st->derived[i] = expr_eval(st->pw->derived[i].expr, &env);
}

static void need_derived(int d, void *ctx)
{
	((struct expr_steps *)ctx)->need[d] = 1;
}

/* Marks in st->need the derived values comparison e reads, directly or through others. */
static void mark_needed(struct expr_steps *st, const struct expr *e)
{
	memset(st->need, 0, st->pw->nderived + 1);
	expr_for_each_derived(e, need_derived, st);
	for (size_t d = st->pw->nderived; d-- > 0;)
		if (st->need[d])
			expr_for_each_derived(st->pw->derived[d].expr, need_derived, st);
}

/* The sign of left - right at var = x, turned so that it rises with x (way -1: falls); 2 when
 * either side is unknown. */
static int side_sign(struct expr_steps *st, const struct expr *e, int way, long x)
{
	struct expr_env env = env_of(st);
	struct value l, r;
	long a, b;

	set_var(st, x, false);
	l = expr_eval(e->kids[0], &env);
	r = expr_eval(e->kids[1], &env);
	if (l.type != r.type || (l.type != TYPE_INT && l.type != TYPE_DATE))
		return 2;
	a = l.type == TYPE_INT ? l.u.i : l.u.date;
	b = l.type == TYPE_INT ? r.u.i : r.u.date;
	return way * ((a > b) - (a < b));
}

static void add_point(struct expr_steps *st, long x)
{
	st->points = xgrow(st->points, &st->cap, st->npoints + 1, sizeof(*st->points));
	st->points[st->npoints++] = x;
}

/* Adds the least x in lo+1..hi whose sign reaches at least `at`, when the sign at lo does not. */
static void add_first(struct expr_steps *st, const struct expr *e, int way, int at)
{
	long no = st->lo, yes = st->hi;

	if (side_sign(st, e, way, no) >= at || side_sign(st, e, way, yes) < at)
		return;
	while (yes - no > 1) {
		long mid = no + (yes - no) / 2;

		if (side_sign(st, e, way, mid) >= at)
			yes = mid;
		else
			no = mid;
	}
	add_point(st, yes);
}

static bool add_comparison(struct expr_steps *st, const struct expr *e)
{
	long held = st->answers[st->var].type == TYPE_DATE ? st->answers[st->var].u.date : st->answers[st->var].u.i;
	int m = both(move_of(e->kids[0], st), flip(move_of(e->kids[1], st)));

	if (m == MOVE_ANY)
		return false;
	mark_needed(st, e);
	if (m != MOVE_NONE && side_sign(st, e, m, st->lo) != 2) {
		/* The sign of the difference, which rises with x: where it reaches 0 and where 1. */
		add_first(st, e, m, 0);
		add_first(st, e, m, 1);
	}
	set_var(st, held, true);
	return true;
}

bool expr_steps_add(struct expr_steps *st, const struct expr *e)
{
	if (!e)
		return true;
	if (e->kind == EXPR_CMP && (e->kids[0]->type.type == TYPE_INT || e->kids[0]->type.type == TYPE_DATE))
		return add_comparison(st, e);
	if (e->kind == EXPR_CMP || e->kind == EXPR_NOT || e->kind == EXPR_AND || e->kind == EXPR_OR)
		for (size_t i = 0; i < e->nkids; i++)
			if (!expr_steps_add(st, e->kids[i]))
				return false;
	return true;
}

bool expr_steps_add_derived(struct expr_steps *st)
{
	for (size_t i = 0; i < st->pw->nderived; i++)
		if (!expr_steps_add(st, st->pw->derived[i].expr))
			return false;
	return true;
}
