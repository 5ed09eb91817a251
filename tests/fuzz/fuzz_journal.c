/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: a session journal, then everything that reads one: the printable log in every
 * format, resume, and the output filter over the text log. */
#include <stdlib.h>

#include "diag.h"
#include "fuzz.h"
#include "journal_read.h"
#include "render.h"
#include "report.h"
#include "resume.h"
#include "safeout.h"
#include "session.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct pathway *pw = fuzz_bundled_pathway();
	struct diag_list diags = { 0 };
	struct journal_log log;

	if (journal_read_text("fuzz.jsonl", (const char *)data, size, &log, &diags) == 0) {
		static const enum report_format formats[] = { REPORT_TEXT, REPORT_MARKDOWN, REPORT_HTML, REPORT_JSON };
		struct report *r = report_build(&log, pw, "<bundled>");
		struct session *s;

		for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
			struct strbuf out = STRBUF_INIT, safe = STRBUF_INIT;

			report_render(r, formats[i], &out);
			safeout_filter(&safe, sb_str(&out), out.len, true);
			sb_free(&out);
			sb_free(&safe);
		}
		report_free(r);
		s = resume_session(pw, &log, FUZZ_TODAY, &diags);
		session_free(s);
	}
	journal_log_free(&log);
	diag_clear(&diags);
	return 0;
}
