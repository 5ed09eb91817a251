/* SPDX-License-Identifier: Apache-2.0 */
/* A libconfig tree as a flat table, so that a file parsed at build time (the bundled pathway, by
 * tools/bundlecheck.c) is rebuilt at run time instead of lexed again: the same settings, names,
 * types, values, formats and source lines as libconfig's parse, in libconfig's public structures
 * (libconfig.h), without its thousands of small allocations. The
 * table holds no pointers (strings are offsets into one block of text), so that compiled into a
 * position-independent binary it needs no relocation at start-up. */
#ifndef PATHWALK_CFGTREE_H
#define PATHWALK_CFGTREE_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The offset of "no string": the strings block starts with a NUL that no name or value uses. */
#define CFG_TREE_NONE 0u

/* One setting, in pre-order: an aggregate is followed by its `children` elements (each with its
 * own descendants); the first node is the root group. */
struct cfg_tree_node {
	unsigned name;     /* offset of the name in the strings; CFG_TREE_NONE for the root and elements */
	unsigned line;     /* the setting's line in its file, as libconfig's parse set it */
	unsigned children; /* the number of elements of a group, list or array; 0 for a scalar */
	short type;        /* CONFIG_TYPE_* */
	short format;      /* CONFIG_FORMAT_DEFAULT or CONFIG_FORMAT_HEX */
	union {
		long long i; /* CONFIG_TYPE_INT, CONFIG_TYPE_INT64 and CONFIG_TYPE_BOOL */
		double f;
		unsigned s; /* CONFIG_TYPE_STRING: offset of the value in the strings */
	} value;
};

/* A table and its strings (NUL-terminated, one after another, each stored once). */
struct cfg_tree {
	struct cfg_tree_node *nodes;
	size_t count;
	char *strings;
	size_t strings_len;
};

/* The settings of cfg (its root first) as a newly allocated table; cfg_tree_free frees it. */
void cfg_tree_flatten(const config_t *cfg, struct cfg_tree *tree);

/* Frees what cfg_tree_flatten allocated. */
void cfg_tree_free(struct cfg_tree *tree);

/* Initialises cfg and rebuilds in it the tree of nodes[0, count) over strings[0, strings_len) (as
 * cfg_tree_flatten made them): the config_setting_t libconfig's parse would have made, with every
 * public field alike, but all in one block, their names and strings pointing into strings (which
 * must outlive cfg), so that libconfig's lookups read it as their own. The caller releases it with
 * cfg_tree_destroy, never config_destroy, even on failure. Returns false (the tree may be partly
 * built) when the table is not a well-formed tree libconfig could have parsed. */
bool cfg_tree_build(config_t *cfg, const struct cfg_tree_node *nodes, size_t count, const char *strings,
		    size_t strings_len);

/* Releases a cfg made by cfg_tree_build. */
void cfg_tree_destroy(config_t *cfg);

/* Writes tree as C source: `const struct cfg_tree_node SYMBOL[]`, `const size_t SYMBOL_count`,
 * `const char SYMBOL_strings[]` and `const size_t SYMBOL_strings_len`, for a generated file that
 * includes cfgtree.h. Returns false on a write error. */
bool cfg_tree_emit(FILE *out, const char *symbol, const struct cfg_tree *tree);

#endif
