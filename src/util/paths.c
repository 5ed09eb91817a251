/* SPDX-License-Identifier: Apache-2.0 */
/* The default location of session journals. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "paths.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "strbuf.h"
#include "xalloc.h"

/* Creates dir and its missing parents with mode 0700 (parents that exist are left alone).
 * Returns 0, or -1 with errno set. */
static int make_dirs(char *dir)
{
	struct stat st;

	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	/* EEXIST could be a file (or a dangling link): the journal could not go there. */
	if (stat(dir, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

static char *session_dir(char **error)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	if (state && state[0] == '/')
		return xasprintf("%s/pathwalk/sessions", state);
	if (home && home[0] == '/')
		return xasprintf("%s/.local/state/pathwalk/sessions", home);
	*error = xstrdup("cannot choose where to keep the session log: neither XDG_STATE_HOME nor HOME "
			 "is an absolute path (use --log FILE)");
	return NULL;
}

char *paths_default_journal(const char *case_id, time_t t, char **error)
{
	struct strbuf name = STRBUF_INIT;
	struct tm tm;
	char stamp[32];
	char *dir, *path = NULL;

	*error = NULL;
	dir = session_dir(error);
	if (!dir)
		return NULL;
	if (make_dirs(dir) != 0) {
		*error = xasprintf("%s: cannot create the session log directory: %s", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	if (!gmtime_r(&t, &tm) || strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm) == 0)
		strcpy(stamp, "00000000T000000Z");
	sb_appendf(&name, "%s/%s-", dir, stamp);
	if (!case_id || !case_id[0])
		case_id = "walk";
	for (const char *c = case_id; *c; c++) {
		unsigned char u = (unsigned char)*c;
		int safe = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
			   u == '.' || u == '_' || u == '-';

		sb_append_char(&name, safe ? *c : '_');
	}
	for (int n = 1; n < 10000; n++) {
		struct stat st;

		free(path);
		path = n == 1 ? xasprintf("%s.jsonl", sb_str(&name)) : xasprintf("%s-%d.jsonl", sb_str(&name), n);
		if (lstat(path, &st) != 0) {
			if (errno == ENOENT)
				break;
			*error = xasprintf("%s: %s", path, strerror(errno));
			free(path);
			path = NULL;
			break;
		}
		if (n == 9999) {
			*error = xasprintf("%s: too many session logs with this name", dir);
			free(path);
			path = NULL;
		}
	}
	sb_free(&name);
	free(dir);
	return path;
}
