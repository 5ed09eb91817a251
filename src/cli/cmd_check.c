/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk check [--strict] [--watch] [FILE]`: its command line. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "fileio.h"

static const char check_usage[] =
	"usage: pathwalk check [--strict] [--watch] [FILE]\n"
	"\n"
	"Validate a pathway file (default: the bundled pathway; - reads standard input) and report\n"
	"every problem as FILE:LINE:COLUMN: error: message, with the line quoted and a caret under\n"
	"the place. Beyond what loading refuses, conditions the declared ranges make impossible,\n"
	"labels repeated on one screen and stages without a node are errors; endpoints without\n"
	"actions are warnings. Exit 0 when valid, 1 when problems were found, 3 when unreadable.\n"
	"\n"
	"  -s, --strict  also lint a valid pathway clinically: endpoints and notes that cite no\n"
	"                reference, red-flag screening not first, a passed review date (today is\n"
	"                PATHWALK_NOW when set), unused variables and references, comparisons the\n"
	"                declared ranges fix, a ';' that libconfig lets an author leave out.\n"
	"                Findings are printed as FILE:LINE:COLUMN: error: ... or warning: ...;\n"
	"                exit 1 when there is an error, 0 when there are only warnings\n"
	"  -w, --watch   check FILE again each time it is saved (also by rename, as editors do)\n"
	"                and print the new findings; q (or a signal) ends it\n"
	"  -h, --help    show this help\n";

int cmd_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "strict", no_argument, NULL, 's' },
		{ "watch", no_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path;
	bool strict = false, watch = false;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":hsw", options, NULL)) != -1) {
		if (c == 's') {
			strict = true;
			continue;
		}
		if (c == 'w') {
			watch = true;
			continue;
		}
		if (c == 'h') {
			fputs(check_usage, stdout);
			return EXIT_OK;
		}
		return cli_bad_option("check", c, argv, options);
	}
	if (argc - optind > 1)
		return cli_usage_error("check", "check takes one pathway file at most");
	path = optind < argc ? argv[optind] : NULL;
	if (watch && (!path || fileio_is_stdio(path)))
		return cli_usage_error("check", "--watch needs a pathway FILE to watch");
	return watch ? cli_check_watch(path, strict) : cli_check_file(path, strict);
}
