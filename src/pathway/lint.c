/* SPDX-License-Identifier: Apache-2.0 */
/* The clinically aware lint behind `pathwalk check --strict`. Every check reads the loaded model
 * only; nothing here prints or decides an exit code (cmd_check.c does). */
#include "lint.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "expr.h"
#include "strbuf.h"
#include "xalloc.h"

struct linter {
	const struct pathway *pw;
	struct lint_report *out;
	bool *var_used, *derived_used;
	bool plain; /* the checks of plain `check` (lint_plain), not those of --strict */
	/* expr_static_truth by tree: the loader shares one tree among conditions of the same text,
	 * so most are computed once (a direct-mapped cache; a miss only recomputes). */
	struct { const struct expr *e; enum expr_truth truth; } truths[256];
};

/* expr_static_truth(e, l->pw), through the cache. */
static enum expr_truth static_truth(struct linter *l, const struct expr *e)
{
	size_t slot = ((uintptr_t)e >> 4) % (sizeof l->truths / sizeof l->truths[0]);

	if (!e || l->truths[slot].e != e) {
		l->truths[slot].truth = expr_static_truth(e, l->pw);
		l->truths[slot].e = e;
	}
	return l->truths[slot].truth;
}

static void add(struct linter *l, enum lint_severity severity, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void add(struct linter *l, enum lint_severity severity, int line, const char *fmt, ...)
{
	struct lint_report *r = l->out;
	char *text;
	va_list ap;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	r->items = xgrow(r->items, &r->cap, r->count + 1, sizeof(*r->items));
	r->items[r->count++] = (struct lint_finding){ severity, line, text, NULL, 0, 0 };
	if (severity == LINT_ERROR)
		r->errors++;
	else
		r->warnings++;
}

static bool blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* True when the warning is shown at node whatever the answers are (e.g. `endpoint`, `at(node)`):
 * with every answer unknown, three-valued logic only says true when nothing else matters. */
static bool warning_always_at(const struct pathway *pw, const struct pw_warning *w, int node)
{
	struct expr_env env = { pw, NULL, NULL, node, pathway_is_endpoint(pw, node) };
	struct value v;

	if (!w->when)
		return false;
	v = expr_eval(w->when, &env);
	return v.type == TYPE_BOOL && v.u.b;
}

/* Endpoints recommend something and cite at least one reference that is always shown there. */
static void check_endpoints(struct linter *l)
{
	const struct pathway *pw = l->pw;

	for (size_t u = 0; u < pw->nnodes; u++) {
		const struct pw_node *n = &pw->nodes[u];
		bool cited = false, conditional = false;

		if (!pathway_is_endpoint(pw, (int)u)) {
			if (blank(n->text))
				add(l, LINT_WARNING, n->line, "node '%s' has no text to show", n->id);
			continue;
		}
		if (blank(n->recommendation))
			add(l, LINT_ERROR, n->line, "endpoint '%s' has no recommendation", n->id);
		for (size_t e = 0; e < n->nevidence; e++) {
			if (n->evidence[e].nrefs == 0)
				continue;
			if (n->evidence[e].when)
				conditional = true;
			else
				cited = true;
		}
		for (int k = 0; k < 2; k++) {
			const struct pw_plan *plan = k ? &n->document : &n->actions;

			for (size_t i = 0; i < plan->nitems; i++)
				if (plan->items[i].nrefs > 0 && plan->items[i].when)
					conditional = true;
				else if (plan->items[i].nrefs > 0)
					cited = true;
		}
		for (size_t w = 0; w < pw->nwarnings && !cited; w++)
			cited = pw->warnings[w].nrefs > 0 && warning_always_at(pw, &pw->warnings[w], (int)u);
		if (!cited)
			add(l, LINT_ERROR, n->line, "endpoint '%s' cites no reference%s: add evidence with refs, "
			    "or a warning with refs shown there", n->id,
			    conditional ? " unconditionally (what cites there has a 'when')" : "");
	}
}

/* Every warning and every evidence note says where it comes from. */
static void check_notes_cite(struct linter *l)
{
	const struct pathway *pw = l->pw;

	for (size_t w = 0; w < pw->nwarnings; w++)
		if (pw->warnings[w].nrefs == 0)
			add(l, LINT_ERROR, pw->warnings[w].line, "warning '%s' cites no reference (add refs)",
			    pw->warnings[w].id);
	for (size_t u = 0; u < pw->nnodes; u++)
		for (size_t e = 0; e < pw->nodes[u].nevidence; e++)
			if (pw->nodes[u].evidence[e].nrefs == 0)
				add(l, LINT_ERROR, pw->nodes[u].evidence[e].line,
				    "evidence note %zu of node '%s' cites no reference (add refs)", e + 1,
				    pw->nodes[u].id);
}

/* Every warning says how much it matters: one that does not is shown as a caution, which an
 * urgent warning must not be. */
static void check_severity(struct linter *l)
{
	for (size_t w = 0; w < l->pw->nwarnings; w++)
		if (!l->pw->warnings[w].severity_given)
			add(l, LINT_WARNING, l->pw->warnings[w].line, "warning '%s' has no severity, so it is shown "
			    "as a caution (add severity = \"urgent\", \"caution\" or \"advice\")", l->pw->warnings[w].id);
}

/* Red-flag screening comes first: the start node is in the first stage of the breadcrumb. (Moving
 * back to an earlier stage later, e.g. a repeat injection, is legitimate and not reported.) */
static void check_stage_order(struct linter *l)
{
	const struct pathway *pw = l->pw;
	const struct pw_node *start = &pw->nodes[pw->start];

	if (pw->nstages > 0 && start->stage != 0)
		add(l, LINT_ERROR, start->line, "the start node '%s' is in stage '%s', not in the first stage "
		    "'%s': red-flag screening must be the first stage reached", start->id,
		    pw->stages[start->stage].id, pw->stages[0].id);
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Line of the first `key =` or `key:` setting in source, or 0. A crude scan (it does not skip
 * strings or comments), good enough to point at a top-level setting the model keeps no line for. */
static int find_line(const char *source, size_t len, const char *key)
{
	size_t klen = strlen(key);
	int line = 1;

	if (!source)
		return 0;
	for (size_t i = 0; i + klen < len; i++) {
		if (source[i] == '\n')
			line++;
		if ((i > 0 && is_name_char(source[i - 1])) || memcmp(source + i, key, klen) != 0)
			continue;
		for (size_t k = i + klen; k < len; k++) {
			if (source[k] == '=' || source[k] == ':')
				return line;
			if (source[k] != ' ' && source[k] != '\t')
				break;
		}
	}
	return 0;
}

static void check_review_date(struct linter *l, long today, const char *source, size_t len)
{
	long review;
	char now[DATE_TEXT_SIZE];

	if (!l->pw->review_date || date_parse(l->pw->review_date, &review) != 0 || review >= today)
		return;
	date_format(today, now);
	add(l, LINT_WARNING, find_line(source, len, "review_date"), "the review date %s has passed "
	    "(today is %s): review the pathway against current evidence and update review_date",
	    l->pw->review_date, now);
}

static void mark_variable(int var, void *ctx)
{
	((struct linter *)ctx)->var_used[var] = true;
}

static void mark_derived(int derived, void *ctx)
{
	((struct linter *)ctx)->derived_used[derived] = true;
}

static void mark_expr(struct linter *l, const struct expr *e)
{
	expr_for_each_variable(e, mark_variable, l);
	expr_for_each_derived(e, mark_derived, l);
}

/* Marks the variables and derived values a text interpolates as {id}; {{ is a literal brace. */
static void mark_text(struct linter *l, const char *text)
{
	for (const char *p = text; p && *p; p++) {
		const char *close;
		char *id;
		int i;

		if (*p != '{')
			continue;
		if (p[1] == '{') {
			p++;
			continue;
		}
		if (!(close = strchr(p, '}')))
			return;
		id = xstrndup(p + 1, (size_t)(close - p - 1));
		if ((i = pathway_find_variable(l->pw, id)) >= 0)
			l->var_used[i] = true;
		else if ((i = pathway_find_derived(l->pw, id)) >= 0)
			l->derived_used[i] = true;
		free(id);
		p = close;
	}
}

/* Marks what an endpoint's plan items read, and the references they cite. */
static void mark_plan(struct linter *l, const struct pw_plan *p, bool *cited)
{
	for (size_t i = 0; i < p->nitems; i++) {
		mark_expr(l, p->items[i].when);
		mark_text(l, p->items[i].text);
		for (size_t r = 0; r < p->items[i].nrefs; r++)
			cited[p->items[i].refs[r]] = true;
	}
}

/* Variables neither asked nor used, variables used but never asked (so always unknown), derived
 * values nobody reads, and references nobody cites. */
static void check_usage(struct linter *l)
{
	const struct pathway *pw = l->pw;
	bool *asked = xcalloc(pw->nvars + 1, sizeof(bool));
	bool *cited = xcalloc(pw->nrefs + 1, sizeof(bool));

	l->var_used = xcalloc(pw->nvars + 1, sizeof(bool));
	l->derived_used = xcalloc(pw->nderived + 1, sizeof(bool));
	for (size_t i = 0; i < pw->nderived; i++)
		mark_expr(l, pw->derived[i].expr);
	for (size_t i = 0; i < pw->nconstraints; i++)
		mark_expr(l, pw->constraints[i].require);
	for (size_t i = 0; i < pw->nwarnings; i++) {
		mark_expr(l, pw->warnings[i].when);
		mark_text(l, pw->warnings[i].title);
		mark_plan(l, &pw->warnings[i].text, cited);
		for (size_t r = 0; r < pw->warnings[i].nrefs; r++)
			cited[pw->warnings[i].refs[r]] = true;
	}
	for (size_t u = 0; u < pw->nnodes; u++) {
		const struct pw_node *n = &pw->nodes[u];

		for (size_t a = 0; a < n->nask; a++)
			asked[n->ask[a]] = true;
		for (size_t t = 0; t < n->nnext; t++) {
			mark_expr(l, n->next[t].when);
			mark_text(l, n->next[t].label);
		}
		for (size_t e = 0; e < n->nevidence; e++) {
			mark_expr(l, n->evidence[e].when);
			mark_text(l, n->evidence[e].note);
			for (size_t r = 0; r < n->evidence[e].nrefs; r++)
				cited[n->evidence[e].refs[r]] = true;
		}
		mark_text(l, n->title);
		mark_text(l, n->text);
		mark_text(l, n->recommendation);
		mark_plan(l, &n->actions, cited);
		mark_plan(l, &n->document, cited);
	}
	for (size_t v = 0; v < pw->nvars; v++) {
		mark_expr(l, pw->vars[v].default_expr);
		mark_expr(l, pw->vars[v].default_when);
	}
	for (size_t v = 0; v < pw->nvars; v++) {
		const struct pw_variable *var = &pw->vars[v];

		if (!asked[v] && !l->var_used[v])
			add(l, LINT_WARNING, var->line, "variable '%s' is never asked and never used", var->id);
		else if (!asked[v] && !var->has_default && !var->default_today && !var->default_expr)
			add(l, LINT_WARNING, var->line, "variable '%s' is used but never asked and has no default: "
			    "every condition on it stays unknown", var->id);
	}
	for (size_t d = 0; d < pw->nderived; d++)
		if (!l->derived_used[d])
			add(l, LINT_WARNING, pw->derived[d].line, "derived value '%s' is never used",
			    pw->derived[d].id);
	for (size_t r = 0; r < pw->nrefs; r++)
		if (!cited[r])
			add(l, LINT_WARNING, pw->refs[r].line, "reference '%s' is never cited", pw->refs[r].id);
	free(asked);
	free(cited);
	free(l->var_used);
	free(l->derived_used);
	l->var_used = l->derived_used = NULL;
}

struct comparison_ctx {
	struct linter *l;
	int line;
	const char *where;
	const char *source; /* the condition as written, or NULL */
};

static void report_comparison(const char *text, enum expr_truth truth, void *ctx)
{
	struct comparison_ctx *c = ctx;
	const char *at = c->source ? strstr(c->source, text) : NULL;

	add(c->l, LINT_WARNING, c->line, "'%s' in %s is %s given the declared ranges", text, c->where,
	    truth == EXPR_NEVER ? "never true" : "always true");
	if (at) { /* the comparison as written (rendered alike): the caret goes under it */
		struct lint_finding *f = &c->l->out->items[c->l->out->count - 1];

		f->expr = c->source;
		f->expr_offset = (size_t)(at - c->source);
		f->expr_width = strlen(text);
	}
}

/* Reports the comparisons inside e (written as source, or NULL) that the declared ranges fix; used
 * when e as a whole was not already reported (that finding says more). */
static void check_comparisons(struct linter *l, const struct expr *e, const char *source, int line,
			      const char *where)
{
	struct comparison_ctx c = { l, line, where, source };

	expr_for_each_fixed_comparison(e, l->pw, report_comparison, &c);
}

/* Points the last finding at the condition (or text) it is about. */
static void about(struct linter *l, const char *condition)
{
	l->out->items[l->out->count - 1].expr = condition;
}

/* Plan items (of an endpoint's actions or document, or of a warning's text; owner is the node or
 * warning id) that the declared ranges make impossible to show (plain mode), or the comparisons
 * inside the others' conditions. */
static void check_plan_conditions(struct linter *l, const char *owner, const char *what,
				  const struct pw_plan *plan)
{
	for (size_t i = 0; i < plan->nitems; i++) {
		const struct pw_plan_item *it = &plan->items[i];
		char *where;

		if (static_truth(l, it->when) == EXPR_NEVER) {
			if (l->plain) {
				add(l, LINT_ERROR, it->line, "%s item %zu of '%s' can never be shown: '%s' is never "
				    "true given the declared ranges", what, i + 1, owner, it->when_source);
				about(l, it->when_source);
			}
			continue;
		}
		if (l->plain)
			continue;
		where = xasprintf("%s item %zu of '%s'", what, i + 1, owner);
		check_comparisons(l, it->when, it->when_source, it->line, where);
		free(where);
	}
}

/* A warning whose text items all have a condition: unless the declared ranges show that one of
 * them holds wherever the warning shows, it could show with no text. */
static void check_text_always_shows(struct linter *l, const struct pw_warning *w)
{
	struct strbuf sb = STRBUF_INIT;
	struct diag_list diags = { 0 };
	struct expr *none;

	for (size_t i = 0; i < w->text.nitems; i++)
		if (!w->text.items[i].when_source)
			return;
	sb_appendf(&sb, "(%s) && !(", w->when_source);
	for (size_t i = 0; i < w->text.nitems; i++)
		sb_appendf(&sb, "%s(%s)", i ? " || " : "", w->text.items[i].when_source);
	sb_append(&sb, ")");
	none = expr_parse(sb_str(&sb), l->pw, (int)l->pw->nderived, "", w->line, &diags, NULL);
	if (expr_static_truth(none, l->pw) != EXPR_NEVER)
		add(l, LINT_WARNING, w->line, "every text item of warning '%s' has a condition, and the declared "
		    "ranges do not show that one holds wherever the warning shows: add an item without "
		    "'when'", w->id);
	expr_free(none);
	diag_clear(&diags);
	sb_free(&sb);
}

/* Conditions that the declared ranges make always or never true: in plain mode the conditions
 * that can never be true (or hide the entries after them), otherwise the comparisons inside the
 * others. */
static void check_conditions(struct linter *l)
{
	const struct pathway *pw = l->pw;

	for (size_t u = 0; u < pw->nnodes; u++) {
		const struct pw_node *n = &pw->nodes[u];

		for (size_t t = 0; t < n->nnext; t++) {
			const struct pw_transition *tr = &n->next[t];
			enum expr_truth truth = static_truth(l, tr->when);
			char *where;

			if (!tr->when)
				continue;
			if (truth == EXPR_NEVER) {
				if (l->plain) {
					add(l, LINT_ERROR, tr->line, "condition '%s' of '%s' can never be true given the "
					    "declared ranges: the step to '%s' can never be taken", tr->when_source, n->id,
					    pw->nodes[tr->target].id);
					about(l, tr->when_source);
				}
				continue;
			}
			if (truth == EXPR_ALWAYS && t + 1 < n->nnext) {
				if (l->plain) {
					add(l, LINT_ERROR, tr->line, "condition '%s' of '%s' is always true given the "
					    "declared ranges: the entries after it can never be taken", tr->when_source, n->id);
					about(l, tr->when_source);
				}
				continue;
			}
			if (l->plain)
				continue;
			where = xasprintf("the condition of '%s' -> '%s'", n->id, pw->nodes[tr->target].id);
			check_comparisons(l, tr->when, tr->when_source, tr->line, where);
			free(where);
		}
		for (size_t e = 0; e < n->nevidence; e++) {
			const struct pw_evidence *ev = &n->evidence[e];
			char *where;

			if (static_truth(l, ev->when) == EXPR_NEVER) {
				if (l->plain) {
					add(l, LINT_ERROR, ev->line, "evidence note %zu of '%s' can never be shown: '%s' is "
					    "never true given the declared ranges", e + 1, n->id, ev->when_source);
					about(l, ev->when_source);
				}
				continue;
			}
			if (l->plain)
				continue;
			where = xasprintf("evidence note %zu of '%s'", e + 1, n->id);
			check_comparisons(l, ev->when, ev->when_source, ev->line, where);
			free(where);
		}
		check_plan_conditions(l, n->id, "actions", &n->actions);
		check_plan_conditions(l, n->id, "document", &n->document);
	}
	for (size_t i = 0; i < pw->nwarnings; i++) {
		const struct pw_warning *w = &pw->warnings[i];
		char *where;

		if (static_truth(l, w->when) == EXPR_NEVER) {
			if (l->plain) {
				add(l, LINT_ERROR, w->line, "warning '%s' can never be shown: '%s' is never true given "
				    "the declared ranges", w->id, w->when_source);
				about(l, w->when_source);
			}
			continue;
		}
		check_plan_conditions(l, w->id, "text", &w->text);
		if (l->plain)
			continue;
		where = xasprintf("warning '%s'", w->id);
		check_comparisons(l, w->when, w->when_source, w->line, where);
		free(where);
		check_text_always_shows(l, w);
	}
	for (size_t i = 0; i < pw->nconstraints; i++) {
		const struct pw_constraint *c = &pw->constraints[i];
		enum expr_truth truth = static_truth(l, c->require);

		if (truth == EXPR_NEVER && l->plain) {
			add(l, LINT_ERROR, c->line, "constraint '%s' can never hold given the declared ranges: "
			    "every walk would be refused", c->require_source);
			about(l, c->require_source);
		} else if (truth != EXPR_NEVER && !l->plain) {
			check_comparisons(l, c->require, c->require_source, c->line, "a constraint");
		}
	}
	for (size_t i = 0; i < pw->nderived && !l->plain; i++) {
		char *where = xasprintf("derived value '%s'", pw->derived[i].id);

		check_comparisons(l, pw->derived[i].expr, pw->derived[i].source, pw->derived[i].line, where);
		free(where);
	}
}

static void set_flag(int index, void *flags)
{
	((bool *)flags)[index] = true;
}

/* Explanations name what decisions read by the pathway's own words: a variable a decision's
 * condition reads (directly or through derived values) needs a `short`, a derived value a label. */
static void check_explained_names(struct linter *l)
{
	const struct pathway *pw = l->pw;
	bool *var = xcalloc(pw->nvars + 1, sizeof(*var)), *der = xcalloc(pw->nderived + 1, sizeof(*der));

	for (size_t u = 0; u < pw->nnodes; u++)
		for (size_t t = 0; t < pw->nodes[u].nnext; t++) {
			expr_for_each_variable(pw->nodes[u].next[t].when, set_flag, var);
			expr_for_each_derived(pw->nodes[u].next[t].when, set_flag, der);
		}
	/* A derived value only reads those declared before it: one pass backwards reaches them all. */
	for (size_t i = pw->nderived; i-- > 0;)
		if (der[i]) {
			expr_for_each_variable(pw->derived[i].expr, set_flag, var);
			expr_for_each_derived(pw->derived[i].expr, set_flag, der);
		}
	for (size_t i = 0; i < pw->nvars; i++)
		if (var[i] && blank(pw->vars[i].short_name))
			add(l, LINT_WARNING, pw->vars[i].line, "variable '%s' is read by a decision but has no short "
			    "name: explanations name it by its prompt (add short = \"...\")", pw->vars[i].id);
	for (size_t i = 0; i < pw->nderived; i++)
		if (der[i] && blank(pw->derived[i].label))
			add(l, LINT_WARNING, pw->derived[i].line, "derived value '%s' is read by a decision but has "
			    "no label: explanations show its id (add label = \"...\")", pw->derived[i].id);
	free(var);
	free(der);
}

/* Texts a user tells apart on one screen must differ: the labels of one variable's options, and
 * of one decision's next steps. */
static void check_labels(struct linter *l)
{
	const struct pathway *pw = l->pw;

	for (size_t v = 0; v < pw->nvars; v++) {
		const struct pw_variable *var = &pw->vars[v];

		for (size_t i = 0; i < var->noptions; i++)
			for (size_t j = 0; j < i; j++)
				if (var->options[i].label && var->options[j].label &&
				    strcmp(var->options[i].label, var->options[j].label) == 0) {
					add(l, LINT_ERROR, var->line, "variable '%s': options '%s' and '%s' have the same "
					    "label \"%s\": the screen cannot tell them apart", var->id,
					    var->options[j].id, var->options[i].id, var->options[i].label);
					break;
				}
	}
	for (size_t u = 0; u < pw->nnodes; u++) {
		const struct pw_node *n = &pw->nodes[u];

		for (size_t i = 0; i < n->nnext; i++)
			for (size_t j = 0; j < i; j++)
				if (n->next[i].label && n->next[j].label && strcmp(n->next[i].label, n->next[j].label) == 0) {
					add(l, LINT_ERROR, n->next[i].line, "node '%s': next steps %zu and %zu have the same "
					    "label \"%s\": the screen cannot tell them apart", n->id, j + 1, i + 1,
					    n->next[i].label);
					about(l, n->next[i].label);
					break;
				}
	}
}

/* Every stage of the breadcrumb has a node: an empty one would be shown and never reached. */
static void check_stages_used(struct linter *l)
{
	const struct pathway *pw = l->pw;
	bool *used = xcalloc(pw->nstages + 1, sizeof(bool));

	for (size_t u = 0; u < pw->nnodes; u++)
		if (pw->nodes[u].stage >= 0)
			used[pw->nodes[u].stage] = true;
	for (size_t s = 0; s < pw->nstages; s++)
		if (!used[s]) {
			add(l, LINT_ERROR, pw->stages[s].line, "stage '%s' has no node: the breadcrumb would show a "
			    "stage no walk reaches", pw->stages[s].id);
			about(l, pw->stages[s].id);
		}
	free(used);
}

/* True when an endpoint says what to do: its `actions` (one text, or a list of items) has an item
 * with text, whatever the item's condition. */
static bool has_actions(const struct pw_node *n)
{
	for (size_t i = 0; i < n->actions.nitems; i++)
		if (!blank(n->actions.items[i].text))
			return true;
	return false;
}

/* Every endpoint has a "What to do" section. */
static void check_endpoint_actions(struct linter *l)
{
	const struct pathway *pw = l->pw;

	for (size_t u = 0; u < pw->nnodes; u++)
		if (pathway_is_endpoint(pw, (int)u) && !has_actions(&pw->nodes[u]))
			add(l, LINT_WARNING, pw->nodes[u].line, "endpoint '%s' has no actions: its \"What to do\" "
			    "section would be empty", pw->nodes[u].id);
}

void lint_plain(const struct pathway *pw, struct lint_report *out)
{
	struct linter l = { .pw = pw, .out = out, .plain = true };

	check_conditions(&l);
	check_labels(&l);
	check_stages_used(&l);
	check_endpoint_actions(&l);
}

void lint_pathway(const struct pathway *pw, long today, const char *source, size_t len,
		  struct lint_report *out)
{
	struct linter l = { .pw = pw, .out = out, .plain = false };

	check_stage_order(&l);
	check_review_date(&l, today, source, len);
	check_endpoints(&l);
	check_notes_cite(&l);
	check_severity(&l);
	check_usage(&l);
	check_conditions(&l);
	check_explained_names(&l);
}

void lint_report_print(const struct lint_report *r, const char *file, const char *source, size_t len,
		       void *stream)
{
	struct diag_list diags = { 0 };

	diag_set_source(&diags, file, source, len);
	for (size_t i = 0; i < r->count; i++) {
		const struct lint_finding *f = &r->items[i];

		diag_add(&diags, file, f->line, "%s", f->message);
		if (f->expr)
			diag_point_expr(&diags, f->expr, f->expr_offset, f->expr_width ? f->expr_width : strlen(f->expr));
		diag_set_kind(&diags, diags.count - 1, f->severity == LINT_ERROR ? DIAG_ERROR : DIAG_WARNING);
	}
	diag_print(&diags, stream);
	diag_clear(&diags);
}

void lint_report_free(struct lint_report *r)
{
	for (size_t i = 0; i < r->count; i++)
		free(r->items[i].message);
	free(r->items);
	memset(r, 0, sizeof(*r));
}
