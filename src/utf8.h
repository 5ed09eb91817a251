/* SPDX-License-Identifier: Apache-2.0 */
/* UTF-8 text for output: decoding, display width, sanitizing and word wrapping. Self-contained
 * (no locale, no wcwidth) so that printed logs are the same on every machine and in every locale. */
#ifndef PATHWALK_UTF8_H
#define PATHWALK_UTF8_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf;

#define UTF8_REPLACEMENT 0xfffdUL

/* Decodes the sequence at s (avail >= 1 bytes). Returns its length and stores the code point in
 * *cp; an invalid, overlong, surrogate or truncated sequence returns 1 with *cp = UTF8_REPLACEMENT
 * and *valid (when not NULL) false. */
size_t utf8_decode(const char *s, size_t avail, unsigned long *cp, bool *valid);

/* Appends the UTF-8 encoding of cp (a Unicode scalar value; anything else becomes U+FFFD). */
void utf8_encode(struct strbuf *sb, unsigned long cp);

/* True for code points that must never reach output raw: C0 controls, DEL, C1 controls (U+0080..
 * U+009F: 0x9b is a CSI), bidirectional embeddings/overrides/isolates and line/paragraph separators
 * (which can reorder or hide printed text). */
bool utf8_is_unsafe(unsigned long cp);

/* Columns a code point takes on a terminal or printer: 0 for combining and zero-width marks, 2 for
 * East Asian wide and fullwidth characters and most emoji, 1 otherwise. */
int utf8_cp_width(unsigned long cp);

/* The number of characters (code points; an invalid byte counts as one) in s. */
size_t utf8_count(const char *s);

/* Display width of the first len bytes of s (which should be clean: see utf8_append_clean). */
size_t utf8_width(const char *s, size_t len);

/* Appends s with invalid UTF-8 and every unsafe code point replaced by U+FFFD. Tabs become a space;
 * newlines are kept when keep_newlines, else become a space. NULL appends nothing. */
void utf8_append_clean(struct strbuf *sb, const char *s, bool keep_newlines);

/* Lines produced by utf8_wrap; each line is owned by the list. */
struct utf8_lines {
	char **lines;
	size_t count, cap;
};

/* Wraps s (clean text; '\n' forces a break) into lines of at most width columns, breaking at
 * spaces; spaces at a break are dropped, others kept, a word wider than a line is cut between characters. Every line
 * after the first gets hang columns less (the caller indents them: a hanging indent); every line
 * gets at least 2 columns. An empty paragraph gives an empty line. Appends to out;
 * free with utf8_lines_free. */
void utf8_wrap(const char *s, size_t width, size_t hang, struct utf8_lines *out);

/* Frees every line and resets the list. */
void utf8_lines_free(struct utf8_lines *l);

#endif
