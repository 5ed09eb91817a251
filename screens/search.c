/* SPDX-License-Identifier: Apache-2.0 */
/* The screen search. The drawn lines are read as the paragraphs they came from: a line that
 * continues a wrapped paragraph joins the one before with the space the wrap dropped (or with
 * nothing where it cut a word), so a phrase broken by wrapping is found, and highlighted on both
 * lines. Runs of spaces count as one; ASCII letters match either case. */
#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"
#include "ui.h"

#define NOT_DRAWN SIZE_MAX /* a joining space: no byte of any line */

/* The text of a document as one string, with where each byte of it is drawn. */
struct flat {
	struct strbuf text;
	size_t *line, *off; /* per byte of text */
	size_t line_cap, off_cap;
};

static void flat_add(struct flat *f, char c, size_t line, size_t off)
{
	f->line = xgrow(f->line, &f->line_cap, f->text.len + 1, sizeof(*f->line));
	f->off = xgrow(f->off, &f->off_cap, f->text.len + 1, sizeof(*f->off));
	f->line[f->text.len] = line;
	f->off[f->text.len] = off;
	sb_append_char(&f->text, c);
}

static bool last_is_space(const struct flat *f)
{
	return f->text.len > 0 && sb_str(&f->text)[f->text.len - 1] == ' ';
}

/* Every line without its leading spaces (indent and hanging indent), joined as its paragraph
 * joins it: '\n' between paragraphs, which no search text holds. */
static void flatten(const struct ui_doc *d, struct flat *f)
{
	memset(f, 0, sizeof(*f));
	for (size_t i = 0; i < d->count; i++) {
		const char *t = d->lines[i].text;
		size_t k = 0;

		while (t[k] == ' ')
			k++;
		if (i > 0 && d->lines[i].join == DOC_NEW)
			flat_add(f, '\n', NOT_DRAWN, 0);
		else if (i > 0 && d->lines[i].join == DOC_SPACE && !last_is_space(f))
			flat_add(f, ' ', NOT_DRAWN, 0);
		for (; t[k]; k++)
			if (t[k] != ' ' || !last_is_space(f))
				flat_add(f, t[k], i, k);
	}
}

static void flat_free(struct flat *f)
{
	sb_free(&f->text);
	free(f->line);
	free(f->off);
}

static char fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The search text as matched: white space runs as one space, none at either end. */
static char *normalised(const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	char *out;
	size_t len;

	for (const char *p = text; *p; p++) {
		bool space = *p == ' ' || *p == '\t';

		if (space && (sb.len == 0 || sb_str(&sb)[sb.len - 1] == ' '))
			continue;
		sb_append_char(&sb, space ? ' ' : *p);
	}
	out = sb_take(&sb);
	len = strlen(out);
	while (len > 0 && out[len - 1] == ' ')
		out[--len] = '\0';
	return out;
}

/* Where the matches start in f (bytes of f->text), not overlapping; *n receives the count. */
static size_t *find_all(const struct flat *f, const char *needle, size_t *n)
{
	size_t m = strlen(needle), cap = 0, *at = NULL;
	const char *t = sb_str(&f->text);

	*n = 0;
	if (m == 0)
		return NULL;
	for (size_t i = 0; i + m <= f->text.len; i++) {
		size_t k = 0;

		while (k < m && fold(t[i + k]) == fold(needle[k]))
			k++;
		if (k < m)
			continue;
		at = xgrow(at, &cap, *n + 1, sizeof(*at));
		at[(*n)++] = i;
		i += m - 1;
	}
	return at;
}

/* The matches of the last search in d; *n receives the count. Caller frees the array and f. */
static size_t *matches(const struct search *s, const struct ui_doc *d, struct flat *f, size_t *n)
{
	char *needle = normalised(s->last ? s->last : "");
	size_t *at;

	flatten(d, f);
	at = find_all(f, needle, n);
	free(needle);
	return at;
}

/* The first and last document line of the match at flat byte `at` (len bytes). */
static void match_lines(const struct flat *f, size_t at, size_t len, size_t *first, size_t *last)
{
	*first = *last = f->line[at];
	for (size_t i = at; i < at + len; i++)
		if (f->line[i] != NOT_DRAWN)
			*last = f->line[i];
}

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
			char *text = normalised(lineedit_text(&s->edit));

			free(s->last);
			s->last = text[0] ? text : NULL;
			if (!text[0])
				free(text);
			s->showing = false; /* a new search, not the next match of the last one */
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

/* Makes match `which` (modulo their number) the current one; when it is not in the rows shown
 * from *top, scrolls to put it on the top line, as less does (the walk clamps the end). False
 * when there is no match. */
static bool show_match(struct search *s, const struct ui_doc *d, size_t which, size_t *top, size_t rows)
{
	struct flat f;
	size_t n, first, last, *at = matches(s, d, &f, &n);

	if (n > 0) {
		s->current = which % n;
		match_lines(&f, at[s->current], strlen(s->last), &first, &last);
		if (first < *top || last >= *top + rows)
			*top = first;
	}
	s->showing = n > 0;
	free(at);
	flat_free(&f);
	return n > 0;
}

bool search_go(struct search *s, const struct ui_doc *d, size_t *top, size_t rows)
{
	struct flat f;
	size_t n, first, last, which = 0, *at;

	if (!s->last)
		return false;
	at = matches(s, d, &f, &n);
	/* A new search starts at the top line shown (as less does); repeating it goes on from the
	 * match shown. */
	for (size_t i = 0; i < n; i++) {
		match_lines(&f, at[i], strlen(s->last), &first, &last);
		if (first >= *top) {
			which = i;
			break;
		}
	}
	if (s->showing && n > 0)
		which = s->current + 1;
	free(at);
	flat_free(&f);
	return show_match(s, d, which, top, rows);
}

bool search_step(struct search *s, const struct ui_event *ev, const struct ui_doc *d, size_t *top, size_t rows)
{
	if (!s->showing)
		return false;
	if (ev->action == UI_CANCEL) {
		s->showing = false; /* and Esc still does what it does on the screen (closes the help) */
		return false;
	}
	if (ev->action != UI_NO || (ev->ch != 'n' && ev->ch != 'N'))
		return false;
	show_match(s, d, ev->ch == 'n' ? s->current + 1 : s->current + search_count(s, d) - 1, top, rows);
	return true;
}

size_t search_count(const struct search *s, const struct ui_doc *d)
{
	struct flat f;
	size_t n, *at = matches(s, d, &f, &n);

	free(at);
	flat_free(&f);
	return n;
}

void search_mark(struct search *s, struct ui_doc *d)
{
	struct flat f;
	size_t n, len, *at;

	if (!s->showing)
		return;
	at = matches(s, d, &f, &n);
	len = s->last ? strlen(s->last) : 0;
	if (n == 0)
		s->showing = false;
	else if (s->current >= n)
		s->current = n - 1;
	for (size_t k = 0; k < n; k++) {
		size_t line = NOT_DRAWN, start = 0, end = 0;

		for (size_t i = at[k]; i <= at[k] + len; i++) {
			bool done = i == at[k] + len;

			if (!done && f.line[i] == NOT_DRAWN)
				continue;
			if (line != NOT_DRAWN && (done || f.line[i] != line))
				doc_mark(d, line, start, end, k == s->current);
			if (done)
				break;
			if (f.line[i] != line) {
				line = f.line[i];
				start = f.off[i];
			}
			end = f.off[i] + 1;
		}
	}
	free(at);
	flat_free(&f);
}

char *search_status(const struct search *s, const struct ui_doc *d)
{
	size_t n = search_count(s, d);

	if (!s->showing || n == 0)
		return xasprintf("\"%s\" is not on this screen", s->last ? s->last : "");
	return xasprintf("Found \"%s\": %zu of %zu (n next, N previous, Esc clears)", s->last, s->current + 1, n);
}

const char *search_text(const struct search *s)
{
	return s->last;
}

bool search_showing(const struct search *s)
{
	return s->showing;
}

void search_hide(struct search *s)
{
	s->showing = false;
}

void search_free(struct search *s)
{
	lineedit_free(&s->edit);
	free(s->last);
	s->last = NULL;
	free(s->prompt);
	s->prompt = NULL;
	s->showing = false;
}
