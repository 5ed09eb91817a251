/* SPDX-License-Identifier: Apache-2.0 */
/* Shared by the expression tests: a hand-built pathway (no file loading, so the tests exercise
 * expr alone), an evaluation environment reset before each test, and assertion helpers. */
#ifndef PATHWALK_TEST_EXPR_FIXTURE_H
#define PATHWALK_TEST_EXPR_FIXTURE_H

#include <criterion/criterion.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "expr.h"
#include "pathway.h"
#include "strbuf.h"
#include "xalloc.h"

enum { PAIN_NRS, RADICULAR_PAIN, LAST_TYPE, SIJ_TESTS, ASSESSMENT_DATE, LAST_DATE, EVENTS, PAIN_WEEKS,
       SIDE, NVARS };
enum { SIJ_COUNT, DAYS_SINCE_LAST, LAST_OK, EARLIEST_REPEAT, NDERIVED };
enum { NODE_START, NODE_SIJ, NODE_EPIDURAL, NNODES };
enum { TPI, SIJ_STEROID, EPIDURAL_STEROID };
enum { PATRICK_FABER, THIGH_THRUST, SACRAL_THRUST, DISTRACTION };
enum { FEVER, HEADACHE, NEW_DEFICIT, NO_EVENT };

static struct pw_option injection_types[] = {
	{ "tpi", "Trigger point injection" },
	{ "sij_steroid", "SIJ steroid injection" },
	{ "epidural_steroid", "Epidural steroid injection" },
};
static struct pw_option sij_options[] = {
	{ "patrick_faber", "FABER" }, { "thigh_thrust", "Thigh thrust" },
	{ "sacral_thrust", "Sacral thrust" }, { "distraction", "Distraction" },
};
static struct pw_option event_options[] = {
	{ "fever_or_site_infection", "Fever" }, { "headache_neck_stiffness", "Headache" },
	{ "new_deficit", "New deficit" }, { "nothing", "Nothing" },
};
static struct pw_option sides[] = { { "left", "Left" }, { "right", "Right" } };

static struct pathway *pw;
static struct diag_list diags;
static struct value answers[NVARS];
static struct value derived[NDERIVED];
static struct expr_env env;

static inline void add_var(int i, const char *id, enum value_type type, struct pw_option *options, size_t n)
{
	pw->vars[i].id = (char *)id;
	pw->vars[i].type = type;
	pw->vars[i].options = options;
	pw->vars[i].noptions = n;
	cr_assert_eq(strmap_put(&pw->var_index, id, i), 0);
}

static inline void add_derived(int i, const char *id, enum value_type type, int domain)
{
	pw->derived[i].id = (char *)id;
	pw->derived[i].type = type;
	pw->derived[i].domain = domain;
	cr_assert_eq(strmap_put(&pw->derived_index, id, i), 0);
}

static inline void add_node(int i, const char *id)
{
	pw->nodes[i].id = (char *)id;
	cr_assert_eq(strmap_put(&pw->node_index, id, i), 0);
}

static inline void expr_fixture_setup(void)
{
	pw = xcalloc(1, sizeof(*pw));
	pw->vars = xcalloc(NVARS, sizeof(*pw->vars));
	pw->nvars = NVARS;
	pw->derived = xcalloc(NDERIVED, sizeof(*pw->derived));
	pw->nderived = NDERIVED;
	pw->nodes = xcalloc(NNODES, sizeof(*pw->nodes));
	pw->nnodes = NNODES;
	add_var(PAIN_NRS, "pain_nrs", TYPE_INT, NULL, 0);
	add_var(RADICULAR_PAIN, "radicular_pain", TYPE_BOOL, NULL, 0);
	add_var(LAST_TYPE, "last_injection_type", TYPE_CHOICE, injection_types, 3);
	add_var(SIJ_TESTS, "sij_tests", TYPE_SET, sij_options, 4);
	add_var(ASSESSMENT_DATE, "assessment_date", TYPE_DATE, NULL, 0);
	add_var(LAST_DATE, "last_injection_date", TYPE_DATE, NULL, 0);
	add_var(EVENTS, "post_injection_events", TYPE_SET, event_options, 4);
	add_var(PAIN_WEEKS, "pain_weeks", TYPE_INT, NULL, 0);
	add_var(SIDE, "side", TYPE_CHOICE, sides, 2);
	add_derived(SIJ_COUNT, "sij_count", TYPE_INT, -1);
	add_derived(DAYS_SINCE_LAST, "days_since_last", TYPE_INT, -1);
	add_derived(LAST_OK, "last_ok", TYPE_BOOL, -1);
	add_derived(EARLIEST_REPEAT, "earliest_repeat", TYPE_DATE, -1);
	add_node(NODE_START, "start");
	add_node(NODE_SIJ, "sij_injection");
	add_node(NODE_EPIDURAL, "epidural");

	memset(&diags, 0, sizeof(diags));
	for (int i = 0; i < NVARS; i++)
		answers[i] = value_unknown();
	for (int i = 0; i < NDERIVED; i++)
		derived[i] = value_unknown();
	env = (struct expr_env){ pw, answers, derived, NODE_START, false };
}

static inline void expr_fixture_teardown(void)
{
	strmap_free(&pw->var_index);
	strmap_free(&pw->derived_index);
	strmap_free(&pw->node_index);
	free(pw->vars);
	free(pw->derived);
	free(pw->nodes);
	free(pw);
	diag_clear(&diags);
}

static inline long day(const char *text)
{
	long days = 0;

	cr_assert_eq(date_parse(text, &days), 0);
	return days;
}

/* Parses source with every derived value visible, failing the test on any diagnostic. */
static inline struct expr *parse(const char *source, struct expr_type *type)
{
	struct expr *e = expr_parse(source, pw, NDERIVED, "test.cfg", 12, &diags, type);

	for (size_t i = 0; i < diags.count; i++)
		cr_log_error("%s", diags.items[i].message);
	cr_assert_not_null(e, "\"%s\" should parse", source);
	cr_assert_eq(diags.count, 0);
	return e;
}

/* Parses source expecting exactly one diagnostic at test.cfg:12, and returns its message. */
static inline const char *parse_error_visible(const char *source, int derived_visible)
{
	struct expr_type type = { TYPE_INT, 99 };
	struct expr *e = expr_parse(source, pw, derived_visible, "test.cfg", 12, &diags, &type);

	cr_assert_null(e, "\"%s\" should not parse", source);
	cr_assert_eq(diags.count, 1, "\"%s\" gave %zu diagnostics", source, diags.count);
	cr_assert_str_eq(diags.items[0].file, "test.cfg");
	cr_assert_eq(diags.items[0].line, 12);
	cr_assert_eq(type.type, TYPE_INT, "*type is untouched on error");
	return diags.items[0].message;
}

static inline const char *parse_error(const char *source)
{
	return parse_error_visible(source, NDERIVED);
}

static inline struct value eval(const char *source)
{
	struct expr *e = parse(source, NULL);
	struct value v = expr_eval(e, &env);

	expr_free(e);
	return v;
}

static inline void assert_true(const char *source)
{
	struct value v = eval(source);

	cr_assert_eq(v.type, TYPE_BOOL, "\"%s\" is %s", source, value_type_name(v.type));
	cr_assert(v.u.b, "\"%s\" should be true", source);
}

static inline void assert_false(const char *source)
{
	struct value v = eval(source);

	cr_assert_eq(v.type, TYPE_BOOL, "\"%s\" is %s", source, value_type_name(v.type));
	cr_assert_not(v.u.b, "\"%s\" should be false", source);
}

static inline void assert_unknown(const char *source)
{
	cr_assert_eq(eval(source).type, TYPE_NONE, "\"%s\" should be unknown", source);
}

static inline void assert_int(const char *source, long expected)
{
	struct value v = eval(source);

	cr_assert_eq(v.type, TYPE_INT, "\"%s\" is %s", source, value_type_name(v.type));
	cr_assert_eq(v.u.i, expected, "\"%s\" = %ld, expected %ld", source, v.u.i, expected);
}

static inline void assert_date(const char *source, const char *expected)
{
	struct value v = eval(source);
	char text[DATE_TEXT_SIZE];

	cr_assert_eq(v.type, TYPE_DATE, "\"%s\" is %s", source, value_type_name(v.type));
	date_format(v.u.date, text);
	cr_assert_str_eq(text, expected, "\"%s\"", source);
}

static inline void assert_type(const char *source, enum value_type type, int domain)
{
	struct expr_type t = { TYPE_NONE, -2 };

	expr_free(parse(source, &t));
	cr_assert_eq(t.type, type, "\"%s\" is %s", source, value_type_name(t.type));
	cr_assert_eq(t.domain, domain, "\"%s\" has domain %d", source, t.domain);
}

/* Explains source; the caller frees with expr_explanation_free. */
static inline struct expr_explanation explain(const char *source)
{
	struct expr *e = parse(source, NULL);
	struct expr_explanation x;

	expr_explain(e, &env, &x);
	expr_free(e);
	return x;
}

static inline void assert_clause(const struct expr_explanation *x, size_t i, const char *text, int truth)
{
	cr_assert_lt(i, x->count, "no clause %zu", i);
	cr_assert_str_eq(x->clauses[i].text, text);
	if (truth < 0) {
		cr_assert_eq(x->clauses[i].type, TYPE_NONE, "\"%s\" should be unknown", text);
	} else {
		cr_assert_eq(x->clauses[i].type, TYPE_BOOL, "\"%s\" should be known", text);
		cr_assert_eq(x->clauses[i].truth, truth != 0, "\"%s\" truth", text);
	}
}

/* Explains a single-clause expression and checks that clause. */
static inline void assert_explains_as(const char *source, const char *text, int truth)
{
	struct expr_explanation x = explain(source);

	cr_assert_eq(x.count, 1, "\"%s\" has %zu clauses", source, x.count);
	assert_clause(&x, 0, text, truth);
	expr_explanation_free(&x);
}

#endif
