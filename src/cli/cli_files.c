/* SPDX-License-Identifier: Apache-2.0 */
/* Files for the commands: collecting the inputs of commands that take files or directories (test,
 * diff, report), checking free text given as an option, writing an output file (log, report). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fileio.h"
#include "safeout.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

static int compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool wanted(const char *path, const char *const *suffixes)
{
	for (; *suffixes; suffixes++)
		if (fileio_has_suffix(path, *suffixes))
			return true;
	return false;
}

static void add(struct cli_files *list, char *path)
{
	list->paths = xgrow(list->paths, &list->cap, list->count + 1, sizeof(*list->paths));
	list->paths[list->count++] = path;
}

static bool collect(struct cli_files *list, const char *path, const char *const *suffixes, int depth)
{
	struct cli_files here = { 0 };
	struct stat st;
	struct dirent *e;
	bool ok = true;
	DIR *dir;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "pathwalk: %s: %s\n", path, strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		add(list, xstrdup(path));
		return true;
	}
	if (depth > 16 || !(dir = opendir(path))) {
		fprintf(stderr, "pathwalk: %s: %s\n", path, depth > 16 ? "directories nested too deeply" : strerror(errno));
		return false;
	}
	while ((e = readdir(dir))) {
		char *child;

		if (e->d_name[0] == '.')
			continue;
		child = xasprintf("%s/%s", path, e->d_name);
		if (stat(child, &st) == 0 && (S_ISDIR(st.st_mode) || wanted(child, suffixes)))
			add(&here, child);
		else
			free(child);
	}
	closedir(dir);
	qsort(here.paths, here.count, sizeof(*here.paths), compare_paths);
	for (size_t i = 0; i < here.count; i++) {
		ok = collect(list, here.paths[i], suffixes, depth + 1) && ok;
		free(here.paths[i]);
	}
	free(here.paths);
	return ok;
}

bool cli_collect_files(struct cli_files *list, const char *path, const char *const *suffixes)
{
	if (fileio_is_stdio(path)) {
		add(list, xstrdup(path));
		return true;
	}
	return collect(list, path, suffixes, 0);
}

void cli_files_free(struct cli_files *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->paths[i]);
	free(list->paths);
	memset(list, 0, sizeof(*list));
}

/* Writes all of data to a new file at path (0600: the log holds patient details), never
 * overwriting or following a link. Returns 0, or -1 with errno set and no file left behind. */
static int write_new_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	int saved;

	if (fd < 0)
		return -1;
	if (fileio_write_all(fd, data, len, NULL) != 0)
		goto fail;
	if (fsync(fd) != 0 && errno != EINVAL)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		(void)close(fd);
	(void)unlink(path);
	errno = saved;
	return -1;
}

/* An existing path that names a stream rather than a file: a terminal, a pipe, /dev/null, or the
 * standard output itself (/dev/stdout). Opens it without creating or truncating anything and
 * returns the descriptor, STDOUT_FILENO for standard output itself, or -1 (errno EEXIST) for a
 * regular file, which is never overwritten. */
static int open_existing_stream(const char *path)
{
	struct stat st, out;
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0) {
		(void)close(fd);
		return -1;
	}
	if (fstat(STDOUT_FILENO, &out) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino) {
		(void)close(fd);
		return STDOUT_FILENO;
	}
	if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
		(void)close(fd);
		errno = EEXIST;
		return -1;
	}
	return fd;
}

/* Writes to standard output; prints any problem. */
static int write_stdout(const char *data, size_t len, const char *what)
{
	if (fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0)
		return EXIT_OK;
	fprintf(stderr, "pathwalk: cannot write %s to standard output: %s\n", what, strerror(errno));
	return EXIT_OUTPUT;
}

int cli_write_output(const char *output, const char *data, size_t len, const char *what)
{
	int fd;

	if (!output || fileio_is_stdio(output))
		return write_stdout(data, len, what);
	if (write_new_file(output, data, len) == 0)
		return EXIT_OK;
	if (errno == EEXIST && (fd = open_existing_stream(output)) >= 0) {
		int rc;

		if (fd == STDOUT_FILENO)
			return write_stdout(data, len, what);
		if (isatty(fd)) { /* a terminal gets only what the output filter lets through */
			struct strbuf safe = STRBUF_INIT;

			safeout_filter(&safe, data, len, true);
			rc = fileio_write_all(fd, sb_str(&safe), safe.len, NULL);
			sb_free(&safe);
		} else {
			rc = fileio_write_all(fd, data, len, NULL);
		}
		if (close(fd) != 0)
			rc = -1;
		if (rc == 0)
			return EXIT_OK;
	}
	fprintf(stderr, "pathwalk: %s: cannot write %s: %s%s\n", output, what, strerror(errno),
		errno == EEXIST || errno == ELOOP ? " (an existing file or link is never overwritten)" : "");
	return EXIT_OUTPUT;
}

bool cli_check_text(const char *command, const char *option, const char *text, size_t max_chars)
{
	size_t len = text ? strlen(text) : 0;

	for (size_t i = 0; i < len;) {
		unsigned long cp;
		bool valid;

		i += utf8_decode(text + i, len - i, &cp, &valid);
		if (!valid) {
			cli_usage_error(command, "%s: not valid UTF-8", option);
			return false;
		}
		if (utf8_is_unsafe(cp)) {
			cli_usage_error(command, "%s: control and text-direction characters are not accepted (U+%04lX)",
					option, cp);
			return false;
		}
	}
	if (text && utf8_count(text) > max_chars) {
		cli_usage_error(command, "%s: at most %zu characters", option, max_chars);
		return false;
	}
	return true;
}
