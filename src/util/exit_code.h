/* SPDX-License-Identifier: Apache-2.0 */
/* pathwalk's exit codes (DESIGN §3, a contract): chosen by main and the cmd_* functions, and by
 * safeout_finish when standard output fails. */
#ifndef PATHWALK_EXIT_CODE_H
#define PATHWALK_EXIT_CODE_H

enum exit_code {
	EXIT_OK = 0,
	EXIT_NEGATIVE = 1, /* the job ran; the answer is no (check found problems, tests failed) */
	EXIT_USAGE = 2,
	EXIT_INPUT = 3,    /* an input file could not be read or is invalid */
	EXIT_STOPPED = 4,  /* replay stopped: a needed answer is missing and has no default */
	EXIT_OUTPUT = 5,   /* the log or another output could not be written */
};

#endif
