/*
 * times.h: times(3), the process's and its children's CPU times in
 * clock ticks (<sys/times.h>); sysconf(_SC_CLK_TCK) gives the ticks a
 * second.
 */
#ifndef _SYS_TIMES_H_
#define _SYS_TIMES_H_

#include <sys/_types.h>

#ifndef _CLOCK_T_DECLARED
#define _CLOCK_T_DECLARED
typedef long		clock_t;
#endif

struct tms {
	clock_t	tms_utime;	/* user time */
	clock_t	tms_stime;	/* system time */
	clock_t	tms_cutime;	/* user time of reaped children */
	clock_t	tms_cstime;	/* system time of reaped children */
};

#ifndef _KERNEL
clock_t	times(struct tms *);
#endif

#endif /* !_SYS_TIMES_H_ */
