/* SPDX-License-Identifier: Apache-2.0 */
/* pathwalk: walk a clinical pathway one screen at a time. Subcommand dispatch, --help, --version. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "safeout.h"
#include "xalloc.h"

#ifndef PATHWALK_VERSION
#define PATHWALK_VERSION "0.0.0"
#endif

static const char usage_text[] =
	"usage: pathwalk [COMMAND] [OPTIONS]\n"
	"\n"
	"Walk a clinical pathway one screen at a time. Decision support: the clinician decides.\n"
	"\n"
	"commands:\n"
	"  walk    [-p FILE] [--case CASE] [--log FILE] [--plain] [--resume JOURNAL]\n"
	"                                  walk the pathway interactively (the default)\n"
	"  train   [-p FILE] [--trainee NAME] [--plain] [CASE...]\n"
	"                                  training: decide before the pathway reveals; scored\n"
	"  replay  [-p FILE] [--json] [--log FILE] CASE\n"
	"                                  run one case headless and print the walk\n"
	"  test    [-p FILE] [--coverage] CASE|DIR...\n"
	"                                  run cases with expect blocks; PASS/FAIL per case\n"
	"  check   [--strict] [FILE]       validate a pathway (default: the bundled one);\n"
	"                                  --strict adds a clinical lint\n"
	"  log     [-p FILE] [-f text|markdown|html|json] [-o FILE] JOURNAL\n"
	"                                  render a session journal as a printable log\n"
	"  report  [-p FILE] [-f text|markdown|html|csv] [-o FILE] JOURNAL... | --watch DIR [--plain]\n"
	"                                  summarise training journals for the instructor, or\n"
	"                                  watch the room live\n"
	"  graph   [-p FILE] [--case CASE | --journal JOURNAL] [--format dot|text]\n"
	"                                  draw the pathway (Graphviz DOT or an outline)\n"
	"  diff    OLD.cfg NEW.cfg CASE|DIR|JOURNAL...\n"
	"                                  what a new pathway version changes for these cases\n"
	"  verify  [--digest HEX] JOURNAL...\n"
	"                                  check that journals are whole (their hash chain)\n"
	"\n"
	"options:\n"
	"  -h, --help       show this help (also after a command: pathwalk replay --help)\n"
	"  -V, --version    show the version\n"
	"\n"
	"exit status: 0 success, 1 negative answer (problems found, tests failed), 2 usage error,\n"
	"3 invalid or unreadable input, 4 replay stopped on a missing answer, 5 output not writable.\n"
	"See pathwalk(1), pathwalk-pathway(5) and pathwalk-case(5).\n";

static const char version_text[] =
	"pathwalk " PATHWALK_VERSION "\n"
	"Licensed under the Apache License, Version 2.0 <https://www.apache.org/licenses/LICENSE-2.0>.\n"
	"There is NO WARRANTY, to the extent permitted by law; see the licence.\n";

/* Runs the command that argv names; returns its exit status. */
static int dispatch(int argc, char **argv)
{
	/* brief: the command loads, prints and exits, so what it loaded is left to the kernel
	 * (xalloc_exit_next); a walk or a training keeps only what it uses for its whole session. */
	static const struct {
		const char *name;
		int (*run)(int, char **);
		bool brief;
	} commands[] = {
		{ "walk", cmd_walk, false },
		{ "train", cmd_train, false },
		{ "replay", cmd_replay, true },
		{ "test", cmd_test, true },
		{ "check", cmd_check, true },
		{ "log", cmd_log, true },
		{ "report", cmd_report, true },
		{ "graph", cmd_graph, true },
		{ "diff", cmd_diff, true },
		{ "verify", cmd_verify, true },
	};
	const char *first = argc > 1 ? argv[1] : NULL;

	opterr = 0; /* the commands print one message of their own (cli_bad_option) */
	if (!first)
		return cmd_walk(argc, argv);
	if (strcmp(first, "-h") == 0 || strcmp(first, "--help") == 0 || strcmp(first, "help") == 0) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	if (strcmp(first, "-V") == 0 || strcmp(first, "--version") == 0) {
		fputs(version_text, stdout);
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(first, commands[i].name) == 0) {
			if (commands[i].brief)
				xalloc_exit_next();
			return commands[i].run(argc - 1, argv + 1);
		}
	if (first[0] == '-')
		return cmd_walk(argc, argv); /* options of the default command: pathwalk --plain */
	return cli_usage_error(NULL, "unknown command '%s'", first);
}

int main(int argc, char **argv)
{
	safeout_install(); /* before anything is printed: every byte to stdout/stderr is filtered */
	return safeout_finish(dispatch(argc, argv));
}
