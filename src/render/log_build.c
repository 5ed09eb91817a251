/* SPDX-License-Identifier: Apache-2.0 */
/* The session log as a document (see log_build.h), and the dispatch of report_render to the
 * writers. */
#include "log_build.h"

#include "log_parts.h"
#include "render.h"
#include "xalloc.h"

void log_build(const struct report *r, bool ids, struct rdoc *d)
{
	rdoc_init(d);
	d->title = xasprintf("Session log: %s | %s | %s", log_or(r->title, "pathway"),
			     log_or(r->patient, "patient not recorded"), log_or(r->session_date, ""));
	d->running[0] = xstrdup(log_or(r->title, "Session log"));
	d->running[1] = xasprintf("Patient: %s | Date: %s", log_or(r->patient, "not recorded"),
				  log_or(r->session_date, "unknown"));
	log_build_summary(r, ids, &d->root);
	rdoc_break(&d->root);
	log_build_record(r, ids, &d->root);
}

void report_render_ids(const struct report *r, enum report_format format, bool ids, struct strbuf *out)
{
	struct rdoc d = { 0 };

	if (format == REPORT_JSON) {
		report_render_json(r, out);
		return;
	}
	log_build(r, ids, &d);
	rdoc_write(&d, format, out);
	rdoc_free(&d);
}

void report_render(const struct report *r, enum report_format format, struct strbuf *out)
{
	report_render_ids(r, format, false, out);
}
