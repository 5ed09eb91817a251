/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk report -f csv`: the grids of the training report (cohort.h) as one table for a
 * spreadsheet, one row per trainee, case and decision. RFC 4180 quoting (a field holding a comma,
 * quote, CR or LF is quoted, its quotes doubled) with LF line ends, which every spreadsheet reads
 * (the output boundary, safeout.h, lets no CR out). A text field that a spreadsheet would
 * take for a formula (starting with = + - @, or a tab or CR) gets a leading apostrophe, and so
 * does one that starts with an apostrophe, so that one leading apostrophe can always be removed
 * to give the text back exactly. */
#include <string.h>

#include "cohort.h"
#include "report_model.h"
#include "strbuf.h"
#include "utf8.h"

#define CSV_HEADER "trainee,case,case_title,decision,chosen,pathway,correct,seconds,journal\n"

/* Appends one text field (NULL: empty), then sep. */
static void field(struct strbuf *out, const char *text, char sep)
{
	struct strbuf clean = STRBUF_INIT;
	const char *s;

	utf8_append_clean(&clean, text ? text : "", false);
	s = sb_str(&clean);
	if (*s && strchr("=+-@\t\r'", *s)) {
		sb_reset(&clean);
		sb_append_char(&clean, '\'');
		utf8_append_clean(&clean, text, false);
		s = sb_str(&clean);
	}
	if (strpbrk(s, ",\"\r\n")) {
		sb_append_char(out, '"');
		for (; *s; s++) {
			if (*s == '"')
				sb_append_char(out, '"');
			sb_append_char(out, *s);
		}
		sb_append_char(out, '"');
	} else {
		sb_append(out, s);
	}
	sb_append_char(out, sep);
	sb_free(&clean);
}

static const char *correct_text(const struct report_item *ch)
{
	if (!ch)
		return "not reached";
	return ch->u.choice.correct > 0 ? "yes" : ch->u.choice.correct == 0 ? "no" : "not recorded";
}

void cohort_render_csv(const struct cohort *c, struct strbuf *out)
{
	sb_append(out, CSV_HEADER);
	for (size_t i = 0; i < c->ncases; i++) {
		const struct cohort_case *k = &c->cases[i];
		const struct cohort_grid *g = &k->grid;

		for (size_t r = 0; r < g->nrows; r++) {
			const struct cohort_session *s = g->rows[r].session;

			for (size_t col = 0; col < g->ncols; col++) {
				const struct report_item *ch = g->cells[r * g->ncols + col];

				field(out, s->trainee, ',');
				field(out, k->case_id, ',');
				field(out, k->case_title, ',');
				field(out, k->nodes[col].node, ',');
				field(out, ch ? ch->u.choice.chosen : NULL, ',');
				field(out, ch && ch->u.choice.recommended ? ch->u.choice.recommended : k->nodes[col].pathway, ',');
				sb_append(out, correct_text(ch));
				sb_append_char(out, ',');
				if (ch && ch->u.choice.seconds >= 0)
					sb_appendf(out, "%ld", ch->u.choice.seconds);
				sb_append_char(out, ',');
				field(out, s->file, '\n');
			}
		}
	}
}
