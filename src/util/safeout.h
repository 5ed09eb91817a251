/* SPDX-License-Identifier: Apache-2.0 */
/* The output boundary: every byte that reaches a terminal, standard output or standard error passes
 * safeout_filter, which keeps newlines, tabs and form feeds (the printed log's page breaks) and
 * makes every other control character (C0, DEL, C1), escape sequence, bidirectional control and
 * invalid byte visible as text, so that no input can become a control sequence.
 * The curses screens use the same filter for what they draw. */
#ifndef PATHWALK_SAFEOUT_H
#define PATHWALK_SAFEOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct strbuf;

/* Appends s[0, len) to sb with every unsafe code point (utf8_is_unsafe; '\n', '\t' and '\f'
 * excepted) as "\u001b"-style text and every invalid byte as "\xHH". Unless final, an incomplete
 * but so far valid UTF-8 sequence at the end is left out: returns how many bytes were consumed. */
size_t safeout_filter(struct strbuf *sb, const char *s, size_t len, bool final);

/* Puts the filter between the process and file descriptors 1 and 2: stdout and stderr become
 * streams whose bytes pass safeout_filter (stdout line-buffered on a terminal; stderr
 * line-buffered, so that a diagnostic line reaches its descriptor in one write).
 * Call once, before anything is printed. */
void safeout_install(void);

/* The unfiltered stream on file descriptor 1, for curses, which writes its own control sequences. */
FILE *safeout_terminal(void);

/* Flushes standard output and checks that every write to it succeeded. When one failed, prints
 * "pathwalk: standard output: REASON" and returns EXIT_OUTPUT (5) unless status already reports
 * a failure of its own (2 and above); otherwise returns status. */
int safeout_finish(int status);

#endif
