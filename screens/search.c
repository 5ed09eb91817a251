/* SPDX-License-Identifier: Apache-2.0 */
/* The screen search. Lines are matched one by one as drawn (wrapped), ignoring ASCII case. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* strcasestr */
#endif
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "../src/xalloc.h"
#include "ui.h"

void search_begin(struct search *s)
{
	s->typing = true;
	lineedit_free(&s->edit);
	lineedit_init(&s->edit, NULL, 200);
}

enum search_step search_key(struct search *s, const struct ui_event *ev)
{
	switch (ev->action) {
	case UI_CONFIRM:
		s->typing = false;
		if (lineedit_text(&s->edit)[0]) {
			free(s->last);
			s->last = xstrdup(lineedit_text(&s->edit));
		}
		return SEARCH_GO;
	case UI_CANCEL:
		s->typing = false;
		return SEARCH_CANCEL;
	default:
		lineedit_key(&s->edit, ev);
		return SEARCH_TYPING;
	}
}

const char *search_prompt(struct search *s)
{
	free(s->prompt);
	s->prompt = xasprintf("Search: /%s   (Enter finds%s, Esc cancels)", lineedit_text(&s->edit),
				s->last ? "; empty: the next match" : "");
	return s->prompt;
}

bool search_find(const struct search *s, const struct ui_doc *d, size_t from, size_t *line)
{
	if (!s->last || d->count == 0)
		return false;
	for (size_t k = 1; k <= d->count; k++) {
		size_t i = (from + k) % d->count;

		if (strcasestr(d->lines[i].text, s->last)) {
			*line = i;
			return true;
		}
	}
	return false;
}

const char *search_text(const struct search *s)
{
	return s->last;
}

void search_free(struct search *s)
{
	lineedit_free(&s->edit);
	free(s->last);
	s->last = NULL;
	free(s->prompt);
	s->prompt = NULL;
}
