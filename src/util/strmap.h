/* SPDX-License-Identifier: Apache-2.0 */
/* A string-to-index hash map (open addressing). Keys are borrowed, not copied: they must outlive the map. */
#ifndef PATHWALK_STRMAP_H
#define PATHWALK_STRMAP_H

#include <stddef.h>

struct strmap {
	const char **keys;
	int *values;
	size_t cap, count;
};

/* Adds key -> value (value >= 0). Returns 0, or the existing value's index + 1 as a negative number (-(v+1))
 * when the key is already present (the map is unchanged then). */
int strmap_put(struct strmap *map, const char *key, int value);

/* Makes room for count keys in all, so that adding them rehashes nothing. */
void strmap_reserve(struct strmap *map, size_t count);

/* Returns the value for the first len bytes of key, or -1. */
int strmap_get(const struct strmap *map, const char *key, size_t len);

/* Frees the map's tables (not the keys) and zeroes it. */
void strmap_free(struct strmap *map);

#endif
