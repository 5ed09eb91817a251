/* SPDX-License-Identifier: Apache-2.0 */
/* The session log built as one printable document from the report model: page 1 is the visit
 * summary (log_summary.c), the step-by-step record follows from page 2 (log_record.c). Without
 * ids the body names steps, questions and warnings by their titles only; with ids it adds the
 * node, variable, warning and derived ids and the conditions in the pathway's syntax. */
#ifndef PATHWALK_RENDER_LOG_BUILD_H
#define PATHWALK_RENDER_LOG_BUILD_H

#include <stdbool.h>

#include "rdoc.h"
#include "report_model.h"

/* Builds the whole log of r into d (initialised here); free with rdoc_free. */
void log_build(const struct report *r, bool ids, struct rdoc *d);

/* The two parts, in the order log_build puts them. */
void log_build_summary(const struct report *r, bool ids, struct rdoc_node *root);
void log_build_record(const struct report *r, bool ids, struct rdoc_node *root);

#endif
