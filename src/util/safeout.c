/* SPDX-License-Identifier: Apache-2.0 */
/* The output boundary: the filter, and stdout/stderr replaced by glibc cookie streams that pass
 * every byte through it before it reaches file descriptor 1 or 2. */
#define _GNU_SOURCE 1 /* fopencookie */
#include "safeout.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exit_code.h"
#include "strbuf.h"
#include "utf8.h"

size_t safeout_filter(struct strbuf *sb, const char *s, size_t len, bool final)
{
	size_t i = 0, plain = 0;

	while (i < len) {
		const unsigned char c = (unsigned char)s[i];
		unsigned long cp;
		bool valid;
		size_t n;

		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if (!final && c >= 0x80 && utf8_incomplete(s + i, len - i))
			break;
		n = utf8_decode(s + i, len - i, &cp, &valid);
		if (valid && (c == '\n' || c == '\t' || c == '\f' || !utf8_is_unsafe(cp))) {
			i += n;
			continue;
		}
		sb_append_len(sb, s + plain, i - plain);
		if (valid)
			sb_appendf(sb, "\\u%04lx", cp);
		else
			sb_appendf(sb, "\\x%02x", c);
		i += n;
		plain = i;
	}
	sb_append_len(sb, s + plain, i - plain);
	return i;
}

/* One guarded descriptor: bytes held back (an incomplete sequence) and the first write error. */
struct guard {
	int fd;
	char held[4];
	size_t nheld;
	int error;
};

static struct guard out_guard = { .fd = STDOUT_FILENO }, err_guard = { .fd = STDERR_FILENO };
static FILE *raw_stdout;

static int write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Filters held bytes and buf together; holds back a new incomplete tail unless final. */
static int guard_pass(struct guard *g, const char *buf, size_t size, bool final)
{
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
	size_t used;
	int rc;

	sb_append_len(&in, g->held, g->nheld);
	if (size)
		sb_append_len(&in, buf, size);
	used = in.len ? safeout_filter(&out, in.data, in.len, final) : 0;
	g->nheld = in.len - used;
	memcpy(g->held, in.data + used, g->nheld);
	rc = write_all(g->fd, out.data ? out.data : "", out.len);
	if (rc != 0 && !g->error)
		g->error = errno ? errno : EIO;
	sb_free(&in);
	sb_free(&out);
	return rc;
}

static ssize_t guard_write(void *cookie, const char *buf, size_t size)
{
	if (guard_pass(cookie, buf, size, false) != 0)
		return -1;
	return (ssize_t)size;
}

static FILE *guarded(struct guard *g)
{
	cookie_io_functions_t io = { .write = guard_write };

	return fopencookie(g, "w", io);
}

void safeout_install(void)
{
	FILE *out, *err;

	if (raw_stdout)
		return;
	out = guarded(&out_guard);
	err = guarded(&err_guard);
	if (!out || !err) {
		if (out)
			fclose(out);
		if (err)
			fclose(err);
		return; /* without memory for two streams the output stays as it was */
	}
	setvbuf(out, NULL, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF, 0);
	setvbuf(err, NULL, _IOLBF, 0);
	raw_stdout = stdout;
	stdout = out;
	stderr = err;
}

FILE *safeout_terminal(void)
{
	return raw_stdout ? raw_stdout : stdout;
}

int safeout_finish(int status)
{
	bool failed = fflush(stdout) != 0 || ferror(stdout);
	int err = errno;

	if (raw_stdout) {
		if (out_guard.nheld && guard_pass(&out_guard, NULL, 0, true) != 0)
			failed = true;
		if (out_guard.error)
			err = out_guard.error;
	}
	if (!failed || status >= EXIT_USAGE)
		return status;
	fprintf(stderr, "pathwalk: standard output: %s\n", strerror(err ? err : EIO));
	return EXIT_OUTPUT;
}
