/* SPDX-License-Identifier: Apache-2.0 */
/* What the training report adds to the printable document (src/render/rdoc.h), in every writer:
 * a grid (a header line, then a line per row with its label) and list rows worth a look; a grid
 * wider than the page is laid out in parts, each within 80 columns; a document without a grid
 * keeps the log's style sheet unchanged. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "rdoc.h"
#include "strbuf.h"
#include "utf8.h"

#define COLUMNS 16

static struct rdoc doc;
static struct strbuf out = STRBUF_INIT;

static void cleanup(void)
{
	rdoc_free(&doc);
	sb_free(&out);
}

TestSuite(rdoc_grid, .fini = cleanup);

/* A heading, a list with one row worth a look and its detail, and a grid of COLUMNS columns and
 * two lines: a long wide-character name and a hostile one; the last cell of each line strong. */
static void build(void)
{
	struct rdoc_node *list, *grid;

	memset(&doc, 0, sizeof(doc));
	doc.root.kind = RDOC_ROOT;
	doc.title = strdup("Grid test");
	doc.running[0] = strdup("Grid test");
	rdoc_heading(&doc.root, 3, "A case");
	list = rdoc_add(&doc.root, RDOC_LIST);
	rdoc_item(list, 0, "plain row");
	rdoc_item(list, 0, "row worth a look");
	rdoc_strong_row(list);
	rdoc_item(list, 1, "its detail");
	grid = rdoc_grid(&doc.root, COLUMNS + 1);
	rdoc_row(grid, NULL, "Trainee");
	for (int col = 1; col <= COLUMNS; col++) {
		char number[8], title[32];

		snprintf(number, sizeof(number), "%d", col);
		snprintf(title, sizeof(title), "Decision \"%d\" <b>", col);
		rdoc_row(grid, title, number);
	}
	for (int line = 0; line < 2; line++) {
		rdoc_row(grid, NULL, line == 0 ? "王小明王小明王小明 very long name indeed" : "a|b <i>");
		for (int col = 1; col <= COLUMNS; col++) {
			rdoc_row(grid, NULL, col == COLUMNS ? "\xe2\x9c\x98 123s" : "\xe2\x9c\x94 12s");
			if (col == COLUMNS)
				rdoc_strong_row(grid);
		}
	}
}

Test(rdoc_grid, text_lays_a_wide_grid_out_in_parts_within_80_columns)
{
	const char *t, *p, *last;
	size_t header_lines = 0;

	build();
	rdoc_write(&doc, REPORT_TEXT, &out);
	t = sb_str(&out);
	for (p = t; *p;) {
		const char *nl = strchr(p, '\n');

		if (*p == '\f') {
			p++;
			continue;
		}
		cr_assert_not_null(nl);
		cr_assert_leq(utf8_width(p, (size_t)(nl - p)), 80, "line too wide: %.*s", (int)(nl - p), p);
		if (strncmp(p, "   Trainee ", 11) == 0)
			header_lines++;
		p = nl + 1;
	}
	/* 16 columns of "✘ 123s" do not fit beside the labels: at least two parts, each headed. */
	cr_assert_geq(header_lines, 2, "the grid was not split into parts");
	/* Every column is numbered once; the labels are cut to 20 columns, never split in a character. */
	last = strstr(t, " 16\n");
	cr_assert(last && !strstr(last + 1, " 16\n"), "column 16 is not numbered once:\n%s", t);
	cr_assert_not_null(strstr(t, "   王小明王小明王小明  \xe2\x9c\x94 12s"), "label not cut at a break:\n%s", t);
	cr_assert_null(strstr(t, "very"));
	cr_assert_not_null(strstr(t, "   王小明王小明王小明  \xe2\x9c\x94 12s   \xe2\x9c\x98 123s\n"), "%s", t);
	cr_assert_not_null(strstr(t, "   a|b <i>             \xe2\x9c\x94 12s   \xe2\x9c\x98 123s\n"), "%s", t);
	/* A list row worth a look is marked "!", the others "-". */
	cr_assert_not_null(strstr(t, "   - plain row\n"));
	cr_assert_not_null(strstr(t, "   ! row worth a look\n      - its detail\n"));
}

Test(rdoc_grid, markdown_writes_a_pipe_table_with_escaped_cells)
{
	const char *t;
	char separator[128] = "\n|";

	build();
	rdoc_write(&doc, REPORT_MARKDOWN, &out);
	t = sb_str(&out);
	for (int col = 0; col <= COLUMNS; col++)
		strcat(separator, ":--|");
	strcat(separator, "\n");
	cr_assert_not_null(strstr(t, "\n| Trainee | 1 | 2 |"), "%s", t);
	cr_assert_not_null(strstr(t, separator), "%s", t);
	cr_assert_not_null(strstr(t, "\n| a\\|b &lt;i&gt; | \xe2\x9c\x94 12s |"), "%s", t);
	cr_assert_not_null(strstr(t, "- **row worth a look**\n    - its detail\n"), "%s", t);
}

Test(rdoc_grid, html_writes_a_table_with_headers_titles_and_strong_cells)
{
	const char *t;

	build();
	rdoc_write(&doc, REPORT_HTML, &out);
	t = sb_str(&out);
	cr_assert_not_null(strstr(t, "table.grid{"), "the grid's styles are missing");
	cr_assert_not_null(strstr(t, "<thead><tr><th scope=\"col\">Trainee</th>"
				     "<th scope=\"col\" title=\"Decision &quot;1&quot; &lt;b&gt;\">1</th>"), "%s", t);
	cr_assert_not_null(strstr(t, "<tr><th scope=\"row\">a|b &lt;i&gt;</th><td>"), "%s", t);
	cr_assert_not_null(strstr(t, "<td class=\"strong\">\xe2\x9c\x98 123s</td></tr>\n<tr><th scope=\"row\">a|b"), "%s", t);
	cr_assert_not_null(strstr(t, "<td class=\"strong\">\xe2\x9c\x98 123s</td></tr>\n</tbody>\n</table>\n"), "%s", t);
	cr_assert_not_null(strstr(t, "<li><strong>row worth a look</strong>\n<ul>\n<li>its detail</li>"), "%s", t);
}

Test(rdoc_grid, a_document_without_a_grid_keeps_the_plain_style_sheet)
{
	memset(&doc, 0, sizeof(doc));
	doc.root.kind = RDOC_ROOT;
	rdoc_para(&doc.root, false, "no grid here");
	rdoc_grid(&doc.root, 3); /* an empty grid writes nothing */
	rdoc_write(&doc, REPORT_HTML, &out);
	cr_assert_null(strstr(sb_str(&out), "table.grid"));
	cr_assert_null(strstr(sb_str(&out), "<table"));
	sb_reset(&out);
	rdoc_write(&doc, REPORT_MARKDOWN, &out);
	cr_assert_str_eq(sb_str(&out), "\nno grid here\n");
}
