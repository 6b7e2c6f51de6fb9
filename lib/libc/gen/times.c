/*
 * times.c: times(3), from getrusage(2) and CLOCK_MONOTONIC, as the
 * BSDs build it.  The times are in clock ticks, CLK_TCK a second
 * (sysconf(_SC_CLK_TCK), the kernel's hz); the value returned is the
 * time since boot in the same ticks, or (clock_t)-1 with errno set.
 */
#include <sys/param.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>

#include <time.h>

/* A timeval in clock ticks. */
#define	TV_TO_TICKS(tv)							\
	((clock_t)((tv)->tv_sec * HZ + (tv)->tv_usec / (1000000 / HZ)))

clock_t
times(struct tms *tp)
{
	struct rusage self, children;
	struct timespec now;

	if (getrusage(RUSAGE_SELF, &self) == -1 ||
	    getrusage(RUSAGE_CHILDREN, &children) == -1 ||
	    clock_gettime(CLOCK_MONOTONIC, &now) == -1)
		return ((clock_t)-1);
	tp->tms_utime = TV_TO_TICKS(&self.ru_utime);
	tp->tms_stime = TV_TO_TICKS(&self.ru_stime);
	tp->tms_cutime = TV_TO_TICKS(&children.ru_utime);
	tp->tms_cstime = TV_TO_TICKS(&children.ru_stime);
	return ((clock_t)(now.tv_sec * HZ + now.tv_nsec / (1000000000 / HZ)));
}
