/* Writing whole buffers. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "fileio.h"

#include <errno.h>
#include <unistd.h>

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
