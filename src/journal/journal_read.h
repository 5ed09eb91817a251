/* SPDX-License-Identifier: Apache-2.0 */
/* Reading a session journal back (DESIGN §6): one JSON object per line, the first a "start" event.
 * A torn last action (the process died while writing it: lines after the last "action_end", or a
 * last line without its newline) is ignored with a notice; anything else that is not a complete
 * event is an error naming the file and line. The hash chain and numbering are checked on the way
 * (journal_chain.h): the result is in the log, for the caller to refuse (journal_read_verified). */
#ifndef PATHWALK_JOURNAL_READ_H
#define PATHWALK_JOURNAL_READ_H

#include <stddef.h>

#include "diag.h"
#include "journal_chain.h"
#include "json.h"

struct journal_event {
	struct json *object; /* owned: the whole line */
	const char *event;   /* the "event" member (owned by object); never NULL */
	const char *time;    /* the "time" member, or NULL when absent */
	long seq;            /* the "seq" member, or -1 when absent */
	int line;            /* 1-based line number in the file */
};

struct journal_log {
	char *file;                   /* name used in messages */
	struct journal_event *events; /* in file order; events[0].event is "start" */
	size_t count;
	struct diag_list notices;     /* things worth saying that are not errors (a torn last action) */
	size_t valid_length;          /* bytes up to the end of the last complete line (what
				       * journal_open_append keeps when it continues the file) */
	size_t length;                /* bytes read: the whole file as it was when read */
	struct journal_chain chain;   /* integrity of every complete line read */
	char digest[65];              /* sha256 of the last line kept (what `verify --digest` matches) */
};

/* The largest journal accepted: far above any real session, small enough to read into memory. */
#define JOURNAL_READ_MAX_BYTES (64L * 1024 * 1024)

/* Bounds on the work one journal can cause (a real event is a few hundred bytes and under 50 JSON
 * values; a session a few thousand values): a longer line is not an event pathwalk writes, and a
 * journal that holds more values is refused, so its tree stays under about 50 MB. */
#define JOURNAL_LINE_MAX_BYTES (64L * 1024)
#define JOURNAL_MAX_VALUES (512L * 1024)

/* Reads and parses the journal at path (standard input for "-") into *out. Returns 0, or -1 with the problems appended to
 * diags (as FILE:LINE: message; line 0 for an unreadable file). *out is always initialised and
 * must be freed with journal_log_free, on failure too. */
int journal_read_file(const char *path, struct journal_log *out, struct diag_list *diags);

/* As journal_read_file, for a journal already in memory; name is used in messages. */
int journal_read_text(const char *name, const char *text, size_t len, struct journal_log *out,
		      struct diag_list *diags);

/* Frees everything the log owns and resets it; NULL is fine. */
void journal_log_free(struct journal_log *log);

#endif
