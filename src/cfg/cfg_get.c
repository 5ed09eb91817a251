/* SPDX-License-Identifier: Apache-2.0 */
/* Reading the settings of a parsed file: members by name and type, each problem a FILE:LINE
 * diagnostic, and unknown members named with a "did you mean". */
#include "cfgread.h"

#include <string.h>

#include "suggest.h"

int cfg_line(const config_setting_t *s)
{
	int line = s ? (int)config_setting_source_line(s) : 0;

	return line > 0 ? line : 1;
}

static const char *type_name(int type)
{
	switch (type) {
	case CONFIG_TYPE_GROUP: return "a group { }";
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64: return "an integer";
	case CONFIG_TYPE_FLOAT: return "a decimal number";
	case CONFIG_TYPE_STRING: return "a string";
	case CONFIG_TYPE_BOOL: return "true or false";
	case CONFIG_TYPE_ARRAY: return "an array [ ]";
	case CONFIG_TYPE_LIST: return "a list ( )";
	default: return "something else";
	}
}

config_setting_t *cfg_member(const config_setting_t *group, const char *name)
{
	unsigned n = group && config_setting_type(group) == CONFIG_TYPE_GROUP ? cfg_length(group) : 0;

	for (unsigned i = 0; i < n; i++) {
		config_setting_t *m = group->value.list->elements[i];
		const char *mname = config_setting_name(m);

		if (mname && mname[0] == name[0] && strcmp(mname, name) == 0)
			return m;
	}
	return NULL;
}

static config_setting_t *member(const struct cfg_reader *rd, const config_setting_t *group,
				const char *name, bool required, const char *what)
{
	config_setting_t *m = cfg_member(group, name);

	if (!m && required)
		diag_add(rd->diags, rd->file, cfg_line(group), "%s: missing '%s'", what, name);
	return m;
}

const char *cfg_string(const struct cfg_reader *rd, const config_setting_t *group, const char *name,
		       bool required, const char *what)
{
	config_setting_t *m = member(rd, group, name, required, what);

	if (!m)
		return NULL;
	if (config_setting_type(m) != CONFIG_TYPE_STRING) {
		diag_add(rd->diags, rd->file, cfg_line(m), "%s: '%s' must be a string, not %s", what,
			 name, type_name(config_setting_type(m)));
		return NULL;
	}
	return config_setting_get_string(m);
}

bool cfg_int(const struct cfg_reader *rd, const config_setting_t *group, const char *name, long *out,
	     bool required, const char *what)
{
	config_setting_t *m = member(rd, group, name, required, what);
	int type;

	if (!m)
		return false;
	type = config_setting_type(m);
	if (type != CONFIG_TYPE_INT && type != CONFIG_TYPE_INT64) {
		diag_add(rd->diags, rd->file, cfg_line(m), "%s: '%s' must be an integer, not %s", what,
			 name, type_name(type));
		return false;
	}
	*out = (long)config_setting_get_int64(m);
	return true;
}

config_setting_t *cfg_aggregate(const struct cfg_reader *rd, const config_setting_t *group,
				const char *name, bool required, const char *what)
{
	config_setting_t *m = member(rd, group, name, required, what);
	int type;

	if (!m)
		return NULL;
	type = config_setting_type(m);
	if (type != CONFIG_TYPE_LIST && type != CONFIG_TYPE_ARRAY) {
		diag_add(rd->diags, rd->file, cfg_line(m), "%s: '%s' must be a list ( ) or array [ ], not %s",
			 what, name, type_name(type));
		return NULL;
	}
	return m;
}

config_setting_t *cfg_group(const struct cfg_reader *rd, const config_setting_t *group,
			    const char *name, bool required, const char *what)
{
	config_setting_t *m = member(rd, group, name, required, what);

	if (!m)
		return NULL;
	if (config_setting_type(m) != CONFIG_TYPE_GROUP) {
		diag_add(rd->diags, rd->file, cfg_line(m), "%s: '%s' must be a group { }, not %s", what,
			 name, type_name(config_setting_type(m)));
		return NULL;
	}
	return m;
}

void cfg_check_members(const struct cfg_reader *rd, const config_setting_t *group,
		       const char *const *allowed, const char *what)
{
	unsigned n = cfg_length(group);

	for (unsigned i = 0; i < n; i++) {
		config_setting_t *m = group->value.list->elements[i];
		const char *name = config_setting_name(m);
		bool known = false;

		if (!name)
			continue;
		for (const char *const *a = allowed; *a && !known; a++)
			known = (*a)[0] == name[0] && strcmp(*a, name) == 0;
		if (!known) {
			struct suggest sg;

			diag_add(rd->diags, rd->file, cfg_line(m), "%s: unknown setting '%s'", what, name);
			diag_point(rd->diags, NULL, name, false);
			suggest_init(&sg, name, strlen(name));
			for (const char *const *a = allowed; *a; a++)
				suggest_consider(&sg, *a);
			diag_suggest(rd->diags, sg.best);
		}
	}
}
