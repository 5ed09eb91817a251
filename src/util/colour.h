/* SPDX-License-Identifier: Apache-2.0 */
/* Whether to colour what pathwalk writes, decided in one place for every output: off unless the
 * stream is a terminal, off whenever NO_COLOR is set, forced on by CLICOLOR_FORCE. */
#ifndef PATHWALK_COLOUR_H
#define PATHWALK_COLOUR_H

#include <stdbool.h>
#include <stdio.h>

/* SGR sequences for the parts of a diagnostic, as gcc colours them. */
#define COLOUR_BOLD "\033[1m"
#define COLOUR_ERROR "\033[1;31m"
#define COLOUR_WARNING "\033[1;35m"
#define COLOUR_NOTE "\033[1;36m"
#define COLOUR_CARET "\033[1;32m"
#define COLOUR_FIX "\033[32m"
#define COLOUR_RESET "\033[0m"

/* True when output to fd should be coloured: NO_COLOR set and non-empty turns colour off;
 * otherwise CLICOLOR_FORCE set, non-empty and not "0" turns it on; otherwise colour is on only
 * when fd is a terminal and TERM is set and not "dumb". */
bool colour_wanted(int fd);

/* The file descriptor under stream: stdout and stderr are the output filter's streams
 * (safeout.c), which have none of their own; -1 for a stream without one. */
int colour_fd(FILE *stream);

/* Writes seq (an SGR sequence) to stream when on. It goes straight to the stream's descriptor,
 * past the output filter, which would show it as text; stream is flushed first, so the order
 * holds. A stream without a descriptor (a memory stream) gets it through stdio. */
void colour_put(FILE *stream, bool on, const char *seq);

#endif
