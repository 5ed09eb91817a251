/* SPDX-License-Identifier: Apache-2.0 */
/* Lookups, formatting and freeing of a loaded pathway. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "json.h"
#include "pathway.h"
#include "strbuf.h"
#include "xalloc.h"

int pathway_find_node(const struct pathway *pw, const char *id)
{
	return strmap_get(&pw->node_index, id, strlen(id));
}

int pathway_find_variable(const struct pathway *pw, const char *id)
{
	return strmap_get(&pw->var_index, id, strlen(id));
}

const char *pathway_var_short(const struct pathway *pw, int var)
{
	const struct pw_variable *v = &pw->vars[var];

	return v->short_name ? v->short_name : v->prompt;
}

static const char *const severity_names[] = { "urgent", "caution", "advice" };

const char *pathway_severity_name(enum pw_severity severity)
{
	return severity_names[severity];
}

const char *pathway_severity_label(enum pw_severity severity)
{
	static const char *const labels[] = { "!! Urgent:", "! Caution:", "i Advice:" };

	return labels[severity];
}

bool pathway_severity_parse(const char *word, enum pw_severity *out)
{
	for (int i = PW_URGENT; i <= PW_ADVICE; i++)
		if (strcmp(word, severity_names[i]) == 0) {
			*out = (enum pw_severity)i;
			return true;
		}
	return false;
}

int pathway_find_derived(const struct pathway *pw, const char *id)
{
	return strmap_get(&pw->derived_index, id, strlen(id));
}

int pathway_find_warning(const struct pathway *pw, const char *id)
{
	return strmap_get(&pw->warning_index, id, strlen(id));
}

int pathway_find_reference(const struct pathway *pw, const char *id)
{
	return strmap_get(&pw->ref_index, id, strlen(id));
}

int pathway_find_option(const struct pathway *pw, int var, const char *id, size_t len)
{
	const struct pw_variable *v;

	if (var < 0 || (size_t)var >= pw->nvars)
		return -1;
	v = &pw->vars[var];
	for (size_t i = 0; i < v->noptions; i++)
		if (strlen(v->options[i].id) == len && memcmp(v->options[i].id, id, len) == 0)
			return (int)i;
	return -1;
}

bool pathway_is_endpoint(const struct pathway *pw, int node)
{
	return node >= 0 && (size_t)node < pw->nnodes && pw->nodes[node].nnext == 0;
}

/* An option's id or label, or "?" when the domain does not have it (a corrupt value). */
static const char *option_text(const struct pathway *pw, int domain, int option, bool ids)
{
	const struct pw_variable *v = domain >= 0 && (size_t)domain < pw->nvars ? &pw->vars[domain] : NULL;

	if (!v || option < 0 || (size_t)option >= v->noptions)
		return "?";
	return ids ? v->options[option].id : v->options[option].label;
}

static char *format_value(const struct pathway *pw, int domain, const struct value *v, bool ids)
{
	struct strbuf sb = STRBUF_INIT;
	char date[DATE_TEXT_SIZE];
	bool first = true;

	switch (v->type) {
	case TYPE_NONE:
		return xstrdup(ids ? "null" : v->not_recorded ? "not recorded" : "not answered");
	case TYPE_INT:
		return xasprintf("%ld", v->u.i);
	case TYPE_BOOL:
		return xstrdup(ids ? (v->u.b ? "true" : "false") : (v->u.b ? "yes" : "no"));
	case TYPE_CHOICE:
		return ids ? xasprintf("\"%s\"", option_text(pw, domain, v->u.choice, true))
			   : xstrdup(option_text(pw, domain, v->u.choice, false));
	case TYPE_DATE:
		date_format(v->u.date, date);
		return ids ? xasprintf("\"%s\"", date) : xstrdup(date);
	case TYPE_SET:
		if (ids)
			sb_append(&sb, "[");
		for (int i = 0; i < VALUE_MAX_OPTIONS; i++) {
			if (!(v->u.set & ((uint64_t)1 << i)))
				continue;
			sb_append(&sb, first ? "" : ", ");
			if (ids)
				sb_appendf(&sb, "\"%s\"", option_text(pw, domain, i, true));
			else
				sb_append(&sb, option_text(pw, domain, i, false));
			first = false;
		}
		if (ids)
			sb_append(&sb, "]");
		else if (first)
			sb_append(&sb, "none");
		return sb_take(&sb);
	}
	return xstrdup("?");
}

char *pathway_format_value(const struct pathway *pw, int domain, const struct value *v)
{
	return format_value(pw, domain, v, false);
}

char *pathway_format_value_unit(const struct pathway *pw, int var, const struct value *v)
{
	const char *unit = var >= 0 && (size_t)var < pw->nvars ? pw->vars[var].unit : NULL;
	char *text = format_value(pw, var, v, false);
	size_t len = unit ? strlen(unit) : 0;
	char *out;

	if (!unit || !*unit || v->type != TYPE_INT)
		return text;
	/* "1 week", not "1 weeks": a unit ending in s is singular for one. */
	if ((v->u.i == 1 || v->u.i == -1) && len > 1 && unit[len - 1] == 's')
		len--;
	out = xasprintf("%s%s%.*s", text, isalpha((unsigned char)unit[0]) ? " " : "", (int)len, unit);
	free(text);
	return out;
}

char *pathway_format_value_ids(const struct pathway *pw, int domain, const struct value *v)
{
	return format_value(pw, domain, v, true);
}

static void free_plan(struct pw_plan *p)
{
	for (size_t i = 0; i < p->nitems; i++) {
		free(p->items[i].text);
		free(p->items[i].when_source);
		expr_free(p->items[i].when);
		free(p->items[i].refs);
	}
	free(p->items);
}

static void free_node(struct pw_node *n)
{
	free(n->id);
	free(n->title);
	free(n->text);
	free(n->recommendation);
	free_plan(&n->actions);
	free_plan(&n->document);
	free(n->ask);
	for (size_t i = 0; i < n->nevidence; i++) {
		free(n->evidence[i].refs);
		free(n->evidence[i].note);
		free(n->evidence[i].when_source);
		expr_free(n->evidence[i].when);
	}
	free(n->evidence);
	for (size_t i = 0; i < n->nnext; i++) {
		free(n->next[i].when_source);
		expr_free(n->next[i].when);
		free(n->next[i].label);
	}
	free(n->next);
}

void pathway_free(struct pathway *pw)
{
	if (!pw || xalloc_keep_at_exit())
		return;
	free(pw->file);
	free(pw->id);
	free(pw->title);
	free(pw->version);
	free(pw->review_date);
	free(pw->disclaimer);
	free(pw->notes);
	free(pw->scope);
	for (size_t i = 0; i < pw->nchoices; i++)
		free(pw->choices[i]);
	free(pw->choices);
	for (size_t i = 0; i < pw->nrefs; i++) {
		free(pw->refs[i].id);
		free(pw->refs[i].citation);
	}
	free(pw->refs);
	for (size_t i = 0; i < pw->nstages; i++) {
		free(pw->stages[i].id);
		free(pw->stages[i].label);
	}
	free(pw->stages);
	for (size_t i = 0; i < pw->nvars; i++) {
		struct pw_variable *v = &pw->vars[i];

		free(v->id);
		free(v->prompt);
		free(v->help);
		free(v->short_name);
		free(v->unit);
		free(v->default_expr_source);
		expr_free(v->default_expr);
		free(v->default_when_source);
		expr_free(v->default_when);
		for (size_t j = 0; j < v->noptions; j++) {
			free(v->options[j].id);
			free(v->options[j].label);
		}
		free(v->options);
	}
	free(pw->vars);
	for (size_t i = 0; i < pw->nderived; i++) {
		free(pw->derived[i].id);
		free(pw->derived[i].label);
		free(pw->derived[i].source);
		expr_free(pw->derived[i].expr);
	}
	free(pw->derived);
	for (size_t i = 0; i < pw->nwarnings; i++) {
		struct pw_warning *w = &pw->warnings[i];

		free(w->id);
		free(w->title);
		free_plan(&w->text);
		free(w->when_source);
		expr_free(w->when);
		free(w->refs);
	}
	free(pw->warnings);
	for (size_t i = 0; i < pw->nconstraints; i++) {
		free(pw->constraints[i].require_source);
		expr_free(pw->constraints[i].require);
		free(pw->constraints[i].message);
		free(pw->constraints[i].vars);
	}
	free(pw->constraints);
	for (size_t i = 0; i < pw->nnodes; i++)
		free_node(&pw->nodes[i]);
	free(pw->nodes);
	strmap_free(&pw->ref_index);
	strmap_free(&pw->stage_index);
	strmap_free(&pw->var_index);
	strmap_free(&pw->derived_index);
	strmap_free(&pw->warning_index);
	strmap_free(&pw->node_index);
	free(pw);
}

static int option_of_json(const struct pathway *pw, int var, const struct json *j)
{
	return j->type == JSON_STRING ? pathway_find_option(pw, var, j->text, strlen(j->text)) : -1;
}

struct value pathway_value_from_ids(const struct pathway *pw, int var, const struct json *j)
{
	struct value v = value_unknown();
	uint64_t bits = 0;
	long days;

	switch (pw->vars[var].type) {
	case TYPE_INT:
		return j->type == JSON_INT ? value_int(j->integer) : v;
	case TYPE_BOOL:
		return j->type == JSON_BOOL ? value_bool(j->boolean) : v;
	case TYPE_CHOICE:
		return option_of_json(pw, var, j) >= 0 ? value_choice(option_of_json(pw, var, j)) : v;
	case TYPE_DATE:
		return j->type == JSON_STRING && date_parse(j->text, &days) == 0 ? value_date(days) : v;
	case TYPE_SET:
		if (j->type != JSON_ARRAY)
			return v;
		for (size_t i = 0; i < j->count; i++) {
			int option = option_of_json(pw, var, j->items[i]);

			if (option < 0 || option >= VALUE_MAX_OPTIONS)
				return v;
			bits |= (uint64_t)1 << option;
		}
		return value_set(bits);
	default:
		return v;
	}
}
