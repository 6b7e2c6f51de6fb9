/*
 * time.c: time(3), difftime(3) and clock(3).
 *
 * clock() is the processor time the process has used, user and system,
 * from getrusage(2), in CLOCKS_PER_SEC units; it counts in whole clock
 * ticks, as the kernel does.
 */
#include <sys/resource.h>

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
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) == -1)
		return ((clock_t)-1);
	return ((clock_t)((ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) *
	    CLOCKS_PER_SEC + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) /
	    (1000000 / CLOCKS_PER_SEC)));
}
