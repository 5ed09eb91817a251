/* SPDX-License-Identifier: Apache-2.0 */
/* "-" for standard input or output, and writing whole buffers. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

bool fileio_is_stdio(const char *path)
{
	return path && strcmp(path, "-") == 0;
}

const char *fileio_input_name(const char *path)
{
	return fileio_is_stdio(path) ? "<stdin>" : path;
}

bool fileio_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

int fileio_write_all(int fd, const char *buf, size_t len, size_t *done)
{
	size_t written = 0;
	int rc = 0;

	while (written < len) {
		ssize_t n = write(fd, buf + written, len - written);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = -1;
			break;
		}
		written += (size_t)n;
	}
	if (done)
		*done = written;
	return rc;
}

int fileio_sync_directory_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc = -1, saved;

	if (fd >= 0) {
		rc = fsync(fd);
		/* Some file systems cannot sync a directory: nothing more can be done there. */
		if (rc != 0 && (errno == EINVAL || errno == EROFS || errno == ENOTSUP))
			rc = 0;
		saved = errno;
		(void)close(fd);
		errno = saved;
	}
	free(dir);
	return rc;
}
