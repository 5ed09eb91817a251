/* SPDX-License-Identifier: Apache-2.0 */
#include "cfgtree.h"

#include <limits.h>

#include "cfgread.h"
#include "xalloc.h"

/* Appends s and its descendants to the table. */
static void flatten(const config_setting_t *s, struct cfg_tree_node **nodes, size_t *count, size_t *cap)
{
	struct cfg_tree_node *n;
	unsigned children = cfg_length(s);

	*nodes = xgrow(*nodes, cap, *count + 1, sizeof(**nodes));
	n = &(*nodes)[(*count)++];
	*n = (struct cfg_tree_node){ .name = s->parent ? s->name : NULL, .line = s->line, .children = children,
				     .type = s->type, .format = s->format };
	switch (s->type) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_BOOL:
		n->value.i = s->value.ival;
		break;
	case CONFIG_TYPE_INT64:
		n->value.i = s->value.llval;
		break;
	case CONFIG_TYPE_FLOAT:
		n->value.f = s->value.fval;
		break;
	case CONFIG_TYPE_STRING:
		n->value.s = s->value.sval;
		break;
	}
	for (unsigned k = 0; k < children; k++)
		flatten(s->value.list->elements[k], nodes, count, cap);
}

struct cfg_tree_node *cfg_tree_flatten(const config_t *cfg, size_t *count)
{
	struct cfg_tree_node *nodes = NULL;
	size_t cap = 0;

	*count = 0;
	flatten(cfg->root, &nodes, count, &cap);
	return nodes;
}

/* Gives the new setting s the scalar value and format of n. */
static bool set_value(config_setting_t *s, const struct cfg_tree_node *n)
{
	int ok = CONFIG_TRUE;

	switch (n->type) {
	case CONFIG_TYPE_INT:
		ok = config_setting_set_int(s, (int)n->value.i);
		break;
	case CONFIG_TYPE_INT64:
		ok = config_setting_set_int64(s, n->value.i);
		break;
	case CONFIG_TYPE_FLOAT:
		ok = config_setting_set_float(s, n->value.f);
		break;
	case CONFIG_TYPE_BOOL:
		ok = config_setting_set_bool(s, (int)n->value.i);
		break;
	case CONFIG_TYPE_STRING:
		ok = n->value.s && config_setting_set_string(s, n->value.s);
		break;
	}
	if (ok && n->format != CONFIG_FORMAT_DEFAULT)
		ok = config_setting_set_format(s, n->format);
	return ok == CONFIG_TRUE;
}

/* Adds nodes[*i] and its descendants under parent; *i moves past them. */
static bool build(config_setting_t *parent, const struct cfg_tree_node *nodes, size_t count, size_t *i)
{
	const struct cfg_tree_node *n = &nodes[(*i)++];
	config_setting_t *s = config_setting_add(parent, n->name, n->type);

	if (!s || !set_value(s, n) || (n->children > 0 && !config_setting_is_aggregate(s)))
		return false;
	s->line = n->line;
	for (unsigned k = 0; k < n->children; k++)
		if (*i >= count || !build(s, nodes, count, i))
			return false;
	return true;
}

bool cfg_tree_build(config_t *cfg, const struct cfg_tree_node *nodes, size_t count)
{
	size_t i = 1;

	config_init(cfg);
	if (count == 0 || nodes[0].type != CONFIG_TYPE_GROUP)
		return false;
	cfg->root->line = nodes[0].line;
	for (unsigned k = 0; k < nodes[0].children; k++)
		if (i >= count || !build(cfg->root, nodes, count, &i))
			return false;
	return i == count;
}

/* Writes s as a C string literal: printable ASCII as itself, every other byte (and the quote, the
 * backslash and the question mark, which could start a trigraph) as a three-digit octal escape. */
static void emit_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("NULL", out);
		return;
	}
	putc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\' && *p != '?')
			putc(*p, out);
		else
			fprintf(out, "\\%03o", *p);
	}
	putc('"', out);
}

bool cfg_tree_emit(FILE *out, const char *symbol, const struct cfg_tree_node *nodes, size_t count)
{
	fprintf(out, "const struct cfg_tree_node %s[] = {\n", symbol);
	for (size_t i = 0; i < count; i++) {
		const struct cfg_tree_node *n = &nodes[i];

		fputs("\t{ ", out);
		emit_string(out, n->name);
		if (n->type == CONFIG_TYPE_STRING) {
			fputs(", { .s = ", out);
			emit_string(out, n->value.s);
			fputs(" }", out);
		} else if (n->type == CONFIG_TYPE_FLOAT) {
			fprintf(out, ", { .f = %a }", n->value.f);
		} else if (n->value.i == LLONG_MIN) { /* its magnitude is no long long literal */
			fprintf(out, ", { .i = %lldLL - 1 }", n->value.i + 1);
		} else {
			fprintf(out, ", { .i = %lldLL }", n->value.i);
		}
		fprintf(out, ", %u, %u, %d, %d },\n", n->line, n->children, n->type, n->format);
	}
	fprintf(out, "};\nconst size_t %s_count = %zu;\n", symbol, count);
	return !ferror(out);
}
