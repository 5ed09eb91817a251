/* SPDX-License-Identifier: Apache-2.0 */
/* The rules by which a walk moves on, shared by the session (src/session.c) and what_if's trial
 * walks (src/trial.c), so that both decide exactly alike: a screen's first value, the cross-field
 * checks, the recommended next step and whether an override may be taken. */
#ifndef PATHWALK_SESSION_RULES_H
#define PATHWALK_SESSION_RULES_H

#include <stddef.h>

#include "expr.h"
#include "pathway.h"

/* The value a screen shows first for var given env (its answers, derived values and node): the
 * answer if any, else the computed default (when it applies, is known and is within range), else
 * today for a date defaulting to today, else the literal default, else unknown. */
struct value rules_initial_value(const struct expr_env *env, int var, long today);

/* The first cross-field check from index `from` on that env makes false, or -1. */
int rules_broken_constraint(const struct expr_env *env, size_t from);

/* The first transition of env->node whose condition is true (or that has none), or -1. */
int rules_recommended(const struct expr_env *env);

/* Why taking transition t with reason at decision node `node` (where recommended is recommended)
 * is refused, or NULL when it may be taken. Caller frees. */
char *rules_override_refusal(const struct pathway *pw, int node, size_t t, int recommended, const char *reason);

#endif
