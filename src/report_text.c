/* The plain-text log, for printers: at most 80 columns by display width, 66-line pages separated
 * by form feeds, a running header (pathway, patient, date) and a "page N of M" footer on every
 * page. The document is first laid out as blocks; pagination then never splits a block marked
 * keep (a decision, a warning, an answer) when it fits on one page. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_model.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#define WIDTH 80
#define PAGE_LINES 66
#define INDENT 3

struct block {
	struct utf8_lines lines;
	bool keep;           /* never split across pages when it fits on one */
	bool keep_with_next; /* a heading: moves to the next page with the start of what follows */
	int space_before;    /* blank lines before it, except at the top of a page */
};

struct doc {
	struct block *blocks;
	size_t count, cap;
};

static struct block *block_new(struct doc *d, bool keep, int space_before)
{
	struct block *b;

	d->blocks = xgrow(d->blocks, &d->cap, d->count + 1, sizeof(*d->blocks));
	b = &d->blocks[d->count++];
	memset(b, 0, sizeof(*b));
	b->keep = keep;
	b->space_before = space_before;
	return b;
}

/* Appends text, sanitized and wrapped, indented by indent columns; label (ASCII) starts the first
 * line and continuation lines hang under the text after it. */
static void put(struct block *b, size_t indent, const char *label, const char *text)
{
	struct strbuf clean = STRBUF_INIT, line = STRBUF_INIT;
	struct utf8_lines wrapped = { 0 };
	size_t hang = label ? strlen(label) : 0;

	if (label)
		sb_append(&clean, label);
	utf8_append_clean(&clean, text, true);
	utf8_wrap(sb_str(&clean), WIDTH - indent, hang, &wrapped);
	for (size_t i = 0; i < wrapped.count; i++) {
		sb_reset(&line);
		/* No indent on an empty line: printed logs carry no trailing blanks. */
		for (size_t k = 0; wrapped.lines[i][0] && k < indent + (i > 0 ? hang : 0); k++)
			sb_append_char(&line, ' ');
		sb_append(&line, wrapped.lines[i]);
		b->lines.lines = xgrow(b->lines.lines, &b->lines.cap, b->lines.count + 1, sizeof(char *));
		b->lines.lines[b->lines.count++] = sb_take(&line);
	}
	utf8_lines_free(&wrapped);
	sb_free(&clean);
	sb_free(&line);
}

/* As put, with a formatted text (the arguments are inserted before sanitizing, so any of them
 * may be free text from the journal). */
static void putf(struct block *b, size_t indent, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void putf(struct block *b, size_t indent, const char *label, const char *fmt, ...)
{
	va_list ap;
	char *text;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	text = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	text[0] = '\0';
	va_start(ap, fmt);
	if (n >= 0)
		vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	put(b, indent, label, text);
	free(text);
}

static const char *or(const char *s, const char *fallback)
{
	return s ? s : fallback;
}

static void put_rule(struct block *b, char c, size_t width)
{
	char *rule = xmalloc(width + 1);

	memset(rule, c, width);
	rule[width] = '\0';
	b->lines.lines = xgrow(b->lines.lines, &b->lines.cap, b->lines.count + 1, sizeof(char *));
	b->lines.lines[b->lines.count++] = rule;
}

static void section(struct doc *d, const char *title)
{
	struct block *b = block_new(d, true, 2);

	b->keep_with_next = true;
	put(b, 0, NULL, title);
	put_rule(b, '-', strlen(title));
}

static void header(struct doc *d, const struct report *r)
{
	struct block *b = block_new(d, true, 0);
	struct strbuf title = STRBUF_INIT;
	char *status = report_status_text(r);

	sb_append(&title, "SESSION LOG: ");
	utf8_append_clean(&title, or(r->title, "(untitled pathway)"), false);
	put(b, 0, NULL, sb_str(&title));
	put_rule(b, '=', utf8_width(title.data, title.len) < WIDTH ? utf8_width(title.data, title.len) : WIDTH);
	sb_free(&title);
	if (r->status != REPORT_COMPLETE) {
		b = block_new(d, true, 1);
		putf(b, 0, NULL, "*** %s ***", status);
		put(b, 0, NULL, "This log does not record a finished walk: the clinical picture may be incomplete.");
	}
	b = block_new(d, true, 1);
	putf(b, 0, "Pathway:     ", "%s (id %s, version %s, review date %s)", or(r->title, "?"),
	     or(r->pathway_id, "?"), or(r->version, "?"), or(r->review_date, "?"));
	put(b, 0, "Source:      ", or(r->pathway_file, "not recorded"));
	put(b, 0, "SHA-256:     ", or(r->sha256, "not recorded"));
	putf(b, 0, "Mode:        ", "%s%s%s", or(r->mode, "?"), r->case_id ? "; case " : "", or(r->case_id, ""));
	put(b, 0, "Clinician:   ", or(r->clinician, "not recorded"));
	put(b, 0, "Patient:     ", or(r->patient, "not recorded"));
	put(b, 0, "Started:     ", or(r->started, "?"));
	put(b, 0, "Ended:       ", or(r->ended, "?"));
	put(b, 0, "Status:      ", status);
	if (r->endpoint_title)
		putf(b, 0, "Outcome:     ", "%s (%s)", r->endpoint_title, or(r->endpoint_node, "?"));
	else
		put(b, 0, "Outcome:     ", "no endpoint reached");
	put(b, 0, "Journal:     ", r->log->file);
	if (r->pathway_notice)
		putf(b, 0, "Note:        ", "%s: warning texts, references and the disclaimer are not shown.",
		     r->pathway_notice);
	for (size_t i = 0; i < r->log->notices.count; i++)
		putf(b, 0, "Note:        ", "line %d: %s", r->log->notices.items[i].line,
		     r->log->notices.items[i].message);
	free(status);
}

static void explanation(struct block *b, const struct report_explanation *x)
{
	for (size_t i = 0; i < x->count; i++)
		putf(b, INDENT + 5, "- ", "%s: %s", x->clauses[i].text, report_truth_word(x->clauses[i].truth));
}

static void decision(struct doc *d, const struct report_item *it)
{
	struct block *b = block_new(d, true, 1);

	putf(b, INDENT, "DECISION: ", "%s -> %s%s%s%s", or(it->u.decision.label, "?"), or(it->u.decision.target, "?"),
	     it->u.decision.target_title ? " (" : "", or(it->u.decision.target_title, ""),
	     it->u.decision.target_title ? ")" : "");
	putf(b, INDENT + 3, NULL, "at %s, %s", or(it->time, "?"),
	     it->u.decision.accepted ? "the recommended step, accepted" : "OVERRIDDEN by the clinician");
	if (it->u.decision.condition) {
		put(b, INDENT + 3, "Condition: ", it->u.decision.condition);
		explanation(b, &it->u.decision.explanation);
	} else {
		put(b, INDENT + 3, "Condition: ", "none (the fallback: taken when no earlier step applies)");
	}
	if (it->u.decision.accepted)
		return;
	put(b, INDENT + 3, "Reason: ", or(it->u.decision.reason, "none recorded"));
	putf(b, INDENT + 3, "Recommended was: ", "%s%s%s%s", or(it->u.decision.recommended, "none"),
	     it->u.decision.recommended_title ? " (" : "", or(it->u.decision.recommended_title, ""),
	     it->u.decision.recommended_title ? ")" : "");
	put(b, INDENT + 3, "Its condition: ",
	    or(it->u.decision.recommended_condition, "none (the fallback)"));
	explanation(b, &it->u.decision.recommended_explanation);
}

static void item(struct doc *d, const struct report *r, const struct report_item *it, int *step)
{
	struct block *b;

	switch (it->kind) {
	case ITEM_NODE:
		b = block_new(d, true, 1);
		b->keep_with_next = true;
		putf(b, 0, NULL, "STEP %d. %s (%s)", ++*step, or(it->u.node.title, "?"), or(it->node, "?"));
		putf(b, INDENT, NULL, "Stage: %s. Entered at %s.", or(it->u.node.stage_label, "?"), or(it->time, "?"));
		break;
	case ITEM_ANSWER:
		b = block_new(d, true, 0);
		putf(b, INDENT, "Q: ", "%s (%s)", or(it->u.answer.prompt, "?"), or(it->u.answer.var, "?"));
		if (it->u.answer.revised)
			putf(b, INDENT + 3, "A: ", "%s -- REVISED at %s; previously: %s%s%s%s", or(it->u.answer.text, "?"),
			     or(it->time, "?"), or(it->u.answer.previous, "?"), it->u.answer.previous_time ? " (given at " : "",
			     or(it->u.answer.previous_time, ""), it->u.answer.previous_time ? ")" : "");
		else
			put(b, INDENT + 3, "A: ", or(it->u.answer.text, or(it->u.answer.value, "?")));
		break;
	case ITEM_WARNING:
		b = block_new(d, true, 1);
		putf(b, INDENT, "WARNING: ", "%s (%s), shown at %s", or(it->u.warning.title, "?"),
		     or(it->u.warning.id, "?"), or(it->time, "?"));
		put(b, INDENT + 3, NULL, r->pw ? or(it->u.warning.text, "(no text)") : REPORT_NO_PATHWAY_TEXT);
		break;
	case ITEM_DECISION:
		decision(d, it);
		break;
	case ITEM_BACK:
		b = block_new(d, true, 1);
		putf(b, INDENT, "BACK: ", "at %s, from %s (%s) to %s (%s). Earlier answers stay in the log; "
		     "changed ones are marked as revised.", or(it->time, "?"), or(it->u.back.from_title, "?"),
		     or(it->u.back.from, "?"), or(it->u.back.to_title, "?"), or(it->u.back.to, "?"));
		break;
	case ITEM_ENDPOINT:
		b = block_new(d, true, 1);
		putf(b, 0, "ENDPOINT: ", "%s (%s), reached at %s", or(it->u.endpoint.title, "?"), or(it->node, "?"),
		     or(it->time, "?"));
		put(b, INDENT, "Recommendation: ", or(it->u.endpoint.recommendation, "none recorded"));
		if (it->u.endpoint.nwarnings > 0) {
			struct strbuf ids = STRBUF_INIT;

			for (size_t i = 0; i < it->u.endpoint.nwarnings; i++)
				sb_appendf(&ids, "%s%s", i ? ", " : "", it->u.endpoint.warnings[i]);
			put(b, INDENT, "Warnings shown on the path: ", sb_str(&ids));
			sb_free(&ids);
		}
		break;
	case ITEM_END:
		b = block_new(d, true, 1);
		putf(b, 0, NULL, "Session closed at %s.", or(it->time, "?"));
		break;
	case ITEM_INTERRUPTED:
		b = block_new(d, true, 1);
		putf(b, 0, NULL, "*** SESSION INTERRUPTED at %s, at %s: %s ***", or(it->time, "?"), or(it->node, "?"),
		     or(it->u.interrupted.reason, "no reason recorded"));
		break;
	case ITEM_OTHER:
		b = block_new(d, true, 1);
		putf(b, INDENT, "EVENT: ", "%s at %s", or(it->u.other.event, "?"), or(it->time, "?"));
		for (size_t i = 0; i < it->u.other.nfields; i++)
			putf(b, INDENT + 3, NULL, "%s: %s", it->u.other.fields[i].key, or(it->u.other.fields[i].value, ""));
		break;
	}
}

static void closing(struct doc *d, const struct report *r)
{
	struct block *b;

	section(d, "REFERENCES CITED ON THE PATH");
	b = block_new(d, true, 0);
	if (!r->pw)
		put(b, 0, NULL, "Not available: the pathway this session used was not loaded.");
	else if (r->nrefs == 0)
		put(b, 0, NULL, "None.");
	for (size_t i = 0; i < r->nrefs; i++) {
		if (i > 0)
			b = block_new(d, true, 0);
		putf(b, 0, NULL, "[%s] %s", r->refs[i].id, or(r->refs[i].citation, ""));
	}
	section(d, "DISCLAIMER");
	b = block_new(d, false, 0);
	put(b, 0, NULL, r->disclaimer ? r->disclaimer
				      : "Not available: the pathway this session used was not loaded. This log is a "
					"record of decision support, not a substitute for clinical judgement.");
	b = block_new(d, true, 3);
	put(b, 0, NULL, REPORT_SIGNATURE_LINE);
}

static void build(struct doc *d, const struct report *r)
{
	int step = 0;

	header(d, r);
	section(d, "THE WALK");
	for (size_t i = 0; i < r->nitems; i++)
		item(d, r, &r->items[i], &step);
	closing(d, r);
}

/* --- pagination ---------------------------------------------------------------------------- */

struct page_list {
	const char ***pages; /* each a NULL-free array of borrowed lines ("" for blank) */
	size_t *lengths;
	size_t count, cap, lengths_cap;
};

static void page_add_line(struct page_list *p, const char *line)
{
	size_t k = p->count - 1;

	p->pages[k] = xrealloc(p->pages[k], (p->lengths[k] + 1) * sizeof(char *));
	p->pages[k][p->lengths[k]++] = line;
}

static void page_new(struct page_list *p)
{
	p->pages = xgrow(p->pages, &p->cap, p->count + 1, sizeof(*p->pages));
	p->lengths = xgrow(p->lengths, &p->lengths_cap, p->count + 1, sizeof(*p->lengths));
	p->pages[p->count] = NULL;
	p->lengths[p->count++] = 0;
}

static void paginate(const struct doc *d, size_t body, struct page_list *p)
{
	page_new(p);
	for (size_t i = 0; i < d->count; i++) {
		const struct block *b = &d->blocks[i];
		size_t used = p->lengths[p->count - 1];
		size_t space = used > 0 ? (size_t)b->space_before : 0;
		size_t need = b->lines.count;

		/* A heading takes the first lines of what follows with it. */
		if (b->keep_with_next && i + 1 < d->count)
			need += d->blocks[i + 1].keep ? d->blocks[i + 1].lines.count : 2;
		if (!b->keep && !b->keep_with_next)
			need = b->lines.count < 2 ? b->lines.count : 2;
		if (used > 0 && used + space + need > body && need <= body) {
			page_new(p);
			space = 0;
		}
		for (size_t k = 0; k < space && p->lengths[p->count - 1] < body; k++)
			page_add_line(p, "");
		for (size_t k = 0; k < b->lines.count; k++) {
			if (p->lengths[p->count - 1] >= body)
				page_new(p);
			page_add_line(p, b->lines.lines[k]);
		}
	}
}

/* The running header repeats the title and patient on every page, so an absurdly long one is cut
 * (visibly, with "...") rather than pushing the page body off the page; the full text stays in
 * the session details on page 1. */
static void limit_running_header(struct utf8_lines *l)
{
	const size_t max = 4;
	char *last;
	size_t len = 0, width = 0;

	if (l->count <= max)
		return;
	while (l->count > max)
		free(l->lines[--l->count]);
	last = l->lines[max - 1];
	while (last[len]) {
		unsigned long cp;
		size_t n = utf8_decode(last + len, strlen(last + len), &cp, NULL);

		if (width + (size_t)utf8_cp_width(cp) > WIDTH - 3)
			break;
		width += (size_t)utf8_cp_width(cp);
		len += n;
	}
	l->lines[max - 1] = xasprintf("%.*s...", (int)len, last);
	free(last);
}

void report_render_text(const struct report *r, struct strbuf *out)
{
	struct doc d = { 0 };
	struct page_list p = { 0 };
	struct block running = { 0 };
	struct strbuf top = STRBUF_INIT;
	size_t body;

	build(&d, r);
	utf8_append_clean(&top, or(r->title, "Session log"), false);
	put(&running, 0, NULL, sb_str(&top));
	sb_reset(&top);
	utf8_append_clean(&top, or(r->patient, "not recorded"), false);
	sb_append(&top, " | Date: ");
	utf8_append_clean(&top, or(r->session_date, "unknown"), false);
	put(&running, 0, "Patient: ", sb_str(&top));
	limit_running_header(&running.lines);
	/* Running header, its rule and a blank line on top; a blank line and the footer below. */
	body = PAGE_LINES > running.lines.count + 4 + 10 ? PAGE_LINES - running.lines.count - 4 : 10;
	paginate(&d, body, &p);
	for (size_t n = 0; n < p.count; n++) {
		char *footer = xasprintf("page %zu of %zu", n + 1, p.count);
		size_t pad = WIDTH - strlen(footer);

		if (n > 0)
			sb_append_char(out, '\f');
		for (size_t k = 0; k < running.lines.count; k++)
			sb_appendf(out, "%s\n", running.lines.lines[k]);
		for (size_t k = 0; k < WIDTH; k++)
			sb_append_char(out, '-');
		sb_append(out, "\n\n");
		for (size_t k = 0; k < p.lengths[n]; k++)
			sb_appendf(out, "%s\n", p.pages[n][k]);
		for (size_t k = p.lengths[n]; k < body; k++)
			sb_append_char(out, '\n');
		sb_append_char(out, '\n');
		sb_appendf(out, "%*s%s\n", (int)pad, "", footer);
		free(footer);
		free(p.pages[n]);
	}
	free(p.pages);
	free(p.lengths);
	utf8_lines_free(&running.lines);
	sb_free(&top);
	for (size_t i = 0; i < d.count; i++)
		utf8_lines_free(&d.blocks[i].lines);
	free(d.blocks);
}
