/* SPDX-License-Identifier: Apache-2.0 */
/* Linked into every unit test (cmake/criterion.cmake). Criterion runs each test in a fresh
 * execution of the test binary and initialises libgit2 in each, though it uses libgit2 only to
 * diff two strings when an assertion fails; loading libgit2 and the libraries it needs (mbedtls,
 * krb5, ssh2, libcrypto...) and initialising it (Debian's parses every CA certificate) was more
 * than half the CPU time of a passing test's process. These definitions, which take the place
 * of libgit2's own for criterion, load libgit2 (PATHWALK_LIBGIT2, with dlopen) and initialise it
 * only when criterion asks for the first diff, so a failing assertion still prints its diff. */

#include <dlfcn.h>
#include <git2/diff.h>
#include <git2/global.h>
#include <pthread.h>
#include <stdio.h>

typedef int git_init_fn(void);
typedef int git_diff_buffers_fn(const void *old_buffer, size_t old_len, const char *old_as_path,
	const void *new_buffer, size_t new_len, const char *new_as_path, const git_diff_options *options,
	git_diff_file_cb file_cb, git_diff_binary_cb binary_cb, git_diff_hunk_cb hunk_cb,
	git_diff_line_cb line_cb, void *payload);

static pthread_once_t libgit2_once = PTHREAD_ONCE_INIT;
static git_init_fn *real_shutdown;          /* set once libgit2 is loaded and initialised */
static git_diff_buffers_fn *real_diff_buffers;

/* Loads libgit2 and initialises it; on failure says why on stderr and leaves the pointers NULL. */
static void load_libgit2(void)
{
	void *lib = dlopen(PATHWALK_LIBGIT2, RTLD_NOW | RTLD_LOCAL);
	git_init_fn *init = lib ? (git_init_fn *)dlsym(lib, "git_libgit2_init") : NULL;
	git_init_fn *shutdown = lib ? (git_init_fn *)dlsym(lib, "git_libgit2_shutdown") : NULL;
	git_diff_buffers_fn *diff = lib ? (git_diff_buffers_fn *)dlsym(lib, "git_diff_buffers") : NULL;

	if (!init || !shutdown || !diff) {
		fprintf(stderr, "criterion_git: no diff, cannot load libgit2: %s\n", dlerror());
		return;
	}
	if (init() < 0) {
		fprintf(stderr, "criterion_git: no diff, libgit2 did not initialise\n");
		return;
	}
	real_shutdown = shutdown;
	real_diff_buffers = diff;
}

/* Criterion's "initialise libgit2": defers it to the first diff; always succeeds (returns 1). */
int git_libgit2_init(void)
{
	return 1;
}

/* Criterion's "shut libgit2 down": shuts down the real library if a diff loaded it; returns 0. */
int git_libgit2_shutdown(void)
{
	if (real_shutdown)
		real_shutdown();
	return 0;
}

/* libgit2's diff of two buffers, the library loaded and initialised on the first call; -1 when
 * it cannot be loaded (criterion then prints the two values without a diff). */
int git_diff_buffers(const void *old_buffer, size_t old_len, const char *old_as_path,
	const void *new_buffer, size_t new_len, const char *new_as_path, const git_diff_options *options,
	git_diff_file_cb file_cb, git_diff_binary_cb binary_cb, git_diff_hunk_cb hunk_cb,
	git_diff_line_cb line_cb, void *payload)
{
	pthread_once(&libgit2_once, load_libgit2);
	if (!real_diff_buffers)
		return -1;
	return real_diff_buffers(old_buffer, old_len, old_as_path, new_buffer, new_len, new_as_path,
		options, file_cb, binary_cb, hunk_cb, line_cb, payload);
}
