/* SPDX-License-Identifier: Apache-2.0 */
/* Lays the training report's outline out as text (the log's printable pages), Markdown or HTML.
 * Escaping is the log's own (textdoc.h, markup.h), so hostile names come out the same way. */
#include <ctype.h>
#include <stdlib.h>

#include "cohort.h"
#include "markup.h"
#include "strbuf.h"
#include "textdoc.h"
#include "xalloc.h"

static void render_text(const struct cohort_outline *o, struct strbuf *out)
{
	struct textdoc d = { 0 };
	struct textdoc_block running = { 0 }, *b = NULL;

	for (size_t i = 0; i < o->count; i++) {
		const struct cohort_line *l = &o->lines[i];
		char *upper;

		switch (l->kind) {
		case COHORT_TITLE:
			textdoc_title(&d, l->text);
			b = NULL;
			break;
		case COHORT_SECTION:
			upper = xstrdup(l->text);
			for (char *p = upper; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			textdoc_section(&d, upper);
			free(upper);
			b = NULL;
			break;
		case COHORT_HEADING:
			b = textdoc_block(&d, true, 1);
			b->keep_with_next = true;
			textdoc_put(b, 0, NULL, l->text);
			b = NULL;
			break;
		case COHORT_PARA:
			textdoc_put(textdoc_block(&d, true, i > 0 && o->lines[i - 1].kind == COHORT_PARA ? 0 : 1), 0,
				    NULL, l->text);
			break;
		case COHORT_ITEM:
			b = textdoc_block(&d, true, 0);
			textdoc_put(b, 2, l->emphasis ? "! " : "- ", l->text);
			break;
		case COHORT_DETAIL:
			if (!b)
				b = textdoc_block(&d, true, 0);
			textdoc_put(b, 6, NULL, l->text);
			break;
		}
	}
	textdoc_put(&running, 0, NULL, o->running);
	textdoc_render(&d, &running, out);
}

static void md_line(struct strbuf *out, const struct cohort_line *l)
{
	sb_append(out, l->emphasis ? "**" : "");
	markup_md(out, l->text, "");
	sb_append(out, l->emphasis ? "**\n" : "\n");
}

static void render_markdown(const struct cohort_outline *o, struct strbuf *out)
{
	static const char *const prefix[] = {
		[COHORT_TITLE] = "# ", [COHORT_SECTION] = "\n## ", [COHORT_HEADING] = "\n### ",
		[COHORT_PARA] = "\n", [COHORT_ITEM] = "- ", [COHORT_DETAIL] = "    - ",
	};
	bool in_list = false;

	for (size_t i = 0; i < o->count; i++) {
		const struct cohort_line *l = &o->lines[i];
		bool listed = l->kind == COHORT_ITEM || l->kind == COHORT_DETAIL;

		/* A list starts after a blank line; anything else ends it. */
		if (listed && !in_list)
			sb_append_char(out, '\n');
		in_list = listed;
		sb_append(out, prefix[l->kind]);
		md_line(out, l);
	}
}

static const char html_style[] =
	"body{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;font-size:11pt;line-height:1.35;"
	"color:#000;background:#fff;max-width:46em;margin:1.5em auto;padding:0 1em}\n"
	"h1{font-size:16pt;margin:0 0 .4em}h2{font-size:13pt;border-bottom:1px solid #444;margin-top:1.4em}\n"
	"h3{font-size:11.5pt;margin:1.1em 0 .2em}p{margin:.3em 0}\n"
	"ul{margin:.3em 0;padding-left:1.2em}li{break-inside:avoid;page-break-inside:avoid;overflow-wrap:anywhere}\n"
	".emphasis{font-weight:bold}\n"
	"h2,h3{break-after:avoid;page-break-after:avoid}\n"
	"@page{margin:15mm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}}\n";

/* Closes the open lists down to depth (0: none, 1: items, 2: details). */
static void html_close(struct strbuf *out, int *depth, int to)
{
	for (; *depth > to; (*depth)--)
		sb_append(out, *depth == 2 ? "</ul>\n" : "</li>\n</ul>\n");
}

static void html_line(struct strbuf *out, const struct cohort_line *l, int *depth)
{
	static const char *const tag[] = {
		[COHORT_TITLE] = "h1", [COHORT_SECTION] = "h2", [COHORT_HEADING] = "h3", [COHORT_PARA] = "p",
		[COHORT_ITEM] = "li", [COHORT_DETAIL] = "li",
	};

	if (l->kind == COHORT_ITEM) {
		html_close(out, depth, 1);
		sb_append(out, *depth == 1 ? "</li>\n" : "<ul>\n");
		*depth = 1;
	} else if (l->kind == COHORT_DETAIL) {
		if (*depth == 1)
			sb_append(out, "\n<ul>\n");
		*depth = 2;
	} else {
		html_close(out, depth, 0);
	}
	sb_appendf(out, "<%s%s>", tag[l->kind], l->emphasis ? " class=\"emphasis\"" : "");
	markup_html(out, l->text, "", false);
	/* An item stays open: its details nest inside it. */
	if (l->kind != COHORT_ITEM)
		sb_appendf(out, "</%s>\n", tag[l->kind]);
}

static void render_html(const struct cohort_outline *o, struct strbuf *out)
{
	int depth = 0;

	markup_html_head(out, o->running, html_style);
	for (size_t i = 0; i < o->count; i++)
		html_line(out, &o->lines[i], &depth);
	html_close(out, &depth, 0);
	sb_append(out, "</body>\n</html>\n");
}

void cohort_render(const struct cohort *c, enum report_format format, struct strbuf *out)
{
	struct cohort_outline o;

	cohort_outline_build(c, &o);
	if (format == REPORT_MARKDOWN)
		render_markdown(&o, out);
	else if (format == REPORT_HTML)
		render_html(&o, out);
	else
		render_text(&o, out);
	cohort_outline_free(&o);
}
