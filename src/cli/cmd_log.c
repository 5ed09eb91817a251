/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk log`: render a session journal for people (text, Markdown, HTML) or tools (JSON). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "journal_read.h"
#include "render.h"
#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

static const char log_usage[] =
	"usage: pathwalk log [-p FILE] [--format text|markdown|html|json] [-o FILE] [--ids] [--force] JOURNAL\n"
	"\n"
	"Render a session journal as a printable log. Page 1 is the visit summary: the pathway, the\n"
	"patient, the clinician, the date, the outcome and its plan, the overrides with their reasons,\n"
	"the warnings shown, the journal's digest and a signature line. The record follows from page\n"
	"2: the pathway and session details, every screen with its answers (revisions included), each\n"
	"decision with its explanation, the warnings, the references cited and the disclaimer.\n"
	"JOURNAL - reads standard input.\n"
	"\n"
	"  -p, --pathway FILE  the pathway the session used, for warning texts, references and the\n"
	"                      disclaimer (default: the bundled one, when it is the same version)\n"
	"  -f, --format FMT    text (80 columns, numbered pages for 66-line paper; the default),\n"
	"                      markdown, html or json\n"
	"  -o, --output FILE   write to FILE, which must not exist, or to a stream such as /dev/stdout\n"
	"                      (default, and -o -: standard output)\n"
	"      --ids           also print the node, question, warning and derived ids and the conditions\n"
	"                      in the pathway's syntax (text, markdown, html; json always has them)\n"
	"      --force         render a journal whose hash chain is broken (see pathwalk verify); the\n"
	"                      log then says \"INTEGRITY NOT VERIFIED\" beside the signature line\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit 0 when the log was written, 2 for a usage error, 3 when the journal (or the pathway\n"
	"given with -p) cannot be read or is invalid, or its hash chain is broken (without --force),\n"
	"5 when the output cannot be written.\n";

int cmd_log(int argc, char **argv)
{
	static const struct option options[] = {
		{ "pathway", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "ids", no_argument, NULL, 'I' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *pathway_path = NULL, *output = NULL;
	enum report_format format = REPORT_TEXT;
	struct diag_list diags = { 0 };
	struct journal_log log;
	struct strbuf out = STRBUF_INIT;
	struct pathway *pw;
	struct report *r;
	char *source;
	bool failed, force = false, ids = false;
	int ch, status;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":p:f:o:h", options, NULL)) != -1) {
		switch (ch) {
		case 'p': pathway_path = optarg; break;
		case 'f':
			if (!report_format_parse(optarg, &format))
				return cli_usage_error("log", "unknown format '%s' (text, markdown, html or json)", optarg);
			break;
		case 'o': output = optarg; break;
		case 'F': force = true; break;
		case 'I': ids = true; break;
		case 'h': fputs(log_usage, stdout); return EXIT_OK;
		default: return cli_bad_option("log", ch, argv, options);
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("log", "log needs exactly one journal file");
	if (journal_read_verified(argv[optind], force, &log, &diags) != 0) {
		diag_print(&diags, stderr);
		diag_clear(&diags);
		journal_log_free(&log);
		return EXIT_INPUT;
	}
	diag_print(&log.notices, stderr);
	pw = cli_load_journal_pathway(pathway_path, &failed);
	if (failed) {
		journal_log_free(&log);
		return EXIT_INPUT;
	}
	source = pathway_path ? xasprintf("the pathway in %s", pathway_path) : xstrdup("the bundled pathway");
	r = report_build(&log, pw, source);
	if (!report_pathway_matched(r))
		fprintf(stderr, "pathwalk: note: %s; warning texts, references and the disclaimer are not shown%s\n",
			report_pathway_notice(r), pathway_path ? "" : " (give the pathway with -p FILE)");
	report_render_ids(r, format, ids, &out);
	status = cli_write_output(output, sb_str(&out), out.len, "the log");
	sb_free(&out);
	report_free(r);
	free(source);
	pathway_free(pw);
	journal_log_free(&log);
	return status;
}
