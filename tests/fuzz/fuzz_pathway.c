/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: a pathway file, then everything that reads a loaded pathway (check --strict's lint,
 * both graph formats). */
#include <stdlib.h>

#include "diag.h"
#include "fuzz.h"
#include "graph.h"
#include "lint.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diags = { 0 };
	struct pathway *pw = pathway_load_text("fuzz.cfg", (const char *)data, size, &diags);

	if (pw) {
		struct lint_report lint = { 0 };
		struct strbuf out = STRBUF_INIT;

		lint_pathway(pw, FUZZ_TODAY, (const char *)data, size, &lint);
		lint_report_free(&lint);
		graph_write_dot(pw, NULL, &out);
		graph_write_text(pw, NULL, &out);
		sb_free(&out);
		pathway_free(pw);
	}
	diag_clear(&diags);
	return 0;
}
