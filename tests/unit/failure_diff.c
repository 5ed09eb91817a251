/* SPDX-License-Identifier: Apache-2.0 */
/* Fails on purpose: ctest (unit/failure_diff) passes when the output shows the line diff that
 * criterion prints for two different multi-line strings, which proves that libgit2, loaded only
 * when a diff is needed (criterion_git.c), still loads and diffs. */

#include <criterion/criterion.h>
#include <criterion/new/assert.h>

Test(failure_diff, strings_differ_on_one_line)
{
	cr_assert(eq(str, "alpha\nbeta\ngamma\n", "alpha\nBETA\ngamma\n"));
}
