/* SPDX-License-Identifier: Apache-2.0 */
/* What "About this pathway" shows besides the metadata: `scope` (who the pathway is for) and
 * `choices` (the numbered choices it made where its sources are ambiguous). */
#include "pathway_internal.h"
#include "xalloc.h"

void pathway_load_about(struct loader *ld, const config_setting_t *root)
{
	struct pathway *pw = ld->pw;
	config_setting_t *list = cfg_aggregate(&ld->rd, root, "choices", false, "pathway");
	size_t n = list ? (size_t)config_setting_length(list) : 0;

	pw->scope = pathway_dup_or_null(cfg_string(&ld->rd, root, "scope", false, "pathway"));
	pw->choices = xcalloc(n + 1, sizeof(*pw->choices));
	for (size_t i = 0; i < n; i++) {
		config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		const char *text = config_setting_get_string(e);

		if (!text || !*text)
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(e), "pathway: choice %zu must be a non-empty string", i + 1);
		else
			pw->choices[pw->nchoices++] = xstrdup(text);
	}
}
