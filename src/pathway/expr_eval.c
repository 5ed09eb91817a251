/* SPDX-License-Identifier: Apache-2.0 */
/* Evaluation (Kleene three-valued logic), rendering and traversal of type-checked expression
 * trees (their explanation is expr_explain.c). Nothing here can fail: names were resolved and types checked by expr_parse, and values
 * of the wrong type (which a correct caller never passes) evaluate to unknown. */
#include "expr_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "pathway.h"
#include "saturate.h"
#include "xalloc.h"

/* a * b saturating, and a / b rounding toward zero (C's rule); dividing by zero is unknown. */
static struct value product(struct value a, enum expr_op op, struct value b)
{
	if (a.type != TYPE_INT || b.type != TYPE_INT)
		return value_unknown();
	if (op == OP_DIV)
		return b.u.i == 0 ? value_unknown() : value_int(sat_div(a.u.i, b.u.i));
	return value_int(sat_mul(a.u.i, b.u.i));
}

static struct value date_clamped(long days)
{
	if (days < DATE_MIN_DAYS)
		days = DATE_MIN_DAYS;
	if (days > DATE_MAX_DAYS)
		days = DATE_MAX_DAYS;
	return value_date(days);
}

static struct value arithmetic(struct value a, enum expr_op op, struct value b)
{
	long (*apply)(long, long) = op == OP_ADD ? sat_add : sat_sub;

	if (a.type == TYPE_INT && b.type == TYPE_INT)
		return value_int(apply(a.u.i, b.u.i));
	if (a.type == TYPE_DATE && b.type == TYPE_INT)
		return date_clamped(apply(a.u.date, b.u.i));
	if (op == OP_ADD && a.type == TYPE_INT && b.type == TYPE_DATE)
		return date_clamped(sat_add(a.u.i, b.u.date));
	if (op == OP_SUB && a.type == TYPE_DATE && b.type == TYPE_DATE)
		return value_int(sat_sub(a.u.date, b.u.date));
	return value_unknown();
}

static struct value compare(struct value a, enum expr_op op, struct value b)
{
	long x, y;

	if (a.type == TYPE_NONE || b.type == TYPE_NONE || a.type != b.type)
		return value_unknown();
	if (op == OP_EQ || op == OP_NE)
		return value_bool(value_equal(&a, &b) == (op == OP_EQ));
	if (a.type == TYPE_INT) {
		x = a.u.i;
		y = b.u.i;
	} else if (a.type == TYPE_DATE) {
		x = a.u.date;
		y = b.u.date;
	} else {
		return value_unknown();
	}
	switch (op) {
	case OP_LT:
		return value_bool(x < y);
	case OP_LE:
		return value_bool(x <= y);
	case OP_GT:
		return value_bool(x > y);
	case OP_GE:
		return value_bool(x >= y);
	default:
		return value_unknown();
	}
}

/* && and || over any number of operands: the dominant value (false for &&, true for ||) wins
 * even over unknowns; otherwise any unknown makes the result unknown. */
static struct value logic(const struct expr *e, const struct expr_env *env, bool dominant)
{
	bool unknown = false;

	for (size_t i = 0; i < e->nkids; i++) {
		struct value v = expr_eval(e->kids[i], env);

		if (v.type != TYPE_BOOL)
			unknown = true;
		else if (v.u.b == dominant)
			return value_bool(dominant);
	}
	return unknown ? value_unknown() : value_bool(!dominant);
}

static struct value lookup(const struct value *values, int index)
{
	return values ? values[index] : value_unknown();
}

struct value expr_eval(const struct expr *e, const struct expr_env *env)
{
	struct value v;

	switch (e->kind) {
	case EXPR_INT:
		return value_int(e->number);
	case EXPR_BOOL:
		return value_bool(e->number != 0);
	case EXPR_OPTION:
		return value_choice((int)e->number);
	case EXPR_DATE:
		return value_date(e->number);
	case EXPR_STRING:
		return value_unknown();
	case EXPR_VAR:
		return lookup(env->answers, e->index);
	case EXPR_DERIVED:
		return lookup(env->derived, e->index);
	case EXPR_ENDPOINT:
		return value_bool(env->at_endpoint);
	case EXPR_COUNT:
		v = expr_eval(e->kids[0], env);
		return v.type == TYPE_SET ? value_int(value_set_count(v.u.set)) : value_unknown();
	case EXPR_HAS:
		v = expr_eval(e->kids[0], env);
		if (v.type != TYPE_SET)
			return value_unknown();
		for (size_t i = 0; i < e->nitems; i++)
			if (v.u.set & ((uint64_t)1 << e->items[i]))
				return value_bool(true);
		return value_bool(false);
	case EXPR_AT:
		for (size_t i = 0; i < e->nitems; i++)
			if (e->items[i] == env->node)
				return value_bool(true);
		return value_bool(false);
	case EXPR_NOT:
		v = expr_eval(e->kids[0], env);
		return v.type == TYPE_BOOL ? value_bool(!v.u.b) : value_unknown();
	case EXPR_AND:
		return logic(e, env, false);
	case EXPR_OR:
		return logic(e, env, true);
	case EXPR_CMP:
		return compare(expr_eval(e->kids[0], env), e->op, expr_eval(e->kids[1], env));
	case EXPR_SUM:
		v = expr_eval(e->kids[0], env);
		for (size_t i = 1; i < e->nkids && v.type != TYPE_NONE; i++) {
			struct value term = expr_eval(e->kids[i], env);

			v = term.type == TYPE_NONE ? term : arithmetic(v, e->ops[i], term);
		}
		return v;
	case EXPR_PRODUCT:
		v = expr_eval(e->kids[0], env);
		for (size_t i = 1; i < e->nkids && v.type != TYPE_NONE; i++)
			v = product(v, e->ops[i], expr_eval(e->kids[i], env));
		return v;
	}
	return value_unknown();
}

const char *expr_op_text(enum expr_op op)
{
	static const char *const text[] = {
		[OP_EQ] = "==", [OP_NE] = "!=", [OP_LT] = "<", [OP_LE] = "<=",
		[OP_GT] = ">", [OP_GE] = ">=", [OP_ADD] = "+", [OP_SUB] = "-",
		[OP_MUL] = "*", [OP_DIV] = "/",
	};

	return text[op];
}

static int precedence(const struct expr *e)
{
	switch (e->kind) {
	case EXPR_OR:
		return PREC_OR;
	case EXPR_AND:
		return PREC_AND;
	case EXPR_NOT:
		return PREC_NOT;
	case EXPR_CMP:
		return PREC_CMP;
	case EXPR_SUM:
		return PREC_SUM;
	case EXPR_PRODUCT:
		return PREC_PRODUCT;
	default:
		return PREC_PRIMARY;
	}
}

static void render_items(struct strbuf *sb, const struct pathway *pw, const struct expr *e)
{
	for (size_t i = 0; i < e->nitems; i++) {
		if (i > 0 || e->kind == EXPR_HAS)
			sb_append(sb, ", ");
		if (e->kind == EXPR_HAS)
			sb_append(sb, pw->vars[e->kids[0]->type.domain].options[e->items[i]].id);
		else
			sb_append(sb, pw->nodes[e->items[i]].id);
	}
}

void expr_render(struct strbuf *sb, const struct pathway *pw, const struct expr *e, int min_prec)
{
	bool parens = precedence(e) < min_prec;
	char date[DATE_TEXT_SIZE];

	if (parens)
		sb_append(sb, "(");
	switch (e->kind) {
	case EXPR_INT:
		sb_appendf(sb, "%ld", e->number);
		break;
	case EXPR_BOOL:
		sb_append(sb, e->number ? "true" : "false");
		break;
	case EXPR_OPTION:
		sb_appendf(sb, "\"%s\"", pw->vars[e->type.domain].options[e->number].id);
		break;
	case EXPR_DATE:
		date_format(e->number, date);
		sb_appendf(sb, "\"%s\"", date);
		break;
	case EXPR_STRING:
		sb_appendf(sb, "\"%s\"", e->text);
		break;
	case EXPR_VAR:
		sb_append(sb, pw->vars[e->index].id);
		break;
	case EXPR_DERIVED:
		sb_append(sb, pw->derived[e->index].id);
		break;
	case EXPR_ENDPOINT:
		sb_append(sb, "endpoint");
		break;
	case EXPR_COUNT:
	case EXPR_HAS:
		sb_append(sb, e->kind == EXPR_COUNT ? "count(" : "has(");
		expr_render(sb, pw, e->kids[0], PREC_OR);
		render_items(sb, pw, e);
		sb_append(sb, ")");
		break;
	case EXPR_AT:
		sb_append(sb, "at(");
		render_items(sb, pw, e);
		sb_append(sb, ")");
		break;
	case EXPR_NOT:
		/* "!" binds more loosely than a comparison; parentheses keep that visible. */
		sb_append(sb, "!");
		expr_render(sb, pw, e->kids[0], e->kids[0]->kind == EXPR_NOT ? PREC_NOT : PREC_PRIMARY);
		break;
	case EXPR_AND:
	case EXPR_OR:
		for (size_t i = 0; i < e->nkids; i++) {
			if (i > 0)
				sb_append(sb, e->kind == EXPR_AND ? " && " : " || ");
			expr_render(sb, pw, e->kids[i], precedence(e) + 1);
		}
		break;
	case EXPR_CMP:
		expr_render(sb, pw, e->kids[0], PREC_SUM);
		sb_appendf(sb, " %s ", expr_op_text(e->op));
		expr_render(sb, pw, e->kids[1], PREC_SUM);
		break;
	case EXPR_SUM:
	case EXPR_PRODUCT:
		/* Left-associative: a right operand of the same level keeps its parentheses. */
		for (size_t i = 0; i < e->nkids; i++) {
			if (i > 0)
				sb_appendf(sb, " %s ", expr_op_text(e->ops[i]));
			expr_render(sb, pw, e->kids[i], i > 0 ? precedence(e) + 1 : precedence(e));
		}
		break;
	}
	if (parens)
		sb_append(sb, ")");
}

bool expr_is_literal(const struct expr *e)
{
	return e->kind == EXPR_INT || e->kind == EXPR_BOOL || e->kind == EXPR_OPTION || e->kind == EXPR_DATE;
}

enum expr_op expr_negate_op(enum expr_op op)
{
	switch (op) {
	case OP_EQ:
		return OP_NE;
	case OP_NE:
		return OP_EQ;
	case OP_LT:
		return OP_GE;
	case OP_LE:
		return OP_GT;
	case OP_GT:
		return OP_LE;
	case OP_GE:
		return OP_LT;
	default:
		return op;
	}
}

void expr_for_each_variable(const struct expr *e, void (*fn)(int var, void *ctx), void *ctx)
{
	if (!e)
		return;
	if (e->kind == EXPR_VAR)
		fn(e->index, ctx);
	for (size_t i = 0; i < e->nkids; i++)
		expr_for_each_variable(e->kids[i], fn, ctx);
}

void expr_for_each_derived(const struct expr *e, void (*fn)(int derived, void *ctx), void *ctx)
{
	if (!e)
		return;
	if (e->kind == EXPR_DERIVED)
		fn(e->index, ctx);
	for (size_t i = 0; i < e->nkids; i++)
		expr_for_each_derived(e->kids[i], fn, ctx);
}
