/* SPDX-License-Identifier: Apache-2.0 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"

void diag_add(struct diag_list *list, const char *file, int line, const char *fmt, ...)
{
	struct diag *d;
	va_list ap;

	list->items = xgrow(list->items, &list->cap, list->count + 1, sizeof(*list->items));
	d = &list->items[list->count++];
	d->file = file ? xstrdup(file) : NULL;
	d->line = line;
	va_start(ap, fmt);
	d->message = xvasprintf(fmt, ap);
	va_end(ap);
}

void diag_print(const struct diag_list *list, void *stream)
{
	FILE *f = stream;

	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];

		if (d->file && d->line > 0)
			fprintf(f, "pathwalk: %s:%d: %s\n", d->file, d->line, d->message);
		else if (d->file)
			fprintf(f, "pathwalk: %s: %s\n", d->file, d->message);
		else
			fprintf(f, "pathwalk: %s\n", d->message);
	}
}

void diag_clear(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].file);
		free(list->items[i].message);
	}
	free(list->items);
	list->items = NULL;
	list->count = list->cap = 0;
}
