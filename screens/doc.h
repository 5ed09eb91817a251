/* SPDX-License-Identifier: Apache-2.0 */
/* A screen's content as styled, wrapped lines: what screen modules build (no curses here) and
 * the terminal layer (ui.c) draws, scrolls and hit-tests for mouse clicks. */
#ifndef PATHWALK_DOC_H
#define PATHWALK_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "pathway.h"

enum ui_style {
	ST_NORMAL = 0,
	ST_HEADING,     /* node title, section headings */
	ST_DIM,         /* secondary: ids, hints, unvisited stages */
	ST_FOCUS,       /* the highlighted option / field / candidate */
	ST_CHOSEN,      /* a selected option */
	ST_WARNING,     /* urgent warnings, overrides: never only colour (reverse and bold too) */
	ST_CAUTION,     /* a caution's title: reverse without colour */
	ST_ADVICE,      /* an advice's title: bold */
	ST_OK,          /* a true clause */
	ST_FAIL,        /* a false clause */
	ST_RECOMMENDED, /* the recommended candidate */
	ST_FIELD,       /* an input box */
	ST_ERROR,       /* a message about bad input */
	ST_BAR,         /* top and bottom bars */
	ST_CRUMB_NOW,   /* the current stage */
	ST_CRUMB_DONE,  /* a visited stage */
	ST_COUNT
};

/* Glyphs with ASCII fallbacks for terminals whose locale is not UTF-8. */
enum ui_glyph {
	GL_TRUE, GL_FALSE, GL_UNKNOWN, GL_RADIO_ON, GL_RADIO_OFF, GL_BOX_ON, GL_BOX_OFF,
	GL_POINTER, GL_STAR, GL_SEP, GL_ELLIPSIS, GL_WARN, GL_DASH, GL_MORE_UP, GL_MORE_DOWN,
	GL_RIGHT, GL_WRONG, /* a training verdict */
	GL_COUNT
};

/* Chooses UTF-8 glyphs or their ASCII fallbacks (set once by the terminal layer). */
void doc_set_utf8(bool utf8);
bool doc_utf8(void);
const char *doc_glyph(enum ui_glyph g);

/* A warning's mark and word: "\u26a0 Urgent:", "! Caution:", "\u2139 Advice:", or when ascii is
 * true or doc_set_utf8 chose ASCII, pathway_severity_label's "!! Urgent:", "! Caution:", "i Advice:". */
const char *doc_severity_label(enum pw_severity severity, bool ascii);

/* The style of a warning's title line: ST_WARNING, ST_CAUTION or ST_ADVICE. */
enum ui_style doc_severity_style(enum pw_severity severity);

/* How a line continues the one before it, so that a search finds a phrase the wrap broke. */
enum doc_join {
	DOC_NEW,   /* a new paragraph (or the first line) */
	DOC_SPACE, /* the same paragraph, wrapped at a space that the wrap dropped */
	DOC_TIGHT, /* the same paragraph, cut inside a word or beside a wide character */
};

struct doc_line {
	char *text;          /* owned; the whole line including indent and prefix */
	size_t split;        /* bytes of text drawn in prefix_style; the rest in style */
	enum ui_style prefix_style, style;
	int target;          /* what a click on this line means to the screen; 0 = nothing */
	enum doc_join join;
};

/* Bytes [start, end) of line `line`, drawn highlighted (a search match; the current one bold too). */
struct doc_mark {
	size_t line, start, end;
	bool current;
};

struct ui_doc {
	struct doc_line *lines;
	size_t count, cap;
	size_t width;        /* columns available */
	int focus;           /* target to keep visible when it changes; 0 = none */
	bool has_cursor;     /* a field is taking text: the terminal's cursor goes here */
	size_t cursor_line, cursor_col;
	struct doc_mark *marks; /* in line order; owned */
	size_t nmarks, marks_cap;
};

/* Starts an empty document for width columns (at least 1). */
void doc_init(struct ui_doc *d, size_t width);

/* Frees every line; the document can be reused after doc_init. */
void doc_free(struct ui_doc *d);

/* Adds text wrapped to the width: every line starts with indent spaces, the first with prefix
 * (drawn in prefix_style) and the others with spaces as wide as prefix (a hanging indent). NULL
 * text adds only the prefix. Each line gets target. */
void doc_add(struct ui_doc *d, size_t indent, const char *prefix, enum ui_style prefix_style,
	     const char *text, enum ui_style style, int target);

/* Adds formatted text with no prefix. */
void doc_addf(struct ui_doc *d, size_t indent, enum ui_style style, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Puts the terminal's cursor on the last line added, col columns from its start (the indent
 * included): where typed text goes. */
void doc_set_cursor(struct ui_doc *d, size_t col);

/* Adds an empty line (not two in a row, and none at the top). */
void doc_blank(struct ui_doc *d);

/* Highlights bytes [start, end) of line `line`, as the current match when current is true. */
void doc_mark(struct ui_doc *d, size_t line, size_t start, size_t end, bool current);

/* The first and last line (inclusive) with this target; false when there is none. */
bool doc_find(const struct ui_doc *d, int target, size_t *first, size_t *last);

#endif
