/* SPDX-License-Identifier: Apache-2.0 */
/* libconfig's grammar, checked again by pathwalk to say what libconfig's bare "syntax error"
 * meant ("missing ',' before '{'", "expected '=' after 'version'", "unclosed '{' opened at line
 * 12"), and to find the ';' that libconfig lets an author leave out. */
#ifndef PATHWALK_CFGSYNTAX_H
#define PATHWALK_CFGSYNTAX_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Reads text (len bytes, already prescanned: valid UTF-8, no @include) as libconfig would and
 * appends its first syntax error to diags, pointed at where it is, as an error of file. With
 * warnings, also appends a warning for each setting not ended by ';' where libconfig tolerated it.
 * The source of diags must be text (diag_set_source) for the places to be exact. Returns true
 * when a syntax error was found. */
bool cfg_syntax_check(const char *file, const char *text, size_t len, bool warnings,
		      struct diag_list *diags);

#endif
