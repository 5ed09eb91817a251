/* SPDX-License-Identifier: Apache-2.0 */
/* Static analysis of expressions for `pathwalk check --strict`: what the declared ranges alone say
 * about a condition (int variables within min..max, count(set) within 0..noptions), and the nodes
 * named by at(). Interval arithmetic only (+, -, * and /): it finds `pain_nrs > 10` with max 10, not every
 * impossibility, and it never claims one that is not there. */
#include <limits.h>
#include <stdlib.h>

#include "expr_internal.h"
#include "pathway.h"
#include "saturate.h"
#include "strbuf.h"
#include "xalloc.h"

/* The values an int expression can take: lo..hi when bounded. */
struct interval {
	bool bounded;
	long lo, hi;
};

static const struct interval unbounded = { false, 0, 0 };

static long neg_sat(long a)
{
	return a == LONG_MIN ? LONG_MAX : -a;
}

/* a * b or a / b over intervals: the extremes are at the corners (truncating division is
 * monotone in each operand while the divisor keeps its sign); a divisor that can be 0 gives no
 * bound, since that value is unknown. */
static struct interval product_range(struct interval a, enum expr_op op, struct interval b)
{
	struct interval r = { true, LONG_MAX, LONG_MIN };

	if (!a.bounded || !b.bounded || (op == OP_DIV && b.lo <= 0 && b.hi >= 0))
		return unbounded;
	for (int i = 0; i < 4; i++) {
		long x = i & 1 ? a.hi : a.lo, y = i & 2 ? b.hi : b.lo;
		long v = op == OP_MUL ? sat_mul(x, y) : sat_div(x, y);

		r.lo = v < r.lo ? v : r.lo;
		r.hi = v > r.hi ? v : r.hi;
	}
	return r;
}

/* What is known of every derived value, computed once per analysis in dependency order (a derived
 * value uses only earlier ones), so a chain of derived values that each use the previous one
 * several times costs one pass, not one walk per use (that was exponential). */
struct analysis {
	const struct pathway *pw;
	struct interval *range;	     /* per derived value: its interval when an int */
	enum expr_truth *truth;	     /* per derived value: its verdict when a bool */
	size_t known;		     /* derived values [0, known) are computed */
};

static struct interval range_of(const struct expr *e, const struct analysis *a, int depth);
static enum expr_truth truth_of(const struct expr *e, const struct analysis *a, int depth);

static void analysis_init(struct analysis *a, const struct pathway *pw)
{
	a->pw = pw;
	a->known = 0;
	a->range = xcalloc(pw->nderived + 1, sizeof(*a->range));
	a->truth = xcalloc(pw->nderived + 1, sizeof(*a->truth));
	for (size_t i = 0; i < pw->nderived; i++) {
		const struct pw_derived *d = &pw->derived[i];

		a->range[i] = d->expr && d->type == TYPE_INT ? range_of(d->expr, a, 0) : unbounded;
		a->truth[i] = d->expr && d->type == TYPE_BOOL ? truth_of(d->expr, a, 0) : EXPR_MAYBE;
		a->known = i + 1;
	}
}

static void analysis_free(struct analysis *a)
{
	free(a->range);
	free(a->truth);
}

static struct interval range_of(const struct expr *e, const struct analysis *a, int depth)
{
	const struct pathway *pw = a->pw;
	struct interval r = unbounded;

	if (depth > EXPR_MAX_DEPTH)
		return unbounded;
	switch (e->kind) {
	case EXPR_INT:
		return (struct interval){ true, e->number, e->number };
	case EXPR_VAR:
		if (pw->vars[e->index].type == TYPE_INT)
			return (struct interval){ true, pw->vars[e->index].min, pw->vars[e->index].max };
		return unbounded;
	case EXPR_DERIVED:
		return e->index >= 0 && (size_t)e->index < a->known ? a->range[e->index] : unbounded;
	case EXPR_COUNT:
		if (e->kids[0]->type.domain >= 0)
			return (struct interval){ true, 0, (long)pw->vars[e->kids[0]->type.domain].noptions };
		return unbounded;
	case EXPR_SUM:
		if (e->type.type != TYPE_INT)
			return unbounded;
		r = range_of(e->kids[0], a, depth + 1);
		for (size_t i = 1; i < e->nkids && r.bounded; i++) {
			struct interval t = range_of(e->kids[i], a, depth + 1);

			if (!t.bounded || e->kids[i]->type.type != TYPE_INT)
				return unbounded;
			if (e->ops[i] == OP_ADD) {
				r.lo = sat_add(r.lo, t.lo);
				r.hi = sat_add(r.hi, t.hi);
			} else {
				r.lo = sat_add(r.lo, neg_sat(t.hi));
				r.hi = sat_add(r.hi, neg_sat(t.lo));
			}
		}
		return r;
	case EXPR_PRODUCT:
		r = range_of(e->kids[0], a, depth + 1);
		for (size_t i = 1; i < e->nkids && r.bounded; i++)
			r = product_range(r, e->ops[i], range_of(e->kids[i], a, depth + 1));
		return r;
	default:
		return unbounded;
	}
}

/* The verdict on a comparison of two int intervals. */
static enum expr_truth compare_ranges(struct interval a, enum expr_op op, struct interval b)
{
	if (!a.bounded || !b.bounded)
		return EXPR_MAYBE;
	switch (op) {
	case OP_LT: return a.hi < b.lo ? EXPR_ALWAYS : a.lo >= b.hi ? EXPR_NEVER : EXPR_MAYBE;
	case OP_LE: return a.hi <= b.lo ? EXPR_ALWAYS : a.lo > b.hi ? EXPR_NEVER : EXPR_MAYBE;
	case OP_GT: return a.lo > b.hi ? EXPR_ALWAYS : a.hi <= b.lo ? EXPR_NEVER : EXPR_MAYBE;
	case OP_GE: return a.lo >= b.hi ? EXPR_ALWAYS : a.hi < b.lo ? EXPR_NEVER : EXPR_MAYBE;
	case OP_EQ:
		if (a.hi < b.lo || b.hi < a.lo)
			return EXPR_NEVER;
		return a.lo == a.hi && b.lo == b.hi ? EXPR_ALWAYS : EXPR_MAYBE;
	case OP_NE:
		if (a.hi < b.lo || b.hi < a.lo)
			return EXPR_ALWAYS;
		return a.lo == a.hi && b.lo == b.hi ? EXPR_NEVER : EXPR_MAYBE;
	default:
		return EXPR_MAYBE;
	}
}

static enum expr_truth comparison_truth(const struct expr *e, const struct analysis *a)
{
	if (e->kids[0]->type.type != TYPE_INT || e->kids[1]->type.type != TYPE_INT)
		return EXPR_MAYBE;
	return compare_ranges(range_of(e->kids[0], a, 0), e->op, range_of(e->kids[1], a, 0));
}

static enum expr_truth truth_of(const struct expr *e, const struct analysis *a, int depth)
{
	bool all = true;

	if (depth > EXPR_MAX_DEPTH)
		return EXPR_MAYBE;
	switch (e->kind) {
	case EXPR_BOOL:
		return e->number ? EXPR_ALWAYS : EXPR_NEVER;
	case EXPR_CMP:
		return comparison_truth(e, a);
	case EXPR_DERIVED:
		return e->index >= 0 && (size_t)e->index < a->known ? a->truth[e->index] : EXPR_MAYBE;
	case EXPR_NOT: {
		enum expr_truth t = truth_of(e->kids[0], a, depth + 1);

		return t == EXPR_ALWAYS ? EXPR_NEVER : t == EXPR_NEVER ? EXPR_ALWAYS : EXPR_MAYBE;
	}
	case EXPR_AND:
	case EXPR_OR: {
		/* AND: one NEVER decides, all ALWAYS decide; OR mirrors it. */
		enum expr_truth dominant = e->kind == EXPR_AND ? EXPR_NEVER : EXPR_ALWAYS;

		for (size_t i = 0; i < e->nkids; i++) {
			enum expr_truth t = truth_of(e->kids[i], a, depth + 1);

			if (t == dominant)
				return dominant;
			all = all && t != EXPR_MAYBE;
		}
		return all ? (dominant == EXPR_NEVER ? EXPR_ALWAYS : EXPR_NEVER) : EXPR_MAYBE;
	}
	default:
		return EXPR_MAYBE;
	}
}

enum expr_truth expr_static_truth(const struct expr *e, const struct pathway *pw)
{
	struct analysis a;
	enum expr_truth t;

	if (!e)
		return EXPR_MAYBE;
	analysis_init(&a, pw);
	t = truth_of(e, &a, 0);
	analysis_free(&a);
	return t;
}

static void each_fixed_comparison(const struct expr *e, const struct analysis *a,
				  void (*fn)(const char *text, enum expr_truth truth, void *ctx), void *ctx)
{
	const struct pathway *pw = a->pw;

	if (e->kind == EXPR_CMP) {
		enum expr_truth t = comparison_truth(e, a);

		if (t != EXPR_MAYBE) {
			struct strbuf sb = STRBUF_INIT;

			expr_render(&sb, pw, e, PREC_OR);
			fn(sb_str(&sb), t, ctx);
			sb_free(&sb);
		}
		return;
	}
	for (size_t i = 0; i < e->nkids; i++)
		each_fixed_comparison(e->kids[i], a, fn, ctx);
}

void expr_for_each_fixed_comparison(const struct expr *e, const struct pathway *pw,
				    void (*fn)(const char *text, enum expr_truth truth, void *ctx), void *ctx)
{
	struct analysis a;

	if (!e)
		return;
	analysis_init(&a, pw);
	each_fixed_comparison(e, &a, fn, ctx);
	analysis_free(&a);
}

void expr_for_each_node(const struct expr *e, void (*fn)(int node, void *ctx), void *ctx)
{
	if (!e)
		return;
	if (e->kind == EXPR_AT)
		for (size_t i = 0; i < e->nitems; i++)
			fn(e->items[i], ctx);
	for (size_t i = 0; i < e->nkids; i++)
		expr_for_each_node(e->kids[i], fn, ctx);
}
