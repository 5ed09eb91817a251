/* SPDX-License-Identifier: Apache-2.0 */
/* The expression tree, shared by expr_parse.c (building and type-checking) and expr_eval.c
 * (evaluating, explaining, walking). Not for use outside src/expr_*.c. */
#ifndef PATHWALK_EXPR_INTERNAL_H
#define PATHWALK_EXPR_INTERNAL_H

#include <stddef.h>

#include "expr.h"
#include "strbuf.h"

/* Deepest nesting of "(" and "!" accepted; bounds the recursion of every tree walk. */
#define EXPR_MAX_DEPTH 64

enum expr_kind {
	EXPR_INT,      /* number */
	EXPR_BOOL,     /* number: 0 or 1 */
	EXPR_OPTION,   /* number: option index in type.domain (a resolved quoted string) */
	EXPR_DATE,     /* number: days (a resolved quoted string) */
	EXPR_STRING,   /* text: a quoted string not yet resolved; never left in a finished tree */
	EXPR_VAR,      /* index into pw->vars */
	EXPR_DERIVED,  /* index into pw->derived */
	EXPR_ENDPOINT,
	EXPR_COUNT,    /* kids[0]: the set */
	EXPR_HAS,      /* kids[0]: the set; items: option indices in source order */
	EXPR_AT,       /* items: node indices in source order */
	EXPR_NOT,      /* kids[0] */
	EXPR_AND,      /* kids: two or more, flattened so long chains do not make deep trees */
	EXPR_OR,
	EXPR_CMP,      /* kids[0] op kids[1] */
	EXPR_SUM,      /* kids[0] ops[1] kids[1] ops[2] kids[2] ...; flattened like AND */
	EXPR_PRODUCT,  /* like EXPR_SUM with OP_MUL and OP_DIV; int operands only */
};

enum expr_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_ADD, OP_SUB, OP_MUL, OP_DIV };

struct expr {
	enum expr_kind kind;
	struct expr_type type;
	long number;
	int index;
	char *text;
	enum expr_op op;       /* EXPR_CMP */
	enum expr_op *ops;     /* EXPR_SUM and EXPR_PRODUCT, one per kid (ops[0] unused) */
	struct expr **kids;
	size_t nkids;
	int *items;
	size_t nitems;
	unsigned shares;       /* owners besides the first (expr_share); only on a tree's root */
};

/* Binding strength, for rendering parentheses only where the grammar needs them. */
enum expr_prec { PREC_OR = 1, PREC_AND, PREC_NOT, PREC_CMP, PREC_SUM, PREC_PRODUCT, PREC_PRIMARY };

/* Appends e in canonical source form (ids, quoted options and dates), parenthesised when its
 * precedence is below min_prec. */
void expr_render(struct strbuf *sb, const struct pathway *pw, const struct expr *e, int min_prec);

/* The operator as written ("==", "<=", "+"). */
const char *expr_op_text(enum expr_op op);

/* True for a number, true/false, a resolved option or date. */
bool expr_is_literal(const struct expr *e);

/* The comparison that holds exactly when "a op b" does not (unknown stays unknown); other
 * operators unchanged. */
enum expr_op expr_negate_op(enum expr_op op);

/* Clause e (an atomic bool clause as expr_explain cuts them; negated under an odd number of
 * enclosing "!") in clinical words from the pathway's own words, ending with its verdict ("met",
 * "not met", "not yet answered"). Caller frees (src/expr_words.c). */
char *expr_words_clause(const struct expr *e, const struct expr_env *env, bool negated);

#endif
