/* SPDX-License-Identifier: Apache-2.0 */
/* The bundled case library, routed once so that menus can show and filter by endpoint. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strcasestr */
#endif
#include "caselib.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bundled.h"
#include "replay.h"
#include "xalloc.h"

#define SUMMARY_MAX 100

/* The first sentence of text, cut at a word boundary near SUMMARY_MAX bytes. */
static char *first_sentence(const char *text)
{
	size_t len = 0, cut;

	while (text[len] && !(text[len] == '.' && (text[len + 1] == ' ' || text[len + 1] == '\0')))
		len++;
	if (text[len] == '.')
		len++;
	if (len <= SUMMARY_MAX)
		return xstrndup(text, len);
	cut = SUMMARY_MAX;
	while (cut > 0 && text[cut] != ' ')
		cut--;
	return xasprintf("%.*s...", (int)(cut ? cut : SUMMARY_MAX), text);
}

int caselib_route_endpoint(const struct pathway *pw, const struct casefile *c, long today)
{
	struct casefile route_only = *c;
	struct replay_result r;
	int endpoint = -1;

	route_only.noverrides = 0;
	if (replay_run(pw, &route_only, NULL, today, NULL, &r) == REPLAY_COMPLETE)
		endpoint = session_node(r.session);
	replay_result_free(&r);
	return endpoint;
}

struct caselib_entry *caselib_add(struct caselib *lib, struct casefile *c, const struct pathway *pw, long today)
{
	struct caselib_entry *e;

	lib->entries = xgrow(lib->entries, &lib->cap, lib->count + 1, sizeof(*lib->entries));
	e = &lib->entries[lib->count++];
	e->c = c;
	e->endpoint = caselib_route_endpoint(pw, c, today);
	e->summary = first_sentence(c->vignette ? c->vignette : c->title ? c->title : c->id);
	return e;
}

static const struct pathway *sort_pw; /* qsort has no context argument in C11 */

/* The sort key's first parts: edge cases after vignettes, a stopped route last, then the stage. */
static size_t along_pathway(const struct caselib_entry *e)
{
	size_t edge = strncmp(e->c->id, "edge-", 5) == 0;

	if (e->endpoint < 0)
		return (edge + 1) * (sort_pw->nstages + 1) - 1;
	return edge * (sort_pw->nstages + 1) + (size_t)sort_pw->nodes[e->endpoint].stage;
}

static int by_pathway(const void *a, const void *b)
{
	const struct caselib_entry *x = a, *y = b;
	size_t kx = along_pathway(x), ky = along_pathway(y);
	int cmp;

	if (kx != ky)
		return kx < ky ? -1 : 1;
	cmp = strcasecmp(x->c->title ? x->c->title : "", y->c->title ? y->c->title : "");
	return cmp ? cmp : strcmp(x->c->id, y->c->id);
}

void caselib_sort(struct caselib *lib, const struct pathway *pw)
{
	if (lib->count < 2)
		return; /* and qsort must not see the NULL array of an empty library */
	sort_pw = pw;
	qsort(lib->entries, lib->count, sizeof(*lib->entries), by_pathway);
	sort_pw = NULL;
}

void caselib_load_bundled(const struct pathway *pw, long today, struct caselib *out, struct diag_list *diags)
{
	*out = (struct caselib){ 0 };
	for (size_t i = 0; i < bundled_case_count; i++) {
		const struct bundled_file *f = &bundled_cases[i];
		char *name = xasprintf("<bundled>/%s", f->name);
		struct casefile *c = casefile_load_text(name, (const char *)f->data, f->len, pw, diags);

		free(name);
		if (c)
			caselib_add(out, c, pw, today);
	}
	caselib_sort(out, pw);
}

const struct caselib_entry *caselib_find(const struct caselib *lib, const char *id)
{
	for (size_t i = 0; i < lib->count; i++)
		if (strcmp(lib->entries[i].c->id, id) == 0)
			return &lib->entries[i];
	return NULL;
}

static bool contains(const char *hay, const char *needle)
{
	return hay && strcasestr(hay, needle);
}

bool caselib_matches(const struct pathway *pw, const struct caselib_entry *e, const char *stage,
		     const char *endpoint)
{
	const struct pw_node *end = e->endpoint >= 0 ? &pw->nodes[e->endpoint] : NULL;
	const struct pw_stage *st = end ? &pw->stages[end->stage] : NULL;

	if (stage && *stage && !(st && (strcmp(st->id, stage) == 0 || strcasecmp(st->label, stage) == 0)))
		return false;
	return !(endpoint && *endpoint && !(end && strcmp(end->id, endpoint) == 0));
}

bool caselib_matches_text(const struct caselib_entry *e, const char *text)
{
	if (!text || !*text)
		return true;
	return contains(e->c->id, text) || contains(e->c->title, text) || contains(e->summary, text);
}

void caselib_free(struct caselib *lib)
{
	for (size_t i = 0; i < lib->count; i++) {
		casefile_free(lib->entries[i].c);
		free(lib->entries[i].summary);
	}
	free(lib->entries);
	lib->entries = NULL;
	lib->count = lib->cap = 0;
}
