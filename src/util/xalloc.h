/* SPDX-License-Identifier: Apache-2.0 */
/* Allocation helpers: abort with a message on out-of-memory instead of returning NULL. */
#ifndef PATHWALK_XALLOC_H
#define PATHWALK_XALLOC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows an array to hold at least need items (amortised doubling). */
void *xgrow(void *ptr, size_t *cap, size_t need, size_t item_size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* As xasprintf, with the arguments as a va_list (which it consumes). */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Declares that the process exits once the current command is done (main does, for the commands
 * that load, print and exit). From then on xalloc_keep_at_exit() is true: a caller may then leave a
 * large tree unfreed, since the kernel takes its pages back at once while freeing its millions of
 * blocks one by one costs glibc a fifth of a load. Sanitizer builds (PATHWALK_SANITIZE) ignore
 * this, so the leak checker still sees every block freed. */
void xalloc_exit_next(void);
/* Undoes xalloc_exit_next: the command goes on loading and freeing (check --watch). */
void xalloc_exit_later(void);
bool xalloc_keep_at_exit(void);

/* free(p), unless xalloc_keep_at_exit(): for a large buffer that the command holds until it ends. */
void xalloc_release(void *p);

#endif
