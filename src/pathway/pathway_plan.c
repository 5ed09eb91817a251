/* SPDX-License-Identifier: Apache-2.0 */
/* An endpoint's plan: `actions` and `document` are a string (one item shown always) or a list of
 * items { text = "..."; when = "COND"; refs = [ ... ]; }, each shown only where its condition
 * holds, with its own citations. A warning's `text` is read the same way, without item refs. */
#include <stdlib.h>

#include "expr.h"
#include "pathway_internal.h"
#include "xalloc.h"

static const char *const item_members[] = { "text", "when", "refs", NULL };

static void load_item(struct loader *ld, struct pw_plan_item *it, const config_setting_t *g,
		      const char *what)
{
	config_setting_t *when;

	cfg_check_members(&ld->rd, g, item_members, what);
	it->line = cfg_line(g);
	it->text = pathway_dup_or_null(cfg_string(&ld->rd, g, "text", true, what));
	pathway_check_interpolation(ld, it->text, it->line, what);
	it->when_source = pathway_dup_or_null(cfg_string(&ld->rd, g, "when", false, what));
	when = cfg_member(g, "when");
	if (it->when_source)
		it->when = pathway_read_condition(ld, it->when_source, cfg_line(when), what);
	it->refs = pathway_read_refs(ld, g, what, &it->nrefs);
}

void pathway_load_plan(struct loader *ld, struct pw_plan *plan, const config_setting_t *node,
		       const char *name, const char *what)
{
	config_setting_t *m = cfg_member(node, name);
	char *item_what;
	size_t n;

	plan->items = NULL;
	plan->nitems = 0;
	if (!m)
		return;
	if (config_setting_type(m) == CONFIG_TYPE_STRING) {
		plan->items = xcalloc(1, sizeof(*plan->items));
		plan->items[0].text = xstrdup(config_setting_get_string(m));
		plan->items[0].line = cfg_line(m);
		plan->items[0].refs = xcalloc(1, sizeof(*plan->items[0].refs));
		plan->nitems = 1;
		pathway_check_interpolation(ld, plan->items[0].text, plan->items[0].line, what);
		return;
	}
	if (config_setting_type(m) != CONFIG_TYPE_LIST) {
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(m),
			 "%s: %s must be a string or a list of items ( { text = \"...\"; }, ... )", what, name);
		return;
	}
	n = (size_t)config_setting_length(m);
	if (n == 0)
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(m), "%s: %s is an empty list", what, name);
	plan->items = xcalloc(n + 1, sizeof(*plan->items));
	item_what = xasprintf("%s, %s", what, name);
	for (size_t i = 0; i < n; i++) {
		config_setting_t *g = pathway_group_elem(ld, m, i, item_what);

		if (g)
			load_item(ld, &plan->items[plan->nitems++], g, item_what);
	}
	free(item_what);
}

void pathway_load_warning_text(struct loader *ld, struct pw_plan *text, const config_setting_t *g,
			       const char *what)
{
	if (!cfg_member(g, "text")) {
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(g), "%s: missing 'text'", what);
		return;
	}
	pathway_load_plan(ld, text, g, "text", what);
	for (size_t i = 0; i < text->nitems; i++)
		if (text->items[i].nrefs > 0)
			diag_add(ld->rd.diags, ld->rd.file, text->items[i].line,
				 "%s, text item %zu: refs belong to the warning itself, not to its text items",
				 what, i + 1);
}
