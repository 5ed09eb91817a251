/* SPDX-License-Identifier: Apache-2.0 */
/* The session's state, private to src/session: changed only by session.c (the state machine),
 * read by session_view.c (the accessors every view of a session uses). */
#ifndef PATHWALK_SESSION_STATE_H
#define PATHWALK_SESSION_STATE_H

#include "session.h"

/* One step of the route: the node, and how many warnings had been shown before it was entered
 * (so going back forgets exactly the warnings first shown after it). */
struct route_step {
	int node;
	size_t shown_before;
	size_t overrides_before;
};

struct override {
	int node, target;
	int recommended; /* the transition the pathway recommended there, instead of which */
	char *reason;
};

struct session {
	const struct pathway *pw;
	struct journal *journal;
	char *mode, *case_id, *clinician, *patient, *trainee, *case_title, *set_title;
	size_t set_position, set_count;
	long today;

	struct value *answers;   /* working answers */
	struct value *confirmed; /* last journaled answer per variable */
	struct value *derived;

	struct route_step *route;
	int *route_nodes;        /* the nodes of route, for session_route() */
	int *route_via;          /* transition index that entered each step; -1 for the start */
	size_t nroute, route_cap, route_nodes_cap, route_via_cap;

	int *warnings_now;       /* recomputed by refresh() */
	size_t nwarnings_now;
	int *evidence_now;
	size_t nevidence_now;

	int *shown;              /* warnings shown on the route, first-shown order */
	size_t nshown;
	struct shown_text *wtext; /* per warning: what it showed (session.h) */

	struct override *overrides;
	size_t noverrides, overrides_cap;

	struct whatif_memo *would_change; /* session_would_change's last result (session_whatif.c) */
	char *message;
	bool closed;
	bool finished;  /* closed by session_finish: the endpoint is recorded */
};

#endif
