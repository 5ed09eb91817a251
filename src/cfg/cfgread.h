/* SPDX-License-Identifier: Apache-2.0 */
/* Reading libconfig files safely: the pre-parse checks libconfig 1.5 lacks (it wraps big integers,
 * accepts invalid UTF-8 and exits the process on `@include "."`), and typed accessors that report
 * problems as diagnostics with the setting's line. Shared by pathway and case files. */
#ifndef PATHWALK_CFGREAD_H
#define PATHWALK_CFGREAD_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Reads a whole file (at most max_bytes; "-" is standard input) into a NUL-terminated buffer the caller frees.
 * Returns NULL with errno set on failure (EFBIG when too large). */
char *cfg_read_file(const char *path, size_t max_bytes, size_t *len);

/* Checks text before libconfig sees it: valid UTF-8, no control characters (a NUL means binary),
 * no @include, nesting at most max_nesting, every integer literal within 32 bits. Appends one
 * diagnostic per problem (file:line) and returns how many were found. */
size_t cfg_prescan(const char *file, const char *text, size_t len, int max_nesting,
		   struct diag_list *diags);

/* Prescans and parses text[0, len) (which need not be NUL-terminated; nothing past len is read)
 * into cfg (initialised here; the caller calls config_destroy even on failure), then checks its
 * decoded strings (when an escape or a non-ASCII byte could make one unsafe). Returns true on success; otherwise appends the problems to diags. */
bool cfg_parse(config_t *cfg, const char *file, const char *text, size_t len, int max_nesting,
	       struct diag_list *diags);

/* Checks every string value of cfg as libconfig decoded it (escapes included): valid UTF-8 without
 * control or text-direction characters (utf8_is_unsafe; newlines and tabs allowed). Appends one
 * FILE:LINE diagnostic per bad string and returns how many were found. */
size_t cfg_check_strings(const config_t *cfg, const char *file, struct diag_list *diags);

/* As cfg_parse, for NUL-terminated text that passed cfg_prescan and cfg_check_strings already. */
bool cfg_parse_prescanned(config_t *cfg, const char *file, const char *text, struct diag_list *diags);

/* The number of elements of s: as config_setting_length (0 for a scalar), without the call. */
static inline unsigned cfg_length(const config_setting_t *s)
{
	int type = config_setting_type(s);

	if (type != CONFIG_TYPE_GROUP && type != CONFIG_TYPE_LIST && type != CONFIG_TYPE_ARRAY)
		return 0;
	return s->value.list ? s->value.list->length : 0;
}

/* The member of group called name, or NULL. As config_setting_get_member, without its character-
 * by-character path parsing, which was a tenth of loading a large pathway. */
config_setting_t *cfg_member(const config_setting_t *group, const char *name);

/* Typed access with diagnostics. `what` names the enclosing object in messages ("node 'x'"). */
struct cfg_reader {
	const char *file;
	struct diag_list *diags;
};

int cfg_line(const config_setting_t *s);

/* A string member; NULL when absent (a diagnostic if required) or not a string (always a diagnostic). */
const char *cfg_string(const struct cfg_reader *rd, const config_setting_t *group, const char *name,
		       bool required, const char *what);

/* An integer member into *out; false when absent (diagnostic if required) or not an integer. */
bool cfg_int(const struct cfg_reader *rd, const config_setting_t *group, const char *name, long *out,
	     bool required, const char *what);

/* A list or array member; NULL when absent (diagnostic if required) or of another kind. */
config_setting_t *cfg_aggregate(const struct cfg_reader *rd, const config_setting_t *group,
				const char *name, bool required, const char *what);

/* A group member; NULL when absent (diagnostic if required) or not a group. */
config_setting_t *cfg_group(const struct cfg_reader *rd, const config_setting_t *group,
			    const char *name, bool required, const char *what);

/* Reports every member of group whose name is not in allowed (NULL-terminated). */
void cfg_check_members(const struct cfg_reader *rd, const config_setting_t *group,
		       const char *const *allowed, const char *what);

/* True when s is a plain identifier: [A-Za-z_][A-Za-z0-9_]*. */
bool cfg_is_identifier(const char *s);

#endif
