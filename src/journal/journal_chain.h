/* SPDX-License-Identifier: Apache-2.0 */
/* The journal's integrity (DESIGN §6): every line carries "seq" (1, 2, 3, ...) and "prev", the
 * sha256 of the previous line's bytes (64 zeros on the first line), so that an edited, deleted,
 * duplicated or moved line breaks the chain; the last line of each user action carries
 * "action_end":true, so that a reader can tell an action torn by a crash from a whole one. */
#ifndef PATHWALK_JOURNAL_CHAIN_H
#define PATHWALK_JOURNAL_CHAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "json.h"

#define JOURNAL_KEY_PREV "prev"
#define JOURNAL_KEY_ACTION_END "action_end"

enum journal_integrity {
	JOURNAL_CHAINED,  /* every line so far is numbered and chained to the one before */
	JOURNAL_PRECHAIN, /* the first line has no "prev": written before the chain, not verifiable */
	JOURNAL_BROKEN,   /* the numbering or the chain breaks at break_line */
};

/* The state of a reader walking a journal's lines in order. Zero-initialise with
 * journal_chain_init. */
struct journal_chain {
	enum journal_integrity integrity;
	int break_line;       /* the first line where it breaks (JOURNAL_BROKEN), else 0 */
	char *break_message;  /* owned: what is wrong there (JOURNAL_BROKEN), else NULL */
	char last_hash[65];   /* sha256 of the last line stepped over (64 zeros before the first) */
	int lines;            /* lines stepped over */
};

void journal_chain_init(struct journal_chain *c);

/* Steps over the next line: text[0..len) without its newline, obj its parse (NULL when it is not
 * JSON). Records the first break; the hash is always updated. */
void journal_chain_line(struct journal_chain *c, const char *text, size_t len, const struct json *obj);

/* True when obj is the last line of a user action. */
bool journal_chain_action_end(const struct json *obj);

/* What is wrong with a journal that is not chained, for a message: "FILE:LINE: ..." is appended
 * to diags (line 1 for a journal older than the chain). Nothing for a chained one. */
void journal_chain_describe(const struct journal_chain *c, const char *file, struct diag_list *diags);

void journal_chain_free(struct journal_chain *c);

struct journal_log;

/* journal_read_file for the commands that use a journal (log, report, graph, diff, resume): a
 * journal whose chain does not hold (broken, or older than the chain) is refused, -1 with the
 * FILE:LINE problem in diags, unless force, when the problem is added to out->notices and the
 * log is used, marked "integrity not verified" wherever it is rendered. */
int journal_read_verified(const char *path, bool force, struct journal_log *out, struct diag_list *diags);

#endif
