/* SPDX-License-Identifier: Apache-2.0 */
/* Building a screen's content: wrapping by display width with hanging indents. */
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "safeout.h"
#include "strbuf.h"
#include "xalloc.h"
#include "ascii.h"
#include "wrap.h"

static bool use_utf8 = true;

static const char *const glyphs[GL_COUNT][2] = {
	[GL_TRUE] = { "true", "\u2714" },
	[GL_FALSE] = { "false", "\u2718" },
	[GL_UNKNOWN] = { "unknown", "?" },
	[GL_RADIO_ON] = { "(*)", "(\u2022)" },
	[GL_RADIO_OFF] = { "( )", "( )" },
	[GL_BOX_ON] = { "[x]", "[x]" },
	[GL_BOX_OFF] = { "[ ]", "[ ]" },
	[GL_POINTER] = { ">", "\u25b6" },
	[GL_STAR] = { "*", "\u2605" },
	[GL_SEP] = { ">", "\u203a" },
	[GL_ELLIPSIS] = { "...", "\u2026" },
	[GL_WARN] = { "!", "\u26a0" },
	[GL_DASH] = { "-", "\u2013" },
	[GL_MORE_UP] = { "^ more", "\u25b2 more" },
	[GL_MORE_DOWN] = { "v more", "\u25bc more" },
	[GL_RIGHT] = { "[right] ", "\u2714 " },
	[GL_WRONG] = { "[wrong] ", "\u2718 " },
};

const char *doc_severity_label(enum pw_severity severity, bool ascii)
{
	static const char *const utf8[] = { "\u26a0 Urgent:", "! Caution:", "\u2139 Advice:" };

	return use_utf8 && !ascii ? utf8[severity] : pathway_severity_label(severity);
}

enum ui_style doc_severity_style(enum pw_severity severity)
{
	static const enum ui_style styles[] = { [PW_URGENT] = ST_WARNING, [PW_CAUTION] = ST_CAUTION,
						[PW_ADVICE] = ST_ADVICE };

	return styles[severity];
}

void doc_set_utf8(bool utf8)
{
	use_utf8 = utf8;
}

bool doc_utf8(void)
{
	return use_utf8;
}

const char *doc_glyph(enum ui_glyph g)
{
	return glyphs[g][use_utf8 ? 1 : 0];
}

void doc_init(struct ui_doc *d, size_t width)
{
	memset(d, 0, sizeof(*d));
	d->width = width ? width : 1;
}

void doc_free(struct ui_doc *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->lines[i].text);
	free(d->lines);
	free(d->marks);
	memset(d, 0, sizeof(*d));
}

static void push(struct ui_doc *d, char *text, size_t split, enum ui_style pstyle, enum ui_style style,
		 int target, enum doc_join join)
{
	d->lines = xgrow(d->lines, &d->cap, d->count + 1, sizeof(*d->lines));
	d->lines[d->count++] = (struct doc_line){ text, split, pstyle, style, target, join };
}

/* Control characters would move the terminal's cursor: the output filter shows them as text (a
 * second line of defence behind the loaders' checks); tabs and form feeds become spaces. Without
 * UTF-8 the text is then transliterated (ascii.h), so wrapping measures what is drawn. */
static char *printable_copy(const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	char *copy;

	safeout_filter(&sb, text, strlen(text), true);
	copy = sb_take(&sb);
	for (char *p = copy; *p; p++)
		if (*p == '\t' || *p == '\f')
			*p = ' ';
	if (!use_utf8) {
		char *ascii = ascii_transliterate(copy);

		free(copy);
		copy = ascii;
	}
	return copy;
}

void doc_add(struct ui_doc *d, size_t indent, const char *prefix, enum ui_style prefix_style,
	     const char *text, enum ui_style style, int target)
{
	size_t pwidth = prefix ? wrap_width(prefix, strlen(prefix)) : 0;
	size_t avail = d->width > indent + pwidth ? d->width - indent - pwidth : 1;
	struct wrap_lines w = { 0 };
	enum doc_join join;
	char *clean;

	if (avail < 8 && d->width > 8)
		avail = 8; /* a pathological indent: let the line overflow rather than wrap by letters */
	clean = printable_copy(text ? text : "");
	wrap_text(clean, avail, &w);
	for (size_t i = 0; i < w.count; i++) {
		struct strbuf sb = STRBUF_INIT;
		size_t split;

		for (size_t k = 0; k < indent; k++)
			sb_append_char(&sb, ' ');
		if (i == 0 && prefix)
			sb_append(&sb, prefix);
		else
			for (size_t k = 0; k < pwidth; k++)
				sb_append_char(&sb, ' ');
		split = sb.len;
		sb_append_len(&sb, clean + w.lines[i].start, w.lines[i].len);
		if (i == 0 || clean[w.lines[i].start - 1] == '\n')
			join = DOC_NEW;
		else
			join = clean[w.lines[i].start - 1] == ' ' ? DOC_SPACE : DOC_TIGHT;
		push(d, sb_take(&sb), split, prefix_style, style, target, join);
	}
	wrap_lines_free(&w);
	free(clean);
}

void doc_addf(struct ui_doc *d, size_t indent, enum ui_style style, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	doc_add(d, indent, NULL, style, text, style, 0);
	free(text);
}

void doc_set_cursor(struct ui_doc *d, size_t col)
{
	if (d->count == 0)
		return;
	d->has_cursor = true;
	d->cursor_line = d->count - 1;
	d->cursor_col = col;
}

void doc_blank(struct ui_doc *d)
{
	if (d->count == 0 || d->lines[d->count - 1].text[0] == '\0')
		return;
	push(d, xstrdup(""), 0, ST_NORMAL, ST_NORMAL, 0, DOC_NEW);
}

void doc_mark(struct ui_doc *d, size_t line, size_t start, size_t end, bool current)
{
	d->marks = xgrow(d->marks, &d->marks_cap, d->nmarks + 1, sizeof(*d->marks));
	d->marks[d->nmarks++] = (struct doc_mark){ line, start, end, current };
}

bool doc_find(const struct ui_doc *d, int target, size_t *first, size_t *last)
{
	bool found = false;

	if (target == 0)
		return false;
	for (size_t i = 0; i < d->count; i++) {
		if (d->lines[i].target != target)
			continue;
		if (!found)
			*first = i;
		*last = i;
		found = true;
	}
	return found;
}
