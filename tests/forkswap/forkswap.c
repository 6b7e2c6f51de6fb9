/*
 * forkswap.c: /bin/forkswap, the forking server under memory pressure
 * that `make bench' times on each kind of disk (tests/bench.sh).  The
 * same file builds on Linux (glibc), so that the figures can be set
 * beside Linux's on the same emulated machine.
 *
 *	forkswap [-r rounds] [-d daemon_mib] [-g hog_mib] [-w percent]
 *
 * A daemon holds daemon_mib (6) MiB of anonymous memory and runs rounds
 * (30) rounds.  In each round it
 *
 *	1. forks a child, which stays alive until the round ends, so
 *	   that the daemon's pages are shared copy-on-write with it;
 *	2. rewrites percent (25) % of its pages, a different quarter
 *	   each round: each page is read and checked first (a page-in,
 *	   since the last hog pushed it out), then written (a
 *	   copy-on-write fault, since the child shares it): the rewrite;
 *	3. forks a hog that writes hog_mib (24) MiB and exits, which
 *	   pushes everything else out to swap: the hog (page-out);
 *	4. lets the child exit and waits for it.
 *
 * It prints a line per round, then the medians over the rounds of the
 * whole round, the rewrite and the hog, and the page-in rate during the
 * rewrites and the page-out rate during the hogs (pages per second, from
 * vm.stats.pageins and pageouts on Umbra, pswpin and pswpout in
 * /proc/vmstat on Linux), as "BENCH name value unit" lines.  A page that
 * reads back wrong ends the program with status 1.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__) && defined(__GLIBC__)
#define	FORKSWAP_LINUX	1
#else
#include <sys/sysctl.h>
#endif

#define	PGSZ		4096UL
#define	MAXROUNDS	1000

static double round_ms[MAXROUNDS], hog_ms[MAXROUNDS], rewrite_ms[MAXROUNDS];

static void
fail(const char *what)
{

	fprintf(stderr, "forkswap: %s: %s\n", what, strerror(errno));
	exit(1);
}

static double
now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		fail("clock_gettime");
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

/* Pages swapped in and out since boot. */
static void
paging(unsigned long *in, unsigned long *out)
{
#ifdef FORKSWAP_LINUX
	char name[64];
	unsigned long v;
	FILE *f;

	*in = *out = 0;
	if ((f = fopen("/proc/vmstat", "r")) == NULL)
		fail("/proc/vmstat");
	while (fscanf(f, "%63s %lu", name, &v) == 2) {
		if (strcmp(name, "pswpin") == 0)
			*in = v;
		else if (strcmp(name, "pswpout") == 0)
			*out = v;
	}
	fclose(f);
#else
	unsigned int v;
	size_t len = sizeof(v);

	if (sysctlbyname("vm.stats.pageins", &v, &len, NULL, 0) == -1)
		fail("vm.stats.pageins");
	*in = v;
	len = sizeof(v);
	if (sysctlbyname("vm.stats.pageouts", &v, &len, NULL, 0) == -1)
		fail("vm.stats.pageouts");
	*out = v;
#endif
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

static double
median(double *v, int n)
{

	qsort(v, n, sizeof(*v), cmp_double);
	return (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

/* Fork a process that writes mib MiB and exits; wait for it. */
static void
hog(unsigned long mib)
{
	unsigned long i, n = mib * 256;
	pid_t pid;
	char *p;
	int st;

	if ((pid = fork()) == -1)
		fail("fork (hog)");
	if (pid == 0) {
		p = mmap(NULL, n * PGSZ, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (p == MAP_FAILED)
			_exit(2);
		for (i = 0; i < n; i++)
			p[i * PGSZ] = (char)i;
		_exit(0);
	}
	if (waitpid(pid, &st, 0) != pid)
		fail("waitpid (hog)");
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "forkswap: the hog failed (status %#x)\n", st);
		exit(1);
	}
}

static void
usage(void)
{

	fprintf(stderr, "usage: forkswap [-r rounds] [-d daemon_mib] "
	    "[-g hog_mib] [-w percent]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	unsigned long dmib = 6, gmib = 24, pct = 25, rounds = 30, n, i, step;
	unsigned long in0, out0, in1, out1, in2, out2, pin = 0, pout = 0;
	unsigned int *mem, *version;
	double t0, t1, t2, t3, rw_total = 0, hog_total = 0;
	int c, r, st, go[2];
	pid_t child;

	while ((c = getopt(argc, argv, "r:d:g:w:")) != -1) {
		switch (c) {
		case 'r':
			rounds = strtoul(optarg, NULL, 10);
			break;
		case 'd':
			dmib = strtoul(optarg, NULL, 10);
			break;
		case 'g':
			gmib = strtoul(optarg, NULL, 10);
			break;
		case 'w':
			pct = strtoul(optarg, NULL, 10);
			break;
		default:
			usage();
		}
	}
	if (optind != argc || rounds < 1 || rounds > MAXROUNDS || dmib < 1 ||
	    pct < 1 || pct > 100)
		usage();
	n = dmib * 256;
	step = 100 / pct;	/* every step-th page, one further a round */
	mem = mmap(NULL, n * PGSZ, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	if (mem == MAP_FAILED || (version = calloc(n, sizeof(*version))) ==
	    NULL)
		fail("memory for the daemon");
	for (i = 0; i < n; i++)
		mem[i * (PGSZ / 4)] = (unsigned int)i << 12;
	hog(gmib);

	for (r = 0; r < (int)rounds; r++) {
		t0 = now_ms();
		if (pipe(go) == -1)
			fail("pipe");
		if ((child = fork()) == -1)
			fail("fork");
		if (child == 0) {
			char b;

			close(go[1]);
			(void)read(go[0], &b, 1);	/* the round's end */
			_exit(0);
		}
		close(go[0]);

		paging(&in0, &out0);
		t1 = now_ms();
		for (i = r % step; i < n; i += step) {
			if (mem[i * (PGSZ / 4)] != ((unsigned int)i << 12 |
			    version[i])) {
				fprintf(stderr, "forkswap: round %d: page %lu "
				    "reads %#x, not %#x\n", r, i,
				    mem[i * (PGSZ / 4)],
				    (unsigned int)i << 12 | version[i]);
				exit(1);
			}
			version[i] = (version[i] + 1) & 0xfff;
			mem[i * (PGSZ / 4)] = (unsigned int)i << 12 |
			    version[i];
		}
		t2 = now_ms();
		paging(&in1, &out1);
		hog(gmib);
		t3 = now_ms();
		paging(&in2, &out2);

		close(go[1]);
		if (waitpid(child, &st, 0) != child)
			fail("waitpid");
		round_ms[r] = now_ms() - t0;
		rewrite_ms[r] = t2 - t1;
		hog_ms[r] = t3 - t2;
		rw_total += t2 - t1;
		hog_total += t3 - t2;
		pin += in1 - in0;
		pout += out2 - out1;
		printf("forkswap: round %d: %.1f ms, rewrite %.1f ms (%lu in, "
		    "%lu out), hog %.1f ms (%lu in, %lu out)\n", r,
		    round_ms[r], rewrite_ms[r], in1 - in0, out1 - out0,
		    hog_ms[r], in2 - in1, out2 - out1);
		fflush(stdout);
	}
	printf("BENCH forkswap_round %.1f ms\n", median(round_ms, rounds));
	printf("BENCH forkswap_hog %.1f ms\n", median(hog_ms, rounds));
	printf("BENCH forkswap_rewrite %.1f ms\n", median(rewrite_ms, rounds));
	printf("BENCH forkswap_pagein_rate %.1f pages/s\n",
	    rw_total > 0 ? pin / (rw_total / 1e3) : 0);
	printf("BENCH forkswap_pageout_rate %.1f pages/s\n",
	    hog_total > 0 ? pout / (hog_total / 1e3) : 0);
	printf("BENCH forkswap_pageins %lu pages\n", pin);
	printf("BENCH forkswap_pageouts %lu pages\n", pout);
	return (0);
}
