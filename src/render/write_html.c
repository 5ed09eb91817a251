/* SPDX-License-Identifier: Apache-2.0 */
/* The HTML writer of the printable document: one self-contained file (inline CSS, no scripts,
 * nothing fetched) with print styles: what precedes a page-break hint fills page 1 (the log's
 * summary), and no note (a decision, a warning, the endpoint) or grid is split across pages, on A4
 * or Letter. Every text goes through markup_html (sanitized and escaped). */
#include <stdbool.h>
#include <stddef.h>

#include "rdoc.h"
#include "markup.h"
#include "strbuf.h"

static const char style[] =
	"body{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;font-size:11pt;line-height:1.35;"
	"color:#000;background:#fff;max-width:46em;margin:1.5em auto;padding:0 1em}\n"
	"h1{font-size:16pt;margin:0 0 .4em}h2{font-size:13pt;border-bottom:1px solid #444;margin-top:1.4em}\n"
	"h3{font-size:11.5pt;margin:1.1em 0 .2em}\n"
	".meta{border-collapse:collapse;width:100%}.meta th{text-align:left;vertical-align:top;width:9em;"
	"padding:1px 6px 1px 0}.meta td{padding:1px 0;overflow-wrap:anywhere}\n"
	".incomplete{border:3px solid #000;padding:.4em .8em;font-weight:bold;margin:.8em 0}\n"
	".answers{margin:.3em 0;padding-left:1.2em}.answers li{break-inside:avoid;page-break-inside:avoid}\n"
	".warning{border-left:4px solid #000;padding:.2em .7em;margin:.6em 0}.urgent{border-left-width:9px}\n"
	".decision{border:1px solid #444;padding:.3em .7em;margin:.6em 0}.overridden{border-width:3px}\n"
	".endpoint{border:2px solid #000;padding:.3em .8em;margin:1em 0}.block{margin-top:2em}\n"
	".note p{margin:.2em 0}.note ul,.note ol{margin:.2em 0}\n"
	".note{break-inside:avoid;page-break-inside:avoid}\n"
	"h2,h3{break-after:avoid;page-break-after:avoid}\n"
	"hr.page-break{break-after:page;page-break-after:always;border:0;border-top:1px dashed #888;margin:2em 0}\n"
	"@page{margin:15mm}\n"
	"@page a4{size:A4}@page letter{size:Letter}body.a4{page:a4}body.letter{page:letter}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}a{color:#000}"
	"hr.page-break{border:0;margin:0}}\n";

/* Added to the style sheet of a document that has a grid. */
static const char grid_style[] =
	"table.grid{border-collapse:collapse;margin:.4em 0;break-inside:avoid;page-break-inside:avoid}\n"
	"table.grid th,table.grid td{border:1px solid #888;padding:.1em .5em;text-align:left;white-space:nowrap}\n"
	"table.grid th[scope=row]{font-weight:normal}td.strong{font-weight:bold;background:#eee}\n";

static void h(struct strbuf *out, const char *text)
{
	markup_html(out, text, "", true);
}

/* A table of labels and values (fields), or a list of questions and answers (terms). */
static void labelled(struct strbuf *out, const struct rdoc_node *n)
{
	bool table = n->kind == RDOC_FIELDS;

	sb_append(out, table ? "<table class=\"meta\">\n" : "<ul class=\"answers\">\n");
	for (size_t i = 0; i < n->nrows; i++) {
		sb_append(out, table ? "<tr><th>" : "<li><strong>");
		h(out, n->rows[i].label);
		sb_append(out, table ? "</th><td>" : "</strong>: ");
		h(out, n->rows[i].text);
		sb_append(out, table ? "</td></tr>\n" : "</li>\n");
	}
	sb_append(out, table ? "</table>\n" : "</ul>\n");
}

/* A list, its deeper rows nested in the item before them. */
static void list(struct strbuf *out, const struct rdoc_node *n)
{
	const char *tag = n->ordered ? "ol" : "ul";
	int depth = 0;
	bool open = false; /* an item is open at depth */

	sb_appendf(out, "<%s>\n", tag);
	for (size_t i = 0; i <= n->nrows; i++) {
		int want = i < n->nrows ? n->rows[i].depth : 0;

		for (; depth < want; depth++, open = false)
			sb_append(out, open ? "\n<ul>\n" : "<li>\n<ul>\n");
		for (; depth > want; depth--, open = true)
			sb_append(out, open ? "</li>\n</ul>\n" : "</ul>\n");
		if (open)
			sb_append(out, "</li>\n");
		open = i < n->nrows;
		if (open) {
			sb_append(out, n->rows[i].strong ? "<li><strong>" : "<li>");
			h(out, n->rows[i].text);
			sb_append(out, n->rows[i].strong ? "</strong>" : "");
		}
	}
	sb_appendf(out, "</%s>\n", tag);
}

/* A grid as a table: the header line's cells head the columns (a longer name as their title),
 * each line's first cell heads its row; a strong cell is bold on grey, never shown by colour alone. */
static void grid(struct strbuf *out, const struct rdoc_node *n)
{
	size_t nlines = (n->nrows + n->ncols - 1) / n->ncols;

	if (nlines == 0)
		return;
	sb_append(out, "<table class=\"grid\">\n<thead>");
	for (size_t l = 0; l < nlines; l++) {
		sb_append(out, l == 1 ? "\n<tbody>\n<tr>" : "<tr>");
		for (size_t col = 0; col < n->ncols && l * n->ncols + col < n->nrows; col++) {
			const struct rdoc_row *cell = &n->rows[l * n->ncols + col];
			const char *tag = l == 0 || col == 0 ? "th" : "td";

			if (l == 0 || col == 0)
				sb_appendf(out, "<th scope=\"%s\"", l == 0 ? "col" : "row");
			else
				sb_append(out, "<td");
			if (cell->label) {
				sb_append(out, " title=\"");
				markup_html(out, cell->label, "", false);
				sb_append_char(out, '"');
			}
			sb_append(out, cell->strong ? " class=\"strong\">" : ">");
			h(out, cell->text);
			sb_appendf(out, "</%s>", tag);
		}
		sb_append(out, l == 0 ? "</tr></thead>" : "</tr>\n");
	}
	sb_append(out, nlines > 1 ? "</tbody>\n</table>\n" : "\n</table>\n");
}

/* Whether n or a node under it is a grid with cells. */
static bool has_grid(const struct rdoc_node *n)
{
	bool found = n->kind == RDOC_GRID && n->nrows > 0;

	for (size_t i = 0; i < n->nchildren && !found; i++)
		found = has_grid(n->children[i]);
	return found;
}

static const char *note_class(enum rdoc_style s)
{
	switch (s) {
	case RDOC_ALERT: return "incomplete";
	case RDOC_WARNING: return "warning";
	case RDOC_URGENT: return "warning urgent";
	case RDOC_DECISION: return "decision";
	case RDOC_OVERRIDE: return "decision overridden";
	case RDOC_OUTCOME: return "endpoint";
	case RDOC_PLAIN: break;
	}
	return "block";
}

static void node(struct strbuf *out, const struct rdoc_node *n)
{
	switch (n->kind) {
	case RDOC_HEADING:
		sb_appendf(out, "<h%d>", n->level);
		h(out, n->text);
		sb_appendf(out, "</h%d>\n", n->level);
		break;
	case RDOC_PARA:
		sb_append(out, n->strong ? "<p><strong>" : "<p>");
		h(out, n->text);
		sb_append(out, n->strong ? "</strong></p>\n" : "</p>\n");
		break;
	case RDOC_FIELDS:
	case RDOC_TERMS: labelled(out, n); break;
	case RDOC_LIST: list(out, n); break;
	case RDOC_GRID: grid(out, n); break;
	case RDOC_NOTE:
		sb_appendf(out, "<div class=\"note %s\">\n", note_class(n->style));
		if (n->text[0]) {
			sb_append(out, "<p><strong>");
			h(out, n->text);
			sb_append(out, "</strong></p>\n");
		}
		for (size_t i = 0; i < n->nchildren; i++)
			node(out, n->children[i]);
		sb_append(out, "</div>\n");
		break;
	case RDOC_BREAK: sb_append(out, "<hr class=\"page-break\">\n"); break;
	case RDOC_ROOT: break;
	}
}

void rdoc_write_html(const struct rdoc *d, struct strbuf *out)
{
	struct strbuf css = STRBUF_INIT;

	sb_append(&css, style);
	if (has_grid(&d->root))
		sb_append(&css, grid_style);
	markup_html_head(out, d->title, sb_str(&css));
	sb_free(&css);
	for (size_t i = 0; i < d->root.nchildren; i++)
		node(out, d->root.children[i]);
	sb_append(out, "</body>\n</html>\n");
}
