/* SPDX-License-Identifier: Apache-2.0 */
#include "cfgread.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfgsyntax.h"
#include "fileio.h"
#include "suggest.h"
#include "utf8.h"
#include "xalloc.h"

/* Closes what cfg_read_file opened; standard input stays open. */
static void close_input(int fd, bool is_stdin)
{
	if (!is_stdin)
		close(fd);
}

char *cfg_read_file(const char *path, size_t max_bytes, size_t *len)
{
	bool is_stdin = fileio_is_stdio(path);
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char *buf = NULL;
	size_t cap = 0, used = 0;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close_input(fd, is_stdin);
		errno = EISDIR;
		return NULL;
	}
	for (;;) {
		ssize_t n;

		buf = xgrow(buf, &cap, used + 65536 + 1, 1);
		n = read(fd, buf + used, cap - used - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int saved = errno;

			free(buf);
			close_input(fd, is_stdin);
			errno = saved;
			return NULL;
		}
		if (n == 0)
			break;
		used += (size_t)n;
		if (used > max_bytes) {
			free(buf);
			close_input(fd, is_stdin);
			errno = EFBIG;
			return NULL;
		}
	}
	close_input(fd, is_stdin);
	buf[used] = '\0';
	*len = used;
	return buf;
}

/* Length of a valid UTF-8 sequence at s, or 0 when the bytes are not valid UTF-8. */
static size_t utf8_length(const unsigned char *s, size_t avail)
{
	unsigned long cp;
	bool valid;
	size_t n = utf8_decode((const char *)s, avail, &cp, &valid);

	return valid ? n : 0;
}

static bool is_ident_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Checks the number starting at s[i] (after an optional sign); returns its length. Floats are left
 * to libconfig; integers must fit in 32 bits because libconfig 1.5 wraps larger ones silently. */
static size_t scan_number(const char *file, int line, const unsigned char *s, size_t i, size_t len,
			  struct diag_list *diags, size_t *problems)
{
	size_t start = i, digits_start;
	bool hex = false, negative = false;
	unsigned long long value = 0;
	bool overflow = false;

	if (s[i] == '-' || s[i] == '+')
		negative = s[i++] == '-';
	if (i + 1 < len && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
		hex = true;
		i += 2;
	}
	digits_start = i;
	while (i < len && (is_digit(s[i]) || (hex && (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f'))) {
		unsigned d = is_digit(s[i]) ? (unsigned)(s[i] - '0') : (unsigned)((s[i] | 0x20) - 'a' + 10);

		if (value > (ULLONG_MAX - d) / (hex ? 16 : 10))
			overflow = true;
		else
			value = value * (hex ? 16 : 10) + d;
		i++;
	}
	if (!hex && i < len && (s[i] == '.' || s[i] == 'e' || s[i] == 'E'))
		return i - start; /* a float: the rest is skipped as ordinary text */
	if (i > digits_start) {
		unsigned long long limit = negative ? (unsigned long long)INT32_MAX + 1 : INT32_MAX;

		if (overflow || value > limit) {
			diag_add(diags, file, line,
				 "integer %.*s is out of range: pathwalk integers must lie between %d and %d",
				 (int)(i - start), (const char *)s + start, INT32_MIN, INT32_MAX);
			diag_point_offset(diags, start, i - start);
			(*problems)++;
		}
	}
	return i - start;
}

enum scan_state { CODE, STRING, LINE_COMMENT, BLOCK_COMMENT };

/* For each byte, a bit per state in which it needs no check and changes nothing: printable ASCII
 * in a string (but a quote or a backslash) or a comment (but the star that may end a block
 * comment), and in code the blanks and separators between settings and the letters of names. */
static unsigned char plain_bits[256];

static void init_plain_bits(void)
{
	for (int c = 0x20; c < 0x7f; c++) {
		plain_bits[c] |= 1u << LINE_COMMENT;
		if (c != '"' && c != '\\')
			plain_bits[c] |= 1u << STRING;
		if (c != '*')
			plain_bits[c] |= 1u << BLOCK_COMMENT;
	}
	for (const char *c = " =;,:_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"; *c; c++)
		plain_bits[(unsigned char)*c] |= 1u << CODE; /* a digit after a letter is no number */
}

/* The end of the run of such bytes from s[i]: the pre-scan's fast path. */
static size_t skip_plain(const unsigned char *s, size_t i, size_t len, enum scan_state state)
{
	unsigned char bit = (unsigned char)(1u << state);

	while (i < len && (plain_bits[s[i]] & bit))
		i++;
	return i;
}

/* As cfg_prescan; *decoded_check (when not NULL) is set when a string holds more than printable
 * ASCII, tabs, newlines and the escapes \" \\ \n \t: only then can its decoded text be unsafe. */
static size_t prescan(const char *file, const char *text, size_t len, int max_nesting,
		      struct diag_list *diags, bool *decoded_check)
{
	const unsigned char *s = (const unsigned char *)text;
	enum scan_state state = CODE;
	size_t problems = 0;
	int line = 1, depth = 0, bad_line = 0;
	bool nesting_reported = false;

	if (!plain_bits['a'])
		init_plain_bits();
	for (size_t i = 0; i < len && problems < 20;) {
		unsigned char c;
		size_t n, plain_end = skip_plain(s, i, len, state); /* the fast path */

		if (plain_end > i) {
			i = plain_end;
			continue;
		}
		c = s[i];
		n = c < 0x80 ? 1 : utf8_length(s + i, len - i);
		if (n == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
			if (bad_line != line) {
				if (c == 0)
					diag_add(diags, file, line, "NUL byte: this is not a text file");
				else if (n == 0)
					diag_add(diags, file, line, "invalid UTF-8 (byte 0x%02x)", c);
				else
					diag_add(diags, file, line, "control character 0x%02x is not allowed", c);
				diag_point_offset(diags, i, 1);
				problems++;
				bad_line = line;
			}
			i++;
			continue;
		}
		if (c == '\n') {
			line++;
			if (state == LINE_COMMENT)
				state = CODE;
			i++;
			continue;
		}
		switch (state) {
		case STRING:
			if (c == '\\' && i + 1 < len && s[i + 1] != '\n') {
				if (decoded_check && !strchr("\"\\nt", s[i + 1] ? s[i + 1] : 'x'))
					*decoded_check = true;
				i += 2;
			} else {
				if (c == '"')
					state = CODE;
				else if (decoded_check && c != '\t')
					*decoded_check = true;
				i += n;
			}
			continue;
		case LINE_COMMENT:
			i += n;
			continue;
		case BLOCK_COMMENT:
			if (c == '*' && i + 1 < len && s[i + 1] == '/') {
				state = CODE;
				i += 2;
			} else {
				i += n;
			}
			continue;
		case CODE:
			break;
		}
		if (c == '"') {
			state = STRING;
			i++;
		} else if (c == '#' || (c == '/' && i + 1 < len && s[i + 1] == '/')) {
			state = LINE_COMMENT;
			i++;
		} else if (c == '/' && i + 1 < len && s[i + 1] == '*') {
			state = BLOCK_COMMENT;
			i += 2;
		} else if (c == '@') {
			diag_add(diags, file, line, "@include and other @ directives are not allowed");
			diag_point_offset(diags, i, 1);
			problems++;
			i++;
		} else if (c == '{' || c == '(' || c == '[') {
			if (++depth > max_nesting && !nesting_reported) {
				diag_add(diags, file, line, "nesting is deeper than %d levels", max_nesting);
				diag_point_offset(diags, i, 1);
				problems++;
				nesting_reported = true;
			}
			i++;
		} else if (c == '}' || c == ')' || c == ']') {
			if (depth > 0)
				depth--;
			i++;
		} else if ((is_digit(c) || ((c == '-' || c == '+') && i + 1 < len && is_digit(s[i + 1]))) &&
			   (i == 0 || !is_ident_char(s[i - 1]))) {
			i += scan_number(file, line, s, i, len, diags, &problems);
		} else if (is_ident_char(c)) {
			while (i < len && (is_ident_char(s[i]) || s[i] == '-'))
				i++;
		} else {
			i += n;
		}
	}
	if (problems >= 20)
		diag_add(diags, file, line, "too many problems; stopped reading");
	return problems;
}

size_t cfg_prescan(const char *file, const char *text, size_t len, int max_nesting,
		   struct diag_list *diags)
{
	return prescan(file, text, len, max_nesting, diags, NULL);
}

/* libconfig's syntax error as pathwalk's diagnostic, for text[0, len). */
static void parse_error(config_t *cfg, const char *file, const char *text, size_t len, struct diag_list *diags)
{
	const char *msg = config_error_text(cfg);
	int line = config_error_line(cfg) > 0 ? config_error_line(cfg) : 1;

	/* libconfig says only "syntax error": pathwalk's own reading says what was expected. */
	if (msg && strcmp(msg, "syntax error") == 0 && cfg_syntax_check(file, text, len, false, diags))
		return;
	if (msg && strcmp(msg, "syntax error") == 0)
		diag_add(diags, file, line, "libconfig cannot read this line as settings");
	else
		diag_add(diags, file, line, "%s", msg ? msg : "libconfig cannot read this file");
}

bool cfg_parse(config_t *cfg, const char *file, const char *text, size_t len, int max_nesting,
	       struct diag_list *diags)
{
	bool decoded_check = false;
	FILE *stream;
	int parsed;

	if (prescan(file, text, len, max_nesting, diags, &decoded_check) > 0) {
		config_init(cfg);
		return false;
	}
	if (len == 0)
		return cfg_parse_prescanned(cfg, file, "", diags);
	/* libconfig reads the stream: exactly what was prescanned, without copying the text to end
	 * it with a NUL, nor libconfig copying it again (config_read_string does). */
	config_init(cfg);
	stream = fmemopen((void *)text, len, "r");
	parsed = stream ? config_read(cfg, stream) : CONFIG_FALSE;
	if (stream)
		fclose(stream);
	if (!stream) {
		diag_add(diags, file, 1, "cannot read: %s", strerror(errno));
		return false;
	}
	if (parsed != CONFIG_TRUE) {
		parse_error(cfg, file, text, len, diags);
		return false;
	}
	return !decoded_check || cfg_check_strings(cfg, file, diags) == 0;
}

bool cfg_parse_prescanned(config_t *cfg, const char *file, const char *text, struct diag_list *diags)
{
	config_init(cfg);
	if (config_read_string(cfg, text) != CONFIG_TRUE) {
		parse_error(cfg, file, text, strlen(text), diags);
		return false;
	}
	return true;
}

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

bool cfg_is_identifier(const char *s)
{
	if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return false;
	for (s++; *s; s++)
		if (!is_ident_char((unsigned char)*s))
			return false;
	return true;
}
