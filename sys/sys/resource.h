/*
 * resource.h: struct rusage, as filled by getrusage(2) and wait4(2)
 * (<sys/resource.h>).
 */
#ifndef _SYS_RESOURCE_H_
#define _SYS_RESOURCE_H_

#include <sys/time.h>

struct rusage {
	struct timeval	ru_utime;	/* user time used */
	struct timeval	ru_stime;	/* system time used */
	long		ru_maxrss;	/* max resident set size (KiB) */
	long		ru_minflt;	/* page faults not needing I/O */
	long		ru_majflt;	/* page faults needing I/O */
	long		ru_nvcsw;	/* voluntary context switches */
	long		ru_nivcsw;	/* involuntary context switches */
};

#define	RUSAGE_SELF	0
#define	RUSAGE_CHILDREN	(-1)

#ifndef _KERNEL
int	getrusage(int, struct rusage *);
#endif

#endif /* !_SYS_RESOURCE_H_ */
