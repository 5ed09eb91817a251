/* SPDX-License-Identifier: Apache-2.0 */
/* A fuzzing finding: a journal within the 64 MiB limit parsed into a JSON tree about 58 times its
 * size. The work per line and per journal is bounded now. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "journal_read.h"
#include "json.h"
#include "strbuf.h"

#define START "{\"seq\":1,\"time\":\"2025-02-17T09:00:00Z\",\"event\":\"start\",\"mode\":\"replay\"}\n"
#define END "{\"seq\":3,\"time\":\"2025-02-17T09:00:02Z\",\"event\":\"end\"}\n"

static struct journal_log log_;
static struct diag_list diags;

static void cleanup(void)
{
	journal_log_free(&log_);
	diag_clear(&diags);
}

TestSuite(journal_bounds, .fini = cleanup);

Test(journal_bounds, json_parse_bounded_counts_every_value)
{
	size_t budget = 5;
	struct json_error err = { 0, NULL };
	struct json *j = json_parse_bounded("{\"a\":[1,true,null]}", 19, &budget, &err);

	cr_assert_not_null(j);
	cr_assert_eq(budget, 0, "an object, an array and three values are five; %zu left", budget);
	json_free(j);
	budget = 4;
	cr_assert_null(json_parse_bounded("{\"a\":[1,true,null]}", 19, &budget, &err));
	cr_assert_str_eq(err.message, "more values than allowed");
}

Test(journal_bounds, a_line_longer_than_64_kib_is_an_error_with_its_line)
{
	struct strbuf text = STRBUF_INIT;

	sb_append(&text, START "{\"seq\":2,\"event\":\"note\",\"text\":\"");
	for (long i = 0; i < JOURNAL_LINE_MAX_BYTES; i++)
		sb_append_char(&text, 'x');
	sb_append(&text, "\"}\n" END);
	cr_assert_eq(journal_read_text("J.jsonl", text.data, text.len, &log_, &diags), -1);
	cr_assert_eq(diags.count, 1);
	cr_assert_eq(diags.items[0].line, 2);
	cr_assert(strstr(diags.items[0].message, "longer than 64 KiB"), "%s", diags.items[0].message);
	sb_free(&text);
}

Test(journal_bounds, a_journal_of_too_many_values_is_refused_before_its_end)
{
	struct strbuf text = STRBUF_INIT;
	long lines = 0;

	/* Lines of 4,000 small values each, about 2 bytes a value: the tree would be 50 times the text. */
	sb_append(&text, START);
	while (lines * 4000 < 2 * JOURNAL_MAX_VALUES) {
		sb_appendf(&text, "{\"seq\":%ld,\"event\":\"note\",\"v\":[0", lines + 2);
		for (int i = 1; i < 4000; i++)
			sb_append(&text, ",0");
		sb_append(&text, "]}\n");
		lines++;
	}
	sb_append(&text, END);
	cr_assert_eq(journal_read_text("J.jsonl", text.data, text.len, &log_, &diags), -1);
	cr_assert_eq(diags.count, 1);
	cr_assert(strstr(diags.items[0].message, "more than 524288 JSON values"), "%s", diags.items[0].message);
	cr_assert(diags.items[0].line > 100 && diags.items[0].line < lines, "stopped at line %d of %ld",
		  diags.items[0].line, lines);
	cr_assert(log_.count * 4000 <= (size_t)JOURNAL_MAX_VALUES, "%zu events kept", log_.count);
	sb_free(&text);
}
