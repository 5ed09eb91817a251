/* SPDX-License-Identifier: Apache-2.0 */
/* The case library a trainee picks from: the cases bundled in the binary, each with the endpoint
 * the pathway's own route reaches (overrides ignored, as in training) and a one-line summary. */
#ifndef PATHWALK_CASELIB_H
#define PATHWALK_CASELIB_H

#include <stdbool.h>
#include <stddef.h>

#include "casefile.h"
#include "diag.h"
#include "pathway.h"

struct caselib_entry {
	struct casefile *c;
	int endpoint;  /* node the pathway's route ends at; -1 when the case lacks a needed answer */
	char *summary; /* owned: the vignette's first sentence (or the title), at most about 100 bytes */
};

struct caselib {
	struct caselib_entry *entries; /* bundled: along the pathway (caselib_sort); a set's: in set order */
	size_t count, cap;
};

/* Loads every bundled case that is valid against pw (a case that does not fit another pathway is
 * skipped and reported in diags). today is the date used for "today" defaults while routing. */
void caselib_load_bundled(const struct pathway *pw, long today, struct caselib *out, struct diag_list *diags);

/* Adds c (owned from now on) to lib: routes it along pw (today for "today" defaults) and
 * summarises it. Returns the new entry, valid until the next caselib_add. */
struct caselib_entry *caselib_add(struct caselib *lib, struct casefile *c, const struct pathway *pw, long today);

/* Orders lib along the pathway, as --list and the menu show it: vignettes before edge cases (ids
 * starting "edge-"), each by the breadcrumb position of the stage their route ends in, then by
 * title, then by id; cases whose route stops last. */
void caselib_sort(struct caselib *lib, const struct pathway *pw);

/* The entry whose case id is id, or NULL. */
const struct caselib_entry *caselib_find(const struct caselib *lib, const char *id);

/* True when e's route ends where asked (NULL or "" means anywhere): stage is the id or label of
 * the endpoint's stage, endpoint the endpoint's node id. */
bool caselib_matches(const struct pathway *pw, const struct caselib_entry *e, const char *stage,
		     const char *endpoint);

/* True when text (NULL or "": anything) is a case-insensitive substring of the case's id, title
 * or summary: what a trainee may search by without learning the answer. */
bool caselib_matches_text(const struct caselib_entry *e, const char *text);

/* The endpoint of c along the pathway's route (c's overrides ignored), or -1 when c stops. */
int caselib_route_endpoint(const struct pathway *pw, const struct casefile *c, long today);

void caselib_free(struct caselib *lib);

#endif
