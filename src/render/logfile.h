/* SPDX-License-Identifier: Apache-2.0 */
/* The printable text log written beside a session's journal when the session ends or is
 * interrupted, so the record can be printed (`lp`) without running `pathwalk log`. */
#ifndef PATHWALK_LOGFILE_H
#define PATHWALK_LOGFILE_H

#include "pathway.h"

/* Renders the journal at journal_path as the paginated text log (as `pathwalk log` does) into a
 * new file beside it: the journal's name with ".txt" in place of ".jsonl" (appended when the name
 * does not end in ".jsonl"), or when that exists (an earlier rendering, of the session before it
 * was resumed; any other file or link) the first free of NAME.1.txt, NAME.2.txt, ...: an existing
 * file is never replaced nor a link followed. The file and its directory entry are synced. pw
 * supplies warning texts and references when it is the pathway the session used. Returns the new
 * file's path (caller frees), or NULL with *error set to a message (caller frees). */
char *logfile_render_text_beside(const char *journal_path, const struct pathway *pw, char **error);

#endif
