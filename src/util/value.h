/* SPDX-License-Identifier: Apache-2.0 */
/* Typed values of pathway variables: int, bool, choice, set and calendar date. */
#ifndef PATHWALK_VALUE_H
#define PATHWALK_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum value_type {
	TYPE_NONE = 0, /* unknown: not answered, or depends on something unanswered */
	TYPE_INT,
	TYPE_BOOL,
	TYPE_CHOICE, /* index into the owning variable's options */
	TYPE_SET,    /* bit i set = option i chosen; at most VALUE_MAX_OPTIONS options */
	TYPE_DATE,   /* days since 1970-01-01 (proleptic Gregorian) */
};

#define VALUE_MAX_OPTIONS 64

struct value {
	enum value_type type;
	union {
		long i;
		bool b;
		int choice;
		uint64_t set;
		long date;
	} u;
	bool not_recorded; /* TYPE_NONE only: an optional answer deliberately left out */
};

/* Constructors; they cannot fail. Inline: the evaluator and what_if's trial walks make millions. */
static inline struct value value_int(long i)
{
	return (struct value){ .type = TYPE_INT, .u.i = i };
}

static inline struct value value_bool(bool b)
{
	return (struct value){ .type = TYPE_BOOL, .u.b = b };
}

static inline struct value value_choice(int option)
{
	return (struct value){ .type = TYPE_CHOICE, .u.choice = option };
}

static inline struct value value_set(uint64_t bits)
{
	return (struct value){ .type = TYPE_SET, .u.set = bits };
}

static inline struct value value_date(long days)
{
	return (struct value){ .type = TYPE_DATE, .u.date = days };
}

static inline struct value value_unknown(void)
{
	return (struct value){ .type = TYPE_NONE };
}

/* An optional variable's answer "not recorded": unknown to every expression, but an answer. */
static inline struct value value_not_recorded(void)
{
	return (struct value){ .type = TYPE_NONE, .not_recorded = true };
}

/* True for a known value and for "not recorded": the question was answered. */
bool value_answered(const struct value *v);

/* True when both values have the same type and content (unknowns are equal; "not recorded"
 * differs from unanswered). */
bool value_equal(const struct value *a, const struct value *b);

/* Number of options in a set value. */
int value_set_count(uint64_t bits);

/* Returns the type's name as written in pathway files ("int", "bool", ...). */
const char *value_type_name(enum value_type type);

/* Parses a type name; returns TYPE_NONE when the name is unknown. */
enum value_type value_type_parse(const char *name);

/* Days since 1970-01-01 of a valid civil date (no range check). */
long date_from_ymd(int year, int month, int day);

/* The dates pathwalk can represent: 0000-01-01 to 9999-12-31. Date arithmetic clamps to this range,
 * so every date formats as exactly "YYYY-MM-DD". */
#define DATE_MIN_DAYS (-719528L)
#define DATE_MAX_DAYS 2932896L

/* Splits days since 1970-01-01 into a civil date; days outside DATE_MIN_DAYS..DATE_MAX_DAYS are
 * clamped to that range. */
void date_to_ymd(long days, int *year, int *month, int *day);

/* Parses exactly "YYYY-MM-DD" (years 1900-9999, a real calendar day) into
 * *days. Returns 0 on success, -1 on anything else (*days untouched). */
int date_parse(const char *text, long *days);

/* Writes "YYYY-MM-DD" into out (at least DATE_TEXT_SIZE bytes). */
#define DATE_TEXT_SIZE 11
void date_format(long days, char out[DATE_TEXT_SIZE]);

#endif
