/* SPDX-License-Identifier: Apache-2.0 */
/* What would change the recommendation, in the pathway's words (whatif.h): the variable's short
 * name (pathway_var_short), its unit and option labels, and the endpoint's title. */
#include <stdlib.h>

#include "strbuf.h"
#include "whatif.h"
#include "xalloc.h"

/* The options of a set answer, in order, that the answer lacks (has = false) or holds. */
static size_t options_where(const struct pathway *pw, int var, const struct value *a, bool has)
{
	size_t n = 0;

	for (size_t o = 0; o < pw->vars[var].noptions; o++)
		n += (((a->u.set >> o) & 1) != 0) == has;
	return n;
}

/* The option that value v adds to (or removes from) the set answer a. */
static int toggled(const struct value *a, const struct value *v)
{
	uint64_t d = a->u.set ^ v->u.set;
	int o = 0;

	while (d > 1) {
		d >>= 1;
		o++;
	}
	return o;
}

/* "A", "A or B", "A, B or C" of the labels of c's values' toggled options. */
static void option_list(struct strbuf *sb, const struct pathway *pw, const struct whatif_change *c,
			const struct value *a)
{
	for (size_t i = 0; i < c->nvalues; i++) {
		int o = a->type == TYPE_SET ? toggled(a, &c->values[i]) : c->values[i].u.choice;

		sb_append(sb, i == 0 ? "" : i + 1 == c->nvalues ? " or " : ", ");
		sb_append(sb, pw->vars[c->var].options[o].label);
	}
}

static char *word(const struct pathway *pw, const struct value *a, const struct whatif_change *c)
{
	struct strbuf sb = STRBUF_INIT;
	const struct value *v = &c->values[0];
	char *text;

	sb_appendf(&sb, "%s: ", pathway_var_short(pw, c->var));
	switch (v->type) {
	case TYPE_INT:
	case TYPE_DATE:
		text = pathway_format_value_unit(pw, c->var, v);
		sb_append(&sb, text);
		free(text);
		if (v->type == TYPE_INT)
			sb_append(&sb, v->u.i < a->u.i ? " or less" : " or more");
		else
			sb_append(&sb, v->u.date < a->u.date ? " or earlier" : " or later");
		break;
	case TYPE_SET: {
		bool adds = (v->u.set & ~a->u.set) != 0;

		if (c->nvalues >= 2 && c->nvalues == options_where(pw, c->var, a, !adds))
			sb_append(&sb, adds ? (a->u.set ? "any one more ticked" : "any one ticked") : "one fewer ticked");
		else {
			option_list(&sb, pw, c, a);
			sb_append(&sb, adds ? " also ticked" : " not ticked");
		}
		break;
	}
	case TYPE_CHOICE:
		option_list(&sb, pw, c, a);
		break;
	default:
		text = pathway_format_value(pw, c->var, v);
		sb_append(&sb, text);
		free(text);
		break;
	}
	return sb_take(&sb);
}

/* The group entry e belongs to: same variable, same endpoint, and for a set the same direction
 * (adding or removing an option); -1 when it starts one. */
static long group_of(const struct whatif_change *c, size_t n, const struct whatif *e, const struct value *a)
{
	for (size_t i = 0; i < n; i++) {
		const struct value *v = &c[i].values[0];

		if (c[i].var != e->var || c[i].endpoint != e->endpoint || v->type == TYPE_INT || v->type == TYPE_DATE)
			continue;
		if (v->type != TYPE_SET || ((v->u.set & ~a->u.set) != 0) == ((e->value.u.set & ~a->u.set) != 0))
			return (long)i;
	}
	return -1;
}

size_t whatif_words(const struct pathway *pw, const struct value *answers, const struct whatif *w, size_t n,
		    struct whatif_change **out)
{
	struct whatif_change *c = xcalloc(n + 1, sizeof(*c));
	size_t nc = 0;

	for (size_t i = 0; i < n; i++) {
		long g = group_of(c, nc, &w[i], &answers[w[i].var]);
		struct whatif_change *to = g >= 0 ? &c[g] : &c[nc++];

		if (g < 0) {
			to->var = w[i].var;
			to->endpoint = w[i].endpoint;
			to->values = xcalloc(n + 1, sizeof(*to->values));
		}
		to->values[to->nvalues++] = w[i].value;
	}
	for (size_t i = 0; i < nc; i++)
		c[i].text = word(pw, &answers[c[i].var], &c[i]);
	*out = c;
	return nc;
}

void whatif_changes_free(struct whatif_change *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++) {
		free(c[i].text);
		free(c[i].values);
	}
	free(c);
}

void whatif_changes_json(struct strbuf *sb, const struct pathway *pw, const struct whatif_change *c, size_t n)
{
	sb_append(sb, ",\"would_change\":[");
	for (size_t i = 0; i < n; i++) {
		sb_append(sb, i ? ",{\"text\":" : "{\"text\":");
		sb_append_json_string(sb, c[i].text);
		sb_append(sb, ",\"endpoint\":");
		sb_append_json_string(sb, pw->nodes[c[i].endpoint].id);
		sb_append(sb, ",\"title\":");
		sb_append_json_string(sb, pw->nodes[c[i].endpoint].title);
		sb_append(sb, ",\"variable\":");
		sb_append_json_string(sb, pw->vars[c[i].var].id);
		sb_append(sb, ",\"values\":[");
		for (size_t k = 0; k < c[i].nvalues; k++) {
			char *ids = pathway_format_value_ids(pw, c[i].var, &c[i].values[k]);

			sb_appendf(sb, "%s%s", k ? "," : "", ids);
			free(ids);
		}
		sb_append(sb, "]}");
	}
	sb_append(sb, "]");
}

void whatif_changes_print(FILE *f, const struct pathway *pw, const struct whatif_change *c, size_t n,
			  const char *indent)
{
	fprintf(f, "%sWhat would change the recommendation:\n", indent);
	if (n == 0)
		fprintf(f, "%s  No single different answer would lead to another endpoint.\n", indent);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s  - %s -> %s\n", indent, c[i].text, pw->nodes[c[i].endpoint].title);
}
