/* SPDX-License-Identifier: Apache-2.0 */
#include <criterion/criterion.h>
#include <limits.h>

#include "value.h"

static long day(const char *text)
{
	long days = LONG_MIN;

	cr_assert_eq(date_parse(text, &days), 0, "%s should parse", text);
	return days;
}

static void assert_formats_as(long days, const char *expected)
{
	char out[DATE_TEXT_SIZE];

	date_format(days, out);
	cr_assert_str_eq(out, expected);
}

Test(value, constructors_set_type_and_content)
{
	struct value v = value_int(-7);

	cr_assert_eq(v.type, TYPE_INT);
	cr_assert_eq(v.u.i, -7);
	v = value_bool(true);
	cr_assert_eq(v.type, TYPE_BOOL);
	cr_assert_eq(v.u.b, true);
	v = value_choice(3);
	cr_assert_eq(v.type, TYPE_CHOICE);
	cr_assert_eq(v.u.choice, 3);
	v = value_set((uint64_t)1 << 63);
	cr_assert_eq(v.type, TYPE_SET);
	cr_assert_eq(v.u.set, (uint64_t)1 << 63);
	v = value_date(19000);
	cr_assert_eq(v.type, TYPE_DATE);
	cr_assert_eq(v.u.date, 19000);
	cr_assert_eq(value_unknown().type, TYPE_NONE);
}

Test(value, equal_needs_same_type_and_content)
{
	struct value a = value_int(1), b = value_int(1), c = value_int(2), d = value_date(1);
	struct value u1 = value_unknown(), u2 = value_unknown();
	struct value s1 = value_set(5), s2 = value_set(5), s3 = value_set(4);
	struct value t = value_bool(true), f = value_bool(false);
	struct value ch1 = value_choice(0), ch2 = value_choice(1);

	cr_assert(value_equal(&a, &b));
	cr_assert_not(value_equal(&a, &c));
	cr_assert_not(value_equal(&a, &d), "an int is never equal to a date");
	cr_assert(value_equal(&u1, &u2));
	cr_assert_not(value_equal(&u1, &a));
	cr_assert(value_equal(&s1, &s2));
	cr_assert_not(value_equal(&s1, &s3));
	cr_assert_not(value_equal(&t, &f));
	cr_assert_not(value_equal(&ch1, &ch2));
}

Test(value, set_count_counts_bits)
{
	cr_assert_eq(value_set_count(0), 0);
	cr_assert_eq(value_set_count(0x7), 3);
	cr_assert_eq(value_set_count(UINT64_MAX), 64);
	cr_assert_eq(value_set_count((uint64_t)1 << 63 | 1), 2);
}

Test(value, type_names_round_trip)
{
	cr_assert_str_eq(value_type_name(TYPE_INT), "int");
	cr_assert_str_eq(value_type_name(TYPE_BOOL), "bool");
	cr_assert_str_eq(value_type_name(TYPE_CHOICE), "choice");
	cr_assert_str_eq(value_type_name(TYPE_SET), "set");
	cr_assert_str_eq(value_type_name(TYPE_DATE), "date");
	cr_assert_str_eq(value_type_name(TYPE_NONE), "unknown");
	for (int t = TYPE_INT; t <= TYPE_DATE; t++)
		cr_assert_eq(value_type_parse(value_type_name((enum value_type)t)), (enum value_type)t);
}

Test(value, type_parse_rejects_unknown_names)
{
	cr_assert_eq(value_type_parse("integer"), TYPE_NONE);
	cr_assert_eq(value_type_parse("unknown"), TYPE_NONE);
	cr_assert_eq(value_type_parse(""), TYPE_NONE);
	cr_assert_eq(value_type_parse("INT"), TYPE_NONE);
	cr_assert_eq(value_type_parse(NULL), TYPE_NONE);
}

Test(date, epoch_and_known_days)
{
	cr_assert_eq(date_from_ymd(1970, 1, 1), 0);
	cr_assert_eq(date_from_ymd(1969, 12, 31), -1);
	cr_assert_eq(date_from_ymd(2000, 3, 1), 11017);
	cr_assert_eq(date_from_ymd(1900, 1, 1), -25567);
	cr_assert_eq(date_from_ymd(9999, 12, 31), DATE_MAX_DAYS);
	cr_assert_eq(date_from_ymd(0, 1, 1), DATE_MIN_DAYS);
}

Test(date, to_ymd_inverts_from_ymd_over_the_whole_range)
{
	int y, m, d;
	long prev = DATE_MIN_DAYS - 1;

	/* Walk every day from year 0 to 9999: each is the successor of the previous one. */
	for (int year = 0; year <= 9999; year++) {
		for (int month = 1; month <= 12; month++) {
			static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
			bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
			int n = month == 2 && leap ? 29 : len[month - 1];

			for (int dd = 1; dd <= n; dd++) {
				long days = date_from_ymd(year, month, dd);

				if (days != prev + 1)
					cr_assert_fail("%04d-%02d-%02d is day %ld, expected %ld", year, month, dd, days, prev + 1);
				date_to_ymd(days, &y, &m, &d);
				if (y != year || m != month || d != dd)
					cr_assert_fail("day %ld came back as %04d-%02d-%02d", days, y, m, d);
				prev = days;
			}
		}
	}
	cr_assert_eq(prev, DATE_MAX_DAYS);
}

Test(date, to_ymd_clamps_out_of_range_days)
{
	assert_formats_as(LONG_MAX, "9999-12-31");
	assert_formats_as(DATE_MAX_DAYS + 1, "9999-12-31");
	assert_formats_as(LONG_MIN, "0000-01-01");
	assert_formats_as(DATE_MIN_DAYS - 1, "0000-01-01");
}

Test(date, format_writes_iso_dates)
{
	assert_formats_as(0, "1970-01-01");
	assert_formats_as(-1, "1969-12-31");
	assert_formats_as(day("2024-02-29"), "2024-02-29");
	assert_formats_as(date_from_ymd(5, 6, 7), "0005-06-07");
}

Test(date, parse_accepts_real_days_only)
{
	cr_assert_eq(day("2025-02-17"), date_from_ymd(2025, 2, 17));
	cr_assert_eq(day("1900-01-01"), date_from_ymd(1900, 1, 1));
	cr_assert_eq(day("9999-12-31"), DATE_MAX_DAYS);
	cr_assert_eq(day("2024-04-30"), date_from_ymd(2024, 4, 30));
	cr_assert_eq(day("2023-12-31"), date_from_ymd(2023, 12, 31));
}

Test(date, parse_knows_leap_years)
{
	long days = 42;

	cr_assert_eq(day("2024-02-29"), date_from_ymd(2024, 2, 29));
	cr_assert_eq(day("2000-02-29"), date_from_ymd(2000, 2, 29));
	cr_assert_eq(date_parse("2023-02-29", &days), -1);
	cr_assert_eq(date_parse("1900-02-29", &days), -1);
	cr_assert_eq(date_parse("2100-02-29", &days), -1);
	cr_assert_eq(date_parse("2024-02-30", &days), -1);
	cr_assert_eq(days, 42, "a failed parse leaves *days untouched");
}

Test(date, parse_rejects_malformed_text)
{
	static const char *const bad[] = {
		"", "2024-1-01", "2024-01-1", "2024-01-011", "2024-01-01x", " 2024-01-01", "2024/01/01",
		"2024-13-01", "2024-00-10", "2024-01-00", "2024-04-31", "2024-06-31", "1899-12-31",
		"0000-01-01", "+024-01-01", "2024-+1-01", "20240101", "2024-01-01 ", "abcd-ef-gh", "2024-1a-01",
	};
	long days = 42;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_eq(date_parse(bad[i], &days), -1, "\"%s\" should be rejected", bad[i]);
	cr_assert_eq(date_parse(NULL, &days), -1);
	cr_assert_eq(days, 42);
}

Test(date, arithmetic_on_days_crosses_month_year_and_leap_boundaries)
{
	assert_formats_as(day("2024-02-28") + 1, "2024-02-29");
	assert_formats_as(day("2023-02-28") + 1, "2023-03-01");
	assert_formats_as(day("2024-12-31") + 1, "2025-01-01");
	cr_assert_eq(day("2025-03-02") - day("2025-01-01"), 60);
	cr_assert_eq(day("2024-03-01") - day("2023-12-31"), 61);
	cr_assert_eq(day("2001-01-01") - day("2000-01-01"), 366);
	cr_assert_eq(day("1901-01-01") - day("1900-01-01"), 365);
}
