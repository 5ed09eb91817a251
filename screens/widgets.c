/* SPDX-License-Identifier: Apache-2.0 */
/* The input widgets. Keys: a number or date field starts taking text at a digit or '-' and then
 * takes every printable key (a line editor) until Enter, Tab, Up, Down or Esc, so digits (and
 * letters typed by mistake) never trigger shortcuts; lists follow the input rule (widgets.h). */
#include "widgets.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "wrap.h"

static const struct pw_variable *var_of(const struct screen_ctx *ctx, const struct widget *w)
{
	return &ctx->pw->vars[w->var];
}

static size_t option_count(const struct pathway *pw, const struct widget *w)
{
	const struct pw_variable *v = &pw->vars[w->var];

	return v->type == TYPE_BOOL ? 2 : v->noptions;
}

void widget_open(struct widget *w, struct session *s, int var)
{
	const struct value *now = session_answer(s, var);

	memset(w, 0, sizeof(*w));
	w->var = var;
	w->cursor = -1;
	if (now->type == TYPE_NONE) {
		struct value def = session_initial_value(s, var);

		if (def.type != TYPE_NONE)
			session_set_answer(s, var, def);
	}
}

void widget_close(struct widget *w)
{
	lineedit_free(&w->edit);
}

bool widget_answered(const struct widget *w, const struct session *s)
{
	return value_answered(session_answer(s, w->var));
}

void widget_focus(struct widget *w, const struct session *s, int dir)
{
	const struct pathway *pw = session_pathway(s);
	const struct value *now = session_answer(s, w->var);
	int n = (int)option_count(pw, w);

	switch (pw->vars[w->var].type) {
	case TYPE_BOOL:
	case TYPE_CHOICE:
		/* The marked answer, or nothing: a reflex Enter on arrival must not answer. */
		if (now->type == TYPE_BOOL)
			w->cursor = now->u.b ? 0 : 1;
		else
			w->cursor = now->type == TYPE_CHOICE ? now->u.choice : -1;
		break;
	case TYPE_SET:
		w->cursor = dir < 0 ? n : 0; /* n is "None of these" */
		break;
	default:
		break;
	}
}

static void set_answer(struct widget *w, struct screen_ctx *ctx, struct value v)
{
	if (session_set_answer(ctx->s, w->var, v) != SESSION_OK)
		screen_message(ctx, true, "%s", session_message(ctx->s));
	else
		screen_message(ctx, false, NULL);
}

/* Parses the typed text of a number or date field and sets the answer; false with a message when
 * the text is not acceptable (the field keeps the text so it can be corrected). */
static bool commit_text(struct widget *w, struct screen_ctx *ctx)
{
	const struct pw_variable *v = var_of(ctx, w);
	const char *text = lineedit_text(&w->edit);

	if (v->type == TYPE_INT) {
		char *end;
		long n;

		errno = 0;
		n = strtol(text, &end, 10);
		if (text[0] == '\0' || *end != '\0' || errno != 0 || text[0] == '+' || text[0] == ' ') {
			screen_message(ctx, true, "'%s' is not a whole number: type a number from %ld to %ld",
				       text, v->min, v->max);
			return false;
		}
		if (n < v->min || n > v->max) {
			screen_message(ctx, true, "%ld is out of range: type a number from %ld to %ld", n, v->min,
				       v->max);
			return false;
		}
		if (session_set_answer(ctx->s, w->var, value_int(n)) != SESSION_OK) {
			screen_message(ctx, true, "%s", session_message(ctx->s));
			return false;
		}
	} else {
		long days;

		if (date_parse(text, &days) != 0) {
			screen_message(ctx, true, "'%s' is not a date: type YYYY-MM-DD, e.g. 2025-02-17", text);
			return false;
		}
		if (session_set_answer(ctx->s, w->var, value_date(days)) != SESSION_OK) {
			screen_message(ctx, true, "%s", session_message(ctx->s));
			return false;
		}
	}
	w->typing = false;
	lineedit_free(&w->edit);
	screen_message(ctx, false, NULL);
	return true;
}

/* The longest text a number or date field takes. */
#define TEXT_FIELD_CHARS 24

/* Starts editing the field's answer as text (Backspace or Left on an answered field). */
static void edit_answer(struct widget *w, struct screen_ctx *ctx)
{
	char *text = pathway_format_value_ids(ctx->pw, w->var, session_answer(ctx->s, w->var));
	struct strbuf digits = STRBUF_INIT;

	/* format_value_ids quotes dates: keep the digits and dashes only */
	for (const char *p = text; *p; p++)
		if ((*p >= '0' && *p <= '9') || *p == '-')
			sb_append_char(&digits, *p);
	lineedit_init(&w->edit, sb_str(&digits), TEXT_FIELD_CHARS);
	sb_free(&digits);
	free(text);
	w->typing = true;
}

static enum widget_result typing_key(struct widget *w, struct screen_ctx *ctx, const struct ui_event *ev)
{
	switch (ev->action) {
	case UI_CONFIRM:
		return commit_text(w, ctx) ? WIDGET_DONE : WIDGET_HANDLED;
	case UI_NEXT_FIELD:
	case UI_DOWN:
		if (ev->ch == 0)
			return commit_text(w, ctx) ? WIDGET_NEXT : WIDGET_HANDLED;
		break;
	case UI_PREV_FIELD:
	case UI_UP:
		if (ev->ch == 0)
			return commit_text(w, ctx) ? WIDGET_PREV : WIDGET_HANDLED;
		break;
	case UI_CANCEL:
		w->typing = false;
		lineedit_free(&w->edit);
		screen_message(ctx, false, NULL);
		return WIDGET_HANDLED;
	case UI_INTERRUPT:
		return WIDGET_IGNORED;
	default:
		break;
	}
	switch (lineedit_key(&w->edit, ev)) {
	case LINEEDIT_FULL:
		screen_message(ctx, true, "At most %d characters", TEXT_FIELD_CHARS);
		return WIDGET_HANDLED;
	case LINEEDIT_CHANGED:
		return WIDGET_HANDLED;
	default:
		return WIDGET_IGNORED;
	}
}

static enum widget_result text_key(struct widget *w, struct screen_ctx *ctx, const struct ui_event *ev)
{
	if (w->typing)
		return typing_key(w, ctx, ev);
	if ((ev->ch >= '0' && ev->ch <= '9') || ev->ch == '-') {
		w->typing = true;
		lineedit_init(&w->edit, NULL, TEXT_FIELD_CHARS);
		lineedit_key(&w->edit, ev);
		screen_message(ctx, false, NULL);
		return WIDGET_HANDLED;
	}
	if (ev->ch == 'n' && var_of(ctx, w)->optional) {
		set_answer(w, ctx, value_not_recorded()); /* the explicit "not recorded" of an optional field */
		return WIDGET_HANDLED;
	}
	switch (ev->action) {
	case UI_ERASE:
	case UI_LEFT:
	case UI_RIGHT:
		if (ev->ch == 0 && widget_answered(w, ctx->s) && !session_answer(ctx->s, w->var)->not_recorded) {
			edit_answer(w, ctx);
			lineedit_key(&w->edit, ev);
		}
		return WIDGET_HANDLED;
	case UI_CONFIRM:
		if (widget_answered(w, ctx->s))
			return WIDGET_DONE;
		if (var_of(ctx, w)->type == TYPE_INT)
			screen_message(ctx, true, "Type a number from %ld to %ld%s, then Enter", var_of(ctx, w)->min,
				       var_of(ctx, w)->max, var_of(ctx, w)->optional ? " (or n: not recorded)" : "");
		else
			screen_message(ctx, true, "Type the date as YYYY-MM-DD, then Enter");
		return WIDGET_HANDLED;
	case UI_DOWN:
	case UI_NEXT_FIELD:
		return WIDGET_NEXT;
	case UI_UP:
	case UI_PREV_FIELD:
		return WIDGET_PREV;
	default:
		return WIDGET_IGNORED;
	}
}

static void pick(struct widget *w, struct screen_ctx *ctx, int option)
{
	const struct pw_variable *v = var_of(ctx, w);

	w->cursor = option;
	if (v->type == TYPE_BOOL) {
		set_answer(w, ctx, value_bool(option == 0));
	} else if (v->type == TYPE_CHOICE) {
		set_answer(w, ctx, value_choice(option));
	} else if (v->type == TYPE_SET) {
		const struct value *now = session_answer(ctx->s, w->var);
		uint64_t bits = now->type == TYPE_SET ? now->u.set : 0;

		if ((size_t)option == v->noptions) {
			/* "None of these": ticking it confirms the empty set; unticking unanswers. */
			if (now->type == TYPE_SET && bits == 0)
				session_clear_answer(ctx->s, w->var);
			else
				set_answer(w, ctx, value_set(0));
			return;
		}
		bits ^= (uint64_t)1 << option;
		if (bits == 0)
			session_clear_answer(ctx->s, w->var); /* emptied by hand is not "none" */
		else
			set_answer(w, ctx, value_set(bits));
	}
}

/* The option a yes/no or choice field has marked, or -1. */
static int marked_option(const struct widget *w, struct screen_ctx *ctx)
{
	const struct value *now = session_answer(ctx->s, w->var);

	if (now->type == TYPE_BOOL)
		return now->u.b ? 0 : 1;
	return now->type == TYPE_CHOICE ? now->u.choice : -1;
}

/* Enter: confirms what is marked; marks the highlight only in a choice list with nothing marked
 * (its highlight starts on nothing, so the user moved it there). */
static enum widget_result list_confirm(struct widget *w, struct screen_ctx *ctx)
{
	const struct pw_variable *v = var_of(ctx, w);

	if (v->type == TYPE_CHOICE && !widget_answered(w, ctx->s) && w->cursor >= 0)
		pick(w, ctx, w->cursor);
	if (widget_answered(w, ctx->s)) {
		int marked = v->type == TYPE_SET ? -1 : marked_option(w, ctx);

		if (marked >= 0 && w->cursor >= 0 && w->cursor != marked)
			screen_message(ctx, false, "Kept the marked answer: %s (Space marks the highlighted one)",
				       v->type == TYPE_BOOL ? (marked == 0 ? "Yes" : "No") : v->options[marked].label);
		return WIDGET_DONE;
	}
	if (v->type == TYPE_SET)
		screen_message(ctx, true, "Tick what applies with Space, or tick \"None of these\"");
	else if (v->type == TYPE_BOOL)
		screen_message(ctx, true, "Answer y or n");
	else
		screen_message(ctx, true, "Choose one: its number, or highlight it and press Space or Enter");
	return WIDGET_HANDLED;
}

static enum widget_result list_key(struct widget *w, struct screen_ctx *ctx, const struct ui_event *ev)
{
	const struct pw_variable *v = var_of(ctx, w);
	int last = (int)option_count(ctx->pw, w) - (v->type == TYPE_SET ? 0 : 1);

	switch (ev->action) {
	case UI_UP:
		if (w->cursor <= 0)
			return WIDGET_PREV;
		w->cursor--;
		return WIDGET_HANDLED;
	case UI_DOWN:
		if (w->cursor >= last)
			return WIDGET_NEXT;
		w->cursor++;
		return WIDGET_HANDLED;
	case UI_LEFT:
	case UI_RIGHT:
		if (v->type != TYPE_BOOL)
			return WIDGET_IGNORED;
		w->cursor = ev->action == UI_LEFT ? 0 : 1;
		return WIDGET_HANDLED;
	case UI_YES:
	case UI_NO:
		if (v->type != TYPE_BOOL)
			return WIDGET_IGNORED;
		pick(w, ctx, ev->action == UI_YES ? 0 : 1);
		return WIDGET_HANDLED;
	case UI_PICK:
		if (ev->ch - '1' >= (long)option_count(ctx->pw, w))
			screen_message(ctx, true, "There is no option %ld here", ev->ch - '0');
		else
			pick(w, ctx, (int)(ev->ch - '1'));
		return WIDGET_HANDLED;
	case UI_TOGGLE:
		if (w->cursor >= 0)
			pick(w, ctx, w->cursor);
		else
			screen_message(ctx, true, "Highlight an option with the arrow keys first");
		return WIDGET_HANDLED;
	case UI_CONFIRM:
		return list_confirm(w, ctx);
	case UI_NEXT_FIELD:
		return WIDGET_NEXT;
	case UI_PREV_FIELD:
		return WIDGET_PREV;
	default:
		return WIDGET_IGNORED;
	}
}

enum widget_result widget_key(struct widget *w, struct screen_ctx *ctx, const struct ui_event *ev)
{
	enum value_type type = var_of(ctx, w)->type;

	if (type == TYPE_INT || type == TYPE_DATE)
		return text_key(w, ctx, ev);
	return list_key(w, ctx, ev);
}

enum widget_result widget_click(struct widget *w, struct screen_ctx *ctx, int option)
{
	enum value_type type = var_of(ctx, w)->type;

	if (option < 0 || type == TYPE_INT || type == TYPE_DATE)
		return WIDGET_HANDLED;
	pick(w, ctx, option);
	return WIDGET_HANDLED;
}

/* "(0-10 /10)" style description of what a field accepts. */
static char *accepted(const struct screen_ctx *ctx, const struct widget *w)
{
	const struct pw_variable *v = var_of(ctx, w);

	switch (v->type) {
	case TYPE_INT:
		return xasprintf("%ld%s%ld%s%s", v->min, doc_glyph(GL_DASH), v->max, v->unit ? " " : "",
				 v->unit ? v->unit : "");
	case TYPE_DATE:
		return xstrdup("YYYY-MM-DD");
	case TYPE_BOOL:
		return xstrdup("y/n");
	case TYPE_SET:
		return xstrdup("tick all that apply");
	default:
		return xstrdup("choose one");
	}
}

void widget_draw(struct widget *w, struct screen_ctx *ctx, bool focused, int base, struct ui_doc *d)
{
	const struct pw_variable *v = var_of(ctx, w);
	const struct value *now = session_answer(ctx->s, w->var);
	char *kind = accepted(ctx, w), *prompt = xasprintf("%s (%s)", v->prompt, kind);
	const char *pointer = focused ? doc_glyph(GL_POINTER) : " ";
	char *lead = xasprintf("%s ", pointer);

	doc_add(d, 0, lead, focused ? ST_HEADING : ST_NORMAL, prompt, focused ? ST_HEADING : ST_NORMAL, base);
	free(lead);
	free(prompt);
	free(kind);
	if (v->type == TYPE_INT || v->type == TYPE_DATE) {
		char *shown;
		size_t col = 0;

		if (w->typing)
			shown = lineedit_box(&w->edit, TEXT_FIELD_CHARS + 4, &col);
		else if (now->not_recorded)
			shown = xstrdup("[ not recorded ]");
		else if (now->type != TYPE_NONE) {
			char *value = pathway_format_value_ids(ctx->pw, w->var, now);
			/* dates come quoted from format_value_ids */
			if (value[0] == '"') {
				memmove(value, value + 1, strlen(value));
				value[strlen(value) - 1] = '\0';
			}
			shown = xasprintf("[ %s ]", value);
			free(value);
		} else
			shown = xstrdup("[      ]");
		doc_add(d, 4, NULL, ST_NORMAL, shown, focused ? ST_FOCUS : ST_FIELD, base);
		if (w->typing)
			doc_set_cursor(d, 4 + col);
		if (v->optional)
			doc_add(d, 4, NULL, ST_DIM, "n: not recorded", ST_DIM, base);
		if (focused)
			d->focus = base;
		free(shown);
		return;
	}
	if (v->type == TYPE_BOOL) {
		bool yes = now->type == TYPE_BOOL && now->u.b, no = now->type == TYPE_BOOL && !now->u.b;
		char *yes_text = xasprintf("%s Yes", doc_glyph(yes ? GL_RADIO_ON : GL_RADIO_OFF));
		char *no_text = xasprintf("%s No", doc_glyph(no ? GL_RADIO_ON : GL_RADIO_OFF));

		/* Two targets on one row would need columns; one line each keeps clicks simple. */
		doc_add(d, 4, NULL, ST_NORMAL, yes_text,
			focused && w->cursor == 0 ? ST_FOCUS : yes ? ST_CHOSEN : ST_NORMAL, base + 1);
		doc_add(d, 4, NULL, ST_NORMAL, no_text,
			focused && w->cursor == 1 ? ST_FOCUS : no ? ST_CHOSEN : ST_NORMAL, base + 2);
		free(yes_text);
		free(no_text);
		if (focused)
			d->focus = w->cursor >= 0 ? base + 1 + w->cursor : base + 1;
		return;
	}
	for (size_t i = 0; i <= v->noptions; i++) {
		bool chosen, cursor = focused && w->cursor == (int)i;
		const char *label;
		char *mark, digit[3] = "  "; /* options 1-9 carry their digit: the key that marks them */

		if (i == v->noptions) {
			if (v->type != TYPE_SET)
				break;
			chosen = now->type == TYPE_SET && now->u.set == 0;
			label = "None of these";
		} else {
			chosen = v->type == TYPE_SET ? now->type == TYPE_SET && (now->u.set >> i & 1)
						     : now->type == TYPE_CHOICE && now->u.choice == (int)i;
			label = v->options[i].label;
		}
		if (i < 9 && i < v->noptions)
			digit[0] = (char)('1' + i);
		mark = xasprintf("%s%s ", digit, doc_glyph(v->type == TYPE_SET ? (chosen ? GL_BOX_ON : GL_BOX_OFF)
									: (chosen ? GL_RADIO_ON : GL_RADIO_OFF)));
		doc_add(d, 4, mark, cursor ? ST_FOCUS : chosen ? ST_CHOSEN : ST_NORMAL, label,
			cursor ? ST_FOCUS : chosen ? ST_CHOSEN : ST_NORMAL, base + 1 + (int)i);
		free(mark);
	}
	if (focused)
		d->focus = w->cursor >= 0 ? base + 1 + w->cursor : base;
}

void widget_describe(const struct widget *w, struct screen_ctx *ctx, struct ui_doc *pane)
{
	const struct pw_variable *v = var_of(ctx, w);
	char *kind = accepted(ctx, w);

	doc_add(pane, 0, NULL, ST_HEADING, v->prompt, ST_HEADING, 0);
	if (v->help)
		doc_add(pane, 2, NULL, ST_NORMAL, v->help, ST_NORMAL, 0);
	if (ctx->ids)
		doc_addf(pane, 2, ST_DIM, "Variable %s: %s", v->id, kind);
	else
		doc_addf(pane, 2, ST_DIM, "Answer: %s", kind);
	if (v->type == TYPE_SET)
		doc_add(pane, 2, NULL, ST_DIM,
			"An untouched checklist is not an answer: tick what applies, or tick \"None of these\" "
			"to record that none does. Ticking an item takes \"None of these\" back; unticking "
			"\"None of these\" leaves the field unanswered.",
			ST_DIM, 0);
	free(kind);
}

const char *widget_hints(const struct widget *w)
{
	if (w->typing)
		return "Typing: Enter set  Esc undo  Left/Right/Home/End  Tab next  Ctrl-C quit";
	return NULL;
}
