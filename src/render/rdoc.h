/* SPDX-License-Identifier: Apache-2.0 */
/* The printable document model: a small tree of headings, key-value tables, term lists, paragraphs,
 * lists, grids, notes and page-break hints that the session log (log_build.h) and the instructor's
 * training report (cohort.h) are built as once, and that each printed format writes with a thin
 * writer (text, Markdown, HTML). Strings are copied in raw: every writer sanitizes and escapes
 * each one for its own format. */
#ifndef PATHWALK_RENDER_RDOC_H
#define PATHWALK_RENDER_RDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

struct strbuf;

enum rdoc_kind {
	RDOC_ROOT,    /* the document: its children */
	RDOC_HEADING, /* text; level 1 (the title), 2 (a section) or 3 (a step or a subsection) */
	RDOC_FIELDS,  /* rows of short labels and their values, aligned */
	RDOC_TERMS,   /* rows of long terms (a question) each with its description (the answer) */
	RDOC_PARA,    /* text; strong for emphasis */
	RDOC_LIST,    /* rows of text (label unused), each at a depth; ordered numbers the top level */
	RDOC_GRID,    /* a table of cells, ncols to a line: the first line is the header, the first
		       * cell of each line its label; a cell is a row (label: a header cell's longer
		       * name, may be NULL) */
	RDOC_NOTE,    /* a box kept on one page: text is its title, children its content */
	RDOC_BREAK,   /* a page-break hint: what follows starts a new page */
};

/* What a note is, for styling (the words of its title carry the meaning in every format). */
enum rdoc_style {
	RDOC_PLAIN,
	RDOC_ALERT,    /* the session is incomplete or interrupted, an integrity warning */
	RDOC_WARNING,  /* a warning shown on the walk */
	RDOC_URGENT,   /* an urgent warning */
	RDOC_DECISION, /* a decision (or a trainee's choice) */
	RDOC_OVERRIDE, /* a decision the clinician overrode */
	RDOC_OUTCOME,  /* the endpoint */
};

struct rdoc_row {
	char *label; /* NULL for list rows */
	char *text;
	int depth;
	bool strong; /* worth a look: a list row marked "!" in text and bold in Markdown and HTML, a
		      * grid cell bold on grey in HTML (its text carries its meaning in every format) */
};

struct rdoc_node {
	enum rdoc_kind kind;
	enum rdoc_style style;
	int level;
	bool strong, ordered;
	size_t ncols; /* a grid's cells to a line */
	char *text;
	struct rdoc_row *rows;
	size_t nrows, rows_cap;
	struct rdoc_node **children;
	size_t nchildren, children_cap;
};

struct rdoc {
	struct rdoc_node root;
	char *title;      /* the document's title (HTML <title>) */
	char *running[2]; /* the running header of a printed page: one or two lines (NULL: none) */
};

/* Makes d an empty document (its root a RDOC_ROOT, no title, no running header). */
void rdoc_init(struct rdoc *d);

/* Appends a child of kind to parent (a RDOC_ROOT or RDOC_NOTE) and returns it; it stays valid. */
struct rdoc_node *rdoc_add(struct rdoc_node *parent, enum rdoc_kind kind);

/* A heading of level (1-3), a paragraph, a note with its title and style, a page-break hint. */
struct rdoc_node *rdoc_heading(struct rdoc_node *parent, int level, const char *text);
struct rdoc_node *rdoc_para(struct rdoc_node *parent, bool strong, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
struct rdoc_node *rdoc_note(struct rdoc_node *parent, enum rdoc_style style, const char *title);
void rdoc_break(struct rdoc_node *parent);

/* Appends a row to a RDOC_FIELDS, RDOC_TERMS or RDOC_LIST node: label (NULL in a list) and a
 * formatted text (NULL text: an empty string). */
void rdoc_row(struct rdoc_node *node, const char *label, const char *text);
void rdoc_rowf(struct rdoc_node *node, const char *label, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Appends a list row at depth (0 = top level). */
void rdoc_item(struct rdoc_node *list, int depth, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Marks the last row of node (a list row or a grid cell) strong: worth a look. */
void rdoc_strong_row(struct rdoc_node *node);

/* A grid of ncols (>= 1) cells to a line; its cells are appended with rdoc_row, line by line, the
 * header line first. */
struct rdoc_node *rdoc_grid(struct rdoc_node *parent, size_t ncols);

/* Frees everything d holds (not d itself). */
void rdoc_free(struct rdoc *d);

/* Appends d to out in format (REPORT_TEXT, REPORT_MARKDOWN or REPORT_HTML; JSON is not a
 * document: it is written as text): the one place a new format's writer is added. */
void rdoc_write(const struct rdoc *d, enum report_format format, struct strbuf *out);

/* The writers: each appends the whole document to out (src/render/write_*.c). */
void rdoc_write_text(const struct rdoc *d, struct strbuf *out);
void rdoc_write_markdown(const struct rdoc *d, struct strbuf *out);
void rdoc_write_html(const struct rdoc *d, struct strbuf *out);

#endif
