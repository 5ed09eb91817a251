/* SPDX-License-Identifier: Apache-2.0 */
/* Text measuring, word wrapping and layout arithmetic for the walk, by display width (a CJK
 * character takes 2 columns, a combining mark 0). No curses here: everything is unit-tested.
 * The text functions are the screens' face of the one Unicode module (src/util/utf8.h, linebreak.h) in
 * terminal columns: wcwidth() in the current locale, as curses draws, so the caller sets an
 * LC_CTYPE locale first (setlocale). Text is UTF-8; an invalid byte counts as one column. */
#ifndef PATHWALK_WRAP_H
#define PATHWALK_WRAP_H

#include <stdbool.h>
#include <stddef.h>

/* Decodes one UTF-8 character at s (at most len bytes) into *cp; returns its byte length (>= 1
 * when len > 0). An invalid or truncated sequence gives *cp = -1 and length 1. (utf8_decode.) */
size_t wrap_decode(const char *s, size_t len, long *cp);

/* Encodes code point cp (0..0x10FFFF, not a surrogate) as UTF-8 into out; returns the byte count,
 * 0 for an invalid code point. */
size_t wrap_encode(long cp, char out[4]);

/* Display columns of one code point: 0 for combining marks and controls, 2 for wide characters,
 * 1 otherwise (also for unknown/invalid ones, so the layout never goes negative). */
int wrap_cp_width(long cp);

/* Display width of the first len bytes of s. */
size_t wrap_width(const char *s, size_t len);

/* Bytes of s (len bytes) that fit in width columns without splitting a grapheme cluster (a letter
 * and its combining marks); *used (if not NULL) receives the columns those bytes take. */
size_t wrap_fit(const char *s, size_t len, size_t width, size_t *used);

/* Bytes of a list of items separated by two spaces ("?:help  b:back  q:quit", len bytes) that
 * fit in width columns without cutting an item: the whole list when it fits, else the items that
 * fit, without the gap after them. When not even the first item fits it is cut, as wrap_fit does. */
size_t wrap_fit_items(const char *s, size_t len, size_t width);

/* One display line of a wrapped text: bytes [start, start+len) of the source, width columns. */
struct wrap_line {
	size_t start, len;
	size_t width;
};

struct wrap_lines {
	struct wrap_line *lines;
	size_t count, cap;
};

/* Appends to out the lines of text wrapped to width columns (width >= 1) where Unicode's line
 * breaking (UAX #14) allows: at spaces (dropped at the break), after hyphens, between CJK
 * characters, and at '\n'; a leading indent is kept; a word longer than the width is cut between
 * grapheme clusters. An empty text or an empty paragraph gives one
 * empty line. The lines point into text, which must outlive them. */
void wrap_text(const char *text, size_t width, struct wrap_lines *out);

/* Frees the lines and zeroes out. */
void wrap_lines_free(struct wrap_lines *out);

/* Where the parts of a screen go for a terminal of rows x cols. Rows are 0-based. */
struct layout {
	bool too_small;       /* below LAYOUT_MIN_ROWS x LAYOUT_MIN_COLS: show a notice instead */
	int rows, cols;
	int top_row;          /* title + breadcrumb bar */
	int body_row, body_rows; /* the scrolling content */
	int pane_row, pane_rows; /* the evidence/explanation pane; 0 rows when hidden */
	int message_row;      /* one line for messages and prompts, just above the bottom bar */
	int bottom_row;       /* key hints and the node id */
	int margin;           /* left/right margin of the content */
};

/* The smallest terminal the walk lays out in; smaller shows "terminal too small". 60x16 keeps a
 * two-line top bar, ten lines of content and the bottom bars. */
#define LAYOUT_MIN_ROWS 16
#define LAYOUT_MIN_COLS 60

/* Computes the layout; the pane (when shown) takes about 40% of the height below the bars but
 * always leaves the body at least 5 rows. */
struct layout layout_compute(int rows, int cols, bool pane);

/* First line to show so that line `want` is visible in a window of `visible` lines that currently
 * starts at `top`, for a text of `total` lines (the start never goes past total - visible). */
size_t layout_scroll_to(size_t top, size_t want, size_t visible, size_t total);

/* Clamps a scroll position to [0, total - visible]. */
size_t layout_scroll_clamp(long top, size_t visible, size_t total);

#endif
