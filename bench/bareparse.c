/* SPDX-License-Identifier: Apache-2.0 */
/* bareparse [--visit] FILE: the floor the benchmark measures pathwalk against. Reads FILE into
 * memory and parses it with libconfig, nothing else; with --visit it also reads every setting's
 * name, type, line and value once, as a loader must at the least. Exits 0 when the file parsed,
 * 1 when it did not, 2 on usage or I/O errors. Like a command that exits next, it does not free
 * the parse tree (the kernel takes the memory back). Standalone: no project code. */
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads the whole of path into a NUL-terminated buffer; NULL on failure. */
static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, used = 0, n;

	if (!f)
		return NULL;
	do {
		if (used + 65536 + 1 > cap) {
			char *p;

			cap = cap ? cap * 2 : 1 << 20;
			p = realloc(buf, cap);
			if (!p) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = p;
		}
		n = fread(buf + used, 1, cap - used - 1, f);
		used += n;
	} while (n > 0);
	fclose(f);
	buf[used] = '\0';
	*len = used;
	return buf;
}

/* Touches every setting under s once; returns a checksum so the compiler keeps the work. */
static unsigned long visit(const config_setting_t *s)
{
	unsigned long sum = (unsigned long)config_setting_source_line(s);
	const char *name = config_setting_name(s);
	int type = config_setting_type(s);

	if (name)
		sum += strlen(name);
	switch (type) {
	case CONFIG_TYPE_GROUP:
	case CONFIG_TYPE_LIST:
	case CONFIG_TYPE_ARRAY:
		for (int i = 0; i < config_setting_length(s); i++)
			sum += visit(config_setting_get_elem(s, (unsigned)i));
		break;
	case CONFIG_TYPE_STRING:
		sum += strlen(config_setting_get_string(s));
		break;
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		sum += (unsigned long)config_setting_get_int64(s);
		break;
	case CONFIG_TYPE_BOOL:
		sum += (unsigned long)config_setting_get_bool(s);
		break;
	default:
		break;
	}
	return sum;
}

int main(int argc, char **argv)
{
	int visit_all = argc == 3 && strcmp(argv[1], "--visit") == 0;
	const char *path = argv[argc - 1];
	config_t cfg;
	size_t len = 0;
	char *text;

	if (argc != 2 && !visit_all) {
		fprintf(stderr, "usage: bareparse [--visit] FILE\n");
		return 2;
	}
	if (!(text = read_all(path, &len))) {
		perror(path);
		return 2;
	}
	config_init(&cfg);
	if (config_read_string(&cfg, text) != CONFIG_TRUE) {
		fprintf(stderr, "%s:%d: %s\n", path, config_error_line(&cfg), config_error_text(&cfg));
		return 1;
	}
	if (visit_all)
		printf("%s: %zu bytes, checksum %lu\n", path, len, visit(config_root_setting(&cfg)));
	else
		printf("%s: %zu bytes parsed\n", path, len);
	return 0;
}
