/* SPDX-License-Identifier: Apache-2.0 */
/* Pathway text made for people from a session's state: {id} placeholders filled in with the
 * values known so far. Uses only the session's public accessors. */
#include "session.h"

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
