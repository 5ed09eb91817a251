/* Allocation helpers: abort with a message on out-of-memory instead of returning NULL. */
#ifndef PATHWALK_XALLOC_H
#define PATHWALK_XALLOC_H

#include <stdarg.h>
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

#endif
