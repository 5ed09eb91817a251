/* SPDX-License-Identifier: Apache-2.0 */
/* The memo of what would change the recommendation: a copy of the inputs (a case's answers and
 * overrides, today, the endpoint) and of the worded changes computed from them. */
#include "whatif_memo.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct whatif_memo {
	bool valid;
	size_t nvars;
	struct value *answers;           /* nvars */
	struct case_override *overrides; /* the reasons owned */
	size_t noverrides;
	long today;
	int endpoint;
	struct whatif_change *changes;
	size_t nchanges;
};

struct whatif_memo *whatif_memo_new(const struct pathway *pw)
{
	struct whatif_memo *m = xcalloc(1, sizeof(*m));

	m->nvars = pw->nvars;
	m->answers = xcalloc(pw->nvars + 1, sizeof(*m->answers));
	return m;
}

static void forget(struct whatif_memo *m)
{
	for (size_t i = 0; i < m->noverrides; i++)
		free(m->overrides[i].reason);
	free(m->overrides);
	whatif_changes_free(m->changes, m->nchanges);
	m->overrides = NULL;
	m->changes = NULL;
	m->noverrides = m->nchanges = 0;
	m->valid = false;
}

void whatif_memo_free(struct whatif_memo *m)
{
	if (!m)
		return;
	forget(m);
	free(m->answers);
	free(m);
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* A copy of the n changes c (the caller's). */
static struct whatif_change *copy_changes(const struct whatif_change *c, size_t n)
{
	struct whatif_change *copy = xcalloc(n + 1, sizeof(*copy));

	for (size_t i = 0; i < n; i++) {
		copy[i] = c[i];
		copy[i].text = xstrdup(c[i].text);
		copy[i].values = xcalloc(c[i].nvalues + 1, sizeof(*copy[i].values));
		memcpy(copy[i].values, c[i].values, c[i].nvalues * sizeof(*copy[i].values));
	}
	return copy;
}

bool whatif_memo_get(const struct whatif_memo *m, const struct casefile *c, long today, int endpoint,
		     struct whatif_change **out, size_t *n)
{
	if (!m->valid || m->today != today || m->endpoint != endpoint || m->noverrides != c->noverrides)
		return false;
	for (size_t i = 0; i < m->nvars; i++)
		if (!value_equal(&m->answers[i], &c->answers[i]))
			return false;
	for (size_t i = 0; i < c->noverrides; i++) {
		const struct case_override *a = &m->overrides[i], *b = &c->overrides[i];

		if (a->node != b->node || a->transition != b->transition || !same_text(a->reason, b->reason))
			return false;
	}
	*out = copy_changes(m->changes, m->nchanges);
	*n = m->nchanges;
	return true;
}

void whatif_memo_put(struct whatif_memo *m, const struct casefile *c, long today, int endpoint,
		     const struct whatif_change *changes, size_t n)
{
	forget(m);
	memcpy(m->answers, c->answers, m->nvars * sizeof(*m->answers));
	m->overrides = xcalloc(c->noverrides + 1, sizeof(*m->overrides));
	for (size_t i = 0; i < c->noverrides; i++) {
		m->overrides[i] = c->overrides[i];
		m->overrides[i].reason = c->overrides[i].reason ? xstrdup(c->overrides[i].reason) : NULL;
	}
	m->noverrides = c->noverrides;
	m->today = today;
	m->endpoint = endpoint;
	m->changes = copy_changes(changes, n);
	m->nchanges = n;
	m->valid = true;
}
