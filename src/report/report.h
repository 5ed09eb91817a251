/* SPDX-License-Identifier: Apache-2.0 */
/* The printable session log (DESIGN §6): a journal rendered for people as text, Markdown or HTML,
 * or for other tools as one JSON object. Every format is rendered from one model built from the
 * journal's events (report_model.h), so the formats cannot disagree about what happened; src/render
 * (render.h) renders it. */
#ifndef PATHWALK_REPORT_H
#define PATHWALK_REPORT_H

#include <stdbool.h>

#include "journal_read.h"
#include "pathway.h"

struct report;

enum report_format { REPORT_TEXT, REPORT_MARKDOWN, REPORT_HTML, REPORT_JSON };

/* The format named name ("text", "markdown", "html", "json"); false when there is no such format. */
bool report_format_parse(const char *name, enum report_format *out);

/* Builds the model of log. pw, when not NULL, supplies warning texts, stage labels, references and
 * the disclaimer, but only if its id and sha256 match the journal's start event; pathway_source
 * names where pw came from for the notice shown otherwise. The report borrows log and pw: both
 * must outlive it. Free with report_free. */
struct report *report_build(const struct journal_log *log, const struct pathway *pw, const char *pathway_source);

/* True when the pathway given to report_build matched the journal and is used. */
bool report_pathway_matched(const struct report *r);

/* Why the pathway is not used (e.g. "the pathway in x.cfg has another sha256"), or NULL when it is. */
const char *report_pathway_notice(const struct report *r);

/* Frees the model; NULL is fine. */
void report_free(struct report *r);

#endif
