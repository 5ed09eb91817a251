/* SPDX-License-Identifier: Apache-2.0 */
#include "pathway_ids.h"

#include <stdlib.h>
#include <string.h>

#include "pathway_internal.h"
#include "suggest.h"
#include "xalloc.h"

/* Calls fn for every valid id of ids, in file order. */
static void each_id(const struct pathway *pw, struct pw_ids ids, void (*fn)(void *, const char *), void *ctx)
{
	switch (ids.kind) {
	case PW_IDS_NODE:
		for (size_t i = 0; i < pw->nnodes; i++)
			fn(ctx, pw->nodes[i].id);
		return;
	case PW_IDS_STAGE:
		for (size_t i = 0; i < pw->nstages; i++)
			fn(ctx, pw->stages[i].id);
		return;
	case PW_IDS_VARIABLE:
	case PW_IDS_VALUE:
		for (size_t i = 0; i < pw->nvars; i++)
			fn(ctx, pw->vars[i].id);
		for (size_t i = 0; ids.kind == PW_IDS_VALUE && i < ids.derived && i < pw->nderived; i++)
			fn(ctx, pw->derived[i].id);
		return;
	case PW_IDS_REFERENCE:
		for (size_t i = 0; i < pw->nrefs; i++)
			fn(ctx, pw->refs[i].id);
		return;
	case PW_IDS_WARNING:
		for (size_t i = 0; i < pw->nwarnings; i++)
			fn(ctx, pw->warnings[i].id);
		return;
	case PW_IDS_OPTION:
		for (size_t i = 0; ids.var >= 0 && (size_t)ids.var < pw->nvars && i < pw->vars[ids.var].noptions; i++)
			fn(ctx, pw->vars[ids.var].options[i].id);
		return;
	}
}

static void consider(void *ctx, const char *id)
{
	suggest_consider(ctx, id);
}

const char *pathway_closest_id(const struct pathway *pw, struct pw_ids ids, const char *word, size_t len)
{
	struct suggest s;

	suggest_init(&s, word, len);
	each_id(pw, ids, consider, &s);
	return s.best;
}

/* True when the n bytes at s are a valid id of ids. */
static bool is_id(const struct pathway *pw, struct pw_ids ids, const char *s, size_t n)
{
	int i;

	switch (ids.kind) {
	case PW_IDS_NODE: return strmap_get(&pw->node_index, s, n) >= 0;
	case PW_IDS_STAGE: return strmap_get(&pw->stage_index, s, n) >= 0;
	case PW_IDS_REFERENCE: return strmap_get(&pw->ref_index, s, n) >= 0;
	case PW_IDS_WARNING: return strmap_get(&pw->warning_index, s, n) >= 0;
	case PW_IDS_VALUE:
		i = strmap_get(&pw->derived_index, s, n);
		if (i >= 0 && (size_t)i < ids.derived)
			return true;
		/* fall through */
	case PW_IDS_VARIABLE: return strmap_get(&pw->var_index, s, n) >= 0;
	case PW_IDS_OPTION:
		for (size_t k = 0; ids.var >= 0 && (size_t)ids.var < pw->nvars && k < pw->vars[ids.var].noptions; k++) {
			const char *id = pw->vars[ids.var].options[k].id;

			if (id && strlen(id) == n && memcmp(id, s, n) == 0)
				return true;
		}
		return false;
	}
	return false;
}

/* Where word splits into two valid ids (the first such place), or 0. */
static size_t joined_split(const struct pathway *pw, struct pw_ids ids, const char *word)
{
	size_t len = strlen(word);

	for (size_t cut = 1; cut < len; cut++)
		if (is_id(pw, ids, word, cut) && is_id(pw, ids, word + cut, len - cut))
			return cut;
	return 0;
}

void pathway_explain_unknown(const struct pathway *pw, struct diag_list *diags, struct pw_ids ids,
			     const char *key, const char *id)
{
	size_t cut = id ? joined_split(pw, ids, id) : 0;

	if (!id)
		return;
	if (cut) {
		char *head = xstrndup(id, cut);
		struct diag *d;
		char *message;

		diag_point(diags, key, head, true);
		d = &diags->items[diags->count - 1];
		message = xasprintf("%s: two ids joined: a ',' is missing between \"%s\" and \"%s\" "
				    "(libconfig joins adjacent strings)", d->message, head, id + cut);
		free(d->message);
		d->message = message;
		/* The caret goes just after "head", where the ',' is missing. */
		if (d->column > 0) {
			d->column += d->width + 1;
			d->width = 1;
		}
		free(head);
		return;
	}
	diag_point(diags, key, id, true);
	diag_suggest(diags, pathway_closest_id(pw, ids, id, strlen(id)));
}

/* The loader's check (pathway_internal.h) that every {id} of a text names a variable or derived
 * value: an unknown one is pointed at and gets the closest id. */
void pathway_check_interpolation(struct loader *ld, const char *text, int line, const char *what)
{
	for (const char *p = text; p && *p; p++) {
		const char *end;

		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			p++;
			continue;
		}
		if (*p == '}') {
			diag_add(ld->rd.diags, ld->rd.file, line, "%s: unmatched '}' in text (write }} for a brace)", what);
			return;
		}
		if (*p != '{')
			continue;
		end = strchr(p + 1, '}');
		if (!end) {
			diag_add(ld->rd.diags, ld->rd.file, line, "%s: unmatched '{' in text (write {{ for a brace)", what);
			return;
		}
		if (strmap_get(&ld->pw->var_index, p + 1, (size_t)(end - p - 1)) < 0 &&
		    strmap_get(&ld->pw->derived_index, p + 1, (size_t)(end - p - 1)) < 0) {
			char *braced = xstrndup(p, (size_t)(end - p + 1));
			struct pw_ids ids = { PW_IDS_VALUE, -1, ld->pw->nderived };

			diag_add(ld->rd.diags, ld->rd.file, line, "%s: %s names no variable or derived value", what, braced);
			diag_point(ld->rd.diags, NULL, braced, false);
			diag_suggest(ld->rd.diags, pathway_closest_id(ld->pw, ids, p + 1, (size_t)(end - p - 1)));
			free(braced);
		}
		p = end;
	}
}
