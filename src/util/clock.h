/* SPDX-License-Identifier: Apache-2.0 */
/* The session clock. PATHWALK_NOW fixes it for tests: "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DD"
 * (midnight UTC). Without it the system clock is used. */
#ifndef PATHWALK_CLOCK_H
#define PATHWALK_CLOCK_H

#include <time.h>

/* Reads PATHWALK_NOW once and remembers it. Returns 0, or -1 when it is set but malformed. */
int clock_init(void);

/* Seconds since the epoch: fixed when PATHWALK_NOW is set. */
time_t clock_now(void);

/* Today's date as days since 1970-01-01: the UTC date of PATHWALK_NOW when set, else the local date. */
long clock_today(void);

/* Writes the time t as "YYYY-MM-DDTHH:MM:SSZ" (UTC) into out. */
#define CLOCK_TEXT_SIZE 21
void clock_format(time_t t, char out[CLOCK_TEXT_SIZE]);

#endif
