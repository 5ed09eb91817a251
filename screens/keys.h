/* SPDX-License-Identifier: Apache-2.0 */
/* The walk's key bindings: ONE table that feeds the key handler (keys_lookup), the `?` help
 * screen and the man page's Keys section (keys_print_man), so they cannot drift apart. */
#ifndef PATHWALK_KEYS_H
#define PATHWALK_KEYS_H

#include <stdio.h>

/* What a key means. Screens interpret these; the walk handles the global ones. */
enum ui_action {
	UI_NONE = 0,
	UI_UP, UI_DOWN, UI_LEFT, UI_RIGHT,
	UI_CONFIRM,      /* Enter */
	UI_TOGGLE,       /* Space */
	UI_NEXT_FIELD, UI_PREV_FIELD,
	UI_BACK, UI_EVIDENCE, UI_VIGNETTE, UI_HELP, UI_QUIT, UI_REDRAW,
	UI_PAGE_UP, UI_PAGE_DOWN,
	UI_PANE_UP, UI_PANE_DOWN,
	UI_YES, UI_NO,
	UI_CANCEL,       /* Esc */
	UI_ERASE,        /* Backspace */
	UI_CHAR,         /* a printable character with no binding */
	UI_MOUSE,        /* a click; row and col in the event */
	UI_RESIZE,
	UI_INTERRUPT,    /* Ctrl-C / SIGINT: acts as UI_QUIT even while typing */
	UI_PICK,         /* a digit 1-9: ch is the digit */
	UI_TOP, UI_BOTTOM, /* g, G */
	UI_SEARCH,       /* / */
	UI_LEAVE,        /* r: leave the walk unfinished (the endpoint's quit question) */
	UI_LINE_START, UI_LINE_END, /* Ctrl-A, Ctrl-E (Home, End while typing) */
	UI_KILL_END, UI_KILL_START, UI_KILL_WORD, /* Ctrl-K, Ctrl-U, Ctrl-W */
	UI_DELETE,       /* Delete */
};

#define KEYS_MAX_CODES 10

/* One binding: the key codes (curses codes or characters) that produce the action. */
struct key_binding {
	enum ui_action action;
	int codes[KEYS_MAX_CODES]; /* 0-terminated when shorter */
	const char *keys;          /* how people write them: "Down, j" */
	const char *description;
	const char *context;       /* where it applies: "everywhere", "question", ... */
};

/* The table, in the order help shows it; *n receives the count. */
const struct key_binding *keys_table(size_t *n);

/* The action bound to a function key (a curses KEY_* value), UI_NONE when it has none. */
enum ui_action keys_lookup_key(int code);

/* The action bound to a typed character, or UI_CHAR for an unbound printable one, UI_NONE for an
 * unbound control character. Characters and KEY_* codes are separate spaces: U+0152 is not PgDn. */
enum ui_action keys_lookup_char(long ch);

/* The input rule (what may change an answer), one paragraph, for `?` help and the man page. */
const char *keys_input_rule(void);

/* Writes the table as man(7) source for the `.SS Keys` section (without the .SS line). */
void keys_print_man(FILE *out);

#endif
