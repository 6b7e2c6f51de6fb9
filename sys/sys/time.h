/*
 * time.h: struct timeval, struct timespec and the clocks
 * (<sys/time.h>).  Shared by the kernel and userland.
 */
#ifndef _SYS_TIME_H_
#define _SYS_TIME_H_

#include <sys/_types.h>

#ifndef _TIME_T_DECLARED
#define _TIME_T_DECLARED
typedef __time_t	time_t;
#endif

struct timeval {
	__time_t	tv_sec;		/* seconds */
	__suseconds_t	tv_usec;	/* and microseconds */
};

#ifndef _STRUCT_TIMESPEC_DECLARED
#define _STRUCT_TIMESPEC_DECLARED
struct timespec {
	__time_t	tv_sec;		/* seconds */
	long		tv_nsec;	/* and nanoseconds */
};
#endif

struct timezone {
	int	tz_minuteswest;	/* minutes west of Greenwich */
	int	tz_dsttime;	/* type of dst correction */
};

#define	CLOCK_REALTIME	0
#define	CLOCK_MONOTONIC	4	/* FreeBSD's number */

#define	timerisset(tvp)		((tvp)->tv_sec || (tvp)->tv_usec)
#define	timerclear(tvp)		((tvp)->tv_sec = (tvp)->tv_usec = 0)
#define	timercmp(tvp, uvp, cmp)						\
	(((tvp)->tv_sec == (uvp)->tv_sec) ?				\
	    ((tvp)->tv_usec cmp (uvp)->tv_usec) :			\
	    ((tvp)->tv_sec cmp (uvp)->tv_sec))
#define	timeradd(tvp, uvp, vvp) do {					\
	(vvp)->tv_sec = (tvp)->tv_sec + (uvp)->tv_sec;			\
	(vvp)->tv_usec = (tvp)->tv_usec + (uvp)->tv_usec;		\
	if ((vvp)->tv_usec >= 1000000) {				\
		(vvp)->tv_sec++;					\
		(vvp)->tv_usec -= 1000000;				\
	}								\
} while (0)
#define	timersub(tvp, uvp, vvp) do {					\
	(vvp)->tv_sec = (tvp)->tv_sec - (uvp)->tv_sec;			\
	(vvp)->tv_usec = (tvp)->tv_usec - (uvp)->tv_usec;		\
	if ((vvp)->tv_usec < 0) {					\
		(vvp)->tv_sec--;					\
		(vvp)->tv_usec += 1000000;				\
	}								\
} while (0)

/*
 * Interval timers, setitimer(2): ITIMER_REAL counts real time and sends
 * SIGALRM, ITIMER_VIRTUAL the process's user time (SIGVTALRM),
 * ITIMER_PROF its user and system time (SIGPROF).  A timer goes off
 * once it_value has passed, then again every it_interval (0: once).
 */
struct itimerval {
	struct timeval	it_interval;	/* period, or 0 */
	struct timeval	it_value;	/* time to the next expiry, or 0 */
};

#define	ITIMER_REAL	0
#define	ITIMER_VIRTUAL	1
#define	ITIMER_PROF	2

#ifndef _KERNEL
int	gettimeofday(struct timeval *, struct timezone *);
int	getitimer(int, struct itimerval *);
int	setitimer(int, const struct itimerval *, struct itimerval *);
int	utimes(const char *, const struct timeval *);
#endif

#endif /* !_SYS_TIME_H_ */
