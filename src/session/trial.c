/* SPDX-License-Identifier: Apache-2.0 */
/* Trial walks (trial.h). Each step mirrors replay.c's step() through the session: answer the
 * screen (replay_answer_screen), check it (screen_acceptable), take the recommendation or the
 * case's override. tests/unit/test_whatif.c checks the results against replay_run. */
#include "trial.h"

#include <stdlib.h>

#include "session.h"
#include "session_rules.h"
#include "xalloc.h"

void trial_init(struct trial *t, const struct pathway *pw, long today)
{
	*t = (struct trial){ .pw = pw, .today = today };
	t->answers = xcalloc(pw->nvars + 1, sizeof(*t->answers));
	t->derived = xcalloc(pw->nderived + 1, sizeof(*t->derived));
}

void trial_free(struct trial *t)
{
	free(t->answers);
	free(t->derived);
	free(t->steps);
	free(t->assigned);
	*t = (struct trial){ 0 };
}

void trial_derive(const struct trial *t, const struct value *answers, struct value *derived, int node)
{
	const struct pathway *pw = t->pw;
	struct expr_env env = { pw, answers, derived, node, pathway_is_endpoint(pw, node) };

	for (size_t i = 0; i < pw->nderived; i++)
		derived[i] = value_unknown();
	for (size_t i = 0; i < pw->nderived; i++)
		derived[i] = expr_eval(pw->derived[i].expr, &env);
}

static const struct case_override *override_at(const struct casefile *c, int node)
{
	for (size_t i = 0; i < c->noverrides; i++)
		if (c->overrides[i].node == node)
			return &c->overrides[i];
	return NULL;
}

/* Recomputes the derived values when an answer or the node changed since they were computed. */
static void fresh(const struct trial *t, const struct expr_env *env, bool *stale)
{
	if (*stale)
		trial_derive(t, t->answers, t->derived, env->node);
	*stale = false;
}

/* Answers the screen at env->node from c, or defaults; false where replay would stop or refuse. */
static bool answer_screen(struct trial *t, const struct casefile *c, const struct expr_env *env, bool *stale,
			  bool record)
{
	const struct pathway *pw = t->pw;
	const struct pw_node *n = &pw->nodes[env->node];

	for (size_t i = 0; i < n->nask; i++) {
		int var = n->ask[i];
		struct value v = c->answers[var];
		char *problem;

		if (v.type == TYPE_NONE) {
			t->defaulted = t->defaulted || pw->vars[var].default_expr;
			fresh(t, env, stale);
			v = rules_initial_value(env, var, t->today);
		}

		if (v.type == TYPE_NONE && pw->vars[var].optional)
			v = value_not_recorded();
		if (!value_answered(&v))
			return false;
		problem = session_check_value(pw, var, &v);
		if (problem) {
			free(problem);
			return false;
		}
		t->answers[var] = v;
		*stale = true;
		if (record) {
			t->assigned = xgrow(t->assigned, &t->assigned_cap, t->nassigned + 1, sizeof(*t->assigned));
			t->assigned[t->nassigned++] = (struct trial_answer){ var, v };
		}
	}
	return true;
}

/* Remembers that the walk entered env->node with t->nassigned answers given so far. */
static void record_step(struct trial *t, int node)
{
	t->steps = xgrow(t->steps, &t->steps_cap, t->nsteps + 1, sizeof(*t->steps));
	t->steps[t->nsteps++] = (struct trial_step){ node, t->nassigned, t->defaulted };
}

/* Walks c from recorded step k (its node, the answers given before it), recording when asked. */
static int walk(struct trial *t, const struct casefile *c, size_t k, bool record)
{
	const struct pathway *pw = t->pw;
	int start = k < t->nsteps ? t->steps[k].node : pw->start;
	struct expr_env env = { pw, t->answers, t->derived, start, pathway_is_endpoint(pw, start) };
	bool stale = true; /* derived values are computed only when something reads them */

	t->defaulted = k < t->nsteps && t->steps[k].defaulted;
	for (size_t v = 0; v < pw->nvars; v++)
		t->answers[v] = value_unknown();
	for (size_t i = 0; k < t->nsteps && i < t->steps[k].assigned; i++)
		t->answers[t->assigned[i].var] = t->assigned[i].value;
	/* No cycles (checked at load): every step moves forward to an endpoint. */
	while (!env.at_endpoint) {
		const struct pw_node *n = &pw->nodes[env.node];
		const struct case_override *o = override_at(c, env.node);
		int take;

		if (record)
			record_step(t, env.node);
		if (!answer_screen(t, c, &env, &stale, record))
			return -1;
		fresh(t, &env, &stale);
		if (rules_broken_constraint(&env, 0) >= 0)
			return -1;
		take = rules_recommended(&env);
		if (take < 0)
			return -1;
		if (o) {
			char *refusal = rules_override_refusal(pw, env.node, o->transition, take, o->reason);

			if (refusal) {
				free(refusal);
				return -1;
			}
			take = (int)o->transition;
		}
		env.node = n->next[take].target;
		env.at_endpoint = pathway_is_endpoint(pw, env.node);
		stale = true;
	}
	return env.node;
}

int trial_record(struct trial *t, const struct casefile *c)
{
	t->nsteps = t->nassigned = 0;
	t->recorded_end = walk(t, c, 0, true);
	t->recorded_defaulted = t->defaulted;
	return t->recorded_end;
}

int trial_endpoint(struct trial *t, const struct casefile *c, int var)
{
	/* Until a screen asks var, the changed walk is the recorded one, step for step. */
	for (size_t k = 0; k < t->nsteps; k++) {
		const struct pw_node *n = &t->pw->nodes[t->steps[k].node];

		for (size_t i = 0; i < n->nask; i++)
			if (n->ask[i] == var)
				return walk(t, c, k, false);
	}
	t->defaulted = t->recorded_defaulted;
	return t->recorded_end;
}
