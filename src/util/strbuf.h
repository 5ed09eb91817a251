/* SPDX-License-Identifier: Apache-2.0 */
/* A growable string buffer (JSON string escaping is json.h's). */
#ifndef PATHWALK_STRBUF_H
#define PATHWALK_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *data; /* always NUL-terminated once anything was appended; NULL when empty and new */
	size_t len, cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_append(struct strbuf *sb, const char *s);
void sb_append_len(struct strbuf *sb, const char *s, size_t len);
void sb_appendf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends one byte: in place while there is room (the common case, inline), else by sb_append_len. */
static inline void sb_append_char(struct strbuf *sb, char c)
{
	if (sb->len + 2 <= sb->cap) {
		sb->data[sb->len++] = c;
		sb->data[sb->len] = '\0';
	} else {
		sb_append_len(sb, &c, 1);
	}
}
/* Returns the contents ("" when empty), transferring ownership to the caller; the buffer is reset. */
char *sb_take(struct strbuf *sb);
/* Returns the contents without transferring ownership ("" when empty). */
const char *sb_str(const struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
