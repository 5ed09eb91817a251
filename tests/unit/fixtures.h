/* SPDX-License-Identifier: Apache-2.0 */
/* Shared helpers for unit tests: loading the fixture pathways in tests/data/good/. */
#ifndef PATHWALK_TEST_FIXTURES_H
#define PATHWALK_TEST_FIXTURES_H

#include <criterion/criterion.h>
#include <string.h>

#include "casefile.h"
#include "diag.h"
#include "pathway.h"

#ifndef PATHWALK_SOURCE_DIR
#define PATHWALK_SOURCE_DIR "."
#endif

#define FIXTURE(name) PATHWALK_SOURCE_DIR "/tests/data/good/" name

/* Loads a fixture pathway, failing the test with every diagnostic when it does not load. */
static inline struct pathway *load_fixture(const char *path)
{
	struct diag_list diags = { 0 };
	bool io_error = false;
	struct pathway *pw = pathway_load_file(path, &diags, &io_error);

	for (size_t i = 0; i < diags.count; i++)
		cr_log_error("%s:%d: %s", diags.items[i].file, diags.items[i].line, diags.items[i].message);
	diag_clear(&diags);
	cr_assert_not_null(pw, "fixture %s did not load", path);
	return pw;
}

/* True when some diagnostic has this line and contains needle. */
static inline bool has_diag(const struct diag_list *d, int line, const char *needle)
{
	for (size_t i = 0; i < d->count; i++)
		if ((line == 0 || d->items[i].line == line) && strstr(d->items[i].message, needle))
			return true;
	return false;
}

static inline void dump_diags(const struct diag_list *d)
{
	for (size_t i = 0; i < d->count; i++)
		cr_log_info("line %d: %s", d->items[i].line, d->items[i].message);
}

/* Loads the case file text against pw, failing the test with its diagnostics when it does not load. */
static inline struct casefile *load_case_text(const struct pathway *pw, const char *text)
{
	struct diag_list diags = { 0 };
	struct casefile *c = casefile_load_text("c.cfg", text, strlen(text), pw, &diags);

	dump_diags(&diags);
	diag_clear(&diags);
	cr_assert_not_null(c);
	return c;
}

#endif
