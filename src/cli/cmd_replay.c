/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk replay` and `pathwalk test`: headless runs of case files. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "fileio.h"
#include "journal.h"
#include "replay.h"
#include "strbuf.h"
#include "xalloc.h"

static const char replay_usage[] =
	"usage: pathwalk replay [-p FILE] [--json] [--ids] [--log FILE] CASE\n"
	"\n"
	"Run one case headless through the pathway and print the walk: each screen, the answers,\n"
	"the decisions with their explanation in clinical words, the warnings and the endpoint.\n"
	"CASE - (or -p -) reads standard input.\n"
	"\n"
	"  -p, --pathway FILE  use this pathway instead of the bundled one\n"
	"  -j, --json          print one JSON object instead (see pathwalk(1))\n"
	"      --ids           for pathway authors: also show node and warning ids, and each\n"
	"                      condition and clause in pathway syntax\n"
	"  -l, --log FILE      also write the session journal to FILE (must not exist)\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit 0 when the walk reached an endpoint, 3 for an invalid case or pathway, 4 when the case\n"
	"lacks an answer the path needs, 5 when the log cannot be written.\n";

static int exit_for(enum replay_status st)
{
	switch (st) {
	case REPLAY_COMPLETE: return EXIT_OK;
	case REPLAY_STOPPED: return EXIT_STOPPED;
	case REPLAY_INVALID: return EXIT_INPUT;
	case REPLAY_JOURNAL: return EXIT_OUTPUT;
	}
	return EXIT_INPUT;
}

int cmd_replay(int argc, char **argv)
{
	static const struct option options[] = {
		{ "pathway", required_argument, NULL, 'p' },
		{ "json", no_argument, NULL, 'j' },
		{ "ids", no_argument, NULL, 'I' },
		{ "log", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *pathway_path = NULL, *log_path = NULL;
	bool json = false, ids = false;
	struct pathway *pw;
	struct casefile *c;
	struct journal *j = NULL;
	struct replay_result r;
	int ch, status;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":p:jl:h", options, NULL)) != -1) {
		switch (ch) {
		case 'p': pathway_path = optarg; break;
		case 'j': json = true; break;
		case 'I': ids = true; break;
		case 'l': log_path = optarg; break;
		case 'h': fputs(replay_usage, stdout); return EXIT_OK;
		default: return cli_bad_option("replay", ch, argv, options);
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("replay", "replay needs exactly one case file");
	if (fileio_is_stdio(log_path))
		return cli_usage_error("replay", "--log writes a journal file: '-' cannot be one (--json prints to standard output)");
	if (fileio_is_stdio(pathway_path) && fileio_is_stdio(argv[optind]))
		return cli_usage_error("replay", "standard input can give the pathway or the case, not both");
	if (!cli_init_clock())
		return EXIT_USAGE;
	if (!(pw = cli_load_pathway(pathway_path)))
		return EXIT_INPUT;
	if (!(c = cli_load_case(argv[optind], pw))) {
		pathway_free(pw);
		return EXIT_INPUT;
	}
	if (log_path && !(j = journal_create(log_path))) {
		fprintf(stderr, "pathwalk: %s: cannot create the session log: %s%s\n", log_path, strerror(errno),
			errno == EEXIST || errno == ELOOP ? " (an existing file or link is never overwritten)" : "");
		casefile_free(c);
		pathway_free(pw);
		return EXIT_OUTPUT;
	}
	replay_run_ids(pw, c, j, clock_today(), json ? NULL : stdout, ids, &r);
	if (json)
		replay_write_json(pw, c, &r, stdout);
	if (r.message)
		fprintf(stderr, "pathwalk: %s\n", r.message);
	status = exit_for(r.status);
	if (j && journal_close(j) != 0 && status == EXIT_OK) {
		fprintf(stderr, "pathwalk: %s: cannot close the session log: %s\n", log_path, strerror(errno));
		status = EXIT_OUTPUT;
	}
	replay_result_free(&r);
	casefile_free(c);
	pathway_free(pw);
	return status;
}

/* --- test --------------------------------------------------------------------------------- */

static const char test_usage[] =
	"usage: pathwalk test [-p FILE] [--coverage] CASE|DIR...\n"
	"\n"
	"Replay every case (every *.cfg in a directory, recursively; - reads one from standard input)\n"
	"and check its expect block.\n"
	"Prints PASS or FAIL per case with what differed, then 'N passed, N failed'.\n"
	"\n"
	"  -p, --pathway FILE  use this pathway instead of the bundled one\n"
	"      --coverage      also list nodes never visited, transitions never taken and\n"
	"                      conditional plan items never shown; anything uncovered\n"
	"                      makes the run fail\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit 0 when every case passed, 1 when one failed, 3 when a case file is invalid.\n";

/* Compares a finished replay with the case's expect block; appends what differs to why. */
static void compare(const struct pathway *pw, const struct casefile *c, const struct replay_result *r,
		    struct strbuf *why)
{
	const struct case_expect *x = &c->expect;
	const struct session *s = r->session;
	size_t nshown, nroute;
	const int *shown = session_warnings_shown(s, &nshown);
	const int *route = session_route(s, &nroute);
	bool stopped = r->status == REPLAY_STOPPED;

	if (r->status == REPLAY_INVALID || r->status == REPLAY_JOURNAL) {
		sb_appendf(why, "; %s", r->message ? r->message : "failed");
		return;
	}
	if (x->expect_stopped != stopped)
		sb_appendf(why, "; status: expected %s, got %s", x->expect_stopped ? "stopped" : "complete",
			   stopped ? "stopped" : "complete");
	if (x->missing >= 0 && x->missing != r->missing)
		sb_appendf(why, "; missing: expected %s, got %s", pw->vars[x->missing].id,
			   r->missing >= 0 ? pw->vars[r->missing].id : "none");
	if (x->endpoint >= 0 && (stopped || session_node(s) != x->endpoint))
		sb_appendf(why, "; endpoint: expected %s, got %s", pw->nodes[x->endpoint].id,
			   stopped ? "none (stopped)" : pw->nodes[session_node(s)].id);
	for (size_t i = 0; i < x->nwarnings; i++) {
		bool found = false;

		for (size_t k = 0; k < nshown && !found; k++)
			found = shown[k] == x->warnings[i];
		if (!found)
			sb_appendf(why, "; warning %s expected but not shown", pw->warnings[x->warnings[i]].id);
	}
	for (size_t i = 0; i < x->nabsent; i++)
		for (size_t k = 0; k < nshown; k++)
			if (shown[k] == x->absent_warnings[i])
				sb_appendf(why, "; warning %s shown but expected absent", pw->warnings[shown[k]].id);
	if (x->npath > 0) {
		size_t i = 0;

		while (i < x->npath && i < nroute && x->path[i] == route[i])
			i++;
		if (i < x->npath || i < nroute)
			sb_appendf(why, "; path differs at step %zu: expected %s, got %s", i + 1,
				   i < x->npath ? pw->nodes[x->path[i]].id : "(end)",
				   i < nroute ? pw->nodes[route[i]].id : "(end)");
	}
}

struct coverage {
	unsigned char *nodes;
	unsigned char **transitions; /* per node, per transition */
	unsigned char **items;       /* per node, per plan item: actions, then document */
	unsigned char **warning_items; /* per warning, per text item */
};

/* Marks the plan items the endpoint a case reached showed. */
static void coverage_add_plan(struct coverage *cov, const struct session *s, const struct pw_plan *plan,
			      size_t offset)
{
	int *shown = xcalloc(plan->nitems + 1, sizeof(*shown));
	size_t n = session_plan_shown(s, plan, shown);

	for (size_t i = 0; i < n; i++)
		cov->items[session_node(s)][offset + (size_t)shown[i]] = 1;
	free(shown);
}

static void coverage_add(struct coverage *cov, const struct pathway *pw, const struct session *s)
{
	size_t n;
	const int *route = session_route(s, &n);
	const int *via = session_route_via(s, &n);
	const struct pw_node *end = &pw->nodes[session_node(s)];

	for (size_t i = 0; i < n; i++) {
		cov->nodes[route[i]] = 1;
		if (i > 0 && via[i] >= 0)
			cov->transitions[route[i - 1]][via[i]] = 1;
	}
	for (size_t w = 0; w < pw->nwarnings; w++)
		for (size_t i = 0; i < pw->warnings[w].text.nitems; i++)
			cov->warning_items[w][i] |= session_shown_text(s, (int)w)->seen[i];
	if (!session_at_endpoint(s))
		return;
	coverage_add_plan(cov, s, &end->actions, 0);
	coverage_add_plan(cov, s, &end->document, end->actions.nitems);
}

/* Lists the conditional items of plan (of the node or warning owner) never shown, seen holding a
 * flag per item; counts them into *covered of *total. */
static void coverage_report_plan(const unsigned char *seen, const struct pathway *pw, const char *owner,
				 const char *what, const struct pw_plan *plan, size_t *covered, size_t *total)
{
	for (size_t i = 0; i < plan->nitems; i++) {
		const struct pw_plan_item *it = &plan->items[i];

		if (!it->when)
			continue;
		(*total)++;
		*covered += seen[i];
		if (!seen[i])
			printf("never shown: %s %s item %zu when \"%s\" (%s:%d)\n", owner, what, i + 1,
			       it->when_source, pw->file, it->line);
	}
}

/* Prints what was never visited or taken; returns true when everything was covered. */
static bool coverage_report(const struct coverage *cov, const struct pathway *pw)
{
	size_t nodes = 0, transitions = 0, total_transitions = 0, items = 0, total_items = 0;

	for (size_t u = 0; u < pw->nnodes; u++) {
		const struct pw_node *n = &pw->nodes[u];

		nodes += cov->nodes[u];
		if (!cov->nodes[u])
			printf("never visited: node %s (%s:%d)\n", n->id, pw->file, n->line);
		for (size_t t = 0; t < n->nnext; t++) {
			total_transitions++;
			transitions += cov->transitions[u][t];
			if (!cov->transitions[u][t])
				printf("never taken: %s -> %s%s%s%s (%s:%d)\n", n->id, pw->nodes[n->next[t].target].id,
				       n->next[t].when_source ? " when \"" : " (fallback)",
				       n->next[t].when_source ? n->next[t].when_source : "",
				       n->next[t].when_source ? "\"" : "", pw->file, n->next[t].line);
		}
	}
	for (size_t u = 0; u < pw->nnodes; u++) {
		coverage_report_plan(cov->items[u], pw, pw->nodes[u].id, "actions", &pw->nodes[u].actions, &items,
				     &total_items);
		coverage_report_plan(cov->items[u] + pw->nodes[u].actions.nitems, pw, pw->nodes[u].id, "document",
				     &pw->nodes[u].document, &items, &total_items);
	}
	for (size_t w = 0; w < pw->nwarnings; w++)
		coverage_report_plan(cov->warning_items[w], pw, pw->warnings[w].id, "text", &pw->warnings[w].text,
				     &items, &total_items);
	printf("coverage: nodes %zu/%zu (%.0f%%), transitions %zu/%zu (%.0f%%), conditional plan items %zu/%zu "
	       "(%.0f%%)\n", nodes, pw->nnodes, pw->nnodes ? 100.0 * (double)nodes / (double)pw->nnodes : 100.0,
	       transitions, total_transitions,
	       total_transitions ? 100.0 * (double)transitions / (double)total_transitions : 100.0, items, total_items,
	       total_items ? 100.0 * (double)items / (double)total_items : 100.0);
	return nodes == pw->nnodes && transitions == total_transitions && items == total_items;
}

int cmd_test(int argc, char **argv)
{
	static const struct option options[] = {
		{ "pathway", required_argument, NULL, 'p' },
		{ "coverage", no_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *pathway_path = NULL;
	bool want_coverage = false, inputs_ok = true, invalid_case = false;
	struct cli_files files = { 0 };
	static const char *const suffixes[] = { ".cfg", NULL };
	struct coverage cov = { 0 };
	struct pathway *pw;
	size_t passed = 0, failed = 0;
	int ch, status;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":p:h", options, NULL)) != -1) {
		switch (ch) {
		case 'p': pathway_path = optarg; break;
		case 'C': want_coverage = true; break;
		case 'h': fputs(test_usage, stdout); return EXIT_OK;
		default: return cli_bad_option("test", ch, argv, options);
		}
	}
	if (optind >= argc)
		return cli_usage_error("test", "test needs case files or directories");
	if (!cli_init_clock())
		return EXIT_USAGE;
	if (!(pw = cli_load_pathway(pathway_path)))
		return EXIT_INPUT;
	for (int i = optind; i < argc; i++)
		inputs_ok = cli_collect_files(&files, argv[i], suffixes) && inputs_ok;
	cov.nodes = xcalloc(pw->nnodes + 1, 1);
	cov.transitions = xcalloc(pw->nnodes + 1, sizeof(*cov.transitions));
	cov.items = xcalloc(pw->nnodes + 1, sizeof(*cov.items));
	cov.warning_items = xcalloc(pw->nwarnings + 1, sizeof(*cov.warning_items));
	for (size_t w = 0; w < pw->nwarnings; w++)
		cov.warning_items[w] = xcalloc(pw->warnings[w].text.nitems + 1, 1);
	for (size_t u = 0; u < pw->nnodes; u++) {
		cov.transitions[u] = xcalloc(pw->nodes[u].nnext + 1, 1);
		cov.items[u] = xcalloc(pw->nodes[u].actions.nitems + pw->nodes[u].document.nitems + 1, 1);
	}
	for (size_t i = 0; i < files.count; i++) {
		struct casefile *c = cli_load_case(files.paths[i], pw);
		struct replay_result r;
		struct strbuf why = STRBUF_INIT;

		if (!c) {
			printf("FAIL %s: invalid case file (see above)\n", files.paths[i]);
			failed++;
			invalid_case = true;
			continue;
		}
		replay_run(pw, c, NULL, clock_today(), NULL, &r);
		coverage_add(&cov, pw, r.session);
		if (!c->expect.present)
			sb_append(&why, "; no expect block");
		else
			compare(pw, c, &r, &why);
		if (why.len == 0) {
			printf("PASS %s: %s\n", c->id, r.status == REPLAY_STOPPED
							   ? "stopped as expected"
							   : pw->nodes[session_node(r.session)].id);
			passed++;
		} else {
			printf("FAIL %s (%s)%s\n", c->id, files.paths[i], sb_str(&why) + 1);
			failed++;
		}
		sb_free(&why);
		replay_result_free(&r);
		casefile_free(c);
	}
	cli_files_free(&files);
	if (want_coverage && !coverage_report(&cov, pw) && failed == 0)
		status = EXIT_NEGATIVE;
	else
		status = failed ? EXIT_NEGATIVE : EXIT_OK;
	printf("%zu passed, %zu failed\n", passed, failed);
	if (invalid_case || !inputs_ok)
		status = EXIT_INPUT;
	for (size_t u = 0; u < pw->nnodes; u++) {
		free(cov.transitions[u]);
		free(cov.items[u]);
	}
	free(cov.transitions);
	free(cov.items);
	for (size_t w = 0; w < pw->nwarnings; w++)
		free(cov.warning_items[w]);
	free(cov.warning_items);
	free(cov.nodes);
	pathway_free(pw);
	return status;
}
