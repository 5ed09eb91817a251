/* SPDX-License-Identifier: Apache-2.0 */
/* Loading a pathway from a file, or from standard input for "-". */
#include "pathway.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cfgread.h"
#include "fileio.h"

/* Reads path and loads it: a draft when broken is not NULL (pathway_load_draft), else as
 * pathway_load_file_text with hash; hands over the text. */
static struct pathway *load_file(const char *path, struct diag_list *diags, bool *io_error, bool *broken,
				 char **text, size_t *len, bool hash)
{
	*len = 0;
	*text = cfg_read_file(path, PATHWAY_MAX_BYTES, len);
	*io_error = false;
	if (!*text) {
		diag_add(diags, fileio_input_name(path), 0, "cannot read: %s",
			 errno == EFBIG ? "file too large" : strerror(errno));
		*io_error = true;
		return NULL;
	}
	if (broken)
		return pathway_load_draft(fileio_input_name(path), *text, *len, diags, broken);
	if (!hash)
		return pathway_load_text_unhashed(fileio_input_name(path), *text, *len, diags);
	return pathway_load_text(fileio_input_name(path), *text, *len, diags);
}

struct pathway *pathway_load_file_text(const char *path, struct diag_list *diags, bool *io_error,
				       char **text, size_t *len, bool hash)
{
	return load_file(path, diags, io_error, NULL, text, len, hash);
}

struct pathway *pathway_load_file_draft(const char *path, struct diag_list *diags, bool *io_error, bool *broken)
{
	size_t len;
	char *text;
	struct pathway *pw = load_file(path, diags, io_error, broken, &text, &len, true);

	free(text);
	return pw;
}

struct pathway *pathway_load_file(const char *path, struct diag_list *diags, bool *io_error)
{
	size_t len;
	char *text;
	struct pathway *pw = pathway_load_file_text(path, diags, io_error, &text, &len, true);

	free(text);
	return pw;
}
