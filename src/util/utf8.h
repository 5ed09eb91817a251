/* SPDX-License-Identifier: Apache-2.0 */
/* UTF-8 text for output: decoding and validation (the one place bytes become code points), display
 * width, sanitizing and word wrapping, on libunistring and the C library's wcwidth. Printed logs
 * are measured the same on every machine and in every locale (UTF8_PRINT); the screens measure as
 * curses draws, in the current locale (UTF8_TERMINAL). */
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

/* True when s[0, avail) is the valid beginning of a sequence longer than avail bytes (more bytes
 * may complete it), as utf8_decode sees it. */
bool utf8_incomplete(const char *s, size_t avail);

/* Appends the UTF-8 encoding of cp (a Unicode scalar value; anything else becomes U+FFFD). */
void utf8_encode(struct strbuf *sb, unsigned long cp);

/* True for code points that must never reach output raw: C0 controls, DEL, C1 controls (U+0080..
 * U+009F: 0x9b is a CSI), bidirectional embeddings/overrides/isolates and line/paragraph separators
 * (which can reorder or hide printed text). */
bool utf8_is_unsafe(unsigned long cp);

/* Whose columns a width is in. UTF8_PRINT: glibc's wcwidth in the C.UTF-8 locale whatever the
 * process locale is (libunistring's uc_width where C.UTF-8 is missing), so a printed log is laid
 * out alike everywhere. UTF8_TERMINAL: wcwidth in the current LC_CTYPE, which curses draws with. */
enum utf8_columns { UTF8_PRINT, UTF8_TERMINAL };

/* Columns of one code point: 0 for controls, combining and zero-width marks, 2 for wide ones, 1
 * for the rest (unassigned and unknown ones too, so a layout never goes negative). */
int utf8_cp_columns(unsigned long cp, enum utf8_columns how);

/* Display width of the first len bytes of s; an invalid byte takes one column. */
size_t utf8_columns(const char *s, size_t len, enum utf8_columns how);

/* Bytes (>= 1 when len > 0) of the grapheme cluster at s: a letter and its combining marks, a
 * Hangul syllable, and emoji joined by U+200D ZERO WIDTH JOINER (libunistring 1.0 ends a cluster
 * after the joiner; it is kept whole here). The unit that is never split. */
size_t utf8_cluster(const char *s, size_t len);

/* The start of the grapheme cluster that ends at byte offset at of s (0 when at is 0): where a cursor
 * stepping back one character lands. */
size_t utf8_cluster_before(const char *s, size_t at);

/* Bytes of s (len bytes) that fit in width columns without splitting a grapheme cluster (a letter
 * and its combining marks, an emoji and what joins it); *used (if not NULL) gets their columns. */
size_t utf8_fit(const char *s, size_t len, size_t width, enum utf8_columns how, size_t *used);

/* Columns of a code point in a printed document: utf8_cp_columns(cp, UTF8_PRINT). */
int utf8_cp_width(unsigned long cp);

/* The number of characters (code points; an invalid byte counts as one) in s. */
size_t utf8_count(const char *s);

/* Display width in print of the first len bytes of s: utf8_columns(s, len, UTF8_PRINT). */
size_t utf8_width(const char *s, size_t len);

/* Appends s with invalid UTF-8 and every unsafe code point replaced by U+FFFD. Tabs become a space;
 * newlines are kept when keep_newlines, else become a space. NULL appends nothing. */
void utf8_append_clean(struct strbuf *sb, const char *s, bool keep_newlines);

/* Lines produced by utf8_wrap; each line is owned by the list. */
struct utf8_lines {
	char **lines;
	size_t count, cap;
};

/* Wraps s (clean text; '\n' forces a break) into lines of at most width print columns where
 * Unicode's line breaking (UAX #14, linebreak.c) allows: at spaces, after hyphens, between CJK
 * characters. Spaces at a break and leading spaces are dropped, others kept; a word wider than a
 * line is cut between grapheme clusters. Every line after the first gets hang columns less (the
 * caller indents them: a hanging indent); every line gets at least 2 columns. An empty paragraph
 * gives an empty line. Appends to out; free with utf8_lines_free. */
void utf8_wrap(const char *s, size_t width, size_t hang, struct utf8_lines *out);

/* Frees every line and resets the list. */
void utf8_lines_free(struct utf8_lines *l);

#endif
