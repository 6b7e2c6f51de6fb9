/*
 * rusage.c: measuring a program the way benchmark harnesses and
 * profilers do: getrusage(2) for user and system time and the peak
 * resident set, times(3) and clock(3), a child's usage through
 * RUSAGE_CHILDREN and wait4, and a sampling profiler's SIGPROF ticks
 * from setitimer(ITIMER_PROF).
 */
#define _DEFAULT_SOURCE

#include <sys/types.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ptest.h"

#define	MIB	(1024 * 1024)

static volatile sig_atomic_t samples;

static void
on_prof(int sig)
{

	(void)sig;
	samples++;
}

static double
tv_sec(const struct timeval *tv)
{

	return (tv->tv_sec + tv->tv_usec / 1e6);
}

/* Burn CPU in user mode until getrusage says secs have been used. */
static void
burn(double secs)
{
	struct rusage ru;
	volatile unsigned long x = 0;
	double start;
	int i;

	getrusage(RUSAGE_SELF, &ru);
	start = tv_sec(&ru.ru_utime);
	do {
		for (i = 0; i < 100000; i++)
			x += i;
		getrusage(RUSAGE_SELF, &ru);
	} while (tv_sec(&ru.ru_utime) - start < secs);
}

int
main(void)
{
	struct itimerval itv;
	struct sigaction sa;
	struct rusage ru, cru;
	struct tms tms;
	clock_t c0, c1;
	long kib, sum, i;
	char *mem;
	pid_t pid;
	int st;

	pt_start("rusage");

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_prof;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGPROF, &sa, NULL);
	memset(&itv, 0, sizeof(itv));
	itv.it_interval.tv_usec = 10000;
	itv.it_value.tv_usec = 10000;
	setitimer(ITIMER_PROF, &itv, NULL);
	c0 = clock();
	burn(0.5);
	c1 = clock();
	memset(&itv, 0, sizeof(itv));
	setitimer(ITIMER_PROF, &itv, NULL);
	getrusage(RUSAGE_SELF, &ru);
	printf("rusage: %.2f s user, %.2f s system, %d profile samples\n",
	    tv_sec(&ru.ru_utime), tv_sec(&ru.ru_stime), (int)samples);
	pt_check(tv_sec(&ru.ru_utime) >= 0.5, "user time",
	    "%.3f s after burning 0.5 s", tv_sec(&ru.ru_utime));
	pt_check(samples >= 10, "SIGPROF samples a busy program",
	    "%d samples of 10 ms in 0.5 s of CPU", (int)samples);
	pt_check((double)(c1 - c0) / CLOCKS_PER_SEC >= 0.5,
	    "clock() counts CPU time", "%.3f s", (double)(c1 - c0) /
	    CLOCKS_PER_SEC);

	/* Use the memory, or the compiler may drop it altogether. */
	sum = 0;
	mem = malloc(8 * MIB);
	if (mem != NULL) {
		memset(mem, 1, 8 * MIB);
		for (i = 0; i < 8 * MIB; i += 4096)
			sum += mem[i];
	}
	getrusage(RUSAGE_SELF, &ru);
	kib = ru.ru_maxrss;		/* KiB on the BSDs and Linux */
	printf("rusage: maxrss %ld KiB\n", kib);
	pt_check(mem != NULL && sum == 8 * MIB / 4096 && kib >= 8 * 1024,
	    "maxrss counts memory used", "%ld KiB after touching 8 MiB",
	    kib);
	free(mem);

	if ((pid = fork()) == 0) {
		burn(0.3);
		_exit(0);
	}
	if (wait4(pid, &st, 0, &cru) != pid) {
		pt_check(0, "wait4", "failed");
		return (pt_done());
	}
	getrusage(RUSAGE_CHILDREN, &ru);
	pt_check(tv_sec(&cru.ru_utime) >= 0.3 &&
	    tv_sec(&ru.ru_utime) >= 0.3, "a child's time",
	    "wait4 %.3f s, RUSAGE_CHILDREN %.3f s", tv_sec(&cru.ru_utime),
	    tv_sec(&ru.ru_utime));
	if (times(&tms) == (clock_t)-1)
		pt_check(0, "times", "failed");
	else
		pt_check((double)tms.tms_cutime / sysconf(_SC_CLK_TCK) >= 0.3 &&
		    (double)tms.tms_utime / sysconf(_SC_CLK_TCK) >= 0.5,
		    "times", "utime %ld, cutime %ld ticks",
		    (long)tms.tms_utime, (long)tms.tms_cutime);
	return (pt_done());
}
