/* SPDX-License-Identifier: Apache-2.0 */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void suggest_init(struct suggest *s, const char *word, size_t len)
{
	s->word = word;
	s->len = len;
	s->best = NULL;
	s->best_distance = 0;
}

size_t suggest_distance(const char *a, size_t alen, const char *b, size_t blen)
{
	/* Three rows of the dynamic-programming table: two back (for swaps), one back, this one. */
	size_t *rows = xcalloc(3 * (blen + 1), sizeof(*rows));
	size_t *prev2 = rows, *prev = rows + blen + 1, *cur = rows + 2 * (blen + 1), result;

	for (size_t j = 0; j <= blen; j++)
		prev[j] = j;
	for (size_t i = 1; i <= alen; i++) {
		size_t *t;

		cur[0] = i;
		for (size_t j = 1; j <= blen; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t best = prev[j - 1] + cost;

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	result = prev[blen];
	free(rows);
	return result;
}

void suggest_consider(struct suggest *s, const char *candidate)
{
	size_t clen, longer, limit, d;

	if (!candidate)
		return;
	clen = strlen(candidate);
	longer = clen > s->len ? clen : s->len;
	limit = longer / 3 > 1 ? longer / 3 : 1;
	/* Lengths alone bound the distance from below: skip what cannot be close enough. */
	if ((clen > s->len ? clen - s->len : s->len - clen) > limit)
		return;
	d = suggest_distance(s->word, s->len, candidate, clen);
	/* ... and never a rewrite of the whole id ('c' for 'a'). */
	if (d == 0 || d > limit || d >= s->len || d >= clen || (s->best && d >= s->best_distance))
		return;
	s->best = candidate;
	s->best_distance = d;
}
