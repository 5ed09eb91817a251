/* SPDX-License-Identifier: Apache-2.0 */
/* walk --case: a case's answers prefilled into the session's screens. */
#include "casefile.h"
#include "session.h"

/* --case: the case's answers become the working answers of the screen's variables, unless the
 * user has already answered them in this walk (going back and forth keeps their revisions). */
void session_prefill(struct session *s, const struct casefile *c)
{
	const struct pathway *pw = session_pathway(s);
	const struct pw_node *n = &pw->nodes[session_node(s)];

	if (!c)
		return;
	for (size_t i = 0; i < n->nask; i++) {
		int var = n->ask[i];

		if (session_answer(s, var)->type == TYPE_NONE && c->answers[var].type != TYPE_NONE)
			session_set_answer(s, var, c->answers[var]);
	}
}
