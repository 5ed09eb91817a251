/* SPDX-License-Identifier: Apache-2.0 */
/* Continuing an interrupted session from its journal (pathwalk walk --resume JOURNAL). The
 * session is rebuilt by replaying the journal's answers, moves and going back through the public
 * session API, so it is in exactly the state the journal records; then it continues to record in
 * the same file. Typical use:
 *
 *	journal_read_file(path, &log, &diags);
 *	s = resume_session(pw, &log, today, &diags);
 *	j = resume_open_journal(path, &log);
 *	session_attach_journal(s, j);
 *	resume_record(s, log.notices.count ? log.notices.items[0].message : NULL);
 */
#ifndef PATHWALK_RESUME_H
#define PATHWALK_RESUME_H

#include "diag.h"
#include "journal_read.h"
#include "pathway.h"
#include "session.h"

struct journal;

/* Rebuilds the session log records, with no journal attached (nothing is recorded while
 * replaying). Refuses, with a FILE:LINE message appended to diags and NULL returned: a journal
 * made with another pathway or version (the message names both), a finished session, a training
 * session, and a journal that does not follow pw. today is the date used for date defaults from
 * now on. The caller frees the session with session_free; it borrows pw and nothing from log. */
struct session *resume_session(const struct pathway *pw, const struct journal_log *log, long today,
			       struct diag_list *diags);

/* Opens the journal file at path, which log was read from, to continue it: cuts a torn last action
 * and numbers on from log's last event (journal_open_append). NULL with errno set on failure. */
struct journal *resume_open_journal(const char *path, const struct journal_log *log);

/* Journals {"event":"resume","node":...} at the current node, with "notice" when notice is not
 * NULL (say, that a torn last action was dropped). Call once, after session_attach_journal. */
enum session_status resume_record(struct session *s, const char *notice);

#endif
