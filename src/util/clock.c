/* SPDX-License-Identifier: Apache-2.0 */
/* The session clock. PATHWALK_NOW is parsed strictly: a typo in a test script must fail loudly
 * rather than silently fall back to the real time and make a journal non-reproducible. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* gmtime_r, localtime_r */
#endif
#include "clock.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "value.h"

#define SECONDS_PER_DAY 86400L

/* The one piece of module state: the fixed time, read once so that a session cannot see the
 * clock change under it if the environment is modified later. */
static struct {
	bool initialised;
	bool fixed;
	time_t now;
} clock_state;

/* Parses a two-digit field at text[0..1] into *out when it is at most max. */
static bool parse_two_digits(const char *text, int max, int *out)
{
	if (!isdigit((unsigned char)text[0]) || !isdigit((unsigned char)text[1]))
		return false;
	*out = (text[0] - '0') * 10 + (text[1] - '0');
	return *out <= max;
}

/* Accepts exactly "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (a real calendar day, no leap second). */
static bool parse_now(const char *text, time_t *out)
{
	size_t len = strlen(text);
	char date[DATE_TEXT_SIZE];
	long days;
	int hour = 0, minute = 0, second = 0;

	if (len != 10 && len != 20)
		return false;
	memcpy(date, text, 10);
	date[10] = '\0';
	if (date_parse(date, &days) != 0)
		return false;
	if (len == 20) {
		if (text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
			return false;
		if (!parse_two_digits(text + 11, 23, &hour) || !parse_two_digits(text + 14, 59, &minute) ||
		    !parse_two_digits(text + 17, 59, &second))
			return false;
	}
	*out = (time_t)days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
	return true;
}

int clock_init(void)
{
	const char *text = getenv("PATHWALK_NOW");
	time_t fixed;

	clock_state.initialised = true;
	clock_state.fixed = false;
	if (!text)
		return 0;
	/* An empty value is malformed too: it usually comes from an unset shell variable. */
	if (!parse_now(text, &fixed))
		return -1;
	clock_state.fixed = true;
	clock_state.now = fixed;
	return 0;
}

/* Callers that never ran clock_init still get a working clock; a malformed PATHWALK_NOW then
 * means the system clock, since only clock_init can report the error. */
static void ensure_initialised(void)
{
	if (!clock_state.initialised)
		(void)clock_init();
}

time_t clock_now(void)
{
	ensure_initialised();
	return clock_state.fixed ? clock_state.now : time(NULL);
}

long clock_today(void)
{
	time_t now;
	struct tm tm;

	ensure_initialised();
	if (clock_state.fixed) {
		long days = (long)(clock_state.now / SECONDS_PER_DAY);

		/* Floor, not truncation, for fixed times before 1970. */
		if (clock_state.now % SECONDS_PER_DAY < 0)
			days--;
		return days;
	}
	now = time(NULL);
	if (!localtime_r(&now, &tm))
		return (long)(now / SECONDS_PER_DAY);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void clock_format(time_t t, char out[CLOCK_TEXT_SIZE])
{
	struct tm tm;

	/* Only absurd times (years beyond 9999) fail here; the placeholder keeps the journal line
	 * well-formed and is visibly not a real time. */
	if (!gmtime_r(&t, &tm) || strftime(out, CLOCK_TEXT_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm) != CLOCK_TEXT_SIZE - 1)
		memcpy(out, "0000-00-00T00:00:00Z", CLOCK_TEXT_SIZE);
}
