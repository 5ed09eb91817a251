/* The append-only session journal. Each event is one line written with a single write loop and
 * made durable with fdatasync before journal_append returns, so a killed process loses at most the
 * event in flight. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* O_CLOEXEC, O_NOFOLLOW, fdatasync */
#endif
#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "clock.h"
#include "strbuf.h"
#include "xalloc.h"

struct journal {
	int fd;
	char *path;
	unsigned long seq; /* of the last event fully written */
	/* A failed write left a fragment that could not be cut off: the next line must start on a
	 * fresh line, or the fragment would swallow it. */
	bool torn;
};

/* Makes the new directory entry durable too, so that a crash right after creation cannot lose the
 * whole file. Best effort: some file systems refuse fsync on a directory, and the events
 * themselves are still synced. */
static void sync_parent_directory(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		(void)fsync(fd);
		(void)close(fd);
	}
	free(dir);
}

struct journal *journal_create(const char *path)
{
	struct journal *j;
	int fd, saved;

	if (!path || !*path) {
		errno = EINVAL;
		return NULL;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return NULL;
	/* umask can only narrow 0600; fchmod makes the mode exact whatever the umask was. */
	if (fchmod(fd, 0600) != 0) {
		saved = errno;
		(void)close(fd);
		/* O_EXCL guarantees that the file is ours and empty: remove it so a retry can succeed. */
		(void)unlink(path);
		errno = saved;
		return NULL;
	}
	sync_parent_directory(path);
	j = xcalloc(1, sizeof *j);
	j->fd = fd;
	j->path = xstrdup(path);
	return j;
}

/* An event must be one JSON object on one line: anything else would corrupt the line structure
 * that readers and torn-line detection rely on. */
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

/* Writes all of buf, retrying after signals and short writes. Returns 0, or -1 with errno set;
 * *done says how many bytes reached the file either way. */
static int write_all(int fd, const char *buf, size_t len, size_t *done)
{
	*done = 0;
	while (*done < len) {
		ssize_t n = write(fd, buf + *done, len - *done);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		*done += (size_t)n;
	}
	return 0;
}

static int datasync(int fd)
{
	int rc;

	do
		rc = fdatasync(fd);
	while (rc != 0 && errno == EINTR);
	return rc;
}

int journal_append(struct journal *j, const char *event_json)
{
	struct strbuf line = STRBUF_INIT;
	char when[CLOCK_TEXT_SIZE];
	const char *body;
	struct stat st;
	size_t written;
	int saved;

	if (!j || !event_is_acceptable(event_json)) {
		errno = EINVAL;
		return -1;
	}
	/* Where the file ended before this event: a failed write is cut back to here. */
	if (fstat(j->fd, &st) != 0)
		return -1;

	clock_format(clock_now(), when);
	body = event_json + 1;
	while (*body == ' ' || *body == '\t')
		body++;
	if (j->torn)
		sb_append_char(&line, '\n');
	sb_appendf(&line, "{\"seq\":%lu,\"time\":\"%s\"", j->seq + 1, when);
	/* "{}" has no members to separate from ours. */
	if (*body != '}')
		sb_append_char(&line, ',');
	sb_append(&line, body);
	sb_append_char(&line, '\n');

	if (write_all(j->fd, line.data, line.len, &written) != 0) {
		saved = errno;
		if (written > 0 && ftruncate(j->fd, st.st_size) != 0)
			j->torn = true;
		sb_free(&line);
		errno = saved;
		return -1;
	}
	sb_free(&line);
	j->torn = false;
	/* The line is in the file now: its number is used even if the sync below fails, so that
	 * sequence numbers stay unique within the file. */
	j->seq++;
	return datasync(j->fd);
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
	free(j->path);
	free(j);
	errno = saved;
	return rc;
}
