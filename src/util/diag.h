/* SPDX-License-Identifier: Apache-2.0 */
/* Diagnostics: problems found in an input file, each with file, line and, where the source text is
 * known, the column, the quoted line and a caret under the place, as compilers print them. */
#ifndef PATHWALK_DIAG_H
#define PATHWALK_DIAG_H

#include <stdbool.h>
#include <stddef.h>

enum diag_kind {
	DIAG_PLAIN,   /* "pathwalk: FILE:LINE: message" (notices, and lists not yet classified) */
	DIAG_ERROR,   /* "pathwalk: FILE:LINE:COLUMN: error: message" */
	DIAG_WARNING, /* "... warning: message" */
};

struct diag {
	char *file;        /* owned; may be NULL when no file is involved */
	int line;          /* 0 when unknown */
	int column;        /* 1-based, in characters; 0 when unknown */
	int width;         /* characters to underline from column (at least 1 when column > 0) */
	enum diag_kind kind;
	char *message;     /* owned */
	char *source_line; /* owned copy of the line quoted under the message, or NULL */
	char *fix;         /* owned replacement shown under the caret ("did you mean"), or NULL */
};

/* A growable list of diagnostics. Zero-initialise ({0}) before use. While a source is set
 * (diag_set_source), diagnostics added for that file get their line quoted and a column. */
struct diag_list {
	struct diag *items;
	size_t count, cap;
	const char *source_file, *source; /* borrowed; see diag_set_source */
	size_t source_len;
};

/* Appends a formatted diagnostic; file may be NULL, line may be 0. Its column is the line's first
 * non-blank character when the source is known, until diag_point* moves it.
 * Aborts only on out-of-memory (as every allocation in pathwalk does). */
void diag_add(struct diag_list *list, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Lends the text of file (len bytes) to the list until called again (NULL clears it): the caller
 * keeps it alive meanwhile. Diagnostics keep their own copy of the line they quote. */
void diag_set_source(struct diag_list *list, const char *file, const char *text, size_t len);

/* Moves the last diagnostic to needle: the first occurrence at or after its line (within the next
 * few lines), after the setting `key =` when key is not NULL; as "needle" (quoted, the caret on
 * its content) when quoted. Does nothing when the source or the needle is not found. */
void diag_point(struct diag_list *list, const char *key, const char *needle, bool quoted);

/* Moves the last diagnostic into the string literal, at or after its line, that holds expr:
 * byte offset in expr, width bytes. Does nothing when no such literal is found. */
void diag_point_expr(struct diag_list *list, const char *expr, size_t offset, size_t width);

/* Moves the last diagnostic to byte offset pos of the source, width bytes. */
void diag_point_offset(struct diag_list *list, size_t pos, size_t width);

/* Appends "; did you mean 'fix'?" to the last diagnostic's message and shows fix under the caret. */
void diag_suggest(struct diag_list *list, const char *fix);

/* Gives every diagnostic from index from on the kind (errors of a loader, warnings of a lint). */
void diag_set_kind(struct diag_list *list, size_t from, enum diag_kind kind);

/* Prints every diagnostic to stream (a FILE *): "pathwalk: FILE:LINE:COLUMN: error: message",
 * then the quoted line and the caret; plain ones as "pathwalk: FILE:LINE: message". Coloured
 * as colour_wanted() decides for the stream. */
void diag_print(const struct diag_list *list, void *stream);

/* Frees every diagnostic and resets the list to empty (the source is forgotten too). */
void diag_clear(struct diag_list *list);

#endif
