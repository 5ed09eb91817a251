/* SPDX-License-Identifier: Apache-2.0 */
/* what_if (src/session/whatif.c) against a brute-force replay of every single-answer change. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caselib.h"
#include "casefile.h"
#include "fixtures.h"
#include "replay.h"
#include "trial.h"
#include "whatif.h"

#define SPAN 3650L

/* The endpoint c reaches with var = v, or -1 when the loader's constraints or the walk refuse it. */
static int brute_endpoint(const struct pathway *pw, const struct casefile *c, long today, int var, struct value v)
{
	struct casefile t = *c;
	struct value *answers = calloc(pw->nvars + 1, sizeof(*answers));
	struct value *derived = calloc(pw->nderived + 1, sizeof(*derived));
	struct expr_env env = { pw, answers, derived, -1, false };
	struct replay_result r;
	int end = -1;
	bool allowed = true;

	memcpy(answers, c->answers, pw->nvars * sizeof(*answers));
	answers[var] = v;
	for (size_t i = 0; i < pw->nconstraints; i++) {
		struct value ok = expr_eval(pw->constraints[i].require, &env);

		allowed = allowed && !(ok.type == TYPE_BOOL && !ok.u.b);
	}
	t.answers = answers;
	if (allowed) {
		if (replay_run(pw, &t, NULL, today, NULL, &r) == REPLAY_COMPLETE)
			end = session_node(r.session);
		replay_result_free(&r);
	}
	free(answers);
	free(derived);
	return end;
}

struct expected {
	struct whatif items[512];
	size_t n;
};

static void expect(struct expected *x, int var, struct value v, int end)
{
	cr_assert_lt(x->n, 512);
	x->items[x->n++] = (struct whatif){ var, v, end };
}

/* The nearest value of an int (within its range) or a date (within SPAN days) that changes the
 * endpoint, searched by replaying every value outward from the answer in direction STEP (-1 or +1)
 * until one does: the same value a replay of the whole range would keep. Records it in x. */
static void brute_nearest(const struct pathway *pw, const struct casefile *c, long today, int base, int var, long step,
			  struct expected *x)
{
	const struct value *a = &c->answers[var];
	bool date = a->type == TYPE_DATE;
	long at = date ? a->u.date : a->u.i;
	long lo = date ? at - SPAN : pw->vars[var].min, hi = date ? at + SPAN : pw->vars[var].max;

	for (long k = at + step; k >= lo && k <= hi; k += step) {
		struct value v = date ? value_date(k) : value_int(k);
		int end = brute_endpoint(pw, c, today, var, v);

		if (end >= 0 && end != base) {
			expect(x, var, v, end);
			return;
		}
	}
}

/* The nearest differing value below, then above (brute_nearest each way). */
static void brute_scalar(const struct pathway *pw, const struct casefile *c, long today, int base, int var,
			 struct expected *x)
{
	brute_nearest(pw, c, today, base, var, -1, x);
	brute_nearest(pw, c, today, base, var, +1, x);
}

static void brute_force(const struct pathway *pw, const struct casefile *c, long today, int base, struct expected *x)
{
	x->n = 0;
	for (size_t var = 0; var < pw->nvars; var++) {
		const struct value *a = &c->answers[var];
		int v = (int)var, end;

		switch (a->type) {
		case TYPE_INT:
		case TYPE_DATE:
			brute_scalar(pw, c, today, base, v, x);
			break;
		case TYPE_BOOL:
			if ((end = brute_endpoint(pw, c, today, v, value_bool(!a->u.b))) >= 0 && end != base)
				expect(x, v, value_bool(!a->u.b), end);
			break;
		case TYPE_CHOICE:
			for (int o = 0; o < (int)pw->vars[var].noptions; o++)
				if (o != a->u.choice && (end = brute_endpoint(pw, c, today, v, value_choice(o))) >= 0 &&
				    end != base)
					expect(x, v, value_choice(o), end);
			break;
		case TYPE_SET:
			for (size_t o = 0; o < pw->vars[var].noptions; o++) {
				struct value s = value_set(a->u.set ^ ((uint64_t)1 << o));

				if ((end = brute_endpoint(pw, c, today, v, s)) >= 0 && end != base)
					expect(x, v, s, end);
			}
			break;
		case TYPE_NONE:
			break;
		}
	}
}

/* Replays c, then checks whatif_compute equals the brute force, entry by entry; returns the count. */
static size_t check_case(const struct pathway *pw, const struct casefile *c, long today)
{
	struct replay_result r;
	struct expected *x = malloc(sizeof(*x));
	struct whatif *w;
	size_t n;
	int base;

	cr_assert_eq(replay_run(pw, c, NULL, today, NULL, &r), REPLAY_COMPLETE, "%s does not complete", c->id);
	base = session_node(r.session);
	replay_result_free(&r);
	n = whatif_compute(pw, c, today, base, &w);
	brute_force(pw, c, today, base, x);
	for (size_t i = 0; i < n && i < x->n; i++) {
		char *got = pathway_format_value_ids(pw, w[i].var, &w[i].value);
		char *want = pathway_format_value_ids(pw, x->items[i].var, &x->items[i].value);

		cr_expect(w[i].var == x->items[i].var && value_equal(&w[i].value, &x->items[i].value) &&
				  w[i].endpoint == x->items[i].endpoint,
			  "%s entry %zu: got %s = %s -> %s, brute force %s = %s -> %s", c->id, i, pw->vars[w[i].var].id,
			  got, pw->nodes[w[i].endpoint].id, pw->vars[x->items[i].var].id, want,
			  pw->nodes[x->items[i].endpoint].id);
		free(got);
		free(want);
	}
	cr_expect_eq(n, x->n, "%s: %zu entries, brute force %zu", c->id, n, x->n);
	free(w);
	free(x);
	return n;
}

Test(whatif, mini_pathway_matches_the_brute_force)
{
	struct pathway *pw = load_fixture(FIXTURE("mini.cfg"));
	static const char *const cases[] = {
		"case = { id = \"hi\"; answers = { score = 6; flag = false; kind = \"a\"; signs = [ \"x\", \"z\" ]; "
		"last = \"2024-02-28\"; }; };",
		"case = { id = \"many\"; answers = { score = 2; flag = true; kind = \"b\"; signs = [ \"x\", \"y\" ]; "
		"seen = \"2024-03-01\"; last = \"2024-01-31\"; }; };",
		"case = { id = \"low\"; answers = { score = 5; flag = false; kind = \"b\"; signs = [ \"y\" ]; "
		"last = \"2024-02-29\"; }; };",
		/* The override holds wherever the changed walk reaches its node. */
		"case = { id = \"over\"; answers = { score = 9; flag = false; kind = \"a\"; signs = [ ]; "
		"last = \"2024-02-01\"; }; overrides = ( { node = \"choose\"; goto = \"many\"; reason = \"r\"; } ); };",
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct casefile *c = load_case_text(pw, cases[i]);

		check_case(pw, c, 19783 /* 2024-03-01 */);
		casefile_free(c);
	}
	pathway_free(pw);
}

Test(whatif, the_nearest_value_each_way_and_a_refused_change_is_skipped)
{
	struct pathway *pw = load_fixture(FIXTURE("mini.cfg"));
	struct casefile *c = load_case_text(pw, "case = { id = \"hi\"; answers = { score = 6; flag = false; kind = \"a\"; "
					   "signs = [ \"x\", \"z\" ]; seen = \"2024-03-01\"; last = \"2024-03-01\"; }; };");
	struct whatif *w;
	size_t n = whatif_compute(pw, c, 19783, pathway_find_node(pw, "high"), &w);

	/* score 4 (the nearest below 5) -> many (two signs); kind b -> many; no later `last` (refused). */
	cr_assert_eq(n, 2);
	cr_assert_eq(w[0].var, pathway_find_variable(pw, "score"));
	cr_assert_eq(w[0].value.u.i, 4);
	cr_assert_eq(w[0].endpoint, pathway_find_node(pw, "many"));
	cr_assert_eq(w[1].var, pathway_find_variable(pw, "kind"));
	free(w);
	casefile_free(c);
	pathway_free(pw);
}

/* check_case for each of the n bundled cases named, with variable left_out (NULL: none) taken out
 * of its answers; each must have at least one entry. */
static void check_bundled(const char *const *cases, size_t n, const char *left_out)
{
	struct diag_list diags = { 0 };
	struct pathway *pw = pathway_load_bundled(&diags);

	cr_assert_not_null(pw);
	for (size_t i = 0; i < n; i++) {
		char path[512];
		bool io_error = false;
		struct casefile *c;

		snprintf(path, sizeof path, "%s/config/cases/%s.cfg", PATHWALK_SOURCE_DIR, cases[i]);
		c = casefile_load_file(path, pw, &diags, &io_error);
		dump_diags(&diags);
		cr_assert_not_null(c, "%s", path);
		if (left_out)
			c->answers[pathway_find_variable(pw, left_out)] = value_unknown();
		cr_expect_gt(check_case(pw, c, date_from_ymd(2025, 2, 17)), 0, "%s", cases[i]);
		casefile_free(c);
	}
	diag_clear(&diags);
	pathway_free(pw);
}

Test(whatif, bundled_cases_at_thresholds_match_the_brute_force, .timeout = 600)
{
	/* Each is one side of thresholds its what_if must find the other side of: SIJ 2/3 tests and
	 * pain 4/5 (v5a), weeks 3/4 and 49/50% relief (edge-esi-3-weeks), 59/60 days across a month end
	 * (edge-59-days-month-end). The brute force replays up to 20,000 changes per case, so the
	 * other threshold cases are checked for their entry in test_whatif_edges.sh. */
	static const char *const cases[] = { "v5a-two-sij-tests", "edge-esi-3-weeks", "edge-59-days-month-end" };

	check_bundled(cases, sizeof cases / sizeof cases[0], NULL);
}

/* The endpoint replay_run reaches for c (-1 when it does not complete). */
static int replay_endpoint(const struct pathway *pw, const struct casefile *c, long today)
{
	struct replay_result r;
	int end = replay_run(pw, c, NULL, today, NULL, &r) == REPLAY_COMPLETE ? session_node(r.session) : -1;

	replay_result_free(&r);
	return end;
}

Test(whatif, trial_walks_end_where_replay_ends_for_every_bundled_case_and_change, .timeout = 600)
{
	struct diag_list diags = { 0 };
	struct pathway *pw = pathway_load_bundled(&diags);
	struct caselib lib;
	long today = date_from_ymd(2025, 2, 17);
	size_t compared = 0;

	cr_assert_not_null(pw);
	caselib_load_bundled(pw, today, &lib, &diags);
	cr_assert_gt(lib.count, 50);
	for (size_t i = 0; i < lib.count; i++) {
		struct casefile *c = lib.entries[i].c;
		struct trial t;
		struct value *answers = c->answers;

		trial_init(&t, pw, today);
		cr_expect_eq(trial_record(&t, c), replay_endpoint(pw, c, today), "%s", c->id);
		/* Every bool, choice and set changed by one step, and every int moved by one each way. */
		c->answers = calloc(pw->nvars + 1, sizeof(*c->answers));
		for (size_t v = 0; v < pw->nvars; v++) {
			struct value alt[64];
			size_t nalt = 0;

			memcpy(c->answers, answers, pw->nvars * sizeof(*answers));
			if (answers[v].type == TYPE_BOOL)
				alt[nalt++] = value_bool(!answers[v].u.b);
			for (size_t o = 0; answers[v].type == TYPE_CHOICE && o < pw->vars[v].noptions; o++)
				alt[nalt++] = value_choice((int)o);
			for (size_t o = 0; answers[v].type == TYPE_SET && o < pw->vars[v].noptions; o++)
				alt[nalt++] = value_set(answers[v].u.set ^ ((uint64_t)1 << o));
			if (answers[v].type == TYPE_INT && answers[v].u.i > pw->vars[v].min)
				alt[nalt++] = value_int(answers[v].u.i - 1);
			if (answers[v].type == TYPE_INT && answers[v].u.i < pw->vars[v].max)
				alt[nalt++] = value_int(answers[v].u.i + 1);
			for (size_t k = 0; k < nalt; k++) {
				c->answers[v] = alt[k];
				cr_expect_eq(trial_endpoint(&t, c, (int)v), replay_endpoint(pw, c, today), "%s: %s changed",
					     c->id, pw->vars[v].id);
				compared++;
			}
		}
		free(c->answers);
		c->answers = answers;
		trial_free(&t);
	}
	cr_expect_gt(compared, 1000);
	caselib_free(&lib);
	diag_clear(&diags);
	pathway_free(pw);
}

Test(whatif, a_left_out_computed_default_matches_the_brute_force, .timeout = 600)
{
	/* weeks_since_tpi left out: its default is computed from both dates, so a run of dates whose
	 * walk reaches its screen is tried date by date, the others (all of a red flag's) by runs. */
	static const char *const cases[] = { "r2-over-r3", "tpi-weeks-from-dates" };

	check_bundled(cases, sizeof cases / sizeof cases[0], "weeks_since_tpi");
}
