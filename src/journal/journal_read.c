/* SPDX-License-Identifier: Apache-2.0 */
/* Reads a session journal into events. The writer (journal.c) emits each user action as lines in
 * a single write followed by fdatasync, so only the last action can be torn by a crash; a bad line
 * anywhere else means the file was damaged or edited, and the log cannot be trusted. */
#include "journal_read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "strbuf.h"
#include "xalloc.h"

static void log_init(struct journal_log *out, const char *name)
{
	memset(out, 0, sizeof(*out));
	out->file = xstrdup(name);
	journal_chain_init(&out->chain);
	memcpy(out->digest, out->chain.last_hash, sizeof(out->digest));
}

/* Drops the events after the last whole action (a crash tore it), with a notice; torn_line is the
 * number of a torn last line that was not kept, or 0. */
static void drop_torn_action(struct journal_log *out, size_t whole, int torn_line)
{
	int first = whole < out->count ? out->events[whole].line : torn_line;
	int last = torn_line ? torn_line : out->count ? out->events[out->count - 1].line : 0;

	if (whole == out->count && !torn_line)
		return;
	if (first == torn_line)
		diag_add(&out->notices, out->file, torn_line,
			 "last line is incomplete (the session was interrupted while writing); ignored");
	else if (first == last)
		diag_add(&out->notices, out->file, first,
			 "the last action (line %d) is incomplete (the session was interrupted while writing it); "
			 "ignored", first);
	else
		diag_add(&out->notices, out->file, first,
			 "the last action (lines %d-%d) is incomplete (the session was interrupted while writing "
			 "it); ignored", first, last);
	while (out->count > whole)
		json_free(out->events[--out->count].object);
}

/* Checks one parsed line; returns the message for what is wrong, or NULL. */
static const char *check_event(const struct json *obj)
{
	const struct json *v;

	if (obj->type != JSON_OBJECT)
		return "an event must be a JSON object";
	v = json_get(obj, "event");
	if (!v)
		return "the event has no \"event\" member";
	if (v->type != JSON_STRING || !v->text[0])
		return "\"event\" must be a non-empty string";
	v = json_get(obj, "seq");
	if (v && v->type != JSON_INT)
		return "\"seq\" must be an integer";
	v = json_get(obj, "time");
	if (v && v->type != JSON_STRING)
		return "\"time\" must be a string";
	return NULL;
}

static void add_event(struct journal_log *out, size_t *cap, struct json *obj, int line)
{
	struct journal_event *e;

	out->events = xgrow(out->events, cap, out->count + 1, sizeof(*out->events));
	e = &out->events[out->count++];
	e->object = obj;
	e->event = json_get_string(obj, "event");
	e->time = json_get_string(obj, "time");
	if (!json_get_long(obj, "seq", &e->seq))
		e->seq = -1;
	e->line = line;
}

int journal_read_text(const char *name, const char *text, size_t len, struct journal_log *out,
		      struct diag_list *diags)
{
	size_t cap = 0, pos = 0, whole = 0, whole_length = 0, budget = JOURNAL_MAX_VALUES;
	int line = 0, errors = 0, torn_line = 0;

	log_init(out, name);
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		bool last = !nl || end + 1 >= len;
		struct json_error err = { 0, NULL };
		const char *problem = NULL;
		struct json *obj = NULL;

		line++;
		if (end - pos > (size_t)JOURNAL_LINE_MAX_BYTES)
			err.message = "the line is longer than 64 KiB";
		else
			obj = json_parse_bounded(text + pos, end - pos, &budget, &err);
		if (obj)
			problem = check_event(obj);
		else
			problem = err.message;
		if (budget == 0 && !last) {
			diag_add(diags, name, line, "the journal holds more than %ld JSON values: not a journal "
				 "pathwalk writes", JOURNAL_MAX_VALUES);
			json_free(obj);
			errors++;
			break;
		}
		if (last && (!nl || !obj)) {
			/* Torn by a crash mid-write: the event never completed, so it is not part of the log.
			 * A complete-looking line without its newline was never acknowledged either. */
			json_free(obj);
			torn_line = line;
			break;
		}
		journal_chain_line(&out->chain, text + pos, end - pos, obj);
		if (problem) {
			if (obj)
				diag_add(diags, name, line, "%s", problem);
			else
				diag_add(diags, name, line, "not a JSON event: %s (at column %zu)", problem,
					 err.offset + 1);
			json_free(obj);
			errors++;
		} else {
			add_event(out, &cap, obj, line);
		}
		pos = end + 1;
		/* Before the chain every line was written on its own; since, an action ends where it says. */
		if (out->chain.integrity == JOURNAL_PRECHAIN || (obj && !problem && journal_chain_action_end(obj))) {
			whole = out->count;
			whole_length = pos;
			memcpy(out->digest, out->chain.last_hash, sizeof(out->digest));
		}
	}
	drop_torn_action(out, whole, torn_line);
	out->valid_length = whole_length;
	out->length = len;
	if (errors)
		return -1;
	if (out->count == 0) {
		diag_add(diags, name, line, "the journal has no complete event");
		return -1;
	}
	if (strcmp(out->events[0].event, "start") != 0) {
		diag_add(diags, name, out->events[0].line, "the first event is \"%s\", expected \"start\"",
			 out->events[0].event);
		return -1;
	}
	return 0;
}

/* Closes what journal_read_file opened; standard input stays open. */
static void close_input(FILE *f, bool is_stdin)
{
	if (!is_stdin)
		fclose(f);
}

int journal_read_file(const char *path, struct journal_log *out, struct diag_list *diags)
{
	struct strbuf sb = STRBUF_INIT;
	bool is_stdin = fileio_is_stdio(path);
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int rc;

	path = fileio_input_name(path);

	if (!f) {
		log_init(out, path);
		diag_add(diags, path, 0, "cannot read the journal: %s", strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (sb.len + n > (size_t)JOURNAL_READ_MAX_BYTES) {
			close_input(f, is_stdin);
			sb_free(&sb);
			log_init(out, path);
			diag_add(diags, path, 0, "the journal is larger than %ld MiB", JOURNAL_READ_MAX_BYTES >> 20);
			return -1;
		}
		sb_append_len(&sb, chunk, n);
	}
	if (ferror(f)) {
		int saved = errno;

		close_input(f, is_stdin);
		sb_free(&sb);
		log_init(out, path);
		diag_add(diags, path, 0, "cannot read the journal: %s", strerror(saved));
		return -1;
	}
	close_input(f, is_stdin);
	rc = journal_read_text(path, sb_str(&sb), sb.len, out, diags);
	sb_free(&sb);
	return rc;
}

void journal_log_free(struct journal_log *log)
{
	if (!log)
		return;
	journal_chain_free(&log->chain);
	for (size_t i = 0; i < log->count; i++)
		json_free(log->events[i].object);
	free(log->events);
	free(log->file);
	diag_clear(&log->notices);
	memset(log, 0, sizeof(*log));
}
