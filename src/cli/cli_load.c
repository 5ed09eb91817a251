/* SPDX-License-Identifier: Apache-2.0 */
/* Loading the inputs of every command, a pathway or a case file, with their problems printed. */
#include <stdio.h>

#include "cli.h"

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

struct pathway *cli_load_journal_pathway(const char *path, bool *failed)
{
	struct diag_list diags = { 0 };
	struct pathway *pw;

	*failed = false;
	if (path) {
		pw = cli_load_pathway(path);
		*failed = pw == NULL;
		return pw;
	}
	pw = pathway_load_bundled(&diags);
	diag_clear(&diags);
	return pw;
}
