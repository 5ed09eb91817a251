/* SPDX-License-Identifier: Apache-2.0 */
/* A recursive-descent reader of libconfig 1.5's grammar that only checks: settings are
 * `name = value` or `name : value`, ended by ';' or ',' (or nothing, which libconfig allows);
 * values are strings (adjacent ones join), numbers, true/false, groups { }, lists ( ) of any
 * values and arrays [ ] of scalars, with ',' between elements and none after the last. */
#include "cfgsyntax.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

/* Deeper than this the check stops (the prescan already refuses files nested this deep). */
#define SYNTAX_MAX_DEPTH 64

enum tok { T_EOF, T_NAME, T_STRING, T_NUMBER, T_PUNCT, T_BAD, T_UNTERMINATED };

struct syntax {
	const char *file, *s;
	size_t len, pos;
	int line;
	bool warnings, failed;
	struct diag_list *diags;
	enum tok kind;    /* the current token: kind, offset, length, line */
	size_t start, tlen;
	int tline;
	size_t prev_end;  /* where the token before it ended, and on which line */
	int prev_line;
	char quoted[64];  /* tok()'s text */
};

static bool name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '*';
}

static bool name_char(char c)
{
	return name_start(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static void skip_blanks(struct syntax *x)
{
	while (x->pos < x->len) {
		const char *p = x->s + x->pos;
		bool more = x->pos + 1 < x->len;

		if (*p == '\n') {
			x->line++;
			x->pos++;
		} else if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f') {
			x->pos++;
		} else if (*p == '#' || (*p == '/' && more && p[1] == '/')) {
			while (x->pos < x->len && x->s[x->pos] != '\n')
				x->pos++;
		} else if (*p == '/' && more && p[1] == '*') {
			for (x->pos += 2; x->pos < x->len; x->pos++) {
				if (x->s[x->pos] == '*' && x->pos + 1 < x->len && x->s[x->pos + 1] == '/')
					break;
				x->line += x->s[x->pos] == '\n';
			}
			x->pos = x->pos + 2 <= x->len ? x->pos + 2 : x->len;
		} else {
			return;
		}
	}
}

static void next(struct syntax *x)
{
	const char *s = x->s;
	size_t i;

	x->prev_end = x->pos;
	x->prev_line = x->line;
	skip_blanks(x);
	i = x->start = x->pos;
	x->tline = x->line;
	if (i >= x->len) {
		x->kind = T_EOF;
	} else if (s[i] == '"') {
		for (i++; i < x->len && s[i] != '"'; i++) {
			if (s[i] == '\\' && i + 1 < x->len)
				i++;
			x->line += s[i] == '\n';
		}
		x->kind = i < x->len ? T_STRING : T_UNTERMINATED;
		i += i < x->len;
	} else if (name_start(s[i])) {
		while (i < x->len && name_char(s[i]))
			i++;
		x->kind = T_NAME;
	} else if ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '-' || s[i] == '+') {
		for (i++; i < x->len && (name_char(s[i]) || s[i] == '.' ||
					 ((s[i] == '-' || s[i] == '+') && (s[i - 1] | 0x20) == 'e')); i++)
			;
		x->kind = T_NUMBER;
	} else if (strchr("=:;,{}()[]", s[i])) {
		i++;
		x->kind = T_PUNCT;
	} else {
		while (++i < x->len && ((unsigned char)s[i] & 0xc0) == 0x80)
			;
		x->kind = T_BAD;
	}
	x->tlen = i - x->start;
	x->pos = i;
}

static bool is(const struct syntax *x, char c)
{
	return x->kind == T_PUNCT && x->s[x->start] == c;
}

static bool is_closer(const struct syntax *x)
{
	return is(x, '}') || is(x, ')') || is(x, ']');
}

/* The current token as messages quote it ('name', '{', "the end of the file"), in x->quoted. */
static const char *tok(struct syntax *x)
{
	size_t n = x->tlen > 40 ? 40 : x->tlen;

	if (x->kind == T_EOF)
		return "the end of the file";
	if (x->kind == T_STRING) /* already quoted */
		snprintf(x->quoted, sizeof(x->quoted), "%.*s%s", (int)n, x->s + x->start, n < x->tlen ? "...\"" : "");
	else
		snprintf(x->quoted, sizeof(x->quoted), "'%.*s%s'", (int)n, x->s + x->start, n < x->tlen ? "..." : "");
	return x->quoted;
}

/* Appends a finding of kind at byte offset pos (width bytes) on line. */
static void vreport(struct syntax *x, enum diag_kind kind, int line, size_t pos, size_t width,
		    const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap);

	diag_add(x->diags, x->file, line, "%s", msg);
	diag_point_offset(x->diags, pos, width);
	x->diags->items[x->diags->count - 1].kind = kind;
	free(msg);
}

/* Records the first syntax error, on the current token. */
__attribute__((format(printf, 2, 3)))
static void fail_at(struct syntax *x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!x->failed)
		vreport(x, DIAG_ERROR, x->tline, x->start, x->tlen ? x->tlen : 1, fmt, ap);
	va_end(ap);
	x->failed = true;
}

/* Records the first syntax error just after the previous token, where something is missing. */
__attribute__((format(printf, 2, 3)))
static void fail_after(struct syntax *x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!x->failed)
		vreport(x, DIAG_ERROR, x->prev_line, x->prev_end, 1, fmt, ap);
	va_end(ap);
	x->failed = true;
}

/* Records a finding at offset pos on line (an error only when none was recorded before). */
__attribute__((format(printf, 5, 6)))
static void note_at(struct syntax *x, enum diag_kind kind, int line, size_t pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (kind != DIAG_ERROR || !x->failed)
		vreport(x, kind, line, pos, 1, fmt, ap);
	va_end(ap);
	if (kind == DIAG_ERROR)
		x->failed = true;
}

static void value(struct syntax *x, const char *name, bool scalar_only, int depth);

/* A token the lexer could not read; true when it was one (and reported). */
static bool bad_token(struct syntax *x)
{
	if (x->kind == T_UNTERMINATED)
		note_at(x, DIAG_ERROR, x->tline, x->start, "unterminated string: this '\"' has no closing '\"'");
	else if (x->kind == T_BAD)
		fail_at(x, "unexpected character %s", tok(x));
	return x->failed;
}

/* At a closing bracket other than close, or at the end of the file: names what is unclosed. */
static void unclosed(struct syntax *x, char open, char close, size_t open_pos, int open_line)
{
	if (x->failed)
		return;
	if (x->kind == T_EOF)
		note_at(x, DIAG_ERROR, open_line, open_pos,
			"unclosed '%c': expected '%c' before the end of the file", open, close);
	else
		fail_at(x, "expected '%c' to close the '%c' at line %d, found %s", close, open, open_line, tok(x));
}

/* Settings up to close ('}' of a group, or '\0' for the end of the file). */
static void settings(struct syntax *x, char close, size_t open_pos, int open_line, int depth)
{
	while (!x->failed) {
		char *name;

		if (close ? is(x, close) : x->kind == T_EOF)
			return;
		if (bad_token(x))
			return;
		if (x->kind != T_NAME) {
			if (x->kind == T_EOF || is_closer(x))
				unclosed(x, '{', close, open_pos, open_line);
			else if (x->kind == T_STRING)
				fail_at(x, "expected a setting name, found %s (names are not quoted)", tok(x));
			else if (close)
				fail_at(x, "expected a setting name or '}' (to close the '{' at line %d), found %s",
					open_line, tok(x));
			else
				fail_at(x, "expected a setting name, found %s", tok(x));
			return;
		}
		name = xstrndup(x->s + x->start, x->tlen);
		next(x);
		if (is(x, '=') || is(x, ':'))
			next(x);
		else if (x->kind == T_STRING || x->kind == T_NUMBER || is(x, '{') || is(x, '(') || is(x, '['))
			fail_after(x, "missing '=' between '%s' and %s", name, tok(x));
		else
			fail_at(x, "expected '=' after '%s', found %s", name, tok(x));
		value(x, name, false, depth);
		if (x->failed) {
			free(name);
			return;
		}
		if (is(x, ';') || is(x, ','))
			next(x);
		else if (x->kind == T_NAME && x->warnings)
			note_at(x, DIAG_WARNING, x->prev_line, x->prev_end,
				"missing ';' before %s (libconfig lets it pass; the setting '%s' ends here)", tok(x), name);
		else if (x->kind != T_NAME && !(close ? is(x, close) : x->kind == T_EOF)) {
			if (is_closer(x) || x->kind == T_EOF)
				unclosed(x, '{', close, open_pos, open_line);
			else
				fail_after(x, "missing ';' after the value of '%s', before %s", name, tok(x));
		}
		free(name);
	}
}

/* The elements of a list ( ) or array [ ]; the current token is the opening bracket. */
static void elements(struct syntax *x, const char *name, char open, char close, int depth)
{
	size_t open_pos = x->start;
	int open_line = x->tline;

	next(x);
	if (is(x, close)) {
		next(x);
		return;
	}
	while (!x->failed) {
		value(x, name, close == ']', depth);
		if (x->failed)
			return;
		if (is(x, ',')) {
			next(x);
			if (is(x, close)) {
				note_at(x, DIAG_ERROR, x->prev_line, x->prev_end - 1,
					"a ',' after the last element of '%s': libconfig allows none before '%c'",
					name, close);
			}
			continue;
		}
		if (is(x, close)) {
			next(x);
			return;
		}
		if (x->kind == T_STRING || x->kind == T_NUMBER || x->kind == T_NAME || is(x, '{') ||
		    is(x, '(') || is(x, '['))
			fail_after(x, "missing ',' before %s in '%s'", tok(x), name);
		else if (!bad_token(x))
			unclosed(x, open, close, open_pos, open_line);
	}
}

/* True when the token after the current one is '=' or ':' (the current one names a setting). */
static bool followed_by_equals(const struct syntax *x)
{
	struct syntax peek = *x;

	peek.diags = NULL;
	next(&peek);
	return is(&peek, '=') || is(&peek, ':');
}

static void value(struct syntax *x, const char *name, bool scalar_only, int depth)
{
	if (depth > SYNTAX_MAX_DEPTH) {
		x->failed = true;
		return;
	}
	if (bad_token(x))
		return;
	if (x->kind == T_STRING) {
		while (x->kind == T_STRING)
			next(x);
		return;
	}
	if (x->kind == T_NUMBER || (x->kind == T_NAME && ((x->tlen == 4 && strncasecmp(x->s + x->start, "true", 4) == 0) ||
							   (x->tlen == 5 && strncasecmp(x->s + x->start, "false", 5) == 0)))) {
		next(x);
		return;
	}
	if (scalar_only && (is(x, '{') || is(x, '(') || is(x, '['))) {
		fail_at(x, "an array [ ] of '%s' holds only strings, numbers or true/false (use a list ( )), found %s",
			name, tok(x));
	} else if (is(x, '{')) {
		size_t open_pos = x->start;
		int open_line = x->tline;

		next(x);
		settings(x, '}', open_pos, open_line, depth + 1);
		if (!x->failed)
			next(x);
	} else if (is(x, '(')) {
		elements(x, name, '(', ')', depth + 1);
	} else if (is(x, '[')) {
		elements(x, name, '[', ']', depth + 1);
	} else if (x->kind == T_NAME && followed_by_equals(x)) {
		fail_at(x, "missing '{' before %s: a group of settings in '%s' starts with '{'", tok(x), name);
	} else if (x->kind == T_NAME) {
		fail_at(x, "expected a value for '%s', found %s (quote text: \"%.*s\")", name, tok(x),
			(int)x->tlen, x->s + x->start);
	} else {
		fail_at(x, "expected a value for '%s', found %s", name, tok(x));
	}
}

bool cfg_syntax_check(const char *file, const char *text, size_t len, bool warnings,
		      struct diag_list *diags)
{
	struct syntax x = { .file = file, .s = text, .len = len, .line = 1, .warnings = warnings,
			    .diags = diags };

	next(&x);
	settings(&x, '\0', 0, 1, 0);
	return x.failed;
}
