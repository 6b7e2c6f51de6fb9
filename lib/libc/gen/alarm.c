/*
 * alarm.c: alarm(3) and ualarm(3), ITIMER_REAL of setitimer(2) in
 * seconds and in microseconds.
 *
 * alarm(secs) sends SIGALRM after secs seconds (0: cancel) and returns
 * the seconds that were left of the previous alarm, rounded up, or 0.
 * ualarm(usecs, interval) does the same in microseconds, then repeats
 * every interval; it returns the microseconds that were left.  Both
 * replace any timer set with setitimer(ITIMER_REAL) and are replaced
 * by it.
 */
#include <sys/time.h>

#include <unistd.h>

unsigned
alarm(unsigned secs)
{
	struct itimerval itv, oitv;

	timerclear(&itv.it_interval);
	itv.it_value.tv_sec = secs;
	itv.it_value.tv_usec = 0;
	if (setitimer(ITIMER_REAL, &itv, &oitv) == -1)
		return (0);
	return ((unsigned)oitv.it_value.tv_sec +
	    (oitv.it_value.tv_usec != 0));
}

useconds_t
ualarm(useconds_t usecs, useconds_t interval)
{
	struct itimerval itv, oitv;

	itv.it_value.tv_sec = usecs / 1000000;
	itv.it_value.tv_usec = usecs % 1000000;
	itv.it_interval.tv_sec = interval / 1000000;
	itv.it_interval.tv_usec = interval % 1000000;
	if (setitimer(ITIMER_REAL, &itv, &oitv) == -1)
		return ((useconds_t)-1);
	return ((useconds_t)(oitv.it_value.tv_sec * 1000000 +
	    oitv.it_value.tv_usec));
}
