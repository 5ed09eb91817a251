/* SPDX-License-Identifier: Apache-2.0 */
/* The ids valid at a place of a pathway, for messages about one that is not: the closest of them
 * ("did you mean 'x'?") and two of them joined by a missing ','. */
#ifndef PATHWALK_PATHWAY_IDS_H
#define PATHWALK_PATHWAY_IDS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "pathway.h"

enum pw_id_kind {
	PW_IDS_NODE,
	PW_IDS_STAGE,
	PW_IDS_VARIABLE,  /* variables only (ask lists) */
	PW_IDS_VALUE,     /* variables and the first `derived` derived values (conditions, {text}) */
	PW_IDS_REFERENCE,
	PW_IDS_WARNING,
	PW_IDS_OPTION,    /* the options of one variable */
};

/* Which ids: kind, the variable for PW_IDS_OPTION, how many derived values PW_IDS_VALUE sees. */
struct pw_ids {
	enum pw_id_kind kind;
	int var;
	size_t derived;
};

/* The valid id closest to the first len bytes of word, or NULL when none is close. */
const char *pathway_closest_id(const struct pathway *pw, struct pw_ids ids, const char *word, size_t len);

/* Explains the last diagnostic of diags, about the unknown id: when id is two valid ids joined
 * (adjacent strings "a" "b" that libconfig concatenates) it says so and points between them;
 * otherwise it points at "id" (after `key =` when key is not NULL) and suggests the closest id. */
void pathway_explain_unknown(const struct pathway *pw, struct diag_list *diags, struct pw_ids ids,
			     const char *key, const char *id);

#endif
