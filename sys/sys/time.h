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

#ifndef _KERNEL
int	gettimeofday(struct timeval *, struct timezone *);
int	utimes(const char *, const struct timeval *);
#endif

#endif /* !_SYS_TIME_H_ */
