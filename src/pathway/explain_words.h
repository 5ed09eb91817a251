/* SPDX-License-Identifier: Apache-2.0 */
/* An explanation for its readers: the journal's explanation arrays (pathway syntax for audit, the
 * clinical words, the depth) and the lines a clinician reads, with the pathway syntax only for
 * pathway authors (--ids). */
#ifndef PATHWALK_EXPLAIN_WORDS_H
#define PATHWALK_EXPLAIN_WORDS_H

#include <stdbool.h>
#include <stdio.h>

#include "expr.h"

struct strbuf;

/* Deepest clause the decision screen and the plain walk show: a derived value's own clauses, one
 * level; the `e` pane, replay, the training reveal and the log show every level. */
#define EXPLAIN_SCREEN_DEPTH 1
#define EXPLAIN_ALL_DEPTHS 16

/* Appends ,"key":[{"clause":..., "truth":true|false|null, "words":..., "depth":K}, ...]. */
void explain_json(struct strbuf *sb, const char *key, const struct expr_explanation *x);

/* The line a person reads for clause c: its words; with ids, its pathway syntax after them in
 * brackets ("...: met  [pain_nrs = 6 > 4]"). Caller frees. */
char *explain_clause_line(const struct expr_clause *c, bool ids);

/* Writes the clauses of x up to max_depth, one a line: indent spaces, two more per level, "- ",
 * then explain_clause_line. */
void explain_print(FILE *f, const struct expr_explanation *x, int indent, int max_depth, bool ids);

#endif
