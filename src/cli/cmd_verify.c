/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk verify`: checks that journals are whole (the numbering and the hash chain of DESIGN
 * §6), and with --digest that a journal is the one a printed log was rendered from. */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "journal_read.h"

static const char verify_usage[] =
	"usage: pathwalk verify [--digest HEX] JOURNAL...\n"
	"\n"
	"Check that each journal is whole: its lines are numbered 1, 2, 3, ... (\"seq\") and each\n"
	"carries the sha256 of the line before it (\"prev\"), so a line that was edited, deleted,\n"
	"duplicated or moved is found, and named as FILE:LINE. A last action torn by a crash is not a\n"
	"break: it is named and left out, as every command leaves it out. The chain cannot show lines\n"
	"cut off the end, nor a change to the last line: a printed log shows the digest of the\n"
	"journal's last line beside the signature line for that.\n"
	"\n"
	"  -d, --digest HEX  the journal digest printed on a log (64 hex digits): the journal, or one\n"
	"                    of the journals, must end with the line of that digest\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit 0 when every journal is whole (and, with --digest, one of them ends with that line),\n"
	"1 when a chain is broken, a journal was written before journals carried a chain, or no\n"
	"journal matches the digest, 2 for a usage error, 3 when a journal cannot be read.\n";

/* Lowercases a 64-digit hex digest into out; false when text is not one. */
static bool parse_digest(const char *text, char out[65])
{
	size_t n = strlen(text);

	if (n != 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!isxdigit((unsigned char)text[i]))
			return false;
		out[i] = (char)tolower((unsigned char)text[i]);
	}
	out[64] = '\0';
	return true;
}

/* Verifies one journal; *matched is set when its digest is digest. Returns its exit status. */
static int verify_one(const char *path, const char *digest, bool *matched)
{
	struct diag_list diags = { 0 }, chain = { 0 };
	struct journal_log log;
	int rc = journal_read_file(path, &log, &diags), status = EXIT_OK;

	if (log.chain.integrity != JOURNAL_CHAINED) {
		/* A break explains the line that could not be read, if any: it was changed. */
		journal_chain_describe(&log.chain, log.file, &chain);
		diag_print(&chain, stderr);
		diag_clear(&chain);
		status = log.chain.integrity == JOURNAL_BROKEN || rc == 0 ? EXIT_NEGATIVE : EXIT_INPUT;
		if (status == EXIT_INPUT)
			diag_print(&diags, stderr);
	} else if (rc != 0) {
		diag_print(&diags, stderr);
		status = EXIT_INPUT;
	} else {
		diag_print(&log.notices, stderr);
		*matched = *matched || (digest && strcmp(digest, log.digest) == 0);
		printf("%s: whole: %zu lines, seq 1-%zu, chain intact; last line's digest %s%s\n", path, log.count,
		       log.count, log.digest, !digest ? "" : strcmp(digest, log.digest) == 0 ? " (matches)"
											: " (does not match)");
	}
	diag_clear(&diags);
	journal_log_free(&log);
	return status;
}

int cmd_verify(int argc, char **argv)
{
	static const struct option options[] = {
		{ "digest", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char digest[65];
	bool have_digest = false, matched = false;
	int ch, status = EXIT_OK;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":d:h", options, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (!parse_digest(optarg, digest))
				return cli_usage_error("verify", "--digest needs the 64 hex digits printed on the log");
			have_digest = true;
			break;
		case 'h': fputs(verify_usage, stdout); return EXIT_OK;
		default: return cli_bad_option("verify", ch, argv, options);
		}
	}
	if (optind >= argc)
		return cli_usage_error("verify", "verify needs at least one journal file");
	for (int i = optind; i < argc; i++) {
		int st = verify_one(argv[i], have_digest ? digest : NULL, &matched);

		status = st > status ? st : status;
	}
	if (status == EXIT_OK && have_digest && !matched) {
		fprintf(stderr, "pathwalk: no journal given ends with the line of digest %s\n", digest);
		status = EXIT_NEGATIVE;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("pathwalk: standard output");
		status = EXIT_OUTPUT;
	}
	return status;
}
