/* SPDX-License-Identifier: Apache-2.0 */
/* Escaping free text for Markdown and HTML (see markup.h). */
#include "markup.h"

#include <string.h>

#include "strbuf.h"
#include "utf8.h"

void markup_md(struct strbuf *out, const char *text, const char *fallback)
{
	struct strbuf clean = STRBUF_INIT;

	utf8_append_clean(&clean, text ? text : fallback, false);
	for (const char *p = sb_str(&clean); *p; p++) {
		/* Angle brackets as entities: no raw tag survives, even for tools that grep the source. */
		if (*p == '<')
			sb_append(out, "&lt;");
		else if (*p == '>')
			sb_append(out, "&gt;");
		else if (strchr("\\`*_[]&|~#!", *p))
			sb_appendf(out, "\\%c", *p);
		else
			sb_append_char(out, *p);
	}
	sb_free(&clean);
}

void markup_html(struct strbuf *out, const char *text, const char *fallback, bool breaks)
{
	struct strbuf clean = STRBUF_INIT;

	utf8_append_clean(&clean, text ? text : fallback, breaks);
	for (const char *p = sb_str(&clean); *p; p++) {
		switch (*p) {
		case '<': sb_append(out, "&lt;"); break;
		case '>': sb_append(out, "&gt;"); break;
		case '&': sb_append(out, "&amp;"); break;
		case '"': sb_append(out, "&quot;"); break;
		case '\'': sb_append(out, "&#39;"); break;
		case '\n': sb_append(out, "<br>"); break;
		default: sb_append_char(out, *p); break;
		}
	}
	sb_free(&clean);
}

void markup_html_head(struct strbuf *out, const char *title, const char *css)
{
	sb_append(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       /* No scripts, no network: refuse them even if some text slipped through. */
		       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		       "style-src 'unsafe-inline'\">\n<title>");
	markup_html(out, title, "", false);
	sb_appendf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
}
