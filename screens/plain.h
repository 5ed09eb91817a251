/* SPDX-License-Identifier: Apache-2.0 */
/* The plain line mode of the walk (--plain): the same session, driven by prompts on stdin and
 * stdout, one thing per line, no colours and no cursor movement, for screen readers, braille
 * displays and scripts. */
#ifndef PATHWALK_PLAIN_H
#define PATHWALK_PLAIN_H

#include "explain_words.h"
#include "session.h"

struct casefile;
struct journal;

/* Walks s to its end reading answers from stdin. When journal (s's journal, may be NULL) cannot
 * be written, asks for another path to write all of it to. Returns the exit status: 0 finished or
 * quit with `q`, 1 stdin ended before the endpoint (journaled as interrupted "eof"), 5 journal not
 * writable, 128+N on signal N. */
int plain_run(struct session *s, const struct casefile *prefill, struct journal *journal, bool ids);

/* The journal of s cannot be written: says so on stderr and asks on stdin for another path to write
 * all of it to, until that works (true) or the user gives up with an empty line, the end of input
 * or a signal (false, having said how many events were not saved). */
bool plain_relocate(struct session *s, struct journal *journal);

/* Prints the candidates numbered, the recommended one marked, each with its clauses in clinical
 * words (down to max_depth levels of derived values), indented by indent columns; with ids each
 * condition and clause in pathway syntax too (walk --plain --ids). */
void plain_print_candidates(const struct session_candidate *c, size_t n, int indent, int max_depth, bool ids);

enum plain_read { PLAIN_LINE, PLAIN_EOF, PLAIN_SIGNAL };

/* Prints prompt and reads one line from stdin into *line (a getline buffer of *cap bytes), without
 * its line end, cleaned (invalid UTF-8, control characters and escape sequences become U+FFFD, so
 * typed text reaches neither the terminal raw nor the journal) and trimmed of surrounding white
 * space; echoes it when echo (stdin is not a terminal: the transcript then reads well). Returns
 * PLAIN_EOF at the end of input, PLAIN_SIGNAL with *signal set when a SIGTERM, SIGHUP or SIGINT
 * arrived before or during the read. */
enum plain_read plain_read_line(const char *prompt, bool echo, char **line, size_t *cap, int *signal);

/* Sets the case's answers for the current node's variables that have no working answer yet. */
void walk_prefill(struct session *s, const struct casefile *c);

#endif
