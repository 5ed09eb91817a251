/* SPDX-License-Identifier: Apache-2.0 */
/* `/` searches the text of the screen, as less does: the typed text is found ignoring ASCII case,
 * also where the wrap broke it over two lines, from the top line shown (wrapping to the start);
 * the screen scrolls there and every match is highlighted; n and N then go to the next and
 * previous match, and `/` then an empty Enter to the next, until Esc or another screen. */
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
	bool showing;         /* the matches of last are highlighted; n and N move between them */
	size_t current;       /* the match shown, while showing */
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

/* After Enter (SEARCH_GO): finds the last search text in d, as drawn in rows lines from *top: a
 * new search the first match at or after the top line (wrapping), a repeated one (empty Enter)
 * the match after the one shown; scrolls *top to it and shows the matches. False when there is
 * none. */
bool search_go(struct search *s, const struct ui_doc *d, size_t *top, size_t rows);

/* While the matches are shown: n and N go to the next and previous match (wrapping); true then.
 * Esc stops showing them but is left to the screen too (it closes the help); so is every other key. */
bool search_step(struct search *s, const struct ui_event *ev, const struct ui_doc *d, size_t *top, size_t rows);

/* How many matches of the last search text d holds. */
size_t search_count(const struct search *s, const struct ui_doc *d);

/* Marks every match in d (doc_mark), the current one as such, while they are shown. */
void search_mark(struct search *s, struct ui_doc *d);

/* The message about the matches ("Found \"x\": 2 of 5 (n next, ...)", or that there is none).
 * Caller frees. */
char *search_status(const struct search *s, const struct ui_doc *d);

/* Whether the matches are shown; search_hide stops showing them (another screen). */
bool search_showing(const struct search *s);
void search_hide(struct search *s);

/* The last text searched for, or NULL. */
const char *search_text(const struct search *s);

void search_free(struct search *s);

#endif
