/* SPDX-License-Identifier: Apache-2.0 */
/* Training mode over the session engine: a trainee works through a case; at each decision node
 * the trainee commits to a next step before the pathway's recommendation is revealed, and the walk
 * then follows the pathway's own route. The choices are journaled ("choice" events), compared
 * with the recommendation, timed, and scored at the end ("score" event before the endpoint).
 *
 * The faces (curses and plain) call training_decision_shown() when a decision screen is first
 * shown, training_commit() when the trainee commits, then session_advance() to continue along the
 * pathway's route, and training_finish() at the endpoint instead of session_finish(). */
#ifndef PATHWALK_TRAINING_H
#define PATHWALK_TRAINING_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "casefile.h"
#include "session.h"

struct training;

/* A committed choice at one decision node. */
struct training_choice {
	int node;                /* the decision node */
	size_t chosen;           /* transition index the trainee chose */
	size_t recommended;      /* transition index the pathway recommends */
	bool correct;
	long seconds;            /* from the screen being shown to the commit */
};

/* The words every face uses for the verdict of a choice. */
#define TRAINING_CORRECT "Correct: you chose the pathway's step."
#define TRAINING_INCORRECT "Not the pathway's step."

/* The label of a next step: the transition's label, else its target's title. */
const char *training_step_label(const struct pathway *pw, const struct pw_transition *tr);

/* Starts training s (borrowed; its session_info mode should be "train") on case c (borrowed).
 * enter_findings: the trainee types the findings, which are compared with the case's
 * (training_check_findings); otherwise the case's answers are pre-filled. */
struct training *training_new(struct session *s, const struct casefile *c, bool enter_findings);
void training_free(struct training *t);

struct session *training_session(const struct training *t);
const struct casefile *training_case(const struct training *t);
bool training_enters_findings(const struct training *t);

/* Starts the timer of the current decision node, the first time only. */
void training_decision_shown(struct training *t);

/* The trainee commits to transition (an index in the current node's next list): journals a
 * "choice" event with the recommendation, correctness and time taken. SESSION_INVALID (with
 * session_message) when the current node is not a decision, a choice was already made there, the
 * transition does not exist, or no step is recommended (the screen's answers are incomplete). */
enum session_status training_commit(struct training *t, size_t transition);

/* The committed choice at node, or NULL. */
const struct training_choice *training_choice_at(const struct training *t, int node);

/* The candidates of node as they were explained when the trainee committed there (what the reveal
 * shows), *n of them; NULL (and 0) before a commit. Owned by t. */
const struct session_candidate *training_candidates_at(const struct training *t, int node, size_t *n);

/* Decisions on the current route with a committed choice, and how many of them were correct. */
void training_score(const struct training *t, size_t *correct, size_t *total);

/* Findings entered by the trainee that matched the case's, out of those compared. */
void training_findings_score(const struct training *t, size_t *matched, size_t *total);

/* Before confirming a question screen. With enter_findings: each variable of the screen the case
 * answers is compared, once, with the trainee's working answer and journaled as a "finding";
 * then the case's answer replaces the trainee's, so the walk follows the case. Without it: any
 * pre-filled answer the trainee changed is put back (training uses the case's findings). Returns
 * the number of differences; *summary (caller frees, may be NULL when none) says what differed in
 * the trainee's words: "pain_nrs: you entered 7, the case says 5; ...". *st receives the journal
 * status. */
size_t training_check_findings(struct training *t, char **summary, enum session_status *st);

/* At the endpoint: journals the score, then finishes the session (session_finish). */
enum session_status training_finish(struct training *t);

#endif
