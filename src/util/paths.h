/* SPDX-License-Identifier: Apache-2.0 */
/* Where session journals go by default: $XDG_STATE_HOME/pathwalk/sessions/ (an absolute
 * XDG_STATE_HOME only, as the XDG spec says), else ~/.local/state/pathwalk/sessions/. */
#ifndef PATHWALK_PATHS_H
#define PATHWALK_PATHS_H

#include <time.h>

/* Returns a new path (caller frees) in the default journal directory that does not exist yet,
 * named by the UTC start time t and the case id: "20250217T090000Z-v5-sij-eligible.jsonl", or
 * "...-walk.jsonl" when case_id is NULL; "-2", "-3", ... before ".jsonl" on collision. Characters
 * of case_id outside [A-Za-z0-9._-] become '_'. Creates missing directories with mode 0700.
 * On failure returns NULL and sets *error to a message naming the directory (caller frees). The
 * file may still appear before the caller creates it: create it with O_EXCL and call again on
 * EEXIST. */
char *paths_default_journal(const char *case_id, time_t t, char **error);

#endif
