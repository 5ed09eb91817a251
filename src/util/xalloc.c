/* SPDX-License-Identifier: Apache-2.0 */
/* Allocation that never returns NULL: running out of memory is not a state pathwalk can recover
 * from meaningfully, and checking every allocation would bury the logic. */
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
	fputs("pathwalk: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xgrow(void *ptr, size_t *cap, size_t need, size_t item_size)
{
	size_t n = *cap ? *cap : 8;

	if (need <= *cap)
		return ptr;
	while (n < need)
		n *= 2;
	if (n > (size_t)-1 / item_size)
		out_of_memory();
	*cap = n;
	return xrealloc(ptr, n * item_size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list again;
	int n;
	char *p;

	char small[256]; /* most strings fit: then they are formatted once */

	va_copy(again, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n < 0)
		out_of_memory();
	p = xmalloc((size_t)n + 1);
	if ((size_t)n < sizeof small)
		memcpy(p, small, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, again);
	va_end(again);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

static bool exit_next;

void xalloc_exit_next(void)
{
#if !defined(PATHWALK_SANITIZE) && !defined(__SANITIZE_ADDRESS__)
	exit_next = true;
#endif
}

void xalloc_exit_later(void)
{
	exit_next = false;
}

bool xalloc_keep_at_exit(void)
{
	return exit_next;
}

void xalloc_release(void *p)
{
	if (!exit_next)
		free(p);
}
