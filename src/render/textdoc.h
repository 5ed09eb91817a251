/* SPDX-License-Identifier: Apache-2.0 */
/* Printable plain-text documents (the log and the training report): text is sanitized and wrapped
 * into blocks of lines at most 80 columns wide, then paginated into pages of at most 65 lines, each
 * with a running header on top and a "page N of M" footer, ended by a form feed and never padded:
 * on a 66-line page the form feed comes before the printer's own page end, so no sheet is wasted.
 * Pagination never splits a block marked keep when it fits on one page. */
#ifndef PATHWALK_TEXTDOC_H
#define PATHWALK_TEXTDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "utf8.h"

struct strbuf;

#define TEXTDOC_WIDTH 80
#define TEXTDOC_PAGE_LINES 65 /* header and footer included; the paper has 66 */

struct textdoc_block {
	struct utf8_lines lines;
	bool keep;           /* never split across pages when it fits on one */
	bool keep_with_next; /* a heading: moves to the next page with the start of what follows */
	int space_before;    /* blank lines before it, except at the top of a page */
	bool new_page;       /* starts a new page (unless the page is still empty) */
};

struct textdoc {
	struct textdoc_block *blocks;
	size_t count, cap;
};

/* Appends a new empty block to d and returns it (valid until the next textdoc_block call). */
struct textdoc_block *textdoc_block(struct textdoc *d, bool keep, int space_before);

/* Appends text (any free text: it is sanitized here) wrapped to the page, indented by indent
 * columns; label (ASCII) starts the first line and continuation lines hang under the text after it.
 * label may be NULL; text NULL appends an empty line. */
void textdoc_put(struct textdoc_block *b, size_t indent, const char *label, const char *text);

/* As textdoc_put with a formatted text; the arguments are inserted before sanitizing, so any of
 * them may be free text. */
void textdoc_putf(struct textdoc_block *b, size_t indent, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Appends a line of width copies of c (at most TEXTDOC_WIDTH). */
void textdoc_rule(struct textdoc_block *b, char c, size_t width);

/* Appends a section heading: 2 blank lines, title, a rule of '-' under it; kept with what follows. */
void textdoc_section(struct textdoc *d, const char *title);

/* Appends title (free text) underlined with '=' as a new block at the top of d. */
void textdoc_title(struct textdoc *d, const char *title);

/* Appends d to out as pages, each starting with the lines of running (cut to 4 lines with "...")
 * and a rule, ending with a "page N of M" footer. Frees d and running. */
void textdoc_render(struct textdoc *d, struct textdoc_block *running, struct strbuf *out);

#endif
