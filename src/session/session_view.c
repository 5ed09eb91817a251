/* SPDX-License-Identifier: Apache-2.0 */
/* Reading a session: the accessors that the screens, the plans, texts and what-ifs of a session
 * use (session.h). None of them changes the session. */
#include "session_state.h"

const char *session_message(const struct session *s)
{
	return s->message ? s->message : "";
}

struct whatif_memo *session_whatif_memo(const struct session *s)
{
	return s->would_change;
}

const struct pathway *session_pathway(const struct session *s)
{
	return s->pw;
}

long session_today(const struct session *s)
{
	return s->today;
}

int session_node(const struct session *s)
{
	return s->route[s->nroute - 1].node;
}

bool session_at_endpoint(const struct session *s)
{
	return pathway_is_endpoint(s->pw, session_node(s));
}

bool session_closed(const struct session *s)
{
	return s->closed;
}

bool session_finished(const struct session *s)
{
	return s->finished;
}

const struct value *session_answer(const struct session *s, int var)
{
	return &s->answers[var];
}

const struct value *session_answers(const struct session *s)
{
	return s->answers;
}

const struct value *session_derived(const struct session *s)
{
	return s->derived;
}

const int *session_warnings(const struct session *s, size_t *n)
{
	*n = s->nwarnings_now;
	return s->warnings_now;
}

const int *session_warnings_shown(const struct session *s, size_t *n)
{
	*n = s->nshown;
	return s->shown;
}

const struct shown_text *session_shown_text(const struct session *s, int w)
{
	return &s->wtext[w];
}

const int *session_evidence(const struct session *s, size_t *n)
{
	*n = s->nevidence_now;
	return s->evidence_now;
}

const int *session_route(const struct session *s, size_t *n)
{
	*n = s->nroute;
	return s->route_nodes;
}

const int *session_route_via(const struct session *s, size_t *n)
{
	*n = s->nroute;
	return s->route_via;
}

unsigned long long session_stages_visited(const struct session *s)
{
	unsigned long long bits = 0;

	for (size_t i = 0; i < s->nroute; i++) {
		int stage = s->pw->nodes[s->route[i].node].stage;

		if (stage >= 0 && stage < 64)
			bits |= 1ULL << stage;
	}
	return bits;
}

size_t session_override_count(const struct session *s)
{
	return s->noverrides;
}

int session_override_recommended(const struct session *s, size_t i)
{
	return s->overrides[i].recommended;
}

void session_override_get(const struct session *s, size_t i, int *node, int *target, const char **reason)
{
	*node = s->overrides[i].node;
	*target = s->overrides[i].target;
	*reason = s->overrides[i].reason;
}
