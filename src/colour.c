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

const char *colour(bool on, const char *seq)
{
	return on ? seq : "";
}
