/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk check --strict`: a clinically aware lint of a pathway that already loaded (is valid).
 * It looks for what validity cannot see: endpoints that cite nothing, notes without references,
 * red-flag screening that is not first, a review date that has passed, variables and references
 * nobody uses, and conditions that the declared ranges make always or never true. */
#ifndef PATHWALK_LINT_H
#define PATHWALK_LINT_H

#include <stddef.h>

#include "pathway.h"

enum lint_severity {
	LINT_WARNING, /* worth fixing; `check --strict` still exits 0 */
	LINT_ERROR,   /* the pathway can mislead a clinician; `check --strict` exits 1 */
};

struct lint_finding {
	enum lint_severity severity;
	int line;         /* in pw->file; 0 when unknown */
	char *message;    /* owned */
	const char *expr; /* the condition or text it is about (borrowed from the pathway), or NULL */
	size_t expr_offset, expr_width; /* the part of expr meant (width 0: all of it) */
};

/* Findings in the order found: file order within each kind of check. Zero-initialise ({0}). */
struct lint_report {
	struct lint_finding *items;
	size_t count, cap;
	size_t errors, warnings;
};

/* The checks of plain `check` that loading does not make (the pathway loads and can be walked):
 * conditions the declared ranges make never true (or always true before other entries), labels
 * repeated on one screen, stages without a node (errors); endpoints without actions (warnings). */
void lint_plain(const struct pathway *pw, struct lint_report *out);

/* The --strict lint: lints pw and appends every finding to out. today (days since 1970-01-01, e.g. clock_today())
 * decides whether the review date has passed. source, when not NULL, is the pathway text (len
 * bytes); it is only used to find the line of settings the model does not keep (review_date). */
void lint_pathway(const struct pathway *pw, long today, const char *source, size_t len,
		  struct lint_report *out);

/* Prints each finding to stream as a diagnostic, "pathwalk: FILE:LINE:COLUMN: warning: message"
 * (or "error:") with its line of source (len bytes; NULL when not at hand) quoted. */
void lint_report_print(const struct lint_report *r, const char *file, const char *source, size_t len,
		       void *stream);

/* Frees every finding and resets the report to empty. */
void lint_report_free(struct lint_report *r);

#endif
