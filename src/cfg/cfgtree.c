/* SPDX-License-Identifier: Apache-2.0 */
#include "cfgtree.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cfgread.h"
#include "strbuf.h"
#include "strmap.h"
#include "xalloc.h"

struct flattening {
	struct cfg_tree *tree;
	size_t cap;
	struct strbuf strings;
	struct strmap offsets; /* string -> its offset in strings */
};

/* The offset of s in the strings, added there the first time. */
static unsigned string_offset(struct flattening *fl, const char *s)
{
	int at = (int)fl->strings.len;
	int put = strmap_put(&fl->offsets, s, at);

	if (put < 0)
		return (unsigned)(-put - 1);
	sb_append_len(&fl->strings, s, strlen(s) + 1);
	return (unsigned)at;
}

/* Appends s and its descendants to the table. */
static void flatten(struct flattening *fl, const config_setting_t *s)
{
	struct cfg_tree *tree = fl->tree;
	struct cfg_tree_node *n;
	unsigned children = cfg_length(s);

	tree->nodes = xgrow(tree->nodes, &fl->cap, tree->count + 1, sizeof(*tree->nodes));
	n = &tree->nodes[tree->count++];
	*n = (struct cfg_tree_node){ .name = s->parent && s->name ? string_offset(fl, s->name) : CFG_TREE_NONE,
				     .line = s->line, .children = children, .type = s->type, .format = s->format };
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
		n->value.s = string_offset(fl, s->value.sval ? s->value.sval : "");
		break;
	}
	for (unsigned k = 0; k < children; k++)
		flatten(fl, s->value.list->elements[k]);
}

void cfg_tree_flatten(const config_t *cfg, struct cfg_tree *tree)
{
	struct flattening fl = { .tree = tree, .strings = STRBUF_INIT };

	*tree = (struct cfg_tree){ 0 };
	sb_append_len(&fl.strings, "", 1); /* CFG_TREE_NONE */
	flatten(&fl, cfg->root);
	tree->strings_len = fl.strings.len;
	tree->strings = sb_take(&fl.strings);
	strmap_free(&fl.offsets);
}

void cfg_tree_free(struct cfg_tree *tree)
{
	free(tree->nodes);
	free(tree->strings);
	*tree = (struct cfg_tree){ 0 };
}

/* The string at offset, or NULL when it is CFG_TREE_NONE or past the strings. */
static const char *string_at(const char *strings, size_t strings_len, unsigned offset)
{
	return offset != CFG_TREE_NONE && offset < strings_len ? strings + offset : NULL;
}

/* Gives the new setting s the scalar value and format of n. */
static bool set_value(config_setting_t *s, const struct cfg_tree_node *n, const char *strings, size_t strings_len)
{
	const char *text;
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
		text = string_at(strings, strings_len, n->value.s);
		ok = text && config_setting_set_string(s, text);
		break;
	}
	if (ok && n->format != CONFIG_FORMAT_DEFAULT)
		ok = config_setting_set_format(s, n->format);
	return ok == CONFIG_TRUE;
}

struct building {
	const struct cfg_tree_node *nodes;
	size_t count, next;
	const char *strings;
	size_t strings_len;
};

/* Adds the next node and its descendants under parent. */
static bool build(struct building *b, config_setting_t *parent)
{
	const struct cfg_tree_node *n = &b->nodes[b->next++];
	const char *name = string_at(b->strings, b->strings_len, n->name);
	config_setting_t *s;

	if ((name != NULL) != (parent->type == CONFIG_TYPE_GROUP))
		return false; /* a group's members have names, elements none (libconfig 1.5 would crash) */
	s = config_setting_add(parent, name, n->type);
	if (!s || !set_value(s, n, b->strings, b->strings_len) || (n->children > 0 && !config_setting_is_aggregate(s)))
		return false;
	s->line = n->line;
	for (unsigned k = 0; k < n->children; k++)
		if (b->next >= b->count || !build(b, s))
			return false;
	return true;
}

bool cfg_tree_build(config_t *cfg, const struct cfg_tree_node *nodes, size_t count, const char *strings,
		    size_t strings_len)
{
	struct building b = { nodes, count, 1, strings, strings_len };

	config_init(cfg);
	if (count == 0 || nodes[0].type != CONFIG_TYPE_GROUP || strings_len == 0 || strings[strings_len - 1] != '\0')
		return false;
	cfg->root->line = nodes[0].line;
	for (unsigned k = 0; k < nodes[0].children; k++)
		if (b.next >= count || !build(&b, cfg->root))
			return false;
	return b.next == count;
}

/* Writes s[0, len) as a C string literal: printable ASCII as itself, every other byte (and the
 * quote, the backslash and the question mark, which could start a trigraph) as a three-digit
 * octal escape. */
static void emit_string(FILE *out, const char *s, size_t len)
{
	putc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; p < (const unsigned char *)s + len; p++) {
		if (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\' && *p != '?')
			putc(*p, out);
		else
			fprintf(out, "\\%03o", *p);
	}
	putc('"', out);
}

bool cfg_tree_emit(FILE *out, const char *symbol, const struct cfg_tree *tree)
{
	fprintf(out, "const struct cfg_tree_node %s[] = {\n", symbol);
	for (size_t i = 0; i < tree->count; i++) {
		const struct cfg_tree_node *n = &tree->nodes[i];

		fprintf(out, "\t{ %u, %u, %u, %d, %d, ", n->name, n->line, n->children, n->type, n->format);
		if (n->type == CONFIG_TYPE_STRING)
			fprintf(out, "{ .s = %u } },\n", n->value.s);
		else if (n->type == CONFIG_TYPE_FLOAT)
			fprintf(out, "{ .f = %a } },\n", n->value.f);
		else if (n->value.i == LLONG_MIN) /* its magnitude is no long long literal */
			fprintf(out, "{ .i = %lldLL - 1 } },\n", n->value.i + 1);
		else
			fprintf(out, "{ .i = %lldLL } },\n", n->value.i);
	}
	fprintf(out, "};\nconst size_t %s_count = %zu;\nconst char %s_strings[] =", symbol, tree->count, symbol);
	for (size_t at = 0; at < tree->strings_len;) { /* one string a line, each with its NUL */
		size_t len = strlen(tree->strings + at) + 1;

		fputs("\n\t", out);
		emit_string(out, tree->strings + at, len);
		at += len;
	}
	fprintf(out, ";\nconst size_t %s_strings_len = %zu;\n", symbol, tree->strings_len);
	return !ferror(out);
}
