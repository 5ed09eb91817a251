/* SPDX-License-Identifier: Apache-2.0 */
/* Explaining an expression's value: its clauses in pathway syntax with their values and truth,
 * each also in clinical words (expr_words.c), a derived value's own clauses under it. */
#include "expr_internal.h"

#include <stdlib.h>
#include <string.h>

#include "pathway.h"
#include "xalloc.h"

/* The one place values are written for explanations: option ids (not labels), yes/no,
 * YYYY-MM-DD, [a, b] for sets and ? for unknown. */
static void format_value(struct strbuf *sb, const struct pathway *pw, int domain, struct value v)
{
	const struct pw_variable *var = pw && domain >= 0 && (size_t)domain < pw->nvars ? &pw->vars[domain] : NULL;
	char date[DATE_TEXT_SIZE];
	bool first = true;

	switch (v.type) {
	case TYPE_NONE:
		sb_append(sb, "?");
		break;
	case TYPE_INT:
		sb_appendf(sb, "%ld", v.u.i);
		break;
	case TYPE_BOOL:
		sb_append(sb, v.u.b ? "yes" : "no");
		break;
	case TYPE_CHOICE:
		if (var && v.u.choice >= 0 && (size_t)v.u.choice < var->noptions)
			sb_append(sb, var->options[v.u.choice].id);
		else
			sb_appendf(sb, "option %d", v.u.choice);
		break;
	case TYPE_SET:
		sb_append(sb, "[");
		for (int i = 0; i < VALUE_MAX_OPTIONS; i++) {
			if (!(v.u.set & ((uint64_t)1 << i)))
				continue;
			sb_append(sb, first ? "" : ", ");
			first = false;
			if (var && (size_t)i < var->noptions)
				sb_append(sb, var->options[i].id);
			else
				sb_appendf(sb, "option %d", i);
		}
		sb_append(sb, "]");
		break;
	case TYPE_DATE:
		date_format(v.u.date, date);
		sb_append(sb, date);
		break;
	}
}

/* An operand of a comparison: a literal as its value ("4", "tpi"), anything else as its text
 * and actual value ("pain_nrs = 6", "count(sij_tests) = 3"). */
static void explain_operand(struct strbuf *sb, const struct expr *e, const struct expr_env *env)
{
	if (!expr_is_literal(e)) {
		expr_render(sb, env->pw, e, PREC_SUM);
		sb_append(sb, " = ");
	}
	format_value(sb, env->pw, e->type.domain, expr_eval(e, env));
}

static void add_clause(struct expr_explanation *out, size_t *cap, char *text, struct value v, bool negated)
{
	struct expr_clause *c;

	out->clauses = xgrow(out->clauses, cap, out->count + 1, sizeof(*out->clauses));
	c = &out->clauses[out->count++];
	c->text = text;
	c->words = NULL;
	c->depth = 0;
	c->type = v.type == TYPE_BOOL ? TYPE_BOOL : TYPE_NONE;
	c->truth = v.type == TYPE_BOOL && v.u.b != negated;
}

/* Appends the clauses of bool expression e at depth. Under negation (an odd number of enclosing
 * "!") a clause's truth is that of its negated form, and a comparison is shown with the opposite
 * operator, so every clause's truth counts in the same direction towards the whole. A bool
 * derived value is followed by its own expression's clauses one level deeper (derived values
 * only use those declared before them, so this ends). */
static void explain(const struct expr *e, const struct expr_env *env, bool negated, int depth,
		    struct expr_explanation *out, size_t *cap)
{
	struct strbuf sb = STRBUF_INIT;
	struct value v;

	switch (e->kind) {
	case EXPR_NOT:
		explain(e->kids[0], env, !negated, depth, out, cap);
		return;
	case EXPR_AND:
	case EXPR_OR:
		for (size_t i = 0; i < e->nkids; i++)
			explain(e->kids[i], env, negated, depth, out, cap);
		return;
	case EXPR_CMP:
		explain_operand(&sb, e->kids[0], env);
		sb_appendf(&sb, " %s ", expr_op_text(negated ? expr_negate_op(e->op) : e->op));
		explain_operand(&sb, e->kids[1], env);
		break;
	case EXPR_BOOL:
		sb_append(&sb, e->number ? "true" : "false");
		break;
	default: /* bool variable or derived value, endpoint, has(), at() */
		expr_render(&sb, env->pw, e, PREC_PRIMARY);
		sb_append(&sb, " = ");
		format_value(&sb, env->pw, -1, expr_eval(e, env));
		break;
	}
	v = expr_eval(e, env);
	add_clause(out, cap, sb_take(&sb), v, negated);
	out->clauses[out->count - 1].words = expr_words_clause(e, env, negated);
	out->clauses[out->count - 1].depth = depth;
	if (e->kind == EXPR_DERIVED && env->pw && env->pw->derived[e->index].expr && depth + 1 < EXPR_MAX_DEPTH)
		explain(env->pw->derived[e->index].expr, env, false, depth + 1, out, cap);
}

void expr_explain(const struct expr *e, const struct expr_env *env, struct expr_explanation *out)
{
	size_t cap = 0;

	out->clauses = NULL;
	out->count = 0;
	out->result = expr_eval(e, env);
	if (e->type.type == TYPE_BOOL)
		explain(e, env, false, 0, out, &cap);
}

void expr_explanation_free(struct expr_explanation *x)
{
	for (size_t i = 0; i < x->count; i++) {
		free(x->clauses[i].text);
		free(x->clauses[i].words);
	}
	free(x->clauses);
	memset(x, 0, sizeof(*x));
}
