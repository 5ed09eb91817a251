/* SPDX-License-Identifier: Apache-2.0 */
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
/* Function keys are stored negated, so a character such as U+0152 (KEY_NPAGE's number) never
 * looks like one. */
#define FK(k) (-(k))

static const struct key_binding table[] = {
	{ UI_UP, { FK(KEY_UP), 'k' }, "Up, k", "move the highlight up: the previous option, field or step", "everywhere" },
	{ UI_DOWN, { FK(KEY_DOWN), 'j' }, "Down, j", "move the highlight down: the next option, field or step",
	  "everywhere" },
	{ UI_LEFT, { FK(KEY_LEFT), 'h' }, "Left, h",
	  "move the highlight to Yes; while typing, the cursor one character left", "question, field" },
	{ UI_RIGHT, { FK(KEY_RIGHT), 'l' }, "Right, l",
	  "move the highlight to No; while typing, the cursor one character right", "question, field" },
	{ UI_CONFIRM, { '\n', '\r', FK(KEY_ENTER) }, "Enter",
	  "confirm the marked answer and go to the next unanswered field; once every field is answered, "
	  "confirm the screen and continue; on a decision, accept the highlighted step; in training, "
	  "ask to commit to the highlighted step; at an endpoint, finish and record it",
	  "everywhere" },
	{ UI_TOGGLE, { ' ' }, "Space",
	  "mark the highlighted option; tick or untick a checklist item; where nothing can be marked, "
	  "page down", "question, everywhere" },
	{ UI_PICK, { '1', '2', '3', '4', '5', '6', '7', '8', '9' }, "1-9",
	  "mark option N of a list (1 Yes, 2 No), highlight step N of a decision, or, in training, "
	  "ask to commit to step N", "question, decision, training" },
	{ UI_YES, { 'y', 'Y' }, "y", "answer yes (a yes/no field, a question asked at the bottom)", "question, prompt" },
	{ UI_NO, { 'n', 'N' }, "n, N",
	  "answer no (a yes/no field, a question asked at the bottom); in an optional number or date "
	  "field: not recorded; while a search's matches are highlighted, n and N go to the next and "
	  "previous match instead", "question, prompt, search" },
	{ UI_LEAVE, { 'r' }, "r", "leave the walk unfinished, to resume later (the endpoint's quit question)",
	  "prompt" },
	{ UI_NEXT_FIELD, { '\t' }, "Tab", "the next field", "question" },
	{ UI_PREV_FIELD, { FK(KEY_BTAB) }, "Shift-Tab", "the previous field", "question" },
	{ UI_BACK, { 'b' }, "b", "go back to the previous screen; every answer is kept", "everywhere" },
	{ UI_EVIDENCE, { 'e' }, "e",
	  "show or hide the evidence pane (on a decision: the explanation of the highlighted step)",
	  "everywhere" },
	{ UI_VIGNETTE, { 'v' }, "v", "show the case's vignette again", "training" },
	{ UI_PANE_UP, { '[' }, "[", "scroll the evidence pane up", "evidence pane" },
	{ UI_PANE_DOWN, { ']' }, "]", "scroll the evidence pane down", "evidence pane" },
	{ UI_HELP, { '?', FK(KEY_F(1)) }, "?, F1", "this help", "everywhere" },
	{ UI_SEARCH, { '/' }, "/",
	  "search the text of this screen, as less does, ignoring the case of ASCII letters and finding "
	  "a phrase that wrapping broke over two lines; every match is highlighted until Esc or another "
	  "screen, n and N go to the next and previous match, / then an empty Enter to the next",
	  "everywhere" },
	{ UI_QUIT, { 'q', FK(KEY_F(10)) }, "q, F10",
	  "quit: asks first; at an endpoint, whether to finish and record it", "everywhere" },
	{ UI_INTERRUPT, { CTRL('c') }, "Ctrl-C", "same as q, even while typing in a field", "everywhere" },
	{ UI_REDRAW, { CTRL('l') }, "Ctrl-L", "redraw the screen", "everywhere" },
	{ UI_PAGE_UP, { FK(KEY_PPAGE) }, "PgUp", "scroll the screen up a page", "everywhere" },
	{ UI_PAGE_DOWN, { FK(KEY_NPAGE) }, "PgDn", "scroll the screen down a page", "everywhere" },
	{ UI_TOP, { 'g', FK(KEY_HOME) }, "g, Home", "scroll to the top (Home while typing: the start of the text)",
	  "everywhere" },
	{ UI_BOTTOM, { 'G', FK(KEY_END) }, "G, End", "scroll to the bottom (End while typing: the end of the text)",
	  "everywhere" },
	{ UI_CANCEL, { 27 }, "Esc",
	  "stop typing and restore the field; close the help or another overlay; cancel a question "
	  "asked at the bottom", "field, overlay, prompt" },
	{ UI_ERASE, { FK(KEY_BACKSPACE), 127, CTRL('h') }, "Backspace", "delete the character before the cursor",
	  "field" },
	{ UI_DELETE, { FK(KEY_DC), CTRL('d') }, "Delete, Ctrl-D", "delete the character under the cursor", "field" },
	{ UI_LINE_START, { CTRL('a') }, "Ctrl-A", "the cursor to the start of the text", "field" },
	{ UI_LINE_END, { CTRL('e') }, "Ctrl-E", "the cursor to the end of the text", "field" },
	{ UI_KILL_END, { CTRL('k') }, "Ctrl-K", "delete from the cursor to the end", "field" },
	{ UI_KILL_START, { CTRL('u') }, "Ctrl-U", "delete from the start to the cursor", "field" },
	{ UI_KILL_WORD, { CTRL('w') }, "Ctrl-W", "delete the word before the cursor", "field" },
	{ UI_CHAR, { 0 }, "0-9, -",
	  "in a number or date field, a digit or '-' starts typing; while typing, every printable key "
	  "goes into the field (letters are not shortcuts) until Enter, Tab, Up, Down or Esc",
	  "number and date fields" },
	{ UI_MOUSE, { FK(KEY_MOUSE) }, "mouse click",
	  "mark an option, tick a checklist item, focus a field or highlight a step, where the "
	  "terminal reports clicks; the wheel scrolls", "everywhere" },
};

static const char input_rule[] =
	"Nothing changes an answer unless you see it change: y, n, Space, a digit or a click marks "
	"an option at once; the arrow keys only move the highlight; Enter confirms the answer that is "
	"marked. Enter marks the highlighted option only in a single-choice list with nothing marked, "
	"whose highlight starts on nothing until you move it, so a reflex Enter on arrival never "
	"answers. On a decision, a step other than the one the pathway marks needs a typed reason; in "
	"training, nothing is highlighted on arrival and a commitment needs y to a question that "
	"names the step; q at an endpoint asks whether to finish and record it.";

const char *keys_input_rule(void)
{
	return input_rule;
}

const struct key_binding *keys_table(size_t *n)
{
	*n = sizeof(table) / sizeof(table[0]);
	return table;
}

static enum ui_action lookup(int code)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		for (int k = 0; k < KEYS_MAX_CODES && table[i].codes[k]; k++)
			if (table[i].codes[k] == code)
				return table[i].action;
	return UI_NONE;
}

enum ui_action keys_lookup_key(int code)
{
	if (code == KEY_RESIZE)
		return UI_RESIZE;
	return code > 0 ? lookup(FK(code)) : UI_NONE;
}

enum ui_action keys_lookup_char(long ch)
{
	enum ui_action a;

	if (ch <= 0 || ch > 0x10ffff)
		return UI_NONE;
	a = ch < 0x80 ? lookup((int)ch) : UI_NONE;
	if (a != UI_NONE)
		return a;
	if (ch >= ' ' && iswprint((wint_t)ch))
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
	fputs(".PP\n", out);
	man_text(out, input_rule);
	fputc('\n', out);
}
