/* SPDX-License-Identifier: Apache-2.0 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"

static char tmp[64];
static const time_t start = 1739782800; /* 2025-02-17T09:00:00Z */

static void make_tmp(void)
{
	strcpy(tmp, "/tmp/pathwalk-paths-XXXXXX");
	cr_assert_not_null(mkdtemp(tmp));
	setenv("XDG_STATE_HOME", tmp, 1);
	setenv("HOME", "/nonexistent-home", 1);
}

static void remove_tmp(void)
{
	char *cmd;

	cr_assert_geq(asprintf(&cmd, "rm -rf '%s'", tmp), 0);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

TestSuite(paths, .init = make_tmp, .fini = remove_tmp);

static char *path_for(const char *case_id)
{
	char *error = NULL;
	char *path = paths_default_journal(case_id, start, &error);

	cr_assert_null(error, "unexpected error: %s", error);
	cr_assert_not_null(path);
	return path;
}

static void touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);

	cr_assert_geq(fd, 0);
	close(fd);
}

Test(paths, names_the_file_by_start_time_and_case_id)
{
	char *path = path_for("v5-sij-eligible");
	char *want;

	cr_assert_geq(asprintf(&want, "%s/pathwalk/sessions/20250217T090000Z-v5-sij-eligible.jsonl", tmp), 0);
	cr_assert_str_eq(path, want);
	free(want);
	free(path);
}

Test(paths, without_a_case_the_name_ends_in_walk)
{
	char *path = path_for(NULL);

	cr_assert(strstr(path, "/pathwalk/sessions/20250217T090000Z-walk.jsonl") != NULL, "%s", path);
	free(path);
}

Test(paths, creates_the_directories_private)
{
	char *path = path_for(NULL);
	char *dir;
	struct stat st;

	cr_assert_geq(asprintf(&dir, "%s/pathwalk/sessions", tmp), 0);
	cr_assert_eq(stat(dir, &st), 0);
	cr_assert(S_ISDIR(st.st_mode));
	cr_assert_eq(st.st_mode & 0777, 0700);
	free(dir);
	cr_assert_geq(asprintf(&dir, "%s/pathwalk", tmp), 0);
	cr_assert_eq(stat(dir, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0700);
	free(dir);
	free(path);
}

Test(paths, adds_a_counter_on_collision)
{
	char *first = path_for("c1");
	char *second, *third;

	touch(first);
	second = path_for("c1");
	cr_assert(strstr(second, "-c1-2.jsonl") != NULL, "%s", second);
	touch(second);
	third = path_for("c1");
	cr_assert(strstr(third, "-c1-3.jsonl") != NULL, "%s", third);
	free(first);
	free(second);
	free(third);
}

Test(paths, a_dangling_link_counts_as_taken)
{
	char *first = path_for("link");
	char *second;

	cr_assert_eq(symlink("/nonexistent/target", first), 0);
	second = path_for("link");
	cr_assert(strstr(second, "-link-2.jsonl") != NULL, "%s", second);
	free(first);
	free(second);
}

Test(paths, unsafe_characters_in_the_case_id_are_replaced)
{
	char *path = path_for("../evil id");

	cr_assert(strstr(path, "/20250217T090000Z-.._evil_id.jsonl") != NULL, "%s", path);
	free(path);
}

Test(paths, falls_back_to_home_when_xdg_state_home_is_unset_or_relative)
{
	char *path;
	char *want;

	setenv("HOME", tmp, 1);
	setenv("XDG_STATE_HOME", "relative/dir", 1);
	path = path_for("x");
	cr_assert_geq(asprintf(&want, "%s/.local/state/pathwalk/sessions/20250217T090000Z-x.jsonl", tmp), 0);
	cr_assert_str_eq(path, want);
	free(path);
	unsetenv("XDG_STATE_HOME");
	path = path_for("x");
	cr_assert_str_eq(path, want);
	free(path);
	free(want);
}

Test(paths, reports_an_error_when_the_directory_is_a_file)
{
	char *file, *error = NULL, *path;

	cr_assert_geq(asprintf(&file, "%s/pathwalk", tmp), 0);
	touch(file);
	path = paths_default_journal("x", start, &error);
	cr_assert_null(path);
	cr_assert_not_null(error);
	cr_assert(strstr(error, "cannot create the session log directory") != NULL, "%s", error);
	free(error);
	free(file);
}

Test(paths, reports_an_error_without_any_absolute_base)
{
	char *error = NULL;

	unsetenv("XDG_STATE_HOME");
	setenv("HOME", "", 1);
	cr_assert_null(paths_default_journal("x", start, &error));
	cr_assert_not_null(error);
	cr_assert(strstr(error, "--log FILE") != NULL, "%s", error);
	free(error);
}
