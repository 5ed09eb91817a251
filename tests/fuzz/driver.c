/* SPDX-License-Identifier: Apache-2.0 */
/* A small standalone driver for the fuzz targets, for compilers without libFuzzer (the gcc sanitizer
 * build). Usage: fuzz_X [--mutations N] [--seed S] [--dict FILE] [--last FILE] PATH...
 * Feeds every file (directories: every file in them, sorted) to LLVMFuzzerTestOneInput in a buffer
 * of exactly its size, then N deterministic mutations of them (byte flips, insertions, deletions,
 * copies, dictionary tokens, truncation). Each mutated input is first written to --last, so a crash
 * can be replayed: fuzz_X that-file. A real fuzzer explores far more: see the README. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "xalloc.h"

struct blob {
	unsigned char *data;
	size_t len;
};

struct blobs {
	struct blob *items;
	size_t count, cap;
};

static void add_blob(struct blobs *b, const unsigned char *data, size_t len)
{
	b->items = xgrow(b->items, &b->cap, b->count + 1, sizeof(*b->items));
	b->items[b->count].data = xmalloc(len ? len : 1);
	memcpy(b->items[b->count].data, data, len);
	b->items[b->count++].len = len;
}

static int read_file(const char *path, struct blobs *out)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return -1;
	do {
		buf = xgrow(buf, &cap, len + 65536, 1);
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	add_blob(out, buf, len);
	free(buf);
	return 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds path, or every regular file directly in it when it is a directory. */
static int collect(const char *path, struct blobs *out)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t count = 0, cap = 0;

	if (stat(path, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode))
		return read_file(path, out);
	if (!(d = opendir(path)))
		return -1;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') {
			names = xgrow(names, &cap, count + 1, sizeof(*names));
			names[count++] = xasprintf("%s/%s", path, e->d_name);
		}
	closedir(d);
	if (count)
		qsort(names, count, sizeof(*names), compare_names);
	for (size_t i = 0; i < count; i++) {
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode) && read_file(names[i], out) != 0)
			return -1;
		free(names[i]);
	}
	free(names);
	return 0;
}

/* Reads a libFuzzer dictionary: one "token" per line (name= before it optional; \\, \" and \xHH). */
static void read_dict(const char *path, struct blobs *out)
{
	FILE *f = fopen(path, "r");
	char line[1024];

	if (!f) {
		fprintf(stderr, "fuzz: %s: cannot read the dictionary\n", path);
		exit(2);
	}
	while (fgets(line, sizeof(line), f)) {
		char *p = strchr(line, '"'), *end = strrchr(line, '"');
		unsigned char tok[1024];
		size_t n = 0;

		if (line[0] == '#' || !p || end == p)
			continue;
		for (p++; p < end; p++) {
			if (*p == '\\' && p[1] == 'x' && p + 3 < end) {
				char hex[3] = { p[2], p[3], 0 };

				tok[n++] = (unsigned char)strtoul(hex, NULL, 16);
				p += 3;
			} else if (*p == '\\' && p + 1 < end) {
				tok[n++] = (unsigned char)*++p;
			} else {
				tok[n++] = (unsigned char)*p;
			}
		}
		add_blob(out, tok, n);
	}
	fclose(f);
}

static unsigned long long rng_state = 88172645463325252ULL;

static size_t rnd(size_t below)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return below ? (size_t)(rng_state % below) : 0;
}

/* Applies one random edit to *b (which owns its data). */
static void mutate(struct blob *b, const struct blobs *dict)
{
	size_t at = rnd(b->len + 1), n;
	unsigned char *d;
	const struct blob *tok;

	switch (rnd(6)) {
	case 0: /* flip a bit */
		if (b->len)
			b->data[rnd(b->len)] ^= (unsigned char)(1u << rnd(8));
		return;
	case 1: /* delete a range */
		n = rnd(b->len - (at < b->len ? at : b->len) + 1);
		memmove(b->data + at, b->data + at + n, b->len - at - n);
		b->len -= n;
		return;
	case 2: /* truncate */
		b->len = at;
		return;
	default: /* insert a byte, a dictionary token, or a copy of a range */
		break;
	}
	if (dict->count && rnd(2)) {
		tok = &dict->items[rnd(dict->count)];
		d = tok->data;
		n = tok->len;
	} else if (b->len && rnd(2)) {
		size_t from = rnd(b->len);

		n = rnd(b->len - from) + 1;
		d = b->data + from;
	} else {
		static unsigned char byte;

		byte = (unsigned char)rnd(256);
		d = &byte;
		n = 1;
	}
	{
		unsigned char *grown = xmalloc(b->len + n + 1);

		memcpy(grown, b->data, at);
		memcpy(grown + at, d, n);
		memcpy(grown + at + n, b->data + at, b->len - at);
		free(b->data);
		b->data = grown;
		b->len += n;
	}
}

/* Runs data in a buffer of exactly len bytes, so that reading past it is caught by ASan. */
static void run(const unsigned char *data, size_t len)
{
	unsigned char *exact = xmalloc(len ? len : 1);

	memcpy(exact, data, len);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
}

/* Overwrites the --last file (FD, open for the whole run; -1 when none) with b. It is rewritten in
 * place, not reopened and truncated: on ext4 a file truncated and closed is flushed each time,
 * which cost a sixth of a run. What was written is in the file even if the process dies next. */
static void save_last(int fd, const struct blob *b)
{
	static size_t written;

	if (fd < 0)
		return;
	if (pwrite(fd, b->data, b->len, 0) != (ssize_t)b->len ||
	    (b->len < written && ftruncate(fd, (off_t)b->len) != 0)) {
		perror("fuzz: the --last file");
		exit(2);
	}
	written = b->len;
}

int main(int argc, char **argv)
{
	struct blobs corpus = { 0 }, dict = { 0 };
	long mutations = 0;
	const char *last = NULL;
	int i = 1, last_fd = -1;

	for (; i < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
		if (i + 1 >= argc)
			break;
		if (strcmp(argv[i], "--mutations") == 0)
			mutations = strtol(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--seed") == 0)
			rng_state ^= strtoull(argv[i + 1], NULL, 10) * 0x9e3779b97f4a7c15ULL;
		else if (strcmp(argv[i], "--dict") == 0)
			read_dict(argv[i + 1], &dict);
		else if (strcmp(argv[i], "--last") == 0)
			last = argv[i + 1];
		else
			break;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: %s [--mutations N] [--seed S] [--dict FILE] [--last FILE] PATH...\n", argv[0]);
		return 2;
	}
	for (; i < argc; i++)
		if (collect(argv[i], &corpus) != 0) {
			fprintf(stderr, "fuzz: %s: cannot read\n", argv[i]);
			return 2;
		}
	for (size_t k = 0; k < corpus.count; k++)
		run(corpus.items[k].data, corpus.items[k].len);
	if (last && (last_fd = open(last, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0) {
		perror(last);
		return 2;
	}
	for (long m = 0; m < mutations && corpus.count; m++) {
		const struct blob *seed = &corpus.items[rnd(corpus.count)];
		struct blob b = { xmalloc(seed->len ? seed->len : 1), seed->len };
		size_t edits = 1 + rnd(4);

		memcpy(b.data, seed->data, seed->len);
		for (size_t e = 0; e < edits; e++)
			mutate(&b, &dict);
		save_last(last_fd, &b);
		run(b.data, b.len);
		free(b.data);
	}
	printf("fuzz: %zu inputs and %ld mutations of them ran without a fault\n", corpus.count, mutations);
	if (last_fd >= 0)
		close(last_fd);
	for (size_t k = 0; k < corpus.count; k++)
		free(corpus.items[k].data);
	for (size_t k = 0; k < dict.count; k++)
		free(dict.items[k].data);
	free(corpus.items);
	free(dict.items);
	return 0;
}
