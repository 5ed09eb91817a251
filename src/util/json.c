/* SPDX-License-Identifier: Apache-2.0 */
/* A strict recursive-descent JSON parser with a depth limit, and a serializer that never lets a
 * control character out raw. */
#include "json.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

struct parser {
	const char *text;
	size_t len, pos;
	int depth;
	size_t budget; /* values that may still be made */
	struct json_error err;
	bool failed;
};

static void fail(struct parser *p, size_t at, const char *message)
{
	if (p->failed)
		return;
	p->failed = true;
	p->err.offset = at;
	p->err.message = message;
}

static void skip_space(struct parser *p)
{
	while (p->pos < p->len) {
		char c = p->text[p->pos];

		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->pos++;
	}
}

static struct json *node_new(enum json_type type)
{
	struct json *j = xcalloc(1, sizeof(*j));

	j->type = type;
	return j;
}

static bool literal(struct parser *p, const char *word)
{
	size_t n = strlen(word);

	if (p->len - p->pos >= n && memcmp(p->text + p->pos, word, n) == 0) {
		p->pos += n;
		return true;
	}
	return false;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads the four hex digits after "\u" at p->pos; -1 (and an error) when malformed. */
static long read_hex4(struct parser *p)
{
	long v = 0;

	if (p->len - p->pos < 4) {
		fail(p, p->pos, "incomplete \\u escape");
		return -1;
	}
	for (int i = 0; i < 4; i++) {
		int h = hex_value(p->text[p->pos + (size_t)i]);

		if (h < 0) {
			fail(p, p->pos + (size_t)i, "invalid hex digit in a \\u escape");
			return -1;
		}
		v = v * 16 + h;
	}
	p->pos += 4;
	return v;
}

/* Decodes a \uXXXX escape (p->pos just after the 'u'), joining a surrogate pair. */
static void unicode_escape(struct parser *p, struct strbuf *out)
{
	long hi = read_hex4(p), lo;

	if (hi < 0)
		return;
	if (hi >= 0xd800 && hi <= 0xdbff && p->len - p->pos >= 6 && p->text[p->pos] == '\\' &&
	    p->text[p->pos + 1] == 'u') {
		size_t save = p->pos;

		p->pos += 2;
		lo = read_hex4(p);
		if (lo < 0)
			return;
		if (lo >= 0xdc00 && lo <= 0xdfff) {
			utf8_encode(out, 0x10000 + (((unsigned long)hi - 0xd800) << 10) + ((unsigned long)lo - 0xdc00));
			return;
		}
		p->pos = save; /* not a pair: the second escape stands on its own */
	}
	/* A lone surrogate has no UTF-8 form, and U+0000 would cut the C string short. */
	if ((hi >= 0xd800 && hi <= 0xdfff) || hi == 0)
		hi = (long)UTF8_REPLACEMENT;
	utf8_encode(out, (unsigned long)hi);
}

/* Parses a string literal (p->pos at the opening quote); returns the decoded text or NULL. */
static char *parse_string(struct parser *p)
{
	struct strbuf sb = STRBUF_INIT;
	size_t start = p->pos++;

	for (;;) {
		unsigned char c;

		if (p->pos >= p->len) {
			fail(p, start, "unterminated string");
			break;
		}
		c = (unsigned char)p->text[p->pos];
		if (c == '"') {
			p->pos++;
			return sb_take(&sb);
		}
		if (c < 0x20) {
			fail(p, p->pos, c ? "control character in a string (must be escaped)" : "NUL byte in a string");
			break;
		}
		if (c == '\\') {
			char e;

			if (++p->pos >= p->len) {
				fail(p, start, "unterminated string");
				break;
			}
			e = p->text[p->pos++];
			switch (e) {
			case '"': sb_append_char(&sb, '"'); break;
			case '\\': sb_append_char(&sb, '\\'); break;
			case '/': sb_append_char(&sb, '/'); break;
			case 'b': sb_append_char(&sb, '\b'); break;
			case 'f': sb_append_char(&sb, '\f'); break;
			case 'n': sb_append_char(&sb, '\n'); break;
			case 'r': sb_append_char(&sb, '\r'); break;
			case 't': sb_append_char(&sb, '\t'); break;
			case 'u': unicode_escape(p, &sb); break;
			default: fail(p, p->pos - 2, "invalid escape in a string"); break;
			}
			if (p->failed)
				break;
			continue;
		}
		if (c < 0x80) {
			size_t run = p->pos + 1; /* plain ASCII up to the next quote, escape or control */

			while (run < p->len && (unsigned char)p->text[run] >= 0x20 && (unsigned char)p->text[run] < 0x80 &&
			       p->text[run] != '"' && p->text[run] != '\\')
				run++;
			sb_append_len(&sb, p->text + p->pos, run - p->pos);
			p->pos = run;
		} else {
			unsigned long cp;
			bool valid;
			size_t n = utf8_decode(p->text + p->pos, p->len - p->pos, &cp, &valid);

			if (valid)
				sb_append_len(&sb, p->text + p->pos, n);
			else
				utf8_encode(&sb, UTF8_REPLACEMENT);
			p->pos += n;
		}
	}
	sb_free(&sb);
	return NULL;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static struct json *parse_number(struct parser *p)
{
	size_t start = p->pos;
	bool integral = true, overflow = false;
	long value = 0;
	struct json *j;

	if (p->text[p->pos] == '-')
		p->pos++;
	if (p->pos >= p->len || !is_digit(p->text[p->pos])) {
		fail(p, p->pos, "expected a digit");
		return NULL;
	}
	if (p->text[p->pos] == '0' && p->pos + 1 < p->len && is_digit(p->text[p->pos + 1])) {
		fail(p, p->pos, "leading zero in a number");
		return NULL;
	}
	/* Accumulate negatively so that LONG_MIN itself fits. */
	while (p->pos < p->len && is_digit(p->text[p->pos])) {
		int d = p->text[p->pos++] - '0';

		if (value < (LONG_MIN + d) / 10)
			overflow = true;
		else
			value = value * 10 - d;
	}
	if (p->pos < p->len && p->text[p->pos] == '.') {
		integral = false;
		if (++p->pos >= p->len || !is_digit(p->text[p->pos])) {
			fail(p, p->pos, "expected a digit after the decimal point");
			return NULL;
		}
		while (p->pos < p->len && is_digit(p->text[p->pos]))
			p->pos++;
	}
	if (p->pos < p->len && (p->text[p->pos] == 'e' || p->text[p->pos] == 'E')) {
		integral = false;
		p->pos++;
		if (p->pos < p->len && (p->text[p->pos] == '+' || p->text[p->pos] == '-'))
			p->pos++;
		if (p->pos >= p->len || !is_digit(p->text[p->pos])) {
			fail(p, p->pos, "expected a digit in the exponent");
			return NULL;
		}
		while (p->pos < p->len && is_digit(p->text[p->pos]))
			p->pos++;
	}
	j = node_new(JSON_DOUBLE);
	j->text = xstrndup(p->text + start, p->pos - start);
	if (p->text[start] != '-' && value == LONG_MIN)
		overflow = true; /* -LONG_MIN does not fit */
	if (integral && !overflow) {
		j->type = JSON_INT;
		j->integer = p->text[start] == '-' ? value : -value;
		j->number = (double)j->integer;
	} else {
		/* The grammar is checked above, so strtod sees a plain C-locale number (pathwalk never
		 * sets LC_NUMERIC, so '.' is the decimal point). */
		j->number = strtod(j->text, NULL);
	}
	return j;
}

static struct json *parse_value(struct parser *p);

static struct json *parse_array(struct parser *p)
{
	struct json *j = node_new(JSON_ARRAY);
	size_t cap = 0;

	p->pos++;
	skip_space(p);
	if (p->pos < p->len && p->text[p->pos] == ']') {
		p->pos++;
		return j;
	}
	for (;;) {
		struct json *item = parse_value(p);

		if (!item)
			break;
		j->items = xgrow(j->items, &cap, j->count + 1, sizeof(*j->items));
		j->items[j->count++] = item;
		skip_space(p);
		if (p->pos < p->len && p->text[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->pos < p->len && p->text[p->pos] == ']') {
			p->pos++;
			return j;
		}
		fail(p, p->pos, "expected ',' or ']' in an array");
		break;
	}
	json_free(j);
	return NULL;
}

static int compare_keys(const void *a, const void *b)
{
	return strcmp((*(const struct json_member *const *)a)->key, (*(const struct json_member *const *)b)->key);
}

/* Duplicate keys make a line mean different things to different readers: refuse them. Sorting
 * keeps this O(n log n) however many members a hostile line has. */
static bool has_duplicate_keys(const struct json *j)
{
	const struct json_member **sorted;
	bool dup = false;

	if (j->count < 2)
		return false;
	sorted = xcalloc(j->count, sizeof(*sorted));
	for (size_t i = 0; i < j->count; i++)
		sorted[i] = &j->members[i];
	qsort(sorted, j->count, sizeof(*sorted), compare_keys);
	for (size_t i = 1; i < j->count && !dup; i++)
		dup = strcmp(sorted[i - 1]->key, sorted[i]->key) == 0;
	free(sorted);
	return dup;
}

static struct json *parse_object(struct parser *p)
{
	struct json *j = node_new(JSON_OBJECT);
	size_t cap = 0, start = p->pos;

	p->pos++;
	skip_space(p);
	if (p->pos < p->len && p->text[p->pos] == '}') {
		p->pos++;
		return j;
	}
	for (;;) {
		char *key;
		struct json *value;

		skip_space(p);
		if (p->pos >= p->len || p->text[p->pos] != '"') {
			fail(p, p->pos, "expected a string key in an object");
			break;
		}
		if (!(key = parse_string(p)))
			break;
		skip_space(p);
		if (p->pos >= p->len || p->text[p->pos] != ':') {
			free(key);
			fail(p, p->pos, "expected ':' after an object key");
			break;
		}
		p->pos++;
		if (!(value = parse_value(p))) {
			free(key);
			break;
		}
		j->members = xgrow(j->members, &cap, j->count + 1, sizeof(*j->members));
		j->members[j->count].key = key;
		j->members[j->count++].value = value;
		skip_space(p);
		if (p->pos < p->len && p->text[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->pos < p->len && p->text[p->pos] == '}') {
			p->pos++;
			if (has_duplicate_keys(j)) {
				fail(p, start, "duplicate key in an object");
				break;
			}
			return j;
		}
		fail(p, p->pos, "expected ',' or '}' in an object");
		break;
	}
	json_free(j);
	return NULL;
}

static struct json *parse_value(struct parser *p)
{
	struct json *j = NULL;
	char c;

	skip_space(p);
	if (p->pos >= p->len) {
		fail(p, p->pos, "unexpected end of input");
		return NULL;
	}
	if (p->budget == 0) {
		fail(p, p->pos, "more values than allowed");
		return NULL;
	}
	p->budget--;
	c = p->text[p->pos];
	if (c == '{' || c == '[') {
		if (p->depth >= JSON_MAX_DEPTH) {
			fail(p, p->pos, "nested too deeply");
			return NULL;
		}
		p->depth++;
		j = c == '{' ? parse_object(p) : parse_array(p);
		p->depth--;
		return j;
	}
	if (c == '"') {
		char *s = parse_string(p);

		if (!s)
			return NULL;
		j = node_new(JSON_STRING);
		j->text = s;
		return j;
	}
	if (c == '-' || is_digit(c))
		return parse_number(p);
	if (literal(p, "true") || literal(p, "false")) {
		j = node_new(JSON_BOOL);
		j->boolean = c == 't';
		return j;
	}
	if (literal(p, "null"))
		return node_new(JSON_NULL);
	fail(p, p->pos, c ? "unexpected character" : "NUL byte");
	return NULL;
}

struct json *json_parse_bounded(const char *text, size_t len, size_t *budget, struct json_error *err)
{
	struct parser p = { .text = text, .len = len, .budget = *budget };
	struct json *j = parse_value(&p);

	*budget = p.budget;

	if (j) {
		skip_space(&p);
		if (p.pos < p.len) {
			fail(&p, p.pos, "unexpected text after the value");
			json_free(j);
			j = NULL;
		}
	}
	if (!j && err)
		*err = p.err;
	return j;
}

struct json *json_parse(const char *text, size_t len, struct json_error *err)
{
	size_t unbounded = SIZE_MAX;

	return json_parse_bounded(text, len, &unbounded, err);
}

void json_free(struct json *j)
{
	if (!j)
		return;
	for (size_t i = 0; j->type == JSON_ARRAY && i < j->count; i++)
		json_free(j->items[i]);
	for (size_t i = 0; j->type == JSON_OBJECT && i < j->count; i++) {
		free(j->members[i].key);
		json_free(j->members[i].value);
	}
	free(j->items);
	free(j->members);
	free(j->text);
	free(j);
}

const struct json *json_get(const struct json *j, const char *key)
{
	if (!j || j->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < j->count; i++)
		if (strcmp(j->members[i].key, key) == 0)
			return j->members[i].value;
	return NULL;
}

const char *json_get_string(const struct json *j, const char *key)
{
	const struct json *v = json_get(j, key);

	return v && v->type == JSON_STRING ? v->text : NULL;
}

bool json_get_bool(const struct json *j, const char *key, bool *out)
{
	const struct json *v = json_get(j, key);

	if (!v || v->type != JSON_BOOL)
		return false;
	*out = v->boolean;
	return true;
}

bool json_get_long(const struct json *j, const char *key, long *out)
{
	const struct json *v = json_get(j, key);

	if (!v || v->type != JSON_INT)
		return false;
	*out = v->integer;
	return true;
}

void sb_append_json_string(struct strbuf *sb, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len;

	if (!str) {
		sb_append(sb, "null");
		return;
	}
	len = strlen(str);
	sb_append_char(sb, '"');
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		size_t n;

		switch (c) {
		case '"': sb_append(sb, "\\\""); i++; continue;
		case '\\': sb_append(sb, "\\\\"); i++; continue;
		case '\n': sb_append(sb, "\\n"); i++; continue;
		case '\r': sb_append(sb, "\\r"); i++; continue;
		case '\t': sb_append(sb, "\\t"); i++; continue;
		default: break;
		}
		if (c < 0x20 || c == 0x7f) {
			sb_appendf(sb, "\\u%04x", c);
			i++;
			continue;
		}
		{
			unsigned long cp;
			bool valid;

			n = utf8_decode((const char *)s + i, len - i, &cp, &valid);
			if (!valid)
				n = 0;
		}
		if (n == 0) {
			sb_append(sb, "\\ufffd");
			i++;
			continue;
		}
		sb_append_len(sb, (const char *)s + i, n);
		i += n;
	}
	sb_append_char(sb, '"');
}

void json_append_string(struct strbuf *sb, const char *s)
{
	size_t len;

	if (!s) {
		sb_append(sb, "null");
		return;
	}
	len = strlen(s);
	sb_append_char(sb, '"');
	for (size_t i = 0; i < len;) {
		unsigned long cp;
		bool valid;
		size_t n = utf8_decode(s + i, len - i, &cp, &valid);

		if (cp == '"')
			sb_append(sb, "\\\"");
		else if (cp == '\\')
			sb_append(sb, "\\\\");
		else if (cp == '\n')
			sb_append(sb, "\\n");
		else if (cp == '\t')
			sb_append(sb, "\\t");
		else if (cp == '<' || cp == '>' || cp == '&')
			sb_appendf(sb, "\\u%04lx", cp); /* safe to embed in HTML and XML too */
		else if (!valid)
			sb_append(sb, "\\ufffd");
		else if (utf8_is_unsafe(cp))
			sb_appendf(sb, "\\u%04lx", cp);
		else
			sb_append_len(sb, s + i, n);
		i += n;
	}
	sb_append_char(sb, '"');
}

void json_write(struct strbuf *sb, const struct json *j)
{
	if (!j) {
		sb_append(sb, "null");
		return;
	}
	switch (j->type) {
	case JSON_NULL: sb_append(sb, "null"); break;
	case JSON_BOOL: sb_append(sb, j->boolean ? "true" : "false"); break;
	case JSON_INT:
	case JSON_DOUBLE: sb_append(sb, j->text); break;
	case JSON_STRING: json_append_string(sb, j->text); break;
	case JSON_ARRAY:
		sb_append_char(sb, '[');
		for (size_t i = 0; i < j->count; i++) {
			if (i)
				sb_append_char(sb, ',');
			json_write(sb, j->items[i]);
		}
		sb_append_char(sb, ']');
		break;
	case JSON_OBJECT:
		sb_append_char(sb, '{');
		for (size_t i = 0; i < j->count; i++) {
			if (i)
				sb_append_char(sb, ',');
			json_append_string(sb, j->members[i].key);
			sb_append_char(sb, ':');
			json_write(sb, j->members[i].value);
		}
		sb_append_char(sb, '}');
		break;
	}
}
