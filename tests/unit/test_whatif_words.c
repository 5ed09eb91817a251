/* SPDX-License-Identifier: Apache-2.0 */
/* What would change the recommendation in words (src/session/whatif_words.c): grouping by variable and
 * endpoint, and the wording of each kind of value. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "strbuf.h"
#include "whatif.h"
#include "xalloc.h"

static struct pathway *pw;
static struct value answers[16];
static int many, low, high;

static void setup(void)
{
	pw = load_fixture(FIXTURE("mini.cfg"));
	many = pathway_find_node(pw, "many");
	low = pathway_find_node(pw, "low");
	high = pathway_find_node(pw, "high");
	answers[pathway_find_variable(pw, "score")] = value_int(6);
	answers[pathway_find_variable(pw, "flag")] = value_bool(false);
	answers[pathway_find_variable(pw, "kind")] = value_choice(0);
	answers[pathway_find_variable(pw, "last")] = value_date(date_from_ymd(2024, 2, 28));
}

static void teardown(void)
{
	pathway_free(pw);
}

static struct whatif entry(const char *var, struct value v, int end)
{
	return (struct whatif){ pathway_find_variable(pw, var), v, end };
}

/* The words of entries w[0..n), joined by " | " with each line's endpoint title after " -> ". */
static char *words(const struct whatif *w, size_t n)
{
	struct whatif_change *c;
	size_t nc = whatif_words(pw, answers, w, n, &c);
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < nc; i++)
		sb_appendf(&sb, "%s%s -> %s", i ? " | " : "", c[i].text, pw->nodes[c[i].endpoint].title);
	whatif_changes_free(c, nc);
	return sb_take(&sb);
}

static void expect_words(const struct whatif *w, size_t n, const char *want)
{
	char *got = words(w, n);

	cr_expect_str_eq(got, want);
	free(got);
}

static void set_signs(uint64_t bits)
{
	answers[pathway_find_variable(pw, "signs")] = value_set(bits);
}

TestSuite(whatif_words, .init = setup, .fini = teardown);

Test(whatif_words, numbers_read_as_a_bound_each_way_with_the_unit_and_the_endpoint_title)
{
	struct whatif w[] = { entry("score", value_int(4), many), entry("score", value_int(9), low) };

	expect_words(w, 2, "Score: 4 or less -> Many | Score: 9 or more -> Low");
}

Test(whatif_words, dates_read_as_dates_earlier_or_later)
{
	struct whatif w[] = { entry("last", value_date(date_from_ymd(2024, 1, 31)), many),
			      entry("last", value_date(date_from_ymd(2024, 3, 1)), low) };
	char *got = words(w, 2), *early = pathway_format_value(pw, w[0].var, &w[0].value);
	char *want = xasprintf("Last treated on: %s or earlier -> Many | Last treated on: ", early);

	cr_expect(strncmp(got, want, strlen(want)) == 0, "got %s", got);
	cr_expect(strstr(got, " or later -> Low") != NULL, "got %s", got);
	free(got);
	free(early);
	free(want);
}

Test(whatif_words, a_bool_reads_yes_or_no)
{
	struct whatif w[] = { entry("flag", value_bool(true), low) };

	expect_words(w, 1, "Flag: yes -> Low");
}

Test(whatif_words, choices_for_one_endpoint_are_one_line_naming_the_labels)
{
	struct whatif w[] = { entry("kind", value_choice(1), many) };

	expect_words(w, 1, "Kind: Kind B -> Many");
}

Test(whatif_words, every_option_added_to_an_empty_set_leading_one_way_is_any_one_ticked)
{
	struct whatif w[] = { entry("signs", value_set(1), low), entry("signs", value_set(2), low),
			      entry("signs", value_set(4), low) };

	set_signs(0);
	expect_words(w, 3, "Signs: any one ticked -> Low");
	set_signs(1);
	w[0] = entry("signs", value_set(3), low);
	w[1] = entry("signs", value_set(5), low);
	expect_words(w, 2, "Signs: any one more ticked -> Low");
}

Test(whatif_words, every_option_removed_leading_one_way_is_one_fewer_ticked)
{
	struct whatif w[] = { entry("signs", value_set(6), many), entry("signs", value_set(5), many),
			      entry("signs", value_set(3), many) };

	set_signs(7);
	expect_words(w, 3, "Signs: one fewer ticked -> Many");
}

Test(whatif_words, some_options_only_are_named_and_additions_and_removals_stay_apart)
{
	/* signs = {x, y}: adding z -> low; removing x -> many; removing y -> high. */
	struct whatif w[] = { entry("signs", value_set(7), low), entry("signs", value_set(2), many),
			      entry("signs", value_set(1), high), entry("score", value_int(4), many) };

	set_signs(3);
	expect_words(w, 4, "Signs: Sign Z also ticked -> Low | Signs: Sign X not ticked -> Many | "
			   "Signs: Sign Y not ticked -> High | Score: 4 or less -> Many");
	/* Two of three options added, to the same endpoint: named, not "any one". */
	w[2] = entry("score", value_int(4), many);
	set_signs(0);
	w[0] = entry("signs", value_set(1), low);
	w[1] = entry("signs", value_set(4), low);
	expect_words(w, 3, "Signs: Sign X or Sign Z also ticked -> Low | Score: 4 or less -> Many");
}

Test(whatif_words, the_json_has_text_endpoint_title_variable_and_values)
{
	struct whatif w[] = { entry("signs", value_set(1), low), entry("signs", value_set(4), low) };
	struct whatif_change *c;
	size_t nc;
	struct strbuf sb = STRBUF_INIT;

	set_signs(0);
	nc = whatif_words(pw, answers, w, 2, &c);
	whatif_changes_json(&sb, pw, c, nc);
	cr_expect_str_eq(sb_str(&sb), ",\"would_change\":[{\"text\":\"Signs: Sign X or Sign Z also ticked\","
				      "\"endpoint\":\"low\",\"title\":\"Low\",\"variable\":\"signs\","
				      "\"values\":[[\"x\"],[\"z\"]]}]");
	sb_free(&sb);
	whatif_changes_free(c, nc);
}

Test(whatif_words, no_entry_prints_that_no_single_answer_would_change_it)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	whatif_changes_print(f, pw, NULL, 0, "  ");
	fclose(f);
	cr_expect_str_eq(buf, "  What would change the recommendation:\n"
			      "    No single different answer would lead to another endpoint.\n");
	free(buf);
}
