/* SPDX-License-Identifier: Apache-2.0 */
/* The bundled pathway's tree, made at build time (tools/bundlecheck.c) and rebuilt at run time
 * (cfg_tree_build), against libconfig's own parse of config/sciatica.cfg, setting by setting. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
#include "cfgread.h"
#include "cfgtree.h"

/* Asserts that a and b (at path) are the same setting: name, type, format, line, file, value,
 * and the same elements in the same order; returns how many settings it compared. */
static size_t expect_same(const config_setting_t *a, const config_setting_t *b, const char *path)
{
	size_t compared = 1;
	char sub[512];

	cr_assert_eq(a->parent == NULL, b->parent == NULL, "%s: root or not", path);
	if (a->parent)
		cr_assert_str_eq(a->name ? a->name : "(none)", b->name ? b->name : "(none)", "%s: name", path);
	cr_assert_eq(a->type, b->type, "%s: type %d, not %d", path, b->type, a->type);
	cr_assert_eq(a->format, b->format, "%s: format", path);
	cr_assert_eq(a->line, b->line, "%s: line %u, not %u", path, b->line, a->line);
	cr_assert_eq(a->file == NULL, b->file == NULL, "%s: file", path);
	if (a->file)
		cr_assert_str_eq(a->file, b->file, "%s: file", path);
	switch (a->type) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_BOOL:
		cr_assert_eq(a->value.ival, b->value.ival, "%s: value", path);
		break;
	case CONFIG_TYPE_INT64:
		cr_assert_eq(a->value.llval, b->value.llval, "%s: value", path);
		break;
	case CONFIG_TYPE_FLOAT:
		cr_assert(memcmp(&a->value.fval, &b->value.fval, sizeof(double)) == 0, "%s: value", path);
		break;
	case CONFIG_TYPE_STRING:
		cr_assert_str_eq(a->value.sval, b->value.sval, "%s: value", path);
		break;
	default:
		cr_assert_eq(cfg_length(a), cfg_length(b), "%s: %u elements, not %u", path, cfg_length(b),
			     cfg_length(a));
		for (unsigned k = 0; k < cfg_length(a); k++) {
			snprintf(sub, sizeof sub, "%s/%u", path, k);
			cr_assert_eq(b->value.list->elements[k]->parent, b, "%s: parent", sub);
			cr_assert_eq(b->value.list->elements[k]->config, b->config, "%s: config", sub);
			compared += expect_same(a->value.list->elements[k], b->value.list->elements[k], sub);
		}
	}
	return compared;
}

/* libconfig's parse of text, as the loader made it before the table (config_read_string). */
static void parse(config_t *cfg, const char *text)
{
	config_init(cfg);
	cr_assert_eq(config_read_string(cfg, text), CONFIG_TRUE, "libconfig: line %d: %s", config_error_line(cfg),
		     config_error_text(cfg));
}

Test(cfgtree, the_bundled_table_rebuilds_libconfigs_parse_of_the_pathway)
{
	config_t parsed, rebuilt;
	size_t len, compared;
	char *text = cfg_read_file(PATHWALK_SOURCE_DIR "/config/sciatica.cfg", 1 << 24, &len);

	cr_assert_not_null(text);
	cr_assert_eq(len, bundled_pathway.len, "config/sciatica.cfg is not the text embedded in the build");
	cr_assert(memcmp(text, bundled_pathway.data, len) == 0, "config/sciatica.cfg is not the embedded text");
	parse(&parsed, text);
	cr_assert(cfg_tree_build(&rebuilt, bundled_pathway_tree, bundled_pathway_tree_count, bundled_pathway_tree_strings,
				 bundled_pathway_tree_strings_len));
	compared = expect_same(config_root_setting(&parsed), config_root_setting(&rebuilt), "root");
	cr_assert_eq(compared, bundled_pathway_tree_count, "compared %zu settings of %zu", compared,
		     bundled_pathway_tree_count);
	cr_assert_gt(compared, 1000, "the bundled pathway has more than a thousand settings");
	config_destroy(&parsed);
	cfg_tree_destroy(&rebuilt);
	free(text);
}

Test(cfgtree, flatten_then_build_keeps_every_kind_of_setting)
{
	static const char text[] =
		"a = 1; hex = 0x1F; big = 5000000000L; neg = -7;\n"
		"f = 2.5; tiny = 1e-300; yes = true; no = false;\n"
		"s = \"quote \\\" back \\\\ tab \\t line \\n é ?\?= end\";\n"
		"empty_group = { }; empty_list = ( ); empty_array = [ ];\n"
		"arr = [ 1, 2, 0x3 ];\n"
		"list = ( 1, \"two\", { x = 3.0; y = ( [ \"a\" ], ( ) ); }, ( true ) );\n"
		"g = {\n  nested = { deeper = { deepest = \"d\"; }; };\n  n64 = [ 1L, 2L ];\n};\n";
	config_t parsed, rebuilt;
	struct cfg_tree t;

	parse(&parsed, text);
	cfg_tree_flatten(&parsed, &t);
	cr_assert_eq(t.count, 35, "%zu settings", t.count);
	cr_assert(cfg_tree_build(&rebuilt, t.nodes, t.count, t.strings, t.strings_len));
	cr_assert_eq(expect_same(config_root_setting(&parsed), config_root_setting(&rebuilt), "root"), t.count);
	cr_assert_eq(config_setting_get_format(config_lookup(&rebuilt, "hex")), CONFIG_FORMAT_HEX);
	cr_assert_eq(config_setting_type(config_lookup(&rebuilt, "big")), CONFIG_TYPE_INT64);
	cr_assert_eq(config_lookup(&rebuilt, "g.nested.deeper.deepest")->line, 8);
	cr_assert_eq(t.nodes[t.count - 1].value.i, 2); /* the last node is n64's 2L */
	cfg_tree_destroy(&rebuilt);

	/* A table that is not a tree libconfig accepts is refused, never half-read past its end. */
	t.nodes[0].children++; /* the root claims one more element than the table holds */
	cr_assert_not(cfg_tree_build(&rebuilt, t.nodes, t.count, t.strings, t.strings_len));
	cfg_tree_destroy(&rebuilt);
	t.nodes[0].children--;
	t.nodes[2].name = t.nodes[1].name; /* two members of the root called "a" */
	cr_assert_not(cfg_tree_build(&rebuilt, t.nodes, t.count, t.strings, t.strings_len));
	cfg_tree_destroy(&rebuilt);
	t.nodes[2].name = (unsigned)t.strings_len; /* a name past the strings */
	cr_assert_not(cfg_tree_build(&rebuilt, t.nodes, t.count, t.strings, t.strings_len));
	cfg_tree_destroy(&rebuilt);
	cr_assert_not(cfg_tree_build(&rebuilt, t.nodes, 0, t.strings, t.strings_len));
	cfg_tree_destroy(&rebuilt);
	cfg_tree_free(&t);

	/* The root claims two elements, but its first, a list, takes the second as its own. */
	const struct cfg_tree_node nested[] = {
		{ CFG_TREE_NONE, 0, 2, CONFIG_TYPE_GROUP, 0, { .i = 0 } },
		{ 1, 1, 1, CONFIG_TYPE_LIST, 0, { .i = 0 } },
		{ CFG_TREE_NONE, 1, 0, CONFIG_TYPE_INT, 0, { .i = 1 } },
	};
	cr_assert_not(cfg_tree_build(&rebuilt, nested, 3, "\0l", 3));
	cfg_tree_destroy(&rebuilt);
	/* An array holding a group; a string in hex. */
	const struct cfg_tree_node array[] = {
		{ CFG_TREE_NONE, 0, 1, CONFIG_TYPE_GROUP, 0, { .i = 0 } },
		{ 1, 1, 1, CONFIG_TYPE_ARRAY, 0, { .i = 0 } },
		{ CFG_TREE_NONE, 1, 0, CONFIG_TYPE_GROUP, 0, { .i = 0 } },
	};
	cr_assert_not(cfg_tree_build(&rebuilt, array, 3, "\0l", 3));
	cfg_tree_destroy(&rebuilt);
	const struct cfg_tree_node hex_string[] = {
		{ CFG_TREE_NONE, 0, 1, CONFIG_TYPE_GROUP, 0, { .i = 0 } },
		{ 1, 1, 0, CONFIG_TYPE_STRING, CONFIG_FORMAT_HEX, { .s = 1 } },
	};
	cr_assert_not(cfg_tree_build(&rebuilt, hex_string, 2, "\0l", 3));
	cfg_tree_destroy(&rebuilt);
	/* An int beyond 32 bits; a list element with a name. */
	const struct cfg_tree_node wide[] = {
		{ CFG_TREE_NONE, 0, 1, CONFIG_TYPE_GROUP, 0, { .i = 0 } },
		{ 1, 1, 0, CONFIG_TYPE_INT, 0, { .i = 1LL << 32 } },
	};
	cr_assert_not(cfg_tree_build(&rebuilt, wide, 2, "\0l", 3));
	cfg_tree_destroy(&rebuilt);
	const struct cfg_tree_node named[] = {
		{ CFG_TREE_NONE, 0, 1, CONFIG_TYPE_GROUP, 0, { .i = 0 } },
		{ 1, 1, 1, CONFIG_TYPE_LIST, 0, { .i = 0 } },
		{ 1, 1, 0, CONFIG_TYPE_INT, 0, { .i = 1 } },
	};
	cr_assert_not(cfg_tree_build(&rebuilt, named, 3, "\0l", 3));
	cfg_tree_destroy(&rebuilt);
	cr_assert(cfg_tree_build(&rebuilt, named, 2, "\0l", 3) == false); /* the list's element is missing */
	cfg_tree_destroy(&rebuilt);
	config_destroy(&parsed);
}

Test(cfgtree, emit_writes_c_that_keeps_every_byte)
{
	static const char text[] = "s = \"a\\\"b\\\\c?\?=\\n\303\251\"; h = 0x1F; f = 0.5; t = \"a\\\"b\\\\c?\?=\\n\303\251\";";
	config_t parsed;
	struct cfg_tree t;
	char *out = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&out, &size);

	parse(&parsed, text);
	cfg_tree_flatten(&parsed, &t);
	cr_assert(cfg_tree_emit(f, "t", &t));
	fclose(f);
	/* Each string once (t's value is s's), its quote, backslash, question marks, newline and UTF-8
	 * as octal escapes. */
	cr_assert_str_eq(out, "const struct cfg_tree_node t[] = {\n"
			      "\t{ 0, 0, 4, 1, 0, { .i = 0LL } },\n"
			      "\t{ 1, 1, 0, 5, 0, { .s = 3 } },\n"
			      "\t{ 15, 1, 0, 2, 1, { .i = 31LL } },\n"
			      "\t{ 17, 1, 0, 4, 0, { .f = 0x1p-1 } },\n"
			      "\t{ 19, 1, 0, 5, 0, { .s = 3 } },\n"
			      "};\nconst size_t t_count = 5;\nconst char t_strings[] =\n"
			      "\t\"\\000\"\n\t\"s\\000\"\n\t\"a\\042b\\134c\\077\\077=\\012\\303\\251\\000\"\n"
			      "\t\"h\\000\"\n\t\"f\\000\"\n\t\"t\\000\";\nconst size_t t_strings_len = 21;\n");
	free(out);
	cfg_tree_free(&t);
	config_destroy(&parsed);
}
