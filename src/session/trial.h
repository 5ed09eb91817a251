/* SPDX-License-Identifier: Apache-2.0 */
/* Trial walks for what_if: where a case ends when walked as `replay` walks it (src/session/replay.c), by
 * the session's own rules (src/session/session_rules.c) but with no session, journal, warnings or texts. */
#ifndef PATHWALK_TRIAL_H
#define PATHWALK_TRIAL_H

#include "casefile.h"
#include "pathway.h"

/* One step of the recorded walk: the node entered, how many answers were given before it, and
 * whether one of those was a left-out variable's computed default. */
struct trial_step {
	int node;
	size_t assigned;
	bool defaulted;
};

struct trial_answer {
	int var;
	struct value value;
};

/* Scratch space for trial walks on one pathway, and the recorded walk of one case. */
struct trial {
	const struct pathway *pw;
	struct value *answers; /* the walk's working answers, like pw->vars */
	struct value *derived; /* like pw->derived */
	long today;
	struct trial_step *steps;     /* the recorded walk */
	size_t nsteps, steps_cap;
	struct trial_answer *assigned; /* its answers in the order given */
	size_t nassigned, assigned_cap;
	int recorded_end;
	bool defaulted; /* the last walk reached a screen asking a variable c leaves out whose default
			 * is computed (default_expr), in its recorded steps or its own */
	bool recorded_defaulted; /* the same for the recorded walk */
};

/* Allocates the scratch space; trial_free frees it. */
void trial_init(struct trial *t, const struct pathway *pw, long today);
void trial_free(struct trial *t);

/* Recomputes every derived value of t from answers at node (derived values in declaration order,
 * as the session does). */
void trial_derive(const struct trial *t, const struct value *answers, struct value *derived, int node);

/* The endpoint (node index) c reaches, answers from c or defaults and c's overrides where the walk
 * reaches their node, exactly as replay_run would; -1 where replay_run would stop (an answer
 * missing) or refuse (a value, a cross-field check, no next step, an override). Records the walk
 * for trial_endpoint. */
int trial_record(struct trial *t, const struct casefile *c);

/* As trial_record for c, which differs from the recorded case in var's answer alone: walks again
 * only from the first screen that asks var (none: the recorded endpoint). */
int trial_endpoint(struct trial *t, const struct casefile *c, int var);

#endif
