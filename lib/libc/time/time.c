/*
 * time.c: time(3), difftime(3) and clock(3).
 *
 * clock() should be the processor time used; Umbra has no per-process
 * CPU clock for it yet, so it is the CLOCK_MONOTONIC time since the
 * process first called clock(), in CLOCKS_PER_SEC units.  Programs use
 * it for differences, which this gives.
 */
#include <time.h>

time_t
time(time_t *tp)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) == -1)
		return ((time_t)-1);
	if (tp != NULL)
		*tp = ts.tv_sec;
	return (ts.tv_sec);
}

double
difftime(time_t t1, time_t t0)
{

	return ((double)(t1 - t0));
}

clock_t
clock(void)
{
	static struct timespec start;
	static int started;
	struct timespec now;

	if (clock_gettime(CLOCK_MONOTONIC, &now) == -1)
		return ((clock_t)-1);
	if (!started) {
		start = now;
		started = 1;
	}
	return ((clock_t)((now.tv_sec - start.tv_sec) * CLOCKS_PER_SEC +
	    (now.tv_nsec - start.tv_nsec) / (1000000000 / CLOCKS_PER_SEC)));
}
