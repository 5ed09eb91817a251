/* SPDX-License-Identifier: Apache-2.0 */
/* What would change the recommendation: the single-answer changes to a case that lead to another
 * endpoint (DESIGN §5, `what_if` in replay --json), found by walking each changed case again (src/trial.c). */
#ifndef PATHWALK_WHATIF_H
#define PATHWALK_WHATIF_H

#include <stddef.h>
#include <stdio.h>

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

/* What would change the recommendation, in clinical words: what_if entries of one variable that
 * lead to the same endpoint, worded as one line ("Pain score: 4/10 or less", "Cauda equina
 * symptoms: any one ticked", "Provocation tests: one fewer ticked"). */
struct whatif_change {
	char *text;           /* owned; no id and no operator */
	int var;
	int endpoint;         /* node index */
	struct value *values; /* owned: the changed answers it stands for */
	size_t nvalues;
};

/* Words and groups the n entries w (whatif_compute's, for a case whose answers are answers), in
 * their order: each variable's entries for one endpoint become one line, every option added (or
 * removed) "any one ... ticked" ("one fewer ticked") when all of them lead there. Sets *out. */
size_t whatif_words(const struct pathway *pw, const struct value *answers, const struct whatif *w, size_t n,
		    struct whatif_change **out);
void whatif_changes_free(struct whatif_change *c, size_t n);

/* Appends the endpoint event's ,"would_change":[{"text","endpoint","title","variable","values"}]. */
void whatif_changes_json(struct strbuf *sb, const struct pathway *pw, const struct whatif_change *c, size_t n);

/* Writes "What would change the recommendation" and a line "  - text -> endpoint title" per
 * change (when there is none: a line saying that no single answer would), every line after indent. */
void whatif_changes_print(FILE *f, const struct pathway *pw, const struct whatif_change *c, size_t n,
			  const char *indent);

struct session;

/* What would change the recommendation where session s is (an endpoint): whatif_compute on its
 * answers and overrides, worded by whatif_words (src/session_whatif.c). Sets *out. */
size_t session_would_change(const struct session *s, struct whatif_change **out);

#endif
