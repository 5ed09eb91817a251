/* SPDX-License-Identifier: Apache-2.0 */
/* What would change the recommendation at a session's endpoint (whatif.h): the session's answers
 * and overrides taken as a case, so that a walk and a replay are varied alike. */
#include <stdlib.h>

#include "session.h"
#include "whatif.h"
#include "xalloc.h"

size_t session_would_change(const struct session *s, struct whatif_change **out)
{
	const struct pathway *pw = session_pathway(s);
	size_t nover = session_override_count(s), nw, nc;
	struct casefile c = { .id = "walk", .answers = (struct value *)session_answers(s) };
	struct whatif *w;

	c.overrides = xcalloc(nover + 1, sizeof(*c.overrides));
	for (size_t i = 0; i < nover; i++) {
		int node, target;
		const char *reason;
		size_t t = 0;

		session_override_get(s, i, &node, &target, &reason);
		while (t + 1 < pw->nodes[node].nnext && pw->nodes[node].next[t].target != target)
			t++;
		c.overrides[c.noverrides++] = (struct case_override){ node, t, (char *)reason, 0 };
	}
	nw = whatif_compute(pw, &c, session_today(s), session_node(s), &w);
	nc = whatif_words(pw, session_answers(s), w, nw, out);
	free(w);
	free(c.overrides);
	return nc;
}
