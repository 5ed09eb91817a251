/* SPDX-License-Identifier: Apache-2.0 */
/* What every part of the pathway loader reads alike (pathway_internal.h): copied strings, list
 * elements that must be groups, reference lists and conditions. */
#include <string.h>

#include "cfgread.h"
#include "expr.h"
#include "pathway_ids.h"
#include "pathway_internal.h"
#include "xalloc.h"

char *pathway_dup_or_null(const char *s)
{
	if (!s || xalloc_keep_at_exit())
		return (char *)s; /* libconfig's tree is kept then (load), and pathway_free frees nothing */
	return xstrdup(s);
}

config_setting_t *pathway_group_elem(struct loader *ld, config_setting_t *list, size_t i, const char *what)
{
	config_setting_t *e = config_setting_get_elem(list, (unsigned)i);

	if (e && config_setting_type(e) != CONFIG_TYPE_GROUP) {
		diag_add(ld->rd.diags, ld->rd.file, cfg_line(e), "%s %zu must be a group { ... }", what, i + 1);
		return NULL;
	}
	return e;
}

int *pathway_read_refs(struct loader *ld, const config_setting_t *g, const char *what, size_t *count)
{
	config_setting_t *list = cfg_aggregate(&ld->rd, g, "refs", false, what);
	size_t n = list ? (size_t)config_setting_length(list) : 0;
	int *refs = xcalloc(n ? n : 1, sizeof(*refs));

	*count = 0;
	for (size_t i = 0; i < n; i++) {
		config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		const char *id = config_setting_get_string(e);
		int r = id ? strmap_get(&ld->pw->ref_index, id, strlen(id)) : -1;

		if (!id)
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(e), "%s: reference ids must be strings", what);
		else if (r < 0) {
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(e), "%s: unknown reference '%s'", what, id);
			pathway_explain_unknown(ld->pw, ld->rd.diags, (struct pw_ids){ PW_IDS_REFERENCE, -1, 0 },
						"refs", id);
		} else
			refs[(*count)++] = r;
	}
	return refs;
}

struct expr *pathway_read_condition(struct loader *ld, const char *source, int line, const char *what)
{
	struct expr_type type;
	int seen = strmap_get(&ld->condition_index, source, strlen(source));
	struct expr *e;

	if (seen >= 0)
		return expr_share(ld->conditions[seen]);
	e = expr_parse(source, ld->pw, (int)ld->pw->nderived, ld->rd.file, line, ld->rd.diags, &type);
	if (e && type.type != TYPE_BOOL) {
		diag_add(ld->rd.diags, ld->rd.file, line, "%s: condition \"%s\" is %s, not bool", what,
			 source, value_type_name(type.type));
		diag_point_expr(ld->rd.diags, source, 0, strlen(source));
		expr_free(e);
		return NULL;
	}
	if (e) {
		ld->conditions = xgrow(ld->conditions, &ld->conditions_cap, ld->nconditions + 1,
				       sizeof(*ld->conditions));
		ld->conditions[ld->nconditions] = e;
		strmap_put(&ld->condition_index, source, (int)ld->nconditions++);
	}
	return e;
}
