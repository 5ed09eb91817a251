/* SPDX-License-Identifier: Apache-2.0 */
/* Open addressing with linear probing and FNV-1a: one flat array, no per-entry allocation, which
 * keeps the loader fast on pathways with 100k nodes. The table is at most half full, so probe
 * sequences stay short and a lookup always meets an empty slot. */
#include "strmap.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define STRMAP_MIN_CAP 16

static uint64_t hash(const char *key, size_t len)
{
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* True when the NUL-terminated stored key equals the first len bytes of key; never reads past
 * the end of stored, even when key holds a NUL before len. */
static bool key_matches(const char *stored, const char *key, size_t len)
{
	return stored[0] == (len ? key[0] : '\0') && strnlen(stored, len + 1) == len &&
	       memcmp(stored, key, len) == 0;
}

/* Slot holding key, or the empty slot where it would go. cap is a power of two. */
static size_t find_slot(const char **keys, size_t cap, const char *key, size_t len)
{
	size_t i = (size_t)hash(key, len) & (cap - 1);

	while (keys[i] && !key_matches(keys[i], key, len))
		i = (i + 1) & (cap - 1);
	return i;
}

/* Rehashes into a table of cap slots (a power of two above twice the count). */
static void resize(struct strmap *map, size_t cap)
{
	const char **keys = xcalloc(cap, sizeof(*keys));
	int *values = xcalloc(cap, sizeof(*values));

	for (size_t i = 0; i < map->cap; i++) {
		if (map->keys[i]) {
			size_t slot = find_slot(keys, cap, map->keys[i], strlen(map->keys[i]));

			keys[slot] = map->keys[i];
			values[slot] = map->values[i];
		}
	}
	free(map->keys);
	free(map->values);
	map->keys = keys;
	map->values = values;
	map->cap = cap;
}

void strmap_reserve(struct strmap *map, size_t count)
{
	size_t cap = map->cap ? map->cap : STRMAP_MIN_CAP;

	while (count * 2 > cap)
		cap *= 2;
	if (cap > map->cap)
		resize(map, cap);
}

int strmap_put(struct strmap *map, const char *key, int value)
{
	size_t len = strlen(key), slot;

	if ((map->count + 1) * 2 > map->cap)
		resize(map, map->cap ? map->cap * 2 : STRMAP_MIN_CAP);
	slot = find_slot(map->keys, map->cap, key, len);
	if (map->keys[slot])
		return -map->values[slot] - 1; /* cannot overflow for values >= 0 */
	map->keys[slot] = key;
	map->values[slot] = value;
	map->count++;
	return 0;
}

int strmap_get(const struct strmap *map, const char *key, size_t len)
{
	size_t slot;

	if (map->cap == 0)
		return -1;
	slot = find_slot(map->keys, map->cap, key, len);
	return map->keys[slot] ? map->values[slot] : -1;
}

void strmap_free(struct strmap *map)
{
	free(map->keys);
	free(map->values);
	memset(map, 0, sizeof(*map));
}
