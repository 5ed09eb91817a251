/* `pathwalk log`: render a session journal for people (text, Markdown, HTML) or tools (JSON). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* O_CLOEXEC, O_NOFOLLOW */
#endif
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "journal_read.h"
#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

static const char log_usage[] =
	"usage: pathwalk log [-p FILE] [--format text|markdown|html|json] [-o FILE] JOURNAL\n"
	"\n"
	"Render a session journal as a printable log: the pathway and session details, every screen\n"
	"with its answers (revisions included), each decision with its explained condition and any\n"
	"override with its reason, the warnings shown, the endpoint, the references cited, the\n"
	"disclaimer and a signature line.\n"
	"\n"
	"  -p, --pathway FILE  the pathway the session used, for warning texts, references and the\n"
	"                      disclaimer (default: the bundled one, when it is the same version)\n"
	"  -f, --format FMT    text (80 columns, 66-line pages; the default), markdown, html or json\n"
	"  -o, --output FILE   write to FILE, which must not exist (default: standard output)\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit 0 when the log was written, 2 for a usage error, 3 when the journal (or the pathway\n"
	"given with -p) cannot be read or is invalid, 5 when the output cannot be written.\n";

/* Writes all of data to a new file at path (0600: the log holds patient details), never
 * overwriting or following a link. Returns 0, or -1 with errno set and no file left behind. */
static int write_new_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	size_t done = 0;
	int saved;

	if (fd < 0)
		return -1;
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		done += (size_t)n;
	}
	if (fsync(fd) != 0 && errno != EINVAL)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		(void)close(fd);
	(void)unlink(path);
	errno = saved;
	return -1;
}

/* The pathway to take texts from: the one given, or the bundled one (silently: a journal of
 * another pathway is still rendered, with a note). NULL after printing errors for a bad -p. */
static struct pathway *load_pathway(const char *path, bool *failed)
{
	struct diag_list diags = { 0 };
	struct pathway *pw;

	*failed = false;
	if (path) {
		pw = cli_load_pathway(path);
		*failed = pw == NULL;
		return pw;
	}
	pw = pathway_load_bundled(&diags);
	diag_clear(&diags);
	return pw;
}

int cmd_log(int argc, char **argv)
{
	static const struct option options[] = {
		{ "pathway", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
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
	bool failed;
	int ch, status = EXIT_OK;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "p:f:o:h", options, NULL)) != -1) {
		switch (ch) {
		case 'p': pathway_path = optarg; break;
		case 'f':
			if (!report_format_parse(optarg, &format))
				return cli_usage_error("log", "unknown format '%s' (text, markdown, html or json)", optarg);
			break;
		case 'o': output = optarg; break;
		case 'h': fputs(log_usage, stdout); return EXIT_OK;
		default: return cli_usage_error("log", "unknown option");
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("log", "log needs exactly one journal file");
	if (journal_read_file(argv[optind], &log, &diags) != 0) {
		diag_print(&diags, stderr);
		diag_clear(&diags);
		journal_log_free(&log);
		return EXIT_INPUT;
	}
	diag_print(&log.notices, stderr);
	pw = load_pathway(pathway_path, &failed);
	if (failed) {
		journal_log_free(&log);
		return EXIT_INPUT;
	}
	source = pathway_path ? xasprintf("the pathway in %s", pathway_path) : xstrdup("the bundled pathway");
	r = report_build(&log, pw, source);
	if (!report_pathway_matched(r))
		fprintf(stderr, "pathwalk: note: %s; warning texts, references and the disclaimer are not shown%s\n",
			report_pathway_notice(r), pathway_path ? "" : " (give the pathway with -p FILE)");
	report_render(r, format, &out);
	if (output) {
		if (write_new_file(output, sb_str(&out), out.len) != 0) {
			fprintf(stderr, "pathwalk: %s: cannot write the log: %s%s\n", output, strerror(errno),
				errno == EEXIST || errno == ELOOP ? " (an existing file or link is never overwritten)"
								  : "");
			status = EXIT_OUTPUT;
		}
	} else if (fwrite(sb_str(&out), 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		fprintf(stderr, "pathwalk: cannot write the log to standard output: %s\n", strerror(errno));
		status = EXIT_OUTPUT;
	}
	sb_free(&out);
	report_free(r);
	free(source);
	pathway_free(pw);
	journal_log_free(&log);
	return status;
}
