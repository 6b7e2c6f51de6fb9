/*
 * time: run a program and report the time it took.
 *
 *	time [-p] utility [argument ...]
 *
 * Runs the utility (found through PATH) and, when it ends, prints on
 * the standard error the wall time it took (CLOCK_MONOTONIC, from
 * before the fork to after the wait) and the CPU time wait4(2) reports
 * for it, user and system, in seconds:
 *
 *	        1.52 real         1.20 user         0.00 sys
 *
 * or with -p, the POSIX form, one "real 1.52" line for each.  (The CPU
 * times are the clock ticks the kernel charged to the utility in user
 * mode and in the kernel; only the utility's own, not those of the
 * processes it starts.)
 *
 * Guest instructions.  Under QEMU's -icount shift=S the time-stamp
 * counter advances 2^S for each instruction the guest executes, so the
 * difference of two readings, shifted right by S, counts instructions.
 * The kernel knows S only if it was booted with icount=S (tests/bench.sh
 * does), and says so in the sysctl nodes kern.icount (1; 0 otherwise)
 * and kern.icount_shift (S).
 * When it is known, time adds a line
 *
 *	   123456789 instructions
 *
 * (-p: "instructions 123456789"): every instruction the machine ran
 * while the utility ran, the kernel's and other processes' included.
 * Time the guest spends halted, waiting for a disk, also advances the
 * counter under "-icount sleep=on"; only work that never waits is an
 * exact count.
 *
 * Exit status: the utility's; if a signal killed it, the signal is
 * named on the standard error and the status is 128 + its number; 126
 * if the utility was found but could not be executed, 127 if it was
 * not found (with "time: utility: error"); 1 for bad usage or an error
 * of time itself.  While the utility runs, time ignores SIGINT and
 * SIGQUIT, so that they reach the utility alone.
 */
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void
usage(void)
{

	fprintf(stderr, "usage: time [-p] utility [argument ...]\n");
	exit(1);
}

static uint64_t
rdtsc(void)
{
	uint32_t lo, hi;

	__asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (((uint64_t)hi << 32) | lo);
}

static double
now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		err(1, "clock_gettime");
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* The icount shift the kernel was told of, or -1. */
static int
icount_shift(void)
{
	size_t len;
	int on, v;

	len = sizeof(on);
	if (sysctlbyname("kern.icount", &on, &len, NULL, 0) == -1 ||
	    len != sizeof(on) || on != 1)
		return (-1);
	len = sizeof(v);
	if (sysctlbyname("kern.icount_shift", &v, &len, NULL, 0) == -1 ||
	    len != sizeof(v) || v < 0 || v > 9)
		return (-1);
	return (v);
}

int
main(int argc, char *argv[])
{
	struct rusage ru;
	struct sigaction sa, oint, oquit;
	uint64_t t0, t1;
	double w0, w1, user, sys;
	pid_t pid;
	int ch, pflag = 0, st, shift, e;

	while ((ch = getopt(argc, argv, "p")) != -1) {
		switch (ch) {
		case 'p':
			pflag = 1;
			break;
		default:
			usage();
		}
	}
	argv += optind;
	if (*argv == NULL)
		usage();
	shift = icount_shift();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	w0 = now();
	t0 = rdtsc();
	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid == 0) {
		execvp(*argv, argv);
		e = errno;
		warn("%s", *argv);
		_exit(e == ENOENT ? 127 : 126);
	}
	sigaction(SIGINT, &sa, &oint);
	sigaction(SIGQUIT, &sa, &oquit);
	memset(&ru, 0, sizeof(ru));
	while (wait4(pid, &st, 0, &ru) == -1)
		if (errno != EINTR)
			err(1, "wait4");
	t1 = rdtsc();
	w1 = now();
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);

	user = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6;
	sys = ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	if (WIFSIGNALED(st))
		fprintf(stderr, "time: %s killed by signal %d (%s)\n", *argv,
		    WTERMSIG(st), strsignal(WTERMSIG(st)));
	if (pflag) {
		fprintf(stderr, "real %.2f\nuser %.2f\nsys %.2f\n", w1 - w0,
		    user, sys);
		if (shift >= 0)
			fprintf(stderr, "instructions %llu\n",
			    (unsigned long long)((t1 - t0) >> shift));
	} else {
		fprintf(stderr, "%12.2f real %12.2f user %12.2f sys\n",
		    w1 - w0, user, sys);
		if (shift >= 0)
			fprintf(stderr, "%12llu instructions\n",
			    (unsigned long long)((t1 - t0) >> shift));
	}
	if (WIFSIGNALED(st))
		return (128 + WTERMSIG(st));
	return (WIFEXITED(st) ? WEXITSTATUS(st) : 1);
}
