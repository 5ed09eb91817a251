/* SPDX-License-Identifier: Apache-2.0 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

static int get(const struct strmap *map, const char *key)
{
	return strmap_get(map, key, strlen(key));
}

Test(strmap, empty_map_finds_nothing)
{
	struct strmap map = { 0 };

	cr_assert_eq(get(&map, "anything"), -1);
	cr_assert_eq(strmap_get(&map, "", 0), -1);
	strmap_free(&map);
}

Test(strmap, put_then_get_returns_the_value)
{
	struct strmap map = { 0 };

	cr_assert_eq(strmap_put(&map, "pain_nrs", 0), 0);
	cr_assert_eq(strmap_put(&map, "radicular_pain", 1), 0);
	cr_assert_eq(strmap_put(&map, "", 7), 0);
	cr_assert_eq(get(&map, "pain_nrs"), 0);
	cr_assert_eq(get(&map, "radicular_pain"), 1);
	cr_assert_eq(get(&map, ""), 7);
	cr_assert_eq(get(&map, "pain"), -1);
	cr_assert_eq(map.count, 3);
	strmap_free(&map);
}

Test(strmap, duplicate_put_reports_existing_value_and_keeps_it)
{
	struct strmap map = { 0 };

	cr_assert_eq(strmap_put(&map, "a", 0), 0);
	cr_assert_eq(strmap_put(&map, "b", 41), 0);
	cr_assert_eq(strmap_put(&map, "a", 5), -1);
	cr_assert_eq(strmap_put(&map, "b", 5), -42);
	cr_assert_eq(get(&map, "a"), 0);
	cr_assert_eq(get(&map, "b"), 41);
	cr_assert_eq(map.count, 2);
	strmap_free(&map);
}

Test(strmap, get_uses_only_the_first_len_bytes)
{
	struct strmap map = { 0 };
	const char *text = "{pain_nrs} of {pain}";

	strmap_put(&map, "pain_nrs", 3);
	strmap_put(&map, "pain", 4);
	cr_assert_eq(strmap_get(&map, text + 1, 8), 3);
	cr_assert_eq(strmap_get(&map, text + 15, 4), 4);
	cr_assert_eq(strmap_get(&map, text + 1, 4), 4, "a prefix is its own key");
	cr_assert_eq(strmap_get(&map, text + 1, 6), -1);
	cr_assert_eq(strmap_get(&map, "pain_nrs_extra", 9), -1);
	strmap_free(&map);
}

Test(strmap, key_with_embedded_nul_in_len_does_not_match)
{
	struct strmap map = { 0 };

	strmap_put(&map, "ab", 1);
	cr_assert_eq(strmap_get(&map, "ab\0cd", 5), -1);
	cr_assert_eq(strmap_get(&map, "ab\0cd", 2), 1);
	strmap_free(&map);
}

Test(strmap, free_zeroes_the_map_for_reuse)
{
	struct strmap map = { 0 };

	strmap_put(&map, "x", 1);
	strmap_free(&map);
	cr_assert_null(map.keys);
	cr_assert_null(map.values);
	cr_assert_eq(map.cap, 0);
	cr_assert_eq(map.count, 0);
	cr_assert_eq(get(&map, "x"), -1);
	cr_assert_eq(strmap_put(&map, "x", 2), 0);
	cr_assert_eq(get(&map, "x"), 2);
	strmap_free(&map);
}

Test(strmap, stays_at_most_half_full)
{
	struct strmap map = { 0 };
	char keys[100][8];

	for (int i = 0; i < 100; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		strmap_put(&map, keys[i], i);
		cr_assert_leq(map.count * 2, map.cap);
	}
	strmap_free(&map);
}

/* The loader indexes 100k nodes: every key is found and the table keeps its load factor (its
 * speed is measured in bench/run.sh, never in a test). */
Test(strmap, holds_a_hundred_thousand_keys)
{
	enum { N = 100000 };
	struct strmap map = { 0 };
	char (*keys)[16] = malloc(N * sizeof(*keys));

	for (int i = 0; i < N; i++) {
		snprintf(keys[i], sizeof(keys[i]), "node_%d", i);
		cr_assert_eq(strmap_put(&map, keys[i], i), 0);
	}
	for (int i = 0; i < N; i++)
		if (get(&map, keys[i]) != i)
			cr_assert_fail("%s maps to %d", keys[i], get(&map, keys[i]));
	cr_assert_eq(get(&map, "node_100000"), -1);
	cr_assert_eq(strmap_put(&map, keys[N - 1], 0), -N);
	cr_assert_eq(map.count, N);
	cr_assert_leq(map.count * 2, map.cap);
	strmap_free(&map);
	free(keys);
}

Test(strmap, reserve_makes_room_once_and_keeps_what_is_there)
{
	struct strmap map = { 0 };
	char keys[1000][8];
	size_t cap;

	strmap_put(&map, "first", 7);
	strmap_reserve(&map, 1001);
	cap = map.cap;
	cr_assert_geq(cap, 2002);
	cr_assert_eq(get(&map, "first"), 7, "a key put before the reserve is still found");
	for (int i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		cr_assert_eq(strmap_put(&map, keys[i], i), 0);
	}
	cr_assert_eq(map.cap, cap, "no growth while adding what was reserved");
	for (int i = 0; i < 1000; i++)
		cr_assert_eq(get(&map, keys[i]), i);
	strmap_reserve(&map, 10);
	cr_assert_eq(map.cap, cap, "a smaller reserve changes nothing");
	strmap_free(&map);
}
