/* SPDX-License-Identifier: Apache-2.0 */
/* A one-line text editor for every place the walk takes typed text (number and date fields, the
 * override reason, the start form, the training and journal forms), with the keys of readline
 * and dialog: Left/Right, Home/End, Ctrl-A/E/K/U/W, Backspace, Delete. Every printable Unicode
 * character is taken; control and text-direction characters never are. The text scrolls sideways
 * when it is wider than its box. */
#ifndef PATHWALK_LINEEDIT_H
#define PATHWALK_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"
#include "keys.h"

struct ui_event;

struct lineedit {
	struct strbuf text;
	size_t cursor;    /* byte offset of the cursor, on a character boundary */
	size_t scroll;    /* byte offset of the first character shown */
	size_t max_chars; /* longest accepted text, in characters (0: no limit) */
};

enum lineedit_result {
	LINEEDIT_IGNORED, /* not an editing key */
	LINEEDIT_CHANGED, /* the text or the cursor changed */
	LINEEDIT_FULL,    /* a character was refused: the text has max_chars characters */
};

/* Starts the editor on a copy of text (NULL: empty), the cursor at its end. */
void lineedit_init(struct lineedit *le, const char *text, size_t max_chars);
void lineedit_free(struct lineedit *le);

/* The text now (owned by the editor). */
const char *lineedit_text(const struct lineedit *le);

/* Applies an editing key. A printable character (ev->ch) is inserted at the cursor even when it
 * is bound to an action elsewhere (q, b, y, Space...); arrows, Home and End move the cursor. */
enum lineedit_result lineedit_key(struct lineedit *le, const struct ui_event *ev);

/* The box drawn for the text in width columns (at least 5): "[ text ]", "[<" or ">]" where text is
 * scrolled out of sight. *cursor_col receives the cursor's column in the box. Caller frees. */
char *lineedit_box(struct lineedit *le, size_t width, size_t *cursor_col);

#endif
