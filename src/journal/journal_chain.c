/* SPDX-License-Identifier: Apache-2.0 */
/* Checking a journal's numbering and hash chain line by line, as it is read. */
#include "journal_chain.h"

#include <stdlib.h>
#include <string.h>

#include "journal_read.h"
#include "sha256.h"
#include "xalloc.h"

void journal_chain_init(struct journal_chain *c)
{
	memset(c, 0, sizeof(*c));
	memset(c->last_hash, '0', 64);
}

static void broken(struct journal_chain *c, char *message)
{
	c->integrity = JOURNAL_BROKEN;
	c->break_line = c->lines;
	c->break_message = message;
}

/* Checks line c->lines (already counted) against the chain so far. */
static void check(struct journal_chain *c, const struct json *obj)
{
	const struct json *prev = obj ? json_get(obj, JOURNAL_KEY_PREV) : NULL;
	long seq = 0;
	bool has_seq, seq_ok;
	char *seq_text;

	if (!obj || obj->type != JSON_OBJECT) {
		broken(c, xstrdup("the line is not a JSON event (it was changed, or the file was damaged)"));
		return;
	}
	if (c->lines == 1 && !prev) {
		c->integrity = JOURNAL_PRECHAIN;
		return;
	}
	has_seq = json_get_long(obj, "seq", &seq);
	seq_ok = has_seq && seq == c->lines;
	seq_text = has_seq ? xasprintf("\"seq\" is %ld, not %d", seq, c->lines) : xasprintf("\"seq\" is missing");
	if (!prev || prev->type != JSON_STRING || strcmp(prev->text, c->last_hash) != 0) {
		if (c->lines == 1)
			broken(c, xasprintf("\"prev\" of the first line is not 64 zeros (lines were removed before it, or "
					    "it was changed)%s%s", seq_ok ? "" : "; ", seq_ok ? "" : seq_text));
		else
			broken(c, xasprintf("\"prev\" is not the sha256 of line %d (line %d was changed, or a line was "
					    "deleted, duplicated or moved here)%s%s", c->lines - 1, c->lines - 1,
					    seq_ok ? "" : "; ", seq_ok ? "" : seq_text));
	} else if (!seq_ok) {
		broken(c, xasprintf("%s (a line was deleted, duplicated or moved)", seq_text));
	}
	free(seq_text);
}

void journal_chain_line(struct journal_chain *c, const char *text, size_t len, const struct json *obj)
{
	c->lines++;
	if (c->integrity == JOURNAL_CHAINED)
		check(c, obj);
	sha256_hex(text, len, c->last_hash);
}

bool journal_chain_action_end(const struct json *obj)
{
	bool end = false;

	return json_get_bool(obj, JOURNAL_KEY_ACTION_END, &end) && end;
}

void journal_chain_describe(const struct journal_chain *c, const char *file, struct diag_list *diags)
{
	if (c->integrity == JOURNAL_BROKEN)
		diag_add(diags, file, c->break_line, "the journal's hash chain is broken: %s", c->break_message);
	else if (c->integrity == JOURNAL_PRECHAIN)
		diag_add(diags, file, 1, "the journal was written before journals carried a hash chain (no \"prev\"); "
				       "its integrity cannot be verified");
}

void journal_chain_free(struct journal_chain *c)
{
	free(c->break_message);
	c->break_message = NULL;
}

int journal_read_verified(const char *path, bool force, struct journal_log *out, struct diag_list *diags)
{
	struct diag_list problem = { 0 };

	if (journal_read_file(path, out, diags) != 0)
		return -1;
	if (out->chain.integrity == JOURNAL_CHAINED)
		return 0;
	journal_chain_describe(&out->chain, out->file, &problem);
	diag_add(force ? &out->notices : diags, out->file, problem.items[0].line, "%s%s", problem.items[0].message,
		 force ? "; used anyway (--force): integrity not verified" : " (--force uses it anyway)");
	diag_clear(&problem);
	return force ? 0 : -1;
}
