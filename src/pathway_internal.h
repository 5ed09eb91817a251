/* Shared between the pathway loader's files; not for other modules. */
#ifndef PATHWALK_PATHWAY_INTERNAL_H
#define PATHWALK_PATHWAY_INTERNAL_H

#include "diag.h"
#include "pathway.h"

/* Graph checks after every node is loaded: reachability from start, no cycles, an endpoint
 * reachable from every node. Appends problems to diags; returns how many. */
size_t pathway_check_graph(const struct pathway *pw, struct diag_list *diags);

#endif
