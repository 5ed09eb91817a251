/* SPDX-License-Identifier: Apache-2.0 */
/* `/` searches the text of the screen, as less does: the typed text is found, case-insensitively,
 * in the lines after the top one (wrapping to the start), and the screen scrolls there; `/` then
 * an empty Enter finds the next match of the last search. */
#ifndef PATHWALK_SEARCH_H
#define PATHWALK_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "lineedit.h"

struct ui_event;

struct search {
	bool typing;          /* the search text is being typed (on the message line) */
	struct lineedit edit;
	char *last;           /* the last text searched for (owned); NULL none */
	char *prompt;         /* search_prompt's text (owned) */
};

enum search_step {
	SEARCH_TYPING, /* the key went into the text (or was ignored) */
	SEARCH_GO,     /* Enter: find search_text() */
	SEARCH_CANCEL, /* Esc: typing stopped */
};

/* Starts typing a search. */
void search_begin(struct search *s);

/* A key while typing. On SEARCH_GO the text typed (or, when empty, the last one) is remembered. */
enum search_step search_key(struct search *s, const struct ui_event *ev);

/* What the message line shows while typing (owned by s until the next call). */
const char *search_prompt(struct search *s);

/* The first line after `from` (wrapping; `from` itself last) holding the last search text, in
 * *line; false when there is none or nothing was searched for. */
bool search_find(const struct search *s, const struct ui_doc *d, size_t from, size_t *line);

/* The last text searched for, or NULL. */
const char *search_text(const struct search *s);

void search_free(struct search *s);

#endif
