/* SPDX-License-Identifier: Apache-2.0 */
/* Free text made safe for Markdown and HTML documents (the log and the training report): sanitized
 * (utf8_append_clean) and then escaped, so no text can become a tag, a link or emphasis. */
#ifndef PATHWALK_MARKUP_H
#define PATHWALK_MARKUP_H

#include <stdbool.h>

struct strbuf;

/* Appends text (NULL: fallback) on one line, with every character that has a Markdown meaning
 * backslash-escaped and angle brackets as entities. */
void markup_md(struct strbuf *out, const char *text, const char *fallback);

/* Appends text (NULL: fallback) HTML-escaped; newlines become <br> when breaks, else spaces. */
void markup_html(struct strbuf *out, const char *text, const char *fallback, bool breaks);

/* Appends the start of a self-contained HTML document up to and including <body>: no scripts and
 * nothing fetched (a Content-Security-Policy refuses both), title (free text, escaped), the inline
 * style sheet css (trusted constant text). */
void markup_html_head(struct strbuf *out, const char *title, const char *css);

#endif
