/* SPDX-License-Identifier: Apache-2.0 */
/* What a variable starts with or may leave open: a literal `default`, `optional` (the answer may
 * be "not recorded") and a default computed from other answers (`default_expr`, applying only
 * where `default_when` holds). */
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "pathway_internal.h"
#include "xalloc.h"

/* Finds an option of v by id, or -1. */
static int option_of(const struct pw_variable *v, const char *id)
{
	for (size_t i = 0; i < v->noptions; i++)
		if (strcmp(v->options[i].id, id) == 0)
			return (int)i;
	return -1;
}

void pathway_load_default(struct loader *ld, struct pw_variable *v, const config_setting_t *g,
			  const char *what)
{
	config_setting_t *d = cfg_member(g, "default");
	int type, line;
	long days;

	if (!d)
		return;
	type = config_setting_type(d);
	line = cfg_line(d);
	v->has_default = true;
	switch (v->type) {
	case TYPE_INT:
		if (type != CONFIG_TYPE_INT && type != CONFIG_TYPE_INT64)
			break;
		v->default_value = value_int((long)config_setting_get_int64(d));
		if (v->default_value.u.i < v->min || v->default_value.u.i > v->max)
			diag_add(ld->rd.diags, ld->rd.file, line, "%s: default %ld is outside %ld..%ld", what,
				 v->default_value.u.i, v->min, v->max);
		return;
	case TYPE_BOOL:
		if (type != CONFIG_TYPE_BOOL)
			break;
		v->default_value = value_bool(config_setting_get_bool(d));
		return;
	case TYPE_CHOICE:
		if (type != CONFIG_TYPE_STRING)
			break;
		if (option_of(v, config_setting_get_string(d)) < 0) {
			diag_add(ld->rd.diags, ld->rd.file, line, "%s: default '%s' is not one of its options",
				 what, config_setting_get_string(d));
			return;
		}
		v->default_value = value_choice(option_of(v, config_setting_get_string(d)));
		return;
	case TYPE_SET:
		if (type != CONFIG_TYPE_ARRAY && type != CONFIG_TYPE_LIST)
			break;
		v->default_value = value_set(0);
		for (int i = 0; i < config_setting_length(d); i++) {
			const char *id = config_setting_get_string_elem(d, i);
			int o = id ? option_of(v, id) : -1;

			if (o < 0)
				diag_add(ld->rd.diags, ld->rd.file, line, "%s: default '%s' is not one of its options",
					 what, id ? id : "(not a string)");
			else
				v->default_value.u.set |= (uint64_t)1 << o;
		}
		return;
	case TYPE_DATE:
		if (type != CONFIG_TYPE_STRING)
			break;
		if (strcmp(config_setting_get_string(d), "today") == 0) {
			v->default_today = true;
			return;
		}
		if (date_parse(config_setting_get_string(d), &days) != 0) {
			diag_add(ld->rd.diags, ld->rd.file, line, "%s: default '%s' is not a date (YYYY-MM-DD or \"today\")",
				 what, config_setting_get_string(d));
			return;
		}
		v->default_value = value_date(days);
		return;
	case TYPE_NONE:
		return;
	}
	v->has_default = false;
	diag_add(ld->rd.diags, ld->rd.file, line, "%s: default must be a %s value", what, value_type_name(v->type));
}

void pathway_load_optional(struct loader *ld, struct pw_variable *v, const config_setting_t *g,
			   const char *what)
{
	config_setting_t *o = cfg_member(g, "optional");

	if (!o)
		return;
	if (config_setting_type(o) != CONFIG_TYPE_BOOL) {
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(o), "%s: optional must be true or false", what);
		return;
	}
	v->optional = config_setting_get_bool(o);
	if (v->optional && v->type != TYPE_INT && v->type != TYPE_DATE && v->type != TYPE_NONE)
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(o), "%s: optional is for int and date variables, "
			 "whose field can say \"not recorded\"", what);
}

/* default_expr: an expression of the variable's own type (and, for a choice or set, its options). */
static void load_default_expr(struct loader *ld, struct pw_variable *v, const config_setting_t *g,
			      const char *what)
{
	const char *source = cfg_string(&ld->rd, g, "default_expr", false, what);
	int line = cfg_line(cfg_member(g, "default_expr"));
	struct expr_type type;
	int self = (int)(v - ld->pw->vars);
	bool options = v->type == TYPE_CHOICE || v->type == TYPE_SET;

	if (!source)
		return;
	v->default_expr_source = xstrdup(source);
	v->default_expr = expr_parse(source, ld->pw, (int)ld->pw->nderived, ld->rd.file, line,
				     ld->rd.diags, &type);
	if (!v->default_expr || v->type == TYPE_NONE)
		return;
	if (type.type != v->type || (options && type.domain != self)) {
		diag_add(ld->rd.diags, ld->rd.file, line, "%s: default_expr \"%s\" is %s%s%s, not %s%s%s", what,
			 source, value_type_name(type.type), options && type.domain >= 0 ? " of " : "",
			 options && type.domain >= 0 ? ld->pw->vars[type.domain].id : "",
			 value_type_name(v->type), options ? " of " : "", options ? v->id : "");
		expr_free(v->default_expr);
		v->default_expr = NULL;
	}
}

void pathway_load_default_exprs(struct loader *ld, const config_setting_t *root)
{
	struct pathway *pw = ld->pw;
	config_setting_t *list = cfg_member(root, "variables");

	for (size_t i = 0; list && i < pw->nvars; i++) {
		config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		struct pw_variable *v = &pw->vars[i];
		const char *when;
		char *what;

		if (!g || config_setting_type(g) != CONFIG_TYPE_GROUP)
			continue;
		what = xasprintf("variable '%s'", v->id ? v->id : "?");
		load_default_expr(ld, v, g, what);
		when = cfg_string(&ld->rd, g, "default_when", false, what);
		if (when && !cfg_member(g, "default_expr"))
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(cfg_member(g, "default_when")),
				 "%s: default_when needs a default_expr", what);
		else if (when) {
			v->default_when_source = xstrdup(when);
			v->default_when = pathway_read_condition(ld, when,
								 cfg_line(cfg_member(g, "default_when")), what);
		}
		free(what);
	}
}
