/* SPDX-License-Identifier: Apache-2.0 */
/* One check of a pathway file (`pathwalk check`, and each round of `check --watch`): loading,
 * validation, and with --strict the clinical lint, each finding printed. */
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
	char *text = NULL; /* the file's text, read here; the bundled text is the binary's own */
	const char *source;
	int status = EXIT_OK;

	/* The text is kept to quote the findings of the lint (standard input cannot be read twice). */
	if (path) {
		pw = pathway_load_file_text(path, &diags, &io_error, &text, &len, false);
		source = text;
	} else {
		pw = pathway_load_bundled(&diags);
		source = (const char *)bundled_pathway.data;
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
	xalloc_release(text);
	pathway_free(pw);
	return status;
}
