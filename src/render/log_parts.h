/* SPDX-License-Identifier: Apache-2.0 */
/* What both parts of the session log (log_summary.c, log_record.c) write alike: names, severity
 * words, explanation clauses and plans. */
#ifndef PATHWALK_RENDER_LOG_PARTS_H
#define PATHWALK_RENDER_LOG_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "rdoc.h"
#include "report_model.h"

/* s, or fallback when s is NULL. */
const char *log_or(const char *s, const char *fallback);

/* "title (id)" with ids, else "title" (fallback "?"); with no title, the id. Caller frees. */
char *log_named(const char *title, const char *id, bool ids);

/* A warning's severity as the word that starts its line: "Urgent", "Caution", "Advice", else
 * "Warning" (journals before severities). */
const char *log_severity_word(const char *severity);

/* Appends an explanation's clauses to list, each at its own depth (capped at 8): the clinical
 * words, which carry their verdict (with ids, the syntax after them in brackets); a clause
 * recorded only in the pathway's syntax (a journal before the wording) only with ids, with its
 * truth. */
void log_clauses(struct rdoc_node *list, const struct report_explanation *x, bool ids);

/* How many of x's clauses carry clinical words. */
size_t log_worded(const struct report_explanation *x);

/* A plan's items (what to do, what to document) under a level-3 heading, with their citations. */
void log_plan(struct rdoc_node *root, const char *heading, const struct report_plan *p);

#endif
