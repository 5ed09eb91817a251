/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk graph`: draw the pathway (Graphviz DOT or a text outline), optionally with the route of
 * a case (replayed) or of a recorded session (its journal) highlighted. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "graph.h"
#include "journal_read.h"
#include "replay.h"
#include "xalloc.h"

static const char graph_usage[] =
	"usage: pathwalk graph [-p FILE] [--case CASE | --journal JOURNAL [--force]]\n"
	"                      [--format dot|svg|text]\n"
	"\n"
	"Draw the pathway for its authors. DOT (the default) is for Graphviz, e.g.\n"
	"  pathwalk graph | dot -Tsvg -o pathway.svg\n"
	"stages are clusters in breadcrumb order, questions boxes, decisions diamonds, endpoints\n"
	"double octagons; edges carry their place in the next list (1, 2, ...: the first true is\n"
	"taken) and their label or condition (\"otherwise\" for the fallback); warnings are notes on\n"
	"the nodes where they can show. svg runs Graphviz's dot -Tsvg for you. The text format is\n"
	"an indented outline for the terminal. A pathway with problems is still drawn, its broken\n"
	"parts in red, after the problems are printed; the exit status is then 1.\n"
	"\n"
	"  -p, --pathway FILE     use this pathway instead of the bundled one\n"
	"  -c, --case CASE        highlight the route this case takes (replayed headless)\n"
	"  -j, --journal JOURNAL  highlight the route a recorded session took\n"
	"      --force            use a journal whose hash chain is broken (see pathwalk verify)\n"
	"  -f, --format FORMAT    dot (default), svg (needs Graphviz's dot) or text; in text, '*'\n"
	"                         marks the route\n"
	"  -h, --help             show this help\n"
	"\n"
	"Exit 0 when the graph was written, 1 when it was drawn from a pathway with problems, 2 for a\n"
	"usage error, 3 when the pathway cannot be drawn (unreadable, a syntax error) or the case or\n"
	"journal is invalid or unreadable (or names nodes this pathway lacks), 5 when the output\n"
	"cannot be written (or dot is missing or fails).\n";

/* A route built from a journal: its "node" events, unwound by its "back" events. */
struct journal_route {
	int *nodes;
	size_t count, cap;
	int *warnings;
	size_t nwarnings, wcap;
};

static bool lookup_node(const struct pathway *pw, const struct journal_log *log, const struct journal_event *e,
			const char *key, int *out)
{
	const char *id = json_get_string(e->object, key);

	*out = id ? pathway_find_node(pw, id) : -1;
	if (*out < 0)
		fprintf(stderr, "pathwalk: %s:%d: the %s event names node '%s', which %s does not have\n",
			log->file, e->line, e->event, id ? id : "(none)", pw->file);
	return *out >= 0;
}

/* Fills r from log; false (after a message) when the journal does not fit pw. */
static bool route_from_journal(const struct pathway *pw, const struct journal_log *log, struct journal_route *r)
{
	const char *sha = log->count > 0 ? json_get_string(json_get(log->events[0].object, "pathway"), "sha256")
					 : NULL;

	if (sha && strcmp(sha, pw->sha256) != 0)
		fprintf(stderr, "pathwalk: note: %s was recorded with another version of the pathway (sha256 "
			"differs); drawing its route on %s\n", log->file, pw->file);
	for (size_t i = 0; i < log->count; i++) {
		const struct journal_event *e = &log->events[i];
		int node;

		if (strcmp(e->event, "node") == 0) {
			if (!lookup_node(pw, log, e, "node", &node))
				return false;
			r->nodes = xgrow(r->nodes, &r->cap, r->count + 1, sizeof(*r->nodes));
			r->nodes[r->count++] = node;
		} else if (strcmp(e->event, "back") == 0) {
			if (!lookup_node(pw, log, e, "to", &node))
				return false;
			/* Going back pops the route down to the node returned to. */
			while (r->count > 1 && r->nodes[r->count - 1] != node)
				r->count--;
		} else if (strcmp(e->event, "warning") == 0) {
			const char *id = json_get_string(e->object, "warning");
			int w = id ? pathway_find_warning(pw, id) : -1;

			if (w < 0)
				continue; /* a warning this version lacks: nothing to highlight */
			r->warnings = xgrow(r->warnings, &r->wcap, r->nwarnings + 1, sizeof(*r->warnings));
			r->warnings[r->nwarnings++] = w;
		}
	}
	return true;
}

/* The route of a case or journal into *route; returns EXIT_OK or the exit code of the failure. The
 * caller frees the replay result and journal route. */
static int find_route(const struct pathway *pw, const char *case_path, const char *journal_path, bool force,
		      struct replay_result *replay, struct journal_route *jr, struct graph_route *route)
{
	if (case_path) {
		struct casefile *c = cli_load_case(case_path, pw);

		if (!c)
			return EXIT_INPUT;
		replay_run(pw, c, NULL, clock_today(), NULL, replay);
		casefile_free(c);
		if (replay->message)
			fprintf(stderr, "pathwalk: note: %s; the route is drawn as far as it went\n", replay->message);
		route->nodes = session_route(replay->session, &route->nnodes);
		route->via = session_route_via(replay->session, &route->nnodes);
		route->warnings = session_warnings_shown(replay->session, &route->nwarnings);
	} else if (journal_path) {
		struct diag_list diags = { 0 };
		struct journal_log log;
		bool ok;

		if (journal_read_verified(journal_path, force, &log, &diags) != 0) {
			diag_print(&diags, stderr);
			diag_clear(&diags);
			journal_log_free(&log);
			return EXIT_INPUT;
		}
		diag_print(&log.notices, stderr);
		ok = route_from_journal(pw, &log, jr);
		journal_log_free(&log);
		if (!ok)
			return EXIT_INPUT;
		route->nodes = jr->nodes;
		route->nnodes = jr->count;
		route->warnings = jr->warnings;
		route->nwarnings = jr->nwarnings;
	}
	return EXIT_OK;
}

int cmd_graph(int argc, char **argv)
{
	static const struct option options[] = {
		{ "pathway", required_argument, NULL, 'p' },
		{ "case", required_argument, NULL, 'c' },
		{ "journal", required_argument, NULL, 'j' },
		{ "format", required_argument, NULL, 'f' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *pathway_path = NULL, *case_path = NULL, *journal_path = NULL, *format = "dot";
	struct diag_list problems = { 0 };
	bool io_error = false, broken = false, force = false;
	struct replay_result replay = { 0 };
	struct journal_route jr = { 0 };
	struct graph_route route = { 0 };
	struct strbuf out = STRBUF_INIT;
	struct pathway *pw;
	int ch, status;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":p:c:j:f:h", options, NULL)) != -1) {
		switch (ch) {
		case 'p': pathway_path = optarg; break;
		case 'c': case_path = optarg; break;
		case 'j': journal_path = optarg; break;
		case 'F': force = true; break;
		case 'f':
			if (strcmp(optarg, "dot") != 0 && strcmp(optarg, "svg") != 0 && strcmp(optarg, "text") != 0)
				return cli_usage_error("graph", "unknown format '%s' (dot, svg or text)", optarg);
			format = optarg;
			break;
		case 'h': fputs(graph_usage, stdout); return EXIT_OK;
		default: return cli_bad_option("graph", ch, argv, options);
		}
	}
	if (optind != argc)
		return cli_usage_error("graph", "unexpected argument '%s'", argv[optind]);
	if (case_path && journal_path)
		return cli_usage_error("graph", "give --case or --journal, not both");
	if (!cli_init_clock())
		return EXIT_USAGE;
	/* A pathway with problems is drawn as far as it was read (a draft), the problems first. */
	pw = pathway_path ? pathway_load_file_draft(pathway_path, &problems, &io_error, &broken)
			  : pathway_load_bundled(&problems);
	diag_print(&problems, stderr);
	if (!pw) {
		diag_clear(&problems);
		return EXIT_INPUT;
	}
	if (broken && (case_path || journal_path)) {
		fprintf(stderr, "pathwalk: note: %s has problems; drawn without the route of %s\n", pw->file,
			case_path ? case_path : journal_path);
		case_path = journal_path = NULL;
	}
	status = find_route(pw, case_path, journal_path, force, &replay, &jr, &route);
	if (status == EXIT_OK) {
		if (strcmp(format, "text") == 0)
			graph_write_text(pw, case_path || journal_path ? &route : NULL, &out);
		else
			graph_write_dot(pw, case_path || journal_path ? &route : NULL, broken ? &problems : NULL, &out);
		status = strcmp(format, "svg") == 0 ? cli_dot_to_svg(sb_str(&out), out.len)
						    : cli_write_output(NULL, sb_str(&out), out.len, "the graph");
	}
	if (status == EXIT_OK && broken) {
		fprintf(stderr, "pathwalk: %s: %zu problem%s found; drawn with the broken parts in red\n", pw->file,
			problems.count, problems.count == 1 ? "" : "s");
		status = EXIT_NEGATIVE;
	}
	diag_clear(&problems);
	sb_free(&out);
	if (replay.session)
		replay_result_free(&replay);
	free(jr.nodes);
	free(jr.warnings);
	pathway_free(pw);
	return status;
}
