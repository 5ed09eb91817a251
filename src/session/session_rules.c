/* SPDX-License-Identifier: Apache-2.0 */
/* The walk's rules (session_rules.h): pure functions of the pathway and an evaluation env. */
#include "session_rules.h"

#include <stdlib.h>

#include "session.h"
#include "utf8.h"
#include "xalloc.h"

static bool is_true(const struct expr *e, const struct expr_env *env)
{
	struct value v = expr_eval(e, env);

	return v.type == TYPE_BOOL && v.u.b;
}

struct value rules_initial_value(const struct expr_env *env, int var, long today)
{
	const struct pw_variable *v = &env->pw->vars[var];

	if (value_answered(&env->answers[var]))
		return env->answers[var];
	if (v->default_expr && (!v->default_when || is_true(v->default_when, env))) {
		struct value d = expr_eval(v->default_expr, env);
		char *problem = d.type != TYPE_NONE ? session_check_value(env->pw, var, &d) : NULL;

		/* Unknown, or outside the variable's range: no computed default. */
		if (d.type != TYPE_NONE && !problem)
			return d;
		free(problem);
	}
	if (v->default_today)
		return value_date(today);
	if (v->has_default)
		return v->default_value;
	return value_unknown();
}

int rules_broken_constraint(const struct expr_env *env, size_t from)
{
	for (size_t i = from; i < env->pw->nconstraints; i++) {
		struct value ok = expr_eval(env->pw->constraints[i].require, env);

		if (ok.type == TYPE_BOOL && !ok.u.b)
			return (int)i;
	}
	return -1;
}

int rules_recommended(const struct expr_env *env)
{
	const struct pw_node *n = &env->pw->nodes[env->node];

	for (size_t i = 0; i < n->nnext; i++)
		if (!n->next[i].when || is_true(n->next[i].when, env))
			return (int)i;
	return -1;
}

static bool has_visible_text(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s > ' ')
			return true;
	return false;
}

char *rules_override_refusal(const struct pathway *pw, int node, size_t t, int recommended, const char *reason)
{
	const struct pw_node *n = &pw->nodes[node];

	if (n->screen != SCREEN_DECISION)
		return xstrdup("only a decision can be overridden");
	if (t >= n->nnext)
		return xstrdup("no such next step");
	if ((int)t != recommended && !has_visible_text(reason))
		return xstrdup("a reason is needed to choose another step than the recommended one");
	if (reason && utf8_count(reason) > SESSION_REASON_MAX)
		return xasprintf("the reason is too long: at most %d characters", SESSION_REASON_MAX);
	return NULL;
}
