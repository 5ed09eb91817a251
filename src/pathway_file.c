/* Loading a pathway from a file, or from standard input for "-". */
#include "pathway.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cfgread.h"
#include "fileio.h"

struct pathway *pathway_load_file_text(const char *path, struct diag_list *diags, bool *io_error,
				       char **text, size_t *len)
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
	return pathway_load_text(fileio_input_name(path), *text, *len, diags);
}

struct pathway *pathway_load_file(const char *path, struct diag_list *diags, bool *io_error)
{
	size_t len;
	char *text;
	struct pathway *pw = pathway_load_file_text(path, diags, io_error, &text, &len);

	free(text);
	return pw;
}
