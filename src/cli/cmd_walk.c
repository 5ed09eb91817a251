/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk walk`: option parsing; the walk itself lives in screens/. */
#include <getopt.h>
#include <stdio.h>

#include "walk.h"
#include "cli.h"
#include "fileio.h"

static const char walk_usage[] =
	"usage: pathwalk [walk] [-p FILE] [--case CASE] [--log FILE] [--plain] [--ids]\n"
	"                       [--clinician NAME] [--patient REF]\n"
	"       pathwalk walk [-p FILE] [--case CASE] [--plain] [--force] --resume JOURNAL\n"
	"\n"
	"Walk the pathway in the terminal, one screen at a time.\n"
	"\n"
	"  -p, --pathway FILE  walk this pathway instead of the bundled one\n"
	"  -c, --case CASE     pre-fill the answers from a case file (each screen is still confirmed)\n"
	"  -l, --log FILE      write the session journal to FILE (must not exist); default:\n"
	"                      $XDG_STATE_HOME/pathwalk/sessions/\n"
	"      --plain         line-by-line prompts on stdin/stdout, no full-screen interface\n"
	"      --ids           for pathway authors: each condition and clause also in pathway syntax\n"
	"      --clinician NAME  the clinician's name for the log (otherwise asked, optional)\n"
	"      --patient REF   a patient reference for the log (otherwise asked, optional)\n"
	"  -r, --resume JOURNAL  continue the interrupted session of JOURNAL, appending to it\n"
	"                      (with the pathway it was started with; a torn last action is dropped;\n"
	"                      --case pre-fills the screens still to come)\n"
	"      --force         resume a journal whose hash chain is broken (see pathwalk verify)\n"
	"  -h, --help          show this help\n";

int cmd_walk(int argc, char **argv)
{
	static const struct option options[] = {
		{ "pathway", required_argument, NULL, 'p' },
		{ "case", required_argument, NULL, 'c' },
		{ "log", required_argument, NULL, 'l' },
		{ "plain", no_argument, NULL, 'P' },
		{ "ids", no_argument, NULL, 'I' },
		{ "clinician", required_argument, NULL, 'C' },
		{ "patient", required_argument, NULL, 'R' },
		{ "resume", required_argument, NULL, 'r' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *pathway_path = NULL, *case_path = NULL;
	struct walk_options opt = { 0 };
	struct casefile *c = NULL;
	int ch, status;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":p:c:l:r:h", options, NULL)) != -1) {
		switch (ch) {
		case 'p': pathway_path = optarg; break;
		case 'c': case_path = optarg; break;
		case 'l': opt.log_path = optarg; break;
		case 'P': opt.plain = true; break;
		case 'I': opt.ids = true; break;
		case 'C': opt.clinician = optarg; break;
		case 'R': opt.patient = optarg; break;
		case 'r': opt.resume_path = optarg; break;
		case 'F': opt.force = true; break;
		case 'h': fputs(walk_usage, stdout); return EXIT_OK;
		default: return cli_bad_option("walk", ch, argv, options);
		}
	}
	if (optind < argc)
		return cli_usage_error("walk", "unexpected argument '%s'", argv[optind]);
	if (opt.force && !opt.resume_path)
		return cli_usage_error("walk", "--force is for --resume");
	if (fileio_is_stdio(opt.log_path) || fileio_is_stdio(opt.resume_path))
		return cli_usage_error("walk", "a journal is a file that the walk appends to: '-' cannot be one");
	if (fileio_is_stdio(case_path) || fileio_is_stdio(pathway_path))
		return cli_usage_error("walk", "standard input is where the walk reads its answers: give --case and -p a file");
	if (opt.resume_path && (opt.log_path || opt.clinician || opt.patient))
		return cli_usage_error("walk", "--resume continues a journal as it was: no --log, --clinician or --patient");
	if (!cli_check_text("walk", "--clinician", opt.clinician, 80) ||
	    !cli_check_text("walk", "--patient", opt.patient, 40))
		return EXIT_USAGE;
	if (!cli_init_clock())
		return EXIT_USAGE;
	opt.pw = cli_load_pathway(pathway_path);
	if (!opt.pw)
		return EXIT_INPUT;
	if (case_path && !(c = cli_load_case(case_path, opt.pw))) {
		pathway_free((struct pathway *)opt.pw);
		return EXIT_INPUT;
	}
	opt.prefill = c;
	opt.pathway_path = pathway_path;
	opt.case_path = case_path;
	status = walk_run(&opt);
	casefile_free(c);
	pathway_free((struct pathway *)opt.pw);
	return status;
}
