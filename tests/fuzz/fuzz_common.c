/* SPDX-License-Identifier: Apache-2.0 */
/* What the fuzz targets share: the bundled pathway, loaded once per process. */
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "fuzz.h"

const struct pathway *fuzz_bundled_pathway(void)
{
	static struct pathway *pw;

	if (!pw) {
		struct diag_list diags = { 0 };

		pw = pathway_load_bundled(&diags);
		diag_clear(&diags);
		if (!pw) {
			fprintf(stderr, "fuzz: the bundled pathway does not load\n");
			abort();
		}
	}
	return pw;
}
