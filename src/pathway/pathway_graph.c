/* SPDX-License-Identifier: Apache-2.0 */
/* Graph-shaped validation of a loaded pathway, in time linear in nodes + transitions. */
#include <stdlib.h>

#include "pathway_internal.h"
#include "xalloc.h"

/* Marks every node reachable from start (breadth first). */
static void mark_reachable(const struct pathway *pw, unsigned char *seen)
{
	int *queue = xmalloc((pw->nnodes + 1) * sizeof(*queue));
	size_t head = 0, tail = 0;

	if (pw->start < 0)
		goto out;
	seen[pw->start] = 1;
	queue[tail++] = pw->start;
	while (head < tail) {
		const struct pw_node *n = &pw->nodes[queue[head++]];

		for (size_t i = 0; i < n->nnext; i++) {
			int t = n->next[i].target;

			if (t >= 0 && !seen[t]) {
				seen[t] = 1;
				queue[tail++] = t;
			}
		}
	}
out:
	free(queue);
}

/* Reports every back edge found by an iterative depth-first search: each closes a cycle. */
static size_t report_cycles(const struct pathway *pw, struct diag_list *diags)
{
	enum { WHITE, GREY, BLACK };
	unsigned char *colour = xcalloc(pw->nnodes + 1, 1);
	int *stack = xmalloc((pw->nnodes + 1) * sizeof(*stack));
	size_t *edge = xcalloc(pw->nnodes + 1, sizeof(*edge));
	size_t problems = 0;

	for (size_t root = 0; root < pw->nnodes; root++) {
		size_t depth = 0;

		if (colour[root] != WHITE)
			continue;
		stack[depth++] = (int)root;
		colour[root] = GREY;
		while (depth > 0) {
			int u = stack[depth - 1];
			const struct pw_node *n = &pw->nodes[u];

			if (edge[u] == n->nnext) {
				colour[u] = BLACK;
				depth--;
				continue;
			}
			const struct pw_transition *t = &n->next[edge[u]++];

			if (t->target < 0)
				continue;
			if (colour[t->target] == GREY) {
				if (problems++ < 20)
					diag_add(diags, pw->file, t->line,
						 "node '%s' goes back to '%s', which leads here again: cycles are not allowed",
						 n->id, pw->nodes[t->target].id);
			} else if (colour[t->target] == WHITE) {
				colour[t->target] = GREY;
				stack[depth++] = t->target;
			}
		}
	}
	free(edge);
	free(stack);
	free(colour);
	return problems;
}

/* Marks every node from which an endpoint can be reached (backwards from the endpoints). */
static void mark_can_finish(const struct pathway *pw, unsigned char *ok)
{
	size_t *pred_start = xcalloc(pw->nnodes + 2, sizeof(*pred_start));
	size_t total = 0, head = 0, tail = 0;
	int *preds, *queue = xmalloc((pw->nnodes + 1) * sizeof(*queue));

	for (size_t u = 0; u < pw->nnodes; u++)
		for (size_t i = 0; i < pw->nodes[u].nnext; i++)
			if (pw->nodes[u].next[i].target >= 0)
				pred_start[pw->nodes[u].next[i].target + 1]++, total++;
	for (size_t v = 0; v < pw->nnodes; v++)
		pred_start[v + 1] += pred_start[v];
	preds = xmalloc((total + 1) * sizeof(*preds));
	{
		size_t *fill = xcalloc(pw->nnodes + 1, sizeof(*fill));

		for (size_t u = 0; u < pw->nnodes; u++)
			for (size_t i = 0; i < pw->nodes[u].nnext; i++) {
				int v = pw->nodes[u].next[i].target;

				if (v >= 0)
					preds[pred_start[v] + fill[v]++] = (int)u;
			}
		free(fill);
	}
	for (size_t u = 0; u < pw->nnodes; u++)
		if (pw->nodes[u].nnext == 0) {
			ok[u] = 1;
			queue[tail++] = (int)u;
		}
	while (head < tail) {
		int v = queue[head++];

		for (size_t k = pred_start[v]; k < pred_start[v + 1]; k++)
			if (!ok[preds[k]]) {
				ok[preds[k]] = 1;
				queue[tail++] = preds[k];
			}
	}
	free(queue);
	free(preds);
	free(pred_start);
}

size_t pathway_check_graph(const struct pathway *pw, struct diag_list *diags)
{
	unsigned char *reachable = xcalloc(pw->nnodes + 1, 1);
	unsigned char *can_finish = xcalloc(pw->nnodes + 1, 1);
	size_t problems = 0;

	mark_reachable(pw, reachable);
	mark_can_finish(pw, can_finish);
	for (size_t u = 0; u < pw->nnodes; u++) {
		if (!reachable[u]) {
			problems++;
			diag_add(diags, pw->file, pw->nodes[u].line, "node '%s' cannot be reached from the start node '%s'",
				 pw->nodes[u].id, pw->start >= 0 ? pw->nodes[pw->start].id : "?");
		}
		if (!can_finish[u]) {
			problems++;
			diag_add(diags, pw->file, pw->nodes[u].line, "no endpoint can be reached from node '%s'",
				 pw->nodes[u].id);
		}
	}
	problems += report_cycles(pw, diags);
	free(can_finish);
	free(reachable);
	return problems;
}
