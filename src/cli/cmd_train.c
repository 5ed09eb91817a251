/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk train`: option parsing, the case library and the cases named; the sessions themselves
 * live in screens/ (train.c, train_plain.c). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "train.h"
#include "caselib.h"
#include "caseset.h"
#include "clock.h"
#include "cli.h"
#include "fileio.h"
#include "strbuf.h"
#include "xalloc.h"

static const char train_usage[] =
	"usage: pathwalk train [-p FILE] [--trainee NAME] [--enter-findings] [--log FILE] [--plain]\n"
	"                      [--stage STAGE] [--endpoint NODE] [--set FILE | CASE...]\n"
	"       pathwalk train --list [--stage STAGE] [--endpoint NODE] [--set FILE]\n"
	"\n"
	"Train on case vignettes: at each decision, commit to a next step before the pathway's\n"
	"recommendation is revealed; at the end, the score and a debrief. Each case is a session\n"
	"with its own journal (mode \"train\"); `pathwalk report` summarises many of them.\n"
	"\n"
	"  CASE                  a case file, or the id of a bundled case (see --list); without\n"
	"                        one, a menu of the bundled case library\n"
	"      --set FILE        a case set: the cases to work through, in order, one bundled id or\n"
	"                        case file a line (# comments, an optional first line \"title: ...\");\n"
	"                        the menu marks each case done (--plain runs them in order)\n"
	"  -p, --pathway FILE    train on this pathway instead of the bundled one\n"
	"  -t, --trainee NAME    the trainee's name or id (asked at the start when not given;\n"
	"                        with --plain it defaults to the login name)\n"
	"      --enter-findings  the trainee enters the findings from the vignette; each is compared\n"
	"                        with the case's, which the walk then uses\n"
	"  -l, --log FILE        write the journal to FILE (must not exist; one CASE only); default:\n"
	"                        $XDG_STATE_HOME/pathwalk/sessions/\n"
	"      --plain           headless: choices from stdin, one line per decision (the 1-based\n"
	"                        number of a candidate or its node id); ends with \"score: C/T\"\n"
	"      --list            list the bundled cases (id, stage and endpoint, title) along the\n"
	"                        pathway, edge cases last, or with --set the set's, and exit\n"
	"      --stage STAGE     only cases whose route ends in this stage (id or label)\n"
	"      --endpoint NODE   only cases whose route ends at this endpoint node\n"
	"  -h, --help            show this help\n"
	"\n"
	"Exit 0 when the sessions finished (whatever the score) or the trainee quit, 1 when stdin\n"
	"ended before the end (--plain), 2 usage error, 3 an unreadable case or case set, or a choice\n"
	"line that names no candidate (--plain), 4 a case lacks an answer its route needs, 5 a\n"
	"journal could not be written.\n";

struct train_args {
	struct train_options o;
	const char *pathway_path, *set_path;
	bool list;
};

static int parse(int argc, char **argv, struct train_args *a)
{
	static const struct option options[] = {
		{ "pathway", required_argument, NULL, 'p' },
		{ "trainee", required_argument, NULL, 't' },
		{ "enter-findings", no_argument, NULL, 'F' },
		{ "log", required_argument, NULL, 'l' },
		{ "plain", no_argument, NULL, 'P' },
		{ "list", no_argument, NULL, 'L' },
		{ "stage", required_argument, NULL, 'S' },
		{ "endpoint", required_argument, NULL, 'E' },
		{ "set", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":p:t:l:h", options, NULL)) != -1) {
		switch (ch) {
		case 'p': a->pathway_path = optarg; break;
		case 't': a->o.trainee = optarg; break;
		case 'F': a->o.enter_findings = true; break;
		case 'l': a->o.log_path = optarg; break;
		case 'P': a->o.plain = true; break;
		case 'L': a->list = true; break;
		case 'S': a->o.stage = optarg; break;
		case 'E': a->o.endpoint = optarg; break;
		case 'T': a->set_path = optarg; break;
		case 'h': fputs(train_usage, stdout); return -1;
		default: return cli_bad_option("train", ch, argv, options);
		}
	}
	if (fileio_is_stdio(a->pathway_path) || fileio_is_stdio(a->o.log_path) || fileio_is_stdio(a->set_path))
		return cli_usage_error("train", "-p, --log and --set need a file: standard input is where training reads its choices");
	if (a->set_path && optind < argc)
		return cli_usage_error("train", "--set FILE names the cases: give either --set or CASE...");
	if (a->set_path && a->o.log_path)
		return cli_usage_error("train", "--log needs exactly one CASE, not --set (each case is its own session)");
	if (a->o.trainee && strspn(a->o.trainee, " \t") == strlen(a->o.trainee))
		return cli_usage_error("train", "--trainee needs a name or id");
	if (!cli_check_text("train", "--trainee", a->o.trainee, 60))
		return EXIT_USAGE;
	if (a->o.plain && optind == argc && !a->list && !a->set_path)
		return cli_usage_error("train", "--plain needs at least one CASE or --set FILE");
	if (a->o.plain && a->o.enter_findings)
		return cli_usage_error("train", "--enter-findings needs the full-screen trainer, not --plain");
	if (a->o.log_path && argc - optind != 1)
		return cli_usage_error("train", "--log needs exactly one CASE (each case is its own session)");
	return EXIT_OK;
}

/* --list: the library's cases along the pathway, or a set's in its order (one whose route stops
 * is listed as such only in a set: the library leaves it out). */
static void print_list(const struct pathway *pw, const struct caselib *lib, const struct caseset *set,
		       const char *stage, const char *endpoint)
{
	if (set && set->title)
		printf("Case set: %s\n", set->title);
	for (size_t i = 0; i < (set ? set->count : lib->count); i++) {
		const struct caselib_entry *e = set ? set->items[i].entry : &lib->entries[i];
		const struct pw_node *end = e->endpoint >= 0 ? &pw->nodes[e->endpoint] : NULL;

		if ((!end && !set) || !caselib_matches(pw, e, stage, endpoint))
			continue;
		printf("%-36s %-14s %s\n", e->c->id, end ? pw->stages[end->stage].id : "-",
		       end ? end->id : "(stops: an answer is missing)");
		printf("    %s\n    %s\n", e->c->title ? e->c->title : "", e->summary);
	}
}

/* --stage must name a stage (its id or label) and --endpoint an endpoint of pw; false after a usage
 * error that lists what would have been accepted. */
static bool check_filters(const struct pathway *pw, const char *stage, const char *endpoint)
{
	struct strbuf known = STRBUF_INIT;
	bool found = !stage;

	for (size_t i = 0; i < pw->nstages && !found; i++)
		found = strcmp(pw->stages[i].id, stage) == 0 || strcasecmp(pw->stages[i].label, stage) == 0;
	if (!found) {
		for (size_t i = 0; i < pw->nstages; i++)
			sb_appendf(&known, "%s%s", i ? ", " : "", pw->stages[i].id);
		cli_usage_error("train", "--stage: no stage '%s' (the stages: %s)", stage, sb_str(&known));
		sb_free(&known);
		return false;
	}
	if (endpoint) {
		int node = pathway_find_node(pw, endpoint);

		if (node >= 0 && pathway_is_endpoint(pw, node))
			return true;
		for (size_t i = 0; i < pw->nnodes; i++)
			if (pathway_is_endpoint(pw, (int)i))
				sb_appendf(&known, "%s%s", known.len ? ", " : "", pw->nodes[i].id);
		cli_usage_error("train", "--endpoint: no endpoint '%s' (the endpoints: %s)", endpoint, sb_str(&known));
		sb_free(&known);
		return false;
	}
	return true;
}

/* The login name, for a headless session without --trainee. */
static const char *login_name(void)
{
	const char *user = getenv("USER");
	struct passwd *p;

	if (user && *user)
		return user;
	p = getpwuid(getuid());
	return p && p->pw_name ? p->pw_name : "unknown";
}

/* Whether the command uses the bundled case library: for --set, --list, the menu (no CASE) or a
 * CASE that is no file (a bundled id). Loading it routes every bundled case, so a training on
 * case files alone does without it. */
/* A CASE is a case file when such a file exists, else the id of a bundled case. */
static bool is_case_file(const char *arg)
{
	return access(arg, F_OK) == 0;
}

static bool needs_library(const struct train_args *a, int argc, char **argv)
{
	if (a->set_path || a->list || optind >= argc)
		return true;
	for (int i = optind; i < argc; i++)
		if (!is_case_file(argv[i]))
			return true;
	return false;
}

int cmd_train(int argc, char **argv)
{
	struct train_args a = { 0 };
	struct diag_list diags = { 0 };
	struct caselib lib = { 0 };
	struct caseset set = { 0 };
	struct casefile **cases = NULL, **owned = NULL;
	struct pathway *pw;
	size_t ncases = 0;
	int status = parse(argc, argv, &a);

	if (status != EXIT_OK)
		return status < 0 ? EXIT_OK : status;
	if (!cli_init_clock())
		return EXIT_USAGE;
	pw = cli_load_pathway(a.pathway_path);
	if (!pw)
		return EXIT_INPUT;
	if (!check_filters(pw, a.o.stage, a.o.endpoint)) {
		pathway_free(pw);
		return EXIT_USAGE;
	}
	if (needs_library(&a, argc, argv))
		caselib_load_bundled(pw, clock_today(), &lib, &diags);
	diag_clear(&diags); /* bundled cases that do not fit another pathway are simply not offered */
	if (a.set_path) {
		bool io_error;

		if (!caseset_load(a.set_path, pw, &lib, clock_today(), &set, &diags, &io_error)) {
			diag_print(&diags, stderr);
			diag_clear(&diags);
			status = EXIT_INPUT;
			goto done;
		}
		a.o.set = &set;
	}
	if (a.list) {
		print_list(pw, &lib, a.o.set, a.o.stage, a.o.endpoint);
		goto done;
	}
	cases = xcalloc((size_t)(argc - optind) + 1, sizeof(*cases));
	owned = xcalloc((size_t)(argc - optind) + 1, sizeof(*owned));
	for (int i = optind; i < argc; i++, ncases++) {
		const struct caselib_entry *e = is_case_file(argv[i]) ? NULL : caselib_find(&lib, argv[i]);

		cases[ncases] = e ? e->c : (owned[ncases] = cli_load_case(argv[i], pw));
		if (!cases[ncases]) {
			status = EXIT_INPUT;
			ncases++;
			goto done;
		}
	}
	if (!a.o.trainee && a.o.plain) {
		a.o.trainee = login_name();
		if (!cli_check_text("train", "the login name (give --trainee)", a.o.trainee, 60)) {
			status = EXIT_USAGE;
			goto done;
		}
		fprintf(stderr, "pathwalk: no --trainee given: recording the trainee as '%s'\n", a.o.trainee);
	}
	a.o.pw = pw;
	a.o.cases = cases;
	a.o.ncases = ncases;
	a.o.library = &lib;
	status = train_run(&a.o);
done:
	for (size_t i = 0; i < ncases; i++)
		casefile_free(owned[i]);
	free(cases);
	free(owned);
	caseset_free(&set);
	caselib_free(&lib);
	pathway_free(pw);
	return status;
}
