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

struct building {
	const struct cfg_tree_node *nodes;
	size_t count, next; /* the next node to place */
	const char *strings;
	size_t strings_len;
	config_t *cfg;
	config_setting_t *settings;  /* settings[i - 1] is nodes[i] */
	config_list_t *lists;        /* one per non-empty aggregate, the root's first */
	config_setting_t **elements; /* the lists' elements, one after another */
	size_t next_list, next_element;
};

static bool is_scalar(int type)
{
	return type == CONFIG_TYPE_INT || type == CONFIG_TYPE_INT64 || type == CONFIG_TYPE_FLOAT ||
	       type == CONFIG_TYPE_STRING || type == CONFIG_TYPE_BOOL;
}

/* Gives s the value, format and line of n; false when n is no setting libconfig could have read. */
static bool set_value(struct building *b, config_setting_t *s, const struct cfg_tree_node *n)
{
	s->type = n->type;
	s->format = n->format;
	s->line = n->line;
	s->config = b->cfg;
	if (n->format != CONFIG_FORMAT_DEFAULT &&
	    (n->format != CONFIG_FORMAT_HEX || (n->type != CONFIG_TYPE_INT && n->type != CONFIG_TYPE_INT64)))
		return false;
	if (!is_scalar(n->type))
		return n->type == CONFIG_TYPE_GROUP || n->type == CONFIG_TYPE_ARRAY || n->type == CONFIG_TYPE_LIST;
	if (n->children > 0)
		return false;
	switch (n->type) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_BOOL:
		if (n->value.i < INT_MIN || n->value.i > INT_MAX)
			return false;
		s->value.ival = (int)n->value.i;
		break;
	case CONFIG_TYPE_INT64:
		s->value.llval = n->value.i;
		break;
	case CONFIG_TYPE_FLOAT:
		s->value.fval = n->value.f;
		break;
	case CONFIG_TYPE_STRING:
		s->value.sval = (char *)string_at(b->strings, b->strings_len, n->value.s);
		return s->value.sval != NULL;
	}
	return true;
}

/* Places the `children` nodes that follow as the elements of aggregate (and their descendants). */
static bool place_elements(struct building *b, config_setting_t *aggregate, unsigned children)
{
	config_list_t *list;
	bool group = aggregate->type == CONFIG_TYPE_GROUP;

	if (children == 0)
		return true; /* libconfig leaves an empty aggregate without a list */
	if (children > b->count - b->next || children > b->count - 1 - b->next_element)
		return false; /* more elements than nodes are left, or than the block has room for */
	list = &b->lists[b->next_list++];
	list->length = children;
	list->elements = &b->elements[b->next_element];
	b->next_element += children;
	aggregate->value.list = list;
	for (unsigned k = 0; k < children; k++) {
		const struct cfg_tree_node *n;
		config_setting_t *s;
		const char *name;

		if (b->next >= b->count)
			return false;
		n = &b->nodes[b->next];
		s = &b->settings[b->next - 1];
		name = string_at(b->strings, b->strings_len, n->name);
		b->next++;
		if ((name != NULL) != group || (aggregate->type == CONFIG_TYPE_ARRAY && !is_scalar(n->type)))
			return false; /* a group's members have names, elements none; arrays hold scalars */
		for (unsigned j = 0; name && j < k; j++)
			if (strcmp(list->elements[j]->name, name) == 0)
				return false; /* two members of one group with the same name */
		s->name = (char *)name;
		s->parent = aggregate;
		list->elements[k] = s;
		if (!set_value(b, s, n) || !place_elements(b, s, n->children))
			return false;
	}
	return true;
}

bool cfg_tree_build(config_t *cfg, const struct cfg_tree_node *nodes, size_t count, const char *strings,
		    size_t strings_len)
{
	struct building b = { nodes, count, 1, strings, strings_len, cfg, NULL, NULL, NULL, 0, 0 };
	size_t lists = 0, lists_size, settings_size;
	char *block;

	config_init(cfg);
	if (count == 0 || nodes[0].type != CONFIG_TYPE_GROUP || strings_len == 0 || strings[strings_len - 1] != '\0')
		return false;
	for (size_t i = 0; i < count; i++)
		lists += nodes[i].children > 0;
	/* One block: the lists (the root's first, for cfg_tree_destroy), the settings, the elements. */
	lists_size = lists * sizeof(config_list_t);
	settings_size = (count - 1) * sizeof(config_setting_t);
	block = xcalloc(1, lists_size + settings_size + (count - 1) * sizeof(config_setting_t *));
	b.lists = (config_list_t *)block;
	b.settings = (config_setting_t *)(block + lists_size);
	b.elements = (config_setting_t **)(block + lists_size + settings_size);
	cfg->root->line = nodes[0].line;
	if (nodes[0].children == 0) { /* an empty file: the block holds nothing */
		free(block);
		return count == 1;
	}
	return place_elements(&b, cfg->root, nodes[0].children) && b.next == count;
}

void cfg_tree_destroy(config_t *cfg)
{
	config_list_t *block = cfg->root ? cfg->root->value.list : NULL;

	if (cfg->root)
		cfg->root->value.list = NULL; /* the settings are not libconfig's to free */
	config_destroy(cfg);
	free(block);
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
