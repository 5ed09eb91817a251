/* SPDX-License-Identifier: Apache-2.0 */
#include "colour.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool set(const char *name)
{
	const char *v = getenv(name);

	return v && *v;
}

bool colour_wanted(int fd)
{
	const char *term = getenv("TERM");

	if (set("NO_COLOR"))
		return false;
	if (set("CLICOLOR_FORCE") && strcmp(getenv("CLICOLOR_FORCE"), "0") != 0)
		return true;
	return fd >= 0 && isatty(fd) && term && *term && strcmp(term, "dumb") != 0;
}

int colour_fd(FILE *stream)
{
	if (stream == stderr)
		return STDERR_FILENO;
	if (stream == stdout)
		return STDOUT_FILENO;
	return fileno(stream);
}

void colour_put(FILE *stream, bool on, const char *seq)
{
	int fd = colour_fd(stream);
	size_t len = strlen(seq), done = 0;

	if (!on)
		return;
	if (fd < 0) {
		fputs(seq, stream);
		return;
	}
	fflush(stream);
	while (done < len) {
		ssize_t n = write(fd, seq + done, len - done);

		if (n <= 0)
			return; /* colour is decoration: a failed write is the text's to report */
		done += (size_t)n;
	}
}
