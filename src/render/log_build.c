/* SPDX-License-Identifier: Apache-2.0 */
/* The session log as a document (see log_build.h), the helpers both parts share, and the
 * dispatch of report_render to the writers. */
#include "log_build.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

const char *log_or(const char *s, const char *fallback)
{
	return s ? s : fallback;
}

char *log_named(const char *title, const char *id, bool ids)
{
	if (!title)
		return xstrdup(id ? id : "?");
	return ids && id ? xasprintf("%s (%s)", title, id) : xstrdup(title);
}

const char *log_severity_word(const char *severity)
{
	if (!severity)
		return "Warning";
	if (strcmp(severity, "urgent") == 0)
		return "Urgent";
	if (strcmp(severity, "caution") == 0)
		return "Caution";
	return "Advice";
}

size_t log_worded(const struct report_explanation *x)
{
	size_t n = 0;

	for (size_t i = 0; i < x->count; i++)
		n += x->clauses[i].words != NULL;
	return n;
}

void log_clauses(struct rdoc_node *list, const struct report_explanation *x, bool ids)
{
	for (size_t i = 0; i < x->count; i++) {
		const struct report_clause *c = &x->clauses[i];
		const char *truth = report_truth_word(c->truth);
		int depth = c->depth > 0 ? (c->depth < 8 ? c->depth : 8) : 0;

		if (!c->words && !ids)
			continue;
		/* The words carry their verdict ("...: met"); the syntax carries none. */
		if (c->words && ids && c->text)
			rdoc_item(list, depth, "%s [%s]", c->words, c->text);
		else if (c->words)
			rdoc_item(list, depth, "%s", c->words);
		else
			rdoc_item(list, depth, "%s: %s", log_or(c->text, "?"), truth);
	}
}

void log_plan(struct rdoc_node *root, const char *heading, const struct report_plan *p)
{
	struct rdoc_node *list;

	rdoc_heading(root, 3, heading);
	if (!p->recorded || p->count == 0) {
		rdoc_para(root, false, "%s", !p->recorded ? "Not recorded in this journal." : "Nothing further.");
		return;
	}
	list = rdoc_add(root, RDOC_LIST);
	for (size_t i = 0; i < p->count; i++) {
		struct strbuf sb = STRBUF_INIT;

		sb_append(&sb, log_or(p->items[i].text, ""));
		for (size_t k = 0; k < p->items[i].nrefs; k++)
			sb_appendf(&sb, " [%s]", p->items[i].refs[k]);
		rdoc_row(list, NULL, sb_str(&sb));
		sb_free(&sb);
	}
}

void log_build(const struct report *r, bool ids, struct rdoc *d)
{
	d->root.kind = RDOC_ROOT;
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
