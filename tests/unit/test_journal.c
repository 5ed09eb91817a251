/* unshare and CLONE_NEWNS (sched.h) exist only with _GNU_SOURCE: a private tmpfs gives a real ENOSPC. */
#define _GNU_SOURCE
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, symlink, setrlimit, mkfifo */
#endif
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "journal.h"
#include "journal_read.h"
#include "xalloc.h"

static char dir[] = "/tmp/pathwalk-journal-XXXXXX";
static char path[sizeof dir + 32];

/* Each test gets a fresh directory; criterion forks per test, so cwd and env are private. */
static void make_dir(void)
{
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/session.jsonl", dir);
	setenv("PATHWALK_NOW", "2024-03-01T09:30:00Z", 1);
}

static void remove_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char entry[sizeof dir + 300];

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(entry, sizeof entry, "%s/%s", dir, e->d_name);
		unlink(entry);
	}
	closedir(d);
	rmdir(dir);
}

TestSuite(journal, .init = make_dir, .fini = remove_dir);

static size_t file_size(const char *name)
{
	struct stat st;

	cr_assert_eq(stat(name, &st), 0);
	return (size_t)st.st_size;
}

/* Returns the whole file as a string; the caller frees it. */
static char *slurp(const char *name)
{
	FILE *f = fopen(name, "rb");
	char *buf;
	long size;

	cr_assert_not_null(f, "cannot open %s", name);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)size + 1);
	cr_assert_eq(fread(buf, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	return buf;
}

/* Removes the members of the chain ("prev" after "time", "action_end" at the end of a line) in
 * place, so that a test about something else compares only the rest; the chain has tests of its own. */
static void strip_chain(char *text)
{
	static const char prev[] = ",\"prev\":\"", end[] = ",\"action_end\":true}";
	char *p;

	while ((p = strstr(text, prev)) && strlen(p) >= sizeof prev - 1 + 65 && p[sizeof prev - 1 + 64] == '"')
		memmove(p, p + sizeof prev - 1 + 65, strlen(p + sizeof prev - 1 + 65) + 1);
	while ((p = strstr(text, end)))
		memmove(p, p + sizeof end - 2, strlen(p + sizeof end - 2) + 1);
}

static void expect_file(const char *name, const char *want)
{
	char *got = slurp(name);

	strip_chain(got);
	cr_assert_str_eq(got, want);
	free(got);
}

static void write_file(const char *name, const char *text)
{
	FILE *f = fopen(name, "w");

	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

Test(journal, creates_the_file_with_mode_0600)
{
	struct journal *j = journal_create(path);
	struct stat st;

	cr_assert_not_null(j, "journal_create: %s", strerror(errno));
	cr_assert_eq(stat(path, &st), 0);
	cr_assert(S_ISREG(st.st_mode));
	cr_assert_eq(st.st_mode & 07777, 0600);
	cr_assert_eq(st.st_size, 0);
	cr_assert_eq(journal_close(j), 0);
}

/* 0277 would give 0400 through open() alone: only fchmod makes it exactly 0600. */
Test(journal, mode_is_0600_whatever_the_umask)
{
	struct journal *j;
	struct stat st;

	umask(0277);
	j = journal_create(path);
	cr_assert_not_null(j);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0600);
	journal_close(j);

	remove_dir();
	strcpy(dir, "/tmp/pathwalk-journal-XXXXXX");
	make_dir();
	umask(0);
	j = journal_create(path);
	cr_assert_not_null(j);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0600);
	journal_close(j);
}

Test(journal, refuses_an_existing_file_and_leaves_it_alone)
{
	write_file(path, "earlier session\n");
	errno = 0;
	cr_assert_null(journal_create(path));
	cr_assert_eq(errno, EEXIST);
	expect_file(path, "earlier session\n");
}

Test(journal, refuses_a_symlink_to_a_missing_target_without_creating_it)
{
	char target[sizeof path + 16];
	struct stat st;

	snprintf(target, sizeof target, "%s/target", dir);
	cr_assert_eq(symlink(target, path), 0);
	errno = 0;
	cr_assert_null(journal_create(path));
	cr_assert(errno == EEXIST || errno == ELOOP, "errno %d (%s)", errno, strerror(errno));
	cr_assert_eq(stat(target, &st), -1);
	cr_assert_eq(errno, ENOENT);
	cr_assert_eq(lstat(path, &st), 0);
	cr_assert(S_ISLNK(st.st_mode));
}

Test(journal, refuses_a_symlink_to_an_existing_file_without_following_it)
{
	char target[sizeof path + 16];
	struct stat st;

	snprintf(target, sizeof target, "%s/target", dir);
	write_file(target, "precious\n");
	cr_assert_eq(chmod(target, 0644), 0);
	cr_assert_eq(symlink(target, path), 0);
	errno = 0;
	cr_assert_null(journal_create(path));
	cr_assert(errno == EEXIST || errno == ELOOP, "errno %d (%s)", errno, strerror(errno));
	expect_file(target, "precious\n");
	cr_assert_eq(stat(target, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0644);
}

Test(journal, refuses_a_path_in_a_missing_directory)
{
	char missing[sizeof path + 16];

	snprintf(missing, sizeof missing, "%s/nope/log.jsonl", dir);
	errno = 0;
	cr_assert_null(journal_create(missing));
	cr_assert_eq(errno, ENOENT);
}

Test(journal, numbers_lines_and_stamps_them_with_the_clock)
{
	struct journal *j = journal_create(path);

	cr_assert_not_null(j);
	cr_assert_eq(journal_append(j, "{\"event\":\"start\",\"pathway\":\"mini\"}"), 0);
	cr_assert_eq(journal_append(j, "{\"event\":\"answer\",\"variable\":\"score\",\"value\":6}"), 0);
	cr_assert_eq(journal_append(j, "{\"event\":\"end\"}"), 0);
	cr_assert_eq(journal_close(j), 0);
	expect_file(path,
		    "{\"seq\":1,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"start\",\"pathway\":\"mini\"}\n"
		    "{\"seq\":2,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"answer\",\"variable\":\"score\",\"value\":6}\n"
		    "{\"seq\":3,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"end\"}\n");
}

Test(journal, takes_the_time_from_pathwalk_now)
{
	struct journal *j;

	setenv("PATHWALK_NOW", "2031-12-31", 1);
	j = journal_create(path);
	cr_assert_not_null(j);
	cr_assert_eq(journal_append(j, "{\"event\":\"start\"}"), 0);
	journal_close(j);
	expect_file(path, "{\"seq\":1,\"time\":\"2031-12-31T00:00:00Z\",\"event\":\"start\"}\n");
}

Test(journal, an_empty_object_gets_valid_json)
{
	struct journal *j = journal_create(path);

	cr_assert_not_null(j);
	cr_assert_eq(journal_append(j, "{}"), 0);
	cr_assert_eq(journal_append(j, "{ }"), 0);
	cr_assert_eq(journal_append(j, "{ \"a\":1}"), 0);
	journal_close(j);
	expect_file(path,
		    "{\"seq\":1,\"time\":\"2024-03-01T09:30:00Z\"}\n"
		    "{\"seq\":2,\"time\":\"2024-03-01T09:30:00Z\"}\n"
		    "{\"seq\":3,\"time\":\"2024-03-01T09:30:00Z\",\"a\":1}\n");
}

Test(journal, rejects_events_that_are_not_one_line_objects)
{
	static const char *bad[] = {
		"", "[1]", "\"text\"", " {\"a\":1}", "{\"a\":1", "{\"a\":\n1}", "{\"a\":1}\n", "{\"a\":\r1}",
	};
	struct journal *j = journal_create(path);

	cr_assert_not_null(j);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		errno = 0;
		cr_assert_eq(journal_append(j, bad[i]), -1, "accepted \"%s\"", bad[i]);
		cr_assert_eq(errno, EINVAL);
	}
	errno = 0;
	cr_assert_eq(journal_append(j, NULL), -1);
	cr_assert_eq(errno, EINVAL);
	/* Rejected events use no sequence number. */
	cr_assert_eq(journal_append(j, "{\"event\":\"end\"}"), 0);
	journal_close(j);
	expect_file(path, "{\"seq\":1,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"end\"}\n");
}

/* RLIMIT_FSIZE makes the kernel stop a write part way (a short write, then EFBIG), the same path
 * that ENOSPC takes; the partial line must be cut off so that the next event starts cleanly. */
Test(journal, reports_a_failed_write_and_cuts_off_the_partial_line)
{
	struct journal *j = journal_create(path);
	struct rlimit limit;
	char big[400], *want = NULL;

	cr_assert_not_null(j);
	cr_assert_eq(journal_append(j, "{\"event\":\"start\"}"), 0);

	signal(SIGXFSZ, SIG_IGN);
	cr_assert_eq(getrlimit(RLIMIT_FSIZE, &limit), 0);
	limit.rlim_cur = 100;
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &limit), 0);
	memset(big, 'x', sizeof big);
	memcpy(big, "{\"note\":\"", 9);
	memcpy(big + sizeof big - 3, "\"}", 3);
	errno = 0;
	cr_assert_eq(journal_append(j, big), -1);
	cr_assert_eq(errno, EFBIG, "errno %d (%s)", errno, strerror(errno));
	expect_file(path, "{\"seq\":1,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"start\"}\n");
	cr_assert_eq(journal_pending(j), 1);

	/* The failed event is written first, with its own number, when the disk accepts it again. */
	limit.rlim_cur = limit.rlim_max;
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &limit), 0);
	cr_assert_eq(journal_append(j, "{\"event\":\"end\"}"), 0);
	cr_assert_eq(journal_pending(j), 0);
	journal_close(j);
	want = xasprintf("{\"seq\":1,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"start\"}\n"
			 "{\"seq\":2,\"time\":\"2024-03-01T09:30:00Z\",%s\n"
			 "{\"seq\":3,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"end\"}\n",
			 big + 1);
	expect_file(path, want);
	free(want);
}

Test(journal, keeps_its_own_copy_of_the_path)
{
	char copy[sizeof path];
	struct journal *j;

	strcpy(copy, path);
	j = journal_create(copy);
	cr_assert_not_null(j);
	memset(copy, 0, sizeof copy);
	cr_assert_str_eq(journal_path(j), path);
	journal_close(j);
}

Test(journal, close_accepts_null)
{
	cr_assert_eq(journal_close(NULL), 0);
}

Test(journal, refuses_an_empty_path)
{
	errno = 0;
	cr_assert_null(journal_create(""));
	cr_assert_eq(errno, EINVAL);
}

/* --- continuing a journal ------------------------------------------------------------------- */

#define LINE1 "{\"seq\":1,\"time\":\"2024-03-01T09:00:00Z\",\"event\":\"start\"}\n"
#define LINE2 "{\"seq\":2,\"time\":\"2024-03-01T09:01:00Z\",\"event\":\"node\"}\n"

Test(journal, continues_numbering_after_reopen)
{
	struct journal *j;

	write_file(path, LINE1 LINE2);
	j = journal_open_append(path, 2, strlen(LINE1 LINE2), file_size(path));
	cr_assert_not_null(j, "journal_open_append: %s", strerror(errno));
	cr_assert_eq(journal_append(j, "{\"event\":\"resume\"}"), 0);
	cr_assert_eq(journal_close(j), 0);
	expect_file(path, LINE1 LINE2 "{\"seq\":3,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"resume\"}\n");
}

Test(journal, reopen_cuts_a_torn_last_line)
{
	struct journal *j;

	write_file(path, LINE1 LINE2 "{\"seq\":3,\"time\":\"2024-03-01T09:0");
	j = journal_open_append(path, 2, strlen(LINE1 LINE2), file_size(path));
	cr_assert_not_null(j, "journal_open_append: %s", strerror(errno));
	expect_file(path, LINE1 LINE2);
	cr_assert_eq(journal_append(j, "{\"event\":\"resume\"}"), 0);
	journal_close(j);
	expect_file(path, LINE1 LINE2 "{\"seq\":3,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"resume\"}\n");
}

/* The length comes from journal_read: with the torn line cut, what reading found is what remains. */
Test(journal, reopen_takes_the_valid_length_that_journal_read_reports)
{
	struct diag_list diags = { 0 };
	struct journal_log log;
	struct journal *j;

	write_file(path, LINE1 LINE2 "{\"seq\":3,\"ti\n");
	cr_assert_eq(journal_read_file(path, &log, &diags), 0);
	cr_assert_eq(log.valid_length, strlen(LINE1 LINE2));
	cr_assert_eq(log.notices.count, 1);
	j = journal_open_append(path, (unsigned long)log.events[log.count - 1].seq, log.valid_length, log.length);
	cr_assert_not_null(j);
	journal_close(j);
	journal_log_free(&log);
	expect_file(path, LINE1 LINE2);
}

Test(journal, reopen_refuses_a_length_that_is_not_a_line_end_or_past_the_end)
{
	write_file(path, LINE1 LINE2);
	errno = 0;
	cr_assert_null(journal_open_append(path, 1, strlen(LINE1) - 1, file_size(path)));
	cr_assert_eq(errno, EINVAL);
	errno = 0;
	cr_assert_null(journal_open_append(path, 2, strlen(LINE1 LINE2) + 1, file_size(path)));
	cr_assert_eq(errno, EINVAL);
	expect_file(path, LINE1 LINE2);
}

/* Read while another session was still writing, and that session wrote more and closed before the
 * lock was taken: the events it added are kept and the reader is told to read again. */
Test(journal, reopen_refuses_a_file_that_grew_since_it_was_read)
{
	write_file(path, LINE1 LINE2);
	errno = 0;
	cr_assert_null(journal_open_append(path, 1, strlen(LINE1), strlen(LINE1)));
	cr_assert_eq(errno, ESTALE, "errno %d (%s)", errno, strerror(errno));
	expect_file(path, LINE1 LINE2);
	write_file(path, LINE1 LINE2 "{\"seq\":3,\"ti");
	errno = 0;
	cr_assert_null(journal_open_append(path, 2, strlen(LINE1 LINE2), strlen(LINE1 LINE2 "{\"seq\"")),
		       "the torn line grew too: another writer was at work");
	cr_assert_eq(errno, ESTALE);
	expect_file(path, LINE1 LINE2 "{\"seq\":3,\"ti");
}

Test(journal, reopen_refuses_a_symlink)
{
	char target[sizeof path + 16];

	snprintf(target, sizeof target, "%s/target", dir);
	write_file(target, LINE1);
	cr_assert_eq(symlink(target, path), 0);
	errno = 0;
	cr_assert_null(journal_open_append(path, 1, strlen(LINE1), strlen(LINE1)));
	cr_assert_eq(errno, ELOOP, "errno %d (%s)", errno, strerror(errno));
	expect_file(target, LINE1);
}

Test(journal, reopen_refuses_a_fifo_without_blocking)
{
	cr_assert_eq(mkfifo(path, 0600), 0);
	errno = 0;
	cr_assert_null(journal_open_append(path, 0, 0, 0));
	cr_assert_eq(errno, EINVAL, "errno %d (%s)", errno, strerror(errno));
}

Test(journal, reopen_refuses_a_journal_still_open_elsewhere)
{
	struct journal *writer = journal_create(path), *second;

	cr_assert_not_null(writer);
	cr_assert_eq(journal_append(writer, "{\"event\":\"start\"}"), 0);
	errno = 0;
	cr_assert_null(journal_open_append(path, 1, file_size(path), file_size(path)), "the writer holds the lock");
	cr_assert_eq(errno, EBUSY, "errno %d (%s)", errno, strerror(errno));
	cr_assert_eq(journal_append(writer, "{\"event\":\"end\"}"), 0, "the writer goes on undisturbed");
	cr_assert_eq(journal_close(writer), 0);
	second = journal_open_append(path, 2, file_size(path), file_size(path));
	cr_assert_not_null(second, "closed, it can be resumed: %s", strerror(errno));
	errno = 0;
	cr_assert_null(journal_open_append(path, 2, file_size(path), file_size(path)), "and the resumer holds it in turn");
	cr_assert_eq(errno, EBUSY);
	cr_assert_eq(journal_close(second), 0);
}

Test(journal, reopen_refuses_a_missing_file)
{
	errno = 0;
	cr_assert_null(journal_open_append(path, 0, 0, 0));
	cr_assert_eq(errno, ENOENT);
}

/* --- relocation ----------------------------------------------------------------------------- */

Test(journal, relocate_copies_a_reopened_journal_and_continues_there)
{
	char moved[sizeof path + 16];
	struct journal *j;
	struct stat st;

	snprintf(moved, sizeof moved, "%s/moved.jsonl", dir);
	write_file(path, LINE1 LINE2);
	j = journal_open_append(path, 2, strlen(LINE1 LINE2), file_size(path));
	cr_assert_not_null(j);
	cr_assert_eq(journal_relocate(j, moved), 0, "journal_relocate: %s", strerror(errno));
	cr_assert_str_eq(journal_path(j), moved);
	cr_assert_eq(journal_append(j, "{\"event\":\"end\"}"), 0);
	journal_close(j);
	expect_file(moved, LINE1 LINE2 "{\"seq\":3,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"end\"}\n");
	expect_file(path, LINE1 LINE2);
	cr_assert_eq(stat(moved, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0600);
}

Test(journal, a_failed_relocation_keeps_writing_to_the_old_file)
{
	char taken[sizeof path + 16];
	struct journal *j = journal_create(path);

	snprintf(taken, sizeof taken, "%s/taken.jsonl", dir);
	write_file(taken, "someone else's\n");
	cr_assert_not_null(j);
	cr_assert_eq(journal_append(j, "{\"event\":\"start\"}"), 0);
	errno = 0;
	cr_assert_eq(journal_relocate(j, taken), -1);
	cr_assert_eq(errno, EEXIST);
	cr_assert_str_eq(journal_path(j), path);
	cr_assert_eq(journal_append(j, "{\"event\":\"end\"}"), 0);
	journal_close(j);
	expect_file(taken, "someone else's\n");
	expect_file(path,
		    "{\"seq\":1,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"start\"}\n"
		    "{\"seq\":2,\"time\":\"2024-03-01T09:30:00Z\",\"event\":\"end\"}\n");
}

/* Mounts a 16 KiB tmpfs on mountpoint in a mount namespace of this test process only (criterion
 * runs each test in its own process); skips the test when the container does not allow it. */
static void mount_small_tmpfs(const char *mountpoint)
{
	cr_assert_eq(mkdir(mountpoint, 0700), 0);
	if (unshare(CLONE_NEWNS) != 0)
		cr_skip_test("no tmpfs: unshare(CLONE_NEWNS) failed: %s", strerror(errno));
	/* Private, so that the mount cannot propagate back to the namespace we came from. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		cr_skip_test("no tmpfs: cannot make / private: %s", strerror(errno));
	if (mount("tmpfs", mountpoint, "tmpfs", 0, "size=16k") != 0)
		cr_skip_test("no tmpfs: mount failed: %s", strerror(errno));
}

/* Checks that file holds events numbered 1..count, in order, each once, seq equal to "n". */
static void expect_consecutive(const char *file, long count)
{
	struct diag_list diags = { 0 };
	struct journal_log log;
	long n;

	cr_assert_eq(journal_read_file(file, &log, &diags), 0);
	cr_assert_eq(log.notices.count, 0);
	cr_assert_eq((long)log.count, count);
	for (size_t i = 0; i < log.count; i++) {
		cr_assert_eq(log.events[i].seq, (long)i + 1);
		cr_assert(json_get_long(log.events[i].object, "n", &n));
		cr_assert_eq(n, (long)i + 1, "line %zu holds event %ld", i + 1, n);
	}
	journal_log_free(&log);
}

static int append_numbered(struct journal *j, long n)
{
	char event[256];

	snprintf(event, sizeof event, "{\"event\":\"%s\",\"n\":%ld,\"pad\":\"%0100d\"}",
		 n == 1 ? "start" : "note", n, 0);
	return journal_append(j, event);
}

Test(journal, a_full_disk_keeps_events_pending_and_relocation_saves_them_all)
{
	char full[sizeof dir + 16], small[sizeof dir + 32], moved[sizeof dir + 32];
	struct journal *j;
	long n = 0, failed_at;

	snprintf(full, sizeof full, "%s/full", dir);
	snprintf(small, sizeof small, "%s/session.jsonl", full);
	snprintf(moved, sizeof moved, "%s/moved.jsonl", dir);
	mount_small_tmpfs(full);
	j = journal_create(small);
	cr_assert_not_null(j, "journal_create: %s", strerror(errno));
	do {
		errno = 0;
		n++;
	} while (append_numbered(j, n) == 0 && n < 10000);
	cr_assert_eq(errno, ENOSPC, "errno %d (%s) after %ld events", errno, strerror(errno), n);
	failed_at = n;
	cr_assert_eq(journal_pending(j), 1);
	/* The file holds exactly the events written, without a fragment of the failed one. */
	expect_consecutive(small, failed_at - 1);

	/* Still full: the retry fails too, and both events wait in order. */
	errno = 0;
	cr_assert_eq(append_numbered(j, ++n), -1);
	cr_assert_eq(errno, ENOSPC);
	cr_assert_eq(journal_pending(j), 2);

	cr_assert_eq(journal_relocate(j, moved), 0, "journal_relocate: %s", strerror(errno));
	cr_assert_eq(journal_pending(j), 0);
	cr_assert_eq(append_numbered(j, ++n), 0);
	cr_assert_eq(append_numbered(j, ++n), 0);
	cr_assert_eq(journal_close(j), 0);
	expect_consecutive(moved, n);
	expect_consecutive(small, failed_at - 1);
	cr_assert_eq(unlink(small), 0);
	cr_assert_eq(umount2(full, 0), 0);
	cr_assert_eq(rmdir(full), 0);
}
