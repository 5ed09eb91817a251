/* SPDX-License-Identifier: Apache-2.0 */
/* bundlecheck FILE...: the build's check of the pathway embedded in the binary. Runs the loader's
 * pre-scan (cfg_prescan: UTF-8, control characters, @include, nesting, 32-bit integers),
 * libconfig's parse and the check of the decoded strings (cfg_check_strings) over each FILE,
 * prints every problem as FILE:LINE: message and exits 1 when there was one, so that a bundled
 * pathway that would need them never builds; pathway_load_bundled then skips them at run time. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgread.h"
#include "pathway.h"

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2) {
		fputs("usage: bundlecheck FILE...\n", stderr);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct diag_list diags = { 0 };
		config_t cfg;
		size_t len;
		char *text = cfg_read_file(argv[i], PATHWAY_MAX_BYTES, &len);

		if (!text) {
			fprintf(stderr, "bundlecheck: %s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		if (!cfg_parse(&cfg, argv[i], text, len, PATHWAY_MAX_NESTING, &diags))
			status = 1;
		config_destroy(&cfg);
		diag_print(&diags, stderr);
		diag_clear(&diags);
		free(text);
	}
	return status;
}
