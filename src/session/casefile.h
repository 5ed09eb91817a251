/* SPDX-License-Identifier: Apache-2.0 */
/* Case files (pathwalk-case(5)): answers for a walk, optional clinician overrides and an optional
 * expect block for `pathwalk test`. Validated strictly against a pathway. */
#ifndef PATHWALK_CASEFILE_H
#define PATHWALK_CASEFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "pathway.h"
#include "value.h"

struct case_override {
	int node;          /* a decision node */
	size_t transition; /* index in its next list */
	char *reason;
	int line;
};

struct case_expect {
	bool present;
	int endpoint;          /* -1: not checked */
	bool expect_stopped;   /* status = "stopped" */
	int missing;           /* variable expected missing when stopped, -1 not checked */
	int *warnings;         /* must all be shown */
	size_t nwarnings;
	int *absent_warnings;  /* must not be shown */
	size_t nabsent;
	int *path;             /* exact route, when npath > 0 */
	size_t npath;
	int line;
};

struct casefile {
	char *file;
	char *id, *title, *vignette; /* title and vignette may be NULL */
	struct value *answers;       /* indexed like pw->vars; TYPE_NONE = no answer given */
	int *answer_lines;           /* line of each answer, 0 when absent */
	struct case_override *overrides;
	size_t noverrides;
	struct case_expect expect;
};

/* Loads a case file and validates it against pw: unknown variable, wrong type, out-of-range value,
 * unknown option, malformed date, cross-field constraint, unknown node or target in an override,
 * unknown ids in expect. All problems are appended to diags (file:line, naming the variable) and
 * NULL is returned. *io_error is set when the file could not be read. */
struct casefile *casefile_load_file(const char *path, const struct pathway *pw,
				    struct diag_list *diags, bool *io_error);

/* As casefile_load_file for text in memory; name is used in messages. */
struct casefile *casefile_load_text(const char *name, const char *text, size_t len,
				    const struct pathway *pw, struct diag_list *diags);

void casefile_free(struct casefile *c);

/* Index of the first cross-field constraint from index `from` on that answers (indexed like
 * pw->vars) break, as the loader checks a case (no_derived: pw->nderived unknown values); -1: none. */
int casefile_broken_constraint(const struct pathway *pw, const struct value *answers,
			       const struct value *no_derived, size_t from);

/* Creates an empty case for pw in memory (no answers, overrides or expectations), for cases built
 * from something other than a case file, e.g. a session journal. file and id are copied. Fill
 * answers[] (checked values only) and add overrides with casefile_add_override; free with
 * casefile_free. */
struct casefile *casefile_new(const struct pathway *pw, const char *file, const char *id);

/* Appends an override: at decision node, take transition (an index in its next list) for reason
 * (copied). The caller has checked node and transition against the pathway. */
void casefile_add_override(struct casefile *c, int node, size_t transition, const char *reason, int line);

#endif
