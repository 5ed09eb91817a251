/* SPDX-License-Identifier: Apache-2.0 */
/* The digest of a session that the training report keeps instead of its journal's whole tree: a
 * report over many journals holds one journal in memory at a time (see report_model.h). */
#include <stdlib.h>
#include <string.h>

#include "report_model.h"
#include "xalloc.h"

/* A copy of s owned by d (NULL stays NULL). */
static const char *keep(struct report *d, size_t *cap, const char *s)
{
	if (!s)
		return NULL;
	d->owned = xgrow(d->owned, cap, d->nowned + 1, sizeof(*d->owned));
	return d->owned[d->nowned++] = xstrdup(s);
}

struct report *report_digest(const struct report *r)
{
	struct report *d = xcalloc(1, sizeof(*d));
	size_t cap = 0;

	d->pathway_id = keep(d, &cap, r->pathway_id);
	d->title = keep(d, &cap, r->title);
	d->version = keep(d, &cap, r->version);
	d->sha256 = keep(d, &cap, r->sha256);
	d->mode = keep(d, &cap, r->mode);
	d->case_id = keep(d, &cap, r->case_id);
	d->case_title = keep(d, &cap, r->case_title);
	d->trainee = keep(d, &cap, r->trainee);
	d->set_title = keep(d, &cap, r->set_title);
	d->set_position = r->set_position;
	d->set_count = r->set_count;
	d->started = keep(d, &cap, r->started);
	d->status = r->status;
	d->decisions_correct = r->decisions_correct;
	d->items = xcalloc(r->ndebrief + 1, sizeof(*d->items));
	d->debrief = xcalloc(r->ndebrief + 1, sizeof(*d->debrief));
	for (size_t i = 0; i < r->ndebrief; i++) {
		const struct report_item *from = r->debrief[i];
		struct report_item *to = &d->items[i];

		to->kind = ITEM_CHOICE;
		to->line = from->line;
		to->time = keep(d, &cap, from->time);
		to->node = keep(d, &cap, from->node);
		to->u.choice = from->u.choice;
		to->u.choice.title = keep(d, &cap, from->u.choice.title);
		to->u.choice.chosen = keep(d, &cap, from->u.choice.chosen);
		to->u.choice.chosen_label = keep(d, &cap, from->u.choice.chosen_label);
		to->u.choice.recommended = keep(d, &cap, from->u.choice.recommended);
		to->u.choice.recommended_label = keep(d, &cap, from->u.choice.recommended_label);
		d->debrief[i] = to;
	}
	d->nitems = d->ndebrief = r->ndebrief;
	return d;
}
