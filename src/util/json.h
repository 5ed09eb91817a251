/* SPDX-License-Identifier: Apache-2.0 */
/* A small, strict JSON parser (RFC 8259 grammar) producing a tree, and a safe serializer.
 * Used to read session journals back: every journal line is one JSON object. The grammar is
 * strict (no comments, trailing commas, leading zeros, NaN or duplicate keys); text is lenient
 * only where that cannot change meaning: invalid UTF-8 and unpaired surrogates become U+FFFD, so
 * every string in a tree is valid UTF-8. */
#ifndef PATHWALK_JSON_H
#define PATHWALK_JSON_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf;

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_INT,    /* an integer literal that fits in a long */
	JSON_DOUBLE, /* any other number (fraction, exponent, or too big for a long) */
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json_member;

struct json {
	enum json_type type;
	bool boolean;               /* JSON_BOOL */
	long integer;               /* JSON_INT */
	double number;              /* JSON_INT and JSON_DOUBLE */
	char *text;                 /* JSON_STRING: the decoded UTF-8 (a U+0000 escape becomes U+FFFD,
				     * so it is a C string); numbers: the literal as written */
	struct json **items;        /* JSON_ARRAY */
	struct json_member *members; /* JSON_OBJECT, in the order written */
	size_t count;               /* items or members */
};

struct json_member {
	char *key;
	struct json *value;
};

/* Nesting deeper than this is an error, so hostile input cannot exhaust the stack. */
#define JSON_MAX_DEPTH 64

struct json_error {
	size_t offset;       /* byte offset of the problem in the input */
	const char *message; /* static text, e.g. "expected ':' after an object key" */
};

/* Parses exactly one JSON value (surrounding whitespace allowed) from text[0..len). Returns the
 * tree (free with json_free), or NULL with *err filled (err may be NULL). NUL bytes are errors. */
struct json *json_parse(const char *text, size_t len, struct json_error *err);

/* As json_parse, making at most *budget values (each array, object, string, number, true, false
 * and null is one); *budget is lowered by the values made. Past it: NULL, "more values than
 * allowed". Bounds the memory a hostile text can make the tree take (about 100 bytes a value). */
struct json *json_parse_bounded(const char *text, size_t len, size_t *budget, struct json_error *err);

/* Frees a tree; NULL is fine. */
void json_free(struct json *j);

/* The member key of an object, or NULL when j is not an object or has no such member. */
const struct json *json_get(const struct json *j, const char *key);

/* The string member key of object j, or NULL when absent or not a string. Owned by the tree. */
const char *json_get_string(const struct json *j, const char *key);

/* Stores the boolean/integer member key in *out and returns true; false (and *out untouched)
 * when absent or of another type. */
bool json_get_bool(const struct json *j, const char *key, bool *out);
bool json_get_long(const struct json *j, const char *key, long *out);

/* Appends s as a JSON string literal. Unlike sb_append_json_string, every control character
 * (C0, DEL, C1), bidirectional override and line/paragraph separator is written as a \u escape,
 * so the output never carries a raw control to a terminal; so are < > &, so no markup appears
 * even when the JSON is embedded in HTML. NULL gives null. */
void json_append_string(struct strbuf *sb, const char *s);

/* Appends j as compact JSON (strings as json_append_string writes them; numbers as written). */
void json_write(struct strbuf *sb, const struct json *j);

#endif
