/* SPDX-License-Identifier: Apache-2.0 */
/* The line editor. Positions are byte offsets kept on UTF-8 character boundaries; widths are
 * display columns (wrap.h), so CJK text scrolls by whole characters, and without UTF-8 the columns
 * of the ASCII drawn for the text. */
#include "lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"
#include "ascii.h"
#include "ui.h"
#include "wrap.h"

void lineedit_init(struct lineedit *le, const char *text, size_t max_chars)
{
	memset(le, 0, sizeof(*le));
	le->max_chars = max_chars;
	sb_append(&le->text, text ? text : "");
	le->cursor = le->text.len;
}

void lineedit_free(struct lineedit *le)
{
	sb_free(&le->text);
	memset(le, 0, sizeof(*le));
}

const char *lineedit_text(const struct lineedit *le)
{
	return sb_str(&le->text);
}

/* The start of the character (with its combining marks) before byte offset at. */
static size_t prev_char(const char *s, size_t at)
{
	return utf8_cluster_before(s, at);
}

/* The end of the character (with its combining marks) at byte offset at. */
static size_t next_char(const char *s, size_t len, size_t at)
{
	size_t step = wrap_fit(s + at, len - at, 1, NULL);

	if (step == 0 && at < len) { /* a wide character does not fit in 1 column: take it whole */
		long cp;

		step = wrap_decode(s + at, len - at, &cp);
	}
	return at + step;
}

/* Columns that bytes [0, len) of s take as drawn: without UTF-8 the terminal shows their ASCII
 * transliteration (ascii.h), which can be wider (ß: ss, ±: +/-) or narrower (a combining mark:
 * nothing) than the characters, so the cursor is measured on that. */
static size_t drawn_width(const char *s, size_t len)
{
	char *part, *ascii;
	size_t width;

	if (doc_utf8())
		return wrap_width(s, len);
	part = xstrndup(s, len);
	ascii = ascii_transliterate(part);
	width = strlen(ascii);
	free(part);
	free(ascii);
	return width;
}

/* Bytes of s (len bytes), whole characters, that fit in width columns as drawn; *used receives
 * their columns. */
static size_t drawn_fit(const char *s, size_t len, size_t width, size_t *used)
{
	size_t n = 0, cols = 0;

	if (doc_utf8())
		return wrap_fit(s, len, width, used);
	while (n < len) {
		size_t next = next_char(s, len, n), w = drawn_width(s + n, next - n);

		if (cols + w > width)
			break;
		cols += w;
		n = next;
	}
	*used = cols;
	return n;
}

static void delete_range(struct lineedit *le, size_t from, size_t to)
{
	char *s = le->text.data;

	if (to <= from)
		return;
	memmove(s + from, s + to, le->text.len - to + 1);
	le->text.len -= to - from;
	if (le->cursor > from)
		le->cursor = le->cursor >= to ? le->cursor - (to - from) : from;
	if (le->scroll > from)
		le->scroll = from;
}

static enum lineedit_result insert(struct lineedit *le, long ch)
{
	char buf[4];
	size_t n;

	if (ch < 0x20 || ch == 0x7f || utf8_is_unsafe((unsigned long)ch))
		return LINEEDIT_CHANGED; /* never enters the record; nothing to show either */
	if (le->max_chars && utf8_count(lineedit_text(le)) >= le->max_chars)
		return LINEEDIT_FULL;
	n = wrap_encode(ch, buf);
	if (n == 0)
		return LINEEDIT_CHANGED;
	sb_append_len(&le->text, buf, n); /* grows the buffer; then move the tail to make room */
	memmove(le->text.data + le->cursor + n, le->text.data + le->cursor, le->text.len - n - le->cursor);
	memcpy(le->text.data + le->cursor, buf, n);
	le->cursor += n;
	return LINEEDIT_CHANGED;
}

/* Ctrl-W: the word before the cursor and the spaces after it, as readline's unix-word-rubout. */
static size_t word_start(const char *s, size_t at)
{
	while (at > 0 && s[at - 1] == ' ')
		at--;
	while (at > 0 && s[at - 1] != ' ')
		at--;
	return at;
}

enum lineedit_result lineedit_key(struct lineedit *le, const struct ui_event *ev)
{
	const char *s = lineedit_text(le);
	size_t len = le->text.len;

	if (ev->ch != 0)
		return insert(le, ev->ch);
	switch (ev->action) {
	case UI_LEFT: le->cursor = prev_char(s, le->cursor); break;
	case UI_RIGHT: le->cursor = le->cursor < len ? next_char(s, len, le->cursor) : len; break;
	case UI_TOP:
	case UI_LINE_START: le->cursor = 0; break;
	case UI_BOTTOM:
	case UI_LINE_END: le->cursor = len; break;
	case UI_ERASE: delete_range(le, prev_char(s, le->cursor), le->cursor); break;
	case UI_DELETE: delete_range(le, le->cursor, le->cursor < len ? next_char(s, len, le->cursor) : len); break;
	case UI_KILL_END: delete_range(le, le->cursor, len); break;
	case UI_KILL_START: delete_range(le, 0, le->cursor); break;
	case UI_KILL_WORD: delete_range(le, word_start(s, le->cursor), le->cursor); break;
	default: return LINEEDIT_IGNORED;
	}
	return LINEEDIT_CHANGED;
}

char *lineedit_box(struct lineedit *le, size_t width, size_t *cursor_col)
{
	const char *s = lineedit_text(le);
	size_t len = le->text.len, cols = width > 5 ? width - 4 : 1, shown, used, pad;
	struct strbuf sb = STRBUF_INIT;

	/* Keep the cursor in sight, with a cell for it after the last character. */
	if (le->cursor < le->scroll)
		le->scroll = le->cursor;
	while (le->scroll < le->cursor && drawn_width(s + le->scroll, le->cursor - le->scroll) + 1 > cols)
		le->scroll = next_char(s, len, le->scroll);
	shown = drawn_fit(s + le->scroll, len - le->scroll, cols, &used);
	sb_append(&sb, le->scroll > 0 ? "[<" : "[ ");
	sb_append_len(&sb, s + le->scroll, shown);
	for (pad = used; pad < cols; pad++)
		sb_append_char(&sb, ' ');
	sb_append(&sb, le->scroll + shown < len ? ">]" : " ]");
	*cursor_col = 2 + drawn_width(s + le->scroll, le->cursor - le->scroll);
	return sb_take(&sb);
}
