/* SPDX-License-Identifier: Apache-2.0 */
/* Diagnostics: problems found in an input file, each with file and line. */
#ifndef PATHWALK_DIAG_H
#define PATHWALK_DIAG_H

#include <stddef.h>

struct diag {
	char *file;    /* owned; may be NULL when no file is involved */
	int line;      /* 0 when unknown */
	char *message; /* owned */
};

/* A growable list of diagnostics. Zero-initialise ({0}) before use. */
struct diag_list {
	struct diag *items;
	size_t count, cap;
};

/* Appends a formatted diagnostic; file may be NULL, line may be 0.
 * Aborts only on out-of-memory (as every allocation in pathwalk does). */
void diag_add(struct diag_list *list, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Prints every diagnostic to stream as "pathwalk: FILE:LINE: message". */
void diag_print(const struct diag_list *list, void *stream);

/* Frees every diagnostic and resets the list to empty. */
void diag_clear(struct diag_list *list);

#endif
