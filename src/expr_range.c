/* Static analysis of expressions for `pathwalk check --strict`: what the declared ranges alone say
 * about a condition (int variables within min..max, count(set) within 0..noptions), and the nodes
 * named by at(). Interval arithmetic only (+, -, * and /): it finds `pain_nrs > 10` with max 10, not every
 * impossibility, and it never claims one that is not there. */
#include <limits.h>

#include "expr_internal.h"
#include "pathway.h"
#include "strbuf.h"

/* The values an int expression can take: lo..hi when bounded. */
struct interval {
	bool bounded;
	long lo, hi;
};

static const struct interval unbounded = { false, 0, 0 };

/* Pathway integers fit in 32 bits, so these only saturate on absurd sums; saturating keeps the
 * interval a sound over-approximation instead of overflowing. */
static long add_sat(long a, long b)
{
	if (b > 0 && a > LONG_MAX - b)
		return LONG_MAX;
	if (b < 0 && a < LONG_MIN - b)
		return LONG_MIN;
	return a + b;
}

static long neg_sat(long a)
{
	return a == LONG_MIN ? LONG_MAX : -a;
}

static long mul_sat(long a, long b)
{
	long r;

	if (__builtin_mul_overflow(a, b, &r))
		return (a < 0) == (b < 0) ? LONG_MAX : LONG_MIN;
	return r;
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
		long v = op == OP_MUL ? mul_sat(x, y) : x == LONG_MIN && y == -1 ? LONG_MAX : x / y;

		r.lo = v < r.lo ? v : r.lo;
		r.hi = v > r.hi ? v : r.hi;
	}
	return r;
}

static struct interval range_of(const struct expr *e, const struct pathway *pw, int depth)
{
	struct interval r = unbounded;

	if (depth > EXPR_MAX_DEPTH + (int)pw->nderived)
		return unbounded;
	switch (e->kind) {
	case EXPR_INT:
		return (struct interval){ true, e->number, e->number };
	case EXPR_VAR:
		if (pw->vars[e->index].type == TYPE_INT)
			return (struct interval){ true, pw->vars[e->index].min, pw->vars[e->index].max };
		return unbounded;
	case EXPR_DERIVED:
		/* Derived values only use earlier ones, so this recursion ends. */
		if (pw->derived[e->index].type == TYPE_INT && pw->derived[e->index].expr)
			return range_of(pw->derived[e->index].expr, pw, depth + 1);
		return unbounded;
	case EXPR_COUNT:
		if (e->kids[0]->type.domain >= 0)
			return (struct interval){ true, 0, (long)pw->vars[e->kids[0]->type.domain].noptions };
		return unbounded;
	case EXPR_SUM:
		if (e->type.type != TYPE_INT)
			return unbounded;
		r = range_of(e->kids[0], pw, depth + 1);
		for (size_t i = 1; i < e->nkids && r.bounded; i++) {
			struct interval t = range_of(e->kids[i], pw, depth + 1);

			if (!t.bounded || e->kids[i]->type.type != TYPE_INT)
				return unbounded;
			if (e->ops[i] == OP_ADD) {
				r.lo = add_sat(r.lo, t.lo);
				r.hi = add_sat(r.hi, t.hi);
			} else {
				r.lo = add_sat(r.lo, neg_sat(t.hi));
				r.hi = add_sat(r.hi, neg_sat(t.lo));
			}
		}
		return r;
	case EXPR_PRODUCT:
		r = range_of(e->kids[0], pw, depth + 1);
		for (size_t i = 1; i < e->nkids && r.bounded; i++)
			r = product_range(r, e->ops[i], range_of(e->kids[i], pw, depth + 1));
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

static enum expr_truth comparison_truth(const struct expr *e, const struct pathway *pw)
{
	if (e->kids[0]->type.type != TYPE_INT || e->kids[1]->type.type != TYPE_INT)
		return EXPR_MAYBE;
	return compare_ranges(range_of(e->kids[0], pw, 0), e->op, range_of(e->kids[1], pw, 0));
}

static enum expr_truth truth_of(const struct expr *e, const struct pathway *pw, int depth)
{
	bool all = true;

	if (depth > EXPR_MAX_DEPTH + (int)pw->nderived)
		return EXPR_MAYBE;
	switch (e->kind) {
	case EXPR_BOOL:
		return e->number ? EXPR_ALWAYS : EXPR_NEVER;
	case EXPR_CMP:
		return comparison_truth(e, pw);
	case EXPR_DERIVED:
		if (pw->derived[e->index].type == TYPE_BOOL && pw->derived[e->index].expr)
			return truth_of(pw->derived[e->index].expr, pw, depth + 1);
		return EXPR_MAYBE;
	case EXPR_NOT: {
		enum expr_truth t = truth_of(e->kids[0], pw, depth + 1);

		return t == EXPR_ALWAYS ? EXPR_NEVER : t == EXPR_NEVER ? EXPR_ALWAYS : EXPR_MAYBE;
	}
	case EXPR_AND:
	case EXPR_OR: {
		/* AND: one NEVER decides, all ALWAYS decide; OR mirrors it. */
		enum expr_truth dominant = e->kind == EXPR_AND ? EXPR_NEVER : EXPR_ALWAYS;

		for (size_t i = 0; i < e->nkids; i++) {
			enum expr_truth t = truth_of(e->kids[i], pw, depth + 1);

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
	return e ? truth_of(e, pw, 0) : EXPR_MAYBE;
}

void expr_for_each_fixed_comparison(const struct expr *e, const struct pathway *pw,
				    void (*fn)(const char *text, enum expr_truth truth, void *ctx), void *ctx)
{
	if (!e)
		return;
	if (e->kind == EXPR_CMP) {
		enum expr_truth t = comparison_truth(e, pw);

		if (t != EXPR_MAYBE) {
			struct strbuf sb = STRBUF_INIT;

			expr_render(&sb, pw, e, PREC_OR);
			fn(sb_str(&sb), t, ctx);
			sb_free(&sb);
		}
		return;
	}
	for (size_t i = 0; i < e->nkids; i++)
		expr_for_each_fixed_comparison(e->kids[i], pw, fn, ctx);
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
