/* SPDX-License-Identifier: Apache-2.0 */
/* Input widgets, one per variable type: number (range checked), yes/no, single choice, checklist
 * (with an explicit "None of these": an untouched checklist is not an answer) and date
 * (YYYY-MM-DD). A widget edits the session's working answer with session_set_answer as soon as a
 * value is complete; it never confirms the screen (the question screen does, through the walk). */
#ifndef PATHWALK_WIDGETS_H
#define PATHWALK_WIDGETS_H

#include <stdbool.h>

#include "strbuf.h"
#include "lineedit.h"
#include "screen.h"

struct widget {
	int var;
	int cursor;          /* highlighted option; yes/no: 0 yes, 1 no; checklist: noptions = "None
			      * of these"; -1: nothing highlighted (an unanswered yes/no or choice
			      * starts so: Enter then marks nothing) */
	bool typing;         /* number/date: printable keys go into edit */
	struct lineedit edit;
};

/* What a key did to the widget. */
enum widget_result {
	WIDGET_IGNORED,  /* not for the widget */
	WIDGET_HANDLED,  /* changed the widget (or refused input with a message) */
	WIDGET_DONE,     /* Enter: the field is answered; move on */
	WIDGET_NEXT,     /* leave to the next field (Tab, or Down past the end) */
	WIDGET_PREV,     /* leave to the previous field */
};

/* Sets the widget up for variable var. A variable with a default and no working answer gets the
 * default as its working answer (session_initial_value), so the screen shows what Enter takes. */
void widget_open(struct widget *w, struct session *s, int var);
void widget_close(struct widget *w);

/* Focus arrives: dir > 0 from the field above (Down), dir < 0 from below (Up), 0 by Tab or Enter.
 * A yes/no or choice field highlights its marked answer, or nothing when it has none. */
void widget_focus(struct widget *w, const struct session *s, int dir);

/* True when the variable has a working answer. */
bool widget_answered(const struct widget *w, const struct session *s);

/* The input rule (keys_input_rule): y/n, Space, a digit or a click marks an option; arrows only
 * move the highlight; Enter confirms the marked answer (WIDGET_DONE), and marks the highlighted
 * option only in a choice list with nothing marked whose highlight the user moved. */
enum widget_result widget_key(struct widget *w, struct screen_ctx *ctx, const struct ui_event *ev);

/* A click on option (or -1: the field itself). */
enum widget_result widget_click(struct widget *w, struct screen_ctx *ctx, int option);

/* Adds the widget's lines to d: the prompt, then its options or box. Lines get target
 * base (the prompt and box) or base + 1 + option. */
void widget_draw(struct widget *w, struct screen_ctx *ctx, bool focused, int base, struct ui_doc *d);

/* Adds the variable's help and the accepted input to the pane. */
void widget_describe(const struct widget *w, struct screen_ctx *ctx, struct ui_doc *pane);

/* Bottom-bar hints while this widget has the focus. */
const char *widget_hints(const struct widget *w);

#endif
