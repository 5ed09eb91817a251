/* SPDX-License-Identifier: Apache-2.0 */
/* Case sets: a line-by-line list of bundled case ids and case files (format in caseset.h). */
#include "caseset.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "cfgread.h"
#include "fileio.h"
#include "suggest.h"
#include "utf8.h"
#include "xalloc.h"

#define CASESET_MAX_BYTES (1024L * 1024)

/* What parsing one set keeps between lines. */
struct parser {
	const char *name, *base_dir;
	const struct pathway *pw;
	const struct caselib *lib;
	long today;
	struct caseset *out;
	size_t *own_index; /* per item: index in out->own, or SIZE_MAX for a library case */
	size_t items_cap, index_cap;
	struct diag_list *diags;
	size_t errors;     /* problems found so far */
	int title_line;    /* 0 until a title line is read */
};

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}

/* True when the line holds only valid UTF-8 with no control character but tabs. */
static bool clean_text(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned long cp;
		bool valid;
		size_t n = utf8_decode(s + i, len - i, &cp, &valid);

		if (!valid || (cp != '\t' && utf8_is_unsafe(cp)))
			return false;
		i += n;
	}
	return true;
}

/* A case line names a file when it has a '/' or ends in ".cfg". */
static bool names_file(const char *word)
{
	size_t len = strlen(word);

	return strchr(word, '/') || (len > 4 && fileio_has_suffix(word, ".cfg"));
}

/* Where else the set names case id, before this line: 0 when nowhere. */
static int listed_before(const struct parser *p, const char *id)
{
	for (size_t i = 0; i < p->out->count; i++) {
		const struct casefile *c = p->own_index[i] == SIZE_MAX ? p->out->items[i].entry->c
								       : p->out->own.entries[p->own_index[i]].c;

		if (strcmp(c->id, id) == 0)
			return p->out->items[i].line;
	}
	return 0;
}

static void add_item(struct parser *p, int line, const struct caselib_entry *e, size_t own_index)
{
	p->out->items = xgrow(p->out->items, &p->items_cap, p->out->count + 1, sizeof(*p->out->items));
	p->own_index = xgrow(p->own_index, &p->index_cap, p->out->count + 1, sizeof(*p->own_index));
	p->out->items[p->out->count] = (struct caseset_item){ .entry = e, .line = line };
	p->own_index[p->out->count++] = own_index;
}

static void duplicate(struct parser *p, int line, const char *id, int first)
{
	diag_add(p->diags, p->name, line, "case '%s' is listed twice: here and on line %d", id, first);
	p->errors++;
}

static void case_file_line(struct parser *p, int line, const char *word)
{
	char *path = word[0] == '/' || !p->base_dir ? xstrdup(word) : xasprintf("%s/%s", p->base_dir, word);
	bool io_error = false;
	struct casefile *c = casefile_load_file(path, p->pw, p->diags, &io_error);
	int first;

	if (!c) {
		diag_add(p->diags, p->name, line, "the case file '%s' %s", word,
			 io_error ? "cannot be read" : "is not valid (see above)");
		p->errors++;
	} else if ((first = listed_before(p, c->id)) != 0) {
		duplicate(p, line, c->id, first);
		casefile_free(c);
	} else {
		caselib_add(&p->out->own, c, p->pw, p->today);
		add_item(p, line, NULL, p->out->own.count - 1);
	}
	free(path);
}

static void case_id_line(struct parser *p, int line, const char *word)
{
	const struct caselib_entry *e = caselib_find(p->lib, word);
	struct suggest s;
	int first;

	if (e && (first = listed_before(p, word)) != 0) {
		duplicate(p, line, word, first);
		return;
	}
	if (e) {
		add_item(p, line, e, SIZE_MAX);
		return;
	}
	diag_add(p->diags, p->name, line, "unknown case '%s'", word);
	p->errors++;
	suggest_init(&s, word, strlen(word));
	for (size_t i = 0; i < p->lib->count; i++)
		suggest_consider(&s, p->lib->entries[i].c->id);
	if (s.best)
		diag_suggest(p->diags, s.best);
}

static void title_line(struct parser *p, int line, const char *text)
{
	text += strspn(text, " \t");
	if (!p->title_line && !p->out->count && *text && utf8_count(text) <= CASESET_TITLE_MAX) {
		p->title_line = line;
		p->out->title = xstrdup(text);
		return;
	}
	p->errors++;
	if (p->title_line)
		diag_add(p->diags, p->name, line, "a second title line (the first is on line %d)", p->title_line);
	else if (p->out->count)
		diag_add(p->diags, p->name, line, "the title line must come before the first case");
	else if (!*text)
		diag_add(p->diags, p->name, line, "the title line has no title");
	else
		diag_add(p->diags, p->name, line, "the title is longer than %d characters", CASESET_TITLE_MAX);
}

/* One line, its surrounding blanks removed (text is NUL-terminated). */
static void parse_line(struct parser *p, int line, const char *text)
{
	if (!*text || *text == '#')
		return;
	if (strncmp(text, "title:", 6) == 0)
		title_line(p, line, text + 6);
	else if (names_file(text))
		case_file_line(p, line, text);
	else
		case_id_line(p, line, text);
}

bool caseset_parse(const char *name, const char *text, size_t len, const char *base_dir, const struct pathway *pw,
		   const struct caselib *lib, long today, struct caseset *out, struct diag_list *diags)
{
	struct parser p = { .name = name, .base_dir = base_dir, .pw = pw, .lib = lib, .today = today, .out = out,
			    .diags = diags };
	int line = 0;
	bool ok;

	*out = (struct caseset){ 0 };
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len, start = at, stop = end;
		char *copy;

		line++;
		at = end + 1;
		while (start < stop && is_blank(text[start]))
			start++;
		while (stop > start && is_blank(text[stop - 1]))
			stop--;
		if (!clean_text(text + start, stop - start)) {
			diag_add(diags, name, line, "not text: invalid UTF-8 or a control character");
			p.errors++;
			continue;
		}
		copy = xstrndup(text + start, stop - start);
		parse_line(&p, line, copy);
		free(copy);
	}
	if (!p.errors && out->count == 0) {
		diag_add(diags, name, 0, "no cases: list one bundled case id or case file per line");
		p.errors++;
	}
	for (size_t i = 0; i < out->count; i++)
		if (p.own_index[i] != SIZE_MAX)
			out->items[i].entry = &out->own.entries[p.own_index[i]];
	free(p.own_index);
	ok = p.errors == 0;
	if (!ok)
		caseset_free(out);
	return ok;
}

bool caseset_load(const char *path, const struct pathway *pw, const struct caselib *lib, long today,
		  struct caseset *out, struct diag_list *diags, bool *io_error)
{
	size_t len = 0;
	char *text = cfg_read_file(path, CASESET_MAX_BYTES, &len), *dir, *slash;
	bool ok;

	*io_error = false;
	*out = (struct caseset){ 0 };
	if (!text) {
		diag_add(diags, path, 0, "cannot read the case set: %s",
			 errno == EFBIG ? "larger than 1 MiB" : strerror(errno));
		*io_error = true;
		return false;
	}
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	ok = caseset_parse(path, text, len, slash ? dir : NULL, pw, lib, today, out, diags);
	free(dir);
	free(text);
	return ok;
}

void caseset_free(struct caseset *set)
{
	free(set->title);
	free(set->items);
	caselib_free(&set->own);
	*set = (struct caseset){ 0 };
}
