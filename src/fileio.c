/* "-" for standard input or output, and writing whole buffers. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "fileio.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

bool fileio_is_stdio(const char *path)
{
	return path && strcmp(path, "-") == 0;
}

const char *fileio_input_name(const char *path)
{
	return fileio_is_stdio(path) ? "<stdin>" : path;
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
