/* SPDX-License-Identifier: Apache-2.0 */
/* Clinical wording of explanation clauses, generated from the pathway's own words: a variable's
 * `short` (else its prompt) and `unit`, option labels, a derived value's `label`, node titles.
 * Every clause reads "Subject: value; needs requirement: verdict", so that it can be read aloud:
 * "Pain score: 4/10; needs more than 4/10: not met", "Cauda equina symptoms: none ticked; needs
 * at least one: not met", "Nerve root pain: yes; needs no: not met". No id and no operator. */
#include "expr_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pathway.h"
#include "xalloc.h"

static void subject(struct strbuf *sb, const struct expr *e, const struct expr_env *env, bool mid);

/* s, with its first letter lowered mid-sentence unless it starts an abbreviation ("MRI"). */
static void append_name(struct strbuf *sb, const char *s, bool mid)
{
	if (mid && isupper((unsigned char)s[0]) && !isupper((unsigned char)s[1])) {
		sb_append_char(sb, (char)tolower((unsigned char)s[0]));
		s++;
	}
	sb_append(sb, s);
}

/* The pathway's words for a variable, derived value, option or node; the id only where the file
 * gives none (check --strict warns about those). */
static const char *var_name(const struct pathway *pw, int var)
{
	const char *s = pathway_var_short(pw, var);

	return s ? s : pw->vars[var].id;
}

static const char *derived_name(const struct pathway *pw, int d)
{
	return pw->derived[d].label ? pw->derived[d].label : pw->derived[d].id;
}

static const char *option_name(const struct pw_variable *var, int option)
{
	return var->options[option].label ? var->options[option].label : var->options[option].id;
}

static const char *node_name(const struct pathway *pw, int node)
{
	return pw->nodes[node].title ? pw->nodes[node].title : pw->nodes[node].id;
}

/* A date difference "a - b" of exactly two dates: a number of days. */
static bool is_day_count(const struct expr *e)
{
	return e->kind == EXPR_SUM && e->nkids == 2 && e->ops[1] == OP_SUB && e->kids[0]->type.type == TYPE_DATE
	       && e->kids[1]->type.type == TYPE_DATE;
}

/* e counts days: a date difference, or a derived value that is one. */
static bool counts_days(const struct expr *e, const struct pathway *pw)
{
	return is_day_count(e) || (e->kind == EXPR_DERIVED && pw->derived[e->index].expr
				   && is_day_count(pw->derived[e->index].expr));
}

/* The variable whose unit applies to e's values: e itself, or the set count(e) counts, else -1. */
static int unit_var(const struct expr *e)
{
	return e->kind == EXPR_VAR ? e->index : -1;
}

/* Appends value v of expression e (typed like e) for people: labels, yes/no, dates, units. */
static void value_words(struct strbuf *sb, const struct expr *e, const struct expr_env *env, struct value v)
{
	const struct pathway *pw = env->pw;
	char *text;

	if (v.type == TYPE_NONE) {
		sb_append(sb, v.not_recorded ? "not recorded" : "not yet answered");
		return;
	}
	if (e->kind == EXPR_COUNT) {
		struct value set = expr_eval(e->kids[0], env);

		if (v.u.i == 0) {
			sb_append(sb, "none ticked");
			return;
		}
		text = pathway_format_value(pw, e->kids[0]->type.domain, &set);
		sb_appendf(sb, "%ld ticked (%s)", v.u.i, text);
		free(text);
		return;
	}
	if (is_day_count(e) && v.type == TYPE_INT) {
		sb_appendf(sb, "%ld day%s", v.u.i, v.u.i == 1 || v.u.i == -1 ? "" : "s");
		return;
	}
	if (e->kind == EXPR_DERIVED && pw->derived[e->index].expr && is_day_count(pw->derived[e->index].expr)
	    && v.type == TYPE_INT) {
		/* A derived day count shows the dates it counts between: "59 days (2024-10-31 to 2024-12-29)". */
		const struct expr *days = pw->derived[e->index].expr;

		value_words(sb, days, env, v);
		sb_append(sb, " (");
		value_words(sb, days->kids[1], env, expr_eval(days->kids[1], env));
		sb_append(sb, " to ");
		value_words(sb, days->kids[0], env, expr_eval(days->kids[0], env));
		sb_append(sb, ")");
		return;
	}
	if (unit_var(e) >= 0)
		text = pathway_format_value_unit(pw, unit_var(e), &v);
	else
		text = pathway_format_value(pw, e->type.domain, &v);
	sb_append(sb, text);
	free(text);
}

static const char *op_words(enum expr_op op)
{
	static const char *const words[] = {
		[OP_ADD] = " plus ", [OP_SUB] = " minus ", [OP_MUL] = " times ", [OP_DIV] = " divided by ",
	};

	return op >= OP_ADD ? words[op] : " ";
}

/* A term of a sum or product: its name and, unless a literal, its value in parentheses. A number
 * added to a date is a number of days. */
static void term(struct strbuf *sb, const struct expr *e, const struct expr *whole, const struct expr_env *env)
{
	if (expr_is_literal(e)) {
		if (e->kind == EXPR_INT && whole->type.type == TYPE_DATE)
			sb_appendf(sb, "%ld day%s", e->number, e->number == 1 ? "" : "s");
		else
			value_words(sb, e, env, expr_eval(e, env));
		return;
	}
	subject(sb, e, env, true);
	sb_append(sb, " (");
	value_words(sb, e, env, expr_eval(e, env));
	sb_append(sb, ")");
}

/* Appends what e is, as a noun phrase; mid when it does not start the sentence. */
static void subject(struct strbuf *sb, const struct expr *e, const struct expr_env *env, bool mid)
{
	const struct pathway *pw = env->pw;

	switch (e->kind) {
	case EXPR_VAR:
		append_name(sb, var_name(pw, e->index), mid);
		return;
	case EXPR_DERIVED:
		append_name(sb, derived_name(pw, e->index), mid);
		return;
	case EXPR_COUNT:
		subject(sb, e->kids[0], env, mid);
		return;
	case EXPR_ENDPOINT:
		sb_append(sb, mid ? "at an endpoint" : "At an endpoint");
		return;
	case EXPR_SUM:
	case EXPR_PRODUCT:
		if (is_day_count(e)) {
			sb_append(sb, mid ? "days from " : "Days from ");
			term(sb, e->kids[1], e, env);
			sb_append(sb, " to ");
			term(sb, e->kids[0], e, env);
			return;
		}
		for (size_t i = 0; i < e->nkids; i++) {
			if (i > 0)
				sb_append(sb, op_words(e->ops[i]));
			term(sb, e->kids[i], e, env);
		}
		return;
	default:
		value_words(sb, e, env, expr_eval(e, env));
		return;
	}
}

/* The comparison "a op b" read from b's side: 4 < x is x > 4. */
static enum expr_op mirror_op(enum expr_op op)
{
	switch (op) {
	case OP_LT:
		return OP_GT;
	case OP_LE:
		return OP_GE;
	case OP_GT:
		return OP_LT;
	case OP_GE:
		return OP_LE;
	default:
		return op;
	}
}

/* How many options a count must reach: "at least one" rather than "more than 0". */
static bool count_requirement(struct strbuf *sb, enum expr_op op, const struct expr *threshold)
{
	long n = threshold->number;

	if (threshold->kind != EXPR_INT)
		return false;
	if ((op == OP_GT && n == 0) || (op == OP_GE && n == 1))
		sb_append(sb, "at least one");
	else if ((op == OP_EQ && n == 0) || (op == OP_LE && n == 0) || (op == OP_LT && n == 1))
		sb_append(sb, "none");
	else if (op == OP_GT)
		sb_appendf(sb, "at least %ld", n + 1);
	else if (op == OP_LT)
		sb_appendf(sb, "at most %ld", n - 1);
	else
		return false;
	return true;
}

/* Appends the requirement "more than 4/10", "on or after 2025-03-15", "Trigger point injection". */
static void requirement(struct strbuf *sb, const struct expr *left, enum expr_op op, const struct expr *right,
			const struct expr_env *env)
{
	static const char *const number[] = {
		[OP_EQ] = "exactly ", [OP_NE] = "other than ", [OP_LT] = "less than ",
		[OP_LE] = "", [OP_GT] = "more than ", [OP_GE] = "at least ",
	};
	static const char *const date[] = {
		[OP_EQ] = "", [OP_NE] = "a date other than ", [OP_LT] = "before ",
		[OP_LE] = "on or before ", [OP_GT] = "after ", [OP_GE] = "on or after ",
	};
	enum value_type type = left->type.type;
	struct value v = expr_eval(right, env);

	if (left->kind == EXPR_COUNT && count_requirement(sb, op, right))
		return;
	if (type == TYPE_DATE)
		sb_append(sb, date[op]);
	else if (type == TYPE_INT)
		sb_append(sb, number[op]);
	else if (op == OP_NE)
		sb_append(sb, "other than ");
	if (expr_is_literal(right) && right->kind == EXPR_INT && counts_days(left, env->pw)) {
		sb_appendf(sb, "%ld day%s", right->number, right->number == 1 ? "" : "s");
	} else if (expr_is_literal(right)) {
		/* A threshold reads in the unit of what it is compared with: "at least 50%". */
		char *text = unit_var(left) >= 0 ? pathway_format_value_unit(env->pw, unit_var(left), &v)
						: pathway_format_value(env->pw, left->type.domain, &v);

		sb_append(sb, text);
		free(text);
	} else {
		term(sb, right, right, env);
	}
	if (type == TYPE_INT && op == OP_LE)
		sb_append(sb, " or less");
}

/* Appends "A", "A or B", "A, B or C". */
static void list_or(struct strbuf *sb, const char *const *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sb_append(sb, i == 0 ? "" : i + 1 == n ? " or " : ", ");
		sb_append(sb, items[i]);
	}
}

/* has(set, options...): which of the listed options are ticked, and which the clause needs. */
static void has_words(struct strbuf *sb, const struct expr *e, const struct expr_env *env, bool negated)
{
	const struct pw_variable *var = &env->pw->vars[e->kids[0]->type.domain];
	struct value set = expr_eval(e->kids[0], env);
	const char **items = xcalloc(e->nitems + 1, sizeof(*items)), **ticked = xcalloc(e->nitems + 1, sizeof(*ticked));
	size_t nticked = 0;

	for (size_t i = 0; i < e->nitems; i++) {
		items[i] = option_name(var, e->items[i]);
		if (set.type == TYPE_SET && (set.u.set & ((uint64_t)1 << e->items[i])))
			ticked[nticked++] = items[i];
	}
	subject(sb, e->kids[0], env, false);
	sb_append(sb, ": ");
	if (set.type != TYPE_SET) {
		value_words(sb, e->kids[0], env, set);
	} else if (nticked == 0) {
		sb_append(sb, e->nitems == 1 ? "not ticked" : "none of these ticked");
	} else {
		list_or(sb, ticked, nticked);
		sb_append(sb, " ticked");
	}
	sb_append(sb, set.type == TYPE_SET ? "; needs " : " (needs ");
	sb_append(sb, negated ? (e->nitems == 1 ? "" : "none of ") : (e->nitems == 1 ? "" : "one of "));
	list_or(sb, items, e->nitems);
	sb_append(sb, negated && e->nitems == 1 ? " not ticked" : " ticked");
	sb_append(sb, set.type == TYPE_SET ? "" : ")");
	free(items);
	free(ticked);
}

/* at(nodes...): the current step's title and the steps the clause names. */
static void at_words(struct strbuf *sb, const struct expr *e, const struct expr_env *env, bool negated)
{
	const struct pathway *pw = env->pw;
	const char **titles = xcalloc(e->nitems + 1, sizeof(*titles));

	for (size_t i = 0; i < e->nitems; i++)
		titles[i] = node_name(pw, e->items[i]);
	sb_append(sb, "Current step: ");
	sb_append(sb, env->node >= 0 && (size_t)env->node < pw->nnodes ? node_name(pw, env->node) : "none");
	sb_append(sb, negated ? "; needs a step other than " : "; needs ");
	list_or(sb, titles, e->nitems);
	free(titles);
}

/* A comparison, read from the side that is not a literal. Returns false when the clause is unknown
 * because its subject is: then the requirement is in parentheses and no verdict follows. */
static bool compare_words(struct strbuf *sb, const struct expr *e, const struct expr_env *env, bool negated)
{
	const struct expr *left = e->kids[0], *right = e->kids[1];
	enum expr_op op = negated ? expr_negate_op(e->op) : e->op;
	struct value v;

	if (expr_is_literal(left) && !expr_is_literal(right)) {
		left = e->kids[1];
		right = e->kids[0];
		op = mirror_op(op);
	}
	v = expr_eval(left, env);
	subject(sb, left, env, false);
	sb_append(sb, ": ");
	value_words(sb, left, env, v);
	sb_append(sb, v.type == TYPE_NONE ? " (needs " : "; needs ");
	requirement(sb, left, op, right, env);
	if (v.type == TYPE_NONE) {
		sb_append(sb, ")");
		return false;
	}
	return true;
}

char *expr_words_clause(const struct expr *e, const struct expr_env *env, bool negated)
{
	struct strbuf sb = STRBUF_INIT;
	struct value v = expr_eval(e, env), own;
	bool verdict = true;

	switch (e->kind) {
	case EXPR_CMP:
		verdict = compare_words(&sb, e, env, negated);
		break;
	case EXPR_HAS:
		has_words(&sb, e, env, negated);
		verdict = v.type != TYPE_NONE;
		break;
	case EXPR_AT:
		at_words(&sb, e, env, negated);
		break;
	case EXPR_BOOL:
		sb_append(&sb, e->number != negated ? "Always holds" : "Never holds");
		break;
	default: /* a bool variable or derived value, endpoint */
		own = v;
		subject(&sb, e, env, false);
		sb_append(&sb, ": ");
		value_words(&sb, e, env, own);
		sb_append(&sb, own.type == TYPE_NONE ? " (needs " : "; needs ");
		sb_append(&sb, negated ? "no" : "yes");
		sb_append(&sb, own.type == TYPE_NONE ? ")" : "");
		verdict = own.type != TYPE_NONE;
		break;
	}
	if (verdict)
		sb_append(&sb, v.type != TYPE_BOOL ? ": not yet answered" : v.u.b != negated ? ": met" : ": not met");
	/* The sentence starts with a capital, whatever it starts with. */
	if (sb.len > 0 && islower((unsigned char)sb.data[0]))
		sb.data[0] = (char)toupper((unsigned char)sb.data[0]);
	return sb_take(&sb);
}
