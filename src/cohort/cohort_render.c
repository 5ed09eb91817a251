/* SPDX-License-Identifier: Apache-2.0 */
/* The training report in a printed format: built once as a document (cohort_outline.c) and
 * written by the same writers as the session log (render/rdoc.h). */
#include "cohort.h"
#include "rdoc.h"

void cohort_render(const struct cohort *c, enum report_format format, struct strbuf *out)
{
	/* HTML declares its character set; text and Markdown are read in the terminal's. */
	struct rdoc d;

	cohort_build(c, cohort_glyphs(format != REPORT_HTML && c->ascii), &d);
	rdoc_write(&d, format, out);
	rdoc_free(&d);
}
