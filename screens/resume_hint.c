/* SPDX-License-Identifier: Apache-2.0 */
/* The command that continues an unfinished walk, printed when it ends: what the user would
 * otherwise have to piece together from the usage and the journal's path. */
#include "walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

/* A word for the shell: quoted unless it is plainly safe. Caller frees. */
static char *shell_word(const char *word)
{
	struct strbuf sb = STRBUF_INIT;

	if (word[0] && strspn(word, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+=:,@") ==
			       strlen(word))
		return xstrdup(word);
	sb_append_char(&sb, '\'');
	for (const char *p = word; *p; p++)
		if (*p == '\'')
			sb_append(&sb, "'\\''");
		else
			sb_append_char(&sb, *p);
	sb_append_char(&sb, '\'');
	return sb_take(&sb);
}

static void append_option(struct strbuf *sb, const char *name, const char *value)
{
	char *quoted;

	if (!value)
		return;
	quoted = shell_word(value);
	sb_appendf(sb, " %s %s", name, quoted);
	free(quoted);
}

void walk_print_resume_command(const struct walk_options *opt, const char *journal_path)
{
	struct strbuf sb = STRBUF_INIT;

	sb_append(&sb, "pathwalk walk");
	append_option(&sb, "-p", opt->pathway_path);
	append_option(&sb, "--case", opt->case_path);
	if (opt->plain)
		sb_append(&sb, " --plain");
	append_option(&sb, "--resume", journal_path);
	printf("The walk is not finished. To continue it: %s\n", sb_str(&sb));
	fflush(stdout);
	sb_free(&sb);
}
