/* SPDX-License-Identifier: Apache-2.0 */
/* Pathway text made for people from a session's state: {id} placeholders filled in with the
 * values known so far. Uses only the session's public accessors. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

char *session_render_text(const struct session *s, const char *text)
{
	const struct pathway *pw = session_pathway(s);
	const struct value *answers = session_answers(s), *derived = session_derived(s);
	struct strbuf sb = STRBUF_INIT;

	for (const char *p = text; *p; p++) {
		const char *end;
		int var, d;
		char *value = NULL;

		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			sb_append_char(&sb, *p++);
			continue;
		}
		if (*p != '{' || !(end = strchr(p + 1, '}'))) {
			sb_append_char(&sb, *p);
			continue;
		}
		var = strmap_get(&pw->var_index, p + 1, (size_t)(end - p - 1));
		d = var < 0 ? strmap_get(&pw->derived_index, p + 1, (size_t)(end - p - 1)) : -1;
		if (var >= 0 && value_answered(&answers[var]))
			value = pathway_format_value(pw, var, &answers[var]);
		else if (d >= 0 && derived[d].type != TYPE_NONE)
			value = pathway_format_value(pw, pw->derived[d].domain, &derived[d]);
		else if (var >= 0 || d >= 0)
			value = xstrdup("not yet known");
		if (value) {
			sb_append(&sb, value);
			free(value);
			p = end;
		} else {
			sb_append_char(&sb, *p);
		}
	}
	return sb_take(&sb);
}

/* One plan heading and the items of plan shown now, each followed by its citations. */
static void print_plan(const struct session *s, FILE *f, const char *indent, const char *heading,
		       const struct pw_plan *plan)
{
	const struct pathway *pw = session_pathway(s);
	int *shown = xcalloc(plan->nitems + 1, sizeof(*shown));
	size_t n = session_plan_shown(s, plan, shown);

	fprintf(f, "%s%s:%s\n", indent, heading, n ? "" : " nothing further");
	for (size_t i = 0; i < n; i++) {
		const struct pw_plan_item *it = &plan->items[shown[i]];
		char *text = session_render_text(s, it->text);

		fprintf(f, "%s  - %s\n", indent, text);
		for (size_t k = 0; k < it->nrefs; k++)
			fprintf(f, "%s      [%s] %s\n", indent, pw->refs[it->refs[k]].id, pw->refs[it->refs[k]].citation);
		free(text);
	}
	free(shown);
}

void session_print_plan(const struct session *s, FILE *f, const char *indent)
{
	const struct pw_node *n = &session_pathway(s)->nodes[session_node(s)];
	char *text = session_render_text(s, n->recommendation ? n->recommendation : "none given");

	fprintf(f, "%sRecommendation: %s\n", indent, text);
	free(text);
	print_plan(s, f, indent, "What to do", &n->actions);
	print_plan(s, f, indent, "What to document", &n->document);
}
