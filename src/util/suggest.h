/* SPDX-License-Identifier: Apache-2.0 */
/* "Did you mean ...?": the closest of a set of candidate ids to a misspelt one, by edit distance
 * (insertions, deletions, substitutions and swaps of two neighbours, each counting one). */
#ifndef PATHWALK_SUGGEST_H
#define PATHWALK_SUGGEST_H

#include <stddef.h>

struct suggest {
	const char *word; /* the misspelt id (borrowed), len bytes */
	size_t len;
	const char *best; /* borrowed from a candidate; NULL while none is close enough */
	size_t best_distance;
};

/* Starts a search for ids close to the first len bytes of word. */
void suggest_init(struct suggest *s, const char *word, size_t len);

/* Considers candidate (NULL is skipped): it becomes the suggestion when it is close enough (at
 * most a third of the longer id's length, at least 1) and closer than any before it (ties keep
 * the first, so callers pass candidates in file order). An exact match is never suggested, nor
 * one that shares nothing with the word (every character changed). */
void suggest_consider(struct suggest *s, const char *candidate);

/* The optimal-string-alignment edit distance between a (alen bytes) and b (blen bytes). */
size_t suggest_distance(const char *a, size_t alen, const char *b, size_t blen);

#endif
