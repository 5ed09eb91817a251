/* SPDX-License-Identifier: Apache-2.0 */
/* Rendering the printable log beside the journal: read back, render, write to a temporary file in
 * the same directory, sync, link it to the first free name, sync the directory. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "logfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "journal_read.h"
#include "render.h"
#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

/* The n-th name tried for the printable log of journal_path: J.txt, then J.1.txt, J.2.txt, ... */
static char *text_path(const char *journal_path, unsigned n)
{
	size_t len = strlen(journal_path);
	int stem = (int)(len > 6 && fileio_has_suffix(journal_path, ".jsonl") ? len - 6 : len);

	if (n == 0)
		return xasprintf("%.*s.txt", stem, journal_path);
	return xasprintf("%.*s.%u.txt", stem, journal_path, n);
}

/* How many names publish_file tries before giving up (EEXIST). */
#define LOGFILE_MAX_NAMES 100

/* Writes data to a fresh temporary file beside the journal, syncs it and gives it the first free
 * name of text_path: link() never replaces an existing file (or link), unlike rename(). Returns the
 * name (caller frees), or NULL with errno set and nothing left behind. */
static char *publish_file(const char *journal_path, const char *data, size_t len)
{
	char *tmp = xasprintf("%s.txt.XXXXXX", journal_path), *path = NULL;
	int fd = mkstemp(tmp), saved;

	if (fd < 0) {
		free(tmp);
		return NULL;
	}
	if (fileio_write_all(fd, data, len, NULL) != 0 || fsync(fd) != 0) {
		saved = errno;
		(void)close(fd);
		goto fail;
	}
	if (close(fd) != 0) {
		saved = errno;
		goto fail;
	}
	saved = EEXIST;
	for (unsigned n = 0; n < LOGFILE_MAX_NAMES; n++) {
		path = text_path(journal_path, n);
		if (link(tmp, path) == 0)
			break;
		saved = errno;
		free(path);
		path = NULL;
		if (saved != EEXIST)
			break;
	}
	if (!path)
		goto fail;
	(void)unlink(tmp);
	free(tmp);
	if (fileio_sync_directory_of(path) != 0) {
		saved = errno;
		free(path);
		errno = saved;
		return NULL;
	}
	return path;
fail:
	(void)unlink(tmp);
	free(tmp);
	errno = saved;
	return NULL;
}

char *logfile_render_text_beside(const char *journal_path, const struct pathway *pw, char **error)
{
	struct diag_list diags = { 0 };
	struct journal_log log;
	struct strbuf out = STRBUF_INIT;
	struct report *r;
	char *path = NULL;

	/* The session has accepted this journal: a broken chain (a forced resume) is rendered, marked. */
	if (journal_read_verified(journal_path, true, &log, &diags) != 0) {
		*error = xasprintf("%s: cannot render the printable log: %s", journal_path,
				   diags.count ? diags.items[0].message : "unreadable");
		diag_clear(&diags);
		journal_log_free(&log);
		return NULL;
	}
	r = report_build(&log, pw, "the pathway of this session");
	report_render(r, REPORT_TEXT, &out);
	path = publish_file(journal_path, sb_str(&out), out.len);
	if (!path) {
		char *first = text_path(journal_path, 0);

		*error = xasprintf("%s: cannot write the printable log: %s", first, strerror(errno));
		free(first);
	}
	sb_free(&out);
	report_free(r);
	journal_log_free(&log);
	return path;
}
