/* SPDX-License-Identifier: Apache-2.0 */
/* The model every log format is rendered from (internal to report_*.c, and read by the training
 * report, cohort.c, so that it interprets a journal exactly as the log does). Built once from the
 * journal's events, plus the pathway when it is the one the session used. Strings are borrowed
 * from the journal's JSON trees or the pathway unless marked owned; none is sanitized here: each
 * renderer escapes for its own format, so no format can forget a field another one escapes. */
#ifndef PATHWALK_REPORT_MODEL_H
#define PATHWALK_REPORT_MODEL_H

/* The longest decision time a report believes (about 31 years); longer is taken as not recorded. */
#define REPORT_SECONDS_MAX 1000000000L

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

struct json;

enum report_item_kind {
	ITEM_NODE,        /* a screen was entered */
	ITEM_ANSWER,
	ITEM_WARNING,
	ITEM_DECISION,    /* decision or override */
	ITEM_BACK,
	ITEM_ENDPOINT,
	ITEM_END,
	ITEM_INTERRUPTED,
	ITEM_RESUME,      /* an interrupted session was resumed */
	ITEM_CHOICE,      /* training: the trainee committed to a next step */
	ITEM_FINDING,     /* training: a finding the trainee entered, compared with the case */
	ITEM_SCORE,       /* training: the score written at the end */
	ITEM_OTHER,       /* an event this version does not know: rendered generically */
};

/* truth: 1 true, 0 false, -1 unknown (a clause over unanswered variables). text is the clause in
 * the pathway's syntax (journal key "clause", for authors and --ids); words is the same clause in
 * clinical words (key "words"; NULL in journals before the wording); depth is 0 for a clause of
 * the condition itself and k > 0 for a clause of a derived value expanded k levels under the
 * clause before it (key "depth"; 0 when absent). */
struct report_clause {
	const char *text;
	int truth;
	const char *words;
	int depth;
};

struct report_explanation {
	struct report_clause *clauses; /* owned array */
	size_t count;
};

/* One member of an unknown event: the value is its string, or compact JSON for anything else. */
struct report_field {
	const char *key;
	char *value; /* owned */
};

/* One plan item (what to do, what to document) as the endpoint event recorded it. */
struct report_plan_item {
	const char *text;
	const char **refs; /* owned array of borrowed reference ids */
	size_t nrefs;
};

struct report_plan {
	bool recorded;                  /* false: the journal predates plans in the endpoint event */
	struct report_plan_item *items; /* owned */
	size_t count;
};

/* One line of "What would change the recommendation", as the endpoint event recorded it (journal
 * key "would_change": [{"text", "endpoint", "title"}]): a change of one answer in clinical words
 * ("Pain 4/10 or less") and the endpoint it would lead to (id, and its title in words). */
struct report_change {
	const char *text, *endpoint, *endpoint_title;
};

struct report_changes {
	bool recorded;                /* false: the journal predates the section (or none computed) */
	struct report_change *items;  /* owned */
	size_t count;
};

struct report_item {
	enum report_item_kind kind;
	const char *time;  /* may be NULL */
	const char *node;  /* node id the event happened at; may be NULL */
	int line;          /* journal line */
	union {
		struct {
			const char *stage, *stage_label, *title;
			const struct json *evidence_refs; /* ids cited by the evidence shown; NULL in older journals */
		} node;
		struct {
			const char *var, *prompt, *text;
			char *value;          /* owned: the value as compact JSON (option ids) */
			bool revised;
			char *previous;       /* owned: the earlier answer in words, or its ids; NULL if not revised */
			const char *previous_time;
		} answer;
		struct {
			const char *id, *title;
			const char *severity; /* "urgent", "caution" or "advice" (journal key "severity"); NULL
					       * in journals before severities */
			const char *text;     /* from the pathway; NULL when it is not available */
			const int *refs;      /* reference indices in the pathway */
			size_t nrefs;
		} warning;
		struct {
			bool accepted;
			const char *target, *target_title, *label, *recommended, *recommended_title;
			const char *condition, *reason, *recommended_condition;
			struct report_explanation explanation, recommended_explanation;
		} decision;
		struct {
			const char *from, *to, *from_title, *to_title;
		} back;
		struct {
			const char *title, *recommendation;
			const char **warnings; /* owned array of borrowed ids */
			size_t nwarnings;
			struct report_plan actions, document;
			struct report_changes changes; /* what would change the recommendation */
		} endpoint;
		struct {
			const char *reason;
		} interrupted;
		struct {
			const char *title;  /* of the node the walk resumed at; NULL when unknown */
			const char *notice; /* what the resume had to say (e.g. the pathway changed); may be NULL */
		} resume;
		struct {
			const char *title; /* of the decision node */
			const char *chosen, *chosen_label, *recommended, *recommended_label;
			int correct;       /* 1, 0, or -1 when not recorded */
			long seconds;      /* 0..REPORT_SECONDS_MAX; -1 when not recorded or past it */
			bool repeat;       /* not the first choice at this node: not scored */
		} choice;
		struct {
			const char *var, *prompt; /* prompt from the answer it follows; may be NULL */
			char *entered, *expected; /* owned: the text, else the value as compact JSON */
			int match;                /* 1, 0, or -1 when not recorded */
		} finding;
		struct {
			long correct, total, findings_matched, findings_total; /* -1 when absent */
		} score;
		struct {
			const char *event;
			struct report_field *fields; /* owned */
			size_t nfields;
		} other;
	} u;
};

enum report_status {
	REPORT_COMPLETE,    /* ended at an endpoint with an "end" event */
	REPORT_INTERRUPTED, /* closed with an "interrupted" event */
	REPORT_UNFINISHED,  /* the journal just stops: the program was killed or crashed */
};

struct report_reference {
	const char *id, *citation;
};

struct report {
	const struct journal_log *log;
	const struct pathway *pw;  /* NULL unless it is the pathway the session used */
	char *pathway_notice;      /* owned; why pw is not used, NULL when it is */

	/* Header, from the start event. Any may be NULL. */
	const char *pathway_id, *title, *version, *review_date, *sha256, *pathway_file;
	const char *mode, *case_id, *clinician, *patient, *today;
	const char *started, *ended; /* times of the first and last events */
	const char *session_date;    /* "YYYY-MM-DD" for running headers: today, else the start date */
	char *session_date_owned;

	const char *trainee, *case_title; /* training sessions; NULL otherwise */
	const char *set_title;            /* training from a case set (start event's "set"); else NULL */
	long set_position, set_count;     /* the case's place in that set (1-based) and its size; 0 */

	enum report_status status;         /* from the last closing event (end, interrupted, resume) */
	const char *interrupted_node, *interrupted_reason;
	const char *endpoint_node, *endpoint_title; /* NULL when no endpoint was reached */

	struct report_item *items;
	size_t nitems;
	struct report_reference *refs; /* owned array: cited on the path, first-cited order */
	size_t nrefs;
	const char *disclaimer;        /* from the pathway; NULL when it is not available */

	/* Training: the first choice at each decision node, in route order (owned array of pointers
	 * into items) and how many of them were correct; the findings entered and how many matched;
	 * the score event (NULL when the session wrote none). */
	const struct report_item **debrief;
	size_t ndebrief, decisions_correct, nfindings, findings_matched;
	const struct report_item *score;

	char **owned;  /* a digest's copies of its strings (report_digest); NULL otherwise */
	size_t nowned;
};

/* What the training report keeps of a session: the header (pathway id, title, version, sha256,
 * mode, case, trainee, start time, status) and the debrief's choices with their figures, with
 * every string copied, so that the journal and the full model r can be freed at once. Free with
 * report_free; it has no log, no pathway and no other items. */
struct report *report_digest(const struct report *r);

/* True for a training session (mode "train"). */
bool report_is_training(const struct report *r);

/* The mode and case in words: "training; case v5 (52 F ...)", "replay; case v5", "walk". Caller frees. */
char *report_mode_text(const struct report *r);

/* A choice's decision time: "12 s", or "time not recorded" when seconds < 0. Caller frees. */
char *report_seconds_text(long seconds);

/* The score line: "Score: 3/4 decisions correct", from the score event, else counted from the
 * choices with a note that the session recorded no score. Caller frees. */
char *report_score_text(const struct report *r);

/* "correct", "incorrect" or "not recorded" for a choice's correct field. */
const char *report_correct_word(int correct);

/* Words for a clause's truth value: "true", "false" or "unknown". */
const char *report_truth_word(int truth);

/* The status in a few words: "complete", "INCOMPLETE: interrupted at Step title (reason)", ...;
 * ids adds the node id after the step's title. Caller frees. */
char *report_status_text(const struct report *r, bool ids);

/* The step node in words: its title as the walk showed it (with ids, "title (node)"), else "the
 * step on screen" (with ids, the id). Caller frees. */
char *report_step_name(const struct report *r, const char *node, bool ids);

/* Reads the endpoint event's plan member key ("actions" or "document") into *out
 * (src/report/report_plan.c); free with report_plan_free. */
void report_plan_read(const struct json *event, const char *key, struct report_plan *out);
void report_plan_free(struct report_plan *p);

/* Reads the endpoint event's "would_change" list into *out (src/report/report_plan.c); entries without
 * a text are skipped; free with report_changes_free. */
void report_changes_read(const struct json *event, struct report_changes *out);
void report_changes_free(struct report_changes *c);

/* Shared wording of the "About this pathway" section, which every format shows first: the
 * scope and choices come from the session's pathway (r->pw), version and review date from the
 * journal. */
#define REPORT_ABOUT_HEADING "About this pathway"
#define REPORT_NO_SCOPE "not stated by the pathway"
#define REPORT_CHOICES_HEADING "Choices made where the sources are ambiguous:"

/* Why the journal's integrity was not verified (it was used with --force): "INTEGRITY NOT
 * VERIFIED: ...", naming the line of the break; NULL when its chain holds. Caller frees. */
char *report_integrity_text(const struct report *r);

/* Shared wording, so the formats say the same things. */
#define REPORT_SIGNATURE_LINE "Clinician signature: ______________________________  Date: ______________"
#define REPORT_DIGEST_LABEL "Journal digest: " /* then the sha256 of its last line, for verify --digest */
#define REPORT_NO_PATHWAY_TEXT "(text not available: the pathway this session used was not loaded)"

#endif
