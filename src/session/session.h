/* SPDX-License-Identifier: Apache-2.0 */
/* The session engine: the state machine every face (the curses walk, --plain, replay, test,
 * training) drives. It holds the current node, the answers, the derived values, the route taken
 * (history), and writes every event to the journal when one is attached.
 *
 * Answers are edited with session_set_answer() and confirmed by session_advance(), which checks
 * them, journals them (a changed earlier answer is journaled as revised, never erased) and moves
 * on. At a decision node session_advance() accepts the recommendation and session_override()
 * takes another candidate with a reason. session_back() returns to the previous node keeping every
 * answer. */
#ifndef PATHWALK_SESSION_H
#define PATHWALK_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "expr.h"
#include "pathway.h"
#include "value.h"

struct journal;
struct session;
struct whatif_memo;

/* What the session records in its "start" event. All strings are copied; any may be NULL. */
struct session_info {
	const char *mode;      /* "walk", "replay", "train" */
	const char *case_id;   /* the case file's id, if any */
	const char *clinician;
	const char *patient;
	const char *trainee;    /* training: the trainee's name or id */
	const char *case_title; /* the case file's title, if any */
	const char *set_title;  /* training from a case set: its title; NULL when not from a set */
	size_t set_position, set_count; /* the case's place in the set (1-based) and the set's size */
};

/* Result of a session call. */
enum session_status {
	SESSION_OK = 0,
	SESSION_INVALID = 1, /* the user's input is not acceptable; message says why; nothing changed */
	SESSION_JOURNAL = 2, /* the journal could not be written (errno kept); the state did change */
};

/* A message for the user from the last failed call; owned by the session, valid until the next call. */
const char *session_message(const struct session *s);

/* Creates a session at pw's start node. journal may be NULL (nothing is recorded) and is borrowed:
 * the caller closes it after session_free. today is the date used for date defaults. */
struct session *session_new(const struct pathway *pw, struct journal *journal,
			    const struct session_info *info, long today);

/* Journals the start event and what is shown at the start node. Call once, first. */
enum session_status session_begin(struct session *s);

void session_free(struct session *s);

const struct pathway *session_pathway(const struct session *s);

/* The date the session was created with, for "today" defaults. */
long session_today(const struct session *s);

/* Current node index. */
int session_node(const struct session *s);

/* True when the current node is an endpoint. */
bool session_at_endpoint(const struct session *s);

/* True once session_finish() or session_interrupt() was called. */
bool session_closed(const struct session *s);

/* True once session_finish() recorded the endpoint (an interrupted session is closed, not finished). */
bool session_finished(const struct session *s);

/* The working answer of variable var (TYPE_NONE when unanswered). The array form is indexed like
 * pw->vars and stays valid until the next call that changes answers. */
const struct value *session_answer(const struct session *s, int var);
const struct value *session_answers(const struct session *s);

/* Derived values computed from the working answers (TYPE_NONE when unknown). */
const struct value *session_derived(const struct session *s);

/* The value a screen shows first for var: the working answer if any, else the variable's default
 * (today for a date defaulting to today), else TYPE_NONE. */
struct value session_initial_value(const struct session *s, int var);

/* Sets the working answer of var after checking its type, range and options (SESSION_INVALID with
 * a message naming the variable otherwise). Not journaled until session_advance(). */
enum session_status session_set_answer(struct session *s, int var, struct value v);

/* Clears the working answer of var. */
void session_clear_answer(struct session *s, int var);

struct casefile;

/* walk --case: sets c's answers (c may be NULL) for the current node's variables that have no
 * working answer yet, so answers given in this walk survive going back and forth. */
void session_prefill(struct session *s, const struct casefile *c);

/* Confirms the current screen: every asked variable must be answered and every constraint whose
 * variables are all known must hold (else SESSION_INVALID with a message naming the fields). Then
 * journals the answers, takes the first transition whose condition is true (journaled as a
 * decision with its explanation, accepted), and journals the warnings shown at the new node.
 * At an endpoint: SESSION_INVALID (use session_finish). */
enum session_status session_advance(struct session *s);

/* The longest reason for an override, in characters. */
#define SESSION_REASON_MAX 1000

/* At a decision node: confirms the screen like session_advance() but takes transition index
 * `transition` (of the current node's next list) instead of the recommendation. reason must have
 * visible text and at most SESSION_REASON_MAX characters. Choosing the recommended one is an
 * ordinary accept. */
enum session_status session_override(struct session *s, size_t transition, const char *reason);

/* Goes back to the previous node on the route, keeping every answer. SESSION_INVALID at the start. */
enum session_status session_back(struct session *s);

/* At an endpoint: journals the endpoint and the end of the session. */
enum session_status session_finish(struct session *s);

/* Journals an event built by another engine module (training, resume) as an action of its own:
 * event_json is one complete JSON object whose first member is "event". Nothing in the session
 * changes. */
enum session_status session_journal_event(struct session *s, const char *event_json);

/* As session_journal_event, but the event is written with the next action (the next call that
 * journals), in the same write: for events that belong to it (training's findings, its score). */
enum session_status session_stage_event(struct session *s, const char *event_json);

/* From now on events are recorded to j (NULL: nothing is recorded); j is borrowed, as in
 * session_new. Used to continue a session rebuilt from its journal without re-recording it. */
void session_attach_journal(struct session *s, struct journal *j);

/* Sets the message another engine module refuses a call with; returns SESSION_INVALID. */
enum session_status session_refuse(struct session *s, const char *message);

/* Journals an interruption (why: "SIGTERM", "SIGHUP", "quit", ...) and closes the session. */
enum session_status session_interrupt(struct session *s, const char *why);

/* One candidate next step at the current node, with its condition explained. */
struct session_candidate {
	size_t transition;      /* index in the node's next list */
	int target;             /* node index */
	const char *label;      /* the transition's label, or the target's title */
	const char *when;       /* condition source, NULL for the fallback */
	struct expr_explanation why;
	bool recommended;       /* the first candidate whose condition is true */
};

/* Fills *out with every candidate of the current node (none at an endpoint). The recommended one
 * is marked. Free with session_candidates_free. Returns the count. */
size_t session_candidates(const struct session *s, struct session_candidate **out);
void session_candidates_free(struct session_candidate *c, size_t n);

/* Index of the recommended transition at the current node, or -1 (endpoint, or nothing true). */
int session_recommended(const struct session *s);

/* Warnings that apply at the current node, urgent first, then caution, then advice, each in
 * pathway order (the order the screens show and the journal records them); *n receives the
 * count. The array is owned by the session and valid until the next call that changes state. */
const int *session_warnings(const struct session *s, size_t *n);

/* Every warning shown on the route so far, first-shown order, unique. */
const int *session_warnings_shown(const struct session *s, size_t *n);

/* Evidence entries of the current node that apply now (their `when` true or absent). */
const int *session_evidence(const struct session *s, size_t *n);

/* The items of plan (the current node's actions or document) that apply now: those without a
 * condition or whose condition is true, as indices into plan->items in order (src/session/session_plan.c).
 * out has room for plan->nitems; returns the count. */
size_t session_plan_shown(const struct session *s, const struct pw_plan *plan, int *out);

/* The text of warning w as it shows at the current node: the items of its text that apply now,
 * rendered and joined by a space; marks them in seen (room for its nitems) unless NULL. Caller
 * frees (src/session/session_plan.c). */
char *session_warning_text(const struct session *s, int w, unsigned char *seen);

/* What a warning showed: the text last journaled for it on the route (NULL: not shown there),
 * and a flag per item of its text, set once the item has shown in this session (for coverage). */
struct shown_text {
	char *text;
	unsigned char *seen;
};

/* The session's memo of what would change the recommendation (src/session/session_whatif.c updates it,
 * also for a const session; it goes with the session). */
struct whatif_memo *session_whatif_memo(const struct session *s);

/* What warning w showed (the session keeps one per warning). */
const struct shown_text *session_shown_text(const struct session *s, int w);

/* The session's side (src/session/session_plan.c): one empty record per warning of pw; freeing n of them. */
struct shown_text *shown_texts_new(const struct pathway *pw);
void shown_texts_free(struct shown_text *t, size_t n);

enum shown_change { SHOWN_SAME, SHOWN_CHANGED, SHOWN_FIRST };

/* Computes warning w's text at the current node into t, marking its items seen; says whether it
 * was not shown before, differs from the text last recorded, or is the same. */
enum shown_change shown_text_update(struct shown_text *t, const struct session *s, int w);

/* Forgets the text of a warning no longer shown on the route (going back); items stay seen. */
void shown_text_forget(struct shown_text *t);

struct strbuf;

/* Writes the current endpoint's plan for the plain faces (src/session/session_plan.c): under the headings
 * "Recommendation:", "What to do:" and "What to document:", each item shown now as "  - text",
 * then its citations "      [id] citation"; every line starts with indent. */
void session_print_plan(const struct session *s, FILE *f, const char *indent);

/* Appends the warning event's ,"warning":id,"title":...,"severity":...,"text":... members for
 * warning w as it shows now (its text as last recorded by shown_text_update). */
void session_warning_json(const struct session *s, int w, struct strbuf *sb);

/* Appends the endpoint event's ,"actions":[...],"document":[...] members: each item shown, as
 * {"text": rendered text, "refs": [reference ids]}, so that a log prints exactly what was shown;
 * then ,"would_change":[...] (session_would_change, as the endpoint screen shows it). */
void session_plan_json(const struct session *s, struct strbuf *sb);

/* Appends the node event's ,"evidence_refs":[...] member: the ids of the references cited by the
 * evidence shown on entering the current node, first-cited order, each once. */
void session_evidence_json(const struct session *s, struct strbuf *sb);

/* The route: node indices from the start to the current node. */
const int *session_route(const struct session *s, size_t *n);

/* For each step of the route, the index of the transition (in the previous node's next list) that
 * entered it; -1 for the start node. Same length as session_route(). */
const int *session_route_via(const struct session *s, size_t *n);

/* Stages visited on the route so far (bit per stage index, stage < 64). */
unsigned long long session_stages_visited(const struct session *s);

/* Overrides taken on the route: parallel arrays node, target and reason; *n the count. */
size_t session_override_count(const struct session *s);
void session_override_get(const struct session *s, size_t i, int *node, int *target, const char **reason);

/* The transition (in the override's node's next list) that the pathway recommended where override
 * i was taken: what the clinician chose instead of. */
int session_override_recommended(const struct session *s, size_t i);

/* Text with every {id} replaced by the formatted value of that variable or derived value
 * ("not yet known" when unknown) and {{ / }} by a literal brace. Caller frees. */
char *session_render_text(const struct session *s, const char *text);

/* Checks whether value v is acceptable for var (type, range, options). Returns NULL when it is,
 * else a message for the user (caller frees). Used by case files as well as screens. */
char *session_check_value(const struct pathway *pw, int var, const struct value *v);

#endif
