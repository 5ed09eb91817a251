/* SPDX-License-Identifier: Apache-2.0 */
/* Rendering a report (the model of one journal, report.h) in a format: the printed formats
 * through the document model (log_build.h, rdoc.h), JSON directly (report_json.c). */
#ifndef PATHWALK_RENDER_H
#define PATHWALK_RENDER_H

#include <stdbool.h>

#include "report.h"

struct strbuf;

/* Appends the report in format to out. The printed formats (text, Markdown, HTML) name steps,
 * questions and warnings by their titles; ids also prints the node, variable, warning and derived
 * ids and the conditions in the pathway's syntax (pathwalk log --ids). JSON always has them. */
void report_render(const struct report *r, enum report_format format, struct strbuf *out);
void report_render_ids(const struct report *r, enum report_format format, bool ids, struct strbuf *out);

/* The JSON log: everything the journal says, ids and conditions included. */
void report_render_json(const struct report *r, struct strbuf *out);

#endif
