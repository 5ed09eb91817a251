/* SPDX-License-Identifier: Apache-2.0 */
/* What would change the recommendation: the single-answer changes to a case that lead to another
 * endpoint (DESIGN §5, `what_if` in replay --json), found by walking each changed case again (src/trial.c). */
#ifndef PATHWALK_WHATIF_H
#define PATHWALK_WHATIF_H

#include <stddef.h>

#include "casefile.h"
#include "pathway.h"
#include "strbuf.h"
#include "value.h"

/* One change: variable var answered value instead leads to endpoint (a node index). */
struct whatif {
	int var;
	struct value value;
	int endpoint;
};

/* Every single-answer change to c's answers that ends the walk at an endpoint other than endpoint
 * (where c itself ends), in DESIGN §5 order; c's overrides apply wherever the changed walk reaches
 * their node. Changes the cross-field checks refuse, or that stop the walk, are left out. Sets *out
 * (free() it) and returns the count. */
size_t whatif_compute(const struct pathway *pw, const struct casefile *c, long today, int endpoint,
		      struct whatif **out);

/* Appends the entries as the JSON array of DESIGN §5: [{"variable":..,"value":..,"endpoint":..}]. */
void whatif_append_json(struct strbuf *sb, const struct pathway *pw, const struct whatif *w, size_t n);

#endif
