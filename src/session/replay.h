/* SPDX-License-Identifier: Apache-2.0 */
/* Headless replay of a case through the session engine: the engine behind `replay`, `test`
 * and (later) `diff` and training checks. */
#ifndef PATHWALK_REPLAY_H
#define PATHWALK_REPLAY_H

#include <stdbool.h>
#include <stdio.h>

#include "casefile.h"
#include "pathway.h"
#include "session.h"

struct journal;

enum replay_status {
	REPLAY_COMPLETE,
	REPLAY_STOPPED,  /* a variable the path asks has no answer and no default */
	REPLAY_INVALID,  /* an answer or override was refused by the session (message says why) */
	REPLAY_JOURNAL,  /* the journal could not be written */
};

struct replay_result {
	enum replay_status status;
	struct session *session; /* owned; the final state (route, warnings, answers) */
	int missing;             /* the variable lacking an answer when stopped, else -1 */
	char *message;           /* owned; why it stopped or failed, NULL when complete */
	long today;              /* the date replay_run was given */
};

/* Replays c against pw, journaling to j when not NULL. human, when not NULL, receives the readable
 * walk as it happens (nodes, answers, decisions with explanations, warnings, endpoint). Always fills
 * *out; free it with replay_result_free. today is the date used for "today" defaults. */
enum replay_status replay_run(const struct pathway *pw, const struct casefile *c, struct journal *j,
			      long today, FILE *human, struct replay_result *out);

/* As replay_run, the human walk showing, for pathway authors, the ids of nodes and warnings and
 * each condition and clause in pathway syntax beside its words (`replay --ids`). */
enum replay_status replay_run_ids(const struct pathway *pw, const struct casefile *c, struct journal *j,
				  long today, FILE *human, bool ids, struct replay_result *out);

void replay_result_free(struct replay_result *r);

/* Sets the answers of the current screen's variables from c, or each variable's default. Returns
 * REPLAY_STOPPED (out->missing and out->message set) when one has neither, REPLAY_INVALID when the
 * session refuses one, else REPLAY_COMPLETE. human, when not NULL, receives "  prompt: value" lines. */
enum replay_status replay_answer_screen(struct session *s, const struct casefile *c, FILE *human,
					struct replay_result *out);

/* Writes the endpoint the session is at for people: its title, the plan (session_print_plan), what
 * would change the recommendation (session_would_change),
 * every warning shown on the path with its text, and the disclaimer; no ids. */
void replay_print_endpoint(const struct session *s, FILE *f);

/* Writes the DESIGN §5 JSON object for a finished replay (one line and a newline) to f, with its
 * what_if (whatif_compute) when the replay completed. */
void replay_write_json(const struct pathway *pw, const struct casefile *c,
		       const struct replay_result *r, FILE *f);

#endif
