/* SPDX-License-Identifier: Apache-2.0 */
/* Line breaking by display width, the one wrapper of the screens and the printed logs: break
 * opportunities from Unicode's line breaking algorithm (UAX #14, libunistring), grapheme clusters
 * never split, greedy filling. */
#ifndef PATHWALK_LINEBREAK_H
#define PATHWALK_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>

#include "utf8.h"

/* One line: bytes [start, start + len) of the text, width columns. */
struct utf8_span {
	size_t start, len;
	size_t width;
};

struct utf8_spans {
	struct utf8_span *spans;
	size_t count, cap;
};

/* Appends to out the lines of text[0, len) ('\n' forces a break; an empty paragraph gives one empty
 * line): the first at most first_width columns, the others at most width (each at least 1). Breaks
 * where UAX #14 allows (not after an ASCII hyphen-minus or '/'); spaces and tabs at a break are dropped,
 * as are leading ones unless keep_indent; a word wider than a line is cut between grapheme clusters
 * (utf8_cluster); a line holds at least one cluster even when it is wider. */
void utf8_break_lines(const char *text, size_t len, size_t first_width, size_t width, enum utf8_columns how,
		      bool keep_indent, struct utf8_spans *out);

/* Frees the spans and zeroes out. */
void utf8_spans_free(struct utf8_spans *out);

#endif
