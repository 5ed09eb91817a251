/* SPDX-License-Identifier: Apache-2.0 */
/* The append-only session journal. The lines of one user action are written with a single write
 * loop and made durable with one fdatasync before journal_commit returns, so a killed
 * process loses at most the action in flight, whole. Every line is chained to the one before it by
 * the sha256 of its bytes ("prev"), and the last line of an action says so ("action_end"). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* O_CLOEXEC, O_NOFOLLOW, fdatasync, pread */
#endif
#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "clock.h"
#include "fileio.h"
#include "journal_chain.h"
#include "journal_read.h"
#include "sha256.h"
#include "strbuf.h"
#include "xalloc.h"

/* Every line is held in memory: lines[0..durable) are in the file and synced, lines[durable..
 * in_file) were written but their fdatasync failed, the rest are pending (their write failed).
 * The bound is the largest journal a reader accepts, far above a real session (a few hundred
 * events of under a kilobyte each). */
struct journal {
	int fd;
	char *path;
	unsigned long seq;  /* of the last event accepted (written or pending) */
	struct strbuf lines;
	size_t in_file;     /* bytes of lines that are in the file */
	size_t durable;     /* bytes of lines known to be on the disk */
	char last_hash[65]; /* sha256 of the last line held (64 zeros before the first) */
	/* An fdatasync failed: what the file holds is no longer known (the kernel may have dropped
	 * the pages it could not write), so nothing more is written to it; everything held waits for
	 * journal_relocate. */
	bool sync_failed;
	char **staged;      /* the events of the action being built (journal_stage), owned */
	size_t nstaged, staged_cap, staged_bytes;
	/* A failed write left a fragment that could not be cut off: the next line must start on a
	 * fresh line, or the fragment would swallow it. */
	bool torn;
};

/* Takes the journal's advisory lock, held while the descriptor is open, so that a second pathwalk
 * cannot resume a session that is still being written. Returns 0, or -1 with errno EBUSY when
 * another process holds it. A file system without locks (ENOLCK, EOPNOTSUPP) is not an error:
 * the journal is still written, only unguarded. */
static int lock_journal(int fd)
{
	if (flock(fd, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK)
		return 0;
	errno = EBUSY;
	return -1;
}

/* Creates path 0600 with O_EXCL|O_NOFOLLOW and makes its directory entry durable. Returns the
 * descriptor, or -1 with errno set (a file left behind by a failure is removed). */
static int create_file(const char *path)
{
	int fd, saved;

	if (!path || !*path) {
		errno = EINVAL;
		return -1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	/* umask can only narrow 0600; fchmod makes the mode exact whatever the umask was. The lock
	 * cannot be held by anyone else on a file just created; it is taken so a resume sees it. */
	if (fchmod(fd, 0600) != 0 || lock_journal(fd) != 0) {
		saved = errno;
		(void)close(fd);
		/* O_EXCL guarantees that the file is ours and empty: remove it so a retry can succeed. */
		(void)unlink(path);
		errno = saved;
		return -1;
	}
	/* The new directory entry is made durable too, so that a crash right after creation cannot
	 * lose the whole file. Best effort: the events themselves are still synced. */
	(void)fileio_sync_directory_of(path);
	return fd;
}

static struct journal *journal_new(int fd, const char *path)
{
	struct journal *j = xcalloc(1, sizeof *j);

	j->fd = fd;
	j->path = xstrdup(path);
	memset(j->last_hash, '0', 64);
	return j;
}

struct journal *journal_create(const char *path)
{
	int fd = create_file(path);

	return fd < 0 ? NULL : journal_new(fd, path);
}

/* An event must be one JSON object on one line: anything else would corrupt the line structure
 * that readers, the chain and torn-action detection rely on. */
static bool event_is_acceptable(const char *event)
{
	size_t len;

	if (!event || event[0] != '{')
		return false;
	len = strlen(event);
	if (event[len - 1] != '}')
		return false;
	return strpbrk(event, "\n\r") == NULL;
}


static int datasync(int fd)
{
	int rc;

	do
		rc = fdatasync(fd);
	while (rc != 0 && errno == EINTR);
	return rc;
}

/* Reads the first len bytes of fd into sb. Returns 0, or -1 with errno set. */
static int read_prefix(int fd, size_t len, struct strbuf *sb)
{
	char chunk[65536];

	while (sb->len < len) {
		size_t want = len - sb->len < sizeof chunk ? len - sb->len : sizeof chunk;
		ssize_t n = pread(fd, chunk, want, (off_t)sb->len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EINVAL; /* the file shrank under us */
			return -1;
		}
		sb_append_len(sb, chunk, (size_t)n);
	}
	return 0;
}

/* Checks that fd is a regular file of read_length bytes, reads the first valid_length of them into
 * sb and cuts off the rest. Returns 0, or -1 with errno set. */
static int adopt_file(int fd, size_t valid_length, size_t read_length, struct strbuf *sb)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return -1;
	if (!S_ISREG(st.st_mode) || valid_length > read_length) {
		errno = EINVAL;
		return -1;
	}
	if ((uintmax_t)st.st_size != read_length) {
		errno = ESTALE;
		return -1;
	}
	if (valid_length > (size_t)JOURNAL_READ_MAX_BYTES) {
		errno = EFBIG;
		return -1;
	}
	if (read_prefix(fd, valid_length, sb) != 0)
		return -1;
	if (valid_length > 0 && sb->data[valid_length - 1] != '\n') {
		errno = EINVAL;
		return -1;
	}
	if ((uintmax_t)st.st_size > valid_length) {
		if (ftruncate(fd, (off_t)valid_length) != 0 || datasync(fd) != 0)
			return -1;
	}
	return 0;
}

struct journal *journal_open_append(const char *path, unsigned long last_seq, size_t valid_length,
				    size_t read_length)
{
	struct strbuf content = STRBUF_INIT;
	struct journal *j;
	int fd, saved;

	if (!path || !*path) {
		errno = EINVAL;
		return NULL;
	}
	/* Read-write to take the content into memory; O_NONBLOCK so that a FIFO cannot block the open
	 * before fstat refuses it. */
	fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return NULL;
	if (lock_journal(fd) != 0 || adopt_file(fd, valid_length, read_length, &content) != 0 ||
	    fcntl(fd, F_SETFL, O_APPEND) != 0) {
		saved = errno;
		(void)close(fd);
		sb_free(&content);
		errno = saved;
		return NULL;
	}
	j = journal_new(fd, path);
	j->lines = content;
	j->in_file = j->durable = valid_length;
	j->seq = last_seq;
	if (valid_length > 0) {
		const char *last = content.data + valid_length - 1, *start = last;

		while (start > content.data && start[-1] != '\n')
			start--;
		sha256_hex(start, (size_t)(last - start), j->last_hash);
	}
	return j;
}

/* Formats the event as the next line, chained to the one before, and holds it as pending; the
 * last line of an action is marked as such. */
static void hold_line(struct journal *j, const char *event_json, bool action_end, const char *when)
{
	const char *body = event_json + 1;
	size_t start = j->lines.len;

	while (*body == ' ' || *body == '\t')
		body++;
	sb_appendf(&j->lines, "{\"seq\":%lu,\"time\":\"%s\",\"" JOURNAL_KEY_PREV "\":\"%s\"", j->seq + 1, when,
		   j->last_hash);
	/* "{}" has no members to separate from ours. */
	if (*body != '}')
		sb_append_char(&j->lines, ',');
	sb_append_len(&j->lines, body, strlen(body) - 1);
	if (action_end)
		sb_append(&j->lines, ",\"" JOURNAL_KEY_ACTION_END "\":true");
	sb_append_char(&j->lines, '}');
	sha256_hex(j->lines.data + start, j->lines.len - start, j->last_hash);
	sb_append_char(&j->lines, '\n');
	j->seq++;
}

/* Writes every pending line in one go. Returns 0, or -1 with errno set and the file cut back to
 * where it was, so that the lines stay pending and a retry writes them whole. */
static int write_pending(struct journal *j)
{
	const char *pending = j->lines.data + j->in_file;
	size_t len = j->lines.len - j->in_file, written;
	bool was_torn = j->torn;
	struct stat st;
	int saved;

	/* Where the file ended before: a failed write is cut back to here. */
	if (fstat(j->fd, &st) != 0)
		return -1;
	if (was_torn && fileio_write_all(j->fd, "\n", 1, &written) != 0)
		return -1;
	if (fileio_write_all(j->fd, pending, len, &written) != 0) {
		saved = errno;
		/* Cutting back also removes the newline that ended a fragment: it is still torn. */
		j->torn = ftruncate(j->fd, st.st_size) != 0 || was_torn;
		errno = saved;
		return -1;
	}
	j->torn = false;
	j->in_file = j->lines.len;
	return 0;
}

int journal_stage(struct journal *j, const char *event_json)
{
	if (!j || !event_is_acceptable(event_json)) {
		errno = EINVAL;
		return -1;
	}
	/* 200 bytes cover the members added to each line: seq, time, prev and action_end. */
	if (j->lines.len + j->staged_bytes + strlen(event_json) + 200 > (size_t)JOURNAL_READ_MAX_BYTES) {
		errno = EFBIG;
		return -1;
	}
	j->staged = xgrow(j->staged, &j->staged_cap, j->nstaged + 1, sizeof(*j->staged));
	j->staged[j->nstaged++] = xstrdup(event_json);
	j->staged_bytes += strlen(event_json) + 200;
	return 0;
}

int journal_commit(struct journal *j)
{
	char when[CLOCK_TEXT_SIZE];

	if (!j) {
		errno = EINVAL;
		return -1;
	}
	if (j->nstaged > 0) {
		clock_format(clock_now(), when);
		for (size_t i = 0; i < j->nstaged; i++) {
			hold_line(j, j->staged[i], i + 1 == j->nstaged, when);
			free(j->staged[i]);
		}
		j->nstaged = j->staged_bytes = 0;
	}
	if (j->in_file == j->lines.len)
		return 0;
	if (j->sync_failed) {
		errno = EIO;
		return -1;
	}
	if (write_pending(j) != 0)
		return -1;
	/* The lines are in the file now, and their numbers used, even if the sync below fails; but
	 * after a failed sync the file cannot be trusted to hold them (nor anything written before). */
	if (datasync(j->fd) != 0) {
		j->sync_failed = true;
		return -1;
	}
	j->durable = j->in_file;
	return 0;
}

int journal_append(struct journal *j, const char *event_json)
{
	if (journal_stage(j, event_json) != 0)
		return -1;
	return journal_commit(j);
}

size_t journal_pending(const struct journal *j)
{
	size_t n = 0;

	for (size_t i = j->durable; i < j->lines.len; i++)
		n += j->lines.data[i] == '\n';
	return n;
}

int journal_relocate(struct journal *j, const char *new_path)
{
	size_t written;
	int fd, saved;

	if (!j) {
		errno = EINVAL;
		return -1;
	}
	fd = create_file(new_path);
	if (fd < 0)
		return -1;
	if (fileio_write_all(fd, j->lines.data ? j->lines.data : "", j->lines.len, &written) != 0 ||
	    datasync(fd) != 0) {
		saved = errno;
		(void)close(fd);
		(void)unlink(new_path);
		errno = saved;
		return -1;
	}
	/* The old file's close status does not matter: everything it held is in the new file. */
	(void)close(j->fd);
	j->fd = fd;
	free(j->path);
	j->path = xstrdup(new_path);
	j->in_file = j->durable = j->lines.len;
	j->torn = false;
	j->sync_failed = false;
	return 0;
}

const char *journal_path(const struct journal *j)
{
	return j->path;
}

int journal_close(struct journal *j)
{
	int rc, saved;

	if (!j)
		return 0;
	rc = close(j->fd);
	saved = errno;
	for (size_t i = 0; i < j->nstaged; i++)
		free(j->staged[i]);
	free(j->staged);
	free(j->path);
	sb_free(&j->lines);
	free(j);
	errno = saved;
	return rc;
}
