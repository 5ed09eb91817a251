/* SPDX-License-Identifier: Apache-2.0 */
/* The subcommands and what they share: exit codes (DESIGN §3, a contract) and loading inputs with
 * their diagnostics printed. Only main and the cmd_* functions print errors and choose exit codes. */
#ifndef PATHWALK_CLI_H
#define PATHWALK_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "casefile.h"
#include "exit_code.h"
#include "pathway.h"

/* Loads the pathway at path, or the bundled one when path is NULL. Prints every problem to stderr
 * and returns NULL (the caller exits with EXIT_INPUT). */
struct pathway *cli_load_pathway(const char *path);

/* Loads a case file against pw, printing every problem; NULL on failure (EXIT_INPUT). */
struct casefile *cli_load_case(const char *path, const struct pathway *pw);

/* Prints "pathwalk: message" and the subcommand's usage hint to stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

struct option;

/* After getopt_long (opterr = 0, optstring starting with ':') returned ch, '?' or ':', prints one
 * message naming the bad option (unknown, missing its argument, given one it takes not) and the
 * usage hint; returns EXIT_USAGE. options is the table given to getopt_long. */
int cli_bad_option(const char *command, int ch, char **argv, const struct option *options);

/* Sets up the clock from PATHWALK_NOW; prints a message and returns false when it is malformed. */
bool cli_init_clock(void);

/* Files named on the command line: a file (or "-", standard input) is taken as it is; a directory
 * contributes every file below it (recursively, sorted by name) whose name ends in one of suffixes
 * (NULL-terminated). */
struct cli_files {
	char **paths;
	size_t count, cap;
};

/* Appends to list; prints a message and returns false for a path that cannot be read. */
bool cli_collect_files(struct cli_files *list, const char *path, const char *const *suffixes);
void cli_files_free(struct cli_files *list);

/* Free text given as an option that goes into a journal (a name, a reference): valid UTF-8, no
 * control or text-direction characters (utf8_is_unsafe), at most max_chars characters; NULL is
 * fine. Prints a usage error naming option and returns false otherwise. */
bool cli_check_text(const char *command, const char *option, const char *text, size_t max_chars);

/* Writes data to output, a new file (0600; an existing file or a link to one is never overwritten,
 * and nothing is left behind on failure), to standard output when output is NULL or "-", or to an
 * existing stream (/dev/stdout, /dev/null, a pipe, a terminal).
 * what names the document in messages ("the log"). Prints any problem; returns EXIT_OK or EXIT_OUTPUT. */
int cli_write_output(const char *output, const char *data, size_t len, const char *what);

/* The pathway to take texts from when rendering journals: the one at path (its problems printed;
 * NULL with *failed set when it cannot be loaded), else the bundled one, silently (a journal of
 * another pathway is still rendered, with a note). Caller frees with pathway_free. */
struct pathway *cli_load_journal_pathway(const char *path, bool *failed);

/* `check [--strict] FILE` once (the bundled pathway when path is NULL): prints the findings and
 * the summary; returns the exit code (EXIT_OK, EXIT_NEGATIVE, EXIT_INPUT, EXIT_USAGE). */
int cli_check_file(const char *path, bool strict);

/* `check --watch FILE`: checks path, then again each time it is saved, until q is read from a
 * terminal or a line "q" from standard input, or a signal arrives. Returns the last check's exit
 * code (q), 128+N (signal N), or EXIT_INPUT when path's directory cannot be watched. */
int cli_check_watch(const char *path, bool strict);

/* Pipes dot (len bytes of DOT) through Graphviz's `dot -Tsvg` (found on PATH), which writes the
 * SVG to standard output. Prints any problem (dot missing or failing); EXIT_OK or EXIT_OUTPUT. */
int cli_dot_to_svg(const char *dot, size_t len);

int cmd_check(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_log(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_walk(int argc, char **argv);

#endif
