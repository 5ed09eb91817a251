/* Whether to colour what pathwalk writes, decided in one place for every output: off unless the
 * stream is a terminal, off whenever NO_COLOR is set, forced on by CLICOLOR_FORCE. */
#ifndef PATHWALK_COLOUR_H
#define PATHWALK_COLOUR_H

#include <stdbool.h>

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

/* seq when on, "" otherwise: for printf("%s...%s", colour(on, COLOUR_ERROR), colour(on, COLOUR_RESET)). */
const char *colour(bool on, const char *seq);

#endif
