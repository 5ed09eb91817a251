/* SPDX-License-Identifier: Apache-2.0 */
/* An explanation for the journal and for people (see explain_words.h). */
#include "explain_words.h"

#include <stdlib.h>

#include "strbuf.h"
#include "xalloc.h"

void explain_json(struct strbuf *sb, const char *key, const struct expr_explanation *x)
{
	sb_appendf(sb, ",\"%s\":[", key);
	for (size_t i = 0; i < x->count; i++) {
		const struct expr_clause *c = &x->clauses[i];

		sb_append(sb, i ? ",{\"clause\":" : "{\"clause\":");
		sb_append_json_string(sb, c->text);
		sb_appendf(sb, ",\"truth\":%s", c->type == TYPE_NONE ? "null" : c->truth ? "true" : "false");
		if (c->words) {
			sb_append(sb, ",\"words\":");
			sb_append_json_string(sb, c->words);
		}
		sb_appendf(sb, ",\"depth\":%d}", c->depth);
	}
	sb_append(sb, "]");
}

char *explain_clause_line(const struct expr_clause *c, bool ids)
{
	const char *words = c->words ? c->words : c->text;

	return ids ? xasprintf("%s  [%s]", words, c->text) : xstrdup(words);
}

void explain_print(FILE *f, const struct expr_explanation *x, int indent, int max_depth, bool ids)
{
	for (size_t i = 0; i < x->count; i++) {
		char *line;

		if (x->clauses[i].depth > max_depth)
			continue;
		line = explain_clause_line(&x->clauses[i], ids);
		fprintf(f, "%*s- %s\n", indent + 2 * x->clauses[i].depth, "", line);
		free(line);
	}
}
