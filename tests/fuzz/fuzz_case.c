/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: a case file against the bundled pathway, then a headless replay of it with the
 * readable walk and the replay --json object written to /dev/null. */
#include <stdio.h>

#include "casefile.h"
#include "diag.h"
#include "fuzz.h"
#include "replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct pathway *pw = fuzz_bundled_pathway();
	struct diag_list diags = { 0 };
	struct casefile *c = casefile_load_text("fuzz.cfg", (const char *)data, size, pw, &diags);

	if (c) {
		FILE *sink = fopen("/dev/null", "w");
		struct replay_result r = { .missing = -1 };

		replay_run(pw, c, NULL, FUZZ_TODAY, sink, &r);
		if (sink)
			replay_write_json(pw, c, &r, sink);
		replay_result_free(&r);
		if (sink)
			fclose(sink);
		casefile_free(c);
	}
	diag_clear(&diags);
	return 0;
}
