/* SPDX-License-Identifier: Apache-2.0 */
/* The form: one text field per line, Enter moves to the next field and, on the last, submits. */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "lineedit.h"
#include "screen.h"
#include "ui.h"

struct form {
	const char *title, *intro;
	const struct pathway *about; /* F1 shows it; NULL: no about page */
	bool showing_about;
	struct form_field *fields;
	size_t count, focus;
	struct lineedit *text;
	bool asking;        /* Esc asked whether to leave */
	char *message;
	bool message_error;
};

static void set_message(struct form *f, bool error, char *message)
{
	free(f->message);
	f->message = message;
	f->message_error = error;
}

static void draw(struct form *f)
{
	struct ui_frame frame = { .title = f->title, .current_stage = -1, .node_id = "start" };
	struct ui_doc body;
	struct layout l;
	size_t top = 0, pane_top = 0;

	if (!ui_begin_page(&l, &body))
		return;
	if (f->showing_about) {
		screen_about(f->about, &body);
		frame.hints = "any key: back to the form";
		ui_draw(&l, &frame, &body, &top, NULL, &pane_top);
		doc_free(&body);
		return;
	}
	if (f->intro) {
		doc_add(&body, 0, NULL, ST_NORMAL, f->intro, ST_NORMAL, 0);
		doc_blank(&body);
	}
	for (size_t i = 0; i < f->count; i++) {
		const struct form_field *fld = &f->fields[i];
		bool here = i == f->focus;
		char *label = xasprintf("%s%s:", fld->label, fld->required ? " (required)" : " (optional)");
		size_t col;
		char *box = lineedit_box(&f->text[i], body.width > 2 ? body.width - 2 : 1, &col);

		doc_add(&body, 0, NULL, here ? ST_HEADING : ST_NORMAL, label, here ? ST_HEADING : ST_NORMAL, (int)i + 1);
		doc_add(&body, 2, NULL, here ? ST_FOCUS : ST_FIELD, box, here ? ST_FOCUS : ST_FIELD, (int)i + 1);
		if (here && !f->asking)
			doc_set_cursor(&body, 2 + col);
		if (fld->hint)
			doc_add(&body, 2, NULL, ST_DIM, fld->hint, ST_DIM, (int)i + 1);
		doc_blank(&body);
		free(label);
		free(box);
	}
	body.focus = (int)f->focus + 1;
	frame.hints = f->asking ? "y:leave  n:stay"
		      : f->about ? "Enter:next field / start  Tab/Up/Down:field  Left/Right/Home/End  F1:about  Esc:leave"
				 : "Enter:next field / start  Tab/Up/Down:field  Left/Right/Home/End  Esc:leave";
	frame.message = f->asking ? "Leave without going on? What was typed here is not kept. (y/n)" : f->message;
	frame.message_error = f->asking ? false : f->message_error;
	ui_draw(&l, &frame, &body, &top, NULL, &pane_top);
	doc_free(&body);
}

/* Enter: the next field, or submit from the last when every required field has text. */
static bool enter(struct form *f)
{
	if (f->focus + 1 < f->count) {
		f->focus++;
		return false;
	}
	for (size_t i = 0; i < f->count; i++)
		if (f->fields[i].required && lineedit_text(&f->text[i])[strspn(lineedit_text(&f->text[i]), " ")] == '\0') {
			f->focus = i;
			set_message(f, true, xasprintf("%s is required", f->fields[i].label));
			return false;
		}
	return true;
}

/* A key for the focused field's editor; false when it is not an editing key. */
static bool edit(struct form *f, const struct ui_event *ev)
{
	switch (lineedit_key(&f->text[f->focus], ev)) {
	case LINEEDIT_FULL:
		set_message(f, true, xasprintf("%s: at most %zu characters", f->fields[f->focus].label,
					       f->fields[f->focus].max_chars));
		return true;
	case LINEEDIT_CHANGED:
		return true;
	default:
		return false;
	}
}

/* The answer to "Leave without going on?": true when the form is left. */
static bool leave_answer(struct form *f, const struct ui_event *ev)
{
	if (ev->action == UI_YES)
		return true;
	if (ev->action == UI_NO || ev->action == UI_CANCEL)
		f->asking = false;
	return false;
}

/* Strips leading and trailing spaces. */
static char *finished_text(const struct lineedit *t)
{
	const char *s = lineedit_text(t);
	size_t len;

	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return len ? xstrndup(s, len) : NULL;
}

enum form_result form_run(const char *title, const char *intro, const char *message, struct form_field *fields,
			  size_t count)
{
	return form_run_about(title, intro, message, fields, count, NULL);
}

enum form_result form_run_about(const char *title, const char *intro, const char *message,
				struct form_field *fields, size_t count, const struct pathway *about)
{
	struct form f = { .title = title, .intro = intro, .about = about, .fields = fields, .count = count };
	enum form_result result = FORM_DONE;
	bool done = false, dirty = true;

	f.text = xcalloc(count + 1, sizeof(*f.text));
	for (size_t i = 0; i < count; i++)
		lineedit_init(&f.text[i], fields[i].value, fields[i].max_chars);
	if (message)
		set_message(&f, true, xstrdup(message));
	while (!done) {
		struct ui_event ev;

		if (ui_termination_signal()) {
			result = FORM_SIGNAL;
			break;
		}
		if (ui_take_interrupt()) {
			result = FORM_CANCELLED;
			break;
		}
		if (dirty)
			draw(&f);
		ev = ui_read();
		dirty = ev.action != UI_NONE;
		if (ev.action != UI_NONE && ev.action != UI_RESIZE)
			set_message(&f, false, NULL);
		if (f.showing_about && ev.action != UI_NONE && ev.action != UI_RESIZE && ev.action != UI_INTERRUPT) {
			f.showing_about = false; /* any key returns to the form */
			continue;
		}
		if (f.about && ev.action == UI_HELP && ev.ch == 0) {
			f.showing_about = true;
			continue;
		}
		if (ev.action == UI_RESIZE || ev.action == UI_REDRAW) {
			ui_invalidate();
			continue;
		}
		if (ev.action == UI_INTERRUPT) {
			result = FORM_CANCELLED;
			break;
		}
		if (f.asking) {
			if (leave_answer(&f, &ev)) {
				result = FORM_CANCELLED;
				done = true;
			}
			continue;
		}
		if (ev.action != UI_MOUSE && edit(&f, &ev))
			continue; /* every printable key is text here, letters bound to moves too */
		switch (ev.action) {
		case UI_CONFIRM: done = enter(&f); break;
		case UI_NEXT_FIELD:
		case UI_DOWN: f.focus = (f.focus + 1) % count; break;
		case UI_PREV_FIELD:
		case UI_UP: f.focus = (f.focus + count - 1) % count; break;
		case UI_CANCEL: f.asking = true; break; /* never leaves silently */
		default:
			break;
		}
	}
	for (size_t i = 0; i < count; i++) {
		free(fields[i].value);
		fields[i].value = result == FORM_DONE ? finished_text(&f.text[i]) : NULL;
		lineedit_free(&f.text[i]);
	}
	free(f.text);
	free(f.message);
	return result;
}

void form_free(struct form_field *fields, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(fields[i].value);
		fields[i].value = NULL;
	}
}
