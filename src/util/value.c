/* SPDX-License-Identifier: Apache-2.0 */
/* Typed values and calendar dates. Dates use Howard Hinnant's days_from_civil / civil_from_days
 * algorithms: exact for the proleptic Gregorian calendar with no tables and no time zones, so a
 * date never depends on the machine it is computed on. */
#include "value.h"

#include <stdio.h>
#include <string.h>

bool value_answered(const struct value *v)
{
	return v->type != TYPE_NONE || v->not_recorded;
}

bool value_equal(const struct value *a, const struct value *b)
{
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case TYPE_NONE:
		return a->not_recorded == b->not_recorded;
	case TYPE_INT:
		return a->u.i == b->u.i;
	case TYPE_BOOL:
		return a->u.b == b->u.b;
	case TYPE_CHOICE:
		return a->u.choice == b->u.choice;
	case TYPE_SET:
		return a->u.set == b->u.set;
	case TYPE_DATE:
		return a->u.date == b->u.date;
	}
	return false;
}

int value_set_count(uint64_t bits)
{
	int n = 0;

	for (; bits; bits &= bits - 1)
		n++;
	return n;
}

static const char *const type_names[] = {
	[TYPE_NONE] = "unknown",
	[TYPE_INT] = "int",
	[TYPE_BOOL] = "bool",
	[TYPE_CHOICE] = "choice",
	[TYPE_SET] = "set",
	[TYPE_DATE] = "date",
};

const char *value_type_name(enum value_type type)
{
	if ((unsigned)type >= sizeof(type_names) / sizeof(type_names[0]))
		return "unknown";
	return type_names[type];
}

enum value_type value_type_parse(const char *name)
{
	/* Starts at TYPE_INT: "unknown" is not a type an author can declare. */
	for (int t = TYPE_INT; t <= TYPE_DATE; t++)
		if (name && strcmp(name, type_names[t]) == 0)
			return (enum value_type)t;
	return TYPE_NONE;
}

long date_from_ymd(int year, int month, int day)
{
	long y = (long)year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void date_to_ymd(long days, int *year, int *month, int *day)
{
	long z, era, doe, yoe, doy, mp;

	/* Clamping keeps the arithmetic below in range for any input and the year at four digits. */
	if (days < DATE_MIN_DAYS)
		days = DATE_MIN_DAYS;
	if (days > DATE_MAX_DAYS)
		days = DATE_MAX_DAYS;
	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(yoe + era * 400 + (*month <= 2));
}

static bool is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

/* Reads exactly n ASCII digits; -1 when any of them is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse(const char *text, long *days)
{
	int year, month, day;

	if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return -1;
	year = digits(text, 4);
	month = digits(text + 5, 2);
	day = digits(text + 8, 2);
	if (year < 1900 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
		return -1;
	*days = date_from_ymd(year, month, day);
	return 0;
}

void date_format(long days, char out[DATE_TEXT_SIZE])
{
	int year, month, day;

	date_to_ymd(days, &year, &month, &day);
	/* date_to_ymd clamps to 0000-01-01..9999-12-31: the remainders never change a value, they show
	 * the compiler the bounds, so it sees the ten characters fit (-Wformat-truncation at -O3). */
	snprintf(out, DATE_TEXT_SIZE, "%04u-%02u-%02u", (unsigned)year % 10000u, (unsigned)month % 100u,
		 (unsigned)day % 100u);
}
