/* SPDX-License-Identifier: Apache-2.0 */
/* Drawing a pathway for its authors: Graphviz DOT (stages as clusters, shapes by screen kind,
 * conditions on the edges, warnings as notes) and a plain indented outline for the terminal, each
 * optionally highlighting the route one walk took. */
#ifndef PATHWALK_GRAPH_H
#define PATHWALK_GRAPH_H

#include <stddef.h>

#include "diag.h"
#include "pathway.h"
#include "strbuf.h"

/* A walk to highlight. Every array is borrowed; any may be NULL with a count of 0. */
struct graph_route {
	const int *nodes;    /* node indices in visit order, from the start */
	size_t nnodes;
	const int *via;      /* per step, the transition (of the previous node's next list) that entered
			      * it, -1 when unknown; NULL: the first transition to that node is assumed */
	const int *warnings; /* warnings shown on the walk */
	size_t nwarnings;
};

/* Appends pw as a Graphviz digraph that `dot` accepts: one cluster per stage, laid out in
 * breadcrumb order; nodes labelled with title and id; edges numbered with their place in the
 * node's next list (the first true is taken) and labelled with the transition's label, else its
 * condition, else "otherwise"; a warning as a note in the label of each node where it can show,
 * or in a "Warnings" legend when it can show anywhere. route may be NULL; else its nodes, edges
 * and warnings are drawn bold. problems (NULL for a valid pathway) are those of a draft
 * (pathway_load_draft): nodes with a problem in their lines, edges to unknown nodes and
 * conditions that did not parse are drawn in red, with the message. */
void graph_write_dot(const struct pathway *pw, const struct graph_route *route,
		     const struct diag_list *problems, struct strbuf *out);

/* Appends an indented outline: stages, nodes with their kind, transitions with their conditions,
 * the warnings; "*" in the first column marks what route (may be NULL) went through. */
void graph_write_text(const struct pathway *pw, const struct graph_route *route, struct strbuf *out);

/* The screen kind as written in pathway files ("question", "decision", ...). */
const char *graph_screen_name(enum screen_kind kind);

#endif
