/* SPDX-License-Identifier: Apache-2.0 */
/* A memo of what would change the recommendation (whatif.h): the last worded result kept with the
 * inputs it was computed from, so that one arrival at an endpoint computes it once. */
#ifndef PATHWALK_WHATIF_MEMO_H
#define PATHWALK_WHATIF_MEMO_H

#include <stdbool.h>
#include <stddef.h>

#include "casefile.h"
#include "pathway.h"
#include "whatif.h"

struct whatif_memo;

/* An empty memo for cases of pathway pw; whatif_memo_free frees it and what it holds. */
struct whatif_memo *whatif_memo_new(const struct pathway *pw);
void whatif_memo_free(struct whatif_memo *m);

/* When m holds the result for case c's answers and overrides (node, transition, reason), today
 * and endpoint: sets *out to a copy of it (whatif_changes_free), *n to its count, returns true. */
bool whatif_memo_get(const struct whatif_memo *m, const struct casefile *c, long today, int endpoint,
		     struct whatif_change **out, size_t *n);

/* Keeps a copy of the n changes computed for c, today and endpoint, in place of what m held. */
void whatif_memo_put(struct whatif_memo *m, const struct casefile *c, long today, int endpoint,
		     const struct whatif_change *changes, size_t n);

#endif
