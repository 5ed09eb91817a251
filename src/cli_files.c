/* Collecting input files for commands that take files or directories (test, diff). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "xalloc.h"

bool cli_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool wanted(const char *path, const char *const *suffixes)
{
	for (; *suffixes; suffixes++)
		if (cli_has_suffix(path, *suffixes))
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
	return collect(list, path, suffixes, 0);
}

void cli_files_free(struct cli_files *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->paths[i]);
	free(list->paths);
	memset(list, 0, sizeof(*list));
}
