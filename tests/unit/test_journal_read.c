/* SPDX-License-Identifier: Apache-2.0 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen */
#endif
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journal_read.h"

#define START "{\"seq\":1,\"time\":\"2025-02-17T09:00:00Z\",\"event\":\"start\",\"mode\":\"replay\"}\n"
#define NODE "{\"seq\":2,\"time\":\"2025-02-17T09:00:01Z\",\"event\":\"node\",\"node\":\"screen\"}\n"
#define END "{\"seq\":3,\"time\":\"2025-02-17T09:00:02Z\",\"event\":\"end\"}\n"

static struct journal_log log_;
static struct diag_list diags;

static void cleanup(void)
{
	journal_log_free(&log_);
	diag_clear(&diags);
}

TestSuite(journal_read, .fini = cleanup);

static int read_text(const char *text)
{
	return journal_read_text("J.jsonl", text, strlen(text), &log_, &diags);
}

static void expect_one_error(int line, const char *message)
{
	cr_assert_eq(diags.count, 1, "%zu diagnostics", diags.count);
	cr_assert_str_eq(diags.items[0].file, "J.jsonl");
	cr_assert_eq(diags.items[0].line, line, "line %d, expected %d", diags.items[0].line, line);
	cr_assert(strstr(diags.items[0].message, message), "message \"%s\" lacks \"%s\"", diags.items[0].message,
		  message);
}

Test(journal_read, reads_every_event_with_seq_time_and_name)
{
	cr_assert_eq(read_text(START NODE END), 0);
	cr_assert_eq(log_.count, 3);
	cr_assert_str_eq(log_.events[0].event, "start");
	cr_assert_eq(log_.events[0].seq, 1);
	cr_assert_str_eq(log_.events[0].time, "2025-02-17T09:00:00Z");
	cr_assert_str_eq(log_.events[1].event, "node");
	cr_assert_str_eq(json_get_string(log_.events[1].object, "node"), "screen");
	cr_assert_eq(log_.events[2].line, 3);
	cr_assert_eq(log_.notices.count, 0);
	cr_assert_eq(diags.count, 0);
}

Test(journal_read, keeps_unknown_events)
{
	cr_assert_eq(read_text(START "{\"event\":\"score\",\"points\":3}\n"), 0);
	cr_assert_eq(log_.count, 2);
	cr_assert_str_eq(log_.events[1].event, "score");
	cr_assert_eq(log_.events[1].seq, -1, "no seq member");
	cr_assert_null(log_.events[1].time);
}

Test(journal_read, ignores_a_last_line_without_newline_with_a_notice)
{
	cr_assert_eq(read_text(START NODE "{\"seq\":3,\"time\":\"2025-02-17T09:0"), 0);
	cr_assert_eq(log_.count, 2);
	cr_assert_eq(log_.notices.count, 1);
	cr_assert_eq(log_.notices.items[0].line, 3);
	cr_assert_str_eq(log_.notices.items[0].message,
			 "last line is incomplete (the session was interrupted while writing); ignored");
	cr_assert_eq(diags.count, 0);
}

Test(journal_read, ignores_a_complete_looking_last_line_that_lacks_its_newline)
{
	cr_assert_eq(read_text(START "{\"seq\":2,\"event\":\"end\"}"), 0);
	cr_assert_eq(log_.count, 1);
	cr_assert_eq(log_.notices.count, 1);
}

Test(journal_read, ignores_an_unparsable_last_line_even_with_newline)
{
	cr_assert_eq(read_text(START NODE "{\"seq\":3,\"ti\n"), 0);
	cr_assert_eq(log_.count, 2);
	cr_assert_eq(log_.notices.count, 1);
	cr_assert_eq(log_.notices.items[0].line, 3);
}

Test(journal_read, an_unparsable_line_in_the_middle_is_an_error_with_its_line)
{
	cr_assert_eq(read_text(START "{\"seq\":2,\"ti\n" END), -1);
	expect_one_error(2, "not a JSON event: unterminated string (at column 10)");
}

Test(journal_read, an_empty_line_in_the_middle_is_an_error)
{
	cr_assert_eq(read_text(START "\n" END), -1);
	expect_one_error(2, "not a JSON event");
}

Test(journal_read, an_event_must_be_an_object_with_an_event_name)
{
	cr_assert_eq(read_text(START "[1,2]\n" END), -1);
	expect_one_error(2, "must be a JSON object");
	cleanup();
	cr_assert_eq(read_text(START "{\"seq\":2}\n" END), -1);
	expect_one_error(2, "no \"event\" member");
	cleanup();
	cr_assert_eq(read_text(START "{\"event\":7}\n" END), -1);
	expect_one_error(2, "\"event\" must be a non-empty string");
	cleanup();
	cr_assert_eq(read_text(START "{\"event\":\"x\",\"seq\":\"2\"}\n" END), -1);
	expect_one_error(2, "\"seq\" must be an integer");
}

Test(journal_read, reports_every_bad_line)
{
	cr_assert_eq(read_text(START "x\n" NODE "y\n" END), -1);
	cr_assert_eq(diags.count, 2);
	cr_assert_eq(diags.items[0].line, 2);
	cr_assert_eq(diags.items[1].line, 4);
}

Test(journal_read, the_first_event_must_be_start)
{
	cr_assert_eq(read_text(NODE END), -1);
	expect_one_error(1, "the first event is \"node\", expected \"start\"");
}

Test(journal_read, an_empty_journal_is_an_error)
{
	cr_assert_eq(read_text(""), -1);
	expect_one_error(0, "no complete event");
}

Test(journal_read, a_journal_of_only_a_torn_line_is_an_error)
{
	cr_assert_eq(read_text("{\"seq\":1,\"ev"), -1);
	cr_assert_eq(log_.notices.count, 1);
	expect_one_error(1, "no complete event");
}

Test(journal_read, accepts_crlf_line_ends)
{
	cr_assert_eq(read_text("{\"event\":\"start\"}\r\n{\"event\":\"end\"}\r\n"), 0);
	cr_assert_eq(log_.count, 2);
}

Test(journal_read, a_nul_byte_is_an_error_not_a_cut)
{
	static const char text[] = "{\"event\":\"start\"}\n{\"event\":\"x\0\"}\n{\"event\":\"end\"}\n";

	cr_assert_eq(journal_read_text("J.jsonl", text, sizeof(text) - 1, &log_, &diags), -1);
	expect_one_error(2, "NUL");
}

Test(journal_read, reads_a_file_and_names_it_in_errors)
{
	char path[] = "/tmp/pathwalk-journal-read-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;

	cr_assert_geq(fd, 0);
	f = fdopen(fd, "w");
	fputs(START "garbage\n" END, f);
	fclose(f);
	cr_assert_eq(journal_read_file(path, &log_, &diags), -1);
	cr_assert_eq(diags.count, 1);
	cr_assert_str_eq(diags.items[0].file, path);
	cr_assert_eq(diags.items[0].line, 2);
	cr_assert_str_eq(log_.file, path);
	unlink(path);
}

Test(journal_read, an_unreadable_file_is_an_error_without_a_line)
{
	cr_assert_eq(journal_read_file("/nonexistent/journal.jsonl", &log_, &diags), -1);
	cr_assert_eq(diags.count, 1);
	cr_assert_str_eq(diags.items[0].file, "/nonexistent/journal.jsonl");
	cr_assert_eq(diags.items[0].line, 0);
	cr_assert_str_eq(diags.items[0].message, "cannot read the journal: No such file or directory");
}
