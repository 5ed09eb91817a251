/* SPDX-License-Identifier: Apache-2.0 */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "strbuf.h"

static struct json *parse(const char *text)
{
	struct json_error err = { 0, NULL };
	struct json *j = json_parse(text, strlen(text), &err);

	cr_assert_not_null(j, "rejected %s: %s at %zu", text, err.message ? err.message : "?", err.offset);
	return j;
}

/* Asserts that text is rejected at offset with a message containing what. */
static void rejects(const char *text, size_t offset, const char *what)
{
	struct json_error err = { 0, NULL };
	struct json *j = json_parse(text, strlen(text), &err);

	cr_assert_null(j, "accepted %s", text);
	cr_assert_not_null(err.message);
	cr_assert(strstr(err.message, what) != NULL, "%s: message \"%s\" lacks \"%s\"", text, err.message, what);
	cr_assert_eq(err.offset, offset, "%s: offset %zu, expected %zu", text, err.offset, offset);
}

static char *written(const struct json *j)
{
	struct strbuf sb = STRBUF_INIT;

	json_write(&sb, j);
	return sb_take(&sb);
}

Test(json, parses_a_journal_line_into_members_in_order)
{
	struct json *j = parse("{\"seq\":1,\"time\":\"2025-02-17T09:00:00Z\",\"event\":\"start\",\"ok\":true,"
			       "\"no\":false,\"nothing\":null,\"list\":[1,\"a\",[]],\"obj\":{}}");
	long seq = 0;
	bool b = false;

	cr_assert_eq(j->type, JSON_OBJECT);
	cr_assert_eq(j->count, 8);
	cr_assert_str_eq(j->members[0].key, "seq");
	cr_assert_str_eq(j->members[7].key, "obj");
	cr_assert(json_get_long(j, "seq", &seq));
	cr_assert_eq(seq, 1);
	cr_assert_str_eq(json_get_string(j, "event"), "start");
	cr_assert(json_get_bool(j, "ok", &b) && b);
	cr_assert(json_get_bool(j, "no", &b) && !b);
	cr_assert_eq(json_get(j, "nothing")->type, JSON_NULL);
	cr_assert_eq(json_get(j, "list")->count, 3);
	cr_assert_str_eq(json_get(j, "list")->items[1]->text, "a");
	cr_assert_eq(json_get(j, "list")->items[2]->type, JSON_ARRAY);
	cr_assert_eq(json_get(j, "obj")->count, 0);
	cr_assert_null(json_get(j, "absent"));
	cr_assert_null(json_get_string(j, "seq"), "a number is not a string");
	cr_assert(!json_get_long(j, "event", &seq));
	json_free(j);
}

Test(json, decodes_every_escape)
{
	struct json *j = parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\u4e2d\"");

	cr_assert_str_eq(j->text, "q\" b\\ s/ \b\f\n\r\t \xc3\xa9 \xe4\xb8\xad");
	json_free(j);
}

Test(json, joins_surrogate_pairs_into_one_code_point)
{
	struct json *j = parse("\"\\ud83d\\ude00 \\uD834\\uDD1E\"");

	cr_assert_str_eq(j->text, "\xf0\x9f\x98\x80 \xf0\x9d\x84\x9e");
	json_free(j);
}

Test(json, lone_surrogates_and_nul_escape_become_replacement_characters)
{
	struct json *j = parse("[\"\\ud83d\", \"\\ude00x\", \"\\ud83d\\u0041\", \"a\\u0000b\"]");

	cr_assert_str_eq(j->items[0]->text, "\xef\xbf\xbd");
	cr_assert_str_eq(j->items[1]->text, "\xef\xbf\xbdx");
	cr_assert_str_eq(j->items[2]->text, "\xef\xbf\xbd" "A");
	cr_assert_str_eq(j->items[3]->text, "a\xef\xbf\xbd" "b");
	json_free(j);
}

Test(json, invalid_utf8_in_a_string_becomes_replacement_characters)
{
	struct json *j = parse("\"a\xff\xc3(\xe4\xb8\xad\xed\xa0\x80z\"");

	cr_assert_str_eq(j->text, "a\xef\xbf\xbd\xef\xbf\xbd(\xe4\xb8\xad\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz");
	json_free(j);
}

Test(json, keeps_control_escapes_decoded_for_the_renderers_to_sanitize)
{
	struct json *j = parse("\"\\u001b[2J \\u009b\"");

	cr_assert_str_eq(j->text, "\x1b[2J \xc2\x9b");
	json_free(j);
}

Test(json, integers_fit_in_long_and_others_are_doubles)
{
	struct json *j = parse("[0, -7, 9223372036854775807, -9223372036854775808, 9223372036854775808, 1.5, -2e3, 1E+2]");

	cr_assert_eq(j->items[0]->type, JSON_INT);
	cr_assert_eq(j->items[0]->integer, 0);
	cr_assert_eq(j->items[1]->integer, -7);
	cr_assert_eq(j->items[2]->type, JSON_INT);
	cr_assert_eq(j->items[2]->integer, LONG_MAX);
	cr_assert_eq(j->items[3]->type, JSON_INT);
	cr_assert_eq(j->items[3]->integer, LONG_MIN);
	cr_assert_eq(j->items[4]->type, JSON_DOUBLE, "too big for a long");
	cr_assert_eq(j->items[5]->type, JSON_DOUBLE);
	cr_assert_float_eq(j->items[5]->number, 1.5, 1e-12);
	cr_assert_float_eq(j->items[6]->number, -2000.0, 1e-9);
	cr_assert_float_eq(j->items[7]->number, 100.0, 1e-9);
	cr_assert_str_eq(j->items[6]->text, "-2e3", "numbers keep their literal");
	json_free(j);
}

Test(json, allows_whitespace_around_and_inside)
{
	struct json *j = parse(" \t\r\n{ \"a\" : [ 1 , 2 ] }\r\n");

	cr_assert_eq(json_get(j, "a")->count, 2);
	json_free(j);
}

Test(json, rejects_bad_grammar_with_the_byte_offset)
{
	rejects("", 0, "end of input");
	rejects("{\"a\":1,}", 7, "string key");
	rejects("[1,]", 3, "unexpected character");
	rejects("[1 2]", 3, "',' or ']'");
	rejects("{\"a\" 1}", 5, "':'");
	rejects("{\"a\":1 \"b\":2}", 7, "',' or '}'");
	rejects("{a:1}", 1, "string key");
	rejects("01", 0, "leading zero");
	rejects("-", 1, "digit");
	rejects("1.", 2, "decimal point");
	rejects("1e", 2, "exponent");
	rejects("+1", 0, "unexpected character");
	rejects("NaN", 0, "unexpected character");
	rejects("tru", 0, "unexpected character");
	rejects("\"abc", 0, "unterminated");
	rejects("\"a\\x\"", 2, "invalid escape");
	rejects("\"\\u12g4\"", 5, "hex digit");
	rejects("\"\\u12\"", 3, "incomplete");
	rejects("\"a\tb\"", 2, "control character");
	rejects("{} {}", 3, "after the value");
	rejects("// c\n1", 0, "unexpected character");
}

Test(json, rejects_duplicate_keys)
{
	rejects("{\"a\":1,\"b\":2,\"a\":3}", 0, "duplicate key");
	rejects("[0,{\"x\":{\"k\":1,\"k\":1}}]", 8, "duplicate key");
}

Test(json, rejects_nul_bytes_inside_the_length)
{
	struct json_error err = { 0, NULL };

	cr_assert_null(json_parse("\"a\0b\"", 5, &err));
	cr_assert_eq(err.offset, 2);
	cr_assert_null(json_parse("1\0", 2, &err));
	cr_assert_eq(err.offset, 1);
}

Test(json, reads_only_the_given_length)
{
	struct json *j = json_parse("[1]garbage", 3, NULL);

	cr_assert_not_null(j);
	cr_assert_eq(j->count, 1);
	json_free(j);
}

Test(json, limits_the_nesting_depth)
{
	char deep[2 * JSON_MAX_DEPTH + 3];
	struct json *j;

	memset(deep, '[', JSON_MAX_DEPTH);
	memset(deep + JSON_MAX_DEPTH, ']', JSON_MAX_DEPTH);
	deep[2 * JSON_MAX_DEPTH] = '\0';
	j = parse(deep);
	json_free(j);

	memset(deep, '[', JSON_MAX_DEPTH + 1);
	memset(deep + JSON_MAX_DEPTH + 1, ']', JSON_MAX_DEPTH + 1);
	deep[2 * JSON_MAX_DEPTH + 2] = '\0';
	rejects(deep, JSON_MAX_DEPTH, "nested too deeply");
}

Test(json, survives_a_hostile_depth_without_recursing_unbounded)
{
	size_t n = 1000000;
	char *deep = malloc(n + 1);
	struct json_error err = { 0, NULL };

	memset(deep, '[', n);
	deep[n] = '\0';
	cr_assert_null(json_parse(deep, n, &err));
	cr_assert_eq(err.offset, JSON_MAX_DEPTH);
	free(deep);
}

Test(json, writes_compact_json_that_reads_back_the_same)
{
	const char *text = "{\"a\":[1,-2.5e3,true,false,null],\"b\":{\"c\":\"d\\\"e\\\\f\\n\"},\"\xe4\xb8\xad\":\"\xe2\x9c\x94\"}";
	struct json *j = parse(text);
	char *out = written(j);

	cr_assert_str_eq(out, text);
	free(out);
	json_free(j);
}

Test(json, writes_every_control_character_escaped)
{
	struct strbuf sb = STRBUF_INIT;

	json_append_string(&sb, "\x1b[2J\xc2\x9b\x7f\x01\t\xe2\x80\xae\xe2\x80\xa8 \xff ok</a>&");
	cr_assert_str_eq(sb_str(&sb), "\"\\u001b[2J\\u009b\\u007f\\u0001\\t\\u202e\\u2028 \\ufffd ok\\u003c/a\\u003e\\u0026\"");
	sb_free(&sb);
	json_append_string(&sb, NULL);
	cr_assert_str_eq(sb_str(&sb), "null");
	sb_free(&sb);
}
