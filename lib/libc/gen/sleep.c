/*
 * sleep.c: sleep(3) and usleep(3), both nanosleep(2).
 *
 * sleep() returns 0, or, when a signal cut the sleep short, the number
 * of seconds left (rounded up).  usleep() returns 0 or -1 with errno
 * set (EINTR).
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>

unsigned
sleep(unsigned seconds)
{
	struct timespec ts, rem;

	ts.tv_sec = seconds;
	ts.tv_nsec = 0;
	if (nanosleep(&ts, &rem) == -1) {
		if (errno != EINTR)
			return (0);
		return ((unsigned)rem.tv_sec + (rem.tv_nsec > 0));
	}
	return (0);
}

int
usleep(useconds_t usec)
{
	struct timespec ts;

	ts.tv_sec = usec / 1000000;
	ts.tv_nsec = (long)(usec % 1000000) * 1000;
	return (nanosleep(&ts, NULL));
}
