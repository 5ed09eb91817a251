/* SPDX-License-Identifier: Apache-2.0 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* setenv, tzset */
#endif
#include <criterion/criterion.h>
#include <stdlib.h>
#include <time.h>

#include "clock.h"

/* POSIX TZ strings need no tzdata: "<+14>-14" is UTC+14, "<-12>12" is UTC-12. */
static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static void expect_rejected(const char *text)
{
	setenv("PATHWALK_NOW", text, 1);
	cr_assert_eq(clock_init(), -1, "accepted \"%s\"", text);
}

Test(clock, uses_the_system_clock_without_pathwalk_now)
{
	time_t before, now, after;

	unsetenv("PATHWALK_NOW");
	cr_assert_eq(clock_init(), 0);
	before = time(NULL);
	now = clock_now();
	after = time(NULL);
	cr_assert(now >= before && now <= after);
}

Test(clock, fixes_the_time_from_a_full_timestamp)
{
	setenv("PATHWALK_NOW", "2024-03-01T09:30:00Z", 1);
	cr_assert_eq(clock_init(), 0);
	cr_assert_eq(clock_now(), (time_t)1709285400);
	cr_assert_eq(clock_now(), (time_t)1709285400);
}

Test(clock, takes_a_bare_date_as_midnight_utc)
{
	setenv("PATHWALK_NOW", "2024-02-29", 1);
	cr_assert_eq(clock_init(), 0);
	cr_assert_eq(clock_now(), (time_t)1709164800);
}

Test(clock, reads_pathwalk_now_only_once)
{
	setenv("PATHWALK_NOW", "2024-03-01T09:30:00Z", 1);
	cr_assert_eq(clock_init(), 0);
	setenv("PATHWALK_NOW", "2030-01-01", 1);
	cr_assert_eq(clock_now(), (time_t)1709285400);
}

Test(clock, initialises_itself_when_clock_init_was_not_called)
{
	setenv("PATHWALK_NOW", "2024-03-01T09:30:00Z", 1);
	cr_assert_eq(clock_now(), (time_t)1709285400);
}

Test(clock, accepts_the_last_second_of_a_day)
{
	setenv("PATHWALK_NOW", "2023-12-31T23:59:59Z", 1);
	cr_assert_eq(clock_init(), 0);
	cr_assert_eq(clock_now(), (time_t)1704067199);
}

Test(clock, rejects_impossible_calendar_dates)
{
	expect_rejected("2025-02-30");
	expect_rejected("2023-02-29");
	expect_rejected("2024-13-01");
	expect_rejected("2024-00-10");
	expect_rejected("2024-04-31T10:00:00Z");
}

Test(clock, rejects_out_of_range_times)
{
	expect_rejected("2024-03-01T24:00:00Z");
	expect_rejected("2024-03-01T09:60:00Z");
	expect_rejected("2024-03-01T09:30:60Z");
}

Test(clock, rejects_anything_but_the_two_exact_forms)
{
	expect_rejected("");
	expect_rejected("2024-3-1");
	expect_rejected("2024-03-01T09:30:00");
	expect_rejected("2024-03-01 09:30:00Z");
	expect_rejected("2024-03-01T09:30:00+00:00");
	expect_rejected("2024-03-01T09:30Z");
	expect_rejected("2024-03-01T9:30:00Z ");
	expect_rejected(" 2024-03-01");
	expect_rejected("2024-03-01T+9:30:00Z");
	expect_rejected("now");
}

Test(clock, today_is_the_utc_date_of_pathwalk_now_in_any_time_zone)
{
	set_tz("<+14>-14");
	setenv("PATHWALK_NOW", "2024-03-01T23:30:00Z", 1);
	cr_assert_eq(clock_init(), 0);
	cr_assert_eq(clock_today(), 19783L); /* 2024-03-01 */
}

Test(clock, today_of_a_bare_date_is_that_date)
{
	set_tz("<-12>12");
	setenv("PATHWALK_NOW", "2024-02-29", 1);
	cr_assert_eq(clock_init(), 0);
	cr_assert_eq(clock_today(), 19782L);
}

Test(clock, today_before_1970_rounds_down)
{
	setenv("PATHWALK_NOW", "1969-12-31T23:59:59Z", 1);
	cr_assert_eq(clock_init(), 0);
	cr_assert_eq(clock_now(), (time_t)-1);
	cr_assert_eq(clock_today(), -1L);
}

/* UTC+14 is ahead of UTC for 14 hours of every day; the local date is one more than the UTC date
 * then, so this checks that the local date is used and not the UTC one. */
Test(clock, today_without_pathwalk_now_is_the_local_date)
{
	time_t before, after;
	long today;

	unsetenv("PATHWALK_NOW");
	set_tz("<+14>-14");
	cr_assert_eq(clock_init(), 0);
	before = time(NULL);
	today = clock_today();
	after = time(NULL);
	cr_assert(today == (before + 14 * 3600) / 86400 || today == (after + 14 * 3600) / 86400,
		  "today %ld, UTC day %ld", today, (long)(before / 86400));
}

Test(clock, formats_utc_with_z_regardless_of_time_zone)
{
	char text[CLOCK_TEXT_SIZE];

	set_tz("<+14>-14");
	clock_format(1709285400, text);
	cr_assert_str_eq(text, "2024-03-01T09:30:00Z");
	clock_format(0, text);
	cr_assert_str_eq(text, "1970-01-01T00:00:00Z");
	clock_format(1704067199, text);
	cr_assert_str_eq(text, "2023-12-31T23:59:59Z");
}

Test(clock, format_round_trips_pathwalk_now)
{
	char text[CLOCK_TEXT_SIZE];

	setenv("PATHWALK_NOW", "2028-02-29T12:34:56Z", 1);
	cr_assert_eq(clock_init(), 0);
	clock_format(clock_now(), text);
	cr_assert_str_eq(text, "2028-02-29T12:34:56Z");
}
