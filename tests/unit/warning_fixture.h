/* SPDX-License-Identifier: Apache-2.0 */
/* The pathway around the warnings of the warning unit tests: HEAD is lines 1-4 (so the warnings
 * start on line 5), TAIL one endpoint node after them. */
#ifndef PATHWALK_TEST_WARNING_FIXTURE_H
#define PATHWALK_TEST_WARNING_FIXTURE_H

#define HEAD \
	"pathway = { id = \"t\"; title = \"T\"; version = \"1\"; review_date = \"2030-01-01\"; start = \"a\"; disclaimer = \"D\";\n" \
	"references = ( { id = \"r\"; citation = \"C\"; } );\n" \
	"stages = ( { id = \"s\"; label = \"S\"; } );\n" \
	"variables = ( { id = \"n\"; type = \"int\"; min = 0; max = 10; prompt = \"N\"; } );\n"
#define TAIL \
	"\nnodes = ( { id = \"a\"; stage = \"s\"; screen = \"endpoint\"; title = \"A\"; } ); };"

#endif
