/* SPDX-License-Identifier: Apache-2.0 */
/* The memo of what would change the recommendation (src/session/whatif_memo.c) and the session's use of it
 * (src/session/session_whatif.c): a result is reused only for the very inputs it was computed from. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "fixtures.h"
#include "replay.h"
#include "session.h"
#include "whatif.h"
#include "whatif_memo.h"

#define TODAY 19783L /* 2024-03-01 */

/* What would change for c, computed afresh. */
static size_t fresh(const struct pathway *pw, const struct casefile *c, int endpoint, struct whatif_change **out)
{
	struct whatif *w;
	size_t nw = whatif_compute(pw, c, TODAY, endpoint, &w);
	size_t n = whatif_words(pw, c->answers, w, nw, out);

	free(w);
	return n;
}

static void expect_same(const struct whatif_change *a, size_t na, const struct whatif_change *b, size_t nb)
{
	cr_assert_eq(na, nb);
	for (size_t i = 0; i < na; i++) {
		cr_expect_str_eq(a[i].text, b[i].text);
		cr_expect_eq(a[i].var, b[i].var);
		cr_expect_eq(a[i].endpoint, b[i].endpoint);
		cr_assert_eq(a[i].nvalues, b[i].nvalues);
		for (size_t k = 0; k < a[i].nvalues; k++)
			cr_expect(value_equal(&a[i].values[k], &b[i].values[k]));
	}
}

static const char *const hi_case =
	"case = { id = \"hi\"; answers = { score = 6; flag = false; kind = \"a\"; signs = [ \"x\", \"z\" ]; "
	"last = \"2024-02-28\"; }; };";

Test(whatif_memo, holds_a_copy_for_exactly_its_inputs)
{
	struct pathway *pw = load_fixture(FIXTURE("mini.cfg"));
	struct casefile *c = load_case_text(pw, hi_case);
	struct whatif_memo *m = whatif_memo_new(pw);
	struct whatif_change *want, *got;
	size_t nwant, ngot;
	struct replay_result r;
	int end, score = pathway_find_variable(pw, "score");
	struct case_override over = { pathway_find_node(pw, "choose"), 2, "r", 0 }; /* to "low" */
	struct value kept;
	struct case_override *loaded = c->overrides; /* the loader's (empty) array, put back at the end */

	cr_assert_eq(replay_run(pw, c, NULL, TODAY, NULL, &r), REPLAY_COMPLETE);
	end = session_node(r.session);
	replay_result_free(&r);
	cr_assert_geq(score, 0);
	cr_assert_not(whatif_memo_get(m, c, TODAY, end, &got, &ngot), "an empty memo holds nothing");
	nwant = fresh(pw, c, end, &want);
	cr_assert_gt(nwant, 0, "the fixture case has changes to remember");
	whatif_memo_put(m, c, TODAY, end, want, nwant);
	cr_assert(whatif_memo_get(m, c, TODAY, end, &got, &ngot));
	expect_same(got, ngot, want, nwant);
	cr_expect_neq(got, want, "the memo hands out its own copy");
	whatif_changes_free(got, ngot);

	/* Any input changed: another answer, day or endpoint. */
	kept = c->answers[score];
	c->answers[score] = value_int(kept.u.i - 1);
	cr_expect_not(whatif_memo_get(m, c, TODAY, end, &got, &ngot), "a changed answer");
	c->answers[score] = value_unknown();
	cr_expect_not(whatif_memo_get(m, c, TODAY, end, &got, &ngot), "an answer cleared");
	c->answers[score] = value_not_recorded();
	cr_expect_not(whatif_memo_get(m, c, TODAY, end, &got, &ngot), "an answer not recorded");
	c->answers[score] = kept;
	cr_expect_not(whatif_memo_get(m, c, TODAY + 1, end, &got, &ngot), "another day");
	cr_expect_not(whatif_memo_get(m, c, TODAY, end + 1, &got, &ngot), "another endpoint");
	cr_assert(whatif_memo_get(m, c, TODAY, end, &got, &ngot), "the same inputs again");
	whatif_changes_free(got, ngot);
	whatif_changes_free(want, nwant);

	/* An override added, then its target or its reason changed, or withdrawn. */
	c->overrides = &over;
	c->noverrides = 1;
	cr_expect_not(whatif_memo_get(m, c, TODAY, end, &got, &ngot), "an override added");
	nwant = fresh(pw, c, end, &want);
	whatif_memo_put(m, c, TODAY, end, want, nwant);
	cr_assert(whatif_memo_get(m, c, TODAY, end, &got, &ngot));
	expect_same(got, ngot, want, nwant);
	whatif_changes_free(got, ngot);
	over.transition = 1;
	cr_expect_not(whatif_memo_get(m, c, TODAY, end, &got, &ngot), "another override target");
	over.transition = 2;
	over.reason = "another reason";
	cr_expect_not(whatif_memo_get(m, c, TODAY, end, &got, &ngot), "another override reason");
	over.reason = "r";
	c->noverrides = 0;
	c->overrides = loaded;
	cr_expect_not(whatif_memo_get(m, c, TODAY, end, &got, &ngot), "the override withdrawn");
	c->overrides = &over;
	c->noverrides = 1;
	cr_expect(whatif_memo_get(m, c, TODAY, end, &got, &ngot), "the override as it was");
	whatif_changes_free(got, ngot);

	/* Its own copy: the caller's result freed, the memo still answers. */
	whatif_changes_free(want, nwant);
	cr_assert(whatif_memo_get(m, c, TODAY, end, &got, &ngot));
	nwant = fresh(pw, c, end, &want);
	expect_same(got, ngot, want, nwant);
	whatif_changes_free(got, ngot);
	whatif_changes_free(want, nwant);
	c->overrides = loaded;
	c->noverrides = 0;
	whatif_memo_free(m);
	casefile_free(c);
	pathway_free(pw);
}

Test(whatif_memo, the_session_gives_what_a_fresh_computation_gives)
{
	struct pathway *pw = load_fixture(FIXTURE("mini.cfg"));
	struct casefile *c = load_case_text(pw, hi_case);
	struct replay_result r;
	struct whatif_change *want, *first, *again;
	size_t nwant, nfirst, nagain;

	cr_assert_eq(replay_run(pw, c, NULL, TODAY, NULL, &r), REPLAY_COMPLETE);
	nwant = fresh(pw, c, session_node(r.session), &want);
	nfirst = session_would_change(r.session, &first);
	nagain = session_would_change(r.session, &again);
	expect_same(first, nfirst, want, nwant);
	expect_same(again, nagain, want, nwant);
	whatif_changes_free(want, nwant);
	whatif_changes_free(first, nfirst);
	whatif_changes_free(again, nagain);
	replay_result_free(&r);
	casefile_free(c);
	pathway_free(pw);
}
