/* The append-only session journal: one self-contained JSON object per line, each event flushed
 * with fdatasync before the call returns. Created 0600 with O_EXCL|O_NOFOLLOW: an existing file
 * or a symbolic link is never overwritten or followed. */
#ifndef PATHWALK_JOURNAL_H
#define PATHWALK_JOURNAL_H

#include <stddef.h>

struct journal;

/* Creates the journal at path. Returns NULL with errno set when it cannot be created (EEXIST for
 * an existing file, ELOOP or EEXIST for a symbolic link). */
struct journal *journal_create(const char *path);

/* Appends one event: a JSON object without the trailing newline. The journal adds "seq" and "time"
 * members in front, writes the line and fdatasyncs. Returns 0, or -1 with errno set (the event is
 * then not in the file, or only as a torn line that readers ignore). */
int journal_append(struct journal *j, const char *event_json);

/* The path the journal was created at (owned by the journal). */
const char *journal_path(const struct journal *j);

/* Closes the file and frees the journal; NULL is fine. Returns -1 with errno if close failed. */
int journal_close(struct journal *j);

#endif
