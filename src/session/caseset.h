/* SPDX-License-Identifier: Apache-2.0 */
/* Case sets (`pathwalk train --set FILE`): the cases an instructor plans for a session, in the order
 * the trainees work through them. The format (pathwalk-case(5), CASE SETS), line by line:
 *   - blanks around a line are ignored; an empty line, or one whose first character is '#', is
 *     a comment;
 *   - the first other line may be "title: TEXT", the set's title (at most 120 characters);
 *   - every other line names one case: a case file when it contains '/' or ends in ".cfg" (a
 *     relative path is taken from the set file's directory), else the id of a bundled case.
 * A case listed twice (by its id, whether named by id or by file), an unknown id, a case file that
 * does not load, a misplaced or second title line, invalid UTF-8 and a set without cases are
 * errors, reported as "FILE:LINE: message". */
#ifndef PATHWALK_CASESET_H
#define PATHWALK_CASESET_H

#include <stdbool.h>
#include <stddef.h>

#include "caselib.h"
#include "diag.h"
#include "pathway.h"

#define CASESET_TITLE_MAX 120 /* characters */

struct caseset_item {
	const struct caselib_entry *entry; /* borrowed: from the library, or the set's own cases */
	int line;                          /* the set file's line that names it */
};

struct caseset {
	char *title;                 /* owned; NULL without a title line */
	struct caseset_item *items;  /* in the file's order */
	size_t count;
	struct caselib own;          /* the cases read from case files */
};

/* Parses the set text[0, len) named name in messages: ids are looked up in lib (borrowed; it must
 * outlive the set), case files read relative to base_dir (NULL: the current directory), validated
 * against pw and routed with today. True on success; otherwise every problem is appended to diags
 * and *out is left empty. */
bool caseset_parse(const char *name, const char *text, size_t len, const char *base_dir, const struct pathway *pw,
		   const struct caselib *lib, long today, struct caseset *out, struct diag_list *diags);

/* caseset_parse for the file at path (case files relative to its directory). *io_error is set
 * when the file itself could not be read (diagnosed too). */
bool caseset_load(const char *path, const struct pathway *pw, const struct caselib *lib, long today,
		  struct caseset *out, struct diag_list *diags, bool *io_error);

/* Frees the set's title, items and own cases, and empties it. */
void caseset_free(struct caseset *set);

#endif
