/* The instructor's training report (`pathwalk report`): many training journals summarised per
 * trainee, per case and per decision node. Each journal is read into the same model as the log
 * (report_model.h), so a session's choices, score and status mean exactly what its log shows.
 * The report is first written as an outline of plain-text lines (cohort_outline.c); the renderers
 * (cohort_render.c) only lay the outline out and escape it for their format. */
#ifndef PATHWALK_COHORT_H
#define PATHWALK_COHORT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "journal_read.h"
#include "pathway.h"
#include "report.h"

struct strbuf;

/* One training journal that is included. */
struct cohort_session {
	char *file;                /* owned: as named on the command line */
	struct journal_log *log;   /* owned (on the heap: the report points to it) */
	struct report *report;     /* owned; borrows log */
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
	const char *wrong, *wrong_label; /* the most common wrong choice; NULL when nobody was wrong */
	size_t wrong_count;
	double median_seconds;        /* < 0 when no time was recorded */
};

struct cohort_case {
	const char *case_id, *case_title; /* case_title may be NULL */
	size_t nsessions;
	double mean_percent;              /* of the sessions with at least one decision; < 0 if none */
	struct cohort_node *nodes;        /* owned, in route order */
	size_t nnodes;
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
};

/* Starts an empty cohort; pw (may be NULL) supplies node titles when it is the pathway a journal
 * used (see report_build); source names it. Both are borrowed and must outlive the cohort. */
void cohort_init(struct cohort *c, const struct pathway *pw, const char *source);

/* Reads the journal at path and includes it when it is a readable training journal. Otherwise
 * records it as not included and appends the problem to diags (FILE:LINE: message); returns
 * whether it was included. Notices about a journal that is used (a torn last line) go to diags too.
 * A journal whose hash chain does not hold is not included unless c->force. */
bool cohort_add(struct cohort *c, const char *path, struct diag_list *diags);

/* Sorts the sessions and computes the per-case and per-node figures; call once, after the last
 * cohort_add and before rendering. */
void cohort_finish(struct cohort *c);

/* Appends the report in format (REPORT_TEXT, REPORT_MARKDOWN or REPORT_HTML; anything else is
 * rendered as text) to out. */
void cohort_render(const struct cohort *c, enum report_format format, struct strbuf *out);

/* Frees everything the cohort owns; the cohort is then empty. */
void cohort_free(struct cohort *c);

/* --- the outline the renderers lay out (internal to cohort_*.c) ---------------------------- */

enum cohort_line_kind {
	COHORT_TITLE,    /* the document title */
	COHORT_SECTION,  /* a section heading */
	COHORT_HEADING,  /* a heading inside a section (a trainee, a case) */
	COHORT_PARA,     /* a paragraph */
	COHORT_ITEM,     /* an item of a list */
	COHORT_DETAIL,   /* a detail line under the item before it */
};

struct cohort_line {
	enum cohort_line_kind kind;
	char *text;      /* owned; plain text, not yet sanitized or escaped */
	bool emphasis;   /* worth noticing (an incomplete session, a decision mostly wrong) */
};

struct cohort_outline {
	struct cohort_line *lines;
	size_t count, cap;
	char *running;   /* owned: the text format's running header line under the title */
};

/* Writes the report as an outline; free with cohort_outline_free. */
void cohort_outline_build(const struct cohort *c, struct cohort_outline *out);
void cohort_outline_free(struct cohort_outline *o);

#endif
