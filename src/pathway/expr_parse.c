/* SPDX-License-Identifier: Apache-2.0 */
/* Parsing and type-checking of the condition language (grammar in expr.h): a tokenizer over the
 * source string and one recursive-descent function per precedence level. Every identifier, option
 * and node is resolved to an index here, so evaluation never looks up a name. The first error
 * stops the parse and becomes the one diagnostic; later functions see p->failed and unwind. */
#include "expr_internal.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathway.h"
#include "pathway_ids.h"
#include "xalloc.h"

enum tok_kind {
	T_END, T_ERROR, T_INT, T_IDENT, T_STRING,
	T_LPAREN, T_RPAREN, T_COMMA, T_NOT, T_AND, T_OR,
	T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE, T_PLUS, T_MINUS, T_STAR, T_SLASH,
};

struct token {
	enum tok_kind kind;
	const char *start; /* as written; a T_STRING includes its quotes */
	size_t len;
	long number;
};

struct parser {
	const char *src;
	const char *pos;
	struct token tok;
	const struct pathway *pw;
	int derived_visible;
	const char *file;
	int line;
	struct diag_list *diags;
	bool failed;
	int depth;
	char *quoted; /* the source for messages, quoted as in the pathway file; see quoted() */
	const char *span; /* where the error is, when not at the current token (span_len bytes) */
	size_t span_len;
	const char *fix;  /* the id the error suggests instead, or NULL */
};

/* Quotes source as a libconfig string, so a message shows the expression as the author wrote it
 * in the file: "last_injection_type == \"tpi\"". */
static char *quote_source(const char *source)
{
	struct strbuf sb = STRBUF_INIT;

	sb_append_char(&sb, '"');
	for (const char *s = source; *s; s++) {
		if (*s == '"' || *s == '\\')
			sb_appendf(&sb, "\\%c", *s);
		else if (*s == '\n')
			sb_append(&sb, "\\n");
		else if (*s == '\t')
			sb_append(&sb, "\\t");
		else if ((unsigned char)*s < 0x20 || *s == 0x7f)
			sb_appendf(&sb, "\\x%02x", (unsigned char)*s);
		else
			sb_append_char(&sb, *s);
	}
	sb_append_char(&sb, '"');
	return sb_take(&sb);
}

/* The source quoted for a message: made once, and only when there is a message to make. */
static const char *quoted(struct parser *p)
{
	if (!p->quoted)
		p->quoted = quote_source(p->src);
	return p->quoted;
}

/* Records the one error, pointed at its place in the expression's string in the file. */
static void report(struct parser *p, const char *message)
{
	const char *at = p->span ? p->span : p->tok.start;
	size_t len = p->span ? p->span_len : p->tok.len;

	if (!p->failed) {
		diag_add(p->diags, p->file, p->line, "%s", message);
		if (at)
			diag_point_expr(p->diags, p->src, (size_t)(at - p->src), len ? len : 1);
		diag_suggest(p->diags, p->fix);
	}
	p->failed = true;
}

/* Points the next error at the len bytes at at, suggesting the closest of ids to them. */
static void blame(struct parser *p, const char *at, size_t len, struct pw_ids ids)
{
	p->span = at;
	p->span_len = len;
	p->fix = pathway_closest_id(p->pw, ids, at, len);
}

/* Records the (first) error as "<message> in "<source>"". Returns NULL for the caller to pass up. */
__attribute__((format(printf, 2, 3)))
static struct expr *fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	char *msg, *full;

	if (p->failed)
		return NULL;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	full = xasprintf("%s in %s", msg, quoted(p));
	report(p, full);
	free(full);
	free(msg);
	return NULL;
}

/* "expected X" where the current token is not what the grammar needs. */
static struct expr *syntax_error(struct parser *p, const char *expected)
{
	char *msg;

	if (p->failed)
		return NULL;
	if (p->tok.kind == T_END)
		msg = xasprintf("expected %s at end of %s", expected, quoted(p));
	else
		msg = xasprintf("expected %s before '%.*s' in %s", expected, (int)p->tok.len,
				p->tok.start, quoted(p));
	report(p, msg);
	free(msg);
	return NULL;
}

static bool is_ident_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static void lex_number(struct parser *p, struct token *t)
{
	const char *s = p->pos;
	long n = 0;

	for (; is_digit(*s); s++) {
		int d = *s - '0';

		if (n > (LONG_MAX - d) / 10) {
			while (is_digit(*s))
				s++;
			t->kind = T_ERROR;
			fail(p, "integer %.*s is too large", (int)(s - p->pos), p->pos);
			return;
		}
		n = n * 10 + d;
	}
	t->kind = T_INT;
	t->number = n;
	p->pos = s;
}

/* Two-character operators first, so that "<=" is not read as "<" then "=". */
static const struct {
	const char *text;
	enum tok_kind kind;
} operators[] = {
	{ "&&", T_AND }, { "||", T_OR }, { "==", T_EQ }, { "!=", T_NE }, { "<=", T_LE }, { ">=", T_GE },
	{ "<", T_LT }, { ">", T_GT }, { "!", T_NOT }, { "+", T_PLUS }, { "-", T_MINUS },
	{ "*", T_STAR }, { "/", T_SLASH },
	{ "(", T_LPAREN }, { ")", T_RPAREN }, { ",", T_COMMA },
};

static void lex_operator(struct parser *p, struct token *t)
{
	const char *s = p->pos;

	for (size_t i = 0; i < sizeof(operators) / sizeof(operators[0]); i++) {
		size_t n = strlen(operators[i].text);

		if (strncmp(s, operators[i].text, n) == 0) {
			t->kind = operators[i].kind;
			p->pos = s + n;
			return;
		}
	}
	t->kind = T_ERROR;
	if (*s == '=')
		fail(p, "'=' is not an operator (use '==' to compare)");
	else if (*s == '&' || *s == '|')
		fail(p, "'%c' is not an operator (use '%c%c')", *s, *s, *s);
	else if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f)
		fail(p, "unexpected character '%c'", *s);
	else
		fail(p, "unexpected byte 0x%02x", (unsigned char)*s);
}

static void next(struct parser *p)
{
	struct token *t = &p->tok;
	const char *s = p->pos;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	p->pos = s;
	t->start = s;
	t->number = 0;
	if (p->failed) {
		t->kind = T_ERROR;
	} else if (*s == '\0') {
		t->kind = T_END;
	} else if (is_digit(*s)) {
		lex_number(p, t);
	} else if (is_ident_start(*s)) {
		while (is_ident_start(*s) || is_digit(*s))
			s++;
		t->kind = T_IDENT;
		p->pos = s;
	} else if (*s == '"') {
		const char *end = strchr(s + 1, '"');

		if (!end) {
			t->kind = T_ERROR;
			fail(p, "unterminated quoted string");
		} else {
			t->kind = T_STRING;
			p->pos = end + 1;
		}
	} else {
		lex_operator(p, t);
	}
	t->len = (size_t)(p->pos - t->start);
}

static struct expr *new_node(enum expr_kind kind, enum value_type type, int domain)
{
	struct expr *e = xcalloc(1, sizeof(*e));

	e->kind = kind;
	e->type.type = type;
	e->type.domain = domain;
	return e;
}

/* Makes room for element `count` of an array that holds count elements, doubling the capacity
 * at powers of two, so that long chains (a && b && ...) append in amortised constant time. */
static void *room_for(void *array, size_t count, size_t size)
{
	if (count != 0 && (count & (count - 1)) != 0)
		return array;
	return xrealloc(array, (count ? 2 * count : 1) * size);
}

static void add_kid(struct expr *e, struct expr *kid)
{
	e->kids = room_for(e->kids, e->nkids, sizeof(*e->kids));
	e->kids[e->nkids++] = kid;
}

static void add_item(struct expr *e, int item)
{
	e->items = room_for(e->items, e->nitems, sizeof(*e->items));
	e->items[e->nitems++] = item;
}

void expr_free(struct expr *e)
{
	if (!e)
		return;
	if (e->shares > 0) {
		e->shares--;
		return;
	}
	for (size_t i = 0; i < e->nkids; i++)
		expr_free(e->kids[i]);
	free(e->kids);
	free(e->ops);
	free(e->items);
	free(e->text);
	free(e);
}

struct expr *expr_share(struct expr *e)
{
	e->shares++;
	return e;
}

/* Frees the node and passes the failure up. */
static struct expr *drop(struct expr *e)
{
	expr_free(e);
	return NULL;
}

/* "int ('pain_nrs')" or "a quoted string ('"tpi"')": what an operand is, for type errors.
 * The caller frees. */
static char *describe(const struct parser *p, const struct expr *e)
{
	struct strbuf sb = STRBUF_INIT;

	sb_append(&sb, e->kind == EXPR_STRING ? "a quoted string" : value_type_name(e->type.type));
	sb_append(&sb, " ('");
	expr_render(&sb, p->pw, e, PREC_OR);
	sb_append(&sb, "')");
	return sb_take(&sb);
}

static struct expr *type_error(struct parser *p, const char *what, const struct expr *operand)
{
	char *d = describe(p, operand);

	fail(p, "%s, not %s", what, d);
	free(d);
	return NULL;
}

static int find_option(const struct pathway *pw, int domain, const char *id, size_t len)
{
	const struct pw_variable *v = &pw->vars[domain];

	for (size_t i = 0; i < v->noptions; i++)
		if (strlen(v->options[i].id) == len && memcmp(v->options[i].id, id, len) == 0)
			return (int)i;
	return -1;
}

/* Turns a quoted string into an option of domain's variable. */
static bool resolve_option(struct parser *p, struct expr *s, int domain)
{
	int option = find_option(p->pw, domain, s->text, strlen(s->text));

	if (option < 0) {
		/* The string is no longer the current token: find where it was written. */
		char *quoted = xasprintf("\"%s\"", s->text);
		const char *at = strstr(p->src, quoted);

		free(quoted);
		if (at)
			blame(p, at + 1, strlen(s->text), (struct pw_ids){ PW_IDS_OPTION, domain, 0 });
		fail(p, "option '%s' is not an option of '%s'", s->text, p->pw->vars[domain].id);
		return false;
	}
	s->kind = EXPR_OPTION;
	s->number = option;
	s->type.type = TYPE_CHOICE;
	s->type.domain = domain;
	return true;
}

/* Turns a quoted string into a date. */
static bool resolve_date(struct parser *p, struct expr *s)
{
	long days;

	if (date_parse(s->text, &days) != 0) {
		fail(p, "\"%s\" is not a valid date (YYYY-MM-DD)", s->text);
		return false;
	}
	s->kind = EXPR_DATE;
	s->number = days;
	s->type.type = TYPE_DATE;
	s->type.domain = -1;
	return true;
}

/* Resolves the quoted string s by what it is compared with. */
static bool resolve_against(struct parser *p, struct expr *s, const struct expr *other)
{
	if (other->type.type == TYPE_CHOICE)
		return resolve_option(p, s, other->type.domain);
	if (other->type.type == TYPE_DATE)
		return resolve_date(p, s);
	type_error(p, "a quoted string can only be compared with a choice or a date", other);
	return false;
}

static struct expr *parse_or(struct parser *p);

/* The items of has() or at(): bare or quoted ids, at least one, then ")". lookup returns the
 * index or -1 after reporting. */
static bool parse_id_list(struct parser *p, struct expr *e, const char *expected,
			  int (*lookup)(struct parser *p, const struct expr *e, const char *id, size_t len))
{
	for (;;) {
		const char *id = p->tok.start;
		size_t len = p->tok.len;
		int index;

		if (p->tok.kind == T_STRING) {
			id++;
			len -= 2;
		} else if (p->tok.kind != T_IDENT) {
			syntax_error(p, expected);
			return false;
		}
		index = lookup(p, e, id, len);
		if (index < 0)
			return false;
		add_item(e, index);
		next(p);
		if (p->tok.kind != T_COMMA)
			break;
		next(p);
	}
	if (p->tok.kind != T_RPAREN) {
		syntax_error(p, "')'");
		return false;
	}
	next(p);
	return true;
}

static int lookup_option(struct parser *p, const struct expr *e, const char *id, size_t len)
{
	int domain = e->kids[0]->type.domain;
	int option = find_option(p->pw, domain, id, len);

	if (option < 0) {
		blame(p, id, len, (struct pw_ids){ PW_IDS_OPTION, domain, 0 });
		fail(p, "option '%.*s' is not an option of '%s'", (int)len, id, p->pw->vars[domain].id);
	}
	return option;
}

static int lookup_node(struct parser *p, const struct expr *e, const char *id, size_t len)
{
	int node = strmap_get(&p->pw->node_index, id, len);

	(void)e;
	if (node < 0) {
		blame(p, id, len, (struct pw_ids){ PW_IDS_NODE, -1, 0 });
		fail(p, "unknown node '%.*s'", (int)len, id);
	}
	return node;
}

/* count(set), has(set, opt, ...) or at(node, ...); the current token is the one after "(". */
static struct expr *parse_call(struct parser *p, const char *name, size_t len)
{
	struct expr *e, *set;

	if (len == 2 && memcmp(name, "at", 2) == 0) {
		e = new_node(EXPR_AT, TYPE_BOOL, -1);
		return parse_id_list(p, e, "a node id", lookup_node) ? e : drop(e);
	}
	if (!(len == 5 && memcmp(name, "count", 5) == 0) && !(len == 3 && memcmp(name, "has", 3) == 0))
		return fail(p, "unknown function '%.*s'", (int)len, name);
	if (!(set = parse_or(p)))
		return NULL;
	if (set->type.type != TYPE_SET || set->kind == EXPR_STRING) {
		type_error(p, len == 3 ? "has() needs a set as its first argument" : "count() needs a set", set);
		return drop(set);
	}
	if (len == 5) {
		e = new_node(EXPR_COUNT, TYPE_INT, -1);
		add_kid(e, set);
		if (p->tok.kind == T_COMMA)
			fail(p, "count() takes exactly one argument");
		else if (p->tok.kind != T_RPAREN)
			syntax_error(p, "')'");
		if (p->failed)
			return drop(e);
		next(p);
		return e;
	}
	e = new_node(EXPR_HAS, TYPE_BOOL, -1);
	add_kid(e, set);
	if (p->tok.kind != T_COMMA) {
		if (p->tok.kind == T_RPAREN)
			fail(p, "has() needs at least one option after the set");
		else
			syntax_error(p, "','");
		return drop(e);
	}
	next(p);
	return parse_id_list(p, e, "an option id", lookup_option) ? e : drop(e);
}

/* True when name is an option of some choice variable: then an unknown identifier is most likely
 * an option id that lost its quotes, and the message can say so. */
static bool is_some_option(const struct pathway *pw, const char *name, size_t len)
{
	for (size_t i = 0; i < pw->nvars; i++)
		if (pw->vars[i].type == TYPE_CHOICE && find_option(pw, (int)i, name, len) >= 0)
			return true;
	return false;
}

static struct expr *parse_identifier(struct parser *p)
{
	const char *name = p->tok.start;
	size_t len = p->tok.len;
	const struct pathway *pw = p->pw;
	int index;

	next(p);
	if (p->tok.kind == T_LPAREN) {
		next(p);
		return parse_call(p, name, len);
	}
	if ((len == 4 && memcmp(name, "true", 4) == 0) || (len == 5 && memcmp(name, "false", 5) == 0)) {
		struct expr *e = new_node(EXPR_BOOL, TYPE_BOOL, -1);

		e->number = len == 4;
		return e;
	}
	if ((index = strmap_get(&pw->var_index, name, len)) >= 0) {
		enum value_type type = pw->vars[index].type;
		struct expr *e = new_node(EXPR_VAR, type,
					  type == TYPE_CHOICE || type == TYPE_SET ? index : -1);

		e->index = index;
		return e;
	}
	if ((index = strmap_get(&pw->derived_index, name, len)) >= 0) {
		struct expr *e;

		if (index >= p->derived_visible)
			return fail(p, "derived value '%.*s' is used before it is declared", (int)len, name);
		if (pw->derived[index].type == TYPE_NONE)
			return fail(p, "derived value '%.*s' has no valid expression", (int)len, name);
		e = new_node(EXPR_DERIVED, pw->derived[index].type, pw->derived[index].domain);
		e->index = index;
		return e;
	}
	if (len == 8 && memcmp(name, "endpoint", 8) == 0)
		return new_node(EXPR_ENDPOINT, TYPE_BOOL, -1);
	blame(p, name, len, (struct pw_ids){ PW_IDS_VALUE, -1, (size_t)p->derived_visible });
	if (is_some_option(pw, name, len))
		return fail(p, "unknown variable '%.*s' (an option id must be quoted: \"%.*s\")", (int)len, name,
			    (int)len, name);
	return fail(p, "unknown variable '%.*s'", (int)len, name);
}

static struct expr *parse_primary(struct parser *p)
{
	struct expr *e;

	switch (p->tok.kind) {
	case T_INT:
		e = new_node(EXPR_INT, TYPE_INT, -1);
		e->number = p->tok.number;
		next(p);
		return e;
	case T_STRING:
		e = new_node(EXPR_STRING, TYPE_NONE, -1);
		e->text = xstrndup(p->tok.start + 1, p->tok.len - 2);
		next(p);
		return e;
	case T_IDENT:
		return parse_identifier(p);
	case T_LPAREN:
		next(p);
		if (!(e = parse_or(p)))
			return NULL;
		if (p->tok.kind != T_RPAREN) {
			syntax_error(p, "')'");
			return drop(e);
		}
		next(p);
		return e;
	default:
		return syntax_error(p, "a value");
	}
}

/* The type of a + b or a - b, or TYPE_NONE when the combination is not allowed. */
static enum value_type sum_type(enum value_type a, enum expr_op op, enum value_type b)
{
	if (a == TYPE_INT && b == TYPE_INT)
		return TYPE_INT;
	if (a == TYPE_DATE && b == TYPE_INT)
		return TYPE_DATE;
	if (op == OP_ADD && a == TYPE_INT && b == TYPE_DATE)
		return TYPE_DATE;
	if (op == OP_SUB && a == TYPE_DATE && b == TYPE_DATE)
		return TYPE_INT;
	return TYPE_NONE;
}

/* product := primary ( ( "*" | "/" ) primary )*, int operands only. */
static struct expr *parse_product(struct parser *p)
{
	struct expr *first = parse_primary(p), *e;

	if (!first || (p->tok.kind != T_STAR && p->tok.kind != T_SLASH))
		return first;
	e = new_node(EXPR_PRODUCT, TYPE_INT, -1);
	add_kid(e, first);
	while (p->tok.kind == T_STAR || p->tok.kind == T_SLASH) {
		enum expr_op op = p->tok.kind == T_STAR ? OP_MUL : OP_DIV;
		struct expr *term;

		next(p);
		if (!(term = parse_primary(p)))
			return drop(e);
		add_kid(e, term);
		e->ops = room_for(e->ops, e->nkids - 1, sizeof(*e->ops));
		e->ops[e->nkids - 1] = op;
	}
	for (size_t i = 0; i < e->nkids; i++)
		if (e->kids[i]->type.type != TYPE_INT || e->kids[i]->kind == EXPR_STRING) {
			type_error(p, "'*' and '/' need int operands", e->kids[i]);
			return drop(e);
		}
	return e;
}

static struct expr *parse_sum(struct parser *p)
{
	struct expr *first = parse_product(p), *e;

	if (!first || (p->tok.kind != T_PLUS && p->tok.kind != T_MINUS))
		return first;
	/* In arithmetic a quoted string can only be a date. */
	if (first->kind == EXPR_STRING && !resolve_date(p, first))
		return drop(first);
	e = new_node(EXPR_SUM, first->type.type, -1);
	add_kid(e, first);
	while (p->tok.kind == T_PLUS || p->tok.kind == T_MINUS) {
		enum expr_op op = p->tok.kind == T_PLUS ? OP_ADD : OP_SUB;
		struct expr *term;
		enum value_type type;

		next(p);
		if (!(term = parse_product(p)))
			return drop(e);
		add_kid(e, term);
		e->ops = room_for(e->ops, e->nkids - 1, sizeof(*e->ops));
		e->ops[e->nkids - 1] = op;
		if (term->kind == EXPR_STRING && !resolve_date(p, term))
			return drop(e);
		type = sum_type(e->type.type, op, term->type.type);
		if (type == TYPE_NONE) {
			fail(p, "cannot compute %s %s %s", value_type_name(e->type.type), expr_op_text(op),
			     value_type_name(term->type.type));
			return drop(e);
		}
		e->type.type = type;
	}
	return e;
}

static bool is_compare(enum tok_kind k)
{
	return k >= T_EQ && k <= T_GE;
}

static struct expr *parse_compare(struct parser *p)
{
	struct expr *l = parse_sum(p), *r, *e;
	enum expr_op op;
	const char *op_at;
	size_t op_len;

	if (!l || !is_compare(p->tok.kind))
		return l;
	op = (enum expr_op)(OP_EQ + (p->tok.kind - T_EQ));
	op_at = p->tok.start;
	op_len = p->tok.len;
	next(p);
	if (!(r = parse_sum(p)))
		return drop(l);
	e = new_node(EXPR_CMP, TYPE_BOOL, -1);
	e->op = op;
	add_kid(e, l);
	add_kid(e, r);
	if (l->kind == EXPR_STRING && r->kind == EXPR_STRING)
		fail(p, "cannot compare two quoted strings");
	else if (l->kind == EXPR_STRING)
		resolve_against(p, l, r);
	else if (r->kind == EXPR_STRING)
		resolve_against(p, r, l);
	if (!p->failed && !is_compare(p->tok.kind)) {
		p->span = op_at; /* a type error below is the operator's */
		p->span_len = op_len;
	}
	if (p->failed)
		;
	else if (l->type.type != r->type.type)
		fail(p, "cannot compare %s with %s", value_type_name(l->type.type), value_type_name(r->type.type));
	else if (l->type.domain != r->type.domain)
		fail(p, "cannot compare options of '%s' with options of '%s'", p->pw->vars[l->type.domain].id,
		     p->pw->vars[r->type.domain].id);
	else if (op != OP_EQ && op != OP_NE && l->type.type != TYPE_INT && l->type.type != TYPE_DATE)
		fail(p, "'%s' needs int or date operands, not %s", expr_op_text(op), value_type_name(l->type.type));
	else if (is_compare(p->tok.kind))
		fail(p, "comparisons cannot be chained ('%.*s')", (int)p->tok.len, p->tok.start);
	if (!p->failed)
		p->span = NULL;
	return p->failed ? drop(e) : e;
}

static struct expr *parse_unary(struct parser *p)
{
	struct expr *e, *kid;

	if (++p->depth > EXPR_MAX_DEPTH)
		return fail(p, "expression nested too deeply (more than %d levels)", EXPR_MAX_DEPTH);
	if (p->tok.kind != T_NOT) {
		e = parse_compare(p);
	} else {
		next(p);
		if (!(kid = parse_unary(p)))
			return NULL;
		if (kid->type.type != TYPE_BOOL || kid->kind == EXPR_STRING) {
			type_error(p, "'!' needs a bool operand", kid);
			return drop(kid);
		}
		e = new_node(EXPR_NOT, TYPE_BOOL, -1);
		add_kid(e, kid);
	}
	p->depth--;
	return e;
}

/* One level of && or ||: operands from sub, flattened into one node. */
static struct expr *parse_logic(struct parser *p, enum tok_kind tok, enum expr_kind kind,
				struct expr *(*sub)(struct parser *p))
{
	const char *message = tok == T_AND ? "'&&' needs bool operands" : "'||' needs bool operands";
	struct expr *first = sub(p), *e;

	if (!first || p->tok.kind != tok)
		return first;
	e = new_node(kind, TYPE_BOOL, -1);
	add_kid(e, first);
	while (p->tok.kind == tok) {
		struct expr *kid;

		next(p);
		if (!(kid = sub(p)))
			return drop(e);
		add_kid(e, kid);
	}
	for (size_t i = 0; i < e->nkids; i++) {
		if (e->kids[i]->type.type != TYPE_BOOL || e->kids[i]->kind == EXPR_STRING) {
			type_error(p, message, e->kids[i]);
			return drop(e);
		}
	}
	return e;
}

static struct expr *parse_and(struct parser *p)
{
	return parse_logic(p, T_AND, EXPR_AND, parse_unary);
}

static struct expr *parse_or(struct parser *p)
{
	return parse_logic(p, T_OR, EXPR_OR, parse_and);
}

struct expr *expr_parse(const char *source, const struct pathway *pw, int derived_visible,
			const char *file, int line, struct diag_list *diags, struct expr_type *type)
{
	struct parser p = {
		.src = source, .pos = source, .pw = pw, .derived_visible = derived_visible,
		.file = file, .line = line, .diags = diags,
	};
	struct expr *e = NULL;

	next(&p);
	if (strspn(source, " \t\n\r") == strlen(source))
		fail(&p, "empty expression");
	else
		e = parse_or(&p);
	if (e && p.tok.kind != T_END)
		fail(&p, "unexpected '%.*s' after the end of the expression", (int)p.tok.len, p.tok.start);
	else if (e && e->kind == EXPR_STRING)
		fail(&p, "a quoted string must be compared with a choice or a date");
	if (!p.failed && !e)
		report(&p, "invalid expression"); /* not reached: every NULL comes with a report */
	free(p.quoted);
	if (p.failed) {
		expr_free(e);
		return NULL;
	}
	if (type)
		*type = e->type;
	return e;
}
