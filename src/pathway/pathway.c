/* SPDX-License-Identifier: Apache-2.0 */
/* Loading a pathway file into the model and validating everything that is not graph-shaped.
 * Every problem becomes a diagnostic; loading goes on after an error so that an author sees all of
 * them at once, and the model is only handed out when there were none. */
#include "pathway.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
#include "cfgread.h"
#include "expr.h"
#include "pathway_ids.h"
#include "pathway_internal.h"
#include "sha256.h"
#include "suggest.h"
#include "xalloc.h"

static const char *const top_members[] = {
	"id", "title", "version", "review_date", "start", "disclaimer", "notes", "scope", "choices",
	"references", "stages", "variables", "derived", "constraints", "warnings", "nodes", NULL
};
static const char *const variable_members[] = {
	"id", "type", "min", "max", "options", "prompt", "short", "help", "unit", "default", "optional",
	"default_expr", "default_when", NULL
};
static const char *const option_members[] = { "id", "label", NULL };
static const char *const derived_members[] = { "id", "expr", "label", NULL };
static const char *const constraint_members[] = { "require", "message", NULL };
static const char *const warning_members[] = { "id", "title", "severity", "when", "text", "refs", NULL };
static const char *const node_members[] = {
	"id", "stage", "screen", "title", "text", "ask", "evidence", "next", "recommendation",
	"actions", "document", NULL
};
static const char *const evidence_members[] = { "refs", "note", "when", NULL };
static const char *const transition_members[] = { "when", "goto", "label", NULL };
static const char *const ref_members[] = { "id", "citation", NULL };
static const char *const stage_members[] = { "id", "label", NULL };

/* The number of elements of an optional list member, and the member itself. */
static config_setting_t *list_of(struct loader *ld, const config_setting_t *group, const char *name,
				 bool required, const char *what, size_t *count)
{
	config_setting_t *list = cfg_aggregate(&ld->rd, group, name, required, what);

	*count = list ? (size_t)config_setting_length(list) : 0;
	return list;
}

/* Reads a required identifier-like id; ids used in expressions must be plain identifiers. */
static char *read_id(struct loader *ld, const config_setting_t *g, const char *what, bool identifier)
{
	const char *id = cfg_string(&ld->rd, g, "id", true, what);

	if (!id)
		return NULL;
	if (identifier && !cfg_is_identifier(id)) {
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(g),
			 "%s id '%s' must be letters, digits and underscores, not starting with a digit", what, id);
		return NULL;
	}
	if (!*id) {
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(g), "%s id is empty", what);
		return NULL;
	}
	return pathway_dup_or_null(id);
}

static void index_id(struct loader *ld, struct strmap *map, const char *id, int index, int line,
		     const char *what, const int *lines)
{
	int r;

	if (!id)
		return;
	r = strmap_put(map, id, index);
	if (r < 0) {
		diag_add(ld->rd.diags, ld->rd.file, line, "duplicate %s id '%s' (first defined at line %d)",
			 what, id, lines[-r - 1]);
		diag_point(ld->rd.diags, "id", id, true);
	}
}

static void load_meta(struct loader *ld, const config_setting_t *root)
{
	struct pathway *pw = ld->pw;
	const char *what = "pathway";
	long days;

	cfg_check_members(&ld->rd, root, top_members, what);
	pw->id = pathway_dup_or_null(cfg_string(&ld->rd, root, "id", true, what));
	pw->title = pathway_dup_or_null(cfg_string(&ld->rd, root, "title", true, what));
	pw->version = pathway_dup_or_null(cfg_string(&ld->rd, root, "version", true, what));
	pw->review_date = pathway_dup_or_null(cfg_string(&ld->rd, root, "review_date", true, what));
	pw->disclaimer = pathway_dup_or_null(cfg_string(&ld->rd, root, "disclaimer", true, what));
	pw->notes = pathway_dup_or_null(cfg_string(&ld->rd, root, "notes", false, what));
	pathway_load_about(ld, root);
	if (pw->review_date && date_parse(pw->review_date, &days) != 0)
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(cfg_member(root, "review_date")),
			 "pathway: review_date '%s' is not a date (YYYY-MM-DD)", pw->review_date);
}

static void load_references(struct loader *ld, const config_setting_t *root)
{
	struct pathway *pw = ld->pw;
	config_setting_t *list = list_of(ld, root, "references", false, "pathway", &pw->nrefs);
	int *lines = xcalloc(pw->nrefs + 1, sizeof(*lines));

	pw->refs = xcalloc(pw->nrefs + 1, sizeof(*pw->refs));
	for (size_t i = 0; i < pw->nrefs; i++) {
		config_setting_t *g = pathway_group_elem(ld, list, i, "reference");
		struct pw_reference *r = &pw->refs[i];

		if (!g)
			continue;
		cfg_check_members(&ld->rd, g, ref_members, "reference");
		r->line = lines[i] = cfg_line(g);
		r->id = read_id(ld, g, "reference", false);
		r->citation = pathway_dup_or_null(cfg_string(&ld->rd, g, "citation", true, "reference"));
		index_id(ld, &pw->ref_index, r->id, (int)i, r->line, "reference", lines);
	}
	free(lines);
}

static void load_stages(struct loader *ld, const config_setting_t *root)
{
	struct pathway *pw = ld->pw;
	config_setting_t *list = list_of(ld, root, "stages", true, "pathway", &pw->nstages);
	int *lines = xcalloc(pw->nstages + 1, sizeof(*lines));

	if (list && pw->nstages == 0)
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(list), "pathway: at least one stage is needed");
	if (pw->nstages > 64)
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(list), "pathway: at most 64 stages are allowed");
	pw->stages = xcalloc(pw->nstages + 1, sizeof(*pw->stages));
	for (size_t i = 0; i < pw->nstages; i++) {
		config_setting_t *g = pathway_group_elem(ld, list, i, "stage");
		struct pw_stage *st = &pw->stages[i];

		if (!g)
			continue;
		cfg_check_members(&ld->rd, g, stage_members, "stage");
		st->line = lines[i] = cfg_line(g);
		st->id = read_id(ld, g, "stage", false);
		st->label = pathway_dup_or_null(cfg_string(&ld->rd, g, "label", true, "stage"));
		index_id(ld, &pw->stage_index, st->id, (int)i, st->line, "stage", lines);
	}
	free(lines);
}

static void load_options(struct loader *ld, struct pw_variable *v, const config_setting_t *g,
			 const char *what)
{
	config_setting_t *list = cfg_aggregate(&ld->rd, g, "options", true, what);
	size_t n = list ? (size_t)config_setting_length(list) : 0;

	if (list && n == 0)
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(list), "%s: options must not be empty", what);
	if (n > VALUE_MAX_OPTIONS) {
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(list), "%s: at most %d options are allowed",
			 what, VALUE_MAX_OPTIONS);
		n = VALUE_MAX_OPTIONS;
	}
	v->options = xcalloc(n + 1, sizeof(*v->options));
	for (size_t i = 0; i < n; i++) {
		config_setting_t *o = pathway_group_elem(ld, list, i, "option");

		if (!o)
			continue;
		cfg_check_members(&ld->rd, o, option_members, what);
		v->options[v->noptions].id = read_id(ld, o, "option", true);
		v->options[v->noptions].label = pathway_dup_or_null(cfg_string(&ld->rd, o, "label", true, what));
		if (!v->options[v->noptions].id) {
			xalloc_release(v->options[v->noptions].label);
			v->options[v->noptions].label = NULL;
			continue;
		}
		for (size_t j = 0; j < v->noptions; j++)
			if (strcmp(v->options[j].id, v->options[v->noptions].id) == 0) {
				diag_add(ld->rd.diags, ld->rd.file, cfg_line(o), "%s: duplicate option '%s'",
					 what, v->options[j].id);
				diag_point(ld->rd.diags, "id", v->options[j].id, true);
			}
		v->noptions++;
	}
}

static void load_variable(struct loader *ld, struct pw_variable *v, const config_setting_t *g)
{
	const char *type_name;
	char *what;

	cfg_check_members(&ld->rd, g, variable_members, "variable");
	v->line = cfg_line(g);
	v->id = read_id(ld, g, "variable", true);
	what = xasprintf("variable '%s'", v->id ? v->id : "?");
	type_name = cfg_string(&ld->rd, g, "type", true, what);
	v->type = type_name ? value_type_parse(type_name) : TYPE_NONE;
	if (type_name && v->type == TYPE_NONE)
		diag_add(ld->rd.diags, ld->rd.file, v->line,
			 "%s: unknown type '%s' (int, bool, choice, set or date)", what, type_name);
	v->prompt = pathway_dup_or_null(cfg_string(&ld->rd, g, "prompt", true, what));
	v->short_name = pathway_dup_or_null(cfg_string(&ld->rd, g, "short", false, what));
	v->help = pathway_dup_or_null(cfg_string(&ld->rd, g, "help", false, what));
	v->unit = pathway_dup_or_null(cfg_string(&ld->rd, g, "unit", false, what));
	if (v->type == TYPE_INT) {
		bool have_min = cfg_int(&ld->rd, g, "min", &v->min, true, what);
		bool have_max = cfg_int(&ld->rd, g, "max", &v->max, true, what);

		if (have_min && have_max && v->min > v->max)
			diag_add(ld->rd.diags, ld->rd.file, v->line, "%s: min %ld is greater than max %ld", what,
				 v->min, v->max);
	} else if (cfg_member(g, "min") || cfg_member(g, "max")) {
		diag_add(ld->rd.diags, ld->rd.file, v->line, "%s: min and max are only for int variables", what);
	}
	if (v->type == TYPE_CHOICE || v->type == TYPE_SET)
		load_options(ld, v, g, what);
	else if (cfg_member(g, "options"))
		diag_add(ld->rd.diags, ld->rd.file, v->line, "%s: options are only for choice and set variables", what);
	pathway_load_default(ld, v, g, what);
	pathway_load_optional(ld, v, g, what);
	free(what);
}

static void load_variables(struct loader *ld, const config_setting_t *root)
{
	struct pathway *pw = ld->pw;
	config_setting_t *list = list_of(ld, root, "variables", false, "pathway", &pw->nvars);
	int *lines = xcalloc(pw->nvars + 1, sizeof(*lines));

	pw->vars = xcalloc(pw->nvars + 1, sizeof(*pw->vars));
	for (size_t i = 0; i < pw->nvars; i++) {
		config_setting_t *g = pathway_group_elem(ld, list, i, "variable");

		if (!g)
			continue;
		load_variable(ld, &pw->vars[i], g);
		lines[i] = pw->vars[i].line;
		index_id(ld, &pw->var_index, pw->vars[i].id, (int)i, lines[i], "variable", lines);
	}
	free(lines);
}

static void load_derived(struct loader *ld, const config_setting_t *root)
{
	struct pathway *pw = ld->pw;
	size_t n;
	config_setting_t *list = list_of(ld, root, "derived", false, "pathway", &n);
	int *lines = xcalloc(n + 1, sizeof(*lines));
	config_setting_t **groups = xcalloc(n + 1, sizeof(*groups));

	pw->derived = xcalloc(n + 1, sizeof(*pw->derived));
	/* Ids first, so that using one before its declaration gets a precise message. */
	for (size_t i = 0; i < n; i++) {
		struct pw_derived *d = &pw->derived[i];

		groups[i] = pathway_group_elem(ld, list, i, "derived value");
		if (!groups[i])
			continue;
		cfg_check_members(&ld->rd, groups[i], derived_members, "derived value");
		d->line = lines[i] = cfg_line(groups[i]);
		d->id = read_id(ld, groups[i], "derived value", true);
		if (d->id && strmap_get(&pw->var_index, d->id, strlen(d->id)) >= 0)
			diag_add(ld->rd.diags, ld->rd.file, d->line, "derived value '%s' has the same id as a variable", d->id);
		index_id(ld, &pw->derived_index, d->id, (int)i, d->line, "derived value", lines);
	}
	for (size_t i = 0; i < n; i++) {
		struct pw_derived *d = &pw->derived[i];
		struct expr_type type = { TYPE_NONE, -1 };
		char *what;

		pw->nderived = i; /* a derived value may only use the ones before it */
		if (!groups[i])
			continue;
		what = xasprintf("derived value '%s'", d->id ? d->id : "?");
		d->label = pathway_dup_or_null(cfg_string(&ld->rd, groups[i], "label", false, what));
		d->source = pathway_dup_or_null(cfg_string(&ld->rd, groups[i], "expr", true, what));
		if (d->source)
			d->expr = expr_parse(d->source, pw, (int)i, ld->rd.file,
					     cfg_line(cfg_member(groups[i], "expr")), ld->rd.diags, &type);
		d->type = type.type;
		d->domain = type.domain;
		free(what);
	}
	pw->nderived = n;
	free(groups);
	free(lines);
}

/* Records every variable an expression reads, for naming them in constraint messages. */
static void collect_var(int var, void *ctx)
{
	struct pw_constraint *c = ctx;

	for (size_t i = 0; i < c->nvars; i++)
		if (c->vars[i] == var)
			return;
	c->vars = xrealloc(c->vars, (c->nvars + 1) * sizeof(*c->vars));
	c->vars[c->nvars++] = var;
}

static void load_constraints(struct loader *ld, const config_setting_t *root)
{
	struct pathway *pw = ld->pw;
	config_setting_t *list = list_of(ld, root, "constraints", false, "pathway", &pw->nconstraints);

	pw->constraints = xcalloc(pw->nconstraints + 1, sizeof(*pw->constraints));
	for (size_t i = 0; i < pw->nconstraints; i++) {
		config_setting_t *g = pathway_group_elem(ld, list, i, "constraint");
		struct pw_constraint *c = &pw->constraints[i];

		if (!g)
			continue;
		cfg_check_members(&ld->rd, g, constraint_members, "constraint");
		c->line = cfg_line(g);
		c->require_source = pathway_dup_or_null(cfg_string(&ld->rd, g, "require", true, "constraint"));
		c->message = pathway_dup_or_null(cfg_string(&ld->rd, g, "message", true, "constraint"));
		if (c->require_source)
			c->require = pathway_read_condition(ld, c->require_source,
						    cfg_line(cfg_member(g, "require")), "constraint");
		if (c->require)
			expr_for_each_variable(c->require, collect_var, c);
	}
}

/* A warning's optional severity: caution when absent; an unknown word is an error at the word. */
static void load_severity(struct loader *ld, struct pw_warning *w, const config_setting_t *g, const char *what)
{
	const char *word = cfg_string(&ld->rd, g, "severity", false, what);
	struct suggest near;

	w->severity = PW_CAUTION;
	w->severity_given = word != NULL;
	if (!word || pathway_severity_parse(word, &w->severity))
		return;
	diag_add(ld->rd.diags, ld->rd.file, cfg_line(cfg_member(g, "severity")),
		 "%s: unknown severity '%s' (urgent, caution or advice)", what, word);
	diag_point(ld->rd.diags, "severity", word, true);
	suggest_init(&near, word, strlen(word));
	for (int i = PW_URGENT; i <= PW_ADVICE; i++)
		suggest_consider(&near, pathway_severity_name((enum pw_severity)i));
	diag_suggest(ld->rd.diags, near.best);
}

static void load_warnings(struct loader *ld, const config_setting_t *root)
{
	struct pathway *pw = ld->pw;
	config_setting_t *list = list_of(ld, root, "warnings", false, "pathway", &pw->nwarnings);
	int *lines = xcalloc(pw->nwarnings + 1, sizeof(*lines));

	pw->warnings = xcalloc(pw->nwarnings + 1, sizeof(*pw->warnings));
	for (size_t i = 0; i < pw->nwarnings; i++) {
		config_setting_t *g = pathway_group_elem(ld, list, i, "warning");
		struct pw_warning *w = &pw->warnings[i];
		char *what;

		if (!g)
			continue;
		cfg_check_members(&ld->rd, g, warning_members, "warning");
		w->line = lines[i] = cfg_line(g);
		w->id = read_id(ld, g, "warning", false);
		what = xasprintf("warning '%s'", w->id ? w->id : "?");
		w->title = pathway_dup_or_null(cfg_string(&ld->rd, g, "title", true, what));
		load_severity(ld, w, g, what);
		pathway_load_warning_text(ld, &w->text, g, what);
		w->when_source = pathway_dup_or_null(cfg_string(&ld->rd, g, "when", true, what));
		if (w->when_source)
			w->when = pathway_read_condition(ld, w->when_source, cfg_line(cfg_member(g, "when")), what);
		w->refs = pathway_read_refs(ld, g, what, &w->nrefs);
		index_id(ld, &pw->warning_index, w->id, (int)i, w->line, "warning", lines);
		free(what);
	}
	free(lines);
}

static enum screen_kind parse_screen(const char *s, bool *ok)
{
	static const char *const names[] = { "info", "question", "decision", "endpoint" };

	*ok = true;
	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return (enum screen_kind)i;
	*ok = false;
	return SCREEN_INFO;
}

static void load_ask(struct loader *ld, struct pw_node *n, const config_setting_t *g, const char *what)
{
	config_setting_t *list = cfg_aggregate(&ld->rd, g, "ask", false, what);
	size_t count = list ? (size_t)config_setting_length(list) : 0;

	n->ask = xcalloc(count + 1, sizeof(*n->ask));
	for (size_t i = 0; i < count; i++) {
		config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		const char *id = config_setting_get_string(e);
		int v = id ? strmap_get(&ld->pw->var_index, id, strlen(id)) : -1;

		if (!id) {
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(e), "%s: ask lists variable ids as strings", what);
			continue;
		}
		if (v < 0) {
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(e), "%s: asks unknown variable '%s'", what, id);
			pathway_explain_unknown(ld->pw, ld->rd.diags, (struct pw_ids){ PW_IDS_VARIABLE, -1, 0 }, "ask", id);
			continue;
		}
		for (size_t j = 0; j < n->nask; j++)
			if (n->ask[j] == v)
				diag_add(ld->rd.diags, ld->rd.file, cfg_line(e), "%s: asks '%s' twice", what, id);
		n->ask[n->nask++] = v;
	}
}

static void load_evidence(struct loader *ld, struct pw_node *n, const config_setting_t *g, const char *what)
{
	config_setting_t *list = cfg_aggregate(&ld->rd, g, "evidence", false, what);
	size_t count = list ? (size_t)config_setting_length(list) : 0;

	n->evidence = xcalloc(count + 1, sizeof(*n->evidence));
	for (size_t i = 0; i < count; i++) {
		config_setting_t *e = pathway_group_elem(ld, list, i, "evidence");
		struct pw_evidence *ev = &n->evidence[n->nevidence];

		if (!e)
			continue;
		n->nevidence++;
		cfg_check_members(&ld->rd, e, evidence_members, what);
		ev->line = cfg_line(e);
		ev->note = pathway_dup_or_null(cfg_string(&ld->rd, e, "note", true, what));
		ev->refs = pathway_read_refs(ld, e, what, &ev->nrefs);
		ev->when_source = pathway_dup_or_null(cfg_string(&ld->rd, e, "when", false, what));
		if (ev->when_source)
			ev->when = pathway_read_condition(ld, ev->when_source, cfg_line(cfg_member(e, "when")), what);
	}
}

static void load_next(struct loader *ld, struct pw_node *n, const config_setting_t *g, const char *what)
{
	config_setting_t *list = cfg_aggregate(&ld->rd, g, "next", false, what);
	size_t count = list ? (size_t)config_setting_length(list) : 0;
	bool fallback_seen = false;

	n->next = xcalloc(count + 1, sizeof(*n->next));
	for (size_t i = 0; i < count; i++) {
		config_setting_t *e = pathway_group_elem(ld, list, i, "transition");
		struct pw_transition *t = &n->next[n->nnext];
		const char *target;

		if (!e)
			continue;
		n->nnext++;
		cfg_check_members(&ld->rd, e, transition_members, what);
		t->line = cfg_line(e);
		t->target = -1;
		if (fallback_seen)
			diag_add(ld->rd.diags, ld->rd.file, t->line,
				 "%s: this transition can never be taken: an earlier one has no condition", what);
		target = cfg_string(&ld->rd, e, "goto", true, what);
		if (target) {
			t->target = strmap_get(&ld->pw->node_index, target, strlen(target));
			if (t->target < 0) {
				diag_add(ld->rd.diags, ld->rd.file, t->line, "%s: goto unknown node '%s'", what, target);
				pathway_explain_unknown(ld->pw, ld->rd.diags, (struct pw_ids){ PW_IDS_NODE, -1, 0 },
							"goto", target);
			}
		}
		t->label = pathway_dup_or_null(cfg_string(&ld->rd, e, "label", false, what));
		t->when_source = pathway_dup_or_null(cfg_string(&ld->rd, e, "when", false, what));
		if (t->when_source)
			t->when = pathway_read_condition(ld, t->when_source, cfg_line(cfg_member(e, "when")), what);
		else
			fallback_seen = true;
	}
	if (count > 0 && !fallback_seen)
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(list),
			 "%s: the next list has no fallback (an entry without 'when'), so the walk could get stuck", what);
}

static void load_node(struct loader *ld, struct pw_node *n, const config_setting_t *g)
{
	struct pathway *pw = ld->pw;
	const char *stage, *screen;
	char *what = xasprintf("node '%s'", n->id ? n->id : "?");
	bool ok;

	cfg_check_members(&ld->rd, g, node_members, "node");
	stage = cfg_string(&ld->rd, g, "stage", true, what);
	n->stage = stage ? strmap_get(&pw->stage_index, stage, strlen(stage)) : -1;
	if (stage && n->stage < 0) {
		diag_add(ld->rd.diags, ld->rd.file, n->line, "%s: unknown stage '%s'", what, stage);
		pathway_explain_unknown(pw, ld->rd.diags, (struct pw_ids){ PW_IDS_STAGE, -1, 0 }, "stage", stage);
	}
	screen = cfg_string(&ld->rd, g, "screen", true, what);
	n->screen = screen ? parse_screen(screen, &ok) : SCREEN_INFO;
	if (screen && !ok)
		diag_add(ld->rd.diags, ld->rd.file, n->line,
			 "%s: unknown screen '%s' (info, question, decision or endpoint)", what, screen);
	n->title = pathway_dup_or_null(cfg_string(&ld->rd, g, "title", true, what));
	n->text = pathway_dup_or_null(cfg_string(&ld->rd, g, "text", false, what));
	n->recommendation = pathway_dup_or_null(cfg_string(&ld->rd, g, "recommendation", false, what));
	pathway_load_plan(ld, &n->actions, g, "actions", what);
	pathway_load_plan(ld, &n->document, g, "document", what);
	pathway_check_interpolation(ld, n->text, n->line, what);
	pathway_check_interpolation(ld, n->recommendation, n->line, what);
	load_ask(ld, n, g, what);
	load_evidence(ld, n, g, what);
	load_next(ld, n, g, what);
	if (screen && ok) {
		if (n->screen == SCREEN_ENDPOINT && n->nnext > 0)
			diag_add(ld->rd.diags, ld->rd.file, n->line, "%s: an endpoint has no next list", what);
		if (n->screen != SCREEN_ENDPOINT && n->nnext == 0)
			diag_add(ld->rd.diags, ld->rd.file, n->line,
				 "%s: has no next list, so it must be screen = \"endpoint\"", what);
		if (n->screen == SCREEN_QUESTION && n->nask == 0)
			diag_add(ld->rd.diags, ld->rd.file, n->line, "%s: a question screen must ask something", what);
		if (n->screen != SCREEN_QUESTION && n->nask > 0)
			diag_add(ld->rd.diags, ld->rd.file, n->line, "%s: only question screens ask variables", what);
	}
	free(what);
}

static void load_nodes(struct loader *ld, const config_setting_t *root)
{
	struct pathway *pw = ld->pw;
	config_setting_t *list = list_of(ld, root, "nodes", true, "pathway", &pw->nnodes);
	int *lines = xcalloc(pw->nnodes + 1, sizeof(*lines));
	config_setting_t **groups = xcalloc(pw->nnodes + 1, sizeof(*groups));
	const char *start;

	if (list && pw->nnodes == 0)
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(list), "pathway: there are no nodes");
	pw->nodes = xcalloc(pw->nnodes + 1, sizeof(*pw->nodes));
	strmap_reserve(&pw->node_index, pw->nnodes);
	/* Ids first, so that conditions (at()) and gotos can refer to any node. */
	for (size_t i = 0; i < pw->nnodes; i++) {
		struct pw_node *n = &pw->nodes[i];

		n->stage = -1;
		groups[i] = pathway_group_elem(ld, list, i, "node");
		if (!groups[i])
			continue;
		n->line = lines[i] = cfg_line(groups[i]);
		n->id = read_id(ld, groups[i], "node", true);
		index_id(ld, &pw->node_index, n->id, (int)i, n->line, "node", lines);
	}
	load_derived(ld, root);
	pathway_load_default_exprs(ld, root);
	load_constraints(ld, root);
	load_warnings(ld, root);
	for (size_t i = 0; i < pw->nnodes; i++)
		if (groups[i])
			load_node(ld, &pw->nodes[i], groups[i]);
	start = cfg_string(&ld->rd, root, "start", true, "pathway");
	pw->start = start ? strmap_get(&pw->node_index, start, strlen(start)) : -1;
	if (start && pw->start < 0) {
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(cfg_member(root, "start")),
			 "pathway: start names unknown node '%s'", start);
		pathway_explain_unknown(pw, ld->rd.diags, (struct pw_ids){ PW_IDS_NODE, -1, 0 }, "start", start);
	}
	free(groups);
	free(lines);
}

/* Frees cfg, which the bundled pathway's table made (cfg_tree_build) or libconfig parsed. */
static void release(config_t *cfg, bool bundled)
{
	if (bundled)
		cfg_tree_destroy(cfg);
	else
		config_destroy(cfg);
}

/* Loads text; sha256 is NULL, or the digest of text that was pre-scanned, parsed and hashed at
 * build time (the bundled pathway), which is then neither pre-scanned, parsed nor hashed again: its
 * libconfig tree is rebuilt from the table the build made of it (bundled.h); hash is false when
 * the caller never reads pw->sha256. With broken not NULL, a pathway group with problems is still
 * returned as a draft (pathway_load_draft). */
static struct pathway *load(const char *name, const char *text, size_t len, const char *sha256,
			    bool hash, struct diag_list *diags, bool *broken)
{
	struct loader ld = { 0 };
	config_t cfg;
	config_setting_t *root;
	size_t errors_before = diags->count;
	const bool bundled = sha256 != NULL; /* only the bundled pathway's digest is known in advance */
	bool parsed;

	ld.pw = xcalloc(1, sizeof(*ld.pw));
	ld.pw->file = xstrdup(name);
	ld.pw->start = -1;
	ld.rd.file = ld.pw->file;
	ld.rd.diags = diags;
	diag_set_source(diags, name, text, len);
	if (bundled) {
		snprintf(ld.pw->sha256, sizeof ld.pw->sha256, "%s", sha256);
		parsed = cfg_tree_build(&cfg, bundled_pathway_tree, bundled_pathway_tree_count,
					bundled_pathway_tree_strings, bundled_pathway_tree_strings_len);
		if (!parsed)
			diag_add(diags, name, 1, "the bundled pathway's parsed tree is damaged: rebuild pathwalk");
	} else {
		if (hash)
			sha256_hex(text, len, ld.pw->sha256);
		parsed = cfg_parse(&cfg, name, text, len, PATHWAY_MAX_NESTING, diags);
	}
	if (!parsed)
		goto fail;
	root = config_lookup(&cfg, "pathway");
	if (!root || config_setting_type(root) != CONFIG_TYPE_GROUP) {
		diag_add(diags, name, root ? cfg_line(root) : 1,
			 "no 'pathway = { ... };' group: this is not a pathway file");
		goto fail;
	}
	load_meta(&ld, root);
	load_references(&ld, root);
	load_stages(&ld, root);
	load_variables(&ld, root);
	load_nodes(&ld, root);
	strmap_free(&ld.condition_index);
	free(ld.conditions);
	if (diags->count == errors_before)
		pathway_check_graph(ld.pw, diags);
	if (broken)
		*broken = diags->count != errors_before;
	if (diags->count != errors_before)
		goto fail;
	diag_set_source(diags, NULL, NULL, 0);
	if (!xalloc_keep_at_exit())
		release(&cfg, bundled);
	return ld.pw;
fail:
	diag_set_kind(diags, errors_before, DIAG_ERROR);
	diag_set_source(diags, NULL, NULL, 0);
	if (broken && *broken) { /* a draft: the model as far as it was read, kept as on success */
		if (!xalloc_keep_at_exit())
			release(&cfg, bundled);
		return ld.pw;
	}
	release(&cfg, bundled);
	pathway_free(ld.pw);
	return NULL;
}

struct pathway *pathway_load_draft(const char *name, const char *text, size_t len, struct diag_list *diags,
				   bool *broken)
{
	return load(name, text, len, NULL, true, diags, broken);
}

struct pathway *pathway_load_text(const char *name, const char *text, size_t len, struct diag_list *diags)
{
	return load(name, text, len, NULL, true, diags, NULL);
}

struct pathway *pathway_load_text_unhashed(const char *name, const char *text, size_t len,
					   struct diag_list *diags)
{
	return load(name, text, len, NULL, false, diags, NULL);
}

struct pathway *pathway_load_bundled(struct diag_list *diags)
{
	return load("<bundled>/sciatica.cfg", (const char *)bundled_pathway.data, bundled_pathway.len,
		    bundled_pathway.sha256, true, diags, NULL);
}
