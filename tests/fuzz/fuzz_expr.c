/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: one expression against the bundled pathway (every derived value visible), then its
 * static analysis, its evaluation and its explanation with every answer unknown. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "expr.h"
#include "fuzz.h"
#include "value.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct pathway *pw = fuzz_bundled_pathway();
	struct diag_list diags = { 0 };
	char *source = xstrndup((const char *)data, size); /* the parser takes a C string */
	struct expr_type type;
	struct expr *e = strlen(source) == size
				 ? expr_parse(source, pw, (int)pw->nderived, "fuzz.cfg", 1, &diags, &type)
				 : NULL;

	if (e) {
		struct value *answers = xcalloc(pw->nvars + 1, sizeof(*answers));
		struct value *derived = xcalloc(pw->nderived + 1, sizeof(*derived));
		struct expr_env env = { pw, answers, derived, pw->start, false };
		struct expr_explanation x;

		(void)expr_static_truth(e, pw);
		(void)expr_eval(e, &env);
		expr_explain(e, &env, &x);
		expr_explanation_free(&x);
		free(answers);
		free(derived);
		expr_free(e);
	}
	diag_clear(&diags);
	free(source);
	return 0;
}
