/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk check [FILE]`, and loading inputs for every command. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
#include "cfgsyntax.h"
#include "cli.h"
#include "clock.h"
#include "fileio.h"
#include "lint.h"
#include "xalloc.h"

struct pathway *cli_load_pathway(const char *path)
{
	struct diag_list diags = { 0 };
	struct pathway *pw;
	bool io_error = false;

	pw = path ? pathway_load_file(path, &diags, &io_error) : pathway_load_bundled(&diags);
	diag_print(&diags, stderr);
	diag_clear(&diags);
	return pw;
}

struct casefile *cli_load_case(const char *path, const struct pathway *pw)
{
	struct diag_list diags = { 0 };
	bool io_error = false;
	struct casefile *c = casefile_load_file(path, pw, &diags, &io_error);

	diag_print(&diags, stderr);
	diag_clear(&diags);
	return c;
}

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

/* The --strict lint of a valid pathway whose text is source (for the line of review_date, which
 * the model does not keep, for quoting, and for the ';' libconfig let pass): prints its findings
 * and returns the exit code. */
static int check_strict(const struct pathway *pw, const char *source, size_t len)
{
	struct lint_report report = { 0 };
	struct diag_list syntax = { 0 };
	size_t warnings;
	int status;

	if (!cli_init_clock())
		return EXIT_USAGE;
	if (source) {
		diag_set_source(&syntax, pw->file, source, len);
		cfg_syntax_check(pw->file, source, len, true, &syntax);
		diag_print(&syntax, stderr);
	}
	lint_pathway(pw, clock_today(), source, len, &report);
	lint_report_print(&report, pw->file, source, len, stderr);
	warnings = report.warnings + syntax.count;
	printf("%s: strict: %zu error%s, %zu warning%s\n", pw->file, report.errors,
	       report.errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
	status = report.errors ? EXIT_NEGATIVE : EXIT_OK;
	diag_clear(&syntax);
	lint_report_free(&report);
	return status;
}

int cli_check_file(const char *path, bool strict)
{
	struct diag_list diags = { 0 };
	struct lint_report plain = { 0 };
	struct pathway *pw;
	bool io_error = false;
	size_t endpoints = 0, len = 0;
	char *source = NULL;
	int status = EXIT_OK;

	/* The text is kept to quote the findings of the lint (standard input cannot be read twice). */
	if (path) {
		pw = pathway_load_file_text(path, &diags, &io_error, &source, &len, false);
	} else {
		pw = pathway_load_bundled(&diags);
		source = xstrndup((const char *)bundled_pathway.data, bundled_pathway.len);
		len = bundled_pathway.len;
	}
	diag_print(&diags, stderr);
	if (!pw) {
		free(source);
		if (!io_error)
			fprintf(stderr, "pathwalk: %s: %zu problem%s found\n",
				path ? fileio_input_name(path) : "<bundled>/sciatica.cfg",
				diags.count, diags.count == 1 ? "" : "s");
		diag_clear(&diags);
		return io_error ? EXIT_INPUT : EXIT_NEGATIVE;
	}
	diag_clear(&diags);
	lint_plain(pw, &plain);
	lint_report_print(&plain, pw->file, source, len, stderr);
	for (size_t i = 0; i < pw->nnodes; i++)
		endpoints += pathway_is_endpoint(pw, (int)i);
	if (plain.errors) {
		fprintf(stderr, "pathwalk: %s: %zu problem%s found\n", pw->file, plain.errors,
			plain.errors == 1 ? "" : "s");
		status = EXIT_NEGATIVE;
	} else {
		printf("%s: valid: pathway %s %s, %zu stages, %zu nodes (%zu endpoints), %zu variables, "
		       "%zu warnings, %zu references\n", pw->file, pw->id, pw->version, pw->nstages, pw->nnodes,
		       endpoints, pw->nvars, pw->nwarnings, pw->nrefs);
		if (strict)
			status = check_strict(pw, source, len);
	}
	lint_report_free(&plain);
	xalloc_release(source);
	pathway_free(pw);
	return status;
}

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
