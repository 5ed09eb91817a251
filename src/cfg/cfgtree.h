/* SPDX-License-Identifier: Apache-2.0 */
/* A libconfig tree as a flat table, so that a file parsed at build time (the bundled pathway, by
 * tools/bundlecheck.c) is rebuilt at run time through libconfig's own API instead of lexed again:
 * the same settings, names, types, values, formats and source lines as libconfig's parse. */
#ifndef PATHWALK_CFGTREE_H
#define PATHWALK_CFGTREE_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One setting, in pre-order: an aggregate is followed by its `children` elements (each with its
 * own descendants); the first node is the root group. */
struct cfg_tree_node {
	const char *name; /* NULL for the root and for list and array elements */
	union {
		long long i; /* CONFIG_TYPE_INT, CONFIG_TYPE_INT64 and CONFIG_TYPE_BOOL */
		double f;
		const char *s;
	} value;
	unsigned line;     /* the setting's line in its file, as libconfig's parse set it */
	unsigned children; /* the number of elements of a group, list or array; 0 for a scalar */
	short type;        /* CONFIG_TYPE_* */
	short format;      /* CONFIG_FORMAT_DEFAULT or CONFIG_FORMAT_HEX */
};

/* The settings under cfg's root (the root included) as such a table, newly allocated (the caller
 * frees it; its strings are cfg's own, valid while cfg is); its length in *count. */
struct cfg_tree_node *cfg_tree_flatten(const config_t *cfg, size_t *count);

/* Initialises cfg and rebuilds in it the tree of nodes[0, count) (as cfg_tree_flatten made it);
 * the caller calls config_destroy. Returns false (the tree may be partly built) when the table is
 * not a well-formed tree libconfig accepts. */
bool cfg_tree_build(config_t *cfg, const struct cfg_tree_node *nodes, size_t count);

/* Writes nodes[0, count) as C source: `const struct cfg_tree_node SYMBOL[]` and `const size_t
 * SYMBOL_count`, for a generated file that includes cfgtree.h. Returns false on a write error. */
bool cfg_tree_emit(FILE *out, const char *symbol, const struct cfg_tree_node *nodes, size_t count);

#endif
