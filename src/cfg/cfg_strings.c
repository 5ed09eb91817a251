/* SPDX-License-Identifier: Apache-2.0 */
/* Strings as libconfig decoded them: escapes such as "\x1b" or "\xe2\x80\xae" are only visible
 * after parsing, so every string value is checked again here. */
#include "cfgread.h"

#include <string.h>

#include "utf8.h"

#define CFG_STRING_PROBLEMS_MAX 20

/* The name shown for s: its own, or its enclosing setting's for a list or array element. */
static const char *setting_label(const config_setting_t *s)
{
	for (; s; s = config_setting_parent(s))
		if (config_setting_name(s))
			return config_setting_name(s);
	return "value";
}

/* Appends one diagnostic when str holds invalid UTF-8 or an unsafe code point other than a newline
 * or a tab; returns true when it did. */
static bool check_one(const char *file, const config_setting_t *s, const char *str, struct diag_list *diags)
{
	size_t len = strlen(str);

	for (size_t i = 0; i < len;) {
		unsigned long cp;
		bool valid;
		size_t n;

		if (str[i] >= 0x20 && str[i] < 0x7f) { /* printable ASCII is valid and safe: the fast path */
			i++;
			continue;
		}
		n = utf8_decode(str + i, len - i, &cp, &valid);

		if (!valid) {
			diag_add(diags, file, cfg_line(s), "'%s': invalid UTF-8 (byte 0x%02x) after escapes are decoded",
				 setting_label(s), (unsigned char)str[i]);
			return true;
		}
		if (cp != '\n' && cp != '\t' && utf8_is_unsafe(cp)) {
			diag_add(diags, file, cfg_line(s),
				 "'%s': control or text-direction character U+%04lX is not allowed (after escapes are decoded)",
				 setting_label(s), cp);
			return true;
		}
		i += n;
	}
	return false;
}

static void check_tree(const char *file, const config_setting_t *s, struct diag_list *diags, size_t *problems)
{
	int type = config_setting_type(s);

	if (type == CONFIG_TYPE_STRING) {
		if (check_one(file, s, config_setting_get_string(s), diags))
			(*problems)++;
		return;
	}
	if (type != CONFIG_TYPE_GROUP && type != CONFIG_TYPE_LIST && type != CONFIG_TYPE_ARRAY)
		return;
	for (unsigned i = 0; i < cfg_length(s) && *problems < CFG_STRING_PROBLEMS_MAX; i++)
		check_tree(file, s->value.list->elements[i], diags, problems);
}

size_t cfg_check_strings(const config_t *cfg, const char *file, struct diag_list *diags)
{
	size_t problems = 0;

	check_tree(file, config_root_setting(cfg), diags, &problems);
	if (problems >= CFG_STRING_PROBLEMS_MAX)
		diag_add(diags, file, 1, "too many problems in strings; stopped reading");
	return problems;
}
