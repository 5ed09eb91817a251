/* SPDX-License-Identifier: Apache-2.0 */
/* The instructor's training report (`pathwalk report`): many training journals summarised per
 * trainee, per case and per decision node. Each journal is read into the same model as the log
 * (report_model.h), so a session's choices, score and status mean exactly what its log shows.
 * The report is built once as a printable document (cohort_outline.c, render/rdoc.h) that the log's
 * writers lay out and escape for each format (cohort_render.c); CSV is data (cohort_csv.c). */
#ifndef PATHWALK_COHORT_H
#define PATHWALK_COHORT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "journal_read.h"
#include "pathway.h"
#include "report.h"

struct strbuf;
struct rdoc;

/* One training journal that is included. */
struct cohort_session {
	char *file;                /* owned: as named on the command line */
	struct report *report;     /* owned: the session's digest (report_digest), not its journal */
	const char *trainee;       /* never NULL: "(not recorded)" when the journal has none */
	long seconds;              /* total decision time of the scored choices */
};

/* A journal that could not be used, and why. */
struct cohort_reject {
	char *file;    /* owned */
	int line;      /* 0 when no line applies */
	char *reason;  /* owned, sanitized */
};

/* One decision node of one case, over the sessions that reached it. */
struct cohort_node {
	const char *case_id, *node, *title;
	size_t order;                 /* position on the case's route */
	size_t reached, correct;
	const char *pathway, *pathway_label; /* the pathway's choice (its id and label); may be NULL */
	const char *wrong, *wrong_label; /* the most common wrong choice; NULL when nobody was wrong */
	size_t wrong_count;
	double median_seconds;        /* < 0 when no time was recorded */
};

/* A row of a case's trainee x decision grid: one session of the case. */
struct cohort_grid_row {
	const struct cohort_session *session;
	unsigned attempt;                 /* 1, 2, ...: the trainee's sessions of the case in order;
					   * 0 when the trainee has only one */
};

/* The trainee x decision grid of a case (cohort_grid.c), the one model that the report's document
 * (a grid node) and the CSV output lay out: cells[row * ncols + col] is the session's scored choice at the
 * case's decision node col, NULL when the session did not reach it. */
struct cohort_grid {
	struct cohort_grid_row *rows;     /* owned; in session order (trainee, then start) */
	size_t nrows, ncols;
	const struct report_item **cells; /* owned array of borrowed choices */
};

struct cohort_case {
	const char *case_id, *case_title; /* case_title may be NULL */
	size_t nsessions;
	double mean_percent;              /* of the sessions with at least one decision; < 0 if none */
	struct cohort_node *nodes;        /* owned, in route order */
	size_t nnodes;
	struct cohort_grid grid;          /* owned */
};

/* The grid's symbols: UTF-8 marks, or ASCII for a terminal that cannot show them. */
struct cohort_glyphs {
	const char *correct, *wrong, *unscored, *not_reached;
};

struct cohort {
	const struct pathway *pw;         /* borrowed; may be NULL */
	const char *pathway_source;
	struct cohort_session *sessions;  /* sorted by trainee, case, file once finished */
	size_t nsessions, sessions_cap;
	struct cohort_reject *rejects;    /* sorted by file once finished */
	size_t nrejects, rejects_cap;
	struct cohort_case *cases;        /* sorted by case id */
	size_t ncases;
	const struct cohort_node **weakest; /* every node of every case, lowest share correct first */
	size_t nweakest;
	const char *first_started, *last_started; /* times of the earliest and latest session */
	bool force;                       /* use journals whose hash chain is broken (--force) */
	const char *pathway_id;           /* the pathway reported on: set before cohort_finish to
					   * insist on one (-p); else the one most journals used */
	bool ascii;                       /* text and Markdown grids in ASCII (a non-UTF-8 locale) */
};

/* Starts an empty cohort; pw (may be NULL) supplies node titles when it is the pathway a journal
 * used (see report_build); source names it. Both are borrowed and must outlive the cohort. */
void cohort_init(struct cohort *c, const struct pathway *pw, const char *source);

/* Reads the journal at path and includes it when it is a readable training journal. Otherwise
 * records it as not included and appends the problem to diags (FILE:LINE: message); returns
 * whether it was included. Notices about a journal that is used (a torn last line) go to diags too.
 * A journal whose hash chain does not hold is not included unless c->force. */
bool cohort_add(struct cohort *c, const char *path, struct diag_list *diags);

/* Sets aside (as not included, with the problem appended to diags) the sessions of a pathway
 * other than c->pathway_id (else the one most sessions used), sorts the sessions and computes the
 * per-case and per-node figures and grids; call once, after the last cohort_add and before
 * rendering. Returns false when a session was set aside. */
bool cohort_finish(struct cohort *c, struct diag_list *diags);

/* Appends the report in format (REPORT_TEXT, REPORT_MARKDOWN or REPORT_HTML; anything else is
 * rendered as text) to out. */
void cohort_render(const struct cohort *c, enum report_format format, struct strbuf *out);

/* Appends the report as CSV (cohort_csv.c): one row per trainee, case and decision of the grids. */
void cohort_render_csv(const struct cohort *c, struct strbuf *out);

/* Which pathway id a journal set is about when two are used equally often: true when id wins
 * over best, that is when it is prefer (the loaded pathway's; may be NULL), or smaller and best
 * is not prefer. Shared with the room of --watch (room.c). */
bool cohort_tie_wins(const char *prefer, const char *id, const char *best);

/* Builds k's grid from c's (sorted) sessions; cohort_finish calls it for every case. */
void cohort_grid_build(const struct cohort *c, struct cohort_case *k);
void cohort_grid_free(struct cohort_grid *g);

/* The grid's symbols in UTF-8, or in ASCII when ascii. */
const struct cohort_glyphs *cohort_glyphs(bool ascii);

/* A cell's text: the mark and the decision time ("✔ 12s", "✘", "·"). Caller frees. */
char *cohort_cell_text(const struct report_item *choice, const struct cohort_glyphs *g);

/* A row's label: the trainee, and "#2" after it for their second session of the case. Caller frees. */
char *cohort_row_label(const struct cohort_grid_row *row);

/* Frees everything the cohort owns; the cohort is then empty. */
void cohort_free(struct cohort *c);

/* Builds the report as a document (initialised here), its marks in glyphs g; free with rdoc_free. */
void cohort_build(const struct cohort *c, const struct cohort_glyphs *g, struct rdoc *d);

#endif
