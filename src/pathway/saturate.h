/* SPDX-License-Identifier: Apache-2.0 */
/* Saturating integer arithmetic for the condition language, shared by evaluation (expr_eval.c)
 * and range analysis (expr_range.c): a defined result for hostile input, and one that keeps
 * comparisons such as "x + huge > y" pointing the right way. Pathway integers fit in 32 bits,
 * so these only saturate on absurd values. */
#ifndef PATHWALK_SATURATE_H
#define PATHWALK_SATURATE_H

#include <limits.h>

/* a + b, clamped to [LONG_MIN, LONG_MAX]. */
static inline long sat_add(long a, long b)
{
	if (b > 0 && a > LONG_MAX - b)
		return LONG_MAX;
	if (b < 0 && a < LONG_MIN - b)
		return LONG_MIN;
	return a + b;
}

/* a - b, clamped. */
static inline long sat_sub(long a, long b)
{
	if (b < 0 && a > LONG_MAX + b)
		return LONG_MAX;
	if (b > 0 && a < LONG_MIN + b)
		return LONG_MIN;
	return a - b;
}

/* a * b, clamped. */
static inline long sat_mul(long a, long b)
{
	long r;

	if (__builtin_mul_overflow(a, b, &r))
		return (a < 0) == (b < 0) ? LONG_MAX : LONG_MIN;
	return r;
}

/* a / b rounding toward zero (C's rule), LONG_MIN / -1 clamped; b must not be 0. */
static inline long sat_div(long a, long b)
{
	return a == LONG_MIN && b == -1 ? LONG_MAX : a / b;
}

#endif
