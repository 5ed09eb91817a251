/* The key table. Letters are shortcuts only where no field is taking typed text: a number or
 * date field starts taking text at a digit or '-', the reason prompt at any character. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include "keys.h"

#include <curses.h>
#include <wctype.h>

#define CTRL(c) ((c) & 0x1f)

static const struct key_binding table[] = {
	{ UI_UP, { KEY_UP, 'k' }, "Up, k", "move up: the previous option, field or candidate", "everywhere" },
	{ UI_DOWN, { KEY_DOWN, 'j' }, "Down, j", "move down: the next option, field or candidate", "everywhere" },
	{ UI_LEFT, { KEY_LEFT, 'h' }, "Left, h", "the previous option of a yes/no field", "question" },
	{ UI_RIGHT, { KEY_RIGHT, 'l' }, "Right, l", "the next option of a yes/no field", "question" },
	{ UI_CONFIRM, { '\n', '\r', KEY_ENTER }, "Enter",
	  "confirm the field and go to the next unanswered one; once every field is answered, confirm "
	  "the screen and continue; on a decision, accept the highlighted step (in training: commit to it, then continue after the "
	  "reveal); at an endpoint, finish",
	  "everywhere" },
	{ UI_TOGGLE, { ' ' }, "Space", "select the highlighted option; tick or untick a checklist item",
	  "question" },
	{ UI_NEXT_FIELD, { '\t' }, "Tab", "the next field", "question" },
	{ UI_PREV_FIELD, { KEY_BTAB }, "Shift-Tab", "the previous field", "question" },
	{ UI_YES, { 'y', 'Y' }, "y", "answer yes (a yes/no field, the quit question)", "question, quit" },
	{ UI_NO, { 'n', 'N' }, "n", "answer no (a yes/no field, the quit question); in an optional number or date field: not recorded", "question, quit" },
	{ UI_BACK, { 'b' }, "b", "go back to the previous screen; every answer is kept", "everywhere" },
	{ UI_EVIDENCE, { 'e' }, "e",
	  "show or hide the evidence pane (on a decision: the explanation of the highlighted step)",
	  "everywhere" },
	{ UI_VIGNETTE, { 'v' }, "v", "show the case's vignette again", "training" },
	{ UI_PANE_UP, { '[' }, "[", "scroll the evidence pane up", "evidence pane" },
	{ UI_PANE_DOWN, { ']' }, "]", "scroll the evidence pane down", "evidence pane" },
	{ UI_HELP, { '?', KEY_F(1) }, "?, F1", "this help", "everywhere" },
	{ UI_QUIT, { 'q' }, "q", "quit: asks y/n first; the log records the walk as interrupted",
	  "everywhere" },
	{ UI_INTERRUPT, { CTRL('c') }, "Ctrl-C", "same as q, even while typing in a field", "everywhere" },
	{ UI_REDRAW, { CTRL('l') }, "Ctrl-L", "redraw the screen", "everywhere" },
	{ UI_PAGE_UP, { KEY_PPAGE }, "PgUp", "scroll the screen up a page", "everywhere" },
	{ UI_PAGE_DOWN, { KEY_NPAGE }, "PgDn", "scroll the screen down a page", "everywhere" },
	{ UI_HOME, { KEY_HOME }, "Home", "scroll to the top", "everywhere" },
	{ UI_END, { KEY_END }, "End", "scroll to the bottom", "everywhere" },
	{ UI_CANCEL, { 27 }, "Esc", "stop typing and restore the field; cancel the reason or quit prompt",
	  "field, prompt" },
	{ UI_ERASE, { KEY_BACKSPACE, 127, CTRL('h') }, "Backspace", "delete the last character typed",
	  "field, prompt" },
	{ UI_CHAR, { 0 }, "0-9, -",
	  "in a number or date field, a digit or '-' starts typing; while typing, every printable key "
	  "goes into the field (letters are not shortcuts) until Enter, Tab, an arrow or Esc",
	  "number and date fields" },
	{ UI_MOUSE, { KEY_MOUSE }, "mouse click",
	  "select an option, tick a checklist item, focus a field or highlight a candidate, where the "
	  "terminal reports clicks", "everywhere" },
};

const struct key_binding *keys_table(size_t *n)
{
	*n = sizeof(table) / sizeof(table[0]);
	return table;
}

enum ui_action keys_lookup(int code)
{
	if (code == 0)
		return UI_NONE;
	if (code == KEY_RESIZE)
		return UI_RESIZE;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		for (int k = 0; k < KEYS_MAX_CODES && table[i].codes[k]; k++)
			if (table[i].codes[k] == code)
				return table[i].action;
	if (code < KEY_MIN && code >= ' ' && iswprint((wint_t)code))
		return UI_CHAR;
	return UI_NONE;
}

/* man(7) escapes: a leading '.' or '\'' would be a request, and '-' should be \-. */
static void man_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

void keys_print_man(FILE *out)
{
	fputs(".\\\" Generated from the key table in screens/keys.c; tests/e2e/help.sh checks that it matches.\n", out);
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		fputs(".TP\n.B ", out);
		man_text(out, table[i].keys);
		fputc('\n', out);
		man_text(out, table[i].description);
		fputs(" (", out);
		man_text(out, table[i].context);
		fputs(").\n", out);
	}
}
