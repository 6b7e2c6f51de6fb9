/*
 * sleep.c: sleeping as daemons do: a heartbeat from a periodic
 * ITIMER_REAL while the main loop sleeps, with nanosleep resumed on
 * EINTR from the time it reports left, so that the whole sleep lasts
 * at least as long as asked; usleep; and the POSIX feature macros
 * that say the clocks exist.
 */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 600

#include <sys/time.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ptest.h"

static volatile sig_atomic_t beats;

static void
on_beat(int sig)
{

	(void)sig;
	beats++;
}

static double
now(void)
{
	struct timespec ts;

#if defined(_POSIX_MONOTONIC_CLOCK) && _POSIX_MONOTONIC_CLOCK >= 0
	clock_gettime(CLOCK_MONOTONIC, &ts);
#else
	clock_gettime(CLOCK_REALTIME, &ts);
#endif
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* Sleep secs seconds, through signals; returns the interruptions. */
static int
sleep_through(double secs)
{
	struct timespec ts, rem;
	int n = 0;

	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = (long)((secs - ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &rem) == -1 && errno == EINTR) {
		ts = rem;
		n++;
	}
	return (n);
}

int
main(void)
{
	struct sigaction sa;
	struct itimerval itv;
	double t0, dt;
	int interrupts;

	pt_start("sleep");
#if _POSIX_TIMERS > 0
	pt_check(1, "_POSIX_TIMERS", NULL);
#else
	pt_check(0, "_POSIX_TIMERS", "not positive");
#endif

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_beat;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	memset(&itv, 0, sizeof(itv));
	itv.it_value.tv_usec = 100000;
	itv.it_interval.tv_usec = 100000;
	setitimer(ITIMER_REAL, &itv, NULL);

	t0 = now();
	interrupts = sleep_through(1.0);
	dt = now() - t0;
	memset(&itv, 0, sizeof(itv));
	setitimer(ITIMER_REAL, &itv, NULL);
	printf("sleep: 1 s through %d heartbeats took %.3f s\n",
	    (int)beats, dt);
	pt_check(beats >= 5 && interrupts >= 5, "heartbeats interrupt "
	    "nanosleep", "%d beats, %d interruptions", (int)beats,
	    interrupts);
	pt_check(dt >= 1.0, "resumed sleeps add up",
	    "1 s of sleep took %.3f s", dt);

	t0 = now();
	usleep(250000);
	dt = now() - t0;
	pt_check(dt >= 0.25, "usleep", "250 ms took %.3f s", dt);

	beats = 0;
	ualarm(200000, 0);
	t0 = now();
	pause();
	dt = now() - t0;
	pt_check(beats == 1 && dt >= 0.15, "ualarm and pause",
	    "%d beats after %.3f s", (int)beats, dt);
	return (pt_done());
}
