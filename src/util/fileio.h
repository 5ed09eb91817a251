/* SPDX-License-Identifier: Apache-2.0 */
/* Naming standard input and output on the command line, and low-level file writing shared by the journal and the files pathwalk writes (logs, reports). */
#ifndef PATHWALK_FILEIO_H
#define PATHWALK_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

/* True when a command-line path is "-", which names standard input (or, for -o, output). */
bool fileio_is_stdio(const char *path);

/* The name of an input in messages: "<stdin>" for "-", else path itself. */
const char *fileio_input_name(const char *path);

/* True when the name s ends in suffix (".jsonl"). */
bool fileio_has_suffix(const char *s, const char *suffix);

/* Writes all len bytes of buf to fd, retrying after signals and short writes. Returns 0, or -1
 * with errno set; *done (may be NULL) says how many bytes reached the file either way. */
int fileio_write_all(int fd, const char *buf, size_t len, size_t *done);

/* fsyncs the directory that holds path, so that an entry just created or linked there survives a
 * crash. Returns 0 (also where the file system cannot sync a directory), or -1 with errno set. */
int fileio_sync_directory_of(const char *path);

#endif
