/* Rendering the printable log beside the journal: read back, render, write to a temporary file in
 * the same directory, sync, rename over the final name. */
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
#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

static char *text_path(const char *journal_path)
{
	size_t len = strlen(journal_path);

	if (len > 6 && strcmp(journal_path + len - 6, ".jsonl") == 0)
		return xasprintf("%.*s.txt", (int)(len - 6), journal_path);
	return xasprintf("%s.txt", journal_path);
}

/* Writes data to a fresh temporary file beside path and renames it to path. Returns 0 or -1. */
static int replace_file(const char *path, const char *data, size_t len)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp), saved;

	if (fd < 0) {
		free(tmp);
		return -1;
	}
	if (fileio_write_all(fd, data, len, NULL) != 0)
		goto fail;
	if (fsync(fd) != 0 || close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		fd = -1;
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		(void)close(fd);
	(void)unlink(tmp);
	free(tmp);
	errno = saved;
	return -1;
}

char *logfile_render_text_beside(const char *journal_path, const struct pathway *pw, char **error)
{
	struct diag_list diags = { 0 };
	struct journal_log log;
	struct strbuf out = STRBUF_INIT;
	struct report *r;
	char *path = NULL;

	if (journal_read_file(journal_path, &log, &diags) != 0) {
		*error = xasprintf("%s: cannot render the printable log: %s", journal_path,
				   diags.count ? diags.items[0].message : "unreadable");
		diag_clear(&diags);
		journal_log_free(&log);
		return NULL;
	}
	r = report_build(&log, pw, "the pathway of this session");
	report_render(r, REPORT_TEXT, &out);
	path = text_path(journal_path);
	if (replace_file(path, sb_str(&out), out.len) != 0) {
		*error = xasprintf("%s: cannot write the printable log: %s", path, strerror(errno));
		free(path);
		path = NULL;
	}
	sb_free(&out);
	report_free(r);
	journal_log_free(&log);
	return path;
}
