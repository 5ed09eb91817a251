/* SPDX-License-Identifier: Apache-2.0 */
/* pairs RUNS CMD_A... -- CMD_B...: runs A and B alternately RUNS times each (A B A B ...) with
 * their output sent to /dev/null, and prints one line of figures comparing A to B:
 *   ratio MEDIAN MIN MAX a_ms MEDIAN b_ms MEDIAN rss_ratio R a_kb KB b_kb KB status A B
 * where ratio is A's CPU time (user + system, from wait4) over B's, per pair, and the rss figures
 * are the largest peak resident set of each. Pairing cancels most of a noisy machine's drift.
 * Exits 1 when a command could not run or a run's exit status differed from its first run's.
 * Standalone: no project code. */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

struct run {
	double cpu;  /* seconds */
	long rss_kb;
	int status;  /* exit code, or 128 + signal */
};

static int run_once(char **argv, struct run *r)
{
	struct rusage ru;
	int wstatus;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &wstatus, 0, &ru) != pid)
		return -1;
	r->cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		 (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	r->rss_kb = ru.ru_maxrss;
	r->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
	return r->status == 127 ? -1 : 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 0, sep = 0;
	double *ratio, *a_cpu, *b_cpu;
	long a_rss = 0, b_rss = 0;
	int a_status = -1, b_status = -1, bad = 0;

	for (int i = 2; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			sep = i;
			break;
		}
	if (runs < 1 || sep <= 2 || sep + 1 >= argc) {
		fprintf(stderr, "usage: pairs RUNS CMD_A... -- CMD_B...\n");
		return 2;
	}
	argv[sep] = NULL;
	ratio = calloc((size_t)runs, sizeof(*ratio));
	a_cpu = calloc((size_t)runs, sizeof(*a_cpu));
	b_cpu = calloc((size_t)runs, sizeof(*b_cpu));
	if (!ratio || !a_cpu || !b_cpu)
		return 2;
	for (int i = 0; i < runs; i++) {
		struct run a, b;

		if (run_once(argv + 2, &a) != 0 || run_once(argv + sep + 1, &b) != 0) {
			fprintf(stderr, "pairs: cannot run %s or %s\n", argv[2], argv[sep + 1]);
			return 1;
		}
		if (i == 0) {
			a_status = a.status;
			b_status = b.status;
		}
		bad |= a.status != a_status || b.status != b_status;
		a_cpu[i] = a.cpu;
		b_cpu[i] = b.cpu;
		ratio[i] = b.cpu > 0 ? a.cpu / b.cpu : 0;
		if (a.rss_kb > a_rss)
			a_rss = a.rss_kb;
		if (b.rss_kb > b_rss)
			b_rss = b.rss_kb;
	}
	{
		double med = median(ratio, runs);

		printf("ratio %.3f %.3f %.3f a_ms %.2f b_ms %.2f rss_ratio %.3f a_kb %ld b_kb %ld status %d %d\n",
		       med, ratio[0], ratio[runs - 1], median(a_cpu, runs) * 1000, median(b_cpu, runs) * 1000,
		       b_rss ? (double)a_rss / (double)b_rss : 0, a_rss, b_rss, a_status, b_status);
	}
	if (bad)
		fprintf(stderr, "pairs: an exit status changed between runs\n");
	return bad;
}
