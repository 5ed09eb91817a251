/* The journal's actions and hash chain (DESIGN §6), written by journal.c and checked by
 * journal_read.c through journal_chain.c: the lines of an action, "prev", "action_end", a torn
 * action, and every kind of change the chain must catch. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journal.h"
#include "journal_read.h"
#include "sha256.h"
#include "strbuf.h"

static char dir[] = "/tmp/pathwalk-chain-XXXXXX";
static char path[sizeof dir + 32];
static struct journal_log log_;
static struct diag_list diags;
static struct strbuf text = STRBUF_INIT;

static void setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/j.jsonl", dir);
	setenv("PATHWALK_NOW", "2024-03-01T09:30:00Z", 1);
}

static void teardown(void)
{
	journal_log_free(&log_);
	diag_clear(&diags);
	sb_free(&text);
	unlink(path);
	rmdir(dir);
}

TestSuite(journal_chain, .init = setup, .fini = teardown);

static void stage(struct journal *j, const char *event)
{
	cr_assert_eq(journal_stage(j, event), 0, "journal_stage(%s)", event);
}

/* Writes a session of three actions: start (1 line), a screen confirmed (3 lines), the end (2). */
static void write_session(void)
{
	struct journal *j = journal_create(path);

	cr_assert_not_null(j);
	stage(j, "{\"event\":\"start\",\"mode\":\"walk\"}");
	cr_assert_eq(journal_commit(j), 0);
	stage(j, "{\"event\":\"answer\",\"var\":\"a\",\"value\":1}");
	stage(j, "{\"event\":\"answer\",\"var\":\"b\",\"value\":2}");
	stage(j, "{\"event\":\"node\",\"node\":\"next\"}");
	cr_assert_eq(journal_commit(j), 0);
	stage(j, "{\"event\":\"endpoint\",\"node\":\"next\"}");
	stage(j, "{\"event\":\"end\"}");
	cr_assert_eq(journal_commit(j), 0);
	cr_assert_eq(journal_close(j), 0);
}

static void slurp(void)
{
	FILE *f = fopen(path, "rb");
	char buf[4096];
	size_t n;

	cr_assert_not_null(f);
	sb_reset(&text);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_append_len(&text, buf, n);
	fclose(f);
}

/* The 1-based line n of text, without its newline, into out (at most size bytes). */
static void line_of(const char *s, int n, char *out, size_t size)
{
	const char *end;

	while (--n > 0)
		s = strchr(s, '\n') + 1;
	end = strchr(s, '\n');
	cr_assert((size_t)(end - s) < size);
	memcpy(out, s, (size_t)(end - s));
	out[end - s] = '\0';
}

static int read_back(const char *content)
{
	journal_log_free(&log_);
	diag_clear(&diags);
	return journal_read_text("j.jsonl", content, strlen(content), &log_, &diags);
}

Test(journal_chain, an_action_is_one_block_whose_last_line_ends_it)
{
	char line[512], hash[65];

	write_session();
	slurp();
	for (int n = 1; n <= 6; n++) {
		line_of(sb_str(&text), n, line, sizeof line);
		/* prev: 64 zeros on the first line, else the sha256 of the line before. */
		if (n == 1) {
			memset(hash, '0', 64);
			hash[64] = '\0';
		}
		cr_assert(strstr(line, hash), "line %d lacks prev %s: %s", n, hash, line);
		cr_assert_eq(strstr(line, "\"action_end\":true}") != NULL, n == 1 || n == 4 || n == 6,
			     "line %d: %s", n, line);
		sha256_hex(line, strlen(line), hash);
	}
	cr_assert_eq(read_back(sb_str(&text)), 0);
	cr_assert_eq(log_.count, 6);
	cr_assert_eq(log_.chain.integrity, JOURNAL_CHAINED);
	cr_assert_str_eq(log_.digest, hash, "the digest is the sha256 of the last line");
	cr_assert_eq(log_.notices.count, 0);
}

Test(journal_chain, staged_events_reach_the_file_only_with_the_commit)
{
	struct journal *j = journal_create(path);

	stage(j, "{\"event\":\"start\"}");
	slurp();
	cr_assert_eq(text.len, 0, "nothing is written before the commit");
	cr_assert_eq(journal_commit(j), 0);
	cr_assert_eq(journal_commit(j), 0, "a commit with nothing staged is fine");
	slurp();
	cr_assert_eq(strchr(sb_str(&text), '\n') + 1, sb_str(&text) + text.len, "one line");
	journal_close(j);
}

Test(journal_chain, a_torn_action_is_dropped_whole_and_resumed_after_the_last_whole_one)
{
	struct journal *j;
	char line[512], hash[65];
	size_t second_end;

	write_session();
	slurp();
	/* Keep the start and the screen's action, then the first line of the last action (its end
	 * line lost): a crash between the lines reaching the disk. */
	second_end = (size_t)(strstr(strstr(sb_str(&text), "\"node\":\"next\",\"action_end\":true}"), "\n") - sb_str(&text)) + 1;
	text.data[strstr(text.data + second_end, "\n") - text.data + 1] = '\0';
	cr_assert_eq(read_back(sb_str(&text)), 0);
	cr_assert_eq(log_.count, 4, "the torn action's line is dropped");
	cr_assert_eq(log_.valid_length, second_end);
	cr_assert_eq(log_.notices.count, 1);
	cr_assert_eq(log_.notices.items[0].line, 5);
	cr_assert(strstr(log_.notices.items[0].message, "the last action (line 5) is incomplete"), "%s",
		  log_.notices.items[0].message);
	/* Reopening cuts the torn action and chains on from the last whole line. */
	{
		FILE *f = fopen(path, "wb");

		fputs(sb_str(&text), f);
		fclose(f);
	}
	j = journal_open_append(path, 4, log_.valid_length, strlen(sb_str(&text)));
	cr_assert_not_null(j);
	stage(j, "{\"event\":\"resume\"}");
	cr_assert_eq(journal_commit(j), 0);
	journal_close(j);
	slurp();
	line_of(sb_str(&text), 4, line, sizeof line);
	sha256_hex(line, strlen(line), hash);
	line_of(sb_str(&text), 5, line, sizeof line);
	cr_assert(strstr(line, "\"seq\":5,") && strstr(line, hash) && strstr(line, "\"event\":\"resume\""), "%s", line);
	cr_assert_eq(read_back(sb_str(&text)), 0);
	cr_assert_eq(log_.chain.integrity, JOURNAL_CHAINED);
	cr_assert_eq(log_.count, 5);
}

/* Reads the session with line n changed by change, and expects a break at break_line. */
static void expect_break(void (*change)(struct strbuf *lines, int n), int n, int break_line, const char *words)
{
	write_session();
	slurp();
	change(&text, n);
	(void)read_back(sb_str(&text));
	cr_assert_eq(log_.chain.integrity, JOURNAL_BROKEN);
	cr_assert_eq(log_.chain.break_line, break_line, "break at %d, expected %d", log_.chain.break_line, break_line);
	cr_assert(strstr(log_.chain.break_message, words), "\"%s\" lacks \"%s\"", log_.chain.break_message, words);
}

/* Rebuilds lines with line n handled by how: 'e' edited, 'd' deleted, 'u' duplicated, 's' swapped
 * with the next. */
static void rebuild(struct strbuf *lines, int n, char how)
{
	struct strbuf out = STRBUF_INIT;
	char line[8][512];
	int count = 0;

	for (const char *s = sb_str(lines); *s && count < 8; s = strchr(s, '\n') + 1)
		line_of(s, 1, line[count++], sizeof line[0]);
	for (int i = 1; i <= count; i++) {
		const char *l = line[i - 1];

		if (i == n && how == 'd')
			continue;
		if (i == n && how == 's') {
			sb_appendf(&out, "%s\n%s\n", line[i], l);
			i++;
			continue;
		}
		if (i == n && how == 'e') {
			char *v = strstr(line[i - 1], "\"value\":1");

			cr_assert_not_null(v, "line %d has no value 1", n);
			v[8] = '7';
		}
		sb_appendf(&out, "%s\n", l);
		if (i == n && how == 'u')
			sb_appendf(&out, "%s\n", l);
	}
	sb_free(lines);
	*lines = out;
}

static void edit(struct strbuf *l, int n) { rebuild(l, n, 'e'); }
static void delete(struct strbuf *l, int n) { rebuild(l, n, 'd'); }
static void duplicate(struct strbuf *l, int n) { rebuild(l, n, 'u'); }
static void swap(struct strbuf *l, int n) { rebuild(l, n, 's'); }

Test(journal_chain, an_edited_line_breaks_the_chain_at_the_next_line)
{
	expect_break(edit, 2, 3, "not the sha256 of line 2 (line 2 was changed");
}

Test(journal_chain, a_deleted_line_breaks_the_chain_where_it_was)
{
	expect_break(delete, 3, 3, "\"seq\" is 4, not 3");
}

Test(journal_chain, a_duplicated_line_breaks_the_chain_at_the_copy)
{
	expect_break(duplicate, 2, 3, "\"seq\" is 2, not 3");
}

Test(journal_chain, lines_moved_break_the_chain)
{
	expect_break(swap, 2, 2, "\"seq\" is 3, not 2");
}

Test(journal_chain, a_deleted_first_line_breaks_the_chain_at_line_one)
{
	expect_break(delete, 1, 1, "\"prev\" of the first line is not 64 zeros");
}

Test(journal_chain, a_journal_before_the_chain_is_reported_as_such_and_each_line_is_an_action)
{
	static const char old[] = "{\"seq\":1,\"time\":\"T\",\"event\":\"start\"}\n"
				  "{\"seq\":2,\"time\":\"T\",\"event\":\"node\",\"node\":\"a\"}\n";
	char hash[65];

	cr_assert_eq(read_back(old), 0);
	cr_assert_eq(log_.chain.integrity, JOURNAL_PRECHAIN);
	cr_assert_eq(log_.count, 2, "no line is dropped for lacking action_end");
	sha256_hex(strchr(old, '\n') + 1, strlen(strchr(old, '\n') + 1) - 1, hash);
	cr_assert_str_eq(log_.digest, hash);
	journal_chain_describe(&log_.chain, "j.jsonl", &diags);
	cr_assert_eq(diags.count, 1);
	cr_assert_eq(diags.items[0].line, 1);
	cr_assert(strstr(diags.items[0].message, "written before journals carried a hash chain"));
}

Test(journal_chain, a_broken_journal_is_refused_unless_forced)
{
	struct journal_log forced;

	write_session();
	slurp();
	rebuild(&text, 3, 'd');
	{
		FILE *f = fopen(path, "wb");

		fputs(sb_str(&text), f);
		fclose(f);
	}
	cr_assert_eq(journal_read_verified(path, false, &log_, &diags), -1);
	cr_assert_eq(diags.count, 1);
	cr_assert_eq(diags.items[0].line, 3);
	cr_assert(strstr(diags.items[0].message, "(--force uses it anyway)"));
	diag_clear(&diags);
	cr_assert_eq(journal_read_verified(path, true, &forced, &diags), 0);
	cr_assert_eq(diags.count, 0);
	cr_assert_eq(forced.notices.count, 1);
	cr_assert(strstr(forced.notices.items[0].message, "integrity not verified"));
	journal_log_free(&forced);
}
