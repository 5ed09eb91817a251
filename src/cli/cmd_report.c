/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk report`: the instructor's summary of many training journals (see cohort.h), and
 * `report --watch DIR`, the room live (screens/watch.h). */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "watch.h"
#include "cli.h"
#include "cohort.h"
#include "strbuf.h"
#include "xalloc.h"

static const char report_usage[] =
	"usage: pathwalk report [-p FILE] [--format text|markdown|html|csv] [-o FILE] [--force] JOURNAL...\n"
	"       pathwalk report --watch DIR [--plain] [-p FILE] [-f FORMAT] [-o FILE] [--force]\n"
	"\n"
	"Summarise training journals (written by pathwalk train) for the instructor: the pathways and\n"
	"dates, each trainee's sessions with their scores, decision times and status, per case each\n"
	"decision with the pathway's step, the share correct, the most common wrong choice and the\n"
	"median time, a grid of who chose what, the decisions the group got wrong most, and the\n"
	"journals that could not be used, with why. A JOURNAL of - is read from standard input.\n"
	"\n"
	"  -p, --pathway FILE  the pathway the sessions used, for node titles (default: the bundled\n"
	"                      one, when it is the same version); journals of another pathway are\n"
	"                      not included (without -p: of another than most journals used)\n"
	"  -f, --format FMT    text (80 columns, 66-line pages; the default), markdown, html, or csv\n"
	"                      (one row per trainee, case and decision, for a spreadsheet)\n"
	"  -o, --output FILE   write to FILE, which must not exist, or to a stream such as /dev/stdout\n"
	"                      (default, and -o -: standard output); with --watch, the report of\n"
	"                      the journals in DIR when the watch ends\n"
	"  -w, --watch DIR     the room live: each trainee's progress and running score from the\n"
	"                      journals in DIR, redrawn when one changes; q leaves\n"
	"      --plain         with --watch: plain lines, one per change, instead of the screen\n"
	"      --force         use journals whose hash chain is broken (see pathwalk verify)\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit 0 when every journal was used, 2 for a usage error, 3 when a journal (or the pathway\n"
	"given with -p) could not be used, a broken hash chain included (the report is still written\n"
	"from the others), 5 when the output cannot be written. --watch exits 0 after q, 3 when DIR\n"
	"cannot be watched, 128+N after signal N.\n";

/* True when the locale's character set is UTF-8: otherwise the grids are drawn in ASCII. */
static bool utf8_locale(void)
{
	const char *codeset;

	setlocale(LC_CTYPE, "");
	codeset = nl_langinfo(CODESET);
	return codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* Reads every journal into c, printing the problems; returns EXIT_OK or EXIT_INPUT. */
static int add_journals(struct cohort *c, char **paths, int count)
{
	struct diag_list diags = { 0 };
	int status = EXIT_OK;

	for (int i = 0; i < count; i++)
		if (!cohort_add(c, paths[i], &diags))
			status = EXIT_INPUT;
	diag_print(&diags, stderr);
	diag_clear(&diags);
	return status;
}

/* cohort_finish, printing the journals it sets aside; false when it set one aside. */
static bool finish(struct cohort *c)
{
	struct diag_list diags = { 0 };
	bool all = cohort_finish(c, &diags);

	diag_print(&diags, stderr);
	diag_clear(&diags);
	return all;
}

/* What the options asked for. */
struct report_request {
	const char *pathway_path, *output, *watch;
	enum report_format format;
	bool force, csv, plain;
};

/* The report of the journals at paths, written to req->output; returns the exit status. */
static int report_journals(const struct report_request *req, const struct pathway *pw, char **paths, size_t count)
{
	struct strbuf out = STRBUF_INIT;
	char *source = req->pathway_path ? xasprintf("the pathway in %s", req->pathway_path)
					 : xstrdup("the bundled pathway");
	struct cohort c;
	int status;

	cohort_init(&c, pw, source);
	c.force = req->force;
	c.ascii = !utf8_locale();
	if (req->pathway_path && pw)
		c.pathway_id = pw->id;
	status = add_journals(&c, paths, (int)count);
	if (!finish(&c))
		status = EXIT_INPUT;
	if (req->csv)
		cohort_render_csv(&c, &out);
	else
		cohort_render(&c, req->format, &out);
	if (cli_write_output(req->output, sb_str(&out), out.len, "the report") != EXIT_OK)
		status = EXIT_OUTPUT;
	sb_free(&out);
	cohort_free(&c);
	free(source);
	return status;
}

/* --watch DIR: the live view; then, with -o, the report of the journals in DIR at that moment. */
static int report_watch(const struct report_request *req, const struct pathway *pw)
{
	static const char *const suffixes[] = { ".jsonl", NULL };
	struct watch_options wo = { .dir = req->watch, .force = req->force, .plain = req->plain,
				    .pathway_id = req->pathway_path && pw ? pw->id : NULL, .prefer = pw ? pw->id : NULL };
	struct cli_files files = { 0 };
	int status = watch_run(&wo);

	if (status != EXIT_OK || !req->output)
		return status;
	if (!cli_collect_files(&files, req->watch, suffixes))
		status = EXIT_INPUT;
	else
		status = report_journals(req, pw, files.paths, files.count);
	cli_files_free(&files);
	return status;
}

int cmd_report(int argc, char **argv)
{
	static const struct option options[] = {
		{ "pathway", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "watch", required_argument, NULL, 'w' },
		{ "plain", no_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct report_request req = { .format = REPORT_TEXT };
	struct pathway *pw;
	bool failed;
	int ch, status;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":p:f:o:w:h", options, NULL)) != -1) {
		switch (ch) {
		case 'p': req.pathway_path = optarg; break;
		case 'f':
			req.csv = strcmp(optarg, "csv") == 0;
			if (!req.csv && (!report_format_parse(optarg, &req.format) || req.format == REPORT_JSON))
				return cli_usage_error("report", "unknown format '%s' (text, markdown, html or csv)", optarg);
			break;
		case 'o': req.output = optarg; break;
		case 'F': req.force = true; break;
		case 'w': req.watch = optarg; break;
		case 'P': req.plain = true; break;
		case 'h': fputs(report_usage, stdout); return EXIT_OK;
		default: return cli_bad_option("report", ch, argv, options);
		}
	}
	if (req.watch && optind < argc)
		return cli_usage_error("report", "--watch takes a directory, not journal files");
	if (req.plain && !req.watch)
		return cli_usage_error("report", "--plain goes with --watch DIR");
	if (!req.watch && optind >= argc)
		return cli_usage_error("report", "report needs at least one journal file");
	pw = cli_load_journal_pathway(req.pathway_path, &failed);
	if (failed)
		return EXIT_INPUT;
	if (req.watch)
		status = report_watch(&req, pw);
	else
		status = report_journals(&req, pw, argv + optind, (size_t)(argc - optind));
	pathway_free(pw);
	return status;
}
