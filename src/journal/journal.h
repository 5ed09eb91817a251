/* SPDX-License-Identifier: Apache-2.0 */
/* The append-only session journal: one self-contained JSON object per line, the lines of each
 * user action written with one write and flushed with one fdatasync before the call returns, each
 * line chained to the one before (journal_chain.h). Created 0600 with O_EXCL|O_NOFOLLOW: an
 * existing file or a symbolic link is never overwritten or followed.
 *
 * The journal also keeps every line in memory (at most JOURNAL_READ_MAX_BYTES, the most a reader
 * accepts), so that an event the disk refused (ENOSPC) is not lost: it stays pending, is retried
 * before the next event, and journal_relocate() can write the whole journal to another file. */
#ifndef PATHWALK_JOURNAL_H
#define PATHWALK_JOURNAL_H

#include <stddef.h>

struct journal;

/* Creates the journal at path. Returns NULL with errno set when it cannot be created (EEXIST for
 * an existing file, ELOOP or EEXIST for a symbolic link). */
struct journal *journal_create(const char *path);

/* Opens the existing journal at path to continue it: the caller read it (journal_read_file) and
 * passes the seq of its last complete event, valid_length, the byte length of its complete lines,
 * and read_length, the size of the file it read. A longer file (a torn last action) is first cut to
 * valid_length; the valid content is held in memory as if this journal had written it, and
 * numbering continues at last_seq + 1. The file is checked under the lock, so events another
 * process wrote between the caller's read and this call are never cut off.
 * Returns NULL with errno set: ELOOP for a symbolic link, EINVAL for anything but a regular file
 * or when valid_length is past read_length or not at the end of a line, ESTALE when the file's
 * size is no longer read_length (it changed since it was read: read it again), EBUSY when another
 * process has it open as a journal (its advisory lock: every journal this module opens or creates
 * holds one until closed), EFBIG for a file larger than JOURNAL_READ_MAX_BYTES, or open's errno. */
struct journal *journal_open_append(const char *path, unsigned long last_seq, size_t valid_length,
				    size_t read_length);

/* Adds one event to the user action being built: a JSON object without the trailing newline.
 * Nothing is written until journal_commit. Returns 0, or -1 with errno set (nothing kept): EINVAL
 * for an event that is not one line holding one object, EFBIG when the journal would outgrow
 * JOURNAL_READ_MAX_BYTES. */
int journal_stage(struct journal *j, const char *event_json);

/* Writes the action built with journal_stage as lines with one write and one fdatasync: each line
 * gets "seq", "time" and "prev" (the sha256 of the line before; 64 zeros on the first) in front,
 * and the last one "action_end":true. Lines that failed before are written first, with their
 * original members. Returns 0 (also with nothing staged and nothing pending), or -1 with errno
 * set: the lines keep their seq and stay pending in memory (cut out of the file, or at worst a
 * torn action readers drop) to be retried by the next commit or written by journal_relocate.
 * After a failed fdatasync (EIO) the file is not trusted again: every later commit fails with EIO
 * until journal_relocate. */
int journal_commit(struct journal *j);

/* journal_stage and journal_commit of one event: an action of one line. */
int journal_append(struct journal *j, const char *event_json);

/* Number of lines held in memory but not known to be on the disk (after a failed commit). */
size_t journal_pending(const struct journal *j);

/* Moves the journal to new_path, created like journal_create (EEXIST if it exists): writes every
 * line held, pending ones included, fdatasyncs, and sends later events there. Returns 0; or -1
 * with errno set, having removed the half-written new file, and the journal still writes to the
 * old file with nothing lost from memory. The old file is left as it is. */
int journal_relocate(struct journal *j, const char *new_path);

/* The path the journal writes to (owned by the journal; changes with journal_relocate). */
const char *journal_path(const struct journal *j);

/* Closes the file and frees the journal; NULL is fine. Returns -1 with errno if close failed. */
int journal_close(struct journal *j);

#endif
