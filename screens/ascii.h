/* SPDX-License-Identifier: Apache-2.0 */
/* ASCII for a terminal whose locale is not UTF-8 (LC_ALL=C): the pathway's text and everything
 * else drawn is transliterated (é -> e, – -> -, ≥ -> >=, … -> ...) or, where no reading exists
 * (CJK, symbols), shown as '?', so curses never prints a byte above 0x7f as M-b~@~T. */
#ifndef PATHWALK_ASCII_H
#define PATHWALK_ASCII_H

/* An ASCII copy of UTF-8 text (an invalid byte becomes '?'). Caller frees. */
char *ascii_transliterate(const char *text);

#endif
