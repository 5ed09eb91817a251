/* The append-only session journal: one self-contained JSON object per line, each event flushed
 * with fdatasync before the call returns. Created 0600 with O_EXCL|O_NOFOLLOW: an existing file
 * or a symbolic link is never overwritten or followed.
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
 * and read_length, the size of the file it read. A longer file (a torn last line) is first cut to
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

/* Appends one event: a JSON object without the trailing newline. The journal adds "seq" and "time"
 * members in front, keeps the line in memory, writes every pending line (earlier failures first,
 * with their original seq and time) and fdatasyncs. Returns 0, or -1 with errno set: EINVAL for
 * an event that is not one line holding one object, EFBIG when the journal would outgrow
 * JOURNAL_READ_MAX_BYTES (both: nothing kept, no seq used); otherwise the event has its seq and
 * stays pending in memory (cut out of the file, or at worst a torn line readers ignore) unless the
 * write succeeded and only the fdatasync failed. */
int journal_append(struct journal *j, const char *event_json);

/* Number of events held in memory but not written to the file (after a failed journal_append). */
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
