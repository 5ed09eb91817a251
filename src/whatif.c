/* SPDX-License-Identifier: Apache-2.0 */
/* what_if (DESIGN §5): each answer of a case is changed on its own, the others held fixed, and the
 * changed case is replayed through the session engine (replay.c) on the same loaded pathway. */
#include "whatif.h"

#include <stdlib.h>

#include "replay.h"
#include "session.h"
#include "xalloc.h"

/* How far a date is moved each way. */
#define WHATIF_DATE_SPAN 3650L

struct trials {
	const struct pathway *pw;
	const struct casefile *base;
	struct casefile changed; /* base with answers replaced by the scratch copy below */
	struct value *answers;
	struct value *no_derived; /* all unknown, as the case loader checks constraints */
	long today;
	int endpoint;
	struct whatif *out;
	size_t n, cap;
};

/* The endpoint the case reaches with var answered v, or -1 when the change is refused or stops. */
static int endpoint_with(struct trials *t, int var, struct value v)
{
	struct replay_result r;
	int end = -1;

	t->answers[var] = v;
	if (casefile_broken_constraint(t->pw, t->answers, t->no_derived, 0) < 0) {
		if (replay_run(t->pw, &t->changed, NULL, t->today, NULL, &r) == REPLAY_COMPLETE)
			end = session_node(r.session);
		replay_result_free(&r);
	}
	t->answers[var] = t->base->answers[var];
	return end;
}

/* Tries var = v; records it and returns true when it leads to another endpoint. */
static bool try_change(struct trials *t, int var, struct value v)
{
	int end = endpoint_with(t, var, v);

	if (end < 0 || end == t->endpoint)
		return false;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 8;
		t->out = xrealloc(t->out, t->cap * sizeof(*t->out));
	}
	t->out[t->n++] = (struct whatif){ .var = var, .value = v, .endpoint = end };
	return true;
}

/* The nearest value from `from` stepping by step (-1 or 1) while within lo..hi that changes the
 * endpoint; make builds the value (an int or a date). */
static void nearest(struct trials *t, int var, long from, int step, long lo, long hi, struct value (*make)(long))
{
	for (long x = from + step; x >= lo && x <= hi; x += step)
		if (try_change(t, var, make(x)))
			return;
}

static void vary(struct trials *t, int var)
{
	const struct pw_variable *v = &t->pw->vars[var];
	const struct value *a = &t->base->answers[var];

	switch (a->type) {
	case TYPE_INT:
		nearest(t, var, a->u.i, -1, v->min, v->max, value_int);
		nearest(t, var, a->u.i, 1, v->min, v->max, value_int);
		break;
	case TYPE_BOOL:
		try_change(t, var, value_bool(!a->u.b));
		break;
	case TYPE_CHOICE:
		for (size_t o = 0; o < v->noptions; o++)
			if ((int)o != a->u.choice)
				try_change(t, var, value_choice((int)o));
		break;
	case TYPE_SET:
		for (size_t o = 0; o < v->noptions; o++)
			try_change(t, var, value_set(a->u.set ^ ((uint64_t)1 << o)));
		break;
	case TYPE_DATE: {
		/* Within what a case file can hold: years 1900 to 9999 (date_parse). */
		long lo = date_from_ymd(1900, 1, 1), hi = DATE_MAX_DAYS;

		nearest(t, var, a->u.date, -1, a->u.date - WHATIF_DATE_SPAN > lo ? a->u.date - WHATIF_DATE_SPAN : lo,
			hi, value_date);
		nearest(t, var, a->u.date, 1, lo, a->u.date + WHATIF_DATE_SPAN < hi ? a->u.date + WHATIF_DATE_SPAN : hi,
			value_date);
		break;
	}
	case TYPE_NONE:
		break;
	}
}

size_t whatif_compute(const struct pathway *pw, const struct casefile *c, long today, int endpoint,
		      struct whatif **out)
{
	struct trials t = { .pw = pw, .base = c, .changed = *c, .today = today, .endpoint = endpoint };

	t.answers = xcalloc(pw->nvars + 1, sizeof(*t.answers));
	t.no_derived = xcalloc(pw->nderived + 1, sizeof(*t.no_derived));
	for (size_t v = 0; v < pw->nvars; v++)
		t.answers[v] = c->answers[v];
	t.changed.answers = t.answers;
	for (size_t v = 0; v < pw->nvars; v++)
		vary(&t, (int)v);
	free(t.answers);
	free(t.no_derived);
	*out = t.out;
	return t.n;
}

void whatif_append_json(struct strbuf *sb, const struct pathway *pw, const struct whatif *w, size_t n)
{
	sb_append(sb, "[");
	for (size_t i = 0; i < n; i++) {
		char *text = pathway_format_value_ids(pw, w[i].var, &w[i].value);

		sb_append(sb, i ? ",{\"variable\":" : "{\"variable\":");
		sb_append_json_string(sb, pw->vars[w[i].var].id);
		sb_appendf(sb, ",\"value\":%s,\"endpoint\":", text);
		sb_append_json_string(sb, pw->nodes[w[i].endpoint].id);
		sb_append(sb, "}");
		free(text);
	}
	sb_append(sb, "]");
}
