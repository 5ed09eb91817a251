/* SPDX-License-Identifier: Apache-2.0 */
/* An endpoint's plan in the report model: the items of what to do and what to document (rendered
 * text and reference ids), and the lines of what would change the recommendation, exactly as the
 * endpoint event recorded them. */
#include <stdlib.h>

#include "json.h"
#include "report_model.h"
#include "xalloc.h"

/* The array member key of an endpoint event, with room for its entries in *items (size bytes each,
 * zeroed) and *count and *recorded set; NULL (and *items NULL) when the event has no such array. */
static const struct json *list_of(const struct json *event, const char *key, void **items, size_t size,
				  size_t *count, bool *recorded)
{
	const struct json *list = json_get(event, key);

	*count = 0;
	*recorded = list && list->type == JSON_ARRAY;
	*items = *recorded ? xcalloc(list->count + 1, size) : NULL;
	return *recorded ? list : NULL;
}

void report_plan_read(const struct json *event, const char *key, struct report_plan *out)
{
	void *items;
	const struct json *list = list_of(event, key, &items, sizeof(*out->items), &out->count, &out->recorded);

	out->items = items;
	for (size_t i = 0; list && i < list->count; i++) {
		const struct json *item = list->items[i];
		const struct json *refs = json_get(item, "refs");
		struct report_plan_item *it = &out->items[out->count];

		if (!(it->text = json_get_string(item, "text")))
			continue;
		out->count++;
		it->refs = xcalloc((refs && refs->type == JSON_ARRAY ? refs->count : 0) + 1, sizeof(*it->refs));
		for (size_t k = 0; refs && refs->type == JSON_ARRAY && k < refs->count; k++)
			if (refs->items[k]->type == JSON_STRING)
				it->refs[it->nrefs++] = refs->items[k]->text;
	}
}

void report_plan_free(struct report_plan *p)
{
	for (size_t i = 0; i < p->count; i++)
		free(p->items[i].refs);
	free(p->items);
	p->items = NULL;
	p->count = 0;
}

void report_changes_read(const struct json *event, struct report_changes *out)
{
	void *items;
	const struct json *list = list_of(event, "would_change", &items, sizeof(*out->items), &out->count,
					  &out->recorded);

	out->items = items;
	for (size_t i = 0; list && i < list->count; i++) {
		struct report_change *c = &out->items[out->count];

		if (!(c->text = json_get_string(list->items[i], "text")))
			continue;
		c->endpoint = json_get_string(list->items[i], "endpoint");
		c->endpoint_title = json_get_string(list->items[i], "title");
		out->count++;
	}
}

void report_changes_free(struct report_changes *c)
{
	free(c->items);
	c->items = NULL;
	c->count = 0;
}
