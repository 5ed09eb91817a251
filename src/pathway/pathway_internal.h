/* SPDX-License-Identifier: Apache-2.0 */
/* Shared between the pathway loader's files; not for other modules. */
#ifndef PATHWALK_PATHWAY_INTERNAL_H
#define PATHWALK_PATHWAY_INTERNAL_H

#include "cfgread.h"
#include "diag.h"
#include "pathway.h"

/* The state of one load: the pathway being built and where diagnostics go. */
struct loader {
	struct pathway *pw;
	struct cfg_reader rd;
	/* Every valid condition parsed so far, by its source text: the same text means the same tree
	 * (all conditions see the same variables, derived values and nodes), so it is parsed once. */
	struct strmap condition_index;
	struct expr **conditions;
	size_t nconditions, conditions_cap;
};

/* A copy of s, or NULL for NULL; s itself when the process exits after this command
 * (xalloc_keep_at_exit): libconfig's tree is kept then, and nothing in the model is freed. */
char *pathway_dup_or_null(const char *s);

/* Element i of a list that must be a group; reports other kinds and returns NULL. */
config_setting_t *pathway_group_elem(struct loader *ld, config_setting_t *list, size_t i, const char *what);

/* Resolves g's optional `refs` array of reference ids into a new array of indices (*count of them). */
int *pathway_read_refs(struct loader *ld, const config_setting_t *g, const char *what, size_t *count);

/* Parses an expression that must have type bool; NULL (with a diagnostic) otherwise. */
struct expr *pathway_read_condition(struct loader *ld, const char *source, int line, const char *what);

/* Checks that every {id} in text names a variable or derived value. */
void pathway_check_interpolation(struct loader *ld, const char *text, int line, const char *what);

/* Reads an endpoint's `actions` or `document` (member name): a string, or a list of items
 * { text; when; refs; } (src/pathway_plan.c). */
void pathway_load_plan(struct loader *ld, struct pw_plan *plan, const config_setting_t *node,
		       const char *name, const char *what);

/* Reads a warning's required `text` like a plan (a string or a list of items { text; when; }):
 * each item shows where its `when` holds; items take no refs (src/pathway_plan.c). */
void pathway_load_warning_text(struct loader *ld, struct pw_plan *text, const config_setting_t *g,
			       const char *what);

/* Reads the pathway's `scope` and `choices` (src/pathway_about.c). */
void pathway_load_about(struct loader *ld, const config_setting_t *root);

/* Reads a variable's literal `default`, checked against its type, range and options
 * (src/pathway_defaults.c). */
void pathway_load_default(struct loader *ld, struct pw_variable *v, const config_setting_t *g,
			  const char *what);
/* Reads `optional` of every variable (src/pathway_defaults.c); before derived values load. */
void pathway_load_optional(struct loader *ld, struct pw_variable *v, const config_setting_t *g,
			   const char *what);

/* Reads `default_expr` and `default_when` of every variable in the list, type-checked against
 * the variables and every derived value; call after the derived values are loaded. */
void pathway_load_default_exprs(struct loader *ld, const config_setting_t *root);

/* Graph checks after every node is loaded: reachability from start, no cycles, an endpoint
 * reachable from every node. Appends problems to diags; returns how many. */
size_t pathway_check_graph(const struct pathway *pw, struct diag_list *diags);

#endif
