/* SPDX-License-Identifier: Apache-2.0 */
/* The ops table of a screen module (as tig's view_ops): one `const struct screen_ops` per file.
 * A screen builds its content into documents, interprets keys, and returns an intent; the walk
 * (walk.c) turns intents into session calls. Screens may edit working answers through
 * session_set_answer / session_clear_answer, never move the walk nor write the journal. */
#ifndef PATHWALK_SCREEN_H
#define PATHWALK_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "explain_words.h"
#include "session.h"
#include "ui.h"

enum screen_intent {
	SCREEN_IGNORED = 0, /* not used by the screen: the walk's global keys apply */
	SCREEN_STAY,        /* handled; redraw */
	SCREEN_NEXT,        /* confirm the screen and continue (session_advance) */
	SCREEN_OVERRIDE,    /* take ctx->override_transition with ctx->override_reason */
	SCREEN_BACK,        /* session_back */
	SCREEN_QUIT,        /* ask whether to quit */
	SCREEN_FINISH,      /* the endpoint is confirmed (session_finish) */
	SCREEN_CLOSE,       /* an overlay (help) is done */
	SCREEN_COMMIT,      /* training: the trainee commits to ctx->commit_transition */
};

struct training;

/* What a screen sees. Owned by the walk; state belongs to the screen (open/close). */
struct screen_ctx {
	struct session *s;
	const struct pathway *pw;
	void *state;
	bool pane;                  /* the evidence pane is shown */
	char *message;              /* for the message line; set with screen_message() */
	bool message_error;
	size_t override_transition; /* with SCREEN_OVERRIDE */
	char *override_reason;      /* with SCREEN_OVERRIDE; the walk frees it */
	bool typing;                /* a field or prompt is taking printable keys (globals off) */
	const struct training *training; /* training mode: the choices so far; NULL in a walk */
	size_t commit_transition;   /* with SCREEN_COMMIT */
	char *differences;          /* training: how the findings entered differ from the case's */
	bool ids;                   /* explanations also in pathway syntax, for authors (--ids) */
};

struct screen_ops {
	const char *name;
	/* Creates the screen's state for the session's current node; NULL is a valid state. */
	void *(*open)(struct screen_ctx *ctx);
	void (*close)(void *state);
	/* Fills body (and pane, the evidence/explanation pane) for their widths; sets body->focus to
	 * the target that must be visible. */
	void (*draw)(struct screen_ctx *ctx, struct ui_doc *body, struct ui_doc *pane);
	enum screen_intent (*key)(struct screen_ctx *ctx, const struct ui_event *ev);
	/* A click on a body line with this target (never 0). */
	enum screen_intent (*click)(struct screen_ctx *ctx, int target);
	/* Key hints for the bottom bar, given the screen's state (owned by the screen). */
	const char *(*hints)(const struct screen_ctx *ctx);
	/* Heading of the pane. */
	const char *pane_title;
};

extern const struct screen_ops info_screen;
extern const struct screen_ops question_screen;
extern const struct screen_ops decision_screen;
extern const struct screen_ops outcome_screen;
extern const struct screen_ops help_screen;
extern const struct screen_ops train_decision_screen; /* training: commit, then the reveal */
extern const struct screen_ops vignette_screen;       /* training: the case's vignette (overlay) */
extern const struct screen_ops debrief_screen;        /* training: score and debrief (overlay) */
extern const struct screen_ops findings_screen;       /* training: ctx->differences (overlay) */

/* Sets the message line (printf format); error messages are drawn as errors. NULL fmt clears. */
void screen_message(struct screen_ctx *ctx, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Shared content: the node's title and the warnings that apply now. */
void screen_node_title(struct screen_ctx *ctx, struct ui_doc *body);

/* Shared content: the node's title, warnings that apply now and its rendered text. */
void screen_node_header(struct screen_ctx *ctx, struct ui_doc *body);

/* Shared content: an endpoint's title, then every override on the route ("Chosen by the clinician
 * instead of ..., reason: ...") and the node's text, labelled as the pathway's criteria when the
 * route has an override (endpoint_header.c). */
void screen_endpoint_header(struct screen_ctx *ctx, struct ui_doc *body);

/* Shared content: the warnings that apply now, under a heading (endpoints). */
void screen_warnings(struct screen_ctx *ctx, struct ui_doc *body);

/* Shared content: an endpoint's plan items (actions or document) that apply now, under heading,
 * each with its citations; "nothing further" when none applies. */
void screen_plan(struct screen_ctx *ctx, struct ui_doc *d, const char *heading, const struct pw_plan *plan);

/* Shared content: "About this pathway": title, version, review date, scope, disclaimer, the
 * numbered choices and the notes (the start form's F1 and the `?` help show it). */
void screen_about(const struct pathway *pw, struct ui_doc *d);

/* Shared content: the evidence notes that apply now, each with its citations. */
void screen_evidence(struct screen_ctx *ctx, struct ui_doc *d);

/* Adds a labelled paragraph of node text (rendered with session_render_text) when text is set. */
void screen_section(struct screen_ctx *ctx, struct ui_doc *d, const char *heading, const char *text,
		    enum ui_style style);

/* Shared content: the clauses of candidate c's condition in clinical words with their truth, each
 * level of a derived value's clauses indented two more, down to max_depth (EXPLAIN_SCREEN_DEPTH,
 * EXPLAIN_ALL_DEPTHS); with ids each clause in pathway syntax too. Or the fallback note. */
void screen_candidate_clauses(struct ui_doc *doc, const struct session_candidate *c, size_t indent, int target,
			      int max_depth, bool ids);

#endif
