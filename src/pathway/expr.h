/* SPDX-License-Identifier: Apache-2.0 */
/* The condition language of pathway files: parse and type-check at load time, evaluate with
 * three-valued logic (an unanswered variable makes a clause unknown), and explain a result clause
 * by clause with the actual values.
 *
 * Grammar (lowest precedence first):
 *   or      := and ( "||" and )*
 *   and     := unary ( "&&" unary )*
 *   unary   := "!" unary | compare
 *   compare := sum ( ( "==" | "!=" | "<" | "<=" | ">" | ">=" ) sum )?
 *   sum     := product ( ( "+" | "-" ) product )*
 *   product := primary ( ( "*" | "/" ) primary )*
 *   primary := INT | "true" | "false" | STRING | IDENT | IDENT "(" args ")" | "(" or ")"
 * STRING is a double-quoted option id (compared with a choice) or date "YYYY-MM-DD" (with a date).
 * Functions: count(set) -> int; has(set, opt, ...) -> bool (any listed option chosen; options bare
 * or quoted); at(node, ...) -> bool (the current node is one of them). The identifier `endpoint`
 * is true at an endpoint node. Types: int - int, int + int, int * int, int / int -> int (division
 * rounds toward zero; dividing by zero is unknown); date - date -> int (days);
 * date + int, date - int -> date; == != on every type (same type, same option domain);
 * < <= > >= on int and date; && || ! on bool. */
#ifndef PATHWALK_EXPR_H
#define PATHWALK_EXPR_H

#include <stdbool.h>

#include "diag.h"
#include "value.h"

struct pathway;
struct expr;

/* The type of an expression; domain is the variable whose options a choice or set uses (else -1). */
struct expr_type {
	enum value_type type;
	int domain;
};

/* Parses and type-checks source against pw's variables, the first derived_visible derived values
 * (a derived value may only use those declared before it) and its nodes (for at()). Nodes are only
 * resolved when pw->node_index is filled. On error returns NULL and appends one diagnostic at
 * file:line (the line of the setting holding the expression) naming the problem and the offending
 * text. On success *type (if not NULL) receives the result type. Free with expr_free. */
struct expr *expr_parse(const char *source, const struct pathway *pw, int derived_visible,
			const char *file, int line, struct diag_list *diags, struct expr_type *type);

/* Frees an expression tree; NULL is fine. A shared tree is freed by its last owner's call. */
void expr_free(struct expr *e);

/* Adds an owner to the tree e (which expr_free then frees once per owner) and returns e: the
 * loader shares one tree among the conditions written the same way. */
struct expr *expr_share(struct expr *e);

/* What an evaluation can see: answers per variable and derived values per derived (TYPE_NONE =
 * unknown; arrays indexed like pw->vars and pw->derived), the current node and whether it is an
 * endpoint. */
struct expr_env {
	const struct pathway *pw;
	const struct value *answers;
	const struct value *derived;
	int node;
	bool at_endpoint;
};

/* Evaluates e. Returns TYPE_NONE when the result depends on an unknown value (Kleene logic:
 * false && unknown is false, true || unknown is true). Never fails on a type-checked tree. */
struct value expr_eval(const struct expr *e, const struct expr_env *env);

/* One clause of an explanation: an atomic condition with its actual values. */
struct expr_clause {
	char *text;          /* pathway syntax for authors and audit, e.g. "pain_nrs = 6 > 4"; owned */
	char *words;         /* clinical words with the verdict, e.g. "Pain score: 6/10; needs more
			      * than 4/10: met" (src/expr_words.c); owned */
	int depth;           /* 0: a clause of the condition; K > 0: of a derived value K levels
			      * under the nearest clause before it of depth K - 1 */
	enum value_type type; /* TYPE_BOOL, or TYPE_NONE when unknown */
	bool truth;
};

struct expr_explanation {
	struct expr_clause *clauses;
	size_t count;
	struct value result; /* the whole expression's value */
};

/* Explains e: each atomic clause (comparison, has(), at(), bool variable, literal) in source order
 * with its actual values, its words and truth; a bool derived value is followed by the clauses of
 * its own expression one level deeper, recursively. The caller frees with expr_explanation_free. */
void expr_explain(const struct expr *e, const struct expr_env *env, struct expr_explanation *out);

/* Frees the clauses of an explanation and zeroes it. */
void expr_explanation_free(struct expr_explanation *x);

/* Calls fn for every variable index the expression reads directly (not through derived values),
 * once per occurrence. */
void expr_for_each_variable(const struct expr *e, void (*fn)(int var, void *ctx), void *ctx);

/* Calls fn for every derived index the expression reads directly, once per occurrence. */
void expr_for_each_derived(const struct expr *e, void (*fn)(int derived, void *ctx), void *ctx);

/* --- static analysis (src/expr_range.c), for `pathwalk check --strict` and `pathwalk graph` --- */

/* What the declared ranges alone say about a bool expression, assuming its variables answered. */
enum expr_truth { EXPR_MAYBE, EXPR_ALWAYS, EXPR_NEVER };

/* Decides e from declared ranges only (int variables within min..max, count(set) within
 * 0..noptions, + - * / by interval arithmetic, derived values through their expressions, && || !
 * and literals): EXPR_ALWAYS or EXPR_NEVER when that fixes the result, else EXPR_MAYBE. Sound but
 * incomplete: it never claims a verdict that an answer could contradict. NULL gives EXPR_MAYBE. */
enum expr_truth expr_static_truth(const struct expr *e, const struct pathway *pw);

/* Calls fn for every comparison of two int operands in e whose result the declared ranges fix,
 * with its canonical text ("pain_nrs > 10", valid during the call) and the verdict. */
void expr_for_each_fixed_comparison(const struct expr *e, const struct pathway *pw,
				    void (*fn)(const char *text, enum expr_truth truth, void *ctx), void *ctx);

/* Calls fn for every node index named in an at() of e, once per occurrence. */
void expr_for_each_node(const struct expr *e, void (*fn)(int node, void *ctx), void *ctx);

/* --- where conditions can change (src/expr_steps.c), for what_if --- */

/* The values of one int or date variable at which a comparison may change, everything else held:
 * answers and derived are the values of an evaluation (derived computed from answers, as the
 * session computes them); answers[var] is rewritten while searching and restored after. */
struct expr_steps {
	const struct pathway *pw;
	int var;
	struct value *answers, *derived;
	long lo, hi;          /* the values var may take */
	long *points;         /* x in lo+1..hi where some comparison may differ between x-1 and x */
	size_t npoints, cap;
	signed char *dir;     /* per derived value: how it moves with var (expr_steps.c) */
	unsigned char *need;  /* per derived value: read by the comparison being searched */
};

/* Prepares a search over var = lo..hi. Free with expr_steps_free. */
void expr_steps_init(struct expr_steps *st, const struct pathway *pw, int var, struct value *answers,
		     struct value *derived, long lo, long hi);
void expr_steps_free(struct expr_steps *st);

/* Adds the points of every int or date comparison in e that reads var, directly or through a
 * derived value (the comparisons inside derived values are added by expr_steps_add_derived).
 * Returns false when a comparison does not move one way with var (var on both sides of a
 * product, a divisor that reads var, var added and subtracted): then its points are unknown. */
bool expr_steps_add(struct expr_steps *st, const struct expr *e);

/* expr_steps_add for the expression of every derived value. */
bool expr_steps_add_derived(struct expr_steps *st);

#endif
