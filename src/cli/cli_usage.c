/* SPDX-License-Identifier: Apache-2.0 */
/* What every command says about its command line: usage errors, bad options, a malformed
 * PATHWALK_NOW. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "clock.h"

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;

	fputs("pathwalk: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'pathwalk %s%s--help'.\n", command ? command : "", command ? " " : "");
	return EXIT_USAGE;
}

int cli_bad_option(const char *command, int ch, char **argv, const struct option *options)
{
	const char *token = optind > 0 ? argv[optind - 1] : "";
	size_t name_len;

	if (strncmp(token, "--", 2) == 0) {
		name_len = strcspn(token + 2, "=");
		if (ch == ':')
			return cli_usage_error(command, "option '%.*s' needs an argument", (int)name_len + 2, token);
		for (; optopt && options->name; options++)
			if (options->val == optopt && strncmp(options->name, token + 2, name_len) == 0 &&
			    token[2 + name_len] == '=')
				return cli_usage_error(command, "option '--%s' takes no argument", options->name);
		if (!optopt)
			return cli_usage_error(command, "unknown option '%.*s'", (int)name_len + 2, token);
	}
	if (ch == ':')
		return cli_usage_error(command, "option '-%c' needs an argument", optopt);
	return cli_usage_error(command, "unknown option '-%c'", optopt);
}

bool cli_init_clock(void)
{
	if (clock_init() != 0) {
		fprintf(stderr, "pathwalk: PATHWALK_NOW must be YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD\n");
		return false;
	}
	return true;
}
