/* `pathwalk check [FILE]`, and loading inputs for every command. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
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
	"usage: pathwalk check [--strict] [FILE]\n"
	"\n"
	"Validate a pathway file (default: the bundled pathway; - reads standard input) and report\n"
	"every problem as FILE:LINE: message. Exit 0 when valid, 1 when problems were found, 3 when\n"
	"unreadable.\n"
	"\n"
	"  -s, --strict  also lint a valid pathway clinically: endpoints and notes that cite no\n"
	"                reference, red-flag screening not first, a passed review date (today is\n"
	"                PATHWALK_NOW when set), unused variables and references, conditions the\n"
	"                declared ranges make always or never true. Findings are printed as\n"
	"                FILE:LINE: error: ... or FILE:LINE: warning: ...; exit 1 when there is\n"
	"                an error, 0 when there are only warnings\n"
	"  -h, --help    show this help\n";

/* The --strict lint of a valid pathway whose text is source (for the line of review_date, which
 * the model does not keep): prints its findings and returns the exit code. */
static int check_strict(const struct pathway *pw, const char *source, size_t len)
{
	struct lint_report report = { 0 };
	int status;

	if (!cli_init_clock())
		return EXIT_USAGE;
	lint_pathway(pw, clock_today(), source, len, &report);
	lint_report_print(&report, pw->file, stderr);
	printf("%s: strict: %zu error%s, %zu warning%s\n", pw->file, report.errors,
	       report.errors == 1 ? "" : "s", report.warnings, report.warnings == 1 ? "" : "s");
	status = report.errors ? EXIT_NEGATIVE : EXIT_OK;
	lint_report_free(&report);
	return status;
}

int cmd_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "strict", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	struct diag_list diags = { 0 };
	struct pathway *pw;
	const char *path;
	bool io_error = false, strict = false;
	size_t endpoints = 0, len = 0;
	char *text = NULL;
	int c, status = EXIT_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":hs", options, NULL)) != -1) {
		if (c == 's') {
			strict = true;
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
	if (path) {
		pw = pathway_load_file_text(path, &diags, &io_error, &text, &len);
	} else {
		pw = pathway_load_bundled(&diags);
		text = xstrndup((const char *)bundled_pathway.data, bundled_pathway.len);
		len = bundled_pathway.len;
	}
	diag_print(&diags, stderr);
	if (!pw) {
		free(text);
		if (!io_error)
			fprintf(stderr, "pathwalk: %s: %zu problem%s found\n",
				path ? fileio_input_name(path) : "<bundled>/sciatica.cfg",
				diags.count, diags.count == 1 ? "" : "s");
		diag_clear(&diags);
		return io_error ? EXIT_INPUT : EXIT_NEGATIVE;
	}
	for (size_t i = 0; i < pw->nnodes; i++)
		endpoints += pathway_is_endpoint(pw, (int)i);
	printf("%s: valid: pathway %s %s, %zu stages, %zu nodes (%zu endpoints), %zu variables, "
	       "%zu warnings, %zu references\n", pw->file, pw->id, pw->version, pw->nstages, pw->nnodes,
	       endpoints, pw->nvars, pw->nwarnings, pw->nrefs);
	diag_clear(&diags);
	if (strict)
		status = check_strict(pw, text, len);
	free(text);
	pathway_free(pw);
	return status;
}
